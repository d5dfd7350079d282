"""The plain-text edition of every document in ../shared/corpus keeps all of its text.

For each file that parses and has a TEI <text>, the edition must build without error,
respect the layout rules, and contain every word of <text> (see edition_words for how
the two sides are compared: alphanumeric tokens, the normalised reading of choice), read
as a reader reads them: words broken by break="no" whole, w/pc tokens spaced as words and
punctuation (corpus_reading).
"""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, CORPUS_BUILD_GROUP, needs_shared
from corpus_reading import missing_readings
from edition_words import TEI, missing_words, source_text, words
from test_text_edition import columns
from toolkit.core import parse
from toolkit.core.tei import root_problem
from toolkit.core.errors import ToolkitError

pytestmark = [pytest.mark.corpus, CORPUS_BUILD_GROUP]


def _files():
    if not CORPUS.is_dir():  # one test that skips saying why, not an empty parameter set
        return [pytest.param(None, marks=needs_shared(), id="corpus")]
    return sorted(p for p in CORPUS.rglob("*.xml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_text_edition_keeps_all_words(path, corpus_build):
    try:
        tree = parse.parse_file(path)
    except ToolkitError:
        pytest.skip("does not parse (reported by validate, not an edition's concern)")
    if root_problem(tree, str(path)) is not None:  # a fragment, DraCor's corpus file
        assert any(line.endswith("[not-tei]") for line in corpus_build.lines(path))
        return
    texts = [t for t in tree.getroot().iter(TEI + "text")
             if not any(a.tag == TEI + "text" for a in t.iterancestors())]
    if not texts:
        pytest.skip("no TEI <text> (schema, ODD or register file)")
    built = corpus_build.output(path, ".txt")
    assert built.is_file(), corpus_build.lines(path)
    output = built.read_text(encoding="utf-8")
    assert output.endswith("\n") and not output.endswith("\n\n")
    for line in output.split("\n"):
        assert line == line.rstrip(), f"trailing space: {line!r}"
        assert columns(line) <= 72, f"line wider than 72 columns: {line!r}"
    source = sum((words(source_text(t)) for t in texts), words(""))
    # a word wider than the line, or a run of CJK characters, is broken across lines: its
    # pieces joined again count too
    rejoined = words(re.sub(r"\n[ \t]*", "", output))
    missing = missing_words(source, words(output) + rejoined)
    assert not missing, f"{len(missing)} words missing, e.g. {missing[:10]}"
    misread = missing_readings(texts, output)
    assert not misread, f"{len(misread)} words not read whole or tokens misspaced, e.g. {misread[:10]}"
