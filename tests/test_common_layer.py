"""One TEI layer for every format (xslt/common/): the same labels, note kinds, main names and
note numbers in HTML, plain text and print, and user overrides that work for each format.

Fixtures of our own in tests/fixtures/common/ (notes.xml: notes of three kinds and a register
entry whose first name form is Russian in an English document).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import ROOT, run_cli
from toolkit.build import formats
from toolkit.core.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "common"
NOTES = FIXTURES / "notes.xml"
XHTML = {"h": "http://www.w3.org/1999/xhtml"}

#: Labels the three formats print for the fixture, by language (a sample of each format's).
LABELS = {
    "en": {"notes": "Notes", "about": "About this document", "editorial": "Editorial note",
           "from": "From", "translated": "Translated by", "ed": "Ed.", "persons": "Persons",
           "index": "Index", "about-edition": "About this edition"},
    "de": {"notes": "Anmerkungen", "about": "Über dieses Dokument",
           "editorial": "Anmerkung der Herausgeber", "from": "Von", "translated": "Übersetzt von",
           "ed": "Hrsg.", "persons": "Personen", "index": "Register",
           "about-edition": "Zu dieser Edition"},
    "fr": {"notes": "Notes", "about": "À propos de ce document", "editorial": "Note de l’éditeur",
           "from": "De", "translated": "Traduit par", "ed": "N.d.É.", "persons": "Personnes",
           "index": "Index", "about-edition": "À propos de cette édition"},
}


def render(fmt: str, path: Path = NOTES, params: dict | None = None,
           overrides: dict | None = None) -> str:
    """The format's output; for "pdf" the print HTML (the WeasyPrint engine's stylesheet,
    whose structure these tests read; tests/test_print_*.py read both engines' PDFs)."""
    fmt_ = formats.PDF_ENGINES["weasyprint"] if fmt == "pdf" else formats.FORMATS[fmt]
    return formats.transform(parse_file(path), fmt_, params or {}, str(path), overrides).output


def html_doc(output: str):
    return lxml.html.document_fromstring(output.encode("utf-8"))


def print_doc(output: str):
    return html_doc(output)


# --- labels: -p lang gives one language in all three formats --------------------------------

@pytest.fixture(scope="module", params=["de", "fr"])
def built(request, tmp_path_factory):
    """The fixture built with the CLI in all three formats with -p lang=LANG."""
    lang = request.param
    out = tmp_path_factory.mktemp(f"lang-{lang}")
    result = run_cli("build", "--to", "html,text,pdf", "-p", f"lang={lang}", "-o", str(out), str(NOTES))
    assert result.returncode == 0, result.stderr
    return lang, out


def test_html_labels_follow_lang(built):
    lang, out = built
    want = LABELS[lang]
    doc = lxml.html.parse(str(out / "notes.html")).getroot()
    assert doc.get("lang") == lang
    assert doc.get_element_by_id("notes-h").text == want["notes"]
    assert doc.get_element_by_id("about-h").text == want["about"]
    labels = [s.text_content() for s in doc.xpath("//li[contains(@class,'ed-note')]/span[@class='ed-note-label']")]
    assert labels[1].startswith(want["editorial"]), labels


def test_text_labels_follow_lang(built):
    lang, out = built
    want, english = LABELS[lang], LABELS["en"]
    text = (out / "notes.txt").read_text(encoding="utf-8")
    assert f"\n{want['from']}: Ivan Petrov\n" in text
    assert f"\n{want['translated']}: Clara Ortiz" in text
    assert f"\n{want['notes']}\n{'-' * len(want['notes'])}\n" in text
    assert f"[2] [{want['ed']}] The editors' comment" in text
    assert f"\n{want['index']}\n{'=' * len(want['index'])}\n" in text
    assert f"\n{want['persons']}\n" in text
    for key in ("from", "translated", "persons"):
        assert english[key] not in text, f"English label {english[key]!r} in the {lang} text"


@pytest.mark.slow
def test_pdf_labels_follow_lang(built):
    from pdf_tools import need_poppler, run

    need_poppler()
    lang, out = built
    want, english = LABELS[lang], LABELS["en"]
    # the title page sets its labels in capitals (CSS): compare without case
    text = " ".join(run("pdftotext", "-enc", "UTF-8", str(out / "notes.pdf"), "-").split()).casefold()
    for key in ("from", "translated", "ed", "persons", "about-edition"):
        assert want[key].casefold() in text, (lang, want[key])
    # ("translated by" is also the wording of the fixture's respStmt, so not checked here)
    for key in ("from", "persons", "about-edition"):
        assert english[key].casefold() not in text, f"English label {english[key]!r} in the {lang} PDF"


