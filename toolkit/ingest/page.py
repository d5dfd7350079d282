"""Step 1 of an import: read a captured archive page into a list of text blocks.

A capture comes in two shapes: the page's text as a browser copies it (one paragraph a
line, widgets and navigation included: the seed in ``../shared/seeds``), or the page's
saved HTML. Both become the same thing here: :class:`Block` s, each one line of text with
what the markup said about it (a heading, a list item) and where it was in the file, so
that the next steps (:mod:`toolkit.ingest.layout`) do not care which shape they got.

HTML is read with lxml's HTML parser with the network off; scripts, styles, forms and
navigation elements are dropped before any text is taken, so nothing a script writes or
a menu lists can reach the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from toolkit.core.errors import ParseError, UsageError
from toolkit.core.parse import read_source

#: HTML elements whose content is never text of the document.
DROPPED = {"script", "style", "noscript", "template", "svg", "math", "canvas", "nav", "footer",
           "form", "button", "select", "option", "input", "textarea", "iframe", "object",
           "embed", "audio", "video", "picture", "img", "head"}
#: HTML elements that start a new line of text.
BLOCKS = {"p", "div", "section", "article", "main", "aside", "header", "h1", "h2", "h3", "h4",
          "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "td", "th", "tr", "table", "ul",
          "ol", "dl", "figure", "figcaption", "address", "body", "br", "hr", "center"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class Block:
    """One line of the page: its text, ``kind`` (``line``, ``heading``, ``item``) and the
    1-based line of the file it comes from. ``group`` numbers the list an item is in."""

    text: str
    line: int
    kind: str = "line"
    group: int = 0


@dataclass
class Page:
    """A captured page: its blocks and what the HTML's metadata says (URL, title)."""

    path: Path
    blocks: list[Block]
    url: str | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def read(path: Path) -> Page:
    """Read a capture, plain text or HTML (told apart by content, not by name)."""
    data = read_source(path)
    text = _decode(data, path)
    if re.match(r"\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", text, re.I):
        return _read_html(text, path)
    return Page(path, _text_blocks(text))


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ParseError("the page is not UTF-8 or UTF-16 text", str(path), 1, 1,
                         rule="import-unreadable")
    if "\x00" in text:
        raise ParseError("the page contains NUL characters: not a text capture", str(path),
                         1, 1, rule="import-unreadable")
    return text


def _text_blocks(text: str) -> list[Block]:
    blocks = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean(raw)
        if line:
            blocks.append(Block(line, number))
    return blocks


def clean(text: str) -> str:
    """Runs of white space (line breaks in HTML, no-break spaces) become one space."""
    return _SPACES.sub(" ", text).strip()


def _read_html(text: str, path: Path) -> Page:
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             recover=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"the HTML cannot be read: {exc}", str(path), 1, 1,
                         rule="import-unreadable") from None
    page = Page(path, [])
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key and meta.get("content"):
            page.meta[key.lower()] = clean(meta.get("content"))
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            page.url = link.get("href").strip()
    page.url = page.url or page.meta.get("og:url")
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        page.title = clean(title.text_content())
    for element in list(root.iter()):
        if isinstance(element.tag, str) and (element.tag.lower() in DROPPED
                                             or element.get("hidden") is not None
                                             or element.get("aria-hidden") == "true"):
            element.drop_tree()
    body = root.find("body") if root.find("body") is not None else root
    walker = _HtmlWalker()
    walker.walk(body)
    walker.flush(None)
    page.blocks = walker.blocks
    if not page.blocks:
        raise UsageError("the HTML page has no text", str(path), rule="import-unrecognised")
    return page


class _HtmlWalker:
    """Collects the text of block elements, one :class:`Block` per block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line = 1
        self.kind = "line"
        self.group = 0
        self.groups = 0

    def flush(self, element) -> None:
        text = clean("".join(self.parts))
        if text:
            self.blocks.append(Block(text, self.line, self.kind,
                                     self.group if self.kind == "item" else 0))
        self.parts = []
        if element is not None:
            self.line = element.sourceline or self.line

    def walk(self, element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        block = tag in BLOCKS
        saved = (self.kind, self.group)
        if block:
            self.flush(element)
            if tag in HEADINGS:
                self.kind = "heading"
            elif tag == "li":
                self.kind = "item"
            elif tag in ("ul", "ol"):
                self.groups += 1
                self.group = self.groups
        if element.text:
            self.parts.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.parts.append(child.tail)
        if block:
            self.flush(element)
            self.kind, self.group = saved
