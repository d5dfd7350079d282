"""A read-only view of an XML file that knows where every character came from.

``annotate --apply`` must change nothing but the tags it adds: not the indentation, not
the attribute quoting, not the entity references, not the line ends. A tree that lxml
parsed and serialised again would change all of them, so the edits are made in the
source text by offset, and this module supplies the offsets: each element's start tag,
end tag, and each character of text with the position it was read from (``&amp;`` is
one character read from five).

The file has already been parsed by the toolkit's safe parser
(:func:`toolkit.core.parse.parse_bytes`), so it is known to be well-formed and free of
external entities; this reader only has to follow it, not to judge it. References to
entities declared in the document's own DTD subset are kept as an object-replacement
character (U+FFFC), which no name contains, so no mention is ever found across one.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.parse import parse_bytes, read_source

XML_NS = "http://www.w3.org/XML/1998/namespace"
OPAQUE = "\ufffc"

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<\?.*?\?>"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<close>[^\s>]+)\s*>"
    r"|<(?P<open>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.S)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|[^\s;&]+);")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_DECLARED = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")


@dataclass(eq=False)
class Text:
    """A run of character data: ``value`` decoded, ``offsets[i]`` where ``value[i]`` starts
    in the source (``offsets[len(value)]`` is where the run ends)."""

    value: str
    offsets: list[int]
    parent: "Element"


@dataclass(eq=False)
class Element:
    """An element with the offsets of its tags: ``start`` (``<``), ``open_end`` (after
    the start tag's ``>``), ``close_start`` (``<`` of the end tag) and ``end``. For an
    empty element written ``<x/>`` the last three are equal."""

    name: str
    ns: str | None
    prefix: str | None
    attrs: dict[str, str]
    nsmap: dict[str | None, str]
    start: int
    open_end: int
    parent: "Element | None" = None
    children: list = field(default_factory=list)
    close_start: int = -1
    end: int = -1

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    @property
    def xml_id(self) -> str | None:
        return self.attrs.get("xml:id")

    def elements(self):
        """Child elements, in order."""
        return (c for c in self.children if isinstance(c, Element))

    def iter(self):
        """This element and every element below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Element)]))

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def text(self) -> str:
        """The decoded text of the element and its descendants."""
        out: list[str] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                out.append(node.value)
            else:
                stack.extend(reversed(node.children))
        return "".join(out)

    def lang(self) -> str | None:
        """The ``xml:lang`` in force here."""
        for node in (self, *self.ancestors()):
            if "xml:lang" in node.attrs:
                return node.attrs["xml:lang"]
        return None


@dataclass
class Document:
    """A source file: its path, decoded text, how to encode it again, and its root."""

    path: Path
    source: str
    encoding: str
    bom: bytes
    root: Element

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = self.source.count("\n", 0, offset) + 1
        return line, offset - (self.source.rfind("\n", 0, offset) + 1) + 1

    def encode(self, text: str) -> bytes:
        """``text`` in the file's own encoding, characters it cannot hold as references."""
        return self.bom + text.encode(self.encoding, errors="xmlcharrefreplace")


def decode(data: bytes) -> tuple[str, str, bytes]:
    """(text, encoding, BOM) of an XML file's bytes, as the XML rules say: a BOM, else the
    declaration's encoding, else UTF-8."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding), encoding, bom
    match = _DECLARED.match(data)
    encoding = codecs.lookup(match.group(1).decode("ascii")).name if match else "utf-8"
    return data.decode(encoding), encoding, b""


def read(path: str | Path) -> Document:
    """Read and check ``path`` (raising the toolkit's located errors) and map its text."""
    path = Path(path)
    data = read_source(path)
    parse_bytes(data, str(path), base_url=path.resolve().as_uri())
    source, encoding, bom = decode(data)
    return Document(path, source, encoding, bom, _build(source))


def from_text(source: str, path: str | Path) -> Document:
    """A document held in memory (UTF-8 when written), as if read from ``path``."""
    parse_bytes(source.encode("utf-8"), str(path))
    return Document(Path(path), source, "utf-8", b"", _build(source))


def _build(source: str) -> Element:
    top = Element("#document", None, None, {}, {"xml": XML_NS}, 0, 0)
    current = top
    position = 0
    for match in _TOKEN.finditer(source):
        if match.start() > position:
            _add_text(current, source, position, match.start())
        position = match.end()
        if match.group("cdata") is not None:
            begin = match.start("cdata")
            value = match.group("cdata")
            current.children.append(Text(value, list(range(begin, begin + len(value) + 1)),
                                         current))
        elif match.group("open"):
            current = _open(match, current)
            if match.group("empty"):
                current.close_start = current.end = match.end()
                current = current.parent
        elif match.group("close"):
            current.close_start, current.end = match.start(), match.end()
            current = current.parent
    root = next(top.elements())
    root.parent = None
    return root


def _open(match: re.Match, parent: Element) -> Element:
    attrs = {m.group(1): _decode_value(m.group(2) if m.group(2) is not None else m.group(3))
             for m in _ATTR.finditer(match.group("attrs") or "")}
    nsmap = dict(parent.nsmap)
    for name, value in attrs.items():
        if name == "xmlns":
            nsmap[None] = value
        elif name.startswith("xmlns:"):
            nsmap[name[6:]] = value
    qname = match.group("open")
    prefix, _, local = qname.rpartition(":")
    element = Element(local, nsmap.get(prefix or None), prefix or None, attrs, nsmap,
                      match.start(), match.end(), parent)
    parent.children.append(element)
    return element


def _decode_value(raw: str) -> str:
    return _REF.sub(lambda m: _reference(m.group(1)), raw)


def _reference(body: str) -> str:
    if body.startswith("#x"):
        return chr(int(body[2:], 16))
    if body.startswith("#"):
        return chr(int(body[1:]))
    return _PREDEFINED.get(body, OPAQUE)


def _add_text(parent: Element, source: str, begin: int, end: int) -> None:
    chunk = source[begin:end]
    if "&" not in chunk:
        parent.children.append(Text(chunk, list(range(begin, end + 1)), parent))
        return
    value: list[str] = []
    offsets: list[int] = []
    at = begin
    for ref in _REF.finditer(chunk):
        for i in range(at, begin + ref.start()):
            value.append(source[i])
            offsets.append(i)
        value.append(_reference(ref.group(1)))
        offsets.append(begin + ref.start())
        at = begin + ref.end()
    for i in range(at, end):
        value.append(source[i])
        offsets.append(i)
    offsets.append(end)
    parent.children.append(Text("".join(value), offsets, parent))
