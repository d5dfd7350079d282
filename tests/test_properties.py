"""Property-based tests: random TEI trees and random byte mutations of real files go
through parse -> checks -> HTML and text transforms with no exception other than the
toolkit's own (``ToolkitError``), in bounded time.

Example counts are modest and the search is derandomized, so CI runs are reproducible
(``derandomize=True``: the same examples every run).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPUS, TELEGRAM
from toolkit.build import formats as transform
from toolkit.core.errors import ToolkitError
from toolkit.core.parse import parse_bytes
from toolkit.validate.engines.checks import run_checks

SETTINGS = settings(max_examples=50, derandomize=True, deadline=timedelta(seconds=20),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                    print_blob=True)

TEI_NS = "http://www.tei-c.org/ns/1.0"
INLINE = ["hi", "persName", "placeName", "orgName", "date", "ref", "ptr", "note", "lb", "pb",
          "q", "foreign", "title", "name", "term", "emph", "choice", "sic", "corr", "abbr",
          "expan", "add", "del", "unclear", "gap", "seg", "rs", "num", "measure", "quote"]
BLOCK = ["p", "div", "head", "list", "item", "lg", "l", "sp", "speaker", "stage", "table",
         "row", "cell", "figure", "opener", "closer", "salute", "signed", "dateline",
         "address", "addrLine", "postscript", "floatingText", "listBibl", "bibl"]
ATTRIBUTES = ["xml:id", "ref", "target", "when", "from", "to", "notBefore", "rend", "type",
              "n", "xml:lang", "corresp", "rendition", "style", "url", "facs", "who", "place"]


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


# text that is mostly legal XML, sometimes not (control characters): both must be handled
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
values = st.one_of(
    texts,
    st.sampled_from(["#a", "#b", "#missing", "#a #b", "http://example.org/x", "javascript:x()",
                     "1953-03-29", "1953-02-30", "--03", "2000-13", "", " ", "a b", "1st",
                     "ed:x", "#", "../../../etc/passwd", "data:text/html,x"]),
)


@st.composite
def elements(draw, depth: int = 0) -> str:
    name = draw(st.sampled_from(BLOCK + INLINE if depth < 6 else INLINE))
    attributes = draw(st.dictionaries(st.sampled_from(ATTRIBUTES), values, max_size=3))
    attrs = "".join(f' {k}="{_escape(v, True)}"' for k, v in attributes.items())
    children = []
    if depth < 8:
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.booleans()):
                children.append(draw(elements(depth + 1)))
            else:
                children.append(_escape(draw(texts)))
    return f"<{name}{attrs}>{''.join(children)}</{name}>"


@st.composite
def tei_documents(draw) -> bytes:
    title = _escape(draw(texts))
    body = "".join(draw(st.lists(elements(), min_size=1, max_size=4)))
    ids = '<p xml:id="a">a</p><p xml:id="b">b</p>'
    return (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>{title}</title>'
            f"</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
            f"</sourceDesc></fileDesc></teiHeader><text><body>{ids}{body}</body></text></TEI>"
            ).encode("utf-8", "surrogatepass")


def _pipeline(data: bytes, name: str = "generated.xml") -> None:
    """parse -> checks -> html + text; only ToolkitError may escape."""
    try:
        tree = parse_bytes(data, name)
    except ToolkitError as exc:
        assert exc.file == name and exc.line and exc.column
        return
    for finding in run_checks(tree, name):
        assert finding.file == name
    for fmt in ("html", "text"):
        try:
            result = transform.transform(tree, transform.FORMATS[fmt], {}, name)
        except ToolkitError:
            continue
        assert isinstance(result.output, str)


@SETTINGS
@given(tei_documents())
def test_random_tei_documents_never_raise_unexpected_errors(document):
    _pipeline(document)


def _seed_files() -> list[bytes]:
    seeds = [TELEGRAM.read_bytes()]
    for relative in ("frus-history/documents/1957-03-21-kennan-to-leopold.xml",
                     "swedracor/tei/agrell-hvarfor.xml",
                     "stylesheets/ss_Test_testnotes1.xml"):
        path = CORPUS / relative
        if path.is_file() and path.stat().st_size < 200_000:
            seeds.append(path.read_bytes())
    return seeds


SEEDS = _seed_files()

mutation = st.tuples(st.sampled_from(["flip", "insert", "delete", "duplicate"]),
                     st.floats(0, 1, allow_nan=False), st.binary(min_size=1, max_size=8))


@SETTINGS
@given(st.sampled_from(range(len(SEEDS))), st.lists(mutation, min_size=1, max_size=6))
def test_mutated_real_files_never_raise_unexpected_errors(seed, mutations):
    data = bytearray(SEEDS[seed])
    for kind, where, payload in mutations:
        at = int(where * (len(data) - 1))
        if kind == "flip":
            data[at] ^= payload[0] or 0xFF
        elif kind == "insert":
            data[at:at] = payload
        elif kind == "delete":
            del data[at:at + len(payload) * 16]
        else:
            data[at:at] = data[at:at + 200]
    _pipeline(bytes(data), "mutated.xml")


@pytest.mark.parametrize("data", [
    b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>",
    b"<a/>",
    "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>\u202e\ufeff\U0001F600"
    "</p></body></text></TEI>".encode(),
])
def test_degenerate_documents(data):
    _pipeline(data)
