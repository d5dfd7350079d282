"""Checks no schema language can express well, run over TEI documents by default.

* ``xml:id``: duplicates and values that are not NCNames (:mod:`.ids`);
* pointers: every local reference in ``@ref``, ``@target``, ``@corresp``, ``@who`` ...
  resolves, with a "did you mean" for near misses (:mod:`.pointers`);
* dates: ``@when``, ``@from``, ``@to``, ``@notBefore``, ``@notAfter`` (and ``-iso``) are
  real W3C dates in order, and a ``<date>``'s text agrees with its ``@when`` (:mod:`.dates`).

The document is walked once: each element's attributes are read once and sent to the
check they concern; pointers are resolved after the walk, when every id is known. Every
finding carries the file (XIncludes followed), line and column of the attribute, and the
XPath of the element; the source text is read only when a finding needs a column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from lxml import etree

from toolkit.core.edition import edition_for
from toolkit.core.findings import Finding
from toolkit.core.pointers import prefix_defs
from toolkit.validate.engines.base import Engine, LoadContext
from toolkit.validate.engines.checks import dates, ids, pointers
from toolkit.validate.engines.checks.dates import parse_date_text, parse_w3c  # noqa: F401
from toolkit.validate.engines.checks.pointers import POINTER_ATTRIBUTES, POINTER_FROM_TO  # noqa: F401
from toolkit.validate.locate import TEI_NS, Locator, xpath_of  # noqa: F401

_TEI = "{" + TEI_NS + "}"
#: ``@from``/``@to`` are neither pointers nor dates (page or leaf numbers, units) on these
NON_DATE_FROM_TO = pointers.POINTER_FROM_TO | frozenset({
    "locus", "locusGrp", "biblScope", "citedRange", "timeline", "measure", "dim", "range",
    "fLib"})
_WATCHED = pointers.POINTER_ATTRIBUTES | dates.ATTRIBUTES


def is_tei(tree: etree._ElementTree) -> bool:
    root = tree.getroot()
    return isinstance(root.tag, str) and root.tag.startswith(_TEI)


class ChecksEngine(Engine):
    """The reference checks as an engine: no schema file, the same protocol."""

    kind = "checks"

    def iter_findings(self, tree: etree._ElementTree, name: str, path: Path | None = None,
                      lines: list[str] | None = None) -> Iterator[Finding]:
        """The protocol's signature; ``lines`` is the document's text when it is not the
        file on disk (an editor's buffer), for the columns of findings."""
        yield from run_checks(tree, name, path, lines)


def load(path: Path | None = None, context: LoadContext = LoadContext()) -> ChecksEngine:
    return ChecksEngine()


def run_checks(tree: etree._ElementTree, name: str, source: Path | None = None,
               lines: list[str] | None = None) -> list[Finding]:
    """All checks for one parsed document (pointer and date checks for TEI only):
    id findings, then pointer findings, then date findings, each in document order.
    ``lines`` is the document's text when it is not the file ``source`` on disk."""
    where = Locator(tree, name, source, lines)

    def finding(el, attr, severity, message, rule) -> Finding:
        return where.finding(el, attr, severity, message, rule, "checks")

    def place(other, el) -> str:
        file = where.file_of(other)[0]
        line = where.attribute(other, "xml:id")[0]
        return f"line {line}" if file == where.file_of(el)[0] else f"{file}:{line}"

    tei = is_tei(tree)
    first: dict[str, etree._Element] = {}
    id_findings: list[Finding] = []
    date_findings: list[Finding] = []
    pointing: list[tuple[etree._Element, str, str]] = []
    pointer_names, from_to, date_names = (pointers.POINTER_ATTRIBUTES, pointers.POINTER_FROM_TO,
                                          dates.ATTRIBUTES)
    ncname = ids.NCNAME.match
    for el in tree.getroot().iter(etree.Element):
        items = el.items()
        if not items:
            continue
        tag = el.tag
        local = tag[len(_TEI):] if tei and tag.startswith(_TEI) else None
        dated = None
        for attr, value in items:
            if attr == ids.XML_ID:
                if value in first or not ncname(value):
                    id_findings += ids.check(el, value, first, finding, place)
                else:
                    first[value] = el
            elif local is None or attr not in _WATCHED:
                continue
            elif attr in pointer_names or (local in from_to and attr in ("from", "to")):
                pointing.append((el, attr, value))
            elif attr in date_names:
                if dated is None:
                    dated = {}
                dated[attr] = value
        if dated:
            date_findings += dates.check_element(el, local, dated, finding,
                                                 local in NON_DATE_FROM_TO)
    known = ids.Ids(first)
    pointer_findings = []
    folders: dict[Path | None, Path | None] = {}
    lookup = pointers.Lookup(prefix_defs(tree) if pointing else {},
                             edition_for(source).registers if source is not None else ())
    for el, attr, value in pointing:
        if value[:1] == "#" and value[1:] in first:
            continue  # one pointer that resolves: most of them
        file = where.file_of(el)[1] if where.origins is not None else where.path
        if file not in folders:
            folders[file] = file.resolve().parent if file is not None else None
        for severity, message, rule in pointers.problems(value, known, folders[file], lookup):
            pointer_findings.append(finding(el, attr, severity, f"@{attr} {message}", rule))
    return id_findings + pointer_findings + date_findings
