"""Words as a reader reads them, in every format (common/words.xsl).

Fixture tests/fixtures/rendering/words.xml (our own): words broken across line, page and
column breaks with break="no" after a soft hyphen (U+00AD) and after a hard hyphen, a page
break followed by forme work, and a tokenised passage (w/pc as in ELTeC level 2) with
whitespace before punctuation and none between words.
"""

from __future__ import annotations

import re

import pytest

from pdf_tools import need_poppler
from rendering_tools import FIXTURES, html_page, pdf_text, print_page, render, section, seen, squash

WORDS = FIXTURES / "words.xml"

#: Joined across a break after a soft hyphen: the hyphen is the source's, at its line end.
SOFT = ["harbour", "passengers", "lighthouse", "shipwrecks", "lamproom"]
#: Joined after a hard hyphen, which stays.
HARD = ["well-known", "north-east"]
TOKENS = ("The crocodile, sleepy and green; the river was calm. Alice's sister didn't hear "
          "(or listen). “Come here,” said the cat! \"Quiet\" she sighed —twice. inside out?")


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def reading(fmt: str) -> str:
    """The reading text of the HTML page, the text edition or the print HTML (WeasyPrint)."""
    if fmt == "text":
        return squash(render("text", WORDS))
    if fmt == "html":
        return section(html_page(render("html", WORDS)), "text")
    return seen(print_page(WORDS).find("body"))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    need_poppler()
    return squash(pdf_text(WORDS, tmp_path_factory.mktemp("words")))


@pytest.mark.parametrize("fmt", ["html", "text", "print"])
def test_words_joined_across_breaks(fmt):
    text = reading(fmt)
    for word in SOFT + HARD:
        assert has_word(text, word), (word, text)
    assert "\u00ad" not in text
    assert "har bour" not in text and "light house" not in text and "2house" not in text


@pytest.mark.parametrize("fmt", ["html", "text", "print"])
def test_tokens_spaced_as_words(fmt):
    assert TOKENS in reading(fmt)


def test_pdf_text_has_the_joined_words(pdf):
    """The PDF of the default engine (Typst)."""
    assert "\u00ad" not in pdf and "har bour" not in pdf and "light house" not in pdf
    for word in SOFT:
        assert has_word(pdf, word), word
    # pdftotext joins a word hyphenated at a line end itself: either form is the word
    for word in HARD:
        assert word in pdf or word.replace("-", "") in pdf, word
    assert TOKENS in pdf


def test_page_break_inside_a_word_keeps_its_image_link():
    page = html_page(render("html", WORDS))
    link = page.xpath("//section[@id='text']//*[contains(@class,'ed-pb')]//a")
    assert [a.get("href") for a in link] == ["page-2.png"]
    assert "lighthouse" in seen(page.get_element_by_id("text"))
