"""xml:id checks, and the ids of a document as the pointer checks need them.

The safe parser does not let libxml2 collect ids (it would refuse a document with a
duplicate or a malformed one), so such files parse and get located findings here:
duplicates at the second occurrence naming the first, values that are not NCNames.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_file
from toolkit.validate.engines.base import content_digest
from toolkit.validate.locate import xpath_of

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NCNAME = re.compile(r"^[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*$")
CUTOFF = 0.75


class Ids:
    """The xml:ids of one document, first occurrence of each, and near-miss suggestions."""

    def __init__(self, first: dict[str, etree._Element] | frozenset[str]) -> None:
        self.first = first
        self._by_length: dict[int, list[str]] | None = None
        self._suggested: dict[str, str | None] = {}

    def __contains__(self, value: str) -> bool:
        return value in self.first

    def close_match(self, target: str) -> str | None:
        """The id ``difflib.get_close_matches(target, ids, n=1, cutoff=0.75)`` picks.

        Only ids that can reach the cutoff are offered to difflib: those whose length
        could (difflib's own first test, ``real_quick_ratio``) and that share enough
        characters with ``target`` (an upper bound of its second test, ``quick_ratio``).
        So a document with thousands of ids is not compared id by id in Python for every
        dangling pointer; the answer is the same.
        A target is looked up once (one missing register entry is often pointed at often).
        """
        if target in self._suggested:
            return self._suggested[target]
        if self._by_length is None:
            self._by_length = {}
            for value in self.first:
                self._by_length.setdefault(len(value), []).append(value)
        size = len(target)
        counts = Counter(target)
        candidates = []
        for length, values in self._by_length.items():
            total = length + size
            if not total or 2.0 * min(length, size) / total < CUTOFF:
                continue
            for value in values:  # difflib's quick_ratio bound, on character sets
                shared = sum(counts[c] for c in set(value) if c in counts)
                if 2.0 * min(shared, length) / total >= CUTOFF:
                    candidates.append(value)
        close = difflib.get_close_matches(target, candidates, n=1, cutoff=CUTOFF)
        self._suggested[target] = close[0] if close else None
        return self._suggested[target]


def check(el: etree._Element, value: str, first: dict[str, etree._Element],
          finding: Callable[..., Finding],
          where: Callable[[etree._Element, etree._Element], str]) -> list[Finding]:
    """Findings for the xml:id ``value`` of ``el``; records its first occurrence.

    ``finding(el, attr, severity, message, rule)`` makes a located finding;
    ``where(other, el)`` says where ``other``'s xml:id is, seen from ``el`` (``line 12``
    in the same file, ``part.xml:12`` in another).
    """
    out = []
    if not NCNAME.match(value):
        out.append(finding(el, "xml:id", "error",
                           f"xml:id {value!r} is not a valid NCName (no spaces, colons, or "
                           "leading digits/hyphens)", "id-not-ncname"))
    other = first.get(value)
    if other is None:
        first[value] = el
        return out
    out.append(finding(el, "xml:id", "error",
                       f"duplicate xml:id {value!r}: also defined at {where(other, el)} "
                       f"({xpath_of(other)})", "duplicate-id"))
    return out


def ids_in_file(path: str) -> Ids | None:
    """The ids of another XML file (for ``file.xml#id`` pointers), or None if it does not
    parse; cached per process by the file's content."""
    try:
        digest = content_digest(Path(path))
    except OSError:
        return None
    return _ids_in_file(path, digest)


@lru_cache(maxsize=256)
def _ids_in_file(path: str, _digest: str) -> Ids | None:
    try:
        tree = parse_file(path)
    except ToolkitError:
        return None
    return Ids(frozenset(str(value) for value in tree.xpath("//@xml:id")))


def forget() -> None:
    """Drop the ids remembered of other files (a long-running process, between checks; an
    edited file is read afresh anyway, since the cache is keyed by content)."""
    _ids_in_file.cache_clear()
