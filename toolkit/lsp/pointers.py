"""Which pointer the cursor is on: the attribute, the token, and the element around it.

Read from the buffer's text around the cursor rather than from a tree, so that it works
while the document is not well-formed (an unclosed value being typed is exactly when
completion is asked for). The attribute must be one the reference checks treat as a
pointer (:data:`toolkit.validate.engines.checks.POINTER_ATTRIBUTES`, and ``@from``/``@to``
where they are pointers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.validate.engines.checks import POINTER_ATTRIBUTES, POINTER_FROM_TO

_ATTRIBUTE = re.compile(r"([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)\s*=\s*(\"|')")
_ELEMENT = re.compile(r"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)[^<>]*$", re.S)


@dataclass(frozen=True)
class PointerAt:
    """The pointer token under the cursor (``start``/``end``: character indexes in the line)."""

    attribute: str
    element: str
    token: str
    start: int
    end: int


def pointer_at(lines: list[str], line: int, char: int) -> PointerAt | None:
    """The pointer token at 0-based ``line`` and character index ``char``, if any.

    An attribute value still being typed (no closing quote yet) counts: its token ends
    at the cursor.
    """
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    for match in _ATTRIBUTE.finditer(text):
        quote = match.group(2)
        value_start = match.end()
        close = text.find(quote, value_start)
        value_end = close if close >= 0 else len(text)
        if not value_start <= char <= value_end:
            continue
        element = _element_before(lines, line, match.start())
        attribute = match.group(1)
        local = attribute.split(":")[-1]
        if attribute not in POINTER_ATTRIBUTES and \
                not (attribute in ("from", "to") and element in POINTER_FROM_TO):
            return None
        start = value_start
        for token in re.finditer(r"\S+", text[value_start:value_end]):
            if token.start() + value_start <= char <= token.end() + value_start:
                start = token.start() + value_start
                break
        else:
            start = char
        end = start
        while end < value_end and not text[end].isspace():
            end += 1
        if close < 0:
            end = max(end, char)
        return PointerAt(local, element, text[start:end], start, end)
    return None


def _element_before(lines: list[str], line: int, char: int) -> str:
    """The name of the start tag that the text before (``line``, ``char``) is inside."""
    before = "\n".join(lines[max(0, line - 30):line] + [lines[line][:char]])
    match = _ELEMENT.search(before)
    return match.group(1).split(":")[-1] if match else ""
