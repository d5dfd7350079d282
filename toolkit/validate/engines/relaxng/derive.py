"""Derivatives of patterns (James Clark, "An algorithm for RELAX NG validation").

A document is valid when, starting from the schema's start pattern, the derivative by
each of its events (start tag, attributes, end of the start tag, text, end tag) leaves a
pattern other than ``notAllowed`` and the last one is nullable. Each function here
remembers its answers on the pattern (see :mod:`.patterns`), so a state seen before costs
a dictionary look-up.

Attributes and text depend on a *value* (``xml:id="n12"``, the words of a paragraph), and
values are too many to remember derivatives by. So a derivative by a value is taken in two
steps: the patterns a value could match at this point (the *leaves*: the attribute's
content patterns, or the ``data``/``value``/``list`` patterns where text may go) are found
once per state; the derivative "as if leaf L matched" is remembered per leaf; only the
test "does the value match L" is run per value. The derivative is the choice of the
remembered derivatives of the leaves that match: derivatives distribute over the place
where the value is consumed, so the result is exactly Clark's.

Jing's error recovery lives here too (``*_recover``): what to carry on with after an
event the pattern does not allow, so that every error of a file is reported once.
"""

from __future__ import annotations

from toolkit.validate.engines.relaxng.datatypes import words
from toolkit.validate.engines.relaxng.patterns import (
    AFTER, ATTRIBUTE, CHOICE, DATA, DATA_EXCEPT, ELEMENT, GROUP, INTERLEAVE, LIST, NOT_ALLOWED,
    ONE_OR_MORE, TEXT, VALUE, Builder, Pattern)

_SPACE = " \t\r\n"
#: the "leaf" that stands for any text (a ``text`` pattern) when deriving by text
TEXT_LEAF = None


