"""What the site was made from, so that a second run redoes only what changed.

Three manifests (:class:`toolkit.build.manifest.Manifest`, the build's, one file each under
``<site>/.tei-edition/``), because a document's products depend on different things:

* ``summaries.json``: its summary (kept in ``.tei-edition/summaries/``) depends on the
  document, the files it read (register files, XIncluded parts, schemas) and the
  stylesheets;
* ``pages.json``: its page depends on those and on what the page shows of the rest of the
  edition: the site model (navigation), its previous and next documents, the site's
  title and base URL;
* ``downloads.json``: its TEI copy, text and PDF depend on the document and its register
  files only, so a new neighbour does not make a new PDF.

The site's own pages (index, registers, chronology, search, CMIF, sitemap) are rendered
from the edition index and the register files, and written only when their bytes changed;
``site.json`` records the hash of what they were last rendered from (and the site model),
so a run in which neither changed renders none of them and compiles none of their
stylesheets (most of the time a no-op run would otherwise take). The search index is
rebuilt when a page was written or removed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from toolkit.build.manifest import Manifest, config_hash
from toolkit.core import resources
from toolkit.core.write import atomic_write
from toolkit.site.plan import SiteOptions

STATE_DIR = ".tei-edition"
SITE_FILE = "site.json"
MODEL_FILE = "model.xml"


class SiteState:
    """The three manifests of one site folder and their configuration hashes."""

    def __init__(self, out_dir: Path, options: SiteOptions) -> None:
        self.out_dir = out_dir
        self.summaries = Manifest(out_dir, f"{STATE_DIR}/summaries.json")
        self.pages = Manifest(out_dir, f"{STATE_DIR}/pages.json")
        self.downloads = Manifest(out_dir, f"{STATE_DIR}/downloads.json")
        cache = self.summaries.cache
        folders = [resources.data_dir("xslt")]
        validation = options.validation
        extra: list[Path] = []
        if validation is not None:
            folders.append(resources.data_dir("schemas"))
            extra = [*validation.schemas, *validation.rules, *validation.catalogs]
        text = repr(validation) if validation is not None else ""
        self.summary_config = config_hash(cache, ("site-summary",), options.params, (), folders,
                                          text, extra)
        self.download_config = config_hash(cache, ("site-downloads", *options.downloads),
                                           options.params, (), folders, text, extra)
        self.page_config = config_hash(cache, ("site-page", options.title, options.base_url,
                                               *options.downloads),
                                       options.params, (), folders, text, extra)
        self.site_config = config_hash(
            cache, ("site-pages", options.title, options.base_url, *options.downloads,
                    str(options.search), options.editor, options.email, options.publisher),
            options.params, (), folders, text, extra)

    def summary_file(self, stem: str) -> Path:
        return self.out_dir / STATE_DIR / "summaries" / f"{stem}.xml"

    def page_config_for(self, params: tuple[tuple[str, str], ...], model: bytes) -> str:
        """The page hash of one document: the site's, its neighbours, the model."""
        digest = hashlib.sha256(self.page_config.encode())
        for key, value in params:
            digest.update(f"\0{key}\0{value}".encode("utf-8", "surrogateescape"))
        digest.update(b"\0model\0" + model)
        return digest.hexdigest()

    def site_key(self, index: bytes, registers: list[Path]) -> str:
        """The hash of what the site's own pages are rendered from: the edition index, the
        register files' contents and the site's configuration."""
        digest = hashlib.sha256(self.site_config.encode())
        digest.update(b"\0index\0" + index)
        for path in registers:
            try:
                sha = self.summaries.cache.hash(path.resolve()).sha256
            except OSError:
                sha = "missing"
            digest.update(f"\0{path}\0{sha}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def unchanged_site(self, key: str) -> bytes | None:
        """The site model of the last run when its pages were rendered from ``key`` and are
        all still there (None: render them)."""
        state = self.out_dir / STATE_DIR
        try:
            recorded = json.loads((state / SITE_FILE).read_text("utf-8"))
            if recorded.get("key") != key or not all(
                    (self.out_dir / name).is_file() for name in recorded.get("pages", [])):
                return None
            return (state / MODEL_FILE).read_bytes()
        except (OSError, ValueError, AttributeError):
            return None

    def rendered_site(self, key: str, model: bytes, pages: list[str]) -> None:
        """Record that the site's ``pages`` were rendered from ``key``."""
        state = self.out_dir / STATE_DIR
        atomic_write(state / MODEL_FILE, model)
        atomic_write(state / SITE_FILE, json.dumps({"key": key, "pages": sorted(pages)},
                                                   indent=1).encode("utf-8"))

    def save(self) -> None:
        for manifest in (self.summaries, self.pages, self.downloads):
            manifest.save()
