"""What the reading page tells a reader (issue 16, "Presentation"), on a fixture of our own
(tests/fixtures/presentation: a report, its register file and its list of sources) and on
the telegram: dates read as dates, certainty said in words with a legend for the mark, back
links that say where, the quoted summary's sic in every place it shows, the relation of each
related communication, related documents and citations linked, the source page and its
capture in the citation, rights, downloads and the canonical URL.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from conftest import TELEGRAM

from toolkit.build import formats
from toolkit.core.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "presentation"
REPORT = FIXTURES / "report.xml"


@cache
def html(path: Path = REPORT, params: tuple = ()) -> lxml.html.HtmlElement:
    output = formats.transform(parse_file(path), formats.FORMATS["html"], dict(params), str(path)).output
    return lxml.html.document_fromstring(output.encode("utf-8"))


def words(el) -> str:
    return " ".join(el.text_content().split())


def tip(doc, mention) -> str:
    link = mention.xpath(".//a[@aria-describedby] | .//*[@aria-describedby]")[0]
    popup = doc.get_element_by_id(link.get("aria-describedby"))
    return " ".join(words(part) for part in popup.xpath("*"))  # its lines, shown as blocks


def meta(doc, name) -> list[str]:
    return doc.xpath(f"//meta[@name='{name}']/@content")


def download(doc, link_id) -> str:
    return urllib.parse.unquote(doc.get_element_by_id(link_id).get("href").partition(",")[2])


# -- dates ------------------------------------------------------------------------------------

def test_register_popup_and_chronology_dates_read_as_dates():
    doc = html()
    assert "1 June 1850 – 1920" in words(doc.get_element_by_id("reg-ashby"))
    # a month is a month, not "1901-04"
    april = doc.get_element_by_id("reg-date-1901-04")
    assert april.xpath(".//time[@datetime='1901-04']")[0].text == "April 1901"
    p1 = doc.get_element_by_id("x-p1")
    assert "April 1901" in tip(doc, p1.xpath(".//*[@data-reg='reg-date-1901-04']")[0])
    # a period said once: "8–10 March 1901"; a limit in words: "after 3 May 1901"
    note = doc.get_element_by_id("note-1")
    assert "8–10 March 1901" in tip(doc, note.xpath(".//*[contains(@class, 'ed-date')]")[-1])
    later = doc.get_element_by_id("x-p2").xpath(".//*[contains(@class, 'ed-date')]")[0]
    assert "after 3 May 1901" in tip(doc, later)
    # the capture date of the source page, in the About block
    assert "before 1 March 2025" in words(doc.get_element_by_id("about"))
    for el in doc.xpath("//*[@role='tooltip'] | //section[@id='registers']//time"):
        assert not re.search(r"\b\d{4}-\d{2}(-\d{2})?\b", words(el)), words(el)


@pytest.mark.parametrize("lang, april, period", [("de", "April 1901", "8.–10. März 1901"),
                                                 ("fr", "avril 1901", "8–10 mars 1901")])
def test_dates_in_the_label_language(lang, april, period):
    doc = html(REPORT, (("lang", lang),))
    assert doc.get_element_by_id("reg-date-1901-04").xpath(".//time")[0].text == april
    note = doc.get_element_by_id("note-1")
    assert period in tip(doc, note.xpath(".//*[contains(@class, 'ed-date')]")[-1])


# -- certainty --------------------------------------------------------------------------------

def test_probable_and_uncertain_identifications_are_told_apart():
    doc = html()
    assert words(doc.get_element_by_id("reg-brandt").xpath(".//h4")[0]) == "Bruno Brandt (probable)"
    assert words(doc.get_element_by_id("reg-dunn").xpath(".//h4")[0]) == "Dunn (uncertain)"
    assert "Foreman (from 1899) (probable)" in words(doc.get_element_by_id("reg-dunn"))
    p1 = doc.get_element_by_id("x-p1")
    brandt = p1.xpath(".//*[@data-reg='reg-brandt']")[0]
    dunn = p1.xpath(".//*[@data-reg='reg-dunn']")[0]
    assert "(probable)" in tip(doc, brandt) and "(uncertain)" in tip(doc, dunn)
    # the "?" mark goes after the doubtful name only, and the legend says what it means
    assert "ed-doubtful" in dunn.get("class") and "ed-doubtful" not in brandt.get("class")
    legend = words(doc.xpath("//section[@id='text']//aside[contains(@class, 'ed-legend')]")[0])
    assert "? after a name: its identification is uncertain (low certainty)" in legend
    assert "“probable”" in legend and "medium certainty" in legend


def test_no_legend_without_doubt():
    letter = Path(__file__).parent / "fixtures" / "common" / "letter.xml"
    assert not html(letter).xpath("//*[contains(@class, 'ed-legend')]")


def test_telegram_legend_and_fedorenko():
    doc = html(TELEGRAM)
    assert "(probable)" in words(doc.get_element_by_id("reg-fedorenko").xpath(".//h4")[0])
    assert "(uncertain)" in words(doc.get_element_by_id("reg-li-don-gen").xpath(".//h4")[0])
    assert doc.xpath("//section[@id='text']//*[contains(@class, 'ed-legend')]")
    doubtful = doc.xpath("//section[@id='text']//*[contains(@class, 'ed-doubtful')]")
    assert {m.get("data-reg") for m in doubtful} == {"reg-li-don-gen"}


# -- back links ---------------------------------------------------------------------------------

def test_back_links_say_where():
    doc = html(TELEGRAM)
    labels = [words(a) for a in doc.xpath("//section[@id='registers']//a[contains(@class, 'ed-backlink')]")]
    assert not [label for label in labels if re.fullmatch(r"Text \d+", label)]
    assert {"¶1", "¶4", "note 5", "heading", "item 1"} <= {re.sub(r" \(\d+\)$", "", x) for x in labels}
    nam_il = [words(a) for a in doc.get_element_by_id("reg-nam-il").xpath(".//a[contains(@class, 'ed-backlink')]")]
    assert "¶4 (2)" in nam_il  # two mentions in ¶4: one link to the first, with the count
    for a in doc.xpath("//section[@id='registers']//a[contains(@class, 'ed-backlink')]"):
        assert doc.get_element_by_id(a.get("href")[1:]) is not None


# -- the quoted summary -------------------------------------------------------------------------

@pytest.mark.parametrize("path", [REPORT, TELEGRAM], ids=["report", "telegram"])
def test_quoted_summary_says_sic_everywhere(path):
    doc = html(path)
    sic = "than [sic]"
    assert sic in words(doc.get_element_by_id("about").xpath(".//div[contains(@class, 'ed-row-abstract')]")[0])
    for name in ("DC.description", "citation_abstract"):
        assert sic in meta(doc, name)[0], name
    assert sic in json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)["abstract"]
    assert sic in json.loads(download(doc, "cite-csl"))[0]["abstract"]
    assert "AB  - " in download(doc, "cite-ris") and sic in download(doc, "cite-ris")
    assert sic in download(doc, "cite-bibtex")
    for text in (meta(doc, "DC.description")[0], download(doc, "cite-ris")):
        assert "then through" not in text and "then reopen" not in text
    # whose summary it is
    assert "Summary by" in words(doc.get_element_by_id("about"))


# -- header: relations, related documents, citations, rights ------------------------------------

def test_each_related_communication_is_labelled_by_its_relation():
    doc = html()
    rows = {words(r.xpath("dt")[0]): words(r.xpath("dd")[0]) for r in doc.xpath("//div[contains(@class, 'ed-row-context')]")}
    assert rows["Previous communication"].startswith("No. 12")
    assert rows["Instruction followed"].startswith("No. 9")
    telegram = words(html(TELEGRAM).get_element_by_id("about"))
    assert "Previous communication" in telegram and "In reply to" not in telegram


def test_related_documents_and_citations_link():
    doc = html()
    row = doc.xpath("//div[contains(@class, 'ed-row-related')]")[0]
    assert row.xpath(".//a[@href='https://example.org/archive/minutes-1901']")
    assert meta(doc, "DC.relation") == ["https://example.org/archive/minutes-1901"]
    # a citation whose @corresp names its entry in the list of sources links to that page
    assert doc.get_element_by_id("note-1").xpath(".//a[@href='sources.html#x-src-minutes']")
    telegram = html(TELEGRAM)
    related = telegram.xpath("//div[contains(@class, 'ed-row-related')]//li")
    assert len(related) >= 10
    assert telegram.xpath("//div[contains(@class, 'ed-row-related')]//a[@href='https://digitalarchive.wilsoncenter.org/document/113649']")
    assert telegram.xpath("//section[@id='notes']//a[@href='front/sources.html#x-src-113649']")
    # the list of sources is a page of its own, not a register of this one
    assert not telegram.xpath("//section[@id='registers']//h3[contains(., 'Digital Archive')]")


def test_ptr_shows_its_url_and_quantity_its_range():
    doc = html()
    p2 = doc.get_element_by_id("x-p2")
    assert p2.xpath(".//a[@href='https://example.org/mill'][. = 'https://example.org/mill']")
    quantity = p2.xpath(".//*[contains(@class, 'ed-quantity')]")[0]
    assert tip(doc, quantity) == "Quantity 30–40 looms"


def test_rights_are_the_availability_not_one_licence():
    rights = meta(html(TELEGRAM), "DC.rights")[0]
    assert "research and education" in rights and "not covered by this edition’s licence" in rights
    assert "https://creativecommons.org/licenses/by/4.0/" in rights
    assert rights != "https://creativecommons.org/licenses/by/4.0/"


# -- citation ------------------------------------------------------------------------------------

def test_chicago_archival_document_in_an_online_collection():
    doc = html(TELEGRAM)
    bibliography = words(doc.get_element_by_id("cite-document-bibliography"))
    assert bibliography == (
        "Kuznetsov, Vasily Vasilyevich, and Fedorenko. “Ciphered Telegram from Kuznetsov and "
        "Fedorenko in Pyongyang.” March 29, 1953. AVPRF, fond 059a, opis 5a, delo 5, papka 11, "
        "listy 120–122. Translated for CWIHP by Kathryn Weathersby. History and Public Policy "
        "Program Digital Archive, Wilson Center. Record ID 117036. Accessed before November 27, "
        "2026. https://digitalarchive.wilsoncenter.org/document/117036.")
    note = words(doc.get_element_by_id("cite-document-note"))
    assert note.startswith("Vasily Vasilyevich Kuznetsov and Fedorenko, “Ciphered Telegram")
    assert "listy 120–122, translated for CWIHP by Kathryn Weathersby," in note
    edition = doc.get_element_by_id("cite-edition-bibliography")
    assert words(edition).startswith("tei-edition project, ed. Ciphered Telegram from Kuznetsov")
    assert edition.xpath("cite")  # the edition's title in italics


def test_downloads_carry_the_same_fields():
    doc = html(REPORT, (("base-url", "https://example.org/ed"), ("page-path", "reports/report")))
    document, edition = json.loads(download(doc, "cite-csl"))
    assert document["URL"] == "https://example.org/archive/document/4711"
    assert document["accessed"] == {"date-parts": [[2025, 3, 1]]}
    assert document["archive"] == "County Record Office" and document["archive_location"] == "box 12, folios 3–5"
    assert document["source"] == "Example Digital Archive" and document["publisher"] == "Example Foundation"
    assert document["note"] == "Record ID 4711"
    assert edition["URL"] == "https://example.org/ed/reports/report.html"
    assert edition["editor"] == [{"literal": "Test Team"}] and edition["issued"] == {"date-parts": [[2025]]}
    ris = download(doc, "cite-ris").split("\r\n")
    for line in ("UR  - https://example.org/archive/document/4711", "Y2  - 2025/03/01",
                 "AN  - box 12, folios 3–5", "DB  - County Record Office", "DP  - Example Digital Archive",
                 "N1  - Record ID 4711", "UR  - https://example.org/ed/reports/report.html"):
        assert line in ris, line
    bib = download(doc, "cite-bibtex")
    assert "url = {https://example.org/archive/document/4711}" in bib and "urldate = {2025-03-01}" in bib
    assert "note = {County Record Office, box 12, folios 3–5. Record ID 4711}" in bib
    chicago = words(doc.get_element_by_id("cite-document-bibliography"))
    assert "Accessed before March 1, 2025. https://example.org/archive/document/4711." in chicago
    assert words(doc.get_element_by_id("cite-edition-bibliography")).endswith(
        "2025. https://example.org/ed/reports/report.html.")


# -- canonical URL and downloads --------------------------------------------------------------

def test_canonical_url_only_from_a_base_url():
    assert not html().xpath("//link[@rel='canonical']")
    doc = html(REPORT, (("base-url", "https://example.org/ed/"),))
    assert doc.xpath("//link[@rel='canonical']/@href") == ["https://example.org/ed/report.html"]
    assert meta(doc, "citation_public_url") == ["https://example.org/ed/report.html"]
    assert doc.xpath("//div[contains(@class, 'ed-row-page-url')]//a/@href") == ["https://example.org/ed/report.html"]
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative/"):
        assert not html(REPORT, (("base-url", bad),)).xpath("//link[@rel='canonical']"), bad


def test_download_links_name_the_files_beside_the_page():
    assert not html().xpath("//*[contains(@class, 'ed-downloads')]")
    doc = html(REPORT, (("downloads", "text,pdf,tei"), ("page-path", "reports/report")))
    links = doc.xpath("//header//p[contains(@class, 'ed-downloads')]//a")
    assert [(a.text, a.get("href")) for a in links] == [("TEI-XML", "report.xml"), ("PDF", "report.pdf"),
                                                        ("Plain text", "report.txt")]
    assert not doc.xpath("//@href[starts-with(normalize-space(.), 'javascript:')]")


# -- layout -------------------------------------------------------------------------------------

def test_the_document_comes_right_after_its_title():
    doc = html(TELEGRAM)
    main = doc.get_element_by_id("main")
    about = doc.get_element_by_id("about")
    assert about.xpath("details[not(@open)]/summary/h2"), "About this document, collapsed"
    order = [el.get("id") for el in main.xpath("section[@id] | div/section[@id]")]
    assert order[:3] == ["about", "text", "notes"]
    reading = main.xpath("div[contains(@class, 'ed-reading')]")[0]
    assert [s.get("id") for s in reading.xpath("section")] == ["text", "notes"]
    assert "ed-with-notes" in reading.get("class")
    assert "29 March 1953, Pyongyang" in words(doc.xpath("//header//p[contains(@class, 'ed-docline')]")[0])


# -- the build: downloads beside the page, the project's base URL -----------------------------

@pytest.mark.slow
def test_build_writes_the_downloads_the_page_links_and_reads_the_base_url(tmp_path):
    from conftest import run_cli

    (tmp_path / "pyproject.toml").write_text('[tool.tei-edition]\nbase-url = "https://example.org/ed/"\n',
                                             encoding="utf-8")
    for name in ("report.xml", "people.xml", "sources.xml"):
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / name).write_bytes((FIXTURES / name).read_bytes())
    result = run_cli("build", "src/report.xml", "--to", "html,text", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(tmp_path / "out" / "report.html")).getroot()
    links = page.xpath("//p[contains(@class, 'ed-downloads')]//a/@href")
    assert links == ["report.xml", "report.txt"]  # no PDF was built
    for href in links:
        assert (tmp_path / "out" / href).is_file(), href
    assert (tmp_path / "out" / "report.xml").read_bytes() == (FIXTURES / "report.xml").read_bytes()
    assert page.xpath("//link[@rel='canonical']/@href") == ["https://example.org/ed/report.html"]
    text = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    assert "Online: https://example.org/ed/report.html" in text
    # --param wins over the configuration; a base URL that is not http(s) is refused
    result = run_cli("build", "src/report.xml", "--to", "html", "-o", "out2", "-p", "base-url=https://other.example/",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "https://other.example/report.html" in (tmp_path / "out2" / "report.html").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.tei-edition]\nbase-url = "javascript:alert(1)"\n', encoding="utf-8")
    result = run_cli("build", "src/report.xml", "--to", "html", "-o", "out3", cwd=tmp_path)
    assert result.returncode == 2 and "base-url must be an http or https address" in result.stderr
    assert "pyproject.toml" in result.stderr
