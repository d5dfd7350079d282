"""No script, javascript:/vbscript:/data: URL, event handler or unsafe CSS from a document reaches the page."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from toolkit.build import formats as transform
from toolkit.core.parse import parse_file

HOSTILE = Path(__file__).parent / "fixtures" / "html" / "hostile.xml"
OUR_SCRIPTS = {("ed-js", None), ("ed-jsonld", "application/ld+json")}


@pytest.fixture(scope="module")
def output() -> str:
    return transform.transform(parse_file(HOSTILE), transform.FORMATS["html"], {}, str(HOSTILE)).output


@pytest.fixture(scope="module")
def doc(output):
    return lxml.html.document_fromstring(output.encode("utf-8"))


def test_no_dangerous_scheme_anywhere(output):
    lowered = output.lower()
    for bad in ("javascript:", "vbscript:", "data:text", "data:image", "expression(", "@import", "behavior"):
        assert bad not in lowered, bad


def test_only_our_scripts(doc):
    scripts = {(s.get("id"), s.get("type")) for s in doc.iter("script")}
    assert scripts <= OUR_SCRIPTS
    assert "alert" not in doc.get_element_by_id("ed-js").text


def test_no_event_handler_attributes(doc):
    for el in doc.iter():
        if isinstance(el.tag, str):
            assert not [a for a in el.attrib if a.lower().startswith("on")], (el.tag, dict(el.attrib))


def test_links_and_sources_are_safe(doc):
    for attr in doc.xpath("//@href | //@src | //@action | //@formaction | //@xlink:href",
                          namespaces={"xlink": "http://www.w3.org/1999/xlink"}):
        value = re.sub(r"[\s\x00-\x1f]", "", attr).lower()
        assert value.startswith(("#", "https:", "http:", "mailto:")) or ":" not in value.split("/")[0] \
            or (value.startswith("data:") and attr.getparent().get("download")), attr
    assert doc.xpath("//a[@href='https://example.org/ok']")


def test_text_is_kept_as_text(doc):
    text = doc.text_content()
    for kept in ("click here", "spaced", "tabbed", "vb", "styled", "expr", "rendered", "Mallory"):
        assert kept in text
    assert "<script>alert(12)</script> shown as text." in text
    assert "[link removed]" in text


def test_styles_sanitised(doc):
    for style in doc.xpath("//@style"):
        assert "url(" not in style and "expression" not in style
    assert doc.xpath("//span[@style='color: green']")
    rendition = doc.get_element_by_id("ed-rendition").text
    assert "url(" not in rendition and "import" not in rendition
    assert ".rendition-ok { font-style: italic }" in rendition
    assert ".rendition-evil { color: red }" not in rendition or "@" not in rendition


def test_classes_from_rend_cannot_break_out(doc):
    hi = doc.xpath("//span[contains(@class,'rendition-ok')]")[0]
    assert set(hi.attrib) <= {"class", "lang", "id", "style", "title"}


def test_non_tei_root_and_tei_corpus_render():
    from lxml import etree
    other = etree.fromstring(b"<doc><script>alert(1)</script><p>plain words</p></doc>").getroottree()
    out = transform.transform(other, transform.FORMATS["html"], {}, "x").output
    html = lxml.html.document_fromstring(out.encode())
    assert "plain words" in html.text_content()
    assert {(s.get("id"), s.get("type")) for s in html.iter("script")} <= OUR_SCRIPTS
    corpus = etree.fromstring(b"""<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
      <titleStmt><title>C</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>
      </fileDesc></teiHeader>
      <TEI><teiHeader><fileDesc><titleStmt><title>One</title></titleStmt><publicationStmt><p/></publicationStmt>
      <sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>first<note>n1</note></p></body></text></TEI>
      <TEI><teiHeader><fileDesc><titleStmt><title>Two</title></titleStmt><publicationStmt><p/></publicationStmt>
      <sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>second<note>n2</note></p></body></text></TEI>
      </teiCorpus>""").getroottree()
    html = lxml.html.document_fromstring(transform.transform(corpus, transform.FORMATS["html"], {}, "c").output.encode())
    assert [h.text for h in html.xpath("//article/h3")] == ["One", "Two"]
    assert html.xpath("//li[@id='note-2']")
