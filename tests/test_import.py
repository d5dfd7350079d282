"""`tei-edition import` on pages written for these tests in the archive's layout (plain text
and saved HTML, fictional names and text), and on pages it must refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, run_cli

PAGES = Path(__file__).parent / "fixtures" / "import"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _import(tmp_path: Path, *pages: str, extra: tuple[str, ...] = ()) -> list[Path]:
    result = run_cli("import", *[str(PAGES / p) for p in pages], "--out", str(tmp_path), *extra)
    assert result.returncode == 0, result.stderr
    return sorted(tmp_path.glob("*.xml"))


def _text(root, xpath: str) -> str:
    return " ".join("".join(root.xpath(xpath, namespaces=NS)[0].itertext()).split())


def _all(root, xpath: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in root.xpath(xpath, namespaces=NS)]


@pytest.fixture(scope="module")
def letter(tmp_path_factory):
    (path,) = _import(tmp_path_factory.mktemp("letter"), "letter-1961.txt")
    assert path.name == "letter-1961-05-02.xml"
    return etree.parse(str(path)).getroot()


@pytest.fixture(scope="module")
def cable(tmp_path_factory):
    (path,) = _import(tmp_path_factory.mktemp("cable"), "cable-1958.html")
    assert path.name == "telegram-1958-10-14.xml"
    return etree.parse(str(path)).getroot()


def test_plain_text_page_header(letter):
    assert _text(letter, "//t:titleStmt/t:title") == \
        "Letter from Ilona Maresh to the Harbour Commission of Port Wen"
    assert _text(letter, "//t:funder") == "Quillfield Trust"
    assert _all(letter, "//t:titleStmt/t:respStmt[t:resp='obtained and translated']/t:persName") \
        == ["Tomas Brenn", "L. K. Ostrow"]
    assert _text(letter, "//t:msIdentifier/t:repository") == "State Archive of Esperia (SAE)"
    units = [(i.get("type"), i.text) for i in letter.xpath("//t:msIdentifier/t:idno",
                                                          namespaces=NS)]
    assert units == [("recordGroup", "17"), ("series", "4"), ("box", "212"), ("folder", "9")]
    locus = letter.xpath("//t:msItem/t:locus", namespaces=NS)[0]
    assert (locus.get("from"), locus.get("to"), locus.text) == ("3", "5", "pp. 3-5")
    bibl = letter.xpath("//t:sourceDesc/t:bibl[@type='citation']", namespaces=NS)[0]
    assert bibl.xpath("t:idno[@type='URI']/text()", namespaces=NS) == \
        ["https://digitalarchive.wilsoncenter.org/document/990001"]
    assert bibl.xpath("t:idno[@type='record']/text()", namespaces=NS) == ["990001"]
    assert bibl.xpath("t:date/@when", namespaces=NS) == ["1961-05-02"]
    assert "fictional" in _text(letter, "//t:availability/t:p")
    assert _text(letter, "//t:abstract").startswith("Maresh asks the Commission")
    sent = _all(letter, "//t:correspAction[@type='sent']/*")
    received = letter.xpath("//t:correspAction[@type='received']/t:orgName", namespaces=NS)
    assert sent[0] == "Ilona Maresh" and received[0].text == "the Harbour Commission of Port Wen"


def test_plain_text_page_text(letter):
    body = letter.xpath("//t:text/t:body/t:div", namespaces=NS)[0]
    assert body.get("type") == "letter"
    assert _all(body, "t:opener/*") == ["Confidential", "Port Wen, 2 May 1961",
                                        "Dear Commissioners,"]
    assert body.xpath("t:opener/t:dateline/t:date/@when", namespaces=NS) == ["1961-05-02"]
    assert _all(body, "t:div[@type='section']/t:head") == ["Repairs needed"]
    assert _all(body, ".//t:list/t:item") == ["the breakwater at the harbour mouth",
                                               "the crane rails of the northern quay",
                                               "the lamps of the outer light"]
    assert _all(body, "t:closer/t:salute") == ["Yours sincerely,"]
    assert body.xpath("t:closer/t:signed/t:persName/@ref", namespaces=NS) == ["#ilona-maresh"]
    text = _text(letter, "//t:text")
    assert "put at eleven thousand crowns:" in text  # double space normalised
    for page_only in ("Associated", "Record ID", "Esperian", "get citation", "VIEW DOCUMENT",
                      "English Transcript", "Quillfield", "Brenn, Tomas"):
        assert page_only not in text, page_only
    page_lines = (PAGES / "letter-1961.txt").read_text("utf-8").splitlines()
    start = page_lines.index("Confidential")
    end = page_lines.index("Associated People & Organizations")
    words = " ".join(line.lstrip("• ") for line in page_lines[start:end]).split()
    assert text.split() == words


def test_html_page(cable):
    assert _text(cable, "//t:titleStmt/t:title").startswith("Cable from the Esperian Embassy")
    assert cable.xpath("//t:msIdentifier/t:idno", namespaces=NS)[0].get("type") == "file"
    assert _text(cable, "//t:msIdentifier/t:repository") == "SAE FMA"
    assert cable.xpath("//t:bibl/t:idno[@type='URI']/text()", namespaces=NS) == \
        ["https://digitalarchive.wilsoncenter.org/document/990002"]  # from <link rel=canonical>
    body = cable.xpath("//t:text/t:body/t:div", namespaces=NS)[0]
    assert [(s.get("type"), s.text) for s in body.xpath("t:opener/t:seg", namespaces=NS)] == \
        [("priority", "Extremely Urgent"), ("classification", "Top Secret")]
    assert _all(body, "t:opener/t:salute") == ["To the Ministry of Foreign Affairs:"]
    assert _all(body, "t:div[@type='section']/t:head") == ["The second convoy"]
    assert len(body.xpath(".//t:list/t:item", namespaces=NS)) == 2
    assert body.xpath(".//t:p//t:date/@when", namespaces=NS) == ["1958-10-12"]
    closer_date = body.xpath("t:closer/t:dateline/t:date", namespaces=NS)[0]
    assert (closer_date.get("when"), closer_date.get("cert")) == ("1958-10-14", "high")
    assert cable.xpath("//t:correspAction[@type='sent']/t:orgName/text()", namespaces=NS) == \
        ["the Esperian Embassy"]
    assert cable.xpath("//t:standOff//t:place/t:placeName/text()", namespaces=NS) == ["Port Wen"]
    text = _text(cable, "//t:text")
    for page_only in ("SCRIPT TEXT", "Home", "Browse", "Privacy", "Lind, Arvo", "990002",
                      "Search", "share document"):
        assert page_only not in text, page_only


@pytest.mark.parametrize("page", ["letter-1961.txt", "cable-1958.html"])
def test_own_pages_are_valid_against_the_edition_schemas(tmp_path, page):
    (path,) = _import(tmp_path, page)
    result = run_cli("validate", str(path), "--schema", str(ROOT / "schemas" / "edition.xsd"),
                     "--rules", str(ROOT / "schemas" / "edition.sch"), "--fail-on", "warning")
    assert result.returncode == 0, result.stderr


def test_unrecognised_page_gives_a_message_and_no_output(tmp_path):
    result = run_cli("import", str(PAGES / "no-citation.txt"), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "no-citation.txt:1:1: error: not a Digital Archive document page" in result.stderr
    assert list(tmp_path.iterdir()) == []
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    result = run_cli("import", str(binary), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "image.txt:1:1: error:" in result.stderr
    assert not (tmp_path / "out").exists()
    missing = run_cli("import", str(tmp_path / "nowhere.txt"), "--out", str(tmp_path))
    assert missing.returncode == 2 and "nowhere.txt" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


def test_existing_output_is_kept_unless_force(tmp_path):
    (path,) = _import(tmp_path, "letter-1961.txt")
    path.write_text("<edited/>", "utf-8")
    again = run_cli("import", str(PAGES / "letter-1961.txt"), "--out", str(tmp_path))
    assert again.returncode == 2 and "use --force" in again.stderr
    assert path.read_text("utf-8") == "<edited/>"
    _import(tmp_path, "letter-1961.txt", extra=("--force",))
    assert path.read_text("utf-8").startswith("<?xml")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_two_pages_with_one_name_get_two_files(tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((PAGES / "letter-1961.txt").read_bytes())
    result = run_cli("import", str(PAGES / "letter-1961.txt"), str(copy), "--out",
                     str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == \
        ["letter-1961-05-02-2.xml", "letter-1961-05-02.xml"]
