"""The patterns of a simplified RELAX NG schema, hash-consed, and their name classes.

Why hash-consing
----------------
James Clark's derivative algorithm ("An algorithm for RELAX NG validation", the one jing
uses) turns a pattern and an event (a start tag, an attribute, text, an end tag) into a
new pattern. Validation is then a walk from pattern to pattern, and a TEI schema meets the
same few thousand patterns over and over. If every pattern is built only once (equal
structure -> the same object), each derivative can be remembered on the pattern it was
taken from: the second ``<p>`` after a ``<head>`` costs a dictionary look-up. The
patterns with their remembered derivatives are, in effect, an automaton built lazily,
only for the states the documents reach.

Choices are kept as sets (flattened, without ``notAllowed``, each member once, ``After``
members with the same continuation merged): that is what keeps the number of states
finite, as the paper explains.
"""

from __future__ import annotations

EMPTY, NOT_ALLOWED, TEXT, CHOICE, INTERLEAVE, GROUP, ONE_OR_MORE, LIST, DATA, \
    DATA_EXCEPT, VALUE, ATTRIBUTE, ELEMENT, AFTER = range(14)

KIND_NAMES = ("empty", "notAllowed", "text", "choice", "interleave", "group", "oneOrMore",
              "list", "data", "dataExcept", "value", "attribute", "element", "after")


class Pattern:
    """One node of the pattern graph; built only through :class:`Builder`.

    ``a``/``b`` are the operands (for ``choice``: ``a`` is the tuple of alternatives; for
    ``element``/``attribute``: ``a`` is the name class and ``b`` the content; for
    ``data``/``value``: ``a`` is the datatype and ``b`` the value or except pattern). The
    ``d_*`` slots remember derivatives (see :mod:`.derive`).
    """

    __slots__ = ("kind", "a", "b", "nullable", "id", "d_sto", "d_att", "d_stc", "d_end",
                 "d_text", "d_sel", "line")

    def __init__(self, kind: int, a=None, b=None, nullable: bool = False, pid: int = 0) -> None:
        self.kind = kind
        self.a = a
        self.b = b
        self.nullable = nullable
        self.id = pid
        self.d_sto: dict = {}
        self.d_att: dict = {}
        self.d_stc = None
        self.d_end = None
        self.d_text = None
        self.d_sel: dict = {}
        self.line = None  # of the schema's element or attribute element (messages)

    def __repr__(self) -> str:
        return f"<{KIND_NAMES[self.kind]} #{self.id}>"


class NameClass:
    """``name``, ``anyName``, ``nsName`` or a choice of name classes (RELAX NG 4.11-4.14).

    ``contains`` takes a tag as lxml spells it (``{ns}local`` or ``local``) and remembers
    the answer.
    """

    __slots__ = ("kind", "ns", "local", "left", "right", "_memo")

    def __init__(self, kind: str, ns: str = "", local: str = "", left=None, right=None) -> None:
        self.kind = kind  # name | any | ns | choice
        self.ns = ns
        self.local = local
        self.left = left  # except (any, ns) or first alternative (choice)
        self.right = right
        self._memo: dict[str, bool] = {}

    def key(self) -> tuple:
        return (self.kind, self.ns, self.local, self.left.key() if self.left else None,
                self.right.key() if self.right else None)

    def contains(self, tag: str) -> bool:
        found = self._memo.get(tag)
        if found is None:
            ns, local = split_tag(tag)
            found = self._memo[tag] = self.contains_name(ns, local)
        return found

    def contains_name(self, ns: str, local: str) -> bool:
        kind = self.kind
        if kind == "name":
            return ns == self.ns and local == self.local
        if kind == "choice":
            return self.left.contains_name(ns, local) or self.right.contains_name(ns, local)
        if kind == "ns" and ns != self.ns:
            return False
        return self.left is None or not self.left.contains_name(ns, local)

    def names(self) -> list[tuple[str, str]]:
        """The plain names this class lists (for "expected ..." messages)."""
        if self.kind == "name":
            return [(self.ns, self.local)]
        if self.kind == "choice":
            return self.left.names() + self.right.names()
        return []

    def describe(self) -> str | None:
        """Words for a wildcard class, None for plain names."""
        if self.kind == "any":
            return "any name"
        if self.kind == "ns":
            return f"any name in namespace {self.ns or '(none)'}"
        return None


