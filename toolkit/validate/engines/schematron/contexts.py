"""Which kinds of node a rule context can match, so the traversal visits no more than that.

The generated stylesheet walks the document once per group of patterns. Walking every
attribute and text node costs more than the rules do on a large TEI file, so each
element's children are selected as narrowly as the rule contexts allow: ``*`` when every
context ends in an element step, ``node()`` when one can match text, comments or
processing instructions, and ``@*`` too only when one can match an attribute.

Only the last step of each alternative of the pattern decides (predicates are skipped:
``tei:div[@type]`` matches elements). Anything not recognised (a variable, ``key()``,
``node()``) counts as "any node", which is always safe. Attributes are visited by name
when every context that can match one names it (``tei:rt/@target`` -> ``@target``):
dispatching every attribute of a TEI file to the template rules costs more than the rule.
"""

from __future__ import annotations

import re

ELEMENT, ATTRIBUTE, TEXT, OTHER, DOCUMENT = "element", "attribute", "text", "other", "document"
ANY = frozenset({ELEMENT, ATTRIBUTE, TEXT, OTHER, DOCUMENT})

_NAME = r"(?:\*|[\w.\-]+)(?::(?:\*|[\w.\-]+))?|\*:[\w.\-]+|Q\{[^}]*\}(?:\*|[\w.\-]+)"
_ATTRIBUTE_NAME = re.compile(r"^(?:[\w.\-]+:)?[\w.\-]+$")
_ELEMENT_STEP = re.compile(r"^(?:(?:child|descendant|self)::)?(?:" + _NAME
                           + r"|element\([^)]*\)|schema-element\([^)]*\))$")


class Reach:
    """What the contexts of a group of rules can match: node kinds, attribute names."""

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        #: attribute name tests (as written, ``@`` dropped); None: any attribute
        self.attributes: set[str] | None = set()

    def add(self, pattern: str) -> None:
        """Widen the reach by the XSLT pattern ``pattern`` (a rule context)."""
        try:
            branches = _alternatives(_strip(pattern))
        except ValueError:
            branches = ["node()"]
        for branch in branches:
            self._branch(branch.strip())

    def _branch(self, branch: str) -> None:
        step = _last_step(branch)
        if step.startswith("(") and step.endswith(")"):
            self.add(step[1:-1])
            return
        found = _kinds(step)
        self.kinds |= found
        if ATTRIBUTE in found and self.attributes is not None:
            name = re.sub(r"^(@|attribute::)", "", step)
            self.attributes = self.attributes | {name} if _ATTRIBUTE_NAME.match(name) \
                else None


def kinds(pattern: str) -> frozenset[str]:
    """The node kinds the XSLT pattern ``pattern`` can match (a subset of :data:`ANY`)."""
    reach = Reach()
    reach.add(pattern)
    return frozenset(reach.kinds)


def _strip(text: str) -> str:
    """``text`` without string literals, comments and the insides of predicates."""
    out, depth, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise ValueError("unterminated string")
            if depth == 0:
                out.append("''")
            i = end + 1
            continue
        if text.startswith("(:", i):
            end = text.find(":)", i + 2)
            if end < 0:
                raise ValueError("unterminated comment")
            i = end + 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced brackets")
        elif depth == 0:
            out.append(ch)
        i += 1
    if depth:
        raise ValueError("unbalanced brackets")
    return "".join(out)


def _outside_parentheses(text: str, char: str) -> list[int]:
    """The positions of ``char`` in ``text`` that are not inside parentheses."""
    found, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == char and depth == 0:
            found.append(i)
    return found


def _alternatives(text: str) -> list[str]:
    """Split on top-level ``|`` / ``union``; ``intersect`` and ``except`` are refused."""
    cuts = [-1] + _outside_parentheses(text, "|") + [len(text)]
    parts = [text[a + 1:b] for a, b in zip(cuts, cuts[1:])]
    out = []
    for part in parts:
        if re.search(r"\s(intersect|except)\s", part):
            raise ValueError("set operator")
        out.extend(re.split(r"\s+union\s+", part))
    return out


def _last_step(branch: str) -> str:
    cut = ([-1] + _outside_parentheses(branch, "/"))[-1]
    return branch[cut + 1:].strip()


def _kinds(step: str) -> set[str]:
    if not step:
        return {DOCUMENT}
    if step.startswith("@") or step.startswith("attribute::") or step.startswith("attribute("):
        return {ATTRIBUTE}
    if step in ("text()", "child::text()"):
        return {TEXT}
    if step.startswith(("comment()", "processing-instruction(", "child::comment()",
                        "child::processing-instruction(")):
        return {OTHER}
    if step.startswith("document-node("):
        return {DOCUMENT}
    if _ELEMENT_STEP.match(step):
        return {ELEMENT}
    return set(ANY)


def walk(reach: Reach) -> tuple[str, str]:
    """The ``select`` of the descent from a document node and from an element."""
    found = reach.kinds
    below = "node()" if found & {TEXT, OTHER} else "*"
    document = "node()" if OTHER in found else "*"
    if ATTRIBUTE not in found:
        return document, below
    if reach.attributes is None:
        return document, "@*|" + below
    return document, "|".join(f"@{name}" for name in sorted(reach.attributes)) + "|" + below
