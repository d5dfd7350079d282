"""Step 2: recognise a Digital Archive document page and take it apart.

A document page of the Wilson Center's Digital Archive, as captured, reads top to bottom:
the site's search box and name; the document's date (and, in some layouts, its title in
capitals); a funding line ("This document was made possible with support from ...");
the citation widget - "Citation", "get citation", the summary, the citation itself
("\u201cTitle,\u201d Date, History and Public Policy Program Digital Archive, archive,
reference. Translated by ..."), "share document" and the page's address; a switch between
the versions of the document ("English HTML", "Russian PDF" ...); the document; and
after it, lists of associated people, places and subjects, the record ID, rights, and
the site's footer.

:func:`recognise` finds those parts by what they say, not by their position, so that
layouts with and without a title line, with and without a "VIEW DOCUMENT IN" heading or a
"CITATION SHARE DOWNLOAD" bar, plain text and HTML, all come out the same. A page without
a citation naming the Digital Archive is not a document page of the archive: it is
refused with a message that says what was looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.core.errors import ToolkitError
from toolkit.ingest.page import Block, Page

#: Lines of the site around the document, never part of it.
WIDGETS = re.compile(r"""^(?:
    search\ in | add\ search\ filter(?:\ cancel\ search\ filter)? | cancel\ search\ filter
  | skip\ to\ (?:main\ )?content | (?:the\ )?digital\ archive(?:\ international\ history\ declassified)?
  | international\ history\ declassified | wilson\ center | menu | search | log\ ?in | sign\ in
  | [•·\-*]?\s*citation | get\ citation | [•·\-*]?\s*share\ document | citation\ share(?:\ download)?
  | share | download | print | email | copy(?:\ link)? | close | back\ to\ top
  | view\ document\ in | view\ original | original\ scan | english | русский | 中文 | 한국어
  | español | français | deutsch | türkçe | (?:english|russian|chinese|korean|german|french|
    spanish|hungarian|polish|czech|romanian|bulgarian|vietnamese|japanese|mongolian|
    serbian|albanian|arabic|persian|portuguese|italian|turkish|hebrew|ukrainian)
    (?:\ (?:html|pdf|transcript|translation|original|scan))+
)\s*[:.]?$""", re.I | re.X)
SUPPORT = re.compile(r"^this document was made possible (?:with|by|through) (?:the )?"
                     r"(?:generous )?support (?:from|of) (?:the )?(?P<funder>.+?)\.?$", re.I)
#: Headings of the lists that follow the document: the document ends where one begins.
TRAILERS = re.compile(r"""^(?:
    associated\ (?:people|persons|people\ (?:&|and)\ organi[sz]ations|organi[sz]ations|
                  places|topics|subjects|themes|collections|events)
  | subjects?\ discussed | related\ documents? | document\ information | source | sources
  | original\ archive | original\ language | original\ uploaded\ date | record\ id | rights
  | type | language | donors? | available\ translations? | contributed\ by | bibliography
  | collections? | keywords | tags | more\ documents | cite | citation\ information
  | (?:the\ )?history\ and\ public\ policy\ program\ welcomes .*
)\s*:?\s*(?P<value>.*)$""", re.I | re.X)
URL = re.compile(r"^https?://\S+$")
CITATION = re.compile(r"^[\"\u201c\u201e\u00ab']")


class NotAnArchivePage(ToolkitError):
    """The page is not a document page of the Digital Archive (exit 1, no output)."""


@dataclass
class Capture:
    """The parts of a document page; ``body`` is the document's own text."""

    name: str
    date: Block | None
    title: Block | None
    citation: Block
    summary: list[Block]
    body: list[Block]
    funder: str | None = None
    support: str | None = None  # the funding line as the page gives it
    url: str | None = None
    record_id: str | None = None
    rights: list[str] = field(default_factory=list)
    trailer: dict[str, list[str]] = field(default_factory=dict)


