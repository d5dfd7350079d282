"""Reporters: JUnit parses with junitparser, SARIF has the SARIF 2.1.0 structure, GitHub
workflow commands are escaped as the runner expects."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from toolkit.validate import reporters
from toolkit.core.findings import Finding
from toolkit.validate.run import FileResult

NASTY = "50% done,\r\nnext: line"


def _results(tmp_path: Path | None = None):
    base = str(tmp_path / "a.xml") if tmp_path else "a.xml"
    return [
        FileResult(base, [
            Finding(base, 3, 7, "error", "@ref points to '#x'", "dangling-pointer",
                    "/tei:TEI[1]/tei:p[1]/@ref", "checks"),
            Finding(base, 9, None, "warning", NASTY, "n-small", "/tei:TEI[1]", "schematron"),
            Finding(base, None, None, "info", "no schema declared", "no-schema", None, "validate"),
        ], 0.25),
        FileResult("dir,with:odd/b.xml", [], 0.01),
    ]


def _summary(results, fail_on="error"):
    return reporters.summarise(results, 1.5, fail_on)


def test_summary_counts():
    s = _summary(_results())
    assert (s.files, s.valid, s.invalid) == (2, 1, 1)
    assert s.findings == {"error": 1, "warning": 1, "info": 1}
    assert "2 file(s) checked, 1 valid, 1 invalid" in s.line()


def test_text_is_one_line_per_finding():
    out = reporters.text(_results(), _summary(_results())).splitlines()
    assert out[0] == "a.xml:3:7: error: @ref points to '#x' [dangling-pointer]"
    assert out[-1].startswith("2 file(s) checked")


def test_json_round_trips():
    data = json.loads(reporters.as_json(_results(), _summary(_results())))
    assert data["summary"]["invalid"] == 1
    first = data["files"][0]["findings"][0]
    assert set(first) >= {"file", "line", "column", "severity", "message", "rule", "xpath"}


@pytest.mark.parametrize("fail_on,failures", [("error", 1), ("warning", 1), ("info", 1)])
def test_junit_parses_with_junitparser(tmp_path, fail_on, failures):
    from junitparser import Failure, JUnitXml

    results = _results()
    path = tmp_path / "report.xml"
    path.write_text(reporters.junit(results, _summary(results, fail_on)))
    xml = JUnitXml.fromfile(str(path))
    suites = list(xml) if not hasattr(xml, "name") or xml._tag == "testsuites" else [xml]
    cases = [case for suite in suites for case in suite]
    assert [c.name for c in cases] == ["a.xml", "dir,with:odd/b.xml"]
    failed = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    assert len(failed) == failures
    assert failed[0].result[0].type == "dangling-pointer"
    assert cases[1].is_passed


def test_github_workflow_commands_are_escaped():
    assert reporters.escape_data(NASTY) == "50%25 done,%0D%0Anext: line"
    assert reporters.escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    lines = reporters.github(_results(), _summary(_results())).splitlines()
    assert lines[0] == ("::error file=a.xml,line=3,col=7,title=tei-edition dangling-pointer::"
                        "@ref points to '#x'")
    assert lines[1] == "::warning file=a.xml,line=9,title=tei-edition n-small::50%25 done,%0D%0Anext: line"
    assert lines[2] == "::notice file=a.xml,title=tei-edition no-schema::no schema declared"
    assert all("\n" not in line and "\r" not in line for line in lines)


# A structural schema for the part of SARIF 2.1.0 the reporter writes, transcribed from the
# OASIS schema (Schemata/sarif-schema-2.1.0.json): the same required properties, enums and
# minimums, and additionalProperties: false on every object, as the OASIS schema has. (The
# full schema could not be fetched in this environment; see tests/fixtures/validate/README.)
_MESSAGE = {"type": "object", "additionalProperties": False,
            "properties": {"text": {"type": "string"}, "markdown": {"type": "string"},
                           "id": {"type": "string"}, "arguments": {"type": "array"},
                           "properties": {"type": "object"}},
            "anyOf": [{"required": ["text"]}, {"required": ["id"]}]}
_MFMS = {"type": "object", "additionalProperties": False, "required": ["text"],
         "properties": {"text": {"type": "string"}, "markdown": {"type": "string"},
                        "properties": {"type": "object"}}}
_ARTIFACT_LOCATION = {"type": "object", "additionalProperties": False,
                      "properties": {"uri": {"type": "string", "format": "uri-reference"},
                                     "uriBaseId": {"type": "string"},
                                     "index": {"type": "integer", "minimum": -1},
                                     "description": _MESSAGE, "properties": {"type": "object"}}}
_REGION = {"type": "object", "additionalProperties": False,
           "properties": {"startLine": {"type": "integer", "minimum": 1},
                          "startColumn": {"type": "integer", "minimum": 1},
                          "endLine": {"type": "integer", "minimum": 1},
                          "endColumn": {"type": "integer", "minimum": 1}}}
SARIF_SUBSET = {
    "type": "object", "additionalProperties": False, "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["tool"],
            "properties": {
                "tool": {"type": "object", "additionalProperties": False, "required": ["driver"],
                         "properties": {"driver": {
                             "type": "object", "additionalProperties": False, "required": ["name"],
                             "properties": {
                                 "name": {"type": "string"}, "version": {"type": "string"},
                                 "informationUri": {"type": "string", "format": "uri"},
                                 "rules": {"type": "array", "uniqueItems": True, "items": {
                                     "type": "object", "additionalProperties": False,
                                     "required": ["id"],
                                     "properties": {"id": {"type": "string"},
                                                    "shortDescription": _MFMS,
                                                    "properties": {"type": "object"}}}}}}}},
                "originalUriBaseIds": {"type": "object", "additionalProperties": _ARTIFACT_LOCATION},
                "invocations": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["executionSuccessful"],
                    "properties": {"executionSuccessful": {"type": "boolean"},
                                   "properties": {"type": "object"}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False, "required": ["message"],
                    "properties": {
                        "ruleId": {"type": "string"},
                        "ruleIndex": {"type": "integer", "minimum": -1},
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": _MESSAGE,
                        "locations": {"type": "array", "items": {
                            "type": "object", "additionalProperties": False,
                            "properties": {
                                "physicalLocation": {
                                    "type": "object", "additionalProperties": False,
                                    "anyOf": [{"required": ["address"]},
                                              {"required": ["artifactLocation"]}],
                                    "properties": {"artifactLocation": _ARTIFACT_LOCATION,
                                                   "region": _REGION}},
                                "logicalLocations": {"type": "array", "items": {
                                    "type": "object", "additionalProperties": False,
                                    "properties": {"name": {"type": "string"},
                                                   "fullyQualifiedName": {"type": "string"},
                                                   "kind": {"type": "string"}}}}}}}}}}}}}},
}


def test_sarif_has_the_sarif_210_structure(tmp_path):
    results = _results(tmp_path)
    log = json.loads(reporters.sarif(results, _summary(results), root=tmp_path))
    jsonschema.validate(log, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    first = run["results"][0]["locations"][0]
    assert first["physicalLocation"]["artifactLocation"] == {"uri": "a.xml", "uriBaseId": "%SRCROOT%"}
    assert first["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 7}
    assert first["logicalLocations"][0]["fullyQualifiedName"] == "/tei:TEI[1]/tei:p[1]/@ref"
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert "region" not in run["results"][2]["locations"][0]["physicalLocation"]


def test_one_run_writes_several_reports(tmp_path):
    """CI wants annotations and a SARIF file without validating twice."""
    from junitparser import JUnitXml

    from conftest import run_cli

    doc = tmp_path / "doc.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
                   '<p><persName ref="#nobody">X</persName></p></body></text></TEI>')
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    result = run_cli("validate", str(doc), "--format", "github",
                     "--report", f"sarif={sarif}", "--report", f"junit={junit}")
    assert result.returncode == 1
    assert f"::error file={doc},line=1" in result.stdout
    errors = [r for r in json.loads(sarif.read_text())["runs"][0]["results"]
              if r["level"] == "error"]
    assert [e["locations"][0]["physicalLocation"]["region"]["startLine"] for e in errors] == [1]
    suite = next(iter(JUnitXml.fromfile(str(junit))))
    assert suite.failures == 1
    assert run_cli("validate", str(doc), "--report", "docx=x").returncode == 2
