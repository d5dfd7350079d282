"""XInclude done by the toolkit, not by libxml2, with the origin of every included element.

Why not libxml2's XInclude: it reads any file and URL it is pointed at. Here only files
inside the including source's folder are read (never a URL, never ``..`` out of it, never
through a symlink pointing elsewhere); ``parse="text"``, ``xpointer`` of the forms ``id``,
``element(id)`` and ``xpointer(id('id'))`` and ``xi:fallback`` are supported, and nesting,
cycles, the number of inclusions, the elements and bytes included are bounded.

Why origins: an element included from ``part.xml`` keeps its line number in ``part.xml``
(libxml2 copies it), so a finding at that element must name ``part.xml``, not the file
that included it. The spec's way to say so is an ``xml:base`` attribute on each included
element, but that changes the document every schema validates (TEI customisations and
plain XSDs often do not allow ``xml:base``) and every stylesheet sees. So the document is
left as written and the tree itself records where included elements came from:
:func:`toolkit.core.parse.parse_file` returns a :class:`SourceTree`, an lxml
``ElementTree`` with an :class:`Origins` table (:func:`origin_of` answers for any tree).
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from toolkit.core.errors import ParseError, UsageError

#: ``read(path) -> bytes`` and ``parse(data, name, base_url) -> tree``: the safe ones of
#: :mod:`toolkit.core.parse`, which passes them in (it imports this module, not vice versa)
Reader = Callable[[Path], bytes]
Parser = Callable[[bytes, str, str], etree._ElementTree]

XI_NS = "http://www.w3.org/2001/XInclude"
_XI_INCLUDE = f"{{{XI_NS}}}include"
_XI_FALLBACK = f"{{{XI_NS}}}fallback"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: XInclude bounds: nesting of included documents, inclusions and elements per source.
MAX_XINCLUDE_DEPTH = 16
MAX_XINCLUDES = 1000
MAX_XINCLUDED_ELEMENTS = 2_000_000


class Origins:
    """Which elements of a tree were included from which file (see the module docstring).

    The table holds the included elements themselves: lxml keeps one Python proxy per
    node while a reference to it lives, so identity answers "is this that element".
    """

    def __init__(self) -> None:
        self._roots: dict[int, tuple[etree._Element, str, Path]] = {}

    def __bool__(self) -> bool:
        return bool(self._roots)

    def add(self, element: etree._Element, name: str, path: Path) -> None:
        self._roots[id(element)] = (element, name, path)

    def _entry(self, element: etree._Element) -> tuple[etree._Element, str, Path] | None:
        node = element
        while node is not None:
            entry = self._roots.get(id(node))
            if entry is not None and entry[0] is node:
                return entry
            node = node.getparent()
        return None

    def name_of(self, element: etree._Element) -> str | None:
        """The name (as messages print it) of the file ``element`` came from, or None
        when it is the including document's own."""
        entry = self._entry(element)
        return entry[1] if entry else None

    def path_of(self, element: etree._Element) -> Path | None:
        entry = self._entry(element)
        return entry[2] if entry else None

    def files(self) -> list[Path]:
        """Every file something was included from, in inclusion order, once each."""
        return list(dict.fromkeys(path for _, _, path in self._roots.values()))


class SourceTree(etree._ElementTree):
    """An lxml ``ElementTree`` of a source file that knows its XInclude origins."""

    origins: Origins

    def __init__(self) -> None:
        super().__init__()
        self.origins = Origins()


def as_source_tree(root: etree._Element) -> SourceTree:
    """A :class:`SourceTree` for the document of ``root`` (no origins yet)."""
    tree = SourceTree()
    tree._setroot(root)
    return tree


def origins_of(tree: etree._ElementTree | None) -> Origins | None:
    """The origins table of ``tree`` when it has included elements, else None."""
    origins = getattr(tree, "origins", None)
    return origins if origins else None


class _ResourceError(Exception):
    """An XInclude target that is missing or unreadable: ``xi:fallback`` applies."""


class _Refused(Exception):
    """An XInclude target the toolkit never reads (remote, outside the folder)."""


@dataclass
class _Budget:
    root: Path
    main: Path
    origins: Origins
    read: Reader
    parse: Parser
    max_bytes: int
    includes: int = 0
    elements: int = 0
    bytes: int = 0
    cache: dict[Path, etree._ElementTree] = field(default_factory=dict)