def split_tag(tag: str) -> tuple[str, str]:
    if tag[:1] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


class Builder:
    """Makes patterns, each structure once (see the module docstring)."""

    def __init__(self) -> None:
        self._table: dict[tuple, Pattern] = {}
        self._next = 3
        self.empty = Pattern(EMPTY, nullable=True, pid=0)
        self.not_allowed = Pattern(NOT_ALLOWED, pid=1)
        self.text = Pattern(TEXT, nullable=True, pid=2)
        self.elements: list[Pattern] = []

    def _intern(self, key: tuple, kind: int, a, b, nullable: bool) -> Pattern:
        found = self._table.get(key)
        if found is None:
            found = self._table[key] = Pattern(kind, a, b, nullable, self._next)
            self._next += 1
        return found

    def choice(self, items) -> Pattern:
        # the hottest function of schema preparation and of validation: kept flat
        alternatives: dict[int, Pattern] = {}
        afters: dict[int, list[Pattern]] | None = None
        for item in items:
            kind = item.kind
            if kind == CHOICE:
                members = item.a
            elif kind == NOT_ALLOWED:
                continue
            else:
                members = (item,)
            for sub in members:
                if sub.kind == AFTER:
                    if afters is None:
                        afters = {}
                    same = afters.setdefault(sub.b.id, [])
                    if sub not in same:
                        same.append(sub)
                else:
                    alternatives[sub.id] = sub
        if afters is not None:
            for same in afters.values():
                if len(same) == 1:
                    alternatives[same[0].id] = same[0]
                else:
                    merged = self.after(self.choice([m.a for m in same]), same[0].b)
                    alternatives[merged.id] = merged
        if not alternatives:
            return self.not_allowed
        if len(alternatives) == 1:
            return next(iter(alternatives.values()))
        ids = sorted(alternatives)
        key = (CHOICE, *ids)
        found = self._table.get(key)
        if found is not None:
            return found
        ordered = tuple([alternatives[k] for k in ids])
        nullable = False
        for p in ordered:
            if p.nullable:
                nullable = True
                break
        return self._intern(key, CHOICE, ordered, None, nullable)

    def group(self, a: Pattern, b: Pattern) -> Pattern:
        return self._pair(GROUP, a, b)

    def interleave(self, a: Pattern, b: Pattern) -> Pattern:
        if b.id < a.id:  # unordered: one pattern for both orders
            a, b = b, a
        return self._pair(INTERLEAVE, a, b)

    def _pair(self, kind: int, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        return self._intern((kind, a.id, b.id), kind, a, b, a.nullable and b.nullable)

    def one_or_more(self, p: Pattern) -> Pattern:
        if p.kind in (NOT_ALLOWED, EMPTY, ONE_OR_MORE):
            return p
        return self._intern((ONE_OR_MORE, p.id), ONE_OR_MORE, p, None, p.nullable)

    def after(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        return self._intern((AFTER, a.id, b.id), AFTER, a, b, False)

    def list_(self, p: Pattern) -> Pattern:
        if p.kind == NOT_ALLOWED:
            return p
        return self._intern((LIST, p.id), LIST, p, None, False)

    def attribute(self, nc: NameClass, p: Pattern) -> Pattern:
        return self._intern((ATTRIBUTE, nc.key(), p.id), ATTRIBUTE, nc, p, False)

    def data(self, datatype, except_: Pattern | None = None) -> Pattern:
        if except_ is None or except_.kind == NOT_ALLOWED:
            return self._intern((DATA, datatype.key), DATA, datatype, None, False)
        return self._intern((DATA_EXCEPT, datatype.key, except_.id), DATA_EXCEPT, datatype,
                            except_, False)

    def value(self, datatype, text: str) -> Pattern:
        return self._intern((VALUE, datatype.key, text), VALUE, datatype, text, False)

    def element(self, nc: NameClass) -> Pattern:
        """A new element pattern whose content (``b``) is set later: elements are where
        the graph may be cyclic, so they are never shared by structure."""
        p = Pattern(ELEMENT, nc, None, False, self._next)
        self._next += 1
        self.elements.append(p)
        return p
