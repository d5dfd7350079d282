"""Subordinate documents (``pattern/@documents``), read by the toolkit, never by Saxon.

Saxon runs with no file access at all (see :mod:`toolkit.core.saxon`), so a pattern that
validates other documents cannot open them itself. The generated stylesheet therefore
runs twice for a schema that has such patterns: first with ``tk:step='documents'``, which
evaluates every ``@documents`` expression against the primary document and lists the
absolute URIs; then, after this module has read those files, for real, with the parsed
documents as the ``tk:documents`` parameter (``document-node()*``) and the URIs the first
run listed for them, in the same order, as ``tk:document-uris`` (one a line).

What may be read is what XInclude may read: local files in the primary document's folder
or below it, parsed by the one safe parser (no DTD, no entity, no network). Anything
else — a URL, a file outside that folder, a missing or malformed file — is an error
finding located at the node that named it, never a silent "valid".
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding

from .names import TK
from .svrl import line_of


@dataclass
class Subordinates:
    """The documents read for one primary document, and what could not be read."""

    #: the URIs as the stylesheet listed them, and the documents read for them
    uris: list[str] = field(default_factory=list)
    documents: list[etree._ElementTree] = field(default_factory=list)
    #: document URI (as ``document-uri()`` reports it) -> (name for findings, lxml tree)
    trees: dict[str, tuple[str, etree._ElementTree]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def params(self, documents: str, uris: str) -> dict[str, object]:
        """The stylesheet parameters ``documents`` and ``uris`` (names in Clark notation)."""
        return {documents: self.documents, uris: "\n".join(self.uris)}


def load(listing: str, primary_uri: str | None, name: str, tree: etree._ElementTree,
         namespaces: dict[str, str]) -> Subordinates:
    """The subordinate documents a ``tk:step='documents'`` run lists, and what failed."""
    from toolkit.core.parse import parse_file

    out = Subordinates()
    refused: set[str] = set()
    boundary = _folder(primary_uri)
    for item in etree.fromstring(listing.encode("utf-8")).iter("{%s}document" % TK):
        uri = item.get("uri")
        if uri in out.uris or uri in refused:
            continue
        try:
            path = _local_path(uri, boundary)
            parsed = parse_file(path)
            out.uris.append(uri)
            out.documents.append(parsed)
            out.trees[parsed.docinfo.URL] = (_display_name(name, path, boundary), parsed)
        except (_Refused, ToolkitError) as exc:
            refused.add(uri)
            location = item.get("location") or None
            reason = exc.message if isinstance(exc, ToolkitError) else str(exc)
            if isinstance(exc, ToolkitError) and exc.line:
                reason += f" (line {exc.line})"
            out.findings.append(Finding(
                name, line_of(tree, location, namespaces), None, "error",
                f"pattern {item.get('pattern')!r} validates the subordinate document "
                f"{_shown(uri, boundary)}, which cannot be read: {reason}",
                "schematron-documents", location,
                "schematron"))
    return out


def _shown(uri: str, boundary: Path | None) -> str:
    """A file URI as a path relative to the primary document's folder, where it can be."""
    parts = urlsplit(uri)
    if parts.scheme != "file" or boundary is None:
        return uri
    return os.path.relpath(unquote(parts.path), boundary)


def _display_name(primary: str, path: Path, boundary: Path) -> str:
    """The subordinate file as the user named the primary one: next to it, relatively."""
    return str(Path(primary).parent / path.relative_to(boundary))


class _Refused(Exception):
    pass


def _folder(primary_uri: str | None) -> Path | None:
    if not primary_uri:
        return None
    parts = urlsplit(primary_uri)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path)).resolve().parent


def _local_path(uri: str, boundary: Path | None) -> Path:
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise _Refused("only local files are read, never URLs")
    if boundary is None:
        raise _Refused("the primary document has no file location to resolve it against")
    path = Path(unquote(parts.path)).resolve()
    if path != boundary and boundary not in path.parents:
        raise _Refused(f"it is outside the primary document's folder {boundary}")
    if not path.is_file():
        raise _Refused("no such file")
    return path
