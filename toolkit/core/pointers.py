"""Where a pointer leads: the toolkit's one lookup of pointers, in Python.

``xslt/common/pointers.xsl`` is the same lookup for the stylesheets; this module is what
``validate``'s pointer checks, the register loader of the formats
(:mod:`toolkit.build.registers`) and the edition site resolve pointers with, so that a
pointer the HTML links is one ``validate`` accepts and the other way round. A pointer is

* ``#id``: an element of the document; failing that, of the edition's *shared* register
  files (the ``registers`` of the project configuration, :mod:`toolkit.core.edition`);
* ``file.xml#id``: an element of that file, relative to the document (``../persons.xml#p12``);
* ``psn:kim``: a private URI, turned into one of the above by the ``prefixDef`` with
  ``ident="psn"`` in the document's header (``@matchPattern``, ``@replacementPattern``),
  then resolved relative to the document;
* anything else with a scheme (``https:``, ``mailto:``, an undeclared prefix): not a local
  pointer, left alone.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$", re.S)
#: prefixDef expansions that yield prefixed pointers again are followed this deep
MAX_EXPANSIONS = 3

PrefixDefs = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class Pointer:
    """A pointer token taken apart: the file it names (None: the document itself) and the
    id after ``#`` (empty for a pointer to a whole file). ``written`` is the token as it is
    in the document (``psn:kim``), ``expanded`` what its prefixDef made of it."""

    written: str
    expanded: str
    file: Path | None
    fragment: str


def prefix_defs(tree: etree._ElementTree | etree._Element) -> PrefixDefs:
    """``ident -> [(matchPattern, replacementPattern)]`` of the document's prefixDefs."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    defs: PrefixDefs = {}
    for prefix_def in root.iter(f"{{{TEI_NS}}}prefixDef"):
        ident = prefix_def.get("ident")
        if ident and prefix_def.get("matchPattern") is not None:
            defs.setdefault(ident, []).append((prefix_def.get("matchPattern"),
                                               prefix_def.get("replacementPattern") or ""))
    return defs


def expand_pattern(pattern: str, replacement: str, rest: str) -> str | None:
    """XPath-style ``replace(rest, ^(?:pattern)$, replacement)``; None if it does not match.

    Python's regular expressions agree with XPath's for the patterns prefixDefs use; a
    pattern Python cannot compile is ignored (the stylesheet ignores it as well).
    """
    try:
        regex = re.compile(f"^(?:{pattern})$")
        if not regex.match(rest):
            return None
        return regex.sub(re.sub(r"\$(\d)", r"\\\1", replacement), rest)
    except (re.error, IndexError):
        return None


def expand(token: str, prefixes: PrefixDefs) -> str | None:
    """``token`` with its private-URI prefix expanded (repeatedly, up to
    :data:`MAX_EXPANSIONS`); ``token`` itself when it has no declared prefix; None when
    its prefix is declared but none of its patterns matches."""
    for _ in range(MAX_EXPANSIONS):
        match = SCHEME.match(token)
        if not match or match.group(1) not in prefixes:
            return token
        for pattern, replacement in prefixes[match.group(1)]:
            expanded = expand_pattern(pattern, replacement, match.group(2))
            if expanded is not None:
                token = expanded
                break
        else:
            return None
    return token


def is_external(token: str) -> bool:
    """A URL or an undeclared prefix (anything with a scheme but ``file:``)."""
    match = SCHEME.match(token)
    return bool(match) and match.group(1).lower() != "file"


def resolve(token: str, base_url: str, prefixes: PrefixDefs) -> Pointer | None:
    """``token`` taken apart relative to ``base_url`` (the URL of the document, or of the
    element holding the pointer); None for external pointers and unmatched prefixes."""
    expanded = expand(token, prefixes)
    if expanded is None or is_external(expanded):
        return None
    file_part, _, fragment = expanded.partition("#")
    if not file_part:
        return Pointer(token, expanded, None, fragment)
    file = _local_file(base_url or "", file_part, os.getcwd())
    return None if file is None else Pointer(token, expanded, file, fragment)


@functools.lru_cache(maxsize=4096)
def _local_file(base_url: str, file_part: str, cwd: str) -> Path | None:
    """The local file ``file_part`` names relative to ``base_url`` (relative to ``cwd``
    when that is relative too), or None for another host or scheme. Cached: a register of
    a thousand entries repeats the same few file names thousands of times, and each
    resolution asks the file system (``realpath``); ``serve`` and ``lsp`` look them up
    again on every keystroke and save."""
    parts = urlsplit(urljoin(base_url, file_part))
    if parts.scheme not in ("file", "") or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path)).resolve()


def pointed_files(tree: etree._ElementTree, attributes: tuple[str, ...]):
    """``(element, file)`` for each pointer of ``tree`` into another local file (a pointer
    with a fragment: ``persons.xml#p1``, ``psn:p1``), in document order."""
    prefixes = prefix_defs(tree)
    url = tree.docinfo.URL or ""
    for element in tree.getroot().iter("*"):
        for name in attributes:
            value = element.get(name)
            if not value:
                continue
            for token in value.split():
                if "#" not in token and ":" not in token:
                    continue
                pointer = resolve(token, element.base or url, prefixes)
                if pointer is not None and pointer.file is not None and "#" in pointer.expanded:
                    yield element, pointer.file
