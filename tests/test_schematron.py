"""ISO Schematron -> XSLT 3.0 compiler (toolkit.validate.engines.schematron): own fixtures with known
findings, DraCor (compiled .sch, embedded-in-RNG, ODD) and FRUS, parity with lxml."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, needs_shared
from toolkit.core.parse import parse_file
from toolkit.validate.engines.schematron import (SchematronError, SchematronSchema, compile_to_xslt,
                                load_schematron)

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "schematron"
DRACOR_ACTION = CORPUS / "dracor-validate-action"
DRACOR_SCHEMA = CORPUS / "dracor-schema"
FRUS_SCH = CORPUS / "frus-schematron" / "frus.sch"

needs_dracor = needs_shared("corpus/dracor-validate-action")
needs_frus = needs_shared("corpus/frus-schematron/frus.sch")


def run(schema: SchematronSchema, path: Path):
    return schema.validate(parse_file(path), str(path))


def triples(findings):
    return sorted((f.rule, f.severity, f.line) for f in findings)


# ---------------------------------------------------------------- own fixtures

FEATURES_INVALID = sorted([
    ("ref-c2-seen", "info", 8),          # first rule of pattern 'refs' wins for ref[@target='c2']
    ("ref-resolves", "error", 12),       # key() from a foreign xsl:key
    ("id-unique", "error", 7),           # attribute context, role="fatal"
    ("id-unique", "error", 11),
    ("chapter-n", "error", 11),          # rule-level let + xsl:function
    ("p-type#1", "error", 8),            # abstract pattern instance (is-a + params)
    ("p-type#1", "error", 12),
    ("not-empty", "warning", 9),         # abstract rule via sch:extends, role="warning"
    ("has-version", "warning", 2),       # report without role -> warning
    ("phase-report", "info", 2),         # phase-level let
    ("status-draft", "warning", 5),      # from sch:include, role="warn"
])


@pytest.fixture(scope="module")
def features():
    return load_schematron(FIX / "features.sch")


def test_features_invalid_document(features):
    assert triples(run(features, FIX / "doc-invalid.xml")) == FEATURES_INVALID


def test_features_valid_document(features):
    assert triples(run(features, FIX / "doc-valid.xml")) == [("phase-report", "info", 2)]


def test_messages_value_of_name_diagnostics(features):
    by_rule = {f.rule: f for f in run(features, FIX / "doc-invalid.xml")}
    assert by_rule["ref-resolves"].message == (
        "ref target nowhere does not resolve — Known ids: c1, c1")
    assert by_rule["chapter-n"].message == "chapter n=3, expected 2"
    assert by_rule["not-empty"].message == "t:p is empty"
    assert by_rule["ref-c2-seen"].message == "ref to c2 seen"          # sch:emph flattened
    assert by_rule["phase-report"].message == "phase full"
    assert by_rule["status-draft"].source == "schematron"
    ids = [f for f in run(features, FIX / "doc-invalid.xml") if f.rule == "id-unique"]
    assert {f.message for f in ids} == {"duplicate id c1 on t:chapter"}   # sch:name/@path
    assert {f.xpath for f in ids} == {"/t:book[1]/t:chapter[1]/@id", "/t:book[1]/t:chapter[2]/@id"}


def test_svrl_structure(features):
    svrl = etree.fromstring(features.svrl(parse_file(FIX / "doc-invalid.xml")).encode())
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    assert svrl.tag == "{http://purl.oclc.org/dsdl/svrl}schematron-output"
    assert svrl.get("phase") == "full"
    patterns = [p.get("id") for p in svrl.findall("svrl:active-pattern", ns)]
    assert patterns == ["refs", "ids", "numbering", "status-code", "p-type", "content", "meta",
                        "included"]
    fa = svrl.find("svrl:failed-assert[@id='ref-resolves']", ns)
    assert fa.get("flag") == "broken"
    assert fa.get("test") == "key('chap', @target)"
    assert fa.get("location") == "/t:book[1]/t:chapter[2]/t:p[1]/t:ref[1]"
    assert fa.find("svrl:diagnostic-reference", ns).get("diagnostic") == "d-targets"
    prop = fa.find("svrl:property-reference", ns)
    assert (prop.get("property"), prop.get("role")) == ("p-kind", "category")
    assert "broken-link" in "".join(prop.itertext())
    assert svrl.find("svrl:successful-report[@id='ref-c2-seen']", ns).get("role") == "information"
    assert len(svrl.findall("svrl:fired-rule", ns)) > 10


def test_location_resolves_in_lxml(features):
    tree = parse_file(FIX / "doc-invalid.xml")
    for f in features.validate(tree, "doc-invalid.xml"):
        found = tree.xpath(f.xpath, namespaces=features.namespaces)
        assert len(found) == 1, f.xpath


def test_phases(features):
    quick = load_schematron(FIX / "features.sch", phase="quick")
    assert quick.pattern_ids == ["meta"]
    assert triples(run(quick, FIX / "doc-invalid.xml")) == [
        ("has-version", "warning", 2), ("phase-report", "info", 2)]
    assert load_schematron(FIX / "features.sch", phase="#DEFAULT").phase == "full"
    assert features.phase == "full"                       # @defaultPhase
    with pytest.raises(SchematronError, match="unknown phase 'nope'"):
        load_schematron(FIX / "features.sch", phase="nope")


def test_sch_group_fires_every_matching_rule():
    group = load_schematron(FIX / "group.sch")
    assert triples(run(group, FIX / "doc-valid.xml")) == [
        ("g-first", "warning", 7), ("g-second", "warning", 7), ("g-second", "warning", 10)]


def test_compile_once_and_reuse(features):
    again = load_schematron(FIX / "features.sch")
    assert again.key == features.key
    assert again.stylesheet() is features.stylesheet()
    assert load_schematron(FIX / "features.sch", phase="quick").key != features.key


def test_compile_to_xslt_is_inspectable(features):
    xslt = compile_to_xslt(features)
    root = etree.fromstring(xslt.encode())
    assert root.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
    assert root.get("version") == "3.0"
    assert root.find("{http://www.w3.org/1999/XSL/Transform}key").get("name") == "chap"
    assert compile_to_xslt(FIX / "features.sch") == xslt
    assert "sqf" not in "".join(root.itertext())


@pytest.mark.parametrize("name, line, pattern", [
    ("bad-xpath", 6, r"XPST0003"),
    ("missing-include", 3, r"cannot find does-not-exist\.sch"),
    ("missing-abstract", 4, r"unknown abstract pattern 'nowhere'"),
])
def test_schema_errors_are_located(name, line, pattern):
    with pytest.raises(SchematronError) as info:
        load_schematron(FIX / f"{name}.sch").stylesheet()
    assert info.value.line == line
    assert info.value.file.endswith(f"{name}.sch")
    assert re.search(pattern, info.value.message)
    assert "Traceback" not in info.value.message


def test_not_a_schema(tmp_path):
    other = tmp_path / "x.xml"
    other.write_text("<root/>")
    with pytest.raises(SchematronError, match="no Schematron found"):
        load_schematron(other)


# ---------------------------------------------------------------- parity with lxml

def _lxml_failed(doc):
    from lxml import isoschematron

    sch = isoschematron.Schematron(etree.parse(str(FIX / "xpath1.sch")), store_report=True)
    sch.validate(doc)
    out = collections.Counter()
    for fa in sch.validation_report.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert"):
        loc = fa.get("location")
        node = doc.xpath(loc) if not loc.startswith("/@") else []
        out[(fa.get("id"), node[0] if node else loc.rsplit("/", 1)[-1])] += 1
    return out


@pytest.mark.parametrize("name", ["xpath1-valid.xml", "xpath1-invalid.xml"])
def test_parity_with_lxml_isoschematron(name):
    doc = parse_file(FIX / name)
    mine = load_schematron(FIX / "xpath1.sch")
    assert mine.query_binding == "xslt"
    ours = collections.Counter()
    for f in mine.validate(doc, name):
        if "/@" in f.xpath:   # lxml's skeleton reports attributes as '/@name' only
            ours[(f.rule, "@" + f.xpath.rsplit("/@", 1)[1])] += 1
        else:
            ours[(f.rule, doc.xpath(f.xpath, namespaces=mine.namespaces)[0])] += 1
    assert ours == _lxml_failed(doc)
    if name == "xpath1-invalid.xml":
        assert {r for r, _ in ours} == {"intro-first", "target-known", "p-text", "book-version"}


# ---------------------------------------------------------------- DraCor

@needs_dracor
def test_dracor_action_valid_and_invalid():
    sch = load_schematron(DRACOR_ACTION / "schemas" / "dracor_1.6.0.sch")
    valid = run(sch, DRACOR_ACTION / "tei" / "valid.xml")
    assert [f for f in valid if f.severity == "error"] == []
    invalid = run(sch, DRACOR_ACTION / "tei" / "invalid.xml")
    errors = [f for f in invalid if f.severity == "error"]
    assert [(f.rule, f.line) for f in errors] == [
        ("schematron-constraint-digital_original_source_in_sourceDesc-36#1", 20)]
    assert any(f.rule.startswith("schematron-constraint-xml_model_or_type_dracor") for f in invalid)


def _dracor_rules(findings):
    """ODD constraintSpec idents that fired (pattern id minus '-k' and '#n'), by severity."""
    out = collections.defaultdict(set)
    for f in findings:
        ident = f.rule.split("#")[0]
        ident = re.sub(r"^schematron-constraint-(.*)-\d+$", r"\1", ident)
        ident = re.sub(r"-\d$", "", ident)
        out[f.severity].add(ident)
    return out


# fixture -> (constraint idents that must fire as warning/error, idents that must not fire).
# The fixtures' leading comments state the intent; those concerning only RELAX NG
# (tst000006, tst000007, tst000012) expect no Schematron warning or error.
DRACOR_EXPECT = {
    "tst000000-base.xml": (set(), None),
    "tst000001-bad-play-wikidata-id.xml": (
        {"encoding-hint_play_wikidata_id", "deprecate-standoff-wikidata",
         "deprecate-standoff-events"}, set()),
    "tst000002-feature-play-wikidata-id.xml": (set(), None),
    "tst000005-body-incomplete.xml": ({"network_check_basic_play_structure_div"}, set()),
    "tst000006-div-type-missing.xml": (set(), None),
    "tst000007-div-type-value.xml": (set(), None),
    "tst000008-no-structure.xml": ({"network_check_basic_play_structure_sp"}, set()),
    "tst000009-no-sp.xml": ({"network_check_basic_play_structure_sp"}, set()),
    "tst000010-no-speakers.xml": ({"network_check_basic_play_structure_sp"}, None),
    "tst000011-rend-braced.xml": (set(), None),
    "tst000012-rend-braced-wrong.xml": (set(), None),
    "tst000013-sex.xml": ({"person_sex", "personGrp_sex"}, set()),
    "tst000014-no-subtitle.xml": ({"play_sub_title"}, None),
    "tst000015-lang-no-subtitle.xml": (set(), None),
    "tst000016-title-main-sub.xml": (set(), None),
    "tst000017-digitalsource.xml": (set(), {"digital_source_use_ref", "digital_source_availability",
                                            "digital_original_source_in_sourceDesc"}),
    "tst000018-who-references.xml": ({"network_unlinked_sp"}, set()),
    "tst000019-digitalsource-deprecate-idno.xml": (
        {"sources_count_and_nesting", "digital_source_use_ref", "digital_source_availability"}, None),
    "tst000020-originalsource-only.xml": (set(), None),
    "tst000021-digitalsource-only.xml": ({"digital_original_source_in_sourceDesc"}, set()),
    "tst000022-source-count.xml": ({"sources_count_and_nesting", "digital_source_use_ref"}, set()),
    "tst000023-xml-model.xml": (set(), None),
    "tst000024-feature-character-wikidata-id.xml": (set(), None),
    "tst000025-deprecate-ana-wikidata.xml": ({"person_ana_wikidata_deprecation"}, None),
    "tst000026-antilabe-part.xml": ({"antilabe-part-sequence"}, None),
    "tst000027-empty-elements.xml": ({"no_empty_content_bearing_elements"}, None),
    "tst000028-editorial-spans.xml": (set(), None),
    "tst100000-corpus.xml": (set(), {"corpus_xml_deprecation"}),
    "tst100001-corpus-extended.xml": (set(), {"corpus_xml_deprecation"}),
    "tst100002-corpus-legacy.xml": ({"corpus_xml_deprecation"}, set()),
}
# 'None' as second element: nothing beyond the expected rules may fire as warning/error,
# except the listed incidental ones below.
DRACOR_INCIDENTAL = {
    "tst000005-body-incomplete.xml": {"network_check_basic_play_structure_sp",
                                      "network_play_without_speaking_characters"},
    "tst000008-no-structure.xml": {"network_play_without_speaking_characters"},
    "tst000009-no-sp.xml": {"network_play_without_speaking_characters"},
    "tst000013-sex.xml": {"particdesc_person_id"},
    "tst000017-digitalsource.xml": {"licence_target_url", "xml_model_or_type_dracor_on_root_tei_element"},
    "tst000022-source-count.xml": {"digital_source_availability"},
    "tst100000-corpus.xml": {"no_empty_content_bearing_elements"},
    "tst100001-corpus-extended.xml": {"no_empty_content_bearing_elements"},
    "tst100002-corpus-legacy.xml": {"no_empty_content_bearing_elements"},
}


@pytest.fixture(scope="module")
def dracor_schemas():
    return {
        "odd": load_schematron(DRACOR_SCHEMA / "dracor.odd"),
        "sch": load_schematron(DRACOR_ACTION / "schemas" / "dracor_1.6.0.sch"),
        "rng": load_schematron(DRACOR_ACTION / "schemas" / "dracor_1.6.0.rng"),
    }


@needs_dracor
@pytest.mark.parametrize("name", sorted(DRACOR_EXPECT))
@pytest.mark.parametrize("flavour", ["odd", "sch"])
def test_dracor_fixture_fires_intended_rule(dracor_schemas, name, flavour):
    path = DRACOR_SCHEMA / "tests" / name
    findings = run(dracor_schemas[flavour], path)
    rules = _dracor_rules(findings)
    fired = rules["warning"] | rules["error"]
    expected, forbidden = DRACOR_EXPECT[name]
    assert expected <= fired, f"{name}: expected {expected}, fired {fired}"
    allowed = expected | DRACOR_INCIDENTAL.get(name, set())
    assert fired <= allowed, f"{name}: unexpected {fired - allowed}"
    if forbidden:
        assert not (fired & forbidden)
    assert all(f.line is not None for f in findings)


@needs_dracor
def test_dracor_feature_infos(dracor_schemas):
    f = DRACOR_SCHEMA / "tests" / "tst000002-feature-play-wikidata-id.xml"
    infos = [x for x in run(dracor_schemas["odd"], f) if x.rule.startswith("play_wikidata_id")]
    assert [x.severity for x in infos] == ["info"] and "Q41567" in infos[0].message
    f = DRACOR_SCHEMA / "tests" / "tst000027-empty-elements.xml"
    empties = [x for x in run(dracor_schemas["odd"], f)
               if x.rule.startswith("no_empty_content_bearing_elements")]
    assert len(empties) == 7      # the fixture's comment lists exactly seven


@needs_dracor
def test_dracor_rng_embedded_matches_compiled_sch(dracor_schemas):
    def key(findings):
        return sorted((f.severity, f.line, f.message) for f in findings)

    for name in ("valid.xml", "invalid.xml"):
        doc = parse_file(DRACOR_ACTION / "tei" / name)
        assert key(dracor_schemas["rng"].validate(doc, name)) == key(
            dracor_schemas["sch"].validate(doc, name))


@needs_dracor
def test_tei_all_rng_embedded_schematron_compiles():
    sch = load_schematron(DRACOR_ACTION / "schemas" / "tei_all_4.12.0.rng")
    assert len(sch.pattern_ids) > 80
    findings = run(sch, DRACOR_ACTION / "tei" / "valid.xml")
    assert [f for f in findings if f.severity == "error"] == []


# ---------------------------------------------------------------- FRUS

@pytest.fixture(scope="module")
def frus():
    return load_schematron(FRUS_SCH)


@needs_frus
def test_frus_compiles_with_extends_and_quickfix(frus):
    assert frus.query_binding == "xslt3"
    assert {"signed-checks", "filename-id-check", "pointer-checks"} <= set(frus.pattern_ids)
    frus.stylesheet()


@needs_frus
def test_frus_like_fixture(frus):
    findings = run(frus, FIX / "frus-like.xml")
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    assert [(f.severity, f.line) for f in by_rule["signed-corresp"]] == [("error", 18)]
    # role="warn" on an assert with an id
    assert [(f.severity, f.line) for f in by_rule["persnames-child-hi-rend-strong"]] == [
        ("warning", 18)]
    # internal ref to a missing xml:id (no @id on the assert: pattern id + position)
    refs = [f for f in findings if "No element's @xml:id corresponds" in f.message]
    assert [(f.rule, f.line) for f in refs] == [("pointer-checks#4", 16)]
    # doc() of the volume-id list is refused (no file/network access at run time): one
    # located error finding, not an exception
    dynamic = [f for f in findings if f.message.startswith("cannot evaluate")]
    assert dynamic and all(f.severity == "error" for f in dynamic)


@needs_frus
def test_frus_history_documents_run(frus):
    docs = sorted((CORPUS / "frus-history").rglob("*.xml"), key=lambda p: p.stat().st_size)[:4]
    assert docs
    for path in docs:
        findings = run(frus, path)
        assert all(f.source == "schematron" and f.severity in ("error", "warning", "info")
                   for f in findings)
        assert all(f.line is not None for f in findings if f.xpath != "/")


def test_location_for_undeclared_namespace_resolves(tmp_path):
    source = tmp_path / "ns.xml"
    source.write_text('<t:book xmlns:t="urn:x-test">\n<x:wrap xmlns:x="urn:other">\n'
                      '<t:chapter id="c1"/>\n</x:wrap>\n</t:book>\n')
    group = load_schematron(FIX / "group.sch")
    tree = parse_file(source)
    findings = group.validate(tree, str(source))
    assert {f.line for f in findings} == {3}
    xpath = findings[0].xpath
    assert xpath == ("/t:book[1]/*[local-name()='wrap' and namespace-uri()='urn:other'][1]"
                     "/t:chapter[1]")
    assert tree.xpath(xpath, namespaces=group.namespaces)[0].get("id") == "c1"