def resolve_xincludes(tree: etree._ElementTree, path: str | os.PathLike[str],
                      include_root: str | os.PathLike[str] | None, *, read: Reader,
                      parse: Parser, max_bytes: int) -> etree._ElementTree:
    """Replace every ``xi:include`` in ``tree`` (the parsed file ``path``) in place.

    Refused with a :class:`ParseError` located at the ``xi:include``: a remote or
    non-``file:`` href, a target outside ``include_root`` (default: the source's folder),
    an include cycle, nesting deeper than :data:`MAX_XINCLUDE_DEPTH`, more than
    :data:`MAX_XINCLUDES` inclusions. A missing target uses ``xi:fallback`` when there is
    one and is an error otherwise. Included elements are recorded in ``tree.origins``
    when ``tree`` is a :class:`SourceTree`; no ``xml:base`` is added. Included files are
    read with ``read`` and parsed with ``parse``, ``max_bytes`` in all.
    """
    root = tree.getroot()
    if root is None or not any(True for _ in root.iter(_XI_INCLUDE)):
        return tree
    display = str(path)
    path = Path(path).resolve()
    boundary = Path(include_root).resolve() if include_root else path.parent
    origins = tree.origins if isinstance(tree, SourceTree) else Origins()
    budget = _Budget(boundary, path, origins, read, parse, max_bytes)
    budget.cache[path] = copy.deepcopy(tree)
    new_root = _expand(root, path, display, budget, ((str(path), ""),))
    if new_root is not root:
        tree._setroot(new_root)
    return tree


def _display(target: Path, doc: Path, name: str) -> str:
    """How messages name ``target``, included from ``doc`` which they call ``name``."""
    try:
        return str(Path(name).parent / target.relative_to(doc.parent))
    except ValueError:
        return str(target)


def _top_includes(element: etree._Element) -> list[etree._Element]:
    """``xi:include`` elements in ``element`` that are not inside another one."""
    found = []
    for inc in element.iter(_XI_INCLUDE):
        if not any(a.tag in (_XI_INCLUDE, _XI_FALLBACK) for a in inc.iterancestors()):
            found.append(inc)
    return found


def _expand(element: etree._Element, doc: Path, name: str, budget: _Budget,
            stack: tuple[tuple[str, str], ...]) -> etree._Element:
    """Resolve the includes in ``element`` (of the document ``doc``); return the element
    that now stands where ``element`` stood (different only when it was an include)."""
    result = element
    for inc in _top_includes(element):
        items = _include(inc, doc, name, budget, stack)
        replaced = _replace(inc, items, name)
        if inc is element:
            result = replaced
    return result


def _fail(inc: etree._Element, name: str, message: str) -> ParseError:
    return ParseError(message, name, inc.sourceline or 1, 1, rule="xinclude")


def _include(inc: etree._Element, doc: Path, name: str, budget: _Budget,
             stack: tuple[tuple[str, str], ...]) -> list:
    """What one ``xi:include`` stands for: a list of elements and strings."""
    if len(stack) > MAX_XINCLUDE_DEPTH:
        raise _fail(inc, name, f"XIncludes nested deeper than {MAX_XINCLUDE_DEPTH} levels")
    budget.includes += 1
    if budget.includes > MAX_XINCLUDES:
        raise _fail(inc, name, f"more than {MAX_XINCLUDES} XIncludes in one document")
    href = (inc.get("href") or "").strip()
    mode = inc.get("parse", "xml")
    pointer = (inc.get("xpointer") or "").strip()
    if mode not in ("xml", "text"):
        raise _fail(inc, name, f'xi:include parse="{mode}" is not "xml" or "text"')
    if not href and not pointer:
        raise _fail(inc, name, "xi:include has neither href nor xpointer")
    if mode == "text" and pointer:
        raise _fail(inc, name, 'xi:include parse="text" may not have an xpointer')
    try:
        target = _target(href, doc, budget.root) if href else doc
        key = (str(target), pointer)
        if key in stack:
            raise _fail(inc, name, f"XInclude cycle: {target.name}"
                        + (f" (xpointer {pointer})" if pointer else "") + " includes itself")
        if mode == "text":
            return [_read_text(inc, target, name, budget)]
        shown = name if target == doc else _display(target, doc, name)
        included = _load_xml(target, shown, budget)
        if pointer:
            node = _point(included, pointer)
            if node is None:
                raise _ResourceError(f"xpointer {pointer!r} matches nothing in {target.name}")
        else:
            node = included.getroot()
        node = copy.deepcopy(node)
        node.tail = None
        budget.elements += sum(1 for _ in node.iter())
        if budget.elements > MAX_XINCLUDED_ELEMENTS:
            raise _fail(inc, name, f"XIncludes add more than {MAX_XINCLUDED_ELEMENTS} elements")
        if target != budget.main:
            budget.origins.add(node, shown, target)
        return [_expand(node, target, shown, budget, stack + (key,))]
    except _Refused as exc:
        raise _fail(inc, name, str(exc)) from None
    except _ResourceError as exc:
        fallback = inc.find(_XI_FALLBACK)
        if fallback is None:
            raise _fail(inc, name, f"cannot include {href or '#' + pointer}: {exc}") from None
        return _fallback(fallback, doc, name, budget, stack)


