"""Header fields as fields, and citations that name editors as editors, in every format
(common/bibl.xsl, metadata.xsl; html/header.xsl, citation.xsl).

Fixtures (our own) in tests/fixtures/rendering/: novel.xml (an ELTeC-style header: an author
as catalogue text, sources whose parts have no separators, an undated empty date, an empty
idno and abstract), play.xml (an author with a Wikidata id and a URL, an editor and a
publisher that differ, a printed source), letter.xml (a letter in an archive).
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from conftest import TELEGRAM
from rendering_tools import FIXTURES, html_page, pdf_text, print_page, render, seen, squash, words_in_order

NOVEL, PLAY, LETTER = FIXTURES / "novel.xml", FIXTURES / "play.xml", FIXTURES / "letter.xml"
NOVEL_SOURCES = ["The Salt Road. Example Books <https://books.example.org/salt-road.html>",
                 "Carrow, Emily. The Salt Road. London: Example & Sons, 1881."]
PLAY_SOURCE = "Tove Lindqvist. The Lighthouse Keepers: A Comedy in Two Acts. Gothenburg: Harbour Press, 1894."


def rows(path) -> dict[str, object]:
    page = html_page(render("html", path))
    return {seen(r.xpath("./dt")[0]): r.xpath("./dd")[0]
            for r in page.xpath("//section[@id='about']//div[contains(@class,'ed-row')]")}


def text_fields(path) -> list[tuple[str, str]]:
    """(label, value) of the title block of the text edition, continuation lines joined."""
    block = next(b for b in render("text", path).split("\n\n") if re.match(r"[A-Z][\w ]*\w: ", b))
    fields = []
    for line in block.split("\n"):
        if line.startswith(" ") and fields:
            fields[-1] = (fields[-1][0], fields[-1][1] + " " + line.strip())
        elif ": " in line:
            label, value = line.split(": ", 1)
            fields.append((label, value))
    return fields


def print_fields(path) -> list[tuple[str, str]]:
    """(label, value) of the title page of the print HTML (WeasyPrint engine)."""
    dl = print_page(path).xpath("//section[contains(@class,'titlepage')]/dl")[0]
    return list(zip((squash(d.text_content()) for d in dl.xpath("./dt")),
                    (squash(d.text_content()) for d in dl.xpath("./dd"))))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    """The title pages of the fixtures' PDFs by the default engine (Typst), as text."""
    from pdf_tools import need_poppler

    need_poppler()
    out = tmp_path_factory.mktemp("header-pdf")
    return {p: squash(pdf_text(p, out)) for p in (NOVEL, PLAY, LETTER)}


def pdf_has_fields(pdf_page: str, fields: list[tuple[str, str]]) -> bool:
    """True if the PDF's text gives each label followed by its value, in order."""
    return words_in_order(pdf_page, " ".join(f"{label} {value}" for label, value in fields))


# --- authors: names, not authority ids -----------------------------------------------------

def test_author_is_a_name_in_every_format(pdf):
    assert seen(rows(PLAY)["Author"]) == "Tove Lindqvist"
    assert ("Author", "Tove Lindqvist") in text_fields(PLAY)
    assert ("Author", "Tove Lindqvist") in print_fields(PLAY)
    assert pdf_has_fields(pdf[PLAY], [("Author", "Tove Lindqvist"), ("Date", "1894")]), pdf[PLAY]
    for output in (render("html", PLAY), render("text", PLAY), render("pdf", PLAY),
                   render("pdf", PLAY, (("pdf-engine", "weasyprint"),)), pdf[PLAY]):
        assert "Q0000000" not in output and "authors.example.org" not in output


# --- sources: citations with their separators ----------------------------------------------

def test_sources_have_separators_in_every_format(pdf):
    sources = rows(NOVEL)["Source"].xpath(".//*[contains(@class,'ed-source')]")
    assert [seen(s) for s in sources] == [NOVEL_SOURCES[0].split(" <")[0], NOVEL_SOURCES[1]]
    assert sources[0].xpath(".//a/@href") == ["https://books.example.org/salt-road.html"]
    assert [v for k, v in text_fields(NOVEL) if k == "Source"] == NOVEL_SOURCES
    assert [v for k, v in print_fields(NOVEL) if k == "Source"] == NOVEL_SOURCES
    assert pdf_has_fields(pdf[NOVEL], [("Source", s) for s in NOVEL_SOURCES]), pdf[NOVEL]
    assert pdf_has_fields(pdf[PLAY], [("Source", PLAY_SOURCE)]), pdf[PLAY]
    assert seen(rows(PLAY)["Source"]) == PLAY_SOURCE
    assert ("Source", PLAY_SOURCE) in text_fields(PLAY)


# --- no empty rows, no empty parts ----------------------------------------------------------

