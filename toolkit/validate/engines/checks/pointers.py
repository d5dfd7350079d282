"""Pointer checks: every local reference resolves.

Pointers are resolved as :mod:`toolkit.core.pointers` (and the stylesheets) resolve them:
``#id`` must name an xml:id of the document or of the edition's shared register files
(``registers`` in the project configuration), ``file.xml#id`` one of that file on disk
(relative to the source, which covers the other files of a run), and a private URI
(``psn:x``) is expanded by the document's ``prefixDef`` and then checked as such. URLs and
undeclared prefixes (``wikidata:Q1``) are not local pointers and are skipped, as are
references to non-XML files (images ...). A near miss gets a "did you mean" suggestion
over every register: the document, the shared registers and the file pointed into.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.pointers import PrefixDefs, expand
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


@dataclass
class Lookup:
    """What resolving the pointers of one document needs besides its own ids: its
    ``prefixDef``s and the edition's shared register files (:mod:`toolkit.core.edition`),
    whose ids ``#id`` pointers may name; ``files`` caches, for the run of one document,
    what ``file.xml`` pointers found."""

    prefixes: PrefixDefs = field(default_factory=dict)
    shared: tuple[Path, ...] = ()
    files: dict = field(default_factory=dict)
    _shared_ids: list[tuple[Path, Ids]] | None = None

    def shared_ids(self) -> list[tuple[Path, Ids]]:
        if self._shared_ids is None:
            self._shared_ids = [(p, ids) for p in self.shared
                                if (ids := ids_in_file(str(p))) is not None]
        return self._shared_ids


def problems(value: str, ids: Ids, base: Path | None, lookup: Lookup) -> list[tuple[str, str, str]]:
    """``(severity, message, rule)`` for each token of ``value`` that does not resolve."""
    tokens = _TOKENS.findall(value) if "(" in value else value.split()
    found = []
    for token in tokens:
        if token[:1] == "#" and token[1:] in ids:
            continue  # the common case, decided without the general rules below
        problem = _check_token(token, ids, base, lookup)
        if problem:
            found.append(problem)
    return found


def _suggest(target: str, ids: Ids, lookup: Lookup, base: Path | None,
             other: tuple[str, Ids] | None = None) -> str:
    """"did you mean" over every register the pointer could have meant: the document's
    ids, the shared register files' (both written ``#id``), and those of the file it
    names (written ``file.xml#id``)."""
    candidates = []
    if other is not None:
        close = other[1].close_match(target)
        if close:
            candidates.append((f"{other[0]}#{close}", close))
    close = ids.close_match(target)
    if close:
        candidates.append((f"#{close}", close))
    for _path, shared in lookup.shared_ids():
        close = shared.close_match(target)
        if close:
            candidates.append((f"#{close}", close))
    if not candidates:
        return ""
    best = max(candidates, key=lambda c: difflib.SequenceMatcher(None, target, c[1]).ratio())
    return f"; did you mean '{best[0]}'?"


def _in_shared(target: str, lookup: Lookup) -> bool:
    return any(target in shared for _path, shared in lookup.shared_ids())


def _check_token(token: str, ids: Ids, base: Path | None, lookup: Lookup):
    written = token
    if _SCHEME.match(token):
        expanded = expand(token, lookup.prefixes)
        if expanded is None:
            prefix = token.split(":", 1)[0]
            return ("error", f"{token!r} matches no pattern of the prefixDef '{prefix}'",
                    "dangling-pointer")
        if expanded == token or _SCHEME.match(expanded):
            return None  # a URL or an undeclared prefix, not a local pointer
        token = expanded
    shown = written if written == token else f"{written} ({token})"
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
                            + _suggest(part, ids, lookup, base), "dangling-pointer")
            return None
        if target in ids or _in_shared(target, lookup):
            return None
        where = " in the document or its edition's registers" if lookup.shared else ""
        return ("error", f"points to '{shown if written != token else '#' + target}', but no "
                f"element has xml:id '{target}'{where}" + _suggest(target, ids, lookup, base),
                "dangling-pointer")
    file_part, _, fragment = token.partition("#")
    if not file_part.lower().endswith(XML_SUFFIXES) or base is None:
        return None  # images, HTML pages ...: not ours to check
    key = (base, file_part)
    if key not in lookup.files:
        target_file = base / file_part
        lookup.files[key] = target_file.resolve() if target_file.is_file() else None
    if lookup.files[key] is None:
        return ("error", f"points to {file_part}, which does not exist (looked in {base})",
                "dangling-pointer")
    if not fragment:
        return None
    other = ids_in_file(str(lookup.files[key]))
    if other is None:
        return ("warning", f"points into {file_part}, which cannot be parsed", "dangling-pointer")
    if fragment in other:
        return None
    return ("error", f"points to '{shown}', but {file_part} has no xml:id '{fragment}'"
            + _suggest(fragment, ids, lookup, base, (file_part, other)), "dangling-pointer")
