"""SVRL -> :class:`~toolkit.core.findings.Finding`: severities, messages and source lines.

Split from :mod:`toolkit.validate.engines.schematron`, which generates the XSLT that writes the SVRL. Each
``svrl:failed-assert``/``svrl:successful-report`` carries ``tk:n``, the index of the
assert/report in the schema's compile-time list (its rule id and effective role), and a
``@location`` XPath that lxml can evaluate, which gives the line number.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from lxml import etree

from toolkit.core.findings import Finding

SVRL = "http://purl.oclc.org/dsdl/svrl"
TK = "urn:x-tei-edition:schematron"
_V = "{%s}" % SVRL
_T = "{%s}" % TK


class CheckInfo(Protocol):
    kind: str          # 'assert' | 'report'
    rule: str          # Finding.rule
    role: str | None   # the assert's role, else its rule's role


def svrl_to_findings(svrl: str, doc: etree._ElementTree | etree._Element, file: str,
                     checks: Sequence[CheckInfo], namespaces: dict[str, str]) -> list[Finding]:
    """Findings for one SVRL report about ``doc`` (the lxml tree that was validated).

    Severity: assert without role -> error, report without role -> warning; roles
    warn/warning/nonfatal -> warning, info/information -> info, error/fatal -> error.
    Message: the normalised ``svrl:text``, diagnostics appended after " — ". Dynamic
    errors (``tk:error``) are reported once per assert and error code.
    """
    tree = doc.getroottree() if isinstance(doc, etree._Element) else doc
    report = etree.fromstring(svrl.encode("utf-8"))
    lines: dict[str, int | None] = {}
    out: list[Finding] = []
    errors: dict[tuple, list[int]] = {}
    for el in report.iter(_V + "failed-assert", _V + "successful-report"):
        n = el.get(_T + "n")
        check = checks[int(n)] if n is not None else None
        kind = "assert" if el.tag == _V + "failed-assert" else "report"
        role = check.role if check else el.get("role")
        location = el.get("location")
        message = " ".join("".join(el.xpath("svrl:text//text()",
                                            namespaces={"svrl": SVRL})).split())
        diags = [" ".join("".join(d.itertext()).split())
                 for d in el.findall(_V + "diagnostic-reference")]
        diags = [d for d in diags if d]
        if diags:
            message = message + " — " + " — ".join(diags)
        error = el.get(_T + "error")
        if error is not None:
            # one finding per failing check and error code, not one per context node
            key = (n, error)
            if key in errors:
                errors[key][1] += 1
                continue
            errors[key] = [len(out), 0]
            severity = "error"
        else:
            severity = _severity(kind, role)
        if location not in lines:
            lines[location] = _line_of(tree, location, namespaces)
        out.append(Finding(file, lines[location], None, severity, message or "(no message)",
                           check.rule if check else (el.get("id") or "schematron"),
                           location, "schematron"))
    for index, more in errors.values():
        if more:
            f = out[index]
            out[index] = Finding(f.file, f.line, f.column, f.severity,
                                 f"{f.message} (and {more} more context node"
                                 f"{'s' if more > 1 else ''})", f.rule, f.xpath, f.source)
    return out


def _severity(kind: str, role: str | None) -> str:
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


def _line_of(tree: etree._ElementTree, location: str | None,
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
