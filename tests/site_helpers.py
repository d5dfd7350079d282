"""Helpers of the edition-site tests: build a site with the CLI, serve it on 127.0.0.1,
read its pages, take the modification times of its files."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

import lxml.html

from conftest import run_cli


def build(*args: str, cwd: Path, timeout: float = 900):
    """``tei-edition site ARGS`` run in ``cwd``."""
    return run_cli("site", *args, cwd=cwd, timeout=timeout)


def page(path: Path):
    return lxml.html.parse(str(path)).getroot()


def mtimes(site: Path) -> dict[str, int]:
    """Modification times of the site's files (its own state folder left out)."""
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*")
            if p.is_file() and ".tei-edition" not in p.parts}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """The site served by Python's own static server (as `python -m http.server` would),
    on 127.0.0.1 and a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
