"""The registers a document can point into: its own, the files it points to, configured ones.

A pointer (``@ref``, ``@corresp``, ``@who`` ... any attribute the reference checks treat
as one) names an element by ``#id`` in the same document, by ``file.xml#id`` in another
file relative to it, or by a private URI whose ``prefixDef`` rewrites it to one of those
(``psn:kim`` -> ``registers.xml#kim``). :class:`Registers` resolves them all the same way,
reading each other file once per modification (a file open in the editor is read from the
editor's buffer instead), and describes an entry for a hover: its names with their
languages, its dates, its note.

A *register entry* is an element with an ``xml:id`` of one of the kinds in
:data:`ENTRY_TAGS` (``person``, ``place``, ``org``, ``event``, ``bibl`` ...); completion
offers those, the entries of the kind the element names first (``persName`` -> persons).
(Every element with an id is a target for definition and hover, a note as much as a person.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.build.registers import find_registers
from toolkit.core import pointers
from toolkit.core.errors import ToolkitError
from toolkit.core.parse import parse_bytes, read_source

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENTRY_TAGS = frozenset({"person", "personGrp", "place", "org", "event", "bibl", "biblStruct",
                        "object", "nym", "item", "category", "relation"})
NAME_TAGS = frozenset({"persName", "placeName", "orgName", "name", "eventName", "title",
                       "label", "term", "objectName", "catDesc", "form"})
#: Which entries the pointer of an element names first.
PREFERRED = {"persName": "person", "placeName": "place", "orgName": "org", "who": "person",
             "settlement": "place", "country": "place", "region": "place"}
DATE_TAGS = ("birth", "death", "floruit", "date", "state")


@dataclass(frozen=True)
class Target:
    """Where a pointer leads: the file, the element, the 1-based column of its xml:id."""

    file: Path
    element: etree._Element
    column: int

    @property
    def line(self) -> int:
        return self.element.sourceline or 1


class Registers:
    """Resolve pointers of one document and describe what they point to."""

    def __init__(self, path: Path | None, tree: etree._ElementTree, lines: list[str],
                 configured: tuple[Path, ...] = (),
                 buffer_of: Callable[[Path], str | None] = lambda p: None,
                 root: Path | None = None) -> None:
        self.path = path.resolve() if path is not None else None
        self.root = root
        self.tree = tree
        self.lines = lines
        self.configured = tuple(p.resolve() for p in configured)
        self._buffer_of = buffer_of
        self._prefixes = pointers.prefix_defs(tree)

    # -- resolving ----------------------------------------------------------------------

    def resolve(self, value: str) -> Target | None:
        """The element ``value`` points to, or None (a URL, a missing id or file): the
        pointer read as ``validate`` and the formats read it (:mod:`toolkit.core.pointers`)."""
        base = self.path.as_uri() if self.path is not None else ""
        pointer = pointers.resolve(value.strip(), base, self._prefixes)
        if pointer is None or not pointer.fragment:
            return None
        if pointer.file is None:
            found = self._find(self.path, self.tree, self.lines, pointer.fragment)
            if found is not None:
                return found
            for register in self.configured:  # configured registers answer #id too
                found = self._in_file(register, pointer.fragment)
                if found is not None:
                    return found
            return None
        if self.path is None:
            return None
        return self._in_file(pointer.file, pointer.fragment)

    def _in_file(self, file: Path, fragment: str) -> Target | None:
        loaded = self._load(file)
        if loaded is None:
            return None
        tree, lines = loaded
        return self._find(file, tree, lines, fragment)

    def _find(self, file, tree, lines, fragment: str) -> Target | None:
        for el in tree.iter():
            if isinstance(el.tag, str) and el.get(XML_ID) == fragment:
                return Target(file, el, _id_column(lines, el.sourceline or 1, fragment))
        return None

    def _load(self, file: Path):
        text = self._buffer_of(file)
        try:
            if text is None:
                data = read_source(file)
                stamp = file.stat().st_mtime_ns
            else:
                data, stamp = text.encode("utf-8"), hash(text)
            key = (str(file), stamp)
            if key not in _FILES:
                tree = parse_bytes(data, str(file), base_url=file.as_uri())
                lines = data.decode("utf-8", "replace").splitlines()
                if len(_FILES) > 64:
                    _FILES.clear()
                _FILES[key] = (tree, lines)
            return _FILES[key]
        except (ToolkitError, OSError):
            return None

    # -- completion and description -----------------------------------------------------

    def register_files(self) -> list[Path]:
        """The configured registers and the register files this document points to, found
        as ``build`` finds them for the edition's pages (:func:`find_registers`: file
        pointers and ``prefixDef`` URIs, followed from register to register, inside
        ``root``)."""
        files: dict[Path, None] = {p: None for p in self.configured}
        if self.path is not None:
            found = find_registers(self.tree, self.path, self.root)
            for tree in found.trees:
                files[Path(unquote(urlsplit(tree.docinfo.URL).path)).resolve()] = None
        return [f for f in files if f != self.path and f.is_file()]

    def choices(self, element_name: str = "") -> list[tuple[str, etree._Element]]:
        """``(pointer value, entry)`` for every register entry this document can point to,
        the kind ``element_name`` names first, then by main name."""
        out = [(f"#{el.get(XML_ID)}", el) for el in _entries(self.tree)]
        for file in self.register_files():
            loaded = self._load(file)
            if loaded is None:
                continue
            same_meaning = file in self.configured
            prefix = "#" if same_meaning else _relative(file, self.path) + "#"
            out += [(prefix + el.get(XML_ID), el) for el in _entries(loaded[0])]
        preferred = PREFERRED.get(element_name)
        out.sort(key=lambda c: (etree.QName(c[1]).localname != preferred,
                                label_of(c[1]).casefold()))
        seen: set[str] = set()
        return [(v, el) for v, el in out if not (v in seen or seen.add(v))]


_FILES: dict[tuple[str, object], tuple[etree._ElementTree, list[str]]] = {}


def describe(element: etree._Element) -> str:
    """Markdown for a hover: the entry's kind and id, names, dates and note."""
    kind = etree.QName(element).localname
    parts = [f"**{label_of(element)}** ({kind} `{element.get(XML_ID)}`)"]
    names = []
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname in NAME_TAGS:
            text = _text(child)
            lang = child.get(XML_LANG)
            if text:
                names.append(f"{text} ({lang})" if lang else text)
    if len(names) > 1:
        parts.append("Names: " + "; ".join(names))
    dates = [d for d in (_date(child) for child in element if isinstance(child.tag, str)) if d]
    if dates:
        parts.append("; ".join(dates))
    if note_of(element):
        parts.append(note_of(element))
    return "\n\n".join(parts)


