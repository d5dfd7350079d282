"""The first edition (tei/telegram-1953-03-29.xml) against its schemas and its source.

- well-formed; valid against schemas/edition.xsd (xmlschema and lxml, same verdict) and
  against TEI's tei_all.rng (../shared);
- every name, referring string and date resolves to the registers; all mentions of Kim Il
  Sung point to one entry; every register entry is used; every date is normalised;
- the text of the telegram and of the reference note equals the seed's paragraphs (after
  whitespace normalisation): nothing lost, nothing invented;
- each Schematron assert of schemas/edition.sch fires on a document broken for it (lxml's
  XSLT 1 engine through a queryBinding shim, and the project's own engine if present);
- edition.xsd rejects a misspelt element and values outside its closed lists.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from conftest import ROOT, SHARED, need_shared

TELEGRAM = ROOT / "tei" / "telegram-1953-03-29.xml"
REGISTERS = ROOT / "tei" / "registers.xml"
#: How the telegram names an entry of the edition's register file.
REG = "registers.xml#"
SEED = SHARED / "seeds" / "000_4aa7b316669ab202.txt"
TEI_ALL_RNG = SHARED / "schemas" / "tei_all" / "tei_all.rng"
XSD = ROOT / "schemas" / "edition.xsd"
SCH = ROOT / "schemas" / "edition.sch"

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": TEI}
SVRL = "{http://purl.oclc.org/dsdl/svrl}"

#: Source lines of the seed (after the page's navigation) -> the elements that encode each, in
#: order (the reference note's heading and the lemma of its first entry share a line).
SEED_BLOCKS = [("mark-priority",), ("mark-classification",), ("mark-reference",), ("p1",),
               ("p2",), ("p3",), ("p4",), ("closer",), ("spravka-head", "s1-lemma"), ("s1",),
               ("s2-lemma", "s2")]


def t(name: str) -> str:
    return "{%s}%s" % (TEI, name)


def norm(text: str) -> str:
    return " ".join(text.split())


def diplomatic(el: etree._Element) -> str:
    """The source's text of ``el``: editorial notes and corrections left out (sic kept)."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and etree.QName(c).localname not in (
                    "note", "corr", "reg", "expan"):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return norm("".join(parts))


def by_id(doc: etree._ElementTree, xml_id: str) -> etree._Element:
    found = doc.xpath("//*[@xml:id=$i]", i=xml_id)
    assert len(found) == 1, xml_id
    return found[0]


# -- fixtures -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def doc() -> etree._ElementTree:
    return etree.parse(str(TELEGRAM))


@pytest.fixture(scope="module")
def registers() -> etree._ElementTree:
    return etree.parse(str(REGISTERS))


def edition_pointers() -> set[str]:
    """Ids of the register file that the headers and texts of the edition's files point to
    (the telegram, its front matter); pointers between register entries do not count."""
    pointers: set[str] = set()
    for path in sorted((ROOT / "tei").rglob("*.xml")):
        if path == REGISTERS:
            continue
        tree = etree.parse(str(path))
        for attr in tree.xpath("/tei:TEI/tei:teiHeader//@* | /tei:TEI/tei:text//@*", namespaces=NS):
            if attr.attrname in ("ref", "target", "corresp", "who", "resp", "source"):
                pointers.update(tok.split("#", 1)[1] for tok in attr.split()
                                if tok.split("#", 1)[0].endswith("registers.xml"))
    return pointers


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    need_shared("seeds/000_4aa7b316669ab202.txt")
    return [norm(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_text_lines(seed_lines) -> list[str]:
    """The document's own text: everything after the page's "English HTML" link."""
    return seed_lines[seed_lines.index("English HTML") + 1:]


@pytest.fixture(scope="module")
def tei_all():
    need_shared("schemas/tei_all/tei_all.rng")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))  # ~15-20 s, once per module


@pytest.fixture(scope="module")
def xsd_lxml():
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(scope="module")
def xsd_xmlschema():
    import xmlschema

    return xmlschema.XMLSchema(str(XSD))


