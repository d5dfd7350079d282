"""Every TEI document of ../shared/corpus renders to HTML without error and without losing text.

Text comparison: the words (\\w+) of the source <text> elements, split at every element
boundary (except word-internal line and column breaks and comments), must be a sub-multiset
of the words of the HTML split the same way (popups removed). The stylesheets split or merge
a text node of the source only where a word is broken by break="no" (the whitespace around
the break and a soft hyphen before it are not part of the word: common/words.xsl), so every
source word, so joined, survives as a word of the page.

Each page is also read as a reader reads it (corpus_reading): joined words, token spacing,
cast lists, list bullets, gap runs, page-image links, speakers in the register, header rows,
authors, archival identifiers, the dates mentioned and the citation's type and editors.
"""

from __future__ import annotations

import collections
import copy
import re

import lxml.html
import pytest
from lxml import etree

from conftest import CORPUS, CORPUS_BUILD_GROUP
from corpus_reading import missing_readings, page_problems, reading_text
from toolkit.core.errors import ToolkitError
from toolkit.core.parse import parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")


def _documents():
    if not CORPUS.is_dir():
        return []
    found = []
    for path in sorted(CORPUS.rglob("*.xml")):
        if "Schemas" in path.parts or path.name.endswith(".odd"):
            continue
        found.append(path)
    return found


def _join_at(m: etree._Element) -> None:
    """Remove the whitespace around a break="no" milestone, and a soft hyphen before it."""
    before = m.getprevious()
    if before is not None:
        before.tail = (before.tail or "").rstrip().removesuffix("\u00ad")
    elif m.getparent() is not None:
        m.getparent().text = (m.getparent().text or "").rstrip().removesuffix("\u00ad")
    m.tail = (m.tail or "").lstrip()


def _source_words(text: etree._Element) -> collections.Counter:
    text = copy.deepcopy(text)
    for m in list(text.iter(f"{TEI}lb", f"{TEI}cb", f"{TEI}gb", f"{TEI}pb")):
        if m.get("break") == "no" or m.get("type") == "hyphenInWord":
            if not any(a.tag in (f"{TEI}fw", f"{TEI}note") for a in m.iterancestors()):
                _join_at(m)
            if m.tag != f"{TEI}pb":
                m.tag = "STRIP"
    etree.strip_tags(text, etree.Comment, etree.ProcessingInstruction, "STRIP")
    return collections.Counter(WORD.findall(" ".join(text.itertext())))


def _html_words(output: str) -> collections.Counter:
    html = lxml.html.document_fromstring(output.encode("utf-8"))
    for tip in html.xpath("//*[@role='tooltip']"):
        tip.drop_tree()
    return collections.Counter(WORD.findall(" ".join(html.itertext())))


@pytest.mark.corpus
@pytest.mark.slow
@CORPUS_BUILD_GROUP
def test_corpus_renders_without_losing_text(corpus_build):
    checked, failures = 0, []
    for path in _documents():
        try:
            tree = parse_file(path)
        except ToolkitError:
            continue  # not well-formed or refused: the parser's tests cover these
        texts = [t for t in tree.getroot().iter(f"{TEI}text")
                 if not any(a.tag == f"{TEI}text" for a in t.iterancestors())]
        if not texts:
            continue
        page = corpus_build.output(path, ".html")
        if not page.is_file():
            failures.append(f"{path}: not built: {corpus_build.lines(path)}")
            continue
        source = collections.Counter()
        for text in texts:
            source += _source_words(text)
        missing = source - _html_words(page.read_text(encoding="utf-8"))
        if missing:
            failures.append(f"{path.relative_to(CORPUS)}: missing {sum(missing.values())} words, "
                            f"e.g. {list(missing.items())[:5]}")
        html = lxml.html.document_fromstring(page.read_bytes())
        misread = missing_readings(texts, reading_text(html))
        if misread:
            failures.append(f"{path.relative_to(CORPUS)}: {len(misread)} words not read whole or "
                            f"tokens misspaced, e.g. {misread[:5]}")
        failures += [f"{path.relative_to(CORPUS)}: {p}" for p in page_problems(tree, html)]
        told = [m for m in corpus_build.lines(path) if "without a specific rendering" in m
                and " in all, in " not in m]  # (not the end's count of a repeated message)
        assert len(told) <= 1, told
        checked += 1
    assert checked > 100
    assert not failures, "\n".join(failures)
