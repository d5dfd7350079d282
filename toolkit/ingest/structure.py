"""Step 4: the document's own structure, from its lines.

What a diplomatic document's lines are, read the way an editor reads them:

* an *opener*: the marks before the text - priority ("Top Priority", "Urgent"),
  classification or handling ("Top Secret", "Special File", "Copy No. 3"), the reference
  line ("In response to your communication No. 359."), an address ("[To] Ambassador
  Wang:") or salutation ("Dear Comrade ...,"), a dateline;
* the paragraphs, headings ("II. The economic situation", an HTML heading) and lists
  (bullets, short numbered points, HTML lists);
* a *closer*: dateline and signatures ("29.III.53  Kuznetsov, Fedorenko", or on lines of
  their own), a valediction ("With comradely greetings,");
* appended archival notes, each a division of its own: a Soviet reference note
  ("SPRAVKA ..."), an attachment, enclosure or annex.

Anything not recognised as one of these is a paragraph: the importer never drops text,
and never invents structure it cannot see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.ingest.dates import IN_TEXT
from toolkit.ingest.page import Block

PRIORITY = re.compile(r"^(?:top|highest|most|extremely|very)?\s*(?:priority|urgent|immediate|"
                      r"flash|operational|operative|express|rush)(?:\s+priority)?\.?$", re.I)
CLASSIFICATION = re.compile(
    r"^(?:(?:top|strictly|absolutely)\s+)?(?:secret|confidential)(?:\s+and\s+personal)?\.?$"
    r"|^special\s+(?:file|folder)\.?$|^(?:for\s+)?(?:official\s+use\s+only|eyes\s+only)\.?$"
    r"|^(?:personal|restricted|classified)\.?$|^(?:copy|exemplar|ex\.)\s+no\.?\s*\S+\.?$"
    r"|^(?:top\s+)?secret,?\s+(?:copy|special\s+file).*$", re.I)
REFERENCE = re.compile(r"^(?:in\s+(?:response|reply|answer)\s+to|re:|ref(?:erence)?\.?:|"
                       r"to\s+your\s+(?:no\.|#|number)|further\s+to|with\s+reference\s+to)", re.I)
ADDRESS = re.compile(r"^(?:\[?to\]?\s*[:\-]?\s+|\[to\]\s*|to:\s*|from:\s*|cc:\s*)\S.{0,80}$"
                     r"|^(?:dear|esteemed|respected)\s+.{1,60}[,!:]$", re.I)
VALEDICTION = re.compile(r"^(?:yours\s+(?:sincerely|faithfully|truly)|sincerely(?:\s+yours)?|"
                         r"respectfully(?:\s+yours)?|with\s+(?:comradely|best|warm|kind)\s+"
                         r"(?:greetings|regards|wishes)|(?:best|kind)\s+regards|"
                         r"with\s+respect)[,.!]?$", re.I)
APPENDIX = re.compile(r"^(?:(?P<spravka>spravka|справка)\b|(?:attachment|enclosure|appendix|"
                      r"annex|addendum)(?:\s+(?:no\.\s*)?[\w.]+)?\s*[:.\-]?(?:\s|$))", re.I)
SIGNED = re.compile(r"^(?:signed|\(signed\)|/s/|signature)\s*:?\s*(?P<names>.+)$", re.I)
_NAME = r"(?:[^\W\d_][\w'\u2019.\-]*)(?:\s+[^\W\d_][\w'\u2019.\-]*){0,3}"
NAMES = re.compile(rf"^{_NAME}(?:\s*,\s*{_NAME})*(?:\s+and\s+{_NAME})?$")
BULLET = re.compile(r"^[•·▪◦‣\-–*]\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+\S")
ROMAN_HEAD = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s+\S")


@dataclass
class Paragraph:
    text: str
    block: Block


@dataclass
class ListOf:
    items: list[Paragraph]
    ordered: bool = False


@dataclass
class Mark:
    kind: str  # priority | classification | reference | address | salute | dateline
    text: str
    block: Block


@dataclass
class Closer:
    dateline: str | None = None
    signed: str | None = None  # the signature line as written
    names: list[str] = field(default_factory=list)
    salute: str | None = None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Division:
    """A division of the document: its type, heading, opener, content and closer."""

    type: str
    head: Paragraph | None = None
    opener: list[Mark] = field(default_factory=list)
    content: list = field(default_factory=list)  # Paragraph | ListOf | Division
    closer: Closer | None = None


def structure(body: list[Block], doc_type: str) -> list[Division]:
    """The divisions of the document: the main one, then each appended note."""
    starts = [i for i, b in enumerate(body) if i > 0 and APPENDIX.match(b.text)]
    pieces = [body[a:b] for a, b in zip([0] + starts, starts + [len(body)])]
    divisions = [_main(pieces[0], doc_type)]
    for piece in pieces[1:]:
        match = APPENDIX.match(piece[0].text)
        division = Division("spravka" if match.group("spravka") else "enclosure",
                            Paragraph(piece[0].text, piece[0]))
        division.content = _content(piece[1:])
        divisions.append(division)
    return divisions


def _main(blocks: list[Block], doc_type: str) -> Division:
    division = Division(doc_type)
    index = 0
    while index < len(blocks) - 1:
        kind = _mark(blocks[index])
        if kind is None:
            break
        division.opener.append(Mark(kind, blocks[index].text, blocks[index]))
        index += 1
    rest = blocks[index:]
    closer, kept = _closer(rest)
    division.closer = closer
    division.content = _content(kept)
    return division


def _mark(block: Block) -> str | None:
    text = block.text
    if len(text.split()) > 14 or block.kind == "item":
        return None
    for kind, pattern in (("priority", PRIORITY), ("classification", CLASSIFICATION),
                          ("reference", REFERENCE), ("address", ADDRESS)):
        if pattern.match(text):
            return "salute" if kind == "address" and text.lower().startswith(
                ("dear", "esteemed", "respected")) else kind
    if len(text.split()) <= 8 and IN_TEXT.search(text) and not text.endswith("."):
        return "dateline"  # "Port Wen, 2 May 1961"
    return None


def _closer(blocks: list[Block]) -> tuple[Closer | None, list[Block]]:
    """Dateline, signatures and valediction at the end, if the last lines are those."""
    if len(blocks) < 2:
        return None, blocks
    closer = Closer()
    end = len(blocks)
    last = blocks[end - 1]
    dated = _dated_signature(last.text)
    signed = SIGNED.match(last.text)
    if dated:
        closer.dateline, closer.signed = dated
    elif signed and NAMES.match(signed.group("names").rstrip(".")):
        closer.signed = last.text
    elif _signature(last.text):
        closer.signed = last.text
    else:
        return None, blocks
    closer.blocks.insert(0, last)
    end -= 1
    if closer.dateline is None and end > 1 and _just_date(blocks[end - 1].text):
        closer.dateline = blocks[end - 1].text
        closer.blocks.insert(0, blocks[end - 1])
        end -= 1
    if end > 1 and VALEDICTION.match(blocks[end - 1].text):
        closer.salute = blocks[end - 1].text
        closer.blocks.insert(0, blocks[end - 1])
        end -= 1
    names_text = SIGNED.match(closer.signed)
    names_text = names_text.group("names") if names_text else closer.signed
    closer.names = [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+", names_text.rstrip("."))
                    if n.strip()]
    return closer, blocks[:end]


def _dated_signature(text: str) -> tuple[str, str] | None:
    """ "29.III.53  Kuznetsov, Fedorenko": a date, then the signatures."""
    match = IN_TEXT.match(text)
    if match and match.end() < len(text):
        rest = text[match.end():].strip(" ,")
        if rest and _signature(rest):
            return match.group(0), rest
    return None


def _signature(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 8 and not text.endswith((":", ";", ",", "?", "!"))
            and not re.search(r"[a-z]\.$", text) and bool(NAMES.match(text))
            and all(w[0].isupper() or w in ("and", "von", "van", "de", "der") for w in words))


def _just_date(text: str) -> bool:
    match = IN_TEXT.fullmatch(text.strip(" .")) or IN_TEXT.search(text)
    return bool(match) and len(text.split()) <= 6


def _content(blocks: list[Block]) -> list:
    """Paragraphs, lists and headed sections (a heading opens a section that runs to the
    next heading)."""
    content: list = []
    section: Division | None = None
    index = 0
    while index < len(blocks):
        block = blocks[index]
        target = section.content if section is not None else content
        if _heading(blocks, index):
            section = Division("section", Paragraph(block.text, block))
            content.append(section)
            index += 1
            continue
        items, index = _list_at(blocks, index)
        if items:
            target.append(items)
            continue
        target.append(Paragraph(block.text, block))
        index += 1
    return content


def _heading(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    if block.kind == "heading":
        return index + 1 < len(blocks)
    if block.kind == "item" or index + 1 >= len(blocks):
        return False
    words = block.text.split()
    following = blocks[index + 1]
    return (len(words) <= 10 and not block.text.endswith((".", ",", ";", ":", "!", "?", "\u201d",
                                                          '"'))
            and block.text[0].isupper() and len(following.text.split()) > 2 * len(words)
            and (ROMAN_HEAD.match(block.text) is not None or block.text.isupper()
                 or sum(1 for w in words if w[0].isupper()) * 2 >= len(words)))


def _list_at(blocks: list[Block], index: int) -> tuple[ListOf | None, int]:
    """A run of list items starting at ``index``: HTML items of one list, bullet lines,
    or two or more short numbered lines."""
    first = blocks[index]
    if first.kind == "item":
        items = []
        while index < len(blocks) and blocks[index].kind == "item" \
                and blocks[index].group == first.group:
            items.append(Paragraph(blocks[index].text, blocks[index]))
            index += 1
        return ListOf(items), index
    if BULLET.match(first.text):
        items = []
        while index < len(blocks) and BULLET.match(blocks[index].text):
            items.append(Paragraph(BULLET.match(blocks[index].text).group("text"), blocks[index]))
            index += 1
        return ListOf(items), index
    end = index
    while end < len(blocks) and NUMBERED.match(blocks[end].text) \
            and len(blocks[end].text.split()) <= 25:
        end += 1
    if end - index >= 2:
        return ListOf([Paragraph(b.text, b) for b in blocks[index:end]], True), end
    return None, index
