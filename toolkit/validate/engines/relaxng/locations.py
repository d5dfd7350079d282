"""Where jing would say an error is: just after the ``>`` of a start or end tag.

jing reports through SAX, whose locator stands just after the tag that raised the event:
an element out of place at the end of its start tag, an incomplete element at the end of
its end tag. lxml gives an element's line but neither column nor end tag, so when a
document has errors its text is scanned once, tag by tag, and the *n*-th element (in
document order) is mapped to the end of its start and of its end tag. Columns count
characters, 1-based, as jing's do.

The scan is only trusted where it agrees with the tree (same element names, lxml's line
within the start tag): a tree whose XIncludes were expanded, or that never was a file,
has other elements than its text; there lines come from lxml and columns are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(/?)([^\s/>!?]+)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.S)


_MARKUP = re.compile(r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[(.*?)\]\]>|&([^;&<]*);", re.S)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_SPACE = " \t\r\n"


class TagPositions:
    """Offsets of every element's start and end tag, by document order (see above).

    The text is scanned only as far as the errors asked about need: a novel whose only
    errors are in its header costs a scan of the header.
    """

    def __init__(self, text: str) -> None:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.names: list[str] = []
        self.events: list[tuple[int, int]] = []  # (offset of "<", offset after ">")
        self.start_event: list[int] = []
        self.end_event: list[int | None] = []
        self._counted = (0, 1)  # (offset, its line): lines are counted on from there
        self._step = 256
        self._tokens = _TOKEN.finditer(text)
        self._stack: list[int] = []
        self.first_lines: list[int] = []  # of each start tag's "<" and ">"
        self.last_lines: list[int] = []
        self._line = 1
        self._at = 0

    def _scan(self, index: int, end: bool) -> None:
        """Read tags until element ``index`` (and, if ``end``, its end tag) is known;
        in steps of a few thousand tags, the loop kept tight (it meets every tag)."""
        names, events, ends, stack = self.names, self.events, self.end_event, self._stack
        firsts, lasts, count = self.first_lines, self.last_lines, self.text.count
        while len(names) <= index or (end and ends[index] is None):
            line, at = self._line, self._at
            self._step = min(self._step * 2, 8192)  # few tags for an error in a header
            for _ in range(self._step):
                m = next(self._tokens, None)
                if m is None:
                    break
                closing, name, rest = m.groups()
                if name is None:
                    continue
                start, stop = m.span()
                if closing:
                    if stack:
                        ends[stack.pop()] = len(events)
                        events.append((start, stop))
                    continue
                names.append(name)
                self.start_event.append(len(events))
                events.append((start, stop))
                line += count("\n", at, start)
                firsts.append(line)
                line += count("\n", start, stop)
                lasts.append(line)
                at = stop
                if rest.endswith("/"):
                    ends.append(len(events) - 1)
                else:
                    ends.append(None)
                    stack.append(len(names) - 1)
            else:
                self._line, self._at = line, at
                continue
            self._line, self._at = line, at
            if len(names) <= index or (end and ends[index] is None):
                raise IndexError(index)
            return

    def fits(self, elements: list) -> bool:
        """Whether the scanned tags are these elements: same names, and each element's
        line (lxml's) within its start tag's lines."""
        try:
            self._scan(len(elements) - 1, False)
        except IndexError:
            return False
        for i, el in enumerate(elements):
            line = el.sourceline
            if line is not None and not self.first_lines[i] <= line <= self.last_lines[i]:
                return False
            if el.tag.rpartition("}")[2] != self.names[i].rpartition(":")[2]:
                return False
        return True

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``; asked mostly in document order, so lines are
        counted on from the previous answer."""
        known, line = self._counted
        if offset < known:
            known, line = 0, 1
        line += self.text.count("\n", known, offset)
        self._counted = (offset, line)
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def start(self, index: int) -> tuple[int, int]:
        self._scan(index, False)
        return self.at(self.events[self.start_event[index]][1])

    def end(self, index: int) -> tuple[int, int]:
        self._scan(index, True)
        return self.at(self.events[self.end_event[index]][1])

    def text_before(self, where: str, index: int) -> list[tuple[int, int]]:
        """Where jing reports text that is not allowed, just before the start (``where``
        "start") or end tag of element ``index``: once per piece of character data as
        its XML parser (Xerces) hands them over, at the end of each piece that is not
        whitespace. Pieces end at markup, at each reference, before a line break and
        around ``]``."""
        self._scan(index, where != "start")
        event = self.start_event[index] if where == "start" else self.end_event[index]
        begin = self.events[event - 1][1] if event else 0
        return [self.at(offset) for offset in _pieces(self.text, begin, self.events[event][0])]


def _pieces(text: str, start: int, end: int) -> list[int]:
    out: list[int] = []
    pos = start
    for m in _MARKUP.finditer(text, start, end):
        out += _character_pieces(text, pos, m.start())
        if m.group(0).startswith("<![CDATA["):
            if m.group(1).strip(_SPACE):
                out.append(m.end() - 1)
        elif m.group(0).startswith("&"):
            name = m.group(2)
            value = _ENTITIES.get(name, "x")
            if name.startswith("#"):
                try:
                    value = chr(int(name[2:], 16) if name[1:2] == "x" else int(name[1:]))
                except ValueError:
                    value = "x"
            if value.strip(_SPACE):
                out.append(m.end())
        pos = m.end()
    return out + _character_pieces(text, pos, end)


def _character_pieces(text: str, i: int, end: int) -> list[int]:
    out: list[int] = []
    while i < end:
        j = i
        while j < end and text[j] == "\n":
            j += 1
        k = j
        while k < end and text[k] not in "\n]":
            k += 1
        if text[j:k].strip(_SPACE):
            out.append(k)
        if k < end and text[k] == "]":
            while k < end and text[k] == "]":
                k += 1
            out.append(k)
        i = k
    return out


def scan(tree, source: Path | None, elements: list) -> TagPositions | None:
    """Tag positions of ``source`` if they fit ``tree`` (see the module docstring), checked
    on ``elements``: the first elements of the tree in document order, up to the last
    one an error is about."""
    if source is None:
        return None
    try:
        data = Path(source).read_bytes()
    except OSError:
        return None
    encoding = tree.docinfo.encoding or "utf-8"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    if text[:1] == "\ufeff":
        text = text[1:]
    positions = TagPositions(text)
    return positions if positions.fits(elements) else None