@pytest.fixture(scope="module")
def sch_lxml():
    """edition.sch through lxml's ISO Schematron (XSLT 1): the rules are XPath 1, so the
    queryBinding is switched from xslt3 to xslt1 for this engine only (a test shim)."""
    text = SCH.read_bytes().replace(b'queryBinding="xslt3"', b'queryBinding="xslt1"')
    return isoschematron.Schematron(etree.fromstring(text), store_report=True)


@pytest.fixture(scope="module")
def sch_toolkit():
    """The project's own Schematron engine (XSLT 3 via Saxon)."""
    from toolkit.validate.engines import schematron

    schema = schematron.load_schematron(SCH)
    return lambda tree: {f.rule for f in schema.validate(tree, TELEGRAM.name)}


def lxml_fired(sch, tree) -> set[str]:
    sch.validate(tree)
    report = sch.validation_report
    return {el.get("id") for el in report.iter(SVRL + "failed-assert", SVRL + "successful-report")}


# -- well-formed and valid ------------------------------------------------------------

def test_well_formed_and_tei(doc):
    root = doc.getroot()
    assert root.tag == t("TEI")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_valid_against_edition_xsd_lxml(doc, xsd_lxml):
    assert xsd_lxml.validate(doc), xsd_lxml.error_log


def test_valid_against_edition_xsd_xmlschema(xsd_xmlschema):
    errors = list(xsd_xmlschema.iter_errors(str(TELEGRAM)))
    assert not errors, errors[:3]


def test_valid_against_tei_all(doc, tei_all):
    assert tei_all.validate(doc), tei_all.error_log


# -- names, registers, dates ----------------------------------------------------------

def test_every_local_pointer_resolves(doc):
    ids = set(doc.xpath("//@xml:id"))
    for attr in doc.xpath("//@ref | //@target | //@corresp | //@who | //@resp | //@source"
                          " | //@scheme"):
        for token in attr.split():
            if token.startswith("#"):
                assert token[1:] in ids, f"{attr.getparent().tag} @{attr.attrname}={attr}"


def test_every_mention_points_to_one_register_entry(doc, registers):
    kinds = {"persName": "person", "orgName": "org", "placeName": "place"}
    mentions = doc.xpath("//tei:text//tei:persName | //tei:text//tei:orgName"
                         " | //tei:text//tei:placeName | //tei:text//tei:rs"
                         " | //tei:abstract//tei:persName | //tei:abstract//tei:rs", namespaces=NS)
    assert len(mentions) > 60
    for m in mentions:
        ref = m.get("ref")
        assert ref and ref.startswith(REG) and " " not in ref, etree.tostring(m)
        target = registers.xpath("//tei:standOff//*[@xml:id=$i]", i=ref[len(REG):], namespaces=NS)
        assert len(target) == 1, ref
        local = etree.QName(m).localname
        if local in kinds:
            assert etree.QName(target[0]).localname == kinds[local], ref


def test_all_mentions_of_kim_il_sung_point_to_one_entry(doc):
    kims = doc.xpath("//tei:persName[not(parent::tei:person)]"
                     "[normalize-space()='Kim' or normalize-space()='Kim Il Sung']",
                     namespaces=NS)
    assert {k.get("ref") for k in kims} == {REG + "kim-il-sung"}
    bare = [k for k in kims if norm(k.text) == "Kim"]
    assert len(bare) == 3  # "Kim said" (twice), "Kim pointed out"
    spravka = by_id(doc, "spravka")
    assert len(spravka.xpath(".//tei:persName[@ref=$r][not(ancestor::tei:note)]", r=REG + "kim-il-sung",
                             namespaces=NS)) == 4
    # and the text never names Kim outside a persName
    body_text = diplomatic(doc.find(".//" + t("body")))
    assert body_text.count("Kim") == len(doc.xpath("//tei:body//tei:persName[@ref=$r]"
                                                    "[not(ancestor::tei:note)]", r=REG + "kim-il-sung",
                                                    namespaces=NS))