# --- note kinds: type="authorial" (even with @resp) is not editorial, in every format --------

def test_note_kinds_alike_in_all_formats():
    html = html_doc(render("html"))
    calls = html.xpath("//section[@id='text']//a[contains(@class,'ed-noteref')]/@class")
    assert ["ed-authorial-note" in c for c in calls] == [True, False, True]
    assert ["ed-editorial-note" in c for c in calls] == [False, True, False]
    labels = [s.text_content() for s in html.xpath("//span[@class='ed-note-label']")]
    assert labels[0].startswith("Authorial note (Ivan Petrov)") and labels[2].startswith("Authorial note")
    text = render("text")
    assert re.findall(r"^\[(\d)\] (\[Ed\.\] )?", text, re.M) == [("1", ""), ("2", "[Ed.] "), ("3", "")]
    footnotes = print_doc(render("pdf")).xpath("//span[contains(concat(' ', @class, ' '), ' fn ')]")
    assert len(footnotes) == 3
    assert ["editorial-note" in f.get("class") for f in footnotes] == [False, True, False]
    assert [bool(f.xpath("span[@class='ed-label']")) for f in footnotes] == [False, True, False]


# --- a register entry's main name is the same everywhere ------------------------------------

def test_main_name_alike_in_all_formats():
    html = html_doc(render("html"))
    assert html.get_element_by_id("reg-ivan").xpath("string(h4)").strip() == "Ivan Petrov"
    tip = html.xpath("//section[@id='text']//*[@data-reg='reg-ivan']//*[@class='ed-tip-name']")[0]
    assert tip.text_content() == "Ivan Petrov"
    assert "- Ivan Petrov (Иван Петров): A clerk" in render("text")
    index = print_doc(render("pdf")).xpath("//li[@data-entry='ivan']")[0]
    # the same main name, filed by surname as an index prints it (common: ed:index-heading)
    assert index.xpath("string(span[@class='ix-name'])") == "Petrov, Ivan"
    assert "Иван Петров" in index.xpath("string(span[@class='forms'])")
    # the title page and the text's title block name the sender by the same main name
    assert "From: Ivan Petrov" in render("text")
    assert "Ivan Petrov" in print_doc(render("pdf")).xpath("string(//section[@class='titlepage']//dl)")


# --- notes of a teiCorpus: numbered from 1 in each document, in every format ----------------

CORPUS = """<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
  <titleStmt><title>Two reports</title></titleStmt><publicationStmt><p/></publicationStmt>
  <sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  {docs}</teiCorpus>"""
MEMBER = """<TEI><teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
  <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text><body><p>{title} begins.<note>First note of {title}.</note> It ends.<note>Second note of
  {title}.</note></p></body></text></TEI>"""


def test_corpus_notes_restart_in_each_document(tmp_path):
    source = tmp_path / "corpus.xml"
    source.write_text(CORPUS.format(docs=MEMBER.format(title="Alpha") + MEMBER.format(title="Beta")))
    html = html_doc(render("html", source))
    calls = html.xpath("//section[@id='text']//a[contains(@class,'ed-noteref')]/sup")
    assert [c.text_content().split()[-1] for c in calls] == ["1", "2", "1", "2"]
    ids = html.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert [h.text for h in html.xpath("//section[@id='notes']/h3")] == ["Alpha", "Beta"]
    text = render("text", source)
    assert re.findall(r"begins\.\[(\d)\] It ends\.\[(\d)\]", text) == [("1", "2"), ("1", "2")]
    assert [f.get("data-n") for f in print_doc(render("pdf", source)).xpath("//span[@data-n]")] == ["1", "2", "1", "2"]


# --- overrides: a user's stylesheet for text and print, by the catalog URIs -----------------

def test_text_override_by_catalog_uri(tmp_path):
    run = run_cli("build", "--to", "text", "-o", str(tmp_path),
                  "--stylesheet", f"text={ROOT / 'examples' / 'override-text.xsl'}", str(NOTES))
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "notes.txt").read_text(encoding="utf-8")
    assert "«Ivan» counted the sacks" in text
    assert "\nEndnotes\n--------\n" in text and "\nNotes\n" not in text
    assert "[2] [Ed.] The editors' comment" in text, "the rest of our text edition is kept"


def test_print_override_by_catalog_uri():
    sheet = ROOT / "examples" / "override-print.xsl"
    doc = print_doc(render("pdf", overrides={"pdf": sheet}))
    wrapped = doc.xpath("//span[@class='smallcaps']/span[contains(@class,'persName')]")
    assert wrapped and wrapped[0].get("id"), "our template (with its index anchor) still runs"
    assert [s.text for s in doc.xpath("//span[@class='ed-label']")] == ["Editors"]
    assert doc.xpath("//li[@data-entry='ivan']//a[@class='pageref']"), "the index still finds the mention"


