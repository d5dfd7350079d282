"""Registers kept in files of their own: a letter points to persons.xml and places.xml (by
file pointers and by a prefixDef private URI); its HTML popups and register section, and the
text and print indexes, show those entries; files outside the source's folder, URLs and
unparsable files are never read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import run_cli
from toolkit.build import formats
from toolkit.build.registers import find_registers
from toolkit.core.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "common"
LETTER = FIXTURES / "letter.xml"


def render(fmt: str, path: Path = LETTER) -> str:
    """The format's output; for "pdf" the print HTML of the WeasyPrint engine (the Typst
    engine's index is read from its PDF below)."""
    fmt_ = formats.PDF_ENGINES["weasyprint"] if fmt == "pdf" else formats.FORMATS[fmt]
    return formats.transform(parse_file(path), fmt_, {}, str(path)).output


@pytest.fixture(scope="module")
def html():
    return lxml.html.document_fromstring(render("html").encode("utf-8"))


def test_the_files_a_letter_points_to_are_found():
    found = find_registers(parse_file(LETTER), LETTER)
    names = sorted(Path(t.docinfo.URL).name for t in found.trees)
    assert names == ["persons.xml", "places.xml"] and not found.findings


def test_html_mentions_link_to_entries_of_register_files(html):
    mentions = {m.get("data-reg"): m for m in html.xpath("//section[@id='text']//*[@data-reg]")}
    assert set(mentions) == {"reg-ada", "reg-bruno", "reg-clara", "reg-turin"}
    bruno = mentions["reg-bruno"]  # written psn:bruno (prefixDef)
    assert bruno.xpath("a/@href") == ["#reg-bruno"]
    tip = html.get_element_by_id(bruno.xpath("a/@aria-describedby")[0])
    assert "Bruno Keller" in tip.text_content() and "Bookseller" in tip.text_content()
    ada_tip = html.get_element_by_id(mentions["reg-ada"].xpath("a/@aria-describedby")[0])
    assert "Ada Brandt" in ada_tip.text_content() and "born 1890" in ada_tip.text_content()


def test_html_register_section_lists_the_entries_the_letter_uses(html):
    registers = html.get_element_by_id("registers")
    assert [h.text for h in registers.xpath(".//h3")][:2] == ["Persons", "Places"]
    entries = registers.xpath(".//li[starts-with(@id, 'reg-')][not(starts-with(@id, 'reg-date'))]/@id")
    assert entries == ["reg-ada", "reg-bruno", "reg-clara", "reg-turin"]  # not Dora: not pointed to
    turin = html.get_element_by_id("reg-turin")
    assert "Torino" in turin.text_content() and "City in Piedmont." in turin.text_content()
    ids = set(html.xpath("//@id"))
    backs = turin.xpath(".//a[contains(@class,'ed-backlink')]/@href")
    assert backs and all(b[1:] in ids for b in backs)


def test_text_index_from_register_files():
    text = render("text")
    index = text.split("\nIndex\n=====\n")[1]
    assert "- Ada Brandt (Ada), b. 1890: Chemist, writer of the letter; she worked" in index
    assert "- Bruno Keller: Bookseller, the addressee." in index
    assert "- Turin (Torino): City in Piedmont." in index
    assert "Dora" not in index
    assert "From: Ada Brandt\nTo: Bruno Keller\nDate: 3 May 1921, Turin\n" in text


def test_print_index_from_register_files():
    doc = lxml.html.document_fromstring(render("pdf").encode("utf-8"))
    ids = set(doc.xpath("//@id"))
    entries = {li.get("data-entry"): li for li in doc.xpath("//section[@id='index']//li")}
    assert set(entries) == {"ada", "bruno", "clara", "turin"}
    for li in entries.values():
        links = li.xpath(".//a[@class='pageref']/@href")
        assert links and all(href[1:] in ids for href in links), li.get("data-entry")
    assert entries["bruno"].xpath("string(span[@class='ix-name'])") == "Keller, Bruno"  # filed by surname


def test_typst_index_from_register_files(tmp_path):
    """The Typst engine's index lists the entries kept in register files, with pages."""
    import re
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    run = run_cli("build", "--to", "pdf", "-o", str(tmp_path), str(LETTER))
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "letter.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    index = text[text.rindex("Index"):]
    for name in ("Brandt, Ada", "Keller, Bruno", "Keller, Clara", "Turin"):
        assert re.search(re.escape(name) + r"[^\n]* — \d", index), (name, index)


def test_build_uses_register_files(tmp_path):
    run = run_cli("build", "--to", "html,text", "-o", str(tmp_path), str(LETTER))
    assert run.returncode == 0, run.stderr
    assert "- Clara Keller: Bruno Keller's sister." in (tmp_path / "letter.txt").read_text(encoding="utf-8")
    page = lxml.html.parse(str(tmp_path / "letter.html")).getroot()
    assert page.get_element_by_id("reg-clara") is not None


LETTER_OUT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
  </titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text><body><p><persName ref="../outside.xml#x">Outside</persName>
  <persName ref="https://example.org/persons.xml#x">Remote</persName>
  <persName ref="broken.xml#x">Broken</persName>
  <persName ref="missing.xml#x">Missing</persName>
  <persName ref="persons.xml#ada">Ada</persName></p></body></text></TEI>"""


def test_only_safe_local_files_are_read(tmp_path):
    (tmp_path / "outside.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
                                          '<listPerson><person xml:id="x"><persName>Secret</persName>'
                                          '</person></listPerson></body></text></TEI>')
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(FIXTURES / "persons.xml", folder)
    (folder / "broken.xml").write_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')
    letter = folder / "letter.xml"
    letter.write_text(LETTER_OUT)
    found = find_registers(parse_file(letter), letter)
    assert [Path(t.docinfo.URL).name for t in found.trees] == ["persons.xml"]
    messages = [f.format() for f in found.findings]
    assert any("outside the source's folder" in m and f"{letter}:3:" in m for m in messages), messages
    assert any("register file not read" in m and "broken.xml" in m for m in messages), messages
    run = run_cli("build", "--to", "html", "-o", str(tmp_path / "out"), str(letter))
    assert run.returncode == 0, run.stderr
    assert "outside the source's folder" in run.stderr + run.stdout
    page = (tmp_path / "out" / "letter.html").read_text(encoding="utf-8")
    assert "Ada Brandt" in page and "Secret" not in page and "root:" not in page


def test_registers_of_a_folder_may_be_anywhere_in_it(tmp_path):
    """Built from the folder the user named, a letter in letters/ may point to ../persons.xml."""
    (tmp_path / "letters").mkdir()
    shutil.copy(FIXTURES / "persons.xml", tmp_path)
    (tmp_path / "letters" / "a.xml").write_text(LETTER_OUT.replace("persons.xml#ada", "../persons.xml#ada"))
    run = run_cli("build", "--to", "text", "-o", str(tmp_path / "out"), str(tmp_path))
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "out" / "letters" / "a.txt").read_text(encoding="utf-8")
    assert "- Ada Brandt (Ada), b. 1890" in text
