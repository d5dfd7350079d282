"""The RELAX NG engine on small schemas of its own: each pattern kind, jing's verdicts and
locations (tests/relaxng_cases.py), includes with overrides, compact syntax, schemas that
cannot be used, and the schema cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from relaxng_cases import CASES, RNG_WRAP, schema_text


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Every test prepares schemas into a cache folder of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from toolkit.validate.engines import relaxng

    relaxng._loaded.clear()
    yield tmp_path / "cache" / "tei-edition" / "relaxng"
    relaxng._loaded.clear()


def _findings(schema: Path, text: str, tmp_path: Path) -> list:
    from toolkit.core.parse import parse_file
    from toolkit.validate.engines import relaxng

    doc = tmp_path / "doc.xml"
    doc.write_text(text, encoding="utf-8")
    return list(relaxng.load(schema).iter_findings(parse_file(doc), "doc.xml", doc))


@pytest.mark.parametrize("case,text", [(c, t) for c, (_, _, docs) in CASES.items() for t in docs])
def test_pattern_kinds_give_jings_errors_at_jings_locations(case, text, tmp_path):
    schema = tmp_path / "s.rng"
    schema.write_text(schema_text(case), encoding="utf-8")
    expected = CASES[case][2][text]
    found = _findings(schema, text, tmp_path)
    assert sorted((f.line, f.column) for f in found) == sorted((l, c) for l, c, _ in expected), \
        [f.format() for f in found]
    for line, column, words in expected:
        assert any(words in f.message for f in found if (f.line, f.column) == (line, column)), \
            (words, [f.message for f in found])
    assert all(f.severity == "error" and f.rule == "relaxng" and f.xpath for f in found)


def _write(folder: Path, name: str, start: str, defines: str = "") -> Path:
    path = folder / name
    text = RNG_WRAP.format(start, defines) if start else \
        RNG_WRAP.replace("<start>{}</start>", "").format(defines)
    path.write_text(text, encoding="utf-8")
    return path


def test_include_with_overrides_and_external_ref(tmp_path):
    _write(tmp_path, "base.rng", '<ref name="doc"/>',
           '<define name="doc"><element name="doc"><ref name="body"/></element></define>'
           '<define name="body"><element name="p"><text/></element></define>')
    (tmp_path / "note.rng").write_text(
        '<element name="note" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>',
        encoding="utf-8")
    main = tmp_path / "main.rng"
    main.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="base.rng">'
        '<define name="body"><oneOrMore><choice><element name="p"><text/></element>'
        '<externalRef href="note.rng"/></choice></oneOrMore></define></include></grammar>',
        encoding="utf-8")
    assert _findings(main, "<doc><p>a</p><note>b</note><p>c</p></doc>", tmp_path) == []
    found = _findings(main, "<doc><note>b</note><q/></doc>", tmp_path)
    assert [(f.line, f.column) for f in found] == [(1, 24)]
    assert 'element "q" not allowed anywhere' in found[0].message


def test_include_that_overrides_a_define_it_does_not_have_is_unusable(tmp_path):
    from toolkit.validate.engines import relaxng

    _write(tmp_path, "base.rng", '<element name="a"><empty/></element>')
    main = tmp_path / "main.rng"
    main.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n'
                    '<include href="base.rng">\n<define name="nope"><empty/></define>\n'
                    '</include></grammar>', encoding="utf-8")
    with pytest.raises(relaxng.SchemaUnusable) as caught:
        relaxng.load(main)
    assert caught.value.line == 2 and caught.value.file == str(main)
    assert 'define "nope"' in caught.value.message


def test_compact_syntax_with_include(tmp_path):
    (tmp_path / "part.rnc").write_text('item = element item { attribute n { xsd:integer } }\n',
                                       encoding="utf-8")
    main = tmp_path / "main.rnc"
    main.write_text('include "part.rnc"\nstart = element list { item+ }\n', encoding="utf-8")
    assert _findings(main, '<list><item n="1"/></list>', tmp_path) == []
    found = _findings(main, '<list><item n="one"/></list>', tmp_path)
    assert [(f.line, f.column) for f in found] == [(1, 22)]
    assert 'value of attribute "n" is invalid' in found[0].message


def test_every_error_of_a_file_is_reported(tmp_path):
    schema = tmp_path / "s.rng"
    schema.write_text(schema_text("required attribute").replace(
        '<element name="r">', '<element name="doc"><oneOrMore><element name="r">').replace(
        "</element></start>", "</element></oneOrMore></element></start>"), encoding="utf-8")
    text = '<doc>\n<r n="1" k="a"/>\n<r/>\n<r n="x" k="a" extra="1"/>\n<s/>\n</doc>'
    found = _findings(schema, text, tmp_path)
    assert [(f.line, f.column) for f in found] == [(3, 5), (4, 27), (4, 27), (5, 5)]
    assert [f.message.split(";")[0] for f in found] == [
        'element "r" missing required attributes "k" and "n"',
        'value of attribute "n" is invalid',
        'found attribute "extra", but no attributes allowed here',
        'element "s" not allowed anywhere']


@pytest.mark.parametrize("body,words,line", [
    ('<ref name="missing"/>', 'undefined pattern "missing"', 3),
    ('<element name="a"><data type="notAType"/></element>', "not an XML Schema datatype", 3),
    ('<ref name="loop"/></start><define name="loop"><choice><ref name="loop"/><empty/></choice>'
     '</define><start combine="choice"><empty/>', 'bad recursive reference to pattern "loop"', 3),
    ('<element name="a"><data type="token"><param name="pattern">[</param></data></element>',
     "invalid regular expression", 3),
])
def test_a_schema_that_cannot_compile_is_a_finding_with_its_line(body, words, line, tmp_path):
    schema = tmp_path / "bad.rng"
    schema.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"\n datatypeLibrary='
                      '"http://www.w3.org/2001/XMLSchema-datatypes">\n<start>' + body +
                      "</start></grammar>", encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<a/>", encoding="utf-8")
    result = run_cli("validate", str(doc), "--schema", str(schema), "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    schema_errors = [f for f in findings if f["rule"] == "schema-invalid"]
    assert schema_errors and words in schema_errors[0]["message"]
    assert f"{schema}:{line}" in schema_errors[0]["message"]
    assert "Traceback" not in result.stderr


def test_a_schema_file_that_is_not_well_formed_is_located(tmp_path):
    from toolkit.validate.engines import relaxng

    schema = tmp_path / "broken.rng"
    schema.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n<start>\n</grammar>',
                      encoding="utf-8")
    with pytest.raises(relaxng.SchemaUnusable) as caught:
        relaxng.load(schema)
    assert caught.value.line == 3 and "not well-formed" in caught.value.message


def test_a_schema_that_takes_too_long_is_given_up_with_a_timeout_finding(tmp_path):
    from toolkit.validate.engines import relaxng

    defines = "".join(f'<define name="d{i}"><element name="e{i}"><ref name="d{i + 1}"/></element>'
                      f"</define>" for i in range(20000)) + '<define name="d20000"><empty/></define>'
    schema = _write(tmp_path, "big.rng", '<ref name="d0"/>', defines)
    with pytest.raises(relaxng.SchemaUnusable) as caught:
        relaxng.load(schema, timeout=0.0)
    assert caught.value.rule == "schema-timeout" and "--schema-timeout" in caught.value.message


def test_remote_include_without_catalog_is_never_fetched(tmp_path):
    from toolkit.validate.engines import relaxng

    schema = tmp_path / "remote.rng"
    schema.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n'
                      '<include href="https://example.org/tei_all.rng"/></grammar>', encoding="utf-8")
    with pytest.raises(relaxng.SchemaUnusable) as caught:
        relaxng.load(schema)
    assert caught.value.rule == "schema-unavailable" and caught.value.line == 2
    assert "--catalog" in caught.value.message


# ----------------------------------------------------------------------------- the cache

def _cached_schema(tmp_path: Path) -> Path:
    _write(tmp_path, "part.rng", "", '<define name="item"><element name="item"><data type="token">'
           '<param name="pattern">[a-z]+</param></data></element></define>')
    return _write(tmp_path, "list.rng", '<element name="list"><oneOrMore><ref name="item"/>'
                  '</oneOrMore></element>', '<include href="part.rng"/>')


def _fresh_load(schema: Path):
    from toolkit.validate.engines import relaxng

    relaxng._loaded.clear()
    return relaxng.load(schema)


def test_the_prepared_schema_is_cached_by_content_and_reused(tmp_path, own_cache):
    schema = _cached_schema(tmp_path)
    first = _fresh_load(schema)
    assert not first.from_cache
    assert [p.suffix for p in own_cache.iterdir()] == [".json"]
    again = _fresh_load(schema)
    assert again.from_cache
    assert _findings(schema, "<list><item>ok</item><item>NO</item></list>", tmp_path)[0].column == 37


def test_a_changed_included_file_is_not_served_from_the_cache(tmp_path):
    schema = _cached_schema(tmp_path)
    _fresh_load(schema)
    part = tmp_path / "part.rng"
    part.write_text(part.read_text(encoding="utf-8").replace("[a-z]+", "[A-Z]+"), encoding="utf-8")
    assert not _fresh_load(schema).from_cache
    assert _findings(schema, "<list><item>NO</item></list>", tmp_path) == []


@pytest.mark.parametrize("damage", ["truncate", "garbage", "edit-body", "forged-operand"])
def test_a_corrupt_or_tampered_cache_file_is_ignored_and_rebuilt(damage, tmp_path, own_cache):
    import hashlib

    schema = _cached_schema(tmp_path)
    _fresh_load(schema)
    cache_file = next(own_cache.iterdir())
    text = cache_file.read_text(encoding="utf-8")
    head, body = text.split("\n", 1)
    if damage == "truncate":
        text = text[: len(text) // 2]
    elif damage == "garbage":
        text = "\x00\xff not json"
    elif damage == "edit-body":  # digest no longer matches
        text = head + "\n" + body.replace("[a-z]+", "[0-9]+")
    else:  # a consistent digest over a graph whose operand points past the end
        data = json.loads(body)
        data["start"] = len(data["p"]) + 5
        body = json.dumps(data, separators=(",", ":"))
        meta = json.loads(head)
        meta["digest"] = hashlib.sha256(body.encode()).hexdigest()
        text = json.dumps(meta) + "\n" + body
    cache_file.write_text(text, encoding="utf-8")
    rebuilt = _fresh_load(schema)
    assert not rebuilt.from_cache
    assert _findings(schema, "<list><item>NO</item></list>", tmp_path)[0].line == 1
    assert _fresh_load(schema).from_cache  # written anew


# ----------------------------------------------------------------------------- datatypes

_DATE_SAMPLES = ["1872", "0000", "-0044", "1872-02", "1872-13", "--02", "--13", "--02-29",
                 "--02-30", "---31", "---32", "2020-02-29", "2021-02-29", "1900-02-29",
                 "1872-06-01T10:00:00", "1872-06-01T24:00:00", "10:61:00", "23:59:59.5Z",
                 "1872Z", "1872+14:00", "1872+14:30", "18720", "12345-01-01", "1872-6-1", "",
                 " 1872", "1872-06-01T10:00", "T10:00:00"]


@pytest.mark.parametrize("type_name,reference", [
    ("date", "Date10"), ("dateTime", "DateTime10"), ("time", "Time"), ("gYear", "GregorianYear10"),
    ("gYearMonth", "GregorianYearMonth10"), ("gMonth", "GregorianMonth"),
    ("gMonthDay", "GregorianMonthDay"), ("gDay", "GregorianDay")])
def test_date_types_agree_with_elementpath(type_name, reference):
    """The date and time family is checked without importing elementpath (its import
    costs a cold run more than a novel's validation); elementpath stays the reference."""
    from elementpath import datatypes

    from toolkit.validate.engines.relaxng.datatypes import XSD, make

    ours = make(XSD, type_name, [])
    for sample in _DATE_SAMPLES:
        try:
            getattr(datatypes, reference).fromstring(sample.strip())
            expected = True
        except (ValueError, TypeError, ArithmeticError):
            expected = False
        assert ours.allows(sample) == expected, (type_name, sample)
