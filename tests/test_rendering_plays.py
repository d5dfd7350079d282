"""A play as a reader reads it, in every format (common/drama.xsl, registers.xsl, signs.xsl).

Fixture tests/fixtures/rendering/play.xml (our own, encoded as DraCor encodes plays): a
cast list whose roles and descriptions are separate elements, front matter of facsimile
page breaks without numbers and omitted pages, two acts of scenes, speeches whose @who
points to the particDesc, and back matter of data without text (persons with ids only, a
listRelation, a feature structure).
"""

from __future__ import annotations

import re

from rendering_tools import FIXTURES, fixtures_for, render, section, seen, squash

PLAY = FIXTURES / "play.xml"
CAST = ["EBBA, keeper of the light.", "NILS, her brother, a fisherman", "THE PILOT."]
LAST_LINE = "Light the lamp!"


page, printed, text, pdf = fixtures_for(PLAY)


# --- cast lists: one line per cast item ---------------------------------------------------

def test_cast_items_are_one_line_in_html(page):
    items = page.xpath("//section[@id='text']//div[contains(@class,'tei-castItem')]")
    assert [seen(i) for i in items] == CAST
    for item in items:
        assert not item.xpath(".//div | .//p"), "role and roleDesc are phrases, not blocks"


def test_cast_items_are_one_line_in_text(text):
    lines = text.split("\n")
    for item in CAST:
        assert item in lines, (item, text)


def test_cast_items_are_one_line_in_print(printed, pdf):
    items = printed.xpath("//*[contains(@class,'castItem')]")
    assert [squash(i.text_content()) for i in items] == CAST
    for item in CAST:
        assert item in pdf.split("\n"), item


# --- back matter data: nothing printed after the last line --------------------------------

def test_back_matter_data_is_not_printed(page, printed, text, pdf):
    back = page.xpath("//div[contains(@class,'tei-back')]")[0]
    assert not back.xpath(".//li") and seen(back) == ""
    assert seen(printed.xpath("//*[contains(@class,'back')]")[0]) == ""
    # the PDF: the last line, then the index on a page of its own (folio, running head)
    assert re.search(re.escape(LAST_LINE) + r" \d+ Index", squash(pdf)), pdf
    assert "•" not in pdf and "–\n" not in pdf
    body_text = text.split("\nIndex\n")[0]
    assert body_text.rstrip().endswith(LAST_LINE)
    assert "comedy" not in text.lower().split("a comedy in two acts")[-1]


# --- front matter: no run of page markers and gap signs -----------------------------------

def test_front_matter_opens_with_one_omission_sign(page, printed, text, pdf):
    front = seen(page.xpath("//div[contains(@class,'tei-front')]")[0])
    assert front.startswith("[…] Persons"), front
    assert "[page" not in section(page, "text")
    assert squash(printed.xpath("//*[contains(@class,'front')]")[0].text_content()).startswith("[…] Persons")
    assert re.search(r"\n\[…\]\n\nPersons\n", text), text
    assert re.search(r"\n\[…\]\nPersons\n", pdf) and pdf.count("[…]") == 1, pdf
    gap = page.xpath("//div[contains(@class,'tei-front')]//*[contains(@class,'ed-gap')]")
    assert len(gap) == 1 and gap[0].get("title").startswith("omitted by the editors")


def test_page_images_are_linked_and_safe(page):
    links = [a.get("href") for a in page.xpath("//section[@id='text']//*[contains(@class,'ed-pb')]//a")]
    assert links == ["scan-0.jpg", "scan-1.jpg", "scan-2.jpg", "scan-9.jpg"]
    assert "javascript" not in render("html", PLAY)


# --- contents of acts and scenes ----------------------------------------------------------

def test_html_has_contents_of_acts_and_scenes(page):
    nav = page.xpath("//section[@id='text']//nav[contains(@class,'ed-contents')]")
    assert len(nav) == 1
    tops = nav[0].xpath("./ul/li")
    assert [t.xpath("./a")[0].text for t in tops] == ["Act One", "Act Two"]
    assert [a.text for a in tops[0].xpath("./ul/li/a")] == ["Scene 1", "Scene 2"]
    for link in nav[0].xpath(".//a"):
        target = page.get_element_by_id(link.get("href")[1:])
        assert squash(target.xpath("./h3|./h4")[0].text_content()) == link.text


# --- speeches are mentions of those who speak them ----------------------------------------

def test_speakers_are_mentioned_in_the_register(page):
    entries = {seen(li.xpath("./h4")[0]): li for li in
               page.xpath("//section[@id='registers']//li[contains(@class,'ed-entry-person')]")}
    assert set(entries) == {"Ebba", "Nils", "The Pilot", "A Sailor"}
    # the sailor is named nowhere in the text: he only speaks (the play's sixth speech)
    assert seen(entries["A Sailor"]).endswith("Mentions: Speech 6"), seen(entries["A Sailor"])
    ebba = seen(entries["Ebba"])
    assert "Not mentioned" not in ebba
    # named in the cast list, then speaker of the first, third and fifth speeches ("BOTH")
    assert ebba.endswith("Mentions: Text Speech 1 Speech 3 Speech 5"), ebba
    for link in entries["Ebba"].xpath(".//a[contains(@class,'ed-backlink')]"):
        assert page.get_element_by_id(link.get("href")[1:]) is not None


def test_speakers_are_in_the_text_and_print_indexes(text, pdf):
    index = text.split("\nIndex\n")[1]
    assert "- A Sailor" in index and "- The Pilot" in index
    # the PDF's index (Typst): a role named with an article files under its noun, as written
    index = pdf.split("\nIndex\n")[-1]
    assert re.search(r"^A Sailor — \d+$", index, re.M) and re.search(r"^The Pilot — \d+$", index, re.M), index
