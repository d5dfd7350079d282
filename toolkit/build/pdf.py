"""Render the print edition's HTML (from ``xslt/print.xsl``) to PDF with WeasyPrint.

WeasyPrint fetches nothing from the network here: the print HTML carries its CSS inline,
and the URL fetcher refuses every scheme but ``data:`` and files inside the toolkit's own
``xslt/`` folder. Fonts come from the system (Noto Serif and Noto Serif CJK, installed
by ``scripts/setup-system.sh``), which keeps rendering well under a second a page.

The PDF is tagged and declares PDF/UA-1 (WeasyPrint maps ``<title>``, ``<meta
name="author|description|keywords">`` and ``<html lang>`` into its metadata).

The index at the back links every mention of a register entry (``a.pageref``, class
``note`` inside a note; CSS prints ``target-counter(attr(href url), page)``). CSS cannot
drop a page already listed, collapse ranges or mark notes, so when an index is present
the document is laid out once, each entry's links are replaced by its page list ("3,
5n, 7–9": :func:`page_list`), and it is laid out again. Only the index pages change,
and they follow every mention, so the page numbers of the second layout are those of
the first.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from toolkit.core import resources
from toolkit.core.errors import TransformError

#: Options of every PDF written: tagged, PDF/UA-1 metadata.
PDF_OPTIONS = {"pdf_tags": True, "pdf_variant": "pdf/ua-1"}

_PAGES = re.compile(r'(<span class="pages">)(.*?)(</span>)', re.S)
_PAGEREF = re.compile(r'<a class="pageref( note)?" href="#([^"]+)"></a>')

def _fetcher():
    """A WeasyPrint fetcher for ``data:`` URLs and files inside ``xslt/`` only."""
    from weasyprint.urls import URLFetcher

    allowed = resources.data_dir("xslt").resolve()

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                target = Path(url.split("?")[0].removeprefix("file://").removeprefix("file:"))
                target = target.resolve()
                if target != allowed and allowed not in target.parents:
                    raise ValueError(f"refusing {url!r}: outside the toolkit's xslt folder")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols=("data", "file"), fail_on_errors=False)


def _quiet() -> None:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def layout(html: str):
    """Lay out ``html`` and return WeasyPrint's ``Document`` (pages, anchors)."""
    from weasyprint import HTML

    _quiet()
    document = HTML(string=html, base_url=resources.data_dir("xslt").as_uri() + "/",
                    url_fetcher=_fetcher())
    return document.render(**PDF_OPTIONS)


def anchor_pages(document) -> dict[str, int]:
    """``{anchor id: page number (1-based)}`` of a laid-out document."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def page_list(hits: list[tuple[int, bool]]) -> str:
    """"3, 5n, 7–9" from (page, in a note) pairs: each page once, runs of pages of the
    text collapsed into a range, "n" where the entry is mentioned only in a note."""
    text = sorted({page for page, in_note in hits if not in_note})
    items: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = start
        while end + 1 < len(text) and text[end + 1] == text[end] + 1:
            end += 1
        items.append((text[start], f"{text[start]}–{text[end]}" if end > start else str(text[start])))
        start = end + 1
    items += [(page, f"{page}n") for page in sorted({p for p, n in hits if n} - set(text))]
    return ", ".join(label for _, label in sorted(items))


def dedupe_index(html: str, pages: dict[str, int]) -> str:
    """Replace each index entry's links by its page list (links to unknown anchors dropped)."""

    def entry(match: re.Match) -> str:
        hits = [(pages[link.group(2)], bool(link.group(1)))
                for link in _PAGEREF.finditer(match.group(2)) if link.group(2) in pages]
        return match.group(1) + page_list(hits) + match.group(3)

    return _PAGES.sub(entry, html)


def render_document(html: str):
    """The final laid-out ``Document`` of ``html`` (index links deduplicated)."""
    document = layout(html)
    if 'class="pageref"' in html:
        deduped = dedupe_index(html, anchor_pages(document))
        if deduped != html:
            document = layout(deduped)
    return document


def render_pdf(html: str, name: str = "") -> bytes:
    """Lay out ``html`` (CSS paged media) and return the PDF bytes."""
    try:
        return render_document(html).write_pdf(**PDF_OPTIONS)
    except TransformError:
        raise
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs the message
        raise TransformError(f"PDF rendering failed: {type(exc).__name__}: {exc}", name,
                             rule="pdf") from None
