"""Stage 1: read a source file into an lxml tree, safely, or fail with ``file:line:col``.

There is exactly one parser configuration in the toolkit (:func:`safe_parser`). It never
loads a DTD, never resolves an external entity, never touches the network, and leaves
libxml2's entity-amplification guard on (``huge_tree=False``), so a billion-laughs
document is refused in milliseconds instead of filling memory.

xml:id values are *not* collected by libxml2 (``collect_ids=False``): libxml2 refuses
a document with a duplicate or non-NCName xml:id outright, while an editor wants such a
file parsed and the problem reported with both locations (see ``toolkit.checks``).
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from toolkit.errors import ParseError, UsageError

#: Files larger than this are refused before parsing; real TEI rarely passes 100 MB.
MAX_SOURCE_BYTES = 256 * 1024 * 1024


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """The toolkit's only XML parser configuration (see the module docstring)."""
    return etree.XMLParser(
        resolve_entities="internal",
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=False,
        recover=recover,
    )


def read_source(path: Path) -> bytes:
    """Read a source's bytes, turning OS errors into a usage error the CLI can print."""
    try:
        if path.is_dir():
            raise UsageError("is a directory, not an XML file", str(path), rule="io")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ParseError(f"file is {size} bytes, over the {MAX_SOURCE_BYTES} byte limit",
                             str(path), rule="io")
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", str(path), rule="io") from None


def parse_bytes(data: bytes, name: str, base_url: str | None = None) -> etree._ElementTree:
    """Parse ``data`` (the bytes of the file ``name``) or raise :class:`ParseError`.

    Encodings are left to libxml2, which honours BOMs and the XML declaration; a
    document that is empty or contains NUL bytes is refused with a located message.
    """
    if not data.strip():
        raise ParseError("document is empty", name, 1, 1, rule="not-well-formed")
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=base_url or name)
    except etree.XMLSyntaxError as exc:
        raise _located(exc, parser, name) from None
    except ValueError as exc:  # e.g. lxml refusing a string it cannot decode
        raise ParseError(str(exc), name, 1, 1, rule="not-well-formed") from None
    tree = root.getroottree()
    _refuse_unexpanded_entities(tree, name)
    return tree


def parse_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read and parse one source file (see :func:`parse_bytes`)."""
    path = Path(path)
    return parse_bytes(read_source(path), str(path), base_url=path.resolve().as_uri())


def _located(exc: etree.XMLSyntaxError, parser: etree.XMLParser, name: str) -> ParseError:
    """Turn libxml2's first real error into ``file:line:col`` with a readable message."""
    log = list(parser.error_log)
    entries = [e for e in log if e.level_name in ("ERROR", "FATAL")] or log
    if entries:
        first = entries[0]
        line, column, message = first.line, first.column, first.message
    else:
        line, column = exc.lineno, exc.offset
        message = exc.msg
    message = message.strip()
    if "amplification" in message or "entity reference loop" in message.lower():
        message += " (entity expansion is bounded: the document defines exploding entities)"
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
