"""Locations inside XIncluded files name that file and its line, in validate and in build.

The fixture (tests/fixtures/xinclude/) is a main file that XIncludes part.xml, whose
lines 3 to 6 hold one problem each: a dangling @ref, an xml:id of the main file repeated,
an impossible date, and an element its RELAX NG grammar does not allow.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from toolkit.core.errors import ParseError
from toolkit.core.parse import parse_file
from toolkit.validate.options import ValidationOptions
from toolkit.validate.run import check_file

FIX = Path(__file__).parent / "fixtures" / "xinclude"


@pytest.fixture
def edition(tmp_path) -> Path:
    folder = tmp_path / "letters"
    shutil.copytree(FIX, folder)
    return folder


def _lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


def test_the_tree_knows_which_elements_were_included(edition):
    tree = parse_file(edition / "main.xml")
    divs = tree.getroot().findall(".//{http://www.tei-c.org/ns/1.0}div")
    assert tree.origins.name_of(divs[0]) is None
    assert tree.origins.name_of(divs[1][0]) == str(edition / "part.xml")
    assert tree.origins.files() == [(edition / "part.xml").resolve()]


def test_validate_names_the_included_file_and_its_lines(edition):
    result = run_cli("validate", "main.xml", cwd=edition)
    assert result.returncode == 1
    lines = _lines(result.stderr)
    assert any(line.startswith("main.xml:8:44: error: @ref points to '#anna'") for line in lines)
    assert any(line.startswith("part.xml:3:21: error: @ref points to '#anne'") for line in lines)
    assert any(line.startswith("part.xml:4:6: error: duplicate xml:id 'preface': also "
                               "defined at main.xml:7") for line in lines), lines
    assert any(line.startswith("part.xml:5:23: error: @when '1953-02-30'") for line in lines)
    assert any(line.startswith("part.xml:6: error:") and "[relaxng]" in line for line in lines)


def test_included_file_is_named_as_the_including_one_is(edition):
    found = check_file(edition / "main.xml", ValidationOptions(checks=True)).findings
    files = {f.file for f in found if f.severity == "error"}
    assert files == {str(edition / "main.xml"), str(edition / "part.xml")}


def test_a_json_report_carries_the_included_file(edition):
    result = run_cli("validate", "main.xml", "--format", "json", cwd=edition)
    findings = [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]
    assert {(f["file"], f["line"]) for f in findings if f["rule"] == "dangling-pointer"} == {
        ("main.xml", 8), ("part.xml", 3)}


def test_build_validate_reports_the_included_file(edition):
    result = run_cli("build", "main.xml", "--to", "text", "-o", "out", "--validate",
                     cwd=edition)
    assert result.returncode == 1
    lines = _lines(result.stderr)
    assert any(line.startswith("part.xml:3:21: error: @ref points to '#anne'") for line in lines)
    assert any(line.startswith("main.xml: error: not published: 5 validation error(s)")
               for line in lines), lines
    assert not (edition / "out" / "main.txt").exists()


def test_a_part_that_is_not_well_formed_is_named(edition):
    (edition / "part.xml").write_text('<div xmlns="http://www.tei-c.org/ns/1.0">\n<p>\n</div>\n')
    with pytest.raises(ParseError) as caught:
        parse_file(edition / "main.xml")
    assert caught.value.file == str(edition / "part.xml") and caught.value.line == 3
    result = run_cli("validate", "main.xml", cwd=edition)
    assert result.returncode == 1 and "part.xml:3:" in result.stderr


def test_an_edited_part_rebuilds_the_document_that_includes_it(edition):
    args = ("build", "main.xml", "--to", "text", "-o", "out")
    assert "1 built" in run_cli(*args, cwd=edition).stderr
    assert "1 up to date" in run_cli(*args, cwd=edition).stderr
    part = edition / "part.xml"
    part.write_text(part.read_text().replace("the second letter", "the second, edited letter"))
    assert "1 built" in run_cli(*args, cwd=edition).stderr
    assert "edited" in (edition / "out" / "main.txt").read_text()
