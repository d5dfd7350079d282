"""The site's full-text search: a Pagefind index under ``pagefind/``, built at site time.

Why Pagefind: the index is static files (a few hundred kilobytes for thousands of
pages) that the browser fetches in fragments as a query needs them, so the search works
from any static host and from ``python -m http.server`` with nothing fetched from another
host, and building it for the whole edition takes seconds (staticSearch, the alternative
in this field, needs Ant and Saxon and minutes). The Pagefind binary comes with the PyPI
package ``pagefind[bin]``; it reads the written HTML pages, indexes what their
``data-pagefind-body`` holds (document pages only: xslt/site/document.xsl marks them, with
the filters and sort key), and writes its bundle. It is written beside the old one and
then swapped in, so a reader never sees half an index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from toolkit.core.findings import Finding

BUNDLE = "pagefind"
#: seconds the indexer may take (the whole shared corpus takes a few)
TIMEOUT = 600


def executable() -> Path | None:
    """The Pagefind binary: $PAGEFIND_BINARY_PATH, else the one of ``pagefind_bin``."""
    configured = os.environ.get("PAGEFIND_BINARY_PATH")
    if configured:
        return Path(configured)
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = __import__(module).get_executable()
        except (ImportError, FileNotFoundError):
            continue
        return Path(found)
    return None


def build_search(out_dir: Path) -> list[Finding]:
    """Index the site in ``out_dir``; findings say what went wrong (none when it worked)."""
    binary = executable()
    where = str(out_dir / BUNDLE)
    if binary is None:
        return [Finding(where, None, None, "error", "search index not built: the Pagefind "
                        "binary is not installed (pip install 'pagefind[bin]')", "search",
                        source="site")]
    out_dir = out_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=".pagefind.", suffix=".part", dir=out_dir))
    try:
        run = subprocess.run([str(binary), "--site", str(out_dir), "--output-path", str(staging),
                              "--quiet"], capture_output=True, text=True, timeout=TIMEOUT,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return [Finding(where, None, None, "error", f"search index not built: {exc}", "search",
                        source="site")]
    if run.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        detail = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no message"]
        return [Finding(where, None, None, "error", f"search index not built: Pagefind "
                        f"failed: {detail[0]}", "search", source="site")]
    bundle = out_dir / BUNDLE
    old = out_dir / f".{BUNDLE}.old.part"
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    staging.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    return []
