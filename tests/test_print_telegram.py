"""The bundled telegram's PDF, built with the CLI as a user would, read back with poppler.

What a reader of the print edition relies on: all of the text, in reading order; each
footnote on the page of its call; index page numbers that lead to the mention; fonts
embedded and the Hangul and Cyrillic name forms extractable; metadata and tags.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import TELEGRAM, run_cli
from pdf_tools import (dark_pixels, is_subsequence, need_poppler, page_texts, pdf_tokens,
                       read_pgm, render_pages, run)

TEI = "{http://www.tei-c.org/ns/1.0}"
#: The blocks of the body: paragraphs, headings, opener, closer, and list entries (the
#: reference note's lemmas and items).
BLOCKS = tuple(TEI + name for name in ("p", "head", "opener", "closer", "label", "item"))
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    need_poppler()
    out = tmp_path_factory.mktemp("pdf")
    result = run_cli("build", "--to", "pdf", "-o", str(out), str(TELEGRAM))
    assert result.returncode == 0, result.stderr
    path = out / "telegram-1953-03-29.pdf"
    assert path.is_file()
    return path


@pytest.fixture(scope="module")
def pages(pdf):
    return page_texts(pdf)


@pytest.fixture(scope="module")
def tei():
    return etree.parse(str(TELEGRAM))


def _text_without_notes(el) -> str:
    """The element's text with its notes left out (a note's tail is kept)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == TEI + "note":
            parts.append(" ")
        elif child.tag == TEI + "choice":
            chosen = child.find(TEI + "corr")
            parts.append(_text_without_notes(chosen if chosen is not None else child[0]))
        else:
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _body_blocks(tei):
    body = tei.find(f"{TEI}text/{TEI}body")
    return [el for el in body.iter(*BLOCKS)]


def test_all_text_in_reading_order(tei, pages):
    """Every paragraph, heading, opener and closer of the body, in document order: each
    one's words appear in the PDF in order (footnote text and running heads may come
    between them)."""
    haystack = pdf_tokens("\n".join(pages))
    position = 0
    for block in _body_blocks(tei):
        words = pdf_tokens(_text_without_notes(block))
        found = is_subsequence(words, haystack, position)
        assert found >= 0, f"{block.get('{http://www.w3.org/XML/1998/namespace}id')}: not in order"
        # the next block starts after this block's first word
        position = haystack.index(words[0], position)


def test_footnotes_on_the_page_of_their_call(tei, pages):
    """Each note's text is on a page that also holds the words just before its call."""
    notes = list(tei.find(TEI + "text").iter(TEI + "note"))
    assert len(notes) >= 11
    tokens = [pdf_tokens(p) for p in pages]
    for number, note in enumerate(notes, 1):
        note_words = pdf_tokens(_text_without_notes(note))[:8]
        note_pages = [i for i, t in enumerate(tokens) if is_subsequence(note_words, t) >= 0]
        assert note_pages, f"note {number} not found"
        # the words before the call: the end of the text preceding the note in its block
        block = note.getparent()
        while block.tag not in BLOCKS:
            block = block.getparent()
        marker = "\uE000"
        clone = etree.fromstring(etree.tostring(block))
        for n in clone.iter(TEI + "note"):
            if n.get("{http://www.w3.org/XML/1998/namespace}id") == note.get("{http://www.w3.org/XML/1998/namespace}id"):
                n.clear()
                n.text = marker
        text = "".join(clone.itertext())
        other = re.compile("|".join(re.escape("".join(n.itertext())) for n in block.iter(TEI + "note")
                                    if n is not note and "".join(n.itertext())) or "$^")
        before = pdf_tokens(other.sub(" ", text.split(marker)[0]))[-3:]
        call_pages = [i for i, t in enumerate(tokens) if is_subsequence(before, t) >= 0]
        assert set(note_pages) & set(call_pages), (
            f"note {number}: text on page(s) {[p + 1 for p in note_pages]}, "
            f"call after {before} on page(s) {[p + 1 for p in call_pages]}")