def test_signatures_and_senders_resolve(doc):
    signed = doc.find(".//" + t("signed"))
    assert [p.get("ref") for p in signed.iter(t("persName"))] == [REG + "kuznetsov", REG + "fedorenko"]
    sent = doc.find(".//" + t("correspAction") + "[@type='sent']")
    assert [p.get("ref") for p in sent.iter(t("persName"))] == [REG + "kuznetsov", REG + "fedorenko"]
    assert sent.find(t("date")).get("when") == "1953-03-29"
    received = doc.find(".//" + t("correspAction") + "[@type='received']")
    assert received.find(t("placeName")).get("ref") == REG + "moscow"


def test_registers_are_a_file_of_their_own(doc, registers):
    assert doc.find(t("standOff")) is None
    assert registers.getroot().find(t("text")) is None
    assert registers.getroot().find(t("standOff")) is not None


def test_every_register_entry_is_used(registers):
    pointers = edition_pointers()
    entries = registers.xpath("//tei:standOff//tei:person | //tei:standOff//tei:org"
                              " | //tei:standOff//tei:place | //tei:standOff//tei:event"
                              " | //tei:standOff//tei:bibl", namespaces=NS)
    unused = [e.get(XML_ID) for e in entries if e.get(XML_ID) not in pointers]
    assert not unused


def test_required_entities_are_registered(registers):
    ids = set(registers.xpath("//tei:standOff//@xml:id", namespaces=NS))
    for required in ("kim-il-sung", "kuznetsov", "fedorenko", "razuvaev", "nam-il", "molotov",
                     "malik", "li-don-gen", "americans", "chinese-friends", "soviet-government",
                     "dprk", "prc", "democratic-camp", "spa-presidium", "dprk-mfa", "korea",
                     "pyongyang", "panmunjom", "moscow", "korean-side", "comm-359", "comm-242",
                     "moscow-document", "presidium-decree"):
        assert required in ids, required
    li = by_id(registers, "li-don-gen")
    assert li.get("cert") == "low"


def test_every_date_is_normalised(doc):
    dates = doc.xpath("//tei:date", namespaces=NS)
    assert dates
    iso = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for d in dates:  # a day, a month or a year; or, where only a limit is known, the limit
        value = d.get("when") or d.get("notBefore") or d.get("notAfter") or ""
        assert iso.match(value), etree.tostring(d)
    values = {}
    for d in doc.xpath("//tei:text//tei:date[not(ancestor::tei:note)]", namespaces=NS):
        values.setdefault(norm(d.text), set()).add(d.get("when"))
    assert values == {"29.III.53": {"1953-03-29"}, "24.III.53": {"1953-03-24"},
                      "March 29": {"1953-03-29"}}


def test_losses_are_measured_as_the_stated_range(doc):
    """"nearly 300-400": the range as stated (min/max), no lower limit claimed (issue 16)."""
    m = doc.find(".//" + t("measure"))
    assert (m.get("type"), m.get("unit"), m.get("min"), m.get("max")) == (
        "losses", "persons", "300", "400")
    assert m.get("atLeast") is None
    assert "nearly" in m.text


def test_communications_are_referenced(doc):
    refs = {(r.get("type"), r.get("target")) for r in doc.iter(t("ref"))}
    assert ("communication", REG + "comm-359") in refs
    assert ("communication", REG + "comm-242") in refs
    rs = {r.get("ref") for r in doc.iter(t("rs")) if r.get("type") == "communication"}
    assert {REG + i for i in ("moscow-document", "presidium-decree", "soviet-proposal",
                              "pyongyang-statement")} <= rs


# -- the text against the seed --------------------------------------------------------

def test_paragraphs_equal_the_seed(doc, seed_text_lines):
    assert len(seed_text_lines) == len(SEED_BLOCKS)
    for ids, line in zip(SEED_BLOCKS, seed_text_lines):
        assert " ".join(diplomatic(by_id(doc, i)) for i in ids) == line, ids


def test_body_has_nothing_but_the_seed_and_editorial_apparatus(doc, seed_text_lines):
    body = copy.deepcopy(doc.find(".//" + t("body")))
    for head in body.xpath(".//tei:head[@type='editorial']", namespaces=NS):
        head.getparent().remove(head)
    assert diplomatic(body) == " ".join(seed_text_lines)