class Deriver:
    """The derivative functions over the patterns of one :class:`Builder`."""

    def __init__(self, builder: Builder) -> None:
        self.b = builder
        self.na = builder.not_allowed
        self.empty = builder.empty
        self._values: dict[tuple, bool] = {}
        self._recovered: dict[tuple, Pattern] = {}

    # ------------------------------------------------------------------ start tag open
    def sto(self, p: Pattern, tag: str) -> Pattern:
        memo = p.d_sto
        found = memo.get(tag)
        if found is None:
            found = memo[tag] = self._sto(p, tag, False)
        return found

    def sto_recover(self, p: Pattern, tag: str) -> Pattern:
        """Like :meth:`sto`, but required patterns before the element may be skipped
        (jing: an element out of place still moves the content model on)."""
        key = (p.id, tag)
        found = self._recovered.get(key)
        if found is None:
            found = self._recovered[key] = self._sto(p, tag, True)
        return found

    def _sto(self, p: Pattern, tag: str, skip: bool) -> Pattern:
        kind = p.kind
        b = self.b
        rec = (lambda q, t, _s: self.sto_recover(q, t)) if skip else \
            (lambda q, t, _s: self.sto(q, t))
        if kind == CHOICE:
            return b.choice([rec(q, tag, skip) for q in p.a])
        if kind == ELEMENT:
            return b.after(p.b, self.empty) if p.a.contains(tag) else self.na
        if kind == GROUP:
            right = p.b
            x = self.apply_after(lambda y: b.group(y, right), rec(p.a, tag, skip))
            if p.a.nullable or skip:
                return b.choice([x, rec(right, tag, skip)])
            return x
        if kind == INTERLEAVE:
            left, right = p.a, p.b
            return b.choice([self.apply_after(lambda y: b.interleave(y, right), rec(left, tag, skip)),
                             self.apply_after(lambda y: b.interleave(left, y), rec(right, tag, skip))])
        if kind == ONE_OR_MORE:
            rest = b.choice([p, self.empty])
            return self.apply_after(lambda y: b.group(y, rest), rec(p.a, tag, skip))
        if kind == AFTER:
            then = p.b
            return self.apply_after(lambda y: b.after(y, then), rec(p.a, tag, skip))
        return self.na

    def apply_after(self, f, p: Pattern) -> Pattern:
        if p.kind == AFTER:
            return self.b.after(p.a, f(p.b))
        if p.kind == CHOICE:
            return self.b.choice([self.apply_after(f, q) for q in p.a])
        return self.na

    # ------------------------------------------------------------------ values
    def att_leaves(self, p: Pattern, tag: str) -> tuple:
        """The content patterns of the attributes named ``tag`` that ``p`` allows now."""
        memo = p.d_att
        found = memo.get(tag)
        if found is None:
            seen: dict[int, Pattern] = {}
            self._collect(p, tag, seen)
            found = memo[tag] = tuple(seen.values())
        return found

    def _collect(self, p: Pattern, tag: str | None, seen: dict) -> None:
        """Leaves of ``p``: attribute contents (``tag`` given) or text leaves (``None``)."""
        kind = p.kind
        if kind == CHOICE:
            for q in p.a:
                self._collect(q, tag, seen)
        elif kind in (INTERLEAVE, GROUP):
            self._collect(p.a, tag, seen)
            if tag is not None or kind == INTERLEAVE or p.a.nullable:
                self._collect(p.b, tag, seen)
        elif kind in (ONE_OR_MORE, AFTER):
            self._collect(p.a, tag, seen)
        elif tag is not None:
            if kind == ATTRIBUTE and p.a.contains(tag):
                seen[p.b.id] = p.b
        elif kind in (DATA, DATA_EXCEPT, VALUE, LIST):
            seen[p.id] = p

    def select(self, p: Pattern, tag: str | None, leaf: Pattern | None) -> Pattern:
        """The derivative of ``p`` by a value that matches ``leaf`` and no other leaf: an
        attribute ``tag`` whose content pattern is ``leaf``, or (``tag`` None) text
        matching ``leaf`` (``TEXT_LEAF``: any text, as ``text`` takes it)."""
        memo = p.d_sel
        key = (tag, leaf.id if leaf is not None else -1)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._select(p, tag, leaf)
        return found

    def _select(self, p: Pattern, tag: str | None, leaf: Pattern | None) -> Pattern:
        kind = p.kind
        b = self.b
        sel = self.select
        if kind == CHOICE:
            return b.choice([sel(q, tag, leaf) for q in p.a])
        if kind == GROUP:
            x = b.group(sel(p.a, tag, leaf), p.b)
            if tag is not None or p.a.nullable:
                return b.choice([x, b.group(p.a, sel(p.b, tag, leaf))]) if tag is not None \
                    else b.choice([x, sel(p.b, tag, leaf)])
            return x
        if kind == INTERLEAVE:
            return b.choice([b.interleave(sel(p.a, tag, leaf), p.b),
                             b.interleave(p.a, sel(p.b, tag, leaf))])
        if kind == ONE_OR_MORE:
            return b.group(sel(p.a, tag, leaf), b.choice([p, self.empty]))
        if kind == AFTER:
            return b.after(sel(p.a, tag, leaf), p.b)
        if tag is not None:
            if kind == ATTRIBUTE and p.b is leaf and p.a.contains(tag):
                return self.empty
            return self.na
        if kind == TEXT:
            return p if leaf is None else self.na
        return self.empty if p is leaf else self.na

    def att(self, p: Pattern, tag: str, value: str) -> tuple[Pattern, bool]:
        """The derivative by attribute ``tag="value"``, and whether some attribute of that
        name was allowed at all (for the message: not allowed vs invalid value)."""
        leaves = self.att_leaves(p, tag)
        if not leaves:
            return self.na, False
        return self.b.choice([self.select(p, tag, c) for c in leaves
                              if self.value_matches(c, value)]), True

    def att_recover(self, p: Pattern, tag: str) -> Pattern:
        """An attribute with an invalid value is taken as if its value were valid."""
        return self.b.choice([self.select(p, tag, c) for c in self.att_leaves(p, tag)])

    def text_leaves(self, p: Pattern) -> tuple:
        found = p.d_text
        if found is None:
            seen: dict[int, Pattern] = {}
            self._collect(p, None, seen)
            found = p.d_text = tuple(seen.values())
        return found

    def text(self, p: Pattern, s: str) -> Pattern:
        leaves = self.text_leaves(p)
        if not leaves:  # only ``text`` can take it: the value does not matter
            return self.select(p, None, TEXT_LEAF)
        alternatives = [self.select(p, None, TEXT_LEAF)]
        for leaf in leaves:
            if self.leaf_matches(leaf, s):
                alternatives.append(self.select(p, None, leaf))
        return self.b.choice(alternatives)

    def blank(self, p: Pattern, s: str) -> Pattern:
        """The derivative by whitespace-only text ``s`` that may also be ignored (an
        element's only text, RELAX NG 6.2.7): remembered when no value can depend on it."""
        if self.text_leaves(p):
            return self.b.choice([p, self.text(p, s)])
        found = p.d_sel.get("blank")
        if found is None:
            found = p.d_sel["blank"] = self.b.choice([p, self.select(p, None, TEXT_LEAF)])
        return found

    def value_matches(self, p: Pattern, s: str) -> bool:
        """RELAX NG's ``valueMatch``: does the string ``s`` match pattern ``p``?"""
        kind = p.kind
        if kind == DATA:  # the usual attribute content: no derivative needed
            return p.a.allows(s)
        if kind == TEXT:
            return True
        if kind == VALUE:
            return p.a.equal(p.b, s)
        key = (p.id, s)
        found = self._values.get(key)
        if found is None:
            if len(self._values) > 50000:
                self._values.clear()
            found = (p.nullable and not s.strip(_SPACE)) or self.text(p, s).nullable
            self._values[key] = found
        return found

    def leaf_matches(self, leaf: Pattern, s: str) -> bool:
        kind = leaf.kind
        if kind == DATA:
            return leaf.a.allows(s)
        if kind == VALUE:
            return leaf.a.equal(leaf.b, s)
        if kind == DATA_EXCEPT:
            return leaf.a.allows(s) and not self.text(leaf.b, s).nullable
        if kind == LIST:
            q = leaf.a
            for word in words(s):
                q = self.text(q, word)
                if q.kind == NOT_ALLOWED:
                    return False
            return q.nullable
        return False

    # ------------------------------------------------------------------ start tag close, end
    def stc(self, p: Pattern) -> Pattern:
        found = p.d_stc
        if found is None:
            found = p.d_stc = self._stc(p, False)
        return found

    def stc_recover(self, p: Pattern) -> Pattern:
        """Missing required attributes are taken as present."""
        return self._stc(p, True)

    def _stc(self, p: Pattern, recover: bool) -> Pattern:
        kind = p.kind
        b = self.b
        f = (lambda q: self._stc(q, True)) if recover else self.stc
        if kind == CHOICE:
            return b.choice([f(q) for q in p.a])
        if kind == GROUP:
            return b.group(f(p.a), f(p.b))
        if kind == INTERLEAVE:
            return b.interleave(f(p.a), f(p.b))
        if kind == ONE_OR_MORE:
            return b.one_or_more(f(p.a))
        if kind == AFTER:
            return b.after(f(p.a), p.b)
        if kind == ATTRIBUTE:
            return self.empty if recover else self.na
        return p

    def end(self, p: Pattern) -> Pattern:
        found = p.d_end
        if found is None:
            if p.kind == CHOICE:
                found = self.b.choice([self.end(q) for q in p.a])
            elif p.kind == AFTER:
                found = p.b if p.a.nullable else self.na
            else:
                found = self.na
            p.d_end = found
        return found

    def end_recover(self, p: Pattern) -> Pattern:
        """An element whose content is incomplete ends all the same."""
        if p.kind == CHOICE:
            return self.b.choice([self.end_recover(q) for q in p.a])
        if p.kind == AFTER:
            return p.b
        return self.na

    # ------------------------------------------------------------------ for messages
    def expected(self, p: Pattern) -> tuple[list[Pattern], bool, bool]:
        """What ``p`` allows next: element patterns, whether text, whether the end tag."""
        elements: dict[int, Pattern] = {}
        flags = {"text": False, "end": False}
        self._expect(p, elements, flags, top=True)
        return list(elements.values()), flags["text"], flags["end"]

    def _expect(self, p: Pattern, elements: dict, flags: dict, top: bool = False) -> None:
        kind = p.kind
        if kind == CHOICE:
            for q in p.a:
                self._expect(q, elements, flags, top)
        elif kind == AFTER:
            self._expect(p.a, elements, flags)
            if p.a.nullable:
                flags["end"] = True
        elif kind in (GROUP, INTERLEAVE):
            self._expect(p.a, elements, flags)
            if kind == INTERLEAVE or p.a.nullable:
                self._expect(p.b, elements, flags)
        elif kind == ONE_OR_MORE:
            self._expect(p.a, elements, flags)
        elif kind == ELEMENT:
            elements[p.id] = p
        elif kind in (TEXT, DATA, DATA_EXCEPT, VALUE, LIST):
            flags["text"] = True

    def required_elements(self, p: Pattern) -> set[int]:
        """Element patterns required before ``p`` may end, as jing names them in "missing
        required element": the first of a sequence, all of an interleave, what every
        branch of a choice requires."""
        kind = p.kind
        if kind == CHOICE:
            sets = [self.required_elements(q) for q in p.a]
            return set.intersection(*sets) if sets else set()
        if kind == GROUP:
            first = self.required_elements(p.a)
            return first if not p.a.nullable else first | self.required_elements(p.b)
        if kind == INTERLEAVE:
            return self.required_elements(p.a) | self.required_elements(p.b)
        if kind in (ONE_OR_MORE, AFTER):
            return self.required_elements(p.a)
        if kind == ELEMENT:
            return {p}
        return set()

    def attributes(self, p: Pattern, required: bool = False) -> list[Pattern]:
        """Attribute patterns ``p`` allows now (``required``: those it cannot do without)."""
        out: dict[int, Pattern] = {}
        self._attrs(p, out, required)
        return list(out.values())

    def _attrs(self, p: Pattern, out: dict, required: bool) -> None:
        kind = p.kind
        if kind == CHOICE:
            if required and any(self.stc(q).kind != NOT_ALLOWED for q in p.a):
                return
            for q in p.a:
                self._attrs(q, out, required)
        elif kind in (GROUP, INTERLEAVE):
            self._attrs(p.a, out, required)
            self._attrs(p.b, out, required)
        elif kind in (ONE_OR_MORE, AFTER):
            self._attrs(p.a, out, required)
        elif kind == ATTRIBUTE:
            out[p.id] = p
