"""Stage 1: read a source file into an lxml tree, safely, or fail with ``file:line:col``.

There is exactly one parser configuration in the toolkit (:func:`safe_parser`). It never
loads a DTD (an external subset is answered with an empty string by a resolver, because
libxml2 2.14 reads it even with ``load_dtd=False``), never resolves an external entity,
never touches the network, and leaves libxml2's entity-amplification guard on
(``huge_tree=False``), so billion-laughs and quadratic blow-up documents are refused in
milliseconds instead of filling memory. The same limits refuse elements nested deeper
than 256 levels and single text or attribute values over 10 MB.

xml:id values are *not* collected by libxml2 (``collect_ids=False``): libxml2 refuses
a document with a duplicate or non-NCName xml:id outright, while an editor wants such a
file parsed and the problem reported with both locations (see ``toolkit.validate.engines.checks``).

XInclude (:func:`resolve_xincludes`) is done here, by the toolkit, not by libxml2: only
files inside the including source's folder are read (never a URL, never ``..`` out of
it, never through a symlink pointing elsewhere), ``parse="text"``, ``xpointer`` of the
forms ``id``, ``element(id)`` and ``xpointer(id('id'))`` and ``xi:fallback`` are
supported, and nesting, cycles and the total amount included are bounded.
"""

from __future__ import annotations

import copy
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from toolkit.core.errors import ParseError, UsageError

#: Files larger than this are refused before parsing; real TEI rarely passes 100 MB.
MAX_SOURCE_BYTES = 256 * 1024 * 1024

XI_NS = "http://www.w3.org/2001/XInclude"
_XI_INCLUDE = f"{{{XI_NS}}}include"
_XI_FALLBACK = f"{{{XI_NS}}}fallback"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: XInclude bounds: nesting of included documents, inclusions and elements per source.
MAX_XINCLUDE_DEPTH = 16
MAX_XINCLUDES = 1000
MAX_XINCLUDED_ELEMENTS = 2_000_000


class _NothingExternal(etree.Resolver):
    """Answer every external load (DTD subsets, entities) with nothing; read no file."""

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """The toolkit's only XML parser configuration (see the module docstring)."""
    parser = etree.XMLParser(
        resolve_entities="internal",
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=False,
        recover=recover,
    )
    parser.resolvers.add(_NothingExternal())
    return parser


def read_source(path: Path) -> bytes:
    """Read a source's bytes, turning OS errors into a usage error the CLI can print.

    Only regular files are read: a FIFO or device would block or never end, a folder or
    a dangling symlink cannot be parsed.
    """
    name = str(path)
    try:
        if path.is_symlink() and not path.exists():
            raise UsageError("is a symbolic link to nothing (dangling symlink)", name, rule="io")
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UsageError("is a directory, not an XML file", name, rule="io")
        if not stat.S_ISREG(info.st_mode):
            raise UsageError("is not a regular file (a FIFO, socket or device is never read)",
                             name, rule="io")
        if info.st_size > MAX_SOURCE_BYTES:
            raise ParseError(f"file is {info.st_size} bytes, over the {MAX_SOURCE_BYTES} "
                             "byte limit", name, rule="io")
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            raise ParseError(f"file is over the {MAX_SOURCE_BYTES} byte limit", name, rule="io")
        return data
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", name, rule="io") from None


def parse_bytes(data: bytes, name: str, base_url: str | None = None) -> etree._ElementTree:
    """Parse ``data`` (the bytes of the file ``name``) or raise :class:`ParseError`.

    Encodings are left to libxml2, which honours BOMs and the XML declaration; a
    document that is empty or contains NUL bytes is refused with a located message.
    """
    if not data.strip() or not data.strip(b"\t\r\n \xef\xbb\xbf\xfe\xff"):
        raise ParseError("document is empty", name, 1, 1, rule="not-well-formed")
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=base_url or name)
    except etree.XMLSyntaxError as exc:
        raise _located(exc, parser, name, data) from None
    except (ValueError, LookupError) as exc:  # lxml refusing a string or an encoding name
        raise ParseError(str(exc), name, 1, 1, rule="not-well-formed") from None
    if root is None:
        raise ParseError("document has no root element", name, 1, 1, rule="not-well-formed")
    tree = root.getroottree()
    _refuse_unexpanded_entities(tree, name)
    return tree


def parse_file(path: str | os.PathLike[str], *, xinclude: bool = True,
               include_root: str | os.PathLike[str] | None = None) -> etree._ElementTree:
    """Read and parse one source file (see :func:`parse_bytes`), then resolve XIncludes.

    ``include_root`` is the folder XIncludes may read from (default: the source's own
    folder and its subfolders).
    """
    path = Path(path)
    tree = parse_bytes(read_source(path), str(path), base_url=path.resolve().as_uri())
    if xinclude:
        resolve_xincludes(tree, path, include_root)
    return tree


# --- messages ----------------------------------------------------------------------------

