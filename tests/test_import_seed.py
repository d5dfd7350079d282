"""The test of record: importing the captured page of the telegram (../shared/seeds) gives a
valid draft whose text is, word for word, the text of tei/telegram-1953-03-29.xml, and
whose header carries the same archival reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, SHARED, TELEGRAM, need_shared, run_cli

SEED = SHARED / "seeds" / "000_4aa7b316669ab202.txt"
TEI_ALL_XSD = SHARED / "schemas" / "tei_all" / "tei_all.xsd"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
T = "{http://www.tei-c.org/ns/1.0}"
#: Elements whose boundaries are not word boundaries.
INLINE = {"hi", "persName", "placeName", "orgName", "name", "rs", "roleName", "date", "num",
          "measure", "ref", "seg", "term", "gloss", "abbr", "idno", "foreign", "sic", "corr",
          "choice", "title", "q"}


def source_words(tei: Path) -> list[str]:
    """The words of a TEI document's <text> as the source has them: editorial notes and
    headings left out (they are the edition's), each choice read as sic/orig/abbr."""
    out: list[str] = []

    def walk(node) -> None:
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        skip = (name == "note" or (name == "head" and node.get("type") == "editorial")
                or (node.getparent() is not None and etree.QName(node.getparent()).localname
                    == "choice" and name in ("corr", "reg", "expan")))
        if not skip and isinstance(node.tag, str):
            if name not in INLINE:
                out.append(" ")
            out.append(node.text or "")
            for child in node:
                walk(child)
            if name not in INLINE:
                out.append(" ")
        if node.tail:
            out.append(node.tail)

    walk(etree.parse(str(tei)).find(".//t:text", NS))
    return "".join(out).split()


def archival_reference(tei: Path) -> dict:
    root = etree.parse(str(tei)).getroot()
    ident = root.find(".//t:sourceDesc/t:msDesc/t:msIdentifier", NS)
    locus = root.find(".//t:sourceDesc/t:msDesc//t:locus", NS)
    scopes = root.findall(".//t:sourceDesc/t:bibl[@type='citation']/t:biblScope", NS)
    return {
        "repository": " ".join("".join(ident.find("t:repository", NS).itertext()).split()),
        "idno": [(i.get("type"), i.text) for i in ident.findall("t:idno", NS)],
        "leaves": (locus.get("from"), locus.get("to")),
        "citation": [(s.get("unit"), s.get("from"), s.get("to"), s.text.replace("\u2013", "-"))
                     for s in scopes],
    }


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    need_shared("seeds/000_4aa7b316669ab202.txt")
    out = tmp_path_factory.mktemp("import")
    result = run_cli("import", str(SEED), "--out", str(out))
    assert result.returncode == 0, result.stderr
    path = out / "telegram-1953-03-29.xml"
    assert f"wrote {path}" in result.stdout
    return path


def test_text_is_word_for_word_the_edition(draft):
    mine, edition = source_words(draft), source_words(TELEGRAM)
    assert len(edition) > 400
    assert mine == edition


def test_header_has_the_same_archival_reference(draft):
    mine, edition = archival_reference(draft), archival_reference(TELEGRAM)
    assert mine == edition
    assert mine["idno"] == [("fond", "059a"), ("opis", "5a"), ("delo", "5"), ("papka", "11")]


def test_header_from_the_page(draft):
    root = etree.parse(str(draft)).getroot()
    text = lambda xpath: " ".join("".join(root.find(xpath, NS).itertext()).split())  # noqa: E731
    assert text(".//t:titleStmt/t:title") == \
        "Ciphered telegram from Kuznetsov and Fedorenko in Pyongyang"
    assert text(".//t:titleStmt/t:funder") == "Leon Levy Foundation"
    assert text(".//t:titleStmt/t:respStmt/t:persName") == "Kathryn Weathersby"
    assert text(".//t:abstract/t:p").startswith("Report that Kim Il Sung agrees")
    sent = root.find(".//t:correspDesc/t:correspAction[@type='sent']", NS)
    assert [e.text for e in sent] == ["Kuznetsov", "Fedorenko", "Pyongyang", "March 29, 1953"]
    assert sent.find("t:date", NS).get("when") == "1953-03-29"
    change = root.find(".//t:revisionDesc/t:change", NS)
    assert change.get("who") == "#importer" and "Inferred and not confirmed" in change.text
    closer = root.find(".//t:closer", NS)
    assert closer.find(".//t:date", NS).get("when") == "1953-03-29"
    assert [p.get("ref") for p in closer.findall(".//t:persName", NS)] == \
        ["#kuznetsov", "#fedorenko"]
    opener = [(s.get("type"), s.text) for s in root.findall(".//t:opener/t:seg", NS)]
    assert opener == [("priority", "Top Priority"), ("classification", "Special File"),
                      ("reference", "In response to your communication No. 359.")]
    spravka = root.find(".//t:div[@type='spravka']", NS)
    assert "".join(spravka.find("t:head", NS).itertext()).startswith("SPRAVKA [Report]")
    (person,) = root.xpath(".//t:standOff//t:person[@xml:id='kuznetsov']", namespaces=NS)
    assert person.get("cert") == "medium"
    for widget in ("get citation", "share document", "English HTML", "Search in"):
        assert widget not in "".join(root.find(".//t:text", NS).itertext())


def test_draft_is_valid_against_the_edition_schemas(draft):
    result = run_cli("validate", str(draft), "--schema", str(ROOT / "schemas" / "edition.xsd"),
                     "--rules", str(ROOT / "schemas" / "edition.sch"), "--fail-on", "warning")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def tei_all():
    need_shared("schemas/tei_all/tei_all.xsd")
    return etree.XMLSchema(etree.parse(str(TEI_ALL_XSD)))  # compiled once per module


def test_draft_is_valid_against_tei_all(draft, tei_all):
    assert tei_all.validate(etree.parse(str(draft))), tei_all.error_log


def test_own_pages_are_valid_against_tei_all(tmp_path, tei_all):
    pages = Path(__file__).parent / "fixtures" / "import"
    result = run_cli("import", str(pages / "letter-1961.txt"), str(pages / "cable-1958.html"),
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    drafts = sorted(tmp_path.glob("*.xml"))
    assert len(drafts) == 2
    for path in drafts:
        assert tei_all.validate(etree.parse(str(path))), (path.name, tei_all.error_log)