def recognise(page: Page) -> Capture:
    """Take ``page`` apart, or raise :class:`NotAnArchivePage`."""
    name = str(page.path)
    blocks = page.blocks
    at = _citation_index(blocks)
    if at is None:
        first = blocks[0] if blocks else Block("", 1)
        raise NotAnArchivePage(
            "not a Digital Archive document page: no citation found (looked for a line "
            "like \u201cTitle,\u201d Month D, YYYY, History and Public Policy Program Digital "
            "Archive, archive, reference.); nothing written", name, first.line, 1,
            rule="import-unrecognised")
    head = blocks[:at]
    funder = support = None
    for block in head:
        match = SUPPORT.match(block.text)
        if match:
            funder, support = match.group("funder").strip(), block.text
    date, title = _date_and_title(head)
    summary = _summary(head)
    url = page.url
    body_start = at + 1
    while body_start < len(blocks) and (_is_widget(blocks[body_start]) or
                                        URL.match(blocks[body_start].text)):
        if URL.match(blocks[body_start].text):
            url = url or blocks[body_start].text
        body_start += 1
    body, trailer_start = [], len(blocks)
    for index in range(body_start, len(blocks)):
        if TRAILERS.match(blocks[index].text) and (blocks[index].kind == "heading"
                                                   or len(blocks[index].text.split()) <= 5
                                                   or blocks[index].text.lower().startswith(
                                                       ("record id", "rights"))):
            trailer_start = index
            break
        if not _is_widget(blocks[index]):
            body.append(blocks[index])
    if not body:
        raise NotAnArchivePage("the page has a citation but no document text after it; "
                               "nothing written", name, blocks[at].line, 1,
                               rule="import-unrecognised")
    capture = Capture(name, date, title, blocks[at], summary, body, funder, support, url)
    _read_trailer(blocks[trailer_start:], capture)
    citation_url = re.search(r"https?://\S+$", blocks[at].text)
    capture.url = capture.url or (citation_url.group(0) if citation_url else None)
    return capture


def _is_widget(block: Block) -> bool:
    return bool(WIDGETS.match(block.text))


def _citation_index(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks):
        if CITATION.match(block.text) and "digital archive" in block.text.lower():
            return index
    return None


def _date_and_title(head: list[Block]) -> tuple[Block | None, Block | None]:
    """The page's date line and, if the layout has one, its title line (between the
    date and the funding line or the citation widget)."""
    from toolkit.ingest.dates import parse_date

    date = title = None
    for block in head:
        if date is None:
            if parse_date(block.text) is not None:
                date = block
            continue
        if SUPPORT.match(block.text) or re.match(r"^(?:[•·\-*]\s*)?(?:get )?citation\b",
                                                 block.text, re.I):
            break
        if not _is_widget(block):
            title = block
            break
    return date, title


def _summary(head: list[Block]) -> list[Block]:
    """The lines between "get citation" (or "Citation") and the citation line."""
    lines: list[Block] = []
    for block in head:
        if re.match(r"^(?:[•·\-*]\s*)?(?:get )?citation$", block.text, re.I):
            lines = []
        elif not _is_widget(block) and not SUPPORT.match(block.text):
            lines.append(block)
    started = [i for i, b in enumerate(head)
               if re.match(r"^(?:[•·\-*]\s*)?(?:get )?citation$", b.text, re.I)]
    return lines if started else []


def _read_trailer(blocks: list[Block], capture: Capture) -> None:
    """The lists after the document: Record ID, rights, associated names ..."""
    current = None
    for block in blocks:
        match = TRAILERS.match(block.text)
        if match and (block.kind == "heading" or len(block.text.split()) <= 5
                      or block.text.lower().startswith(("record id", "rights"))):
            current = block.text.split(":")[0].strip().lower()
            capture.trailer.setdefault(current, [])
            if match.group("value"):
                capture.trailer[current].append(match.group("value").strip())
            continue
        if current is not None and not _is_widget(block):
            capture.trailer[current].append(block.text)
    record = capture.trailer.get("record id")
    if record:
        found = re.search(r"\d+", record[0])
        capture.record_id = found.group(0) if found else None
    capture.rights = capture.trailer.get("rights", [])
