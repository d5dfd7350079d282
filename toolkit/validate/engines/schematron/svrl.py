"""SVRL -> :class:`~toolkit.core.findings.Finding`: severities, messages and source lines.

Each ``svrl:failed-assert``/``svrl:successful-report`` the generated stylesheet writes
carries ``tk:n``, the index of the assertion in the schema's compile-time list (its rule
id and static role), and a ``@location`` XPath that lxml can evaluate, which gives the
line number. A role or severity given as a ``$variable`` (ISO 2025) is read from the
SVRL, where the stylesheet wrote its value.
"""

from __future__ import annotations

import re
from typing import Mapping, Protocol, Sequence

from lxml import etree

from toolkit.core.findings import Finding

from .names import SVRL, T, V


class CheckInfo(Protocol):
    kind: str               # 'assert' | 'report'
    rule: str               # Finding.rule
    role: str | None        # the assertion's role, else its rule's role
    severity: str | None    # ISO 2025 @severity


def svrl_to_findings(svrl: str, doc: etree._ElementTree | etree._Element, file: str,
                     checks: Sequence[CheckInfo], namespaces: dict[str, str],
                     others: Mapping[str, tuple[str, etree._ElementTree]] | None = None
                     ) -> list[Finding]:
    """Findings for one SVRL report about ``doc`` (the lxml tree that was validated).

    An assertion that fired in a subordinate document (``tk:doc`` names its URI) is
    reported in that file, located in ``others[uri]`` (its name and tree).

    Severity: ``@severity`` (fatal/error, warning, info) when given; else the role:
    warn/warning/nonfatal -> warning, info/information -> info, error/fatal -> error;
    else assert -> error, report -> warning. Message: the normalised ``svrl:text``,
    diagnostics appended after " — ". Dynamic errors (``tk:error``) are reported once
    per assertion and error code.
    """
    tree = doc.getroottree() if isinstance(doc, etree._Element) else doc
    report = etree.fromstring(svrl.encode("utf-8"))
    lines: dict[tuple, int | None] = {}
    out: list[Finding] = []
    errors: dict[tuple, list[int]] = {}
    for el in report.iter(V + "failed-assert", V + "successful-report"):
        n = el.get(T + "n")
        check = checks[int(n)] if n is not None else None
        kind = "assert" if el.tag == V + "failed-assert" else "report"
        role = (check.role if check else None) or el.get("role")
        declared = (check.severity if check else None) or el.get("severity")
        location = el.get("location")
        message = " ".join("".join(el.xpath("svrl:text//text()",
                                            namespaces={"svrl": SVRL})).split())
        diags = [" ".join("".join(d.itertext()).split())
                 for d in el.findall(V + "diagnostic-reference")]
        diags = [d for d in diags if d]
        if diags:
            message = message + " — " + " — ".join(diags)
        error = el.get(T + "error")
        if error is not None:
            # one finding per failing check and error code, not one per context node
            key = (n, error)
            if key in errors:
                errors[key][1] += 1
                continue
            errors[key] = [len(out), 0]
            severity = "error"
        else:
            severity = _severity(kind, role, declared)
        where, in_tree = file, tree
        if el.get(T + "doc") and others and el.get(T + "doc") in others:
            where, in_tree = others[el.get(T + "doc")]
        if (where, location) not in lines:
            lines[where, location] = line_of(in_tree, location, namespaces)
        out.append(Finding(where, lines[where, location], None, severity, message or "(no message)",
                           check.rule if check else (el.get("id") or "schematron"),
                           location, "schematron"))
    for index, more in errors.values():
        if more:
            f = out[index]
            out[index] = Finding(f.file, f.line, f.column, f.severity,
                                 f"{f.message} (and {more} more context node"
                                 f"{'s' if more > 1 else ''})", f.rule, f.xpath, f.source)
    return out


_SEVERITY = {"fatal": "error", "error": "error", "warning": "warning", "warn": "warning",
             "info": "info", "information": "info"}


def _severity(kind: str, role: str | None, declared: str | None = None) -> str:
    if declared and declared.strip().lower() in _SEVERITY:
        return _SEVERITY[declared.strip().lower()]
    r = (role or "").strip().lower()
    if r in ("warn", "warning", "nonfatal", "non-fatal", "caution"):
        return "warning"
    if r in ("info", "information", "informational", "informative", "hint", "note"):
        return "info"
    if r in ("error", "fatal", "critical", "err"):
        return "error"
    return "error" if kind == "assert" else "warning"


_STEP_TAIL = re.compile(r"/(?:@[^/\[]+|@\*\[[^\]]*\]|text\(\)\[\d+\]|comment\(\)\[\d+\]|"
                        r"processing-instruction\([^)]*\)\[\d+\])$")


def line_of(tree: etree._ElementTree, location: str | None,
            namespaces: dict[str, str]) -> int | None:
    """The source line of the element a location path points at (attributes/text: parent)."""
    if not location:
        return None
    path = location
    while True:
        stripped = _STEP_TAIL.sub("", path)
        if stripped == path:
            break
        path = stripped
    if path in ("", "/"):
        return 1
    try:
        found = tree.xpath(path, namespaces=namespaces)
    except etree.XPathError:
        return None
    if found and isinstance(found[0], etree._Element):
        return found[0].sourceline
    return None
