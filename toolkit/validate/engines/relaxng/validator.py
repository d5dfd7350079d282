"""Walk a parsed document through the derivatives; report every error as jing does.

The walk follows RELAX NG's data model: comments and processing instructions are not
there, the text around them is one text node, whitespace-only text between elements is
ignored, and an element with no element children has exactly one (maybe empty) text.

After an error the walk goes on as jing's does, so that one mistake is reported once and
the next mistake is reported too: an unexpected element is validated against the
elements of that name anywhere in the schema (and skipped when there are none), an
attribute not allowed is ignored, an invalid attribute value or text is taken as valid,
missing attributes as present, an incomplete element as complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from toolkit.validate.engines.relaxng.datatypes import words
from toolkit.validate.engines.relaxng.derive import Deriver
from toolkit.validate.engines.relaxng.patterns import (
    DATA, DATA_EXCEPT, LIST, VALUE, Pattern, split_tag)

_SPACE = " \t\r\n"


@dataclass
class RawError:
    """An error before its location is known: at the start or end tag of element n."""

    where: str  # "start" | "end" (of element n's tag), "text-start" | "text-end" (before it)
    index: int
    element: etree._Element
    message: str


class Walk:
    """One validation of one tree against one schema (see the module docstring)."""

    def __init__(self, deriver: Deriver, start: Pattern, elements_by_tag) -> None:
        self.d = deriver
        self.b = deriver.b
        self.na = deriver.na
        self.start = start
        self.elements_by_tag = elements_by_tag
        self.errors: list[RawError] = []
        self.count = 0
        self._ids: dict[str, list[tuple[int, etree._Element]]] = {}
        self._refs: list[tuple[str, int, etree._Element]] = []
        self._id_kinds: dict[int, str | None] = {}
        self._id_states: dict[tuple, bool] = {}
        self._said: dict[tuple, object] = {}  # messages' word lists, by state

    def run(self, root: etree._Element) -> list[RawError]:
        self.element(root, self.start)
        self._check_ids()
        return self.errors

    def _id_kind(self, content: Pattern) -> str | None:
        """"ID", "IDREF", "IDREFS" if ``content`` is that XML Schema datatype, else None
        (RELAX NG DTD compatibility: jing checks IDs are unique and IDREFs resolve)."""
        found = self._id_kinds.get(content.id, False)
        if found is False:
            found = None
            if content.kind == DATA and content.a.library and content.a.name in (
                    "ID", "IDREF", "IDREFS"):
                found = content.a.name
            self._id_kinds[content.id] = found
        return found

    def _note_id(self, p: Pattern, name: str, value: str, index: int, el) -> None:
        for content in self.d.att_leaves(p, name):
            kind = self._id_kind(content)
            if kind is None or not self.d.value_matches(content, value):
                continue
            if kind == "ID":
                self._ids.setdefault(value.strip(_SPACE), []).append((index, el))
            else:
                self._refs += [(ref, index, el) for ref in words(value)]
            return

    def _check_ids(self) -> None:
        for value, places in self._ids.items():
            if len(places) > 1:
                self.error("start", *places[0], f"first occurrence of ID {_quote(value)}")
                for index, el in places[1:]:
                    self.error("start", index, el, f"ID {_quote(value)} has already been defined")
        for ref, index, el in self._refs:
            if ref not in self._ids:
                self.error("start", index, el, f"IDREF {_quote(ref)} without matching ID")

    def error(self, where: str, index: int, el, message: str) -> None:
        self.errors.append(RawError(where, index, el, message))

    # ------------------------------------------------------------------ one element
    def element(self, el: etree._Element, p: Pattern) -> Pattern:
        d = self.d
        index = self.count
        self.count += 1
        tag = el.tag
        p1 = d.sto(p, tag)
        if p1 is self.na:
            p1 = self._unexpected(el, index, p)
            if p1 is None:
                return p
        for name, value in el.attrib.items():
            nxt, known = d.att(p1, name, value)
            if nxt is self.na:
                if known:
                    self.error("start", index, el, self._bad_value(el, p1, name))
                    p1 = d.att_recover(p1, name)
                else:
                    self.error("start", index, el, self._bad_attribute(el, p1, name))
            else:
                if self._id_kinds_seen(p1, name):
                    self._note_id(p1, name, value, index, el)
                p1 = nxt
        p2 = d.stc(p1)
        if p2 is self.na:
            names = sorted({_quote(_display(a.a, el, attribute=True))
                            for a in d.attributes(p1, required=True)})
            what = "attribute " + names[0] if len(names) == 1 else \
                "attributes " + _words(names, "and")
            self.error("start", index, el, f"element {_quote(_qname(el))} missing required {what}")
            p2 = d.stc_recover(p1)
        p2 = self.children(el, index, p2)
        p3 = d.end(p2)
        if p3 is self.na:
            self.error("end", index, el, self._incomplete(el, p2))
            p3 = d.end_recover(p2)
        return p3

    def _id_kinds_seen(self, p: Pattern, name: str) -> bool:
        key = (p.id, name)
        found = self._id_states.get(key)
        if found is None:
            found = self._id_states[key] = any(self._id_kind(c) is not None
                                               for c in self.d.att_leaves(p, name))
        return found

    def _unexpected(self, el, index: int, p: Pattern) -> Pattern | None:
        d = self.d
        tag = el.tag
        expected = self._expected(p, el)
        recovered = d.sto_recover(p, tag)
        if recovered is not self.na:
            required = self._required(p, el)
            self.error("start", index, el, f"element {_quote(_qname(el))} not allowed yet; "
                       + (required or f"expected {expected}"))
            return recovered
        elements = self.elements_by_tag(tag)
        where = "here" if elements else "anywhere"
        message = f"element {_quote(_qname(el))} not allowed {where}; expected {expected}"
        self.error("start", index, el, message)
        if not elements:
            self._unknown(el, message)
            return None
        return self.b.after(self.b.choice([e.b for e in elements]), p)

    def _unknown(self, el: etree._Element, message: str) -> None:
        """The content of an element no pattern knows, as jing walks it: text is ignored,
        unknown elements are looked into, a known element is validated against its
        definitions and, at its end tag, the unknown element's error is repeated."""
        for child in el:
            if not isinstance(child.tag, str):
                continue
            elements = self.elements_by_tag(child.tag)
            if not elements:
                self.count += 1
                self._unknown(child, message)
                continue
            index = self.count
            self.element(child, self.b.choice(elements))
            self.error("end", index, child, message)

    # ------------------------------------------------------------------ content
    def children(self, el: etree._Element, index: int, p: Pattern) -> Pattern:
        d = self.d
        text = el.text or ""
        has_elements = False
        for child in el:
            if isinstance(child.tag, str):
                if text and text.strip(_SPACE):
                    p = self._text(el, p, text, "start", self.count, child)
                text = ""
                has_elements = True
                p = self.element(child, p)
            text += child.tail or ""
        if has_elements:
            if text.strip(_SPACE):
                p = self._text(el, p, text, "end", index, el)
            return p
        blank = not text.strip(_SPACE)
        if blank and not d.text_leaves(p):
            return d.blank(p, text)
        q = d.text(p, text)
        if q is not self.na:
            return self.b.choice([p, q]) if blank else q
        if blank and d.end(p) is not self.na:  # the content may be left out altogether
            return p
        return self._text(el, p, text, "end", index, el)

    def _text(self, el, p: Pattern, text: str, where: str, at: int, at_el) -> Pattern:
        q = self.d.text(p, text)
        if q is not self.na:
            return q
        leaves = self.d.text_leaves(p)
        if leaves:
            self.error(where, at, at_el, f"character content of element {_quote(_qname(el))} "
                       f"invalid; must be {_values(leaves)}")
            return self.b.choice([self.d.select(p, None, leaf) for leaf in leaves])
        self.error("text-" + where, at, at_el,
                   f"text not allowed here; expected {self._expected(p, el)}")
        return p

    # ------------------------------------------------------------------ messages
    def _expected(self, p: Pattern, el) -> str:
        key = (p.id, tuple(sorted(el.nsmap.items(), key=str)))
        found = self._said.get(key)
        if found is None:
            found = self._said[key] = self._expected_words(p, el)
        return found

    def _expected_words(self, p: Pattern, el) -> str:
        elements, text, end = self.d.expected(p)
        items = []
        if end:
            items.append("the element end-tag")
        if text:
            items.append("text")
        names = sorted({_display(e.a, el) for e in elements})
        if names:
            items.append("element " + _words([_quote(n) for n in names], "or"))
        return _words(items, "or") if items else "nothing"

    def _incomplete(self, el, p: Pattern) -> str:
        subject = f"element {_quote(_qname(el))} incomplete; "
        required = self._required(p, el)
        if required:
            return subject + required
        elements, text, _ = self.d.expected(p)
        names = sorted({_display(e.a, el) for e in elements})
        items = (["text"] if text else []) + (["element " + _words([_quote(n) for n in names],
                                                                   "or")] if names else [])
        return subject + "expected " + (_words(items, "or") or "nothing")

    def _required(self, p: Pattern, el) -> str | None:
        """``missing required element "x"`` (or elements), if some are required."""
        names = sorted({_display(e.a, el) for e in self.d.required_elements(p)})
        if not names:
            return None
        if len(names) == 1:
            return f"missing required element {_quote(names[0])}"
        return "missing required elements " + _words([_quote(n) for n in names], "and")

    def _bad_attribute(self, el, p: Pattern, name: str) -> str:
        key = (p.id, "@", tuple(sorted(el.nsmap.items(), key=str)))
        allowed = self._said.get(key)
        if allowed is None:
            allowed = self._said[key] = sorted({_display(a.a, el, attribute=True)
                                                for a in self.d.attributes(p)})
        if not allowed:
            return f"found attribute {_quote(_attr_qname(el, name))}, but no attributes allowed here"
        return (f"attribute {_quote(_attr_qname(el, name))} not allowed here; expected attribute "
                + _words([_quote(n) for n in allowed], "or"))

    def _bad_value(self, el, p: Pattern, name: str) -> str:
        leaves = []
        for content in self.d.att_leaves(p, name):
            leaves += [leaf for leaf in self.d.text_leaves(content)]
        return (f"value of attribute {_quote(_attr_qname(el, name))} is invalid; must be "
                f"{_values(leaves)}")


