"""What a renderer hands the server: pages in memory, and the protocol a renderer follows.

The server does not know how pages are made. A renderer (the HTML edition of each source,
:class:`toolkit.serve.edition.EditionRenderer`; later the edition site of ``tei-edition
site``) keeps the current pages in memory, is told which files changed, and answers with the
URLs it rendered again. The server pushes those URLs to the open tabs, serves
:meth:`Renderer.page` for a request, and shows the findings of :meth:`Renderer.source_of`'s
document in the page's panel. Renderers are chosen by name from :data:`RENDERERS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from toolkit.core.findings import Finding


@dataclass
class Page:
    """One page as the server sends it: the last good body, and the error of the last try.

    ``error`` is set while the source does not render (not well-formed, a stylesheet
    error); ``body`` is then the last page that did, so the reader keeps reading.
    """

    url: str
    body: bytes
    content_type: str
    version: int = 0
    error: Finding | None = None
    warnings: list[Finding] = field(default_factory=list)


@dataclass
class Update:
    """What one rebuild did: the URLs whose page changed and those that now fail."""

    rendered: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    documents: set[Path] = field(default_factory=set)


class Renderer(Protocol):
    """The server's view of a way of making pages (see the module docstring)."""

    #: the page served at ``/`` (None: the server's own list of documents)
    home: str | None

    def start(self) -> Update:
        """Render what a reader sees first (every document's HTML)."""

    def update(self, changed: set[Path]) -> Update:
        """Render again what depends on the ``changed`` files."""

    def page(self, url: str) -> Page | None:
        """The page at ``url`` (rendering it now if it is made on request), or None."""

    def source_of(self, url: str) -> Path | None:
        """The document whose findings the page at ``url`` shows."""

    def index(self) -> list[tuple[str, str, Page | None]]:
        """``(url, label, current page)`` for the server's start page."""

    def watched(self) -> set[Path]:
        """Folders whose changes concern this renderer (sources, stylesheets)."""


#: Renderer factories by name: ``edition`` (one HTML page per source) and ``site`` (issue
#: 11's edition site, :mod:`toolkit.serve.site`), with the same signature.
RENDERERS: dict[str, Callable[..., Renderer]] = {}


def register(name: str):
    """Class decorator: make a renderer available to ``serve`` under ``name``."""
    def add(factory):
        RENDERERS[name] = factory
        return factory
    return add
