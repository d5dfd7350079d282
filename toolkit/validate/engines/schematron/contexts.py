"""Which kinds of node a rule context can match, so the traversal visits no more than that.

The generated stylesheet walks the document once per group of patterns. Walking every
attribute and text node costs more than the rules do on a large TEI file, so each
element's children are selected as narrowly as the rule contexts allow: ``*`` when every
context ends in an element step, ``node()`` when one can match text, comments or
processing instructions, and ``@*`` too only when one can match an attribute.

Only the last step of each alternative of the pattern decides (predicates are skipped:
``tei:div[@type]`` matches elements). Anything not recognised (a variable, ``key()``,
``node()``, a parenthesised expression) counts as "any node", which is always safe.
"""

from __future__ import annotations

import re

ELEMENT, ATTRIBUTE, TEXT, OTHER, DOCUMENT = "element", "attribute", "text", "other", "document"
ANY = frozenset({ELEMENT, ATTRIBUTE, TEXT, OTHER, DOCUMENT})

_NAME = r"(?:\*|[\w.\-]+)(?::(?:\*|[\w.\-]+))?|\*:[\w.\-]+|Q\{[^}]*\}(?:\*|[\w.\-]+)"
_ELEMENT_STEP = re.compile(r"^(?:(?:child|descendant|self)::)?(?:" + _NAME
                           + r"|element\([^)]*\)|schema-element\([^)]*\))$")


def kinds(pattern: str) -> frozenset[str]:
    """The node kinds the XSLT pattern ``pattern`` can match (a subset of :data:`ANY`)."""
    try:
        branches = _alternatives(_strip(pattern))
    except ValueError:
        return ANY
    out: set[str] = set()
    for branch in branches:
        out |= _last_step_kinds(branch.strip())
    return frozenset(out)


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


def _alternatives(text: str) -> list[str]:
    """Split on top-level ``|`` / ``union``; ``intersect`` and ``except`` are refused."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    out = []
    for part in parts:
        if re.search(r"\s(intersect|except)\s", part):
            raise ValueError("set operator")
        out.extend(re.split(r"\s+union\s+", part))
    return out


def _last_step_kinds(branch: str) -> set[str]:
    if branch in ("/", ""):
        return {DOCUMENT}
    depth, cut = 0, -1
    for i, ch in enumerate(branch):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "/" and depth == 0:
            cut = i
    step = branch[cut + 1:].strip()
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


def walk(found: frozenset[str] | set[str]) -> tuple[str, str]:
    """The ``select`` of the descent from a document node and from an element."""
    below = "node()" if found & {TEXT, OTHER} else "*"
    document = "node()" if OTHER in found else "*"
    element = ("@*|" + below) if ATTRIBUTE in found else below
    return document, element