@pytest.mark.slow
def test_print_override_builds_a_pdf(tmp_path):
    run = run_cli("build", "--to", "pdf", "-o", str(tmp_path),
                  "--stylesheet", f"pdf={ROOT / 'examples' / 'override-print.xsl'}", str(NOTES))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "notes.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("fmt, uri", [("html", "html.xsl"), ("text", "text.xsl"), ("pdf", "print.xsl")])
def test_a_common_function_overridden_for_each_format(tmp_path, fmt, uri):
    """Redefining ed:entry-name (common/registers.xsl) changes that format's every use of it."""
    sheet = tmp_path / f"mine-{fmt}.xsl"
    sheet.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:tei-edition:functions">
      <xsl:import href="https://tei-edition.org/xslt/{uri}"/>
      <xsl:function name="ed:entry-name" as="xs:string">
        <xsl:param name="entry" as="element()"/>
        <xsl:sequence select="'Entry ' || $entry/@xml:id"/>
      </xsl:function>
    </xsl:stylesheet>""")
    output = render(fmt, overrides={fmt: sheet})
    if fmt == "html":
        doc = html_doc(output)
        assert doc.get_element_by_id("reg-ivan").xpath("string(h4)").strip() == "Entry ivan"
        assert doc.xpath("//section[@id='text']//*[@class='ed-tip-name']")[0].text == "Entry ivan"
    elif fmt == "text":
        assert "- Entry ivan (" in output and "From: Entry ivan" in output
    else:
        doc = print_doc(output)
        # the index prints a person "Surname, Forenames": from the overridden name too
        assert doc.xpath("string(//li[@data-entry='ivan']/span[@class='ix-name'])") in ("Entry ivan", "ivan, Entry")
        assert "Entry ivan" in doc.xpath("string(//section[@class='titlepage']//dl)")


# --- the layout of xslt/: every TEI rule in common/, the formats only render ----------------

XSLT = ROOT / "xslt"
FORMAT_FOLDERS = ("html", "text", "print", "typst")


def _declared(folder: Path, what: str) -> set[str]:
    names = set()
    for module in folder.glob("*.xsl"):
        for el in etree.parse(str(module)).iter(f"{{http://www.w3.org/1999/XSL/Transform}}{what}"):
            if el.get("name"):
                names.add(el.get("name"))
    return names


def test_format_folders_define_no_tei_rule_of_their_own():
    common_functions = _declared(XSLT / "common", "function")
    assert {"ed:label", "ed:note-kind", "ed:is-editorial", "ed:note-number", "ed:entry-name",
            "ed:main-form", "ed:entry-kind", "ed:metadata", "ed:entry", "ed:chosen"} <= common_functions
    for folder in FORMAT_FOLDERS:
        text = "\n".join(p.read_text(encoding="utf-8") for p in (XSLT / folder).glob("*.xsl"))
        keys = re.findall(r"<xsl:key\b|(?<![\w-])key\(", text)
        assert not keys, f"{folder}/ keeps a key of its own"
        shadowed = _declared(XSLT / folder, "function") & common_functions
        assert not shadowed, f"{folder}/ redefines {sorted(shadowed)} of common/"
        assert not re.search(r"@type\s*=\s*\(\s*'editorial'", text), f"{folder}/ classifies notes"
        assert "'persName', 'placeName'" not in text, f"{folder}/ keeps a list of name elements"
    for entry in ("html.xsl", "text.xsl", "print.xsl", "typst.xsl"):
        own = entry.replace(".xsl", "")
        hrefs = etree.parse(str(XSLT / entry)).xpath("//xsl:import/@href",
                                                    namespaces={"xsl": "http://www.w3.org/1999/XSL/Transform"})
        assert all(h.startswith(("common/", f"{own}/")) for h in hrefs), (entry, hrefs)


def test_css_and_script_come_from_their_files():
    html = html_doc(render("html"))
    assert html.get_element_by_id("ed-css").text == (XSLT / "html" / "edition.css").read_text(encoding="utf-8")
    assert html.get_element_by_id("ed-js").text == (XSLT / "html" / "edition.js").read_text(encoding="utf-8")
    style = print_doc(render("pdf", params={"page-size": "A5"})).xpath("//style")[0].text
    assert style.startswith("@page { size: A5; }")
    assert (XSLT / "print" / "print.css").read_text(encoding="utf-8") in style
