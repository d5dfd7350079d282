"""Reports of a validation run: text, JSON, JUnit XML, GitHub workflow commands, SARIF 2.1.0.

Every reporter is a pure function of the run's :class:`~toolkit.validate.run.FileResult`
list and its :class:`Summary`, and returns text; the CLI prints it or writes it atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from toolkit import __version__
from toolkit.core.findings import SEVERITIES, at_or_above

FORMATS = ("text", "json", "junit", "github", "sarif")
TOOL = "tei-edition"
INFO_URI = "https://github.com/tei-edition/tei-edition"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class Summary:
    files: int = 0
    valid: int = 0
    invalid: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    seconds: float = 0.0
    fail_on: str = "error"
    failed_files: int = 0
    #: sources that could not be read (missing, a folder without XML, a FIFO): not
    #: among the files checked
    unreadable: int = 0

    def line(self) -> str:
        counts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in self.findings.items())
        unreadable = f", {self.unreadable} unreadable" if self.unreadable else ""
        return (f"{self.files} file(s) checked, {self.valid} valid, {self.invalid} invalid"
                f"{unreadable}; {counts}; {self.seconds:.2f} s")


def summarise(results, seconds: float, fail_on: str = "error") -> Summary:
    summary = Summary(fail_on=fail_on, seconds=seconds)
    for result in results:
        if not result.readable:
            summary.unreadable += 1
        else:
            summary.files += 1
            if result.valid:
                summary.valid += 1
            else:
                summary.invalid += 1
        if at_or_above(result.findings, fail_on):
            summary.failed_files += 1
        for f in result.findings:
            summary.findings[f.severity] = summary.findings.get(f.severity, 0) + 1
    return summary


# ----------------------------------------------------------------------------- text, json

def text(results, summary: Summary) -> str:
    lines = [f.format() for r in results for f in r.findings]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"


def as_json(results, summary: Summary) -> str:
    payload = {
        "tool": {"name": TOOL, "version": __version__},
        "summary": asdict(summary),
        "files": [{"file": r.file, "valid": r.valid, "seconds": round(r.seconds, 6),
                   "schemas": r.schemas, "findings": [f.as_dict() for f in r.findings]}
                  for r in results],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------------------- JUnit

def junit(results, summary: Summary) -> str:
    """One ``testsuite``, one ``testcase`` per file; a file fails when it has findings at
    or above ``--fail-on``; each failing finding is listed in the failure's text."""
    suites = etree.Element("testsuites", name=TOOL)
    failures = sum(1 for r in results if r.readable and at_or_above(r.findings, summary.fail_on))
    errors = sum(1 for r in results if not r.readable)
    suite = etree.SubElement(suites, "testsuite", name=f"{TOOL} validate",
                             tests=str(len(results)), failures=str(failures), errors=str(errors),
                             skipped="0", time=f"{summary.seconds:.3f}")
    for r in results:
        case = etree.SubElement(suite, "testcase", classname=f"{TOOL}.validate", name=r.file,
                                file=r.file, time=f"{r.seconds:.3f}")
        failing = at_or_above(r.findings, summary.fail_on)
        if failing:
            first = failing[0]
            failure = etree.SubElement(case, "failure" if r.readable else "error",
                                       message=_xml_safe(first.message)[:1000],
                                       type=first.rule)
            failure.text = _xml_safe("\n".join(f.format() for f in failing))
        others = [f for f in r.findings if f not in failing]
        if others:
            out = etree.SubElement(case, "system-out")
            out.text = _xml_safe("\n".join(f.format() for f in others))
    suites.set("tests", str(len(results)))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def _xml_safe(value: str) -> str:
    return "".join(c if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff") else "?"
                   for c in value)


# ----------------------------------------------------------------------------- GitHub

def escape_data(value: str) -> str:
    """The message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A ``key=value`` property of a workflow command (``:`` and ``,`` are delimiters)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(results, summary: Summary) -> str:
    """GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=...::msg``."""
    command = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for r in results:
        for f in r.findings:
            props = [f"file={escape_property(f.file)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
                if f.column is not None:
                    props.append(f"col={f.column}")
            props.append(f"title={escape_property(f'{TOOL} {f.rule}')}")
            lines.append(f"::{command.get(f.severity, 'error')} {','.join(props)}::"
                         f"{escape_data(f.message)}")
    lines.append(escape_data(summary.line()))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- SARIF

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact_uri(file: str, root: Path) -> tuple[str, str | None]:
    path = Path(file)
    try:
        absolute = path.resolve()
        relative = absolute.relative_to(root)
        return relative.as_posix(), "%SRCROOT%"
    except (ValueError, OSError):
        return (path.resolve().as_uri() if path.is_absolute() or path.exists() else path.as_posix()), None


def sarif(results, summary: Summary, root: Path | None = None) -> str:
    """A SARIF 2.1.0 log with one run; file locations relative to ``%SRCROOT%`` (the
    current folder) where possible, the XPath of each node as a logical location."""
    root = (root or Path.cwd()).resolve()
    rules: dict[str, int] = {}
    rule_objects = []
    out_results = []
    for r in results:
        for f in r.findings:
            if f.rule not in rules:
                rules[f.rule] = len(rule_objects)
                rule_objects.append({"id": f.rule,
                                     "shortDescription": {"text": _RULE_TEXT.get(f.rule, f.rule)},
                                     "properties": {"source": f.source or "validate"}})
            uri, base = _artifact_uri(f.file, root)
            artifact = {"uri": uri}
            if base:
                artifact["uriBaseId"] = base
            physical: dict = {"artifactLocation": artifact}
            if f.line is not None and f.line >= 1:
                region = {"startLine": f.line}
                if f.column is not None and f.column >= 1:
                    region["startColumn"] = f.column
                physical["region"] = region
            location: dict = {"physicalLocation": physical}
            if f.xpath:
                location["logicalLocations"] = [{"fullyQualifiedName": f.xpath, "kind": "element"}]
            out_results.append({"ruleId": f.rule, "ruleIndex": rules[f.rule],
                                "level": _LEVEL.get(f.severity, "error"),
                                "message": {"text": f.message or f.rule},
                                "locations": [location]})
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "version": __version__,
                                "informationUri": INFO_URI, "rules": rule_objects}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
            "invocations": [{"executionSuccessful": True,
                             "properties": {"files": summary.files, "valid": summary.valid,
                                            "invalid": summary.invalid,
                                            "unreadable": summary.unreadable,
                                            "seconds": round(summary.seconds, 3)}}],
            "results": out_results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


_RULE_TEXT = {
    "relaxng": "RELAX NG validity",
    "xsd": "XML Schema validity",
    "not-well-formed": "The document is well-formed XML",
    "dangling-pointer": "Local pointers resolve to an xml:id",
    "duplicate-id": "xml:id values are unique",
    "id-not-ncname": "xml:id values are NCNames",
    "invalid-date": "Dates are valid W3C/ISO dates",
    "date-order": "Date ranges are ordered",
    "date-text-mismatch": "A date's text agrees with its @when",
    "schema-unavailable": "Declared schemas are available locally",
    "schema-timeout": "Schemas compile within the time limit",
    "schema-invalid": "Schemas load and compile",
    "no-schema": "A schema is declared or given",
}


def render(fmt: str, results, summary: Summary) -> str:
    if fmt == "text":
        return text(results, summary)
    if fmt == "json":
        return as_json(results, summary)
    if fmt == "junit":
        return junit(results, summary)
    if fmt == "github":
        return github(results, summary)
    if fmt == "sarif":
        return sarif(results, summary)
    raise ValueError(f"unknown format {fmt!r}")