def _values(leaves) -> str:
    """What text leaves accept, in words (``equal to "a" or "b"``, a datatype)."""
    values = sorted({leaf.b for leaf in leaves if leaf.kind == VALUE})
    parts = []
    if values:
        parts.append("equal to " + _words([_quote(v) for v in values], "or"))
    for leaf in leaves:
        if leaf.kind in (DATA, DATA_EXCEPT):
            parts.append(leaf.a.describe())
        elif leaf.kind == LIST:
            parts.append("a list of values")
    seen = []
    for part in parts:
        if part not in seen:
            seen.append(part)
    return _words(seen, "or") or "empty"


def _quote(text: str) -> str:
    return f'"{text}"'


def _words(items: list[str], last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _qname(el) -> str:
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def _attr_qname(el, name: str) -> str:
    ns, local = split_tag(name)
    if not ns:
        return local
    if ns == "http://www.w3.org/XML/1998/namespace":
        return "xml:" + local
    for prefix, uri in el.nsmap.items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def _display(nc, el, attribute: bool = False) -> str:
    """A name class as jing names it in a message, from where ``el`` stands."""
    names = nc.names()
    if not names:
        return nc.describe() or "?"
    ns, local = names[0]
    if attribute:
        return _attr_qname(el, f"{{{ns}}}{local}" if ns else local)
    nsmap = el.nsmap
    if ns == (nsmap.get(None) or ""):
        return local
    for prefix, uri in nsmap.items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local  # jing adds a made-up prefix and its declaration; the name is enough here
