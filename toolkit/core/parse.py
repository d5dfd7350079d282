"""Read a source file into an lxml tree, safely, or fail with ``file:line:col``.

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

XInclude is done by the toolkit, not by libxml2 (:mod:`toolkit.core.xinclude`): only files
inside the including source's folder are read, with bounds, and :func:`parse_file` returns
a tree that knows which elements came from which included file (``tree.origins``), so a
finding inside ``part.xml`` names ``part.xml`` and its line.

Schema files are parsed with the same configuration (:func:`safe_parser` with a
``resolver``): only the resolver differs, serving a schema's includes through the OASIS
catalogs (:mod:`toolkit.validate.catalog`) instead of refusing every external load.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lxml import etree

from toolkit.core.errors import ParseError, UsageError
from toolkit.core import xinclude as includes
from toolkit.core.xinclude import (MAX_XINCLUDE_DEPTH, MAX_XINCLUDED_ELEMENTS,  # noqa: F401
                                   MAX_XINCLUDES, SourceTree, as_source_tree)

#: Files larger than this are refused before parsing; real TEI rarely passes 100 MB.
MAX_SOURCE_BYTES = 256 * 1024 * 1024


class _NothingExternal(etree.Resolver):
    """Answer every external load (DTD subsets, entities) with nothing; read no file."""

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def safe_parser(*, recover: bool = False,
                resolver: etree.Resolver | None = None) -> etree.XMLParser:
    """The toolkit's only XML parser configuration (see the module docstring).

    ``resolver`` replaces the one that answers every external load with nothing; it must
    refuse DTDs and entities itself (:class:`toolkit.validate.catalog.LxmlResolver` does).
    """
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
    parser.resolvers.add(resolver if resolver is not None else _NothingExternal())
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


def parse_bytes(data: bytes, name: str, base_url: str | None = None) -> SourceTree:
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
    tree = as_source_tree(root)
    _refuse_unexpanded_entities(tree, name)
    return tree


def parse_file(path: str | os.PathLike[str], *, xinclude: bool = True,
               include_root: str | os.PathLike[str] | None = None) -> SourceTree:
    """Read and parse one source file (see :func:`parse_bytes`), then resolve XIncludes.

    ``include_root`` is the folder XIncludes may read from (default: the source's own
    folder and its subfolders). The tree's ``origins`` say which elements were included
    from which file.
    """
    path = Path(path)
    tree = parse_bytes(read_source(path), str(path), base_url=path.resolve().as_uri())
    if xinclude:
        resolve_xincludes(tree, path, include_root)
    return tree


def resolve_xincludes(tree: etree._ElementTree, path: str | os.PathLike[str],
                      include_root: str | os.PathLike[str] | None = None) -> etree._ElementTree:
    """Resolve the XIncludes of ``tree`` (parsed from ``path``, e.g. an editor's buffer) in
    place, reading and parsing included files safely (see :mod:`toolkit.core.xinclude`)."""
    return includes.resolve_xincludes(tree, path, include_root, read=read_source,
                                      parse=parse_bytes, max_bytes=MAX_SOURCE_BYTES)


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
