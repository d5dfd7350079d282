"""``tei-edition site`` of the bundled edition, in an empty folder: every page the issue
asks for, the register pages with mentions that land where they say, the downloads, CMIF,
the sitemap and JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from pdf_tools import need_poppler, page_texts, run as poppler
from site_helpers import build, page

TEI = "{http://www.tei-c.org/ns/1.0}"
TELEGRAM = "telegram-1953-03-29"
FRONT = ("introduction", "principles", "sources", "abbreviations", "chronology")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("empty")
    run = build(cwd=folder)
    assert run.returncode == 0, run.stderr
    return folder / "site"


def test_an_empty_folder_gets_the_whole_site(site):
    for name in ("index.html", f"{TELEGRAM}.html", "persons.html", "places.html",
                 "organisations.html", "chronology.html", "search.html", "cmif.xml",
                 "sitemap.xml", "pagefind/pagefind.js", "pagefind/pagefind-entry.json",
                 "assets/site.js", "assets/site.css", "assets/search.js",
                 *(f"front/{name}.html" for name in FRONT)):
        assert (site / name).is_file(), name
    assert not (site / "registers.html").exists()  # a register file is not a document


def test_the_document_page_offers_its_tei_text_and_pdf(site):
    doc = page(site / f"{TELEGRAM}.html")
    links = doc.xpath("//*[contains(@class,'ed-downloads')]//a/@href")
    assert sorted(links) == sorted([f"{TELEGRAM}.xml", f"{TELEGRAM}.txt", f"{TELEGRAM}.pdf"])
    assert all((site / link).is_file() for link in links)
    assert "Kim Il Sung" in (site / f"{TELEGRAM}.txt").read_text(encoding="utf-8")
    assert etree.parse(str(site / f"{TELEGRAM}.xml")).getroot().tag == TEI + "TEI"
    assert doc.xpath("//main/@data-pagefind-body") == [""]
    filters = doc.xpath("//main//@data-pagefind-filter")
    assert "year:1953" in filters and "type:correspondence" in filters
    assert any(f.startswith("sender:") and "Kuznetsov" in f for f in filters)


def test_the_pdf_download_is_the_print_edition_as_build_makes_it(site):
    need_poppler()
    pdf = site / f"{TELEGRAM}.pdf"
    assert "Typst" in poppler("pdfinfo", str(pdf))  # the default engine
    first = page_texts(pdf)[0]
    assert "Ciphered telegram" in first and "#show" not in first


def test_the_canonical_url_and_citations_use_the_base_url(tmp_path):
    (tmp_path / "edition.toml").write_text('base-url = "https://example.org/ed/"\n')
    run = build("--downloads", "tei", "--no-search", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    doc = page(tmp_path / "site" / f"{TELEGRAM}.html")
    assert doc.xpath("//link[@rel='canonical']/@href") == [f"https://example.org/ed/{TELEGRAM}.html"]
    intro = page(tmp_path / "site" / "front" / "introduction.html")
    assert intro.xpath("//link[@rel='canonical']/@href") == ["https://example.org/ed/front/introduction.html"]
    assert f"https://example.org/ed/{TELEGRAM}.html" in (tmp_path / "site" / "sitemap.xml").read_text()


def test_front_matter_pages_link_each_other_in_order(site):
    intro = page(site / "front" / "introduction.html")
    assert intro.xpath("//a[@rel='next']/@href") == ["../front/principles.html"]
    assert intro.xpath("//nav[contains(@class,'site-nav')]//a/@href")[0] == "../index.html"
    index = page(site / "index.html")
    assert index.xpath("//section[contains(@class,'site-front')]//a/@href") == [
        f"front/{name}.html" for name in FRONT]


def test_index_lists_the_telegram_with_its_metadata(site):
    index = page(site / "index.html")
    rows = index.xpath("//table[@id='site-documents-table']/tbody/tr")
    assert len(rows) == 1
    cells = [c.text_content().strip() for c in rows[0].xpath("td")]
    assert cells[0] == "29 March 1953" and "Ciphered telegram" in cells[1]
    assert "Kuznetsov" in cells[2] and "Fedorenko" in cells[2]
    assert cells[3] == "Moscow" and cells[4] == "Pyongyang"
    assert rows[0].xpath("td[2]/a/@href") == [f"{TELEGRAM}.html"]


def test_a_person_lists_every_mention_in_every_document_and_each_link_lands(site):
    persons = page(site / "persons.html")
    kim = persons.get_element_by_id("kim-il-sung")
    assert "김일성" in kim.text_content() and "1912" in kim.text_content()
    links = kim.xpath(".//a[@class='site-mention']/@href")
    documents = {href.split("#")[0] for href in links}
    assert {f"{TELEGRAM}.html", "front/introduction.html", "front/chronology.html"} <= documents
    telegram_ids = set(page(site / f"{TELEGRAM}.html").xpath("//@id"))
    in_telegram = [h.split("#")[1] for h in links if h.startswith(TELEGRAM)]
    assert len(in_telegram) > 10 and set(in_telegram) <= telegram_ids
    for href in links:
        target, anchor = href.split("#")
        assert anchor in set(page(site / target).xpath("//@id")), href


def test_register_notes_link_to_other_entries(site):
    persons = page(site / "persons.html")
    links = persons.get_element_by_id("kim-il-sung").xpath(".//p[@class='site-note']//a/@href")
    assert "organisations.html#dprk" in links
    assert page(site / "organisations.html").get_element_by_id("dprk") is not None


def test_places_and_organisations_have_their_entries(site):
    places = page(site / "places.html")
    assert "Panmunjom" in places.get_element_by_id("panmunjom").text_content()
    assert page(site / "events.html").get_element_by_id("korean-war") is not None


def test_the_chronology_holds_events_documents_and_front_matter_entries_in_order(site):
    chronology = page(site / "chronology.html")
    items = chronology.xpath("//ol[@class='site-chronology']/li")
    dates = [li.xpath("string(.//time/@datetime)") for li in items]
    assert [d for d in dates if d] == sorted(d for d in dates if d)
    kinds = {li.get("class") for li in items}
    assert kinds == {"site-event-entry", "site-document-entry", "site-chronology-entry"}
    telegram = [li for li in items if li.xpath(f".//a[@href='{TELEGRAM}.html']")]
    assert telegram and telegram[0].xpath("string(.//time/@datetime)") == "1953-03-29"


def test_cmif_has_the_required_header_and_both_correspondence_actions(site):
    ns = {"t": TEI[1:-1]}
    cmif = etree.parse(str(site / "cmif.xml"))
    header = cmif.find(f"{TEI}teiHeader")
    assert header.findtext(f".//{TEI}titleStmt/{TEI}title") == "The ciphered telegram of 29 March 1953"
    assert header.find(f".//{TEI}titleStmt/{TEI}editor") is not None
    assert header.findtext(f".//{TEI}publicationStmt/{TEI}publisher")
    assert cmif.xpath("//t:publicationStmt/t:idno[@type='url']/text()", namespaces=ns) == ["cmif.xml"]
    assert cmif.xpath("//t:licence/@target", namespaces=ns) == ["https://creativecommons.org/licenses/by/4.0/"]
    assert cmif.xpath("//t:publicationStmt/t:date/@when", namespaces=ns)
    assert cmif.xpath("//t:sourceDesc/t:bibl/@type", namespaces=ns) == ["online"]
    corresp = cmif.xpath("//t:correspDesc", namespaces=ns)
    assert len(corresp) == 1 and corresp[0].get("ref") == f"{TELEGRAM}.html"
    assert corresp[0].get("source") == "#edition"
    sent, received = corresp[0].findall(f"{TEI}correspAction")
    assert sent.get("type") == "sent" and received.get("type") == "received"
    assert [p.text for p in sent.findall(f"{TEI}persName")] == [
        "Vasily Vasilyevich Kuznetsov", "Nikolai Trofimovich Fedorenko"]
    assert sent.findtext(f"{TEI}placeName") == "Pyongyang"
    assert sent.find(f"{TEI}date").get("when") == "1953-03-29"
    assert received.findtext(f"{TEI}placeName") == "Moscow"


def test_sitemap_lists_every_page(site):
    sitemap = etree.parse(str(site / "sitemap.xml"))
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for name in ("index.html", "persons.html", "chronology.html", f"{TELEGRAM}.html",
                 "front/introduction.html"):
        assert name in locs


@pytest.mark.parametrize("name", ["index.html", "persons.html", "chronology.html", "search.html",
                                  f"{TELEGRAM}.html"])
def test_every_page_carries_json_ld(site, name):
    blocks = page(site / name).xpath("//script[@type='application/ld+json']/text()")
    assert blocks
    data = [json.loads(b) for b in blocks]
    assert all(d["@context"] == "https://schema.org" for d in data)


def test_no_page_fetches_from_another_host(site):
    for html in site.rglob("*.html"):
        doc = page(html)
        for attr in doc.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src"):
            assert "://" not in attr, (html, attr)
