"""PDFs of a fixed sample of ../shared/corpus keep every word of the source's <text>.

A PDF of every corpus file takes too long for CI; scripts/corpus-pdf.sh runs the same
check over all of them. The words must also read whole where the source breaks them with
break="no" (corpus_reading; w/pc token spacing is read too, but the corpus has no ELTeC
level 2 text: tests/test_rendering_words.py and the style guide's words.xml hold it). The
sample covers the kinds of TEI the corpus holds:
"""

from __future__ import annotations

import pytest

from conftest import CORPUS, need_shared
from corpus_reading import missing_readings
from edition_words import TEI, source_text
from pdf_tools import dehyphenate, missing_words, need_poppler, pdf_counter, run

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

SAMPLE = {
    # FRUS: a telegram with opener/closer and FRUS-style notes; a letter
    "frus-history/documents/2002-08-19-athens-02867.xml": "telegram, FRUS notes",
    "frus-history/documents/1957-03-21-kennan-to-leopold.xml": "letter: salute, signed",
    # TEI Consortium test documents
    "stylesheets/p5_P5_Test_testcorpus.xml": "teiCorpus: table of contents, per-document notes",
    "stylesheets/ss_Test_testnotes1.xml": "notes of every kind, nested notes",
    "stylesheets/p5_P5_Test_testdrama.xml": "drama: sp, speaker, stage, castList",
    "stylesheets/p5_P5_Test_testchinese.xml": "CJK text",
    "stylesheets/ss_Test_testapp.xml": "critical apparatus: app, lem, rdg",
    "stylesheets/p5_P5_Test_testnames.xml": "names and particDesc/settingDesc registers: index",
    "stylesheets/ss_Test_test32.xml": "a respStmt with several resp (Slovenian)",
    # others
    "swedracor/tei/topelius-t-jeppe-och-murra.xml": "Swedish play, sp/@who to particDesc, words across lb break=no",
    "syriaca-data/data/persons/tei/3190.xml": "register entries in the body, Syriac script",
    "EasternNecropolisofConcordia_EpiDoc_project/inscriptions/artemisia.xml":
        "EpiDoc: Leiden signs, expan/ex, supplied, lb",
    "ELTeC-eng/level1/ENG18872_Lyall.xml": "novel: chapters, page breaks, running heads",
}


ENGINES = ("typst", "weasyprint")


def render(path, engine: str, params: dict | None = None) -> bytes:
    """The PDF of ``path`` by ``engine``, as ``build --to pdf`` makes it."""
    from toolkit.build import formats as transform
    from toolkit.build import pipeline
    from toolkit.core import parse

    params = {"pdf-engine": engine, **(params or {})}
    output = transform.transform(parse.parse_file(path), transform.format_for("pdf", params),
                                 params, str(path)).output
    return pipeline.render_pdf(output, str(path), params)[0]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("relative", sorted(SAMPLE), ids=lambda r: r.split("/")[-1])
def test_pdf_keeps_all_words(relative, engine, tmp_path):
    need_shared()
    need_poppler()
    from toolkit.core import parse

    path = CORPUS / relative
    tree = parse.parse_file(path)
    target = tmp_path / "out.pdf"
    target.write_bytes(render(path, engine))
    texts = [t for t in tree.getroot().iter(TEI + "text")
             if not any(a.tag == TEI + "text" for a in t.iterancestors())]
    source = sum((pdf_counter(source_text(t)) for t in texts), pdf_counter(""))
    text = run("pdftotext", "-enc", "UTF-8", str(target), "-")
    missing = missing_words(text, source)
    assert not missing, f"{len(missing)} words missing from the PDF, e.g. {missing[:12]}"
    misread = missing_readings(texts, dehyphenate(text))
    assert not misread, f"{len(misread)} words not read whole or tokens misspaced in the PDF: {misread[:12]}"


def corpus_pdf(relative: str, engine: str, tmp_path) -> "Path":
    """The PDF of a corpus document by ``engine`` (skips when ../shared is absent)."""
    need_shared()
    need_poppler()
    target = tmp_path / "out.pdf"
    target.write_bytes(render(CORPUS / relative, engine))
    return target


@pytest.mark.parametrize("engine", ENGINES)
def test_table_of_contents_of_a_tei_corpus(engine, tmp_path):
    """teiCorpus: a contents page lists each document with the page its title page is on."""
    import re

    from pdf_tools import page_texts

    pages = page_texts(corpus_pdf("stylesheets/p5_P5_Test_testcorpus.xml", engine, tmp_path))
    contents = next(p for p in pages if re.search(r"^Contents$", p, re.M))
    entries = re.findall(r"^(.+?)\s*(?:\. ?){3,}\s*(\d+)$", contents, re.M)  # leader dots
    assert len(entries) == 3, contents
    for title, number in entries:
        assert title.strip() in pages[int(number) - 1], (title, number)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_empty_list_items(engine, tmp_path):
    """A DraCor play's back matter (cast registers whose entries hold no text) gives no
    empty bullets: every list marker on a page has text after it."""
    target = corpus_pdf("swedracor/tei/agrell-en-hufvudsak.xml", engine, tmp_path)
    lines = run("pdftotext", "-layout", str(target), "-").splitlines()
    bare = [n for n, line in enumerate(lines) if line.strip() in ("•", "–", "◦", "-", "‣")]
    assert not bare, f"{len(bare)} empty list items"
