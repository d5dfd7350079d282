"""The ``site`` renderer of ``serve --site``: the edition site, rebuilt on every save.

The site is built by ``tei-edition site`` itself (:func:`toolkit.site.build.build_site`)
into a private temporary folder, incrementally: a save rebuilds what depends on the saved
file (that document's page, the register and index pages that show it, the search
index), and the server announces the pages whose files were rewritten. Pages are served
from that folder, so the reader sees exactly what ``tei-edition site`` publishes, search
included. Downloads are the TEI and the plain text (PDF is left to ``tei-edition site``:
it takes seconds per document).
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
import threading
import weakref
from pathlib import Path

from toolkit.core.sources import Source
from toolkit.serve.pages import Page, Update, register
from toolkit.serve.project import Project, _clean
from toolkit.serve.stylesheets import WarmStylesheets
from toolkit.site.plan import SiteOptions

mimetypes.add_type("application/wasm", ".wasm")


@register("site")
class SiteRenderer:
    """The edition site of the served documents (see the module docstring)."""

    home = "/index.html"  # ``/`` is the site's own index, as on a static host

    def __init__(self, project: Project, params: dict[str, object] | None = None,
                 overrides: dict[str, Path] | None = None,
                 registers: tuple[Path, ...] = ()) -> None:
        self.project = project
        self.registers = {p.resolve() for p in registers}
        self.folder = Path(tempfile.mkdtemp(prefix="tei-edition-site-"))
        weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.options = SiteOptions(out_dir=self.folder / "site", downloads=("tei", "text"),
                                   params=tuple((k, str(v)) for k, v in (params or {}).items()))
        self.sheets = WarmStylesheets(overrides)  # for watched(): the stylesheet folders
        self._versions: dict[str, int] = {}
        self._lock = threading.RLock()
        self.findings: list = []

    def _sources(self) -> list[Source]:
        return [Source(doc.path, Path(doc.stem + doc.path.suffix)) for doc in self.project.documents]

    def _build(self) -> Update:
        from toolkit.site.build import build_site

        with self._lock:
            summary = build_site(self._sources(), self.options, jobs=1)
            self.findings = summary.findings
            update = Update()
            root = self.options.out_dir.resolve()
            for path in summary.written:
                url = "/" + path.resolve().relative_to(root).as_posix()
                self._versions[url] = self._versions.get(url, 0) + 1
                if url.endswith(".html"):
                    update.rendered.add(url)
            failing = {f.file for f in summary.findings if f.severity == "error"}
            for doc in self.project.documents:
                if str(doc.path) in failing:
                    update.failed.add(doc.url("html"))
            update.documents = {doc.path for doc in self.project.documents}
            return update

    # -- the Renderer protocol ----------------------------------------------------------

    def start(self) -> Update:
        return self._build()

    def update(self, changed: set[Path]) -> Update:
        self.sheets.changed(changed)
        update = self._build()
        update.documents = {p for p in update.documents if p in {c.resolve() for c in changed}
                            or p in changed}
        return update

    def page(self, url: str) -> Page | None:
        clean = _clean(url)
        if clean is None:
            return None
        root = self.options.out_dir.resolve()
        target = (root / (clean or "index.html")).resolve()
        if root not in target.parents or not target.is_file() or ".tei-edition" in target.parts:
            return None
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/"):
            kind += "; charset=utf-8"
        key = "/" + target.relative_to(root).as_posix()
        return Page(key, target.read_bytes(), kind, self._versions.get(key, 1))

    def source_of(self, url: str) -> Path | None:
        found = self.project.page_for(url)
        return found[0].path if found and found[1] == "html" else None

    def index(self) -> list[tuple[str, str, Page | None]]:
        pages = [("/index.html", "index", self.page("/index.html"))]
        return pages + [(doc.url("html"), doc.stem, self.page(doc.url("html")))
                        for doc in self.project.documents]

    def watched(self) -> set[Path]:
        return {self.project.real_root} | self.sheets.folders() | {p.parent for p in self.registers}