def _index_entries(pages):
    """(name, [page numbers]) of the index lines "Name (forms) dates 4, 5"."""
    start = next(i for i, p in enumerate(pages) if re.search(r"^Index\s*$", p, re.M)
                 and "Persons" in p)
    text = "\n".join(pages[start:])
    entries = []
    for line in text.splitlines():
        match = re.match(r"^(?P<name>[A-Z][^(\d]*?)(?: \(.*\))?(?: (?:b\. |d\. )?\d{4}(?:–\d{4})?)? (?P<pages>\d+(?:, \d+)*)$", line)
        if match:
            entries.append((match.group("name").strip(), [int(n) for n in match.group("pages").split(", ")]))
    return entries, start


def test_index_page_numbers_lead_to_the_mentions(tei, pages):
    entries, start = _index_entries(pages)
    names = {e[0] for e in entries}
    assert {"Kim Il Sung", "Nam Il", "Pyongyang", "Panmunjom", "Moscow"} <= names, names
    register = {}
    for entry in tei.iter(TEI + "person", TEI + "org", TEI + "place"):
        main = entry.find("*[@type='main']")
        main = main if main is not None else entry[0]
        register[" ".join("".join(main.itertext()).split())] = entry.get("{http://www.w3.org/XML/1998/namespace}id")
    text = tei.find(TEI + "text")
    # a register note wrapped in the index may end a line with a number: not an entry
    entries = [(name, numbers) for name, numbers in entries if name in register]
    for name, numbers in entries:
        ident = register[name]
        mentions = {" ".join("".join(m.itertext()).split()) for m in text.iter()
                    if isinstance(m.tag, str) and f"#{ident}" in (m.get("ref") or "").split()}
        assert mentions, name
        assert numbers == sorted(set(numbers)), f"{name}: {numbers} (repeated or unsorted)"
        for number in numbers:
            assert number <= start, f"{name}: page {number} is in the index itself"
            page = " ".join(pages[number - 1].split())
            assert any(m in page for m in mentions), f"{name}: no mention on page {number}"


def test_fonts_embedded_and_name_forms_extract(pdf, pages):
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert line.split()[-5] == "yes", line  # emb column
    families = " ".join(fonts)
    assert "DejaVu" in families and "Nanum" in families
    text = "\n".join(pages)
    for form in ("김일성", "Ким Ир Сен", "평양", "Пхеньян", "Особая папка", "中华人民共和国"):
        assert form in text, form


def test_metadata_and_tags(pdf):
    info = run("pdfinfo", str(pdf))
    assert re.search(r"^Title:\s+Ciphered telegram from Kuznetsov and Fedorenko", info, re.M)
    assert re.search(r"^Author:\s+.*Kuznetsov.*Fedorenko", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)


def test_title_page_and_about_page(pages):
    first = " ".join(pages[0].split())
    for value in ("Ciphered telegram", "Kathryn Weathersby", "fond 059a", "29 March 1953", "AVPRF"):
        assert value in first, value
    # the Leon Levy Foundation supported the archive's page, not this edition (issue 16)
    assert "Funded by" not in first
    about = " ".join(" ".join(pages[1:4]).split())
    for value in ("About this edition", "Publication", "Encoding", "Changes", "CC BY 4.0"):
        assert value in about, value


def test_pages_are_drawn(pdf, pages, tmp_path):
    """Page 1 is not blank; a page with footnotes has ink at its foot."""
    images = render_pages(pdf, tmp_path)
    assert len(images) == len(pages)
    width, height, pixels = read_pgm(images[0])
    assert dark_pixels(pixels, width, 0, height) > 500
    with_notes = next(i for i, p in enumerate(pages) if "Special File" in p and "Ed." in p)
    width, height, pixels = read_pgm(images[with_notes])
    # the footnote area: the lowest quarter above the page number
    assert dark_pixels(pixels, width, int(height * 0.72), int(height * 0.90)) > 300