def test_abstract_and_citation_equal_the_seed(doc, seed_lines):
    abstract = doc.find(".//" + t("abstract"))
    line = next(s for s in seed_lines if s.startswith("Report that"))
    assert diplomatic(abstract) == line
    assert "than through" in line  # kept as sic ...
    assert abstract.find(".//" + t("sic")).text == "than"  # ... and marked
    citation = by_id(doc, "archive-citation")
    line = next(s for s in seed_lines if s.startswith('"Ciphered telegram'))
    assert diplomatic(citation) == line


def test_stray_quotation_mark_is_kept_and_marked(doc):
    sic = by_id(doc, "sic-quote")
    assert sic.tag == t("sic") and sic.text == "\u201d"
    assert doc.xpath("//tei:note[@target='#sic-quote']", namespaces=NS)


# -- Schematron -----------------------------------------------------------------------

def _first(tree, xpath):
    return tree.xpath(xpath, namespaces=NS)[0]


def _set(xpath, attr, value):
    def mutate(tree):
        el = _first(tree, xpath)
        if value is None:
            del el.attrib[attr]
        else:
            el.set(attr, value)
    return mutate


def _remove(xpath):
    def mutate(tree):
        el = _first(tree, xpath)
        el.getparent().remove(el)
    return mutate


def _empty(xpath):
    def mutate(tree):
        el = _first(tree, xpath)
        el.text = ""
    return mutate


def _local_entry(tree, kind: str, xml_id: str) -> None:
    """Give the document registers of its own (a standOff) with one entry of ``kind``."""
    lists = {"person": "listPerson", "org": "listOrg", "place": "listPlace", "bibl": "listBibl"}
    names = {"person": "persName", "org": "orgName", "place": "placeName", "bibl": "title"}
    standoff = tree.getroot().find(t("standOff"))
    if standoff is None:
        standoff = etree.SubElement(tree.getroot(), t("standOff"))
    entry = etree.SubElement(etree.SubElement(standoff, t(lists[kind])), t(kind), {XML_ID: xml_id})
    etree.SubElement(entry, t(names[kind])).text = xml_id


def _add_unused_person(tree):
    _local_entry(tree, "person", "nobody")


def _point_to(xpath, attr, kind):
    """Point ``xpath``'s @attr at a local register entry of the wrong ``kind``."""
    def mutate(tree):
        _local_entry(tree, kind, "wrong-kind")
        _first(tree, xpath).set(attr, "#wrong-kind")
    return mutate


P2_KIM = "//tei:p[@xml:id='p2']/tei:persName[normalize-space()='Kim'][1]"

#: assert id -> a mutation of the telegram that must make it fire
BREAKERS = {
    "pointer-local": _set(P2_KIM, "ref", "kim-il-sung"),
    "pointer-resolves": _set(P2_KIM, "ref", "#kim-ii-sung"),
    "target-resolves": _set("//tei:seg[@type='reference']/tei:ref", "target", "#comm-999"),
    "register-entry-used": _add_unused_person,
    "persName-ref-person": _point_to(P2_KIM, "ref", "place"),
    "orgName-ref-org": _point_to("//tei:p[@xml:id='p2']/tei:orgName[1]", "ref", "person"),
    "placeName-ref-place": _point_to("//tei:p[@xml:id='p3']//tei:placeName[1]", "ref", "org"),
    "communication-ref-bibl": _point_to("//tei:p[@xml:id='p1']/tei:rs[@type='communication']",
                                        "ref", "person"),
    "name-has-ref": _set(P2_KIM, "ref", None),
    "name-not-empty": _empty("//tei:p[@xml:id='p3']//tei:placeName[1]"),
    "date-normalised": _set("//tei:closer//tei:date", "when", None),
    "telegram-priority": _remove("//tei:seg[@type='priority']"),
    "telegram-classification": _remove("//tei:seg[@type='classification']"),
    "telegram-dateline": _remove("//tei:closer/tei:dateline"),
    "telegram-signed": _remove("//tei:closer/tei:signed"),
    "editorial-note-resp": _set("//tei:note[@xml:id='n2']", "resp", None),
    "text-id": _set("//tei:p[@xml:id='p1']", XML_ID, None),
}