def _fallback(fallback: etree._Element, doc: Path, name: str, budget: _Budget,
              stack: tuple[tuple[str, str], ...]) -> list:
    """The content of ``xi:fallback``, its own includes resolved."""
    holder = etree.Element("fallback")
    holder.text = fallback.text
    for child in list(fallback):  # an element's tail moves with it
        holder.append(child)
    _expand(holder, doc, name, budget, stack)
    items: list = [holder.text] if holder.text else []
    for child in list(holder):
        tail, child.tail = child.tail, None
        items.append(child)
        if tail:
            items.append(tail)
    return items


def _shorthand(pointer: str) -> str:
    match = re.fullmatch(r"element\(([^/()]+)\)|xpointer\(id\(['\"]([^'\"]+)['\"]\)\)", pointer)
    if match:
        return match.group(1) or match.group(2)
    return pointer


def _point(tree: etree._ElementTree, pointer: str) -> etree._Element | None:
    ident = _shorthand(pointer)
    if not re.fullmatch(r"[^\s/()'\"]+", ident):
        raise _ResourceError(f"unsupported xpointer {pointer!r} (use an id, element(id) "
                             "or xpointer(id('id')))")
    for element in tree.getroot().iter():
        if element.get(_XML_ID) == ident:
            return element
    return None


def _target(href: str, doc: Path, boundary: Path) -> Path:
    """The local file ``href`` names, refusing anything outside ``boundary``."""
    if "#" in href:
        raise _Refused("xi:include href may not contain a fragment ('#'); use xpointer")
    url = urljoin(doc.as_uri(), href)
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise _Refused(f"refusing to include {href!r}: only files next to the source are "
                       "included, never URLs")
    target = Path(unquote(parts.path)).resolve()
    if target != boundary and boundary not in target.parents:
        raise _Refused(f"refusing to include {href!r}: it is outside the source's folder "
                       f"{boundary}")
    if not target.exists():
        raise _ResourceError("no such file")
    return target


def _read_within_budget(target: Path, budget: _Budget) -> bytes:
    """An included file's bytes, counted against the run's XInclude byte budget."""
    try:
        data = budget.read(target)
    except UsageError as exc:
        raise _ResourceError(exc.message) from None
    budget.bytes += len(data)
    if budget.bytes > budget.max_bytes:
        raise _Refused(f"XIncludes read more than {budget.max_bytes} bytes")
    return data


def _load_xml(target: Path, name: str, budget: _Budget) -> etree._ElementTree:
    if target not in budget.cache:
        data = _read_within_budget(target, budget)
        budget.cache[target] = budget.parse(data, name, target.as_uri())
    return budget.cache[target]


def _read_text(inc: etree._Element, target: Path, name: str, budget: _Budget) -> str:
    data = _read_within_budget(target, budget)
    encoding = inc.get("encoding") or "utf-8"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise _fail(inc, name, f"cannot include {target.name} as text in {encoding}: {exc}")
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text):
        raise _fail(inc, name, f"{target.name} contains characters XML does not allow")
    return text


def _replace(inc: etree._Element, items: list, name: str) -> etree._Element | None:
    """Put ``items`` (elements and strings) where ``inc`` stands; keep ``inc``'s tail."""
    parent = inc.getparent()
    tail = inc.tail
    if parent is None:  # the include is the document element
        elements = [i for i in items if not isinstance(i, str)]
        if len(elements) != 1 or any(isinstance(i, str) and i.strip() for i in items):
            raise _fail(inc, name, "an xi:include at the top must include exactly one element")
        return elements[0]
    previous = inc.getprevious()
    index = parent.index(inc)

    def add_text(text: str) -> None:
        if previous is None:
            parent.text = (parent.text or "") + text
        else:
            previous.tail = (previous.tail or "") + text

    try:
        for item in items:
            if isinstance(item, str):
                add_text(item)
            else:
                parent.insert(index, item)
                index += 1
                previous = item
        parent.remove(inc)
        if tail:
            add_text(tail)
    except ValueError as exc:  # text lxml will not store
        raise _fail(inc, name, f"cannot include: {exc}") from None
    return None
