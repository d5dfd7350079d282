"""Step 3: read the archive's citation of the document, part by part.

The Digital Archive cites every document in one sentence:

    "Title," Date, History and Public Policy Program Digital Archive, Repository,
    Reference parts. Translated for CWIHP by Name. [https://... address]

This module finds each part and where it is in the sentence, so that the draft can carry
the citation word for word with each part tagged (``title``, ``date``, ``biblScope``,
``persName``), and the archival reference split into its units. Units are recognised
in the forms archives use: Russian ``Fond``/``f.``, ``Opis``/``op.``, ``Delo``/``d.``,
``Papka``, ``Listy``/``List``/``ll.``/``l.``; elsewhere record groups, series, boxes,
folders, files, volumes and pages; a repository followed by a file number
(``PRC FMA 111-00016-16, 66-67``) gives the number and the pages. What cannot be read
as a unit stays in the citation's text and is not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.ingest.dates import IsoDate, parse_date

#: (unit, pattern of the unit's name) - the unit names are those of the edition's schema.
UNITS = [
    ("fond", r"fonds?|f\."), ("opis", r"opis'?|op\."), ("delo", r"delo|d\."),
    ("papka", r"papka|pap\."), ("listy", r"listy|list|ll\.|l\."),
    ("recordGroup", r"record\s+group|rg"), ("series", r"series|ser\."),
    ("box", r"box|karton|doboz"), ("folder", r"folder|mappe"), ("file", r"file|fasc\.|fascicle"),
    ("volume", r"vol\.|volume|tom"), ("page", r"pp?\.|pages?"), ("entry", r"entry"),
]
_UNIT = re.compile(r"^(?P<name>" + "|".join(f"(?P<{u}>{p})" for u, p in UNITS) +
                   r")\s*(?P<value>[\w./]*\d[\w./\-\u2013]*)$", re.I)
_NUMBERED = re.compile(r"^(?P<repo>.*?\D)\s+(?P<value>\d[\w./\-]*\d)$")
_RANGE = re.compile(r"^(?P<from>[\w.]+?)\s*[-\u2013]\s*(?P<to>[\w.]+)$")
_CREDIT = re.compile(r"(?:^|(?<=[.;]\s))(?P<resp>(?:Obtained\s+and\s+)?(?:Translated|Obtained|"
                     r"Contributed|Transcribed|Edited|Provided)(?:\s+and\s+\w+)?)"
                     r"(?:\s+for\s+(?P<org>[^.]+?))?\s+by\s+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*\.?")
PARTICLES = {"de", "van", "von", "der", "da", "di", "du", "le", "la", "bin", "al", "ter"}
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_CLOSING = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "'": "'"}


@dataclass
class Part:
    """One unit of the archival reference: ``unit`` (schema name), its text as cited
    ("Fond 059a"), its value ("059a"), a range's ends, and its span in the citation."""

    unit: str
    text: str
    value: str
    start: int
    end: int
    low: str | None = None
    high: str | None = None


@dataclass
class Credit:
    resp: str  # "translated for CWIHP"
    org: str | None
    names: list[tuple[str, int, int]]  # (name, start, end) in the citation


@dataclass
class Citation:
    text: str  # as cited, without a trailing address
    title: str
    title_span: tuple[int, int]
    date: IsoDate | None = None
    date_span: tuple[int, int] | None = None
    series: str | None = None
    series_span: tuple[int, int] | None = None
    repository: str | None = None
    repository_span: tuple[int, int] | None = None
    parts: list[Part] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    url: str | None = None


def parse(text: str) -> Citation | None:
    """The parts of a citation, or None if ``text`` does not start with a quoted title."""
    text = text.strip()
    url = None
    found = re.search(r"\s+(https?://\S+)$", text)
    if found:
        url, text = found.group(1), text[:found.start()]
    closing = _CLOSING.get(text[:1])
    if closing is None:
        return None
    end = text.find(closing, 1)
    if end < 0:
        return None
    title_end = end - 1 if text[end - 1] in ",." else end
    citation = Citation(text, text[1:title_end].strip(), (1, title_end), url=url)
    position = end + 1
    position = _skip(text, position)
    position = _date(text, position, citation)
    position = _series(text, position, citation)
    credit_at = _credits(text, citation)
    reference_end = credit_at if credit_at is not None else len(text)
    _reference(text, position, reference_end, citation)
    return citation


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ,":
        position += 1
    return position