def label_of(element: etree._Element) -> str:
    """The entry's main name: a name child of ``@type='main'``, else the first one, else its id."""
    names = [c for c in element if isinstance(c.tag, str) and
             etree.QName(c).localname in NAME_TAGS and _text(c)]
    main = [c for c in names if c.get("type") == "main"]
    chosen = (main or names)
    return _text(chosen[0]) if chosen else (element.get(XML_ID) or "")


def _entries(tree: etree._ElementTree):
    for el in tree.iter():
        if isinstance(el.tag, str) and el.get(XML_ID) and el.tag.startswith(TEI) and \
                el.tag[len(TEI):] in ENTRY_TAGS:
            yield el


def note_of(element: etree._Element) -> str:
    """The text of the entry's first ``note`` (empty when it has none)."""
    return next((_text(c) for c in element if isinstance(c.tag, str) and
                 etree.QName(c).localname == "note"), "")


def _date(el: etree._Element) -> str:
    name = etree.QName(el).localname
    if name not in DATE_TAGS:
        return ""
    when = el.get("when") or el.get("when-iso")
    span = "-".join(v for v in (el.get("from") or el.get("notBefore"),
                                el.get("to") or el.get("notAfter")) if v)
    value = when or span
    if not value:
        return ""
    label = _text(el) if name == "state" else ""
    return f"{name} {value}" + (f" ({label})" if label else "")


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _id_column(lines: list[str], line: int, fragment: str) -> int:
    for offset in range(0, 20):
        index = line - 1 + offset
        if index >= len(lines):
            break
        found = re.search(r"xml:id\s*=\s*[\"']" + re.escape(fragment) + r"[\"']", lines[index])
        if found:
            return found.start() + 1
    return 1


def _relative(file: Path, base: Path | None) -> str:
    import os

    if base is None:
        return file.as_posix()
    return Path(os.path.relpath(file, base.parent)).as_posix()
