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


@lru_cache(maxsize=None)
def render(fmt: str, path: Path, params: tuple = ()) -> str:
    """The output of one format ('html', 'text', 'pdf' = the print HTML) for a document."""
    return formats.transform(parse_file(path), formats.FORMATS[fmt], dict(params), str(path)).output


@lru_cache(maxsize=None)
def pdf_text(path: Path, out_dir: Path) -> str:
    """The PDF's text as pdftotext extracts it (needs poppler-utils)."""
    from pdf_tools import run
    from toolkit.build import pdf

    target = out_dir / (path.stem + ".pdf")
    target.write_bytes(pdf.render_pdf(render("pdf", path), str(path)))
    return run("pdftotext", "-enc", "UTF-8", str(target), "-")


def fixtures_for(path: Path):
    """Module-scoped fixtures of one document's outputs, to assign in a test module:
    ``page, printed, text, pdf = fixtures_for(PATH)`` (the HTML page, the print HTML, the
    plain text, the PDF's text)."""
    @pytest.fixture(scope="module")
    def page():
        return html_page(render("html", path))

    @pytest.fixture(scope="module")
    def printed():
        return html_page(render("pdf", path))

    @pytest.fixture(scope="module")
    def text():
        return render("text", path)

    @pytest.fixture(scope="module")
    def pdf(tmp_path_factory):
        from pdf_tools import need_poppler

        need_poppler()
        return pdf_text(path, tmp_path_factory.mktemp(path.stem))

    return page, printed, text, pdf


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
