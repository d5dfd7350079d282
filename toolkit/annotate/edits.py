"""Wrap mentions in name elements by editing the source text at offsets.

Only start and end tags are inserted; every other byte of the file stays as it was.
A mention whose characters lie in different elements is wrapped around those elements
when it covers all of their visible text (``<hi>Kim</hi> Il Sung`` becomes
``<persName><hi>Kim</hi> Il Sung</persName>``, a ``choice`` is wrapped whole); when that
is impossible without cutting an element the mention is left for the editor, with the
reason. After editing, the text is parsed again and its characters compared with the
original's: an edit that would change a character of the text is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from toolkit.annotate import roles
from toolkit.annotate.markup import Document, Element, Text, _build
from toolkit.annotate.mentions import Mention
from toolkit.core.errors import ToolkitError
from toolkit.core.parse import parse_bytes


@dataclass
class Wrap:
    """One planned edit: the mention, the tag, and the offsets where it opens and closes."""

    mention: Mention
    element: str
    attributes: dict[str, str]
    start: int
    end: int
    prefix: str = ""

    def open_tag(self) -> str:
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in self.attributes.items())
        return f"<{self.prefix}{self.element}{attrs}>"

    def close_tag(self) -> str:
        return f"</{self.prefix}{self.element}>"


class CannotWrap(Exception):
    """The mention crosses markup it cannot be wrapped around."""


def plan(mention: Mention, element: str, attributes: dict[str, str]) -> Wrap:
    """Where the tags of ``mention`` go, or :class:`CannotWrap`."""
    run = mention.run
    start_node, start_index = run.node(mention.first)
    end_node, end_index = run.node(mention.last)
    start, start_box = _before(start_node, start_index)
    end, end_box = _after(end_node, end_index)
    while start_box is not end_box:
        depth_s, depth_e = _depth(start_box), _depth(end_box)
        if depth_s >= depth_e and _starts(run, mention.first, start_box):
            start, start_box = start_box.start, start_box.parent
        elif depth_e >= depth_s and _ends(run, mention.last, end_box):
            end, end_box = end_box.end, end_box.parent
        else:
            raise CannotWrap(f"it runs across the boundary of <{_name(start_box)}> or "
                             f"<{_name(end_box)}>")
        if start_box is None or end_box is None:
            raise CannotWrap("it runs across the document element")
    prefix = _prefix(start_box)
    if prefix is None:
        raise CannotWrap("the TEI namespace is not declared where it stands")
    return Wrap(mention, element, attributes, start, end, prefix)


def _name(element: Element | None) -> str:
    return element.name if element is not None else "?"


def _before(node, index: int) -> tuple[int, Element]:
    if isinstance(node, Text):
        return node.offsets[index], node.parent
    return node.start, node.parent


def _after(node, index: int) -> tuple[int, Element]:
    if isinstance(node, Text):
        return node.offsets[index + 1], node.parent
    return node.end, node.parent


def _depth(element: Element | None) -> int:
    return -1 if element is None else sum(1 for _ in element.ancestors())


def _within(node, box: Element) -> bool:
    element = node.parent if isinstance(node, Text) else node
    return element is box or any(a is box for a in element.ancestors())


def _starts(run, first: int, box: Element) -> bool:
    """No visible character of ``box`` comes before ``first`` (spaces aside)."""
    for n in range(first - 1, -1, -1):
        if run.text[n].isspace():
            continue
        return not _within(run.node(n)[0], box)
    return True


def _ends(run, last: int, box: Element) -> bool:
    for n in range(last + 1, run.length):
        if run.text[n].isspace():
            continue
        return not _within(run.node(n)[0], box)
    return True


def _prefix(element: Element) -> str | None:
    """How the TEI namespace is written inside ``element``: '' or 'tei:'; None if absent."""
    if element.nsmap.get(None) == roles.TEI_NS or (element.ns is None and None not in element.nsmap):
        return ""
    for prefix, uri in element.nsmap.items():
        if uri == roles.TEI_NS and prefix:
            return prefix + ":"
    return None


def apply(doc: Document, wraps: list[Wrap]) -> str:
    """The source text with ``wraps`` inserted; refuses overlapping or text-changing edits."""
    inserts: list[tuple[int, int, str]] = []
    for wrap in wraps:
        inserts.append((wrap.start, 1, wrap.open_tag()))
        inserts.append((wrap.end, 0, wrap.close_tag()))
    ordered = sorted(wraps, key=lambda w: w.start)
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            raise ToolkitError("internal error: overlapping edits", str(doc.path))
    text = doc.source
    for offset, _kind, tag in sorted(inserts, key=lambda t: (-t[0], t[1])):
        text = text[:offset] + tag + text[offset:]
    _verify(doc, text)
    return text


def _verify(doc: Document, text: str) -> None:
    """The edited text parses and has exactly the original's characters."""
    parse_bytes(doc.encode(text), str(doc.path))
    if _build(text).text() != doc.root.text():
        raise ToolkitError("internal error: the edits would change the text; nothing written",
                           str(doc.path))
