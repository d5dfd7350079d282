"""Registers shared across the documents of a project: ``registers = [...]`` in the project
configuration makes ``#id`` resolve in the register file for every document; ``validate``
and the stylesheets resolve ``#id``, ``file.xml#id`` and ``psn:id`` the same way; a pointer
that resolves nowhere is a finding at its place with a "did you mean" over every register;
the project folder is the boundary register files are read within.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, run_cli
from toolkit.build.registers import find_registers
from toolkit.core.parse import parse_file

PROJECT = Path(__file__).parent / "fixtures" / "project"


@pytest.fixture
def project(tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(PROJECT, copy)
    return copy


def test_hash_pointers_resolve_in_the_configured_register_file(project):
    run = run_cli("validate", str(project))
    assert run.returncode == 0, run.stderr
    assert "dangling" not in run.stderr


def test_html_links_and_popups_come_from_the_shared_registers(project, tmp_path):
    out = tmp_path / "out"
    run = run_cli("build", "--to", "html,text", "-o", str(out), str(project / "letters"))
    assert run.returncode == 0, run.stderr
    page = lxml.html.parse(str(out / "1921-05-03.html")).getroot()
    fair = page.xpath("//*[@data-reg='reg-fair']")  # written #fair, kept in registers/
    assert fair and "Book fair of Turin" in page.get_element_by_id("reg-fair").text_content()
    shop = page.get_element_by_id("reg-keller-books")
    assert "Keller & Sons" in shop.text_content()
    text = (out / "1921-05-03.txt").read_text(encoding="utf-8")
    assert "- Turin (Torino): City in Piedmont." in text


def test_an_unresolved_pointer_is_located_with_a_suggestion_over_every_register(project):
    letter = project / "letters" / "1921-06-10.xml"
    letter.write_text(letter.read_text(encoding="utf-8")
                      .replace('ref="#ada">Ada</persName>, thank', 'ref="#adda">Ada</persName>, thank'),
                      encoding="utf-8")
    draft = project / "letters" / "drafts" / "1921-04-01.xml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("persons.xml#bruno", "persons.xml#brno"),
                     encoding="utf-8")
    first = project / "letters" / "1921-05-03.xml"
    first.write_text(first.read_text(encoding="utf-8").replace('psn:bruno">Bruno<', 'psn:bruni">Bruno<'),
                     encoding="utf-8")
    run = run_cli("validate", str(project))
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if "dangling-pointer" in line]
    assert len(lines) == 3, run.stderr
    line_no = next(i for i, text in enumerate(letter.read_text().splitlines(), 1) if "#adda" in text)
    assert any(line.startswith(f"{letter}:{line_no}:") and "did you mean '#ada'?" in line
               for line in lines), lines
    assert any(str(draft) in line and "did you mean '../../registers/persons.xml#bruno'?" in line
               for line in lines), lines
    assert any(str(first) in line and "psn:bruni" in line and "did you mean" in line
               and "bruno" in line for line in lines), lines


def test_a_prefix_whose_pattern_does_not_match_is_a_finding(project):
    first = project / "letters" / "1921-05-03.xml"
    first.write_text(first.read_text(encoding="utf-8").replace('psn:bruno">Bruno<', 'psn:Bruno9">Bruno<'),
                     encoding="utf-8")
    run = run_cli("validate", str(first))
    assert run.returncode == 1
    assert "matches no pattern of the prefixDef 'psn'" in run.stderr


def test_without_the_configuration_hash_pointers_do_not_resolve_there(project):
    (project / "edition.toml").unlink()
    run = run_cli("validate", str(project / "letters" / "1921-06-10.xml"))
    assert run.returncode == 1 and "points to '#ada'" in run.stderr


def test_the_project_folder_is_the_boundary_of_register_files(project, tmp_path):
    """Built by name, a draft two folders down reads ../../registers/persons.xml (inside the
    project); a file beyond the project folder is still refused."""
    draft = project / "letters" / "drafts" / "1921-04-01.xml"
    found = find_registers(parse_file(draft), draft, draft.parent)
    assert [Path(t.docinfo.URL).name for t in found.trees] == ["persons.xml"]
    assert not found.findings
    (tmp_path / "outside.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>'
                                          '<listPerson><person xml:id="x"><persName>Secret</persName>'
                                          '</person></listPerson></standOff></TEI>')
    draft.write_text(draft.read_text(encoding="utf-8").replace(
        "</p>", ' <persName ref="../../../outside.xml#x">Outside</persName></p>'), encoding="utf-8")
    run = run_cli("build", "--to", "html", "-o", str(tmp_path / "out"), str(draft))
    assert run.returncode == 0, run.stderr
    assert "outside the edition root" in run.stderr
    page = (tmp_path / "out" / "1921-04-01.html").read_text(encoding="utf-8")
    assert "Bruno Keller" in page and "Secret" not in page


def test_without_a_project_the_named_folder_is_the_boundary(project, tmp_path):
    (project / "edition.toml").unlink()
    draft = project / "letters" / "drafts" / "1921-04-01.xml"
    run = run_cli("build", "--to", "html", "-o", str(tmp_path / "out"), str(draft), cwd=tmp_path)
    assert "outside the source's folder" in run.stderr


def test_the_bundled_front_matter_built_by_name_reads_its_registers(tmp_path):
    chronology = ROOT / "tei" / "front" / "chronology.xml"
    run = run_cli("build", "--to", "html", "-o", str(tmp_path), str(chronology), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "outside" not in run.stderr
    page = lxml.html.parse(str(tmp_path / "chronology.html")).getroot()
    assert "Kim Il Sung" in page.get_element_by_id("reg-kim-il-sung").text_content()


def test_the_bundled_edition_validates_with_its_registers_in_their_own_file(tmp_path):
    run = run_cli("validate", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "dangling" not in run.stderr and "registers.xml" not in run.stderr
