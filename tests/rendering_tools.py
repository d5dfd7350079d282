"""Rendering a fixture in every format and reading it back as a reader would.

The HTML is read without what a reader does not see in the line of text: popups, text
for screen readers only, and the page and forme-work markers set in the margin. The PDF is
read with pdftotext. Each document is transformed once per test session.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from toolkit.build import formats
from toolkit.core.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "rendering"
#: Not part of the line a reader reads (popups, screen-reader text, marginal markers).
_OFF_LINE = ("//*[@role='tooltip'] | //*[contains(concat(' ', @class, ' '), ' ed-vh ')]"
             " | //*[contains(concat(' ', @class, ' '), ' ed-pb ')]"
             " | //*[contains(concat(' ', @class, ' '), ' ed-fw ')]")


#: Parameters of the WeasyPrint engine (its print HTML is read as a tree; Typst's PDF as text).
WEASYPRINT = (("pdf-engine", "weasyprint"),)


@lru_cache(maxsize=None)
def render(fmt: str, path: Path, params: tuple = ()) -> str:
    """The output of one format ('html', 'text', 'pdf' = the PDF stylesheet's output of the
    engine ``params`` choose: Typst markup by default, print HTML with WEASYPRINT)."""
    options = dict(params)
    return formats.transform(parse_file(path), formats.format_for(fmt, options), options, str(path)).output


@lru_cache(maxsize=None)
def pdf_text(path: Path, out_dir: Path, params: tuple = ()) -> str:
    """The text of the document's PDF (default engine: Typst) as pdftotext extracts it,
    words hyphenated at a line end joined (needs poppler-utils)."""
    from pdf_tools import dehyphenate, run
    from toolkit.build import pipeline

    target = out_dir / (path.stem + ".pdf")
    data, _warnings = pipeline.render_pdf(render("pdf", path, params), str(path), dict(params))
    target.write_bytes(data)
    return dehyphenate(run("pdftotext", "-enc", "UTF-8", str(target), "-"))


def fixtures_for(path: Path):
    """Module-scoped fixtures of one document's outputs, to assign in a test module:
    ``page, printed, text, pdf = fixtures_for(PATH)`` (the HTML page, the print HTML of the
    WeasyPrint engine, the plain text, the text of the PDF of the default engine, Typst)."""
    @pytest.fixture(scope="module")
    def page():
        return html_page(render("html", path))

    @pytest.fixture(scope="module")
    def printed():
        return print_page(path)

    @pytest.fixture(scope="module")
    def text():
        return render("text", path)

    @pytest.fixture(scope="module")
    def pdf(tmp_path_factory):
        from pdf_tools import need_poppler

        need_poppler()
        return pdf_text(path, tmp_path_factory.mktemp(path.stem))

    return page, printed, text, pdf


def print_page(path: Path):
    """The print HTML of the WeasyPrint engine, as a tree."""
    return html_page(render("pdf", path, WEASYPRINT))


def html_page(output: str):
    return lxml.html.document_fromstring(output.encode("utf-8"))


def seen(el) -> str:
    """The text of an HTML element as a reader sees it in the line, whitespace normalised."""
    el = copy.deepcopy(el)
    for off in el.xpath("." + _OFF_LINE.replace("| //", "| .//")):
        off.drop_tree()
    return squash(el.text_content())


def squash(text: str) -> str:
    return " ".join(text.split())


def section(page, section_id: str) -> str:
    """What a reader sees in one section of the HTML page (about, text, notes ...)."""
    return seen(page.get_element_by_id(section_id))


def words_in_order(text: str, phrase: str) -> bool:
    """True if ``phrase`` occurs in ``text`` with any run of whitespace between its words."""
    return re.search(r"\s+".join(map(re.escape, phrase.split())), text) is not None