def _date(text: str, position: int, citation: Citation) -> int:
    pieces = text[position:].split(",")
    for count in (2, 1):
        candidate = ",".join(pieces[:count]).strip()
        date = parse_date(candidate)
        if date is not None:
            start = text.index(candidate, position)
            citation.date, citation.date_span = date, (start, start + len(candidate))
            return _skip(text, start + len(candidate))
    return position


def _series(text: str, position: int, citation: Citation) -> int:
    rest = text[position:]
    match = re.match(r"[^,]*Digital Archive", rest)
    if match:
        citation.series = match.group(0).strip()
        citation.series_span = (position, position + match.end())
        return _skip(text, position + match.end())
    return position


def _credits(text: str, citation: Citation) -> int | None:
    """Read the credit sentences ("Translated for CWIHP by Kathryn Weathersby."); return
    where the first one starts. Names are taken while they look like names (capitalised
    words and initials), so "by X and Y, with help from Z" gives X and Y."""
    first = None
    for match in _CREDIT.finditer(text):
        first = match.start() if first is None else first
        names = []
        position = match.end()
        while True:
            end = _name_end(text, position)
            if end == position:
                break
            names.append((text[position:end], position, end))
            joiner = _JOINER.match(text, end)
            if not joiner or not joiner.group(0):
                break
            position = joiner.end()
        org = match.group("org")
        resp = " ".join(match.group("resp").lower().split()) + (f" for {org.strip()}" if org else "")
        citation.credits.append(Credit(resp, org.strip() if org else None, names))
    return first


def _name_end(text: str, position: int) -> int:
    """Where a personal name starting at ``position`` ends: capitalised words, initials
    ("M. T. Ruiz") and particles ("van der"); a final full stop is not part of it."""
    end = position
    at = position
    while True:
        word = _WORD.match(text, at)
        if not word:
            break
        token = word.group(0)
        if not (token[0].isupper() or (token in PARTICLES and end > position)):
            break
        end = word.end()
        if token.endswith(".") and not re.fullmatch(r"[^\W\d_]\.", token):
            end -= 1  # a sentence's full stop, not an initial's
            break
        space = re.match(r"\s+", text[end:])
        if not space:
            break
        at = end + space.end()
    return end


def _reference(text: str, start: int, end: int, citation: Citation) -> None:
    """Repository and reference units between the series and the credits."""
    segment = text[start:end].rstrip(" .")
    offset = start
    pieces = []
    for match in re.finditer(r"[^,]+", segment):
        raw = match.group(0)
        lead = len(raw) - len(raw.lstrip())
        pieces.append((raw.strip(), offset + match.start() + lead))
    repository: list[tuple[str, int]] = []
    for piece, at in pieces:
        unit = _UNIT.match(piece)
        if unit:
            name = next(u for u, _p in UNITS if unit.group(u))
            citation.parts.append(_part(name, piece, unit.group("value"), at))
            continue
        if not citation.parts:
            numbered = _NUMBERED.match(piece)
            if numbered and not repository and re.search(r"[A-Za-z]", numbered.group("repo")):
                repository.append((numbered.group("repo"), at))
                value = numbered.group("value")
                citation.parts.append(_part("file", value, value, at + piece.rindex(value)))
                continue
            repository.append((piece, at))
        elif re.fullmatch(r"\d+\s*[-\u2013]\s*\d+|\d+", piece) and citation.parts[-1].unit == "file":
            citation.parts.append(_part("page", piece, piece, at))
    if repository:
        first, last = repository[0], repository[-1]
        citation.repository_span = (first[1], last[1] + len(last[0]))
        citation.repository = text[citation.repository_span[0]:citation.repository_span[1]]


def _part(unit: str, text: str, value: str, at: int) -> Part:
    part = Part(unit, text, value, at, at + len(text))
    match = _RANGE.match(value)
    if match:
        part.low, part.high = match.group("from"), match.group("to")
    return part
