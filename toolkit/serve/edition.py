"""The ``edition`` renderer: each source's HTML edition, re-rendered in memory on a change.

The HTML page of every document is rendered at start and again when its source, a file it
names (a register file ``registers.xml``, an XIncluded part) or one of the HTML
stylesheet's modules changes; the text and print editions are rendered when first asked
for and forgotten on such a change. Stylesheets stay compiled between changes
(:class:`toolkit.serve.stylesheets.WarmStylesheets`), so a save costs a parse and a
transform: tens of milliseconds for the telegram.

A source that fails (not well-formed, a stylesheet error) keeps its last good page and
carries the error; one that never rendered gets a page of the server's own saying why.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

from toolkit.build.registers import find_registers
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_file
from toolkit.core.tei import require_tei
from toolkit.serve.pages import Page, Update, register
from toolkit.serve.project import Document, Project
from toolkit.serve.stylesheets import WarmStylesheets

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8",
                 "pdf": "application/pdf"}


def render_format(doc: Document, fmt: str, sheets: WarmStylesheets,
                  params: dict[str, object], root: Path) -> tuple[bytes, list[Finding]]:
    """Parse ``doc`` and transform it into ``fmt`` with the register files it points to
    (inside ``root``), as ``build`` does; raise :class:`ToolkitError` on failure."""
    name = str(doc.path)
    tree = parse_file(doc.path)
    require_tei(tree, name)
    found = find_registers(tree, doc.path, root)
    params = {**params, **found.params(found.documents())}
    result = sheets.get(fmt).transform(tree, params=params, name=name,
                                       base_uri=tree.docinfo.URL or None)
    warnings = list(found.findings) + [
        Finding(name, None, None, "warning", message, "xsl:message", source="xslt")
        for message in result.messages]
    if fmt == "pdf":
        from toolkit.build import pdf

        return pdf.render_pdf(result.output, name), warnings
    return result.output.encode("utf-8"), warnings


def failure_finding(doc: Document, exc: BaseException) -> Finding:
    """The error of a render as a finding (a located one for the toolkit's own errors)."""
    if isinstance(exc, ToolkitError):
        finding = exc.finding()
        return finding if finding.file else Finding(str(doc.path), None, None, "error",
                                                    finding.message, finding.rule, source="toolkit")
    return Finding(str(doc.path), None, None, "error",
                   f"internal error: {type(exc).__name__}: {exc}", "internal", source="toolkit")


@register("edition")
class EditionRenderer:
    """One page per source and format (see the module docstring)."""

    home = None  # ``/`` is the server's list of documents

    def __init__(self, project: Project, params: dict[str, object] | None = None,
                 overrides: dict[str, Path] | None = None,
                 registers: tuple[Path, ...] = ()) -> None:
        self.project = project
        self.params = dict(params or {})
        self.sheets = WarmStylesheets(overrides)
        self.registers = {p.resolve() for p in registers}
        self._pages: dict[str, Page] = {}
        self._lock = threading.RLock()

    # -- the Renderer protocol ----------------------------------------------------------

    def start(self) -> Update:
        return self._render_all(self.project.documents)

    def update(self, changed: set[Path]) -> Update:
        stale_formats = self.sheets.changed(changed)
        affected: set[Document] = set()
        for path in changed:
            affected |= self._depending_on(path)
        with self._lock:  # text and print pages are rendered again when next asked for
            for doc in self.project.documents:
                drop = {"text", "pdf"} if doc in affected else stale_formats - {"html"}
                for fmt in drop:
                    self._pages.pop(doc.url(fmt), None)
        if "html" in stale_formats:
            affected = set(self.project.documents)
        return self._render_all([d for d in self.project.documents if d in affected])

    def page(self, url: str) -> Page | None:
        found = self.project.page_for(url)
        if found is None:
            return None
        doc, fmt = found
        with self._lock:
            page = self._pages.get(doc.url(fmt))
            if page is None:
                page = self._render(doc, fmt)
            return page

    def source_of(self, url: str) -> Path | None:
        found = self.project.page_for(url)
        return found[0].path if found else None

    def index(self) -> list[tuple[str, str, Page | None]]:
        with self._lock:
            return [(doc.url("html"), doc.stem, self._pages.get(doc.url("html")))
                    for doc in self.project.documents]

    def watched(self) -> set[Path]:
        return {self.project.real_root} | self.sheets.folders() | \
            {p.parent for p in self.registers}

    # -- rendering ----------------------------------------------------------------------

    def _render_all(self, docs) -> Update:
        update = Update()
        for doc in docs:
            page = self._render(doc, "html")
            update.documents.add(doc.path)
            (update.failed if page.error else update.rendered).add(page.url)
        return update

    def _render(self, doc: Document, fmt: str) -> Page:
        url = doc.url(fmt)
        with self._lock:
            previous = self._pages.get(url)
            try:
                body, warnings = render_format(doc, fmt, self.sheets, self.params,
                                               self.project.real_root)
            except (Exception, RecursionError) as exc:  # noqa: BLE001 - keep serving
                error = failure_finding(doc, exc)
                if previous is not None and previous.version:
                    page = Page(url, previous.body, previous.content_type, previous.version,
                                error, previous.warnings)
                else:
                    page = Page(url, _error_page(doc, error), CONTENT_TYPES["html"], 0, error)
            else:
                version = previous.version + 1 if previous else 1
                page = Page(url, body, CONTENT_TYPES[fmt], version, None, warnings)
            self._pages[url] = page
            return page

    def _depending_on(self, path: Path) -> set[Document]:
        """The documents that ``path`` changes: itself, and those that name its file."""
        docs = set()
        doc = self.project.document_at(path)
        if doc is not None:
            docs.add(doc)
        if path.suffix.lower() in (".xml", ".tei"):
            if path.resolve() in self.registers:
                return set(self.project.documents)
            for other in self.project.documents:
                if other not in docs and _names(other.path, path.name):
                    docs.add(other)
        return docs


def _names(source: Path, file_name: str) -> bool:
    """Whether ``source`` mentions ``file_name`` (a pointer, an XInclude, an xml-model)."""
    try:
        return file_name.encode("utf-8") in source.read_bytes()
    except OSError:
        return False


def _error_page(doc: Document, error: Finding) -> bytes:
    """The server's page for a document that has not rendered yet (text escaped)."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
            f"<title>{html.escape(doc.stem)}: not rendered</title></head><body>"
            f"<main><h1>{html.escape(doc.stem)}</h1><p>This document has not rendered yet; "
            f"it will appear here when its source is fixed.</p>"
            f"<pre>{html.escape(error.format())}</pre></main></body></html>").encode("utf-8")
