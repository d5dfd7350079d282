"""XSD: libxml2 decides first, xmlschema explains; both must give the same verdicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from conftest import ROOT, TELEGRAM
from toolkit.validate.engines import xsd
from toolkit.core.parse import parse_bytes

FIX = Path(__file__).parent / "fixtures" / "validate"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'
LETTERS = {
    "valid": f'<TEI {TEI}><title>t</title><p n="1">a</p></TEI>',
    "bad-int": f'<TEI {TEI}><title>t</title><p n="x">a</p></TEI>',
    "missing": f'<TEI {TEI}><p>a</p></TEI>',
    "extra": f'<TEI {TEI}><title>t</title><p>a</p><q/></TEI>',
    "order": f'<TEI {TEI}><p>a</p><title>t</title></TEI>',
}


def _telegram_variants():
    src = TELEGRAM.read_text(encoding="utf-8")
    yield "telegram", src
    yield "bad-date", src.replace('when="1953-03-29"', 'when="1953-02-30"', 1)
    yield "bad-element", re.sub(r"<persName\b", "<persname", src, count=1).replace(
        "</persName>", "</persname>", 1)


def _verdicts(schema_path: Path, text: str) -> tuple[bool, bool, bool]:
    tree = parse_bytes(text.encode("utf-8"), "doc.xml")
    libxml2 = etree.XMLSchema(etree.parse(str(schema_path))).validate(tree)
    reference = xmlschema.XMLSchema10(str(schema_path.resolve())).is_valid(
        xmlschema.XMLResource(tree, allow="none"))
    ours = not xsd.load(schema_path).findings(tree, "doc.xml")
    return libxml2, reference, ours


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_parity_on_small_schema(name):
    libxml2, reference, ours = _verdicts(FIX / "letter.xsd", LETTERS[name])
    assert libxml2 == reference == ours == (name == "valid")


@pytest.mark.parametrize("name,text", list(_telegram_variants()), ids=lambda v: v[:12])
def test_parity_on_edition_schema(name, text):
    schema = ROOT / "schemas" / "edition.xsd"
    libxml2, reference, ours = _verdicts(schema, text)
    assert libxml2 == reference == ours == (name == "telegram")


def test_xsd11_goes_to_xmlschema():
    schema = xsd.load(FIX / "letter11.xsd")
    assert schema.version == "1.1" and schema.libxml2 is None
    four = f'<TEI {TEI}><title>t</title><p>1</p><p>2</p><p>3</p><p>4</p></TEI>'
    found = schema.findings(parse_bytes(four.encode(), "d.xml"), "d.xml")
    assert found and "assertion" in found[0].message


def test_errors_are_located():
    tree = parse_bytes(f'<TEI {TEI}>\n<title>t</title>\n<p n="x">a</p></TEI>'.encode(), "d.xml")
    found = xsd.load(FIX / "letter.xsd").findings(tree, "d.xml")
    assert found[0].line == 3 and found[0].xpath == "/tei:TEI[1]/tei:p[1]"
