"""Pointer checks: every local reference resolves.

``#id`` must name an xml:id of the document, ``file.xml#id`` one of that file on disk
(relative to the source, which covers the other files of a run). URLs and prefix-defined
pointers (``wikidata:Q1``, ``psn:x``: anything with a scheme) are not local pointers and
are skipped, as are references to non-XML files (images ...). A near miss gets a "did
you mean" suggestion.
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.validate.engines.checks.ids import NCNAME, Ids, ids_in_file

#: Attributes whose values are (lists of) pointers (teidata.pointer in TEI P5).
POINTER_ATTRIBUTES = frozenset("""
    ana active adj adjFrom adjTo children copyOf corresp decls domains edRef end exclude facs
    feats follow hand inst lemmaRef location mutual new next nymRef origin parent parts passive
    perf prev ref rendition resp sameAs scheme scribeRef scriptRef select since source spanTo
    start synch target targetEnd targets wit who with
""".split())
#: ``@from``/``@to`` are pointers on these elements ...
POINTER_FROM_TO = frozenset({"span", "spanGrp", "relation", "link", "arc"})
XML_SUFFIXES = (".xml", ".tei")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_TOKENS = re.compile(r"[^\s(]+(?:\([^)]*\))?")
_XPOINTER = re.compile(r"^([A-Za-z][\w.\-]*)\((.*)\)$", re.S)


def problems(value: str, ids: Ids, base: Path | None, files: dict) -> list[tuple[str, str, str]]:
    """``(severity, message, rule)`` for each token of ``value`` that does not resolve.

    ``files`` caches, for the run of one document, what ``file.xml`` pointers found.
    """
    tokens = _TOKENS.findall(value) if "(" in value else value.split()
    found = []
    for token in tokens:
        if token[:1] == "#" and token[1:] in ids:
            continue  # the common case, decided without the general rules below
        problem = _check_token(token, ids, base, files)
        if problem:
            found.append(problem)
    return found


def _suggest(target: str, ids: Ids) -> str:
    close = ids.close_match(target)
    return f"; did you mean '#{close}'?" if close else ""


def _check_token(token: str, ids: Ids, base: Path | None, files: dict):
    if _SCHEME.match(token):
        return None  # a URL or a prefix-defined pointer, not a local pointer
    if token.startswith("#"):
        target = token[1:]
        if not target:
            return ("error", "points to '#' with no id", "dangling-pointer")
        scheme = _XPOINTER.match(target)
        if scheme:  # TEI pointer schemes: range(a,b), left(), xpath() ...: check range ids
            if scheme.group(1) != "range":
                return None
            for part in scheme.group(2).split(","):
                part = part.strip().lstrip("#")
                if part and NCNAME.match(part) and part not in ids:
                    return ("error", f"points to {token!r}, but no element has xml:id '{part}'"
                            + _suggest(part, ids), "dangling-pointer")
            return None
        if target in ids:
            return None
        return ("error", f"points to '#{target}', but no element has xml:id '{target}'"
                + _suggest(target, ids), "dangling-pointer")
    file_part, _, fragment = token.partition("#")
    if not file_part.lower().endswith(XML_SUFFIXES) or base is None:
        return None  # images, HTML pages ...: not ours to check
    key = (base, file_part)
    if key not in files:
        target_file = base / file_part
        files[key] = target_file.resolve() if target_file.is_file() else None
    if files[key] is None:
        return ("error", f"points to {file_part}, which does not exist (looked in {base})",
                "dangling-pointer")
    if not fragment:
        return None
    other = ids_in_file(str(files[key]))
    if other is None:
        return ("warning", f"points into {file_part}, which cannot be parsed", "dangling-pointer")
    if fragment in other:
        return None
    close = other.close_match(fragment)
    hint = f"; did you mean '{file_part}#{close}'?" if close else ""
    return ("error", f"points to '{token}', but {file_part} has no xml:id '{fragment}'" + hint,
            "dangling-pointer")