_HINTS = (
    ("amplification", " (entity expansion is bounded: the document defines exploding entities)"),
    ("entity reference loop", " (entity expansion is bounded: the document defines "
                              "exploding entities)"),
    ("Invalid bytes in character encoding",
     " (the bytes are not in the encoding the document declares; with no XML declaration "
     "or BOM that is UTF-8)"),
    ("not proper UTF-8", " (the bytes are not in the encoding the document declares; with "
                         "no XML declaration or BOM that is UTF-8)"),
    ("Excessive depth", " (elements are nested deeper than the 256 levels the toolkit "
                        "accepts)"),
    ("Resource limit exceeded", " (a single text or attribute value is over 10 MB, which "
                                "the toolkit refuses)"),
    ("Huge input lookup", " (a single text or attribute value is over 10 MB, which the "
                          "toolkit refuses)"),
)


def _located(exc: etree.XMLSyntaxError, parser: etree.XMLParser, name: str,
             data: bytes = b"") -> ParseError:
    """Turn libxml2's first real error into ``file:line:col`` with a readable message."""
    log = list(parser.error_log)
    entries = [e for e in log if e.level_name in ("ERROR", "FATAL")] or log
    if entries:
        first = entries[0]
        line, column, message = first.line, first.column, first.message
    else:
        line, column = exc.lineno, exc.offset
        message = exc.msg or str(exc)
    message = (message or "not well-formed").strip()
    for needle, hint in _HINTS:
        if needle in message:
            message = message.replace(", see xmlCtxtSetMaxAmplification", "")
            message = message.replace(", use XML_PARSE_HUGE option", "")
            message = message.replace(", try XML_PARSE_HUGE", "")
            message += hint
            break
    else:
        if re.match(r"Entity '[^']*' not defined", message) and b"<!DOCTYPE" in data[:65536]:
            message += (" (external DTDs and external entities are never read, so only "
                        "entities declared in the document itself are known)")
    return ParseError(message, name, line or 1, max(column or 1, 1), rule="not-well-formed")


def _refuse_unexpanded_entities(tree: etree._ElementTree, name: str) -> None:
    """An external entity is left as a reference by the safe parser: say so, loudly.

    Passing it on would either lose text silently or make the XSLT processor read the
    entity's target, which is exactly what must never happen.
    """
    for entity in tree.iter(etree.Entity):
        raise ParseError(
            f"entity &{entity.name}; is external or undeclared and is not expanded "
            "(external entities are never read)",
            name, entity.sourceline or 1, 1, rule="external-entity")


# --- XInclude ----------------------------------------------------------------------------

class _ResourceError(Exception):
    """An XInclude target that is missing or unreadable: ``xi:fallback`` applies."""


@dataclass
class _Budget:
    root: Path
    includes: int = 0
    elements: int = 0
    bytes: int = 0
    cache: dict[Path, etree._ElementTree] = field(default_factory=dict)


def resolve_xincludes(tree: etree._ElementTree, path: str | os.PathLike[str],
                      include_root: str | os.PathLike[str] | None = None) -> etree._ElementTree:
    """Replace every ``xi:include`` in ``tree`` (the parsed file ``path``) in place.

    Refused with a :class:`ParseError` located at the ``xi:include``: a remote or
    non-``file:`` href, a target outside ``include_root`` (default: the source's folder),
    an include cycle, nesting deeper than :data:`MAX_XINCLUDE_DEPTH`, more than
    :data:`MAX_XINCLUDES` inclusions. A missing target uses ``xi:fallback`` when there is
    one and is an error otherwise. ``xml:base`` is not added to included elements.
    """
    root = tree.getroot()
    if root is None or not any(True for _ in root.iter(_XI_INCLUDE)):
        return tree
    display = str(path)
    path = Path(path).resolve()
    boundary = Path(include_root).resolve() if include_root else path.parent
    budget = _Budget(boundary)
    budget.cache[path] = copy.deepcopy(tree)
    new_root = _expand(root, path, display, budget, ((str(path), ""),))
    if new_root is not root:
        tree._setroot(new_root)
    return tree


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
        included = _load_xml(target, budget)
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
        return [_expand(node, target, str(target), budget, stack + (key,))]
    except _Refused as exc:
        raise _fail(inc, name, str(exc)) from None
    except _ResourceError as exc:
        fallback = inc.find(_XI_FALLBACK)
        if fallback is None:
            raise _fail(inc, name, f"cannot include {href or '#' + pointer}: {exc}") from None
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


class _Refused(Exception):
    """An XInclude target the toolkit never reads (remote, outside the folder)."""


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
        data = read_source(target)
    except UsageError as exc:
        raise _ResourceError(exc.message) from None
    budget.bytes += len(data)
    if budget.bytes > MAX_SOURCE_BYTES:
        raise _Refused(f"XIncludes read more than {MAX_SOURCE_BYTES} bytes")
    return data


def _load_xml(target: Path, budget: _Budget) -> etree._ElementTree:
    if target not in budget.cache:
        data = _read_within_budget(target, budget)
        budget.cache[target] = parse_bytes(data, str(target), base_url=target.as_uri())
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
