"""Which documents the site has and where each goes: ``<relative path without .xml>.html``.

Why a plan before any work: two documents that would get the same URL (``a.xml`` and
``A.tei`` on a case-insensitive host, ``letters/x.xml`` named twice from two folders) or a
document that would take the place of one of the site's own pages (``index.xml``) must be
found before anything is written, and reported naming both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.findings import Finding
from toolkit.core.sources import Source
from toolkit.validate.options import ValidationOptions

#: The site's own pages and folders: no document may take their URLs.
RESERVED = frozenset({"index", "persons", "places", "organisations", "events", "communications",
                      "objects", "names", "entries", "chronology", "search", "cmif", "sitemap"})
RESERVED_FOLDERS = frozenset({"assets", "pagefind"})
#: What a document's page offers for download, in this order.
DOWNLOADS = ("tei", "text", "pdf")
SUFFIXES = {"html": ".html", "tei": ".xml", "text": ".txt", "pdf": ".pdf"}


@dataclass(frozen=True)
class SiteOptions:
    """What to build and how (hashed into the site's manifests where it matters)."""

    out_dir: Path = Path("site")
    title: str = ""
    base_url: str = ""
    downloads: tuple[str, ...] = DOWNLOADS
    params: tuple[tuple[str, str], ...] = ()
    validation: ValidationOptions | None = None
    editor: str = ""
    email: str = ""
    publisher: str = ""
    search: bool = True


@dataclass(frozen=True)
class SiteDocument:
    """One source and its place in the site (``stem``: ``letters/1921-05-03``)."""

    source: Source
    stem: str

    def output(self, kind: str) -> str:
        """The relative path of the page (``html``) or a download (``tei``, ``text``, ``pdf``)."""
        return self.stem + SUFFIXES[kind]

    @property
    def url(self) -> str:
        return self.output("html")

    @property
    def root(self) -> str:
        """The way from the page to the site's root: '' or '../' ..."""
        return "../" * self.stem.count("/")


@dataclass
class Plan:
    documents: list[SiteDocument] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def plan(sources: list[Source]) -> Plan:
    """Give each source its URL; refuse clashes (with each other, with the site's pages)."""
    result = Plan()
    claimed: dict[str, Source] = {}
    for source in sources:
        stem = source.stem.as_posix()
        folded = stem.casefold()
        clash = claimed.get(folded)
        if clash is not None:
            result.findings.append(Finding(
                str(source.path), None, None, "error",
                f"would get the URL {stem}.html, as {clash.path} does; left out of the site "
                "(rename one, or build them into separate sites)", "url-clash", source="site"))
            continue
        if folded in RESERVED or folded.split("/", 1)[0] in RESERVED_FOLDERS:
            result.findings.append(Finding(
                str(source.path), None, None, "error",
                f"would get the URL {stem}.html, which is the site's own "
                f"{folded.split('/', 1)[0]} page; left out of the site (rename it)",
                "url-clash", source="site"))
            continue
        claimed[folded] = source
        result.documents.append(SiteDocument(source, stem))
    return result