def test_no_empty_rows_or_parts(pdf):
    novel = rows(NOVEL)
    assert all(seen(dd) for dd in novel.values()), {k: seen(v) for k, v in novel.items()}
    assert "Summary" not in novel and "Identifier" not in novel
    assert seen(novel["Published by"]) == "Example Novel Collection, 9 April 2021"
    assert seen(novel["Rights"]).startswith("https://licences.example.org/")
    letter = rows(LETTER)
    assert seen(letter["Archival identifier"]) == "Byrne family papers"
    for fields in (text_fields(LETTER), print_fields(LETTER)):
        assert ("Archival identifier", "Byrne family papers") in fields
    assert pdf_has_fields(pdf[LETTER], [("Archival identifier", "Byrne family papers")]), pdf[LETTER]
    # the imprint of the title page in print, by either engine: no empty parts
    imprint = squash(print_page(NOVEL).xpath("//*[contains(@class,'imprint')]")[0].text_content())
    for reading in (imprint, pdf[NOVEL]):
        assert "Published by Example Novel Collection, 9 April 2021." in reading, reading
        assert "Licence: https://licences.example.org/" in reading, reading
        assert ", ." not in reading and "Identifier: ." not in reading and not reading.endswith("Licence:")


# --- citations: editors as editors, publishers as publishers, a type from the TEI ----------

def citation(path) -> dict[str, object]:
    """The two records of the "Cite this" box (the document, this edition) in each form."""
    page = html_page(render("html", path))
    data = lambda name: urllib.parse.unquote(page.get_element_by_id(name).get("href").split(",", 1)[1])
    ris = data("cite-ris").split("\r\n")
    split = ris.index("ER  - ") + 1
    return {"document": seen(page.get_element_by_id("cite-document-bibliography")),
            "edition": seen(page.get_element_by_id("cite-edition-bibliography")),
            "edition-note": seen(page.get_element_by_id("cite-edition-note")),
            "csl": json.loads(data("cite-csl")), "ris": (ris[:split], ris[split:]),
            "bibtex": data("cite-bibtex").split("\n\n@"),
            "jsonld": json.loads(page.get_element_by_id("ed-jsonld").text)}


def test_citation_names_the_editor_as_editor_and_the_publisher_as_publisher():
    c = citation(PLAY)
    assert c["edition"].startswith("Mara Holm, ed. The Lighthouse Keepers"), c["edition"]
    assert "Example Drama Corpus." in c["edition"]
    for chicago in (c["document"], c["edition"], c["edition-note"]):
        assert "Example Drama Corpus, ed." not in chicago and "Edited by Example Drama Corpus" not in chicago
    document, edition = c["csl"]
    assert edition["editor"] == [{"literal": "Mara Holm"}] and edition["publisher"] == "Example Drama Corpus"
    assert "editor" not in document and "publisher" not in document
    assert "A3  - Mara Holm" in c["ris"][1] and "PB  - Example Drama Corpus" in c["ris"][1]
    assert "editor = {{Mara Holm}}" in c["bibtex"][1] and "editor" not in c["bibtex"][0]


def test_citation_of_a_publisher_without_editor_says_no_edited_by():
    c = citation(LETTER)
    assert ", ed." not in c["edition"] and "Example Letters Project" in c["edition"]
    assert "editor" not in c["csl"][1]


@pytest.mark.parametrize("path, csl, ris, bibtex, schema", [
    (PLAY, "book", "BOOK", "@book{", "Book"),
    (NOVEL, "book", "BOOK", "@book{", "Book"),
    (LETTER, "manuscript", "MANSCPT", "@misc{", "ArchiveComponent"),
    (TELEGRAM, "manuscript", "MANSCPT", "@misc{", "ArchiveComponent"),
], ids=["printed play", "printed novel", "letter in an archive", "telegram"])
def test_document_type_comes_from_the_tei(path, csl, ris, bibtex, schema):
    """The document's record has the type its source description says; the edition's is a book."""
    c = citation(path)
    assert [item["type"] for item in c["csl"]] == [csl, "book"]
    assert c["ris"][0][0] == f"TY  - {ris}" and c["ris"][1][0] == "TY  - BOOK"
    assert c["bibtex"][0].startswith(bibtex)
    assert c["jsonld"]["@type"] == schema


def test_book_titles_in_chicago_have_their_subtitle_and_no_quotes():
    assert citation(PLAY)["document"] == "Lindqvist, Tove. The Lighthouse Keepers: A Comedy in Two Acts. 1894."
    assert citation(NOVEL)["document"].startswith("Carrow, Emily. The Salt Road")
    assert "“" not in citation(NOVEL)["document"]
    assert citation(LETTER)["document"].startswith("Byrne, Siobhán. “Letter from Siobhán Byrne")
