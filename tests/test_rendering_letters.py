"""A letter as a reader reads it, in every format.

Fixture tests/fixtures/rendering/letter.xml (our own): correspAction type="sending" and
"receiving", an msIdentifier with empty parts, a sic and an unclear word outside choice, a
column break, an envelope as div type="envelope" without a head, and a publication date in
the header (not a date of the text).
"""

from __future__ import annotations

import pytest

from rendering_tools import FIXTURES, fixtures_for, render, section, seen, squash, words_in_order

LETTER = FIXTURES / "letter.xml"
FIELDS = {"From": "Siobhán Byrne", "To": "Tomás Walsh, Dublin", "Date": "3 May 1916, Galway",
          "Archival identifier": "Byrne family papers"}
MARKED = "Your parcel was recieved [sic] on Tuesday(?), and the boots fit well."


page, printed, text, pdf = fixtures_for(LETTER)


def rows(page) -> dict[str, str]:
    return {seen(r.xpath("./dt")[0]): seen(r.xpath("./dd")[0])
            for r in page.xpath("//section[@id='about']//div[contains(@class,'ed-row')]")}


def test_sending_and_receiving_in_html(page):
    about = rows(page)
    assert about["Sent by"] == "Siobhán Byrne"
    assert about["Sent to"] == "Tomás Walsh, Dublin"
    assert about["Date"] == "3 May 1916" and about["Place"] == "Galway"
    assert about["Archival identifier"] == "Byrne family papers"


def test_sending_and_receiving_in_text(text):
    for label, value in FIELDS.items():
        assert f"\n{label}: {value}\n" in text, (label, text)


def test_sending_and_receiving_in_print(printed, pdf):
    page = printed.xpath("//section[contains(@class,'titlepage')]/dl")[0]
    fields = dict(zip((squash(dt.text_content()) for dt in page.xpath("./dt")),
                      (squash(dd.text_content()) for dd in page.xpath("./dd"))))
    assert fields == FIELDS
    assert words_in_order(squash(pdf), " ".join(f"{k} {v}" for k, v in FIELDS.items())), pdf


@pytest.mark.parametrize("fmt", ["html", "text", "print", "pdf"])
def test_sic_and_unclear_are_marked(fmt, page, text, printed, pdf):
    reading = {"html": lambda: section(page, "text"), "text": lambda: squash(text),
               "print": lambda: squash(printed.xpath("//div[@class='text']")[0].text_content()),
               "pdf": lambda: squash(pdf)}[fmt]()
    assert MARKED in reading


@pytest.mark.parametrize("fmt", ["html", "text", "print", "pdf"])
def test_envelope_is_labelled(fmt, page, text, printed, pdf):
    if fmt == "html":
        labels = page.xpath("//section[@id='text']//*[contains(@class,'type-envelope')]/*[contains(@class,'ed-div-label')]")
        assert labels[0].tag in ("h3", "h4")
        assert [seen(h) for h in labels] == ["Envelope"]
    elif fmt == "text":
        assert "\nEnvelope\n~~~~~~~~\n\nMr Tomás Walsh\n" in text
    elif fmt == "print":
        labels = printed.xpath("//*[contains(@class,'envelope')]/*[contains(@class,'div-label')]")
        assert [squash(h.text_content()) for h in labels] == ["Envelope"]
    else:
        assert "\nEnvelope\nMr Tomás Walsh\n" in pdf, pdf


def test_column_break_is_not_a_sign(page, text, printed, pdf):
    assert "‖" not in render("html", LETTER)
    for reading in (section(page, "text"), squash(text), squash(printed.text_content()), squash(pdf)):
        assert "the boats stay in." in reading


def test_header_dates_are_not_dates_mentioned(page):
    chronology = page.xpath("//section[contains(@class,'ed-register-dates')]//li")
    assert len(chronology) == 1
    assert seen(chronology[0].xpath(".//*[contains(@class,'ed-entry-name')]")[0]) == "3 May 1916"
    assert chronology[0].xpath(".//time/@datetime") == ["1916-05-03"]
    assert "2015" not in section(page, "registers")