def test_every_assert_has_a_breaker():
    sch = etree.parse(str(SCH))
    ids = set(sch.xpath("//sch:assert/@id | //sch:report/@id",
                        namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"}))
    assert ids == set(BREAKERS)


def test_schematron_passes_the_telegram_lxml(doc, sch_lxml):
    assert lxml_fired(sch_lxml, doc) == set()


@pytest.mark.parametrize("rule", sorted(BREAKERS))
def test_schematron_rule_fires_lxml(doc, sch_lxml, rule):
    broken = copy.deepcopy(doc)
    BREAKERS[rule](broken)
    assert rule in lxml_fired(sch_lxml, broken)


def test_schematron_passes_the_telegram_toolkit(doc, sch_toolkit):
    assert sch_toolkit(doc) == set()


@pytest.mark.parametrize("rule", sorted(BREAKERS))
def test_schematron_rule_fires_toolkit(doc, sch_toolkit, rule):
    broken = copy.deepcopy(doc)
    BREAKERS[rule](broken)
    assert rule in sch_toolkit(broken)


# -- the XSD rejects what it should ---------------------------------------------------

def _misspelt(tree):
    el = _first(tree, P2_KIM)
    el.tag = t("persname")


XSD_BREAKERS = {
    "misspelt element": _misspelt,
    "div/@type not in list": _set("//tei:div[@type='telegram']", "type", "telegramm"),
    "note/@type not in list": _set("//tei:note[@xml:id='n2']", "type", "footnote"),
    "@cert not in list": _set("//tei:persName[@ref='registers.xml#li-don-gen']", "cert", "maybe"),
    "seg/@type not in list": _set("//tei:seg[@type='priority']", "type", "urgency"),
    "date/@when not ISO": _set("//tei:closer//tei:date", "when", "29.III.53"),
    "@ref not local": _set(P2_KIM, "ref", "https://example.org/kim"),
    "duplicate xml:id": _set("//tei:p[@xml:id='p2']", XML_ID, "p1"),
}


@pytest.mark.parametrize("case", sorted(XSD_BREAKERS))
def test_xsd_rejects(doc, xsd_lxml, xsd_xmlschema, case):
    broken = copy.deepcopy(doc)
    XSD_BREAKERS[case](broken)
    data = etree.tostring(broken)
    # libxml2 checks ID uniqueness while parsing, so validate a re-parsed copy: a duplicate
    # xml:id is rejected by the parser or by the schema, either way not accepted
    try:
        reparsed = etree.fromstring(data)
    except etree.XMLSyntaxError:
        reparsed = None
    assert reparsed is None or not xsd_lxml.validate(reparsed)
    assert not xsd_xmlschema.is_valid(broken)


# -- the customisation is a restriction of tei_all (spot check) ------------------------

#: The smallest instance of each element that edition.xsd accepts in some context.
MINIMAL = {
    "div": '<div type="letter"><p/></div>', "list": "<list><item/></list>",
    "choice": "<choice><sic/><corr/></choice>", "rs": '<rs type="person"/>',
    "measure": '<measure type="losses"/>', "state": '<state type="office"><label/></state>',
    "correspAction": '<correspAction type="sent"><date/></correspAction>',
    "correspContext": "<correspContext><ref/></correspContext>",
    "language": '<language ident="en"/>', "catRef": '<catRef target="#doctype-telegram"/>',
    "respStmt": "<respStmt><resp/><orgName/></respStmt>",
    "msDesc": "<msDesc><msIdentifier><repository/></msIdentifier></msDesc>",
    "msIdentifier": "<msIdentifier><repository/></msIdentifier>",
    "msContents": "<msContents><msItem><title/></msItem></msContents>",
    "msItem": "<msItem><title/></msItem>", "listBibl": "<listBibl><bibl/></listBibl>",
    "listPerson": "<listPerson><person><persName/></person></listPerson>",
    "person": "<person><persName/></person>", "listOrg": "<listOrg><org><orgName/></org></listOrg>",
    "org": "<org><orgName/></org>", "place": "<place><placeName/></place>",
    "listPlace": "<listPlace><place><placeName/></place></listPlace>",
    "listEvent": "<listEvent><event><label/></event></listEvent>", "event": "<event><label/></event>",
    "taxonomy": "<taxonomy><category><catDesc/></category></taxonomy>",
    "category": "<category><catDesc/></category>", "keywords": "<keywords><term/></keywords>",
    "langUsage": '<langUsage><language ident="en"/></langUsage>',
    "front": '<front><div type="letter"><p/></div></front>',
    "back": '<back><div type="letter"><p/></div></back>',
    "body": '<body><div type="letter"><p/></div></body>', "notesStmt": "<notesStmt><note/></notesStmt>",
    "classDecl": "<classDecl><taxonomy><category><catDesc/></category></taxonomy></classDecl>",
    "revisionDesc": "<revisionDesc><change/></revisionDesc>",
    "availability": "<availability><p/></availability>",
    "publicationStmt": "<publicationStmt><publisher/></publicationStmt>",
    "sourceDesc": "<sourceDesc><bibl/></sourceDesc>",
    "standOff": "<standOff><listBibl><bibl/></listBibl></standOff>",
    "editorialDecl": "<editorialDecl><p/></editorialDecl>",
    "encodingDesc": "<encodingDesc><projectDesc><p/></projectDesc></encodingDesc>",
    "titleStmt": "<titleStmt><title/></titleStmt>",
    "facsimile": '<facsimile><graphic url="leaf-120.png"/></facsimile>',
    "graphic": '<graphic url="leaf-120.png"/>', "relatedItem": '<relatedItem target="#p1"/>',
    **{n: f"<{n}><p/></{n}>" for n in ("projectDesc", "correction", "normalization",
                                        "interpretation", "quotation", "hyphenation", "abstract")},
}
WHOLE = {"TEI", "teiHeader", "fileDesc", "text"}  # never inserted
#: Where an element goes among its parent's children when it cannot be the last one.
POSITION = {"front": 0, "facsimile": 1}


def _minimal(name: str) -> etree._Element:
    text = MINIMAL.get(name, f"<{name}/>")
    return etree.fromstring(text.replace("<" + name, f'<{name} xmlns="{TEI}"', 1))


def test_xsd_accepts_only_what_tei_all_accepts(doc, registers, xsd_lxml, tei_all):
    """Spot check of "edition.xsd is a restriction of tei_all": insert the minimal instance of
    every declared element as the last child of one instance of every element; wherever
    edition.xsd accepts the result, tei_all must accept it too. The tree is the telegram with
    the edition's registers as its own standOff, so that register elements are tried too."""
    names = sorted(set(etree.parse(str(XSD)).xpath(
        "/xs:schema/xs:element/@name", namespaces={"xs": "http://www.w3.org/2001/XMLSchema"}))
        - WHOLE)
    tree = copy.deepcopy(doc)
    tree.getroot().append(copy.deepcopy(registers.getroot().find(t("standOff"))))
    # first make every declared element occur somewhere, so that it is tried as a parent
    present = {etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str)}
    for name in names:
        if name in present:
            continue
        for parent in list(tree.iter()):
            if not isinstance(parent.tag, str):
                continue
            child = _minimal(name)
            if name in POSITION:
                parent.insert(POSITION[name], child)
            else:
                parent.append(child)
            if xsd_lxml.validate(tree) and tei_all.validate(tree):
                present |= {etree.QName(e).localname for e in child.iter()}
                break
            parent.remove(child)
    assert set(names) <= present, set(names) - present
    accepted, disagreements, seen = 0, [], set()
    for parent in list(tree.iter()):
        if not isinstance(parent.tag, str) or etree.QName(parent).localname in seen:
            continue
        seen.add(etree.QName(parent).localname)
        for name in names:
            child = _minimal(name)
            parent.append(child)
            if xsd_lxml.validate(parent):  # every element is global: validate the subtree
                accepted += 1
                if not tei_all.validate(tree):
                    disagreements.append((etree.QName(parent).localname, name))
            parent.remove(child)
    assert accepted > 1000
    assert not disagreements
