"""Checks no schema expresses: pointers, xml:ids, dates."""

from __future__ import annotations

import pytest

from toolkit.validate.engines.checks import parse_date_text, parse_w3c, run_checks
from toolkit.core.parse import parse_bytes

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def _check(body: str, tmp_path=None, name="doc.xml"):
    text = f"<TEI {TEI}>\n{body}\n</TEI>\n"
    source = None
    if tmp_path is not None:
        source = tmp_path / name
        source.write_text(text)
    tree = parse_bytes(text.encode(), name)
    return run_checks(tree, name, source)


def _rules(findings):
    return [f.rule for f in findings]


def test_local_pointers_resolve_with_did_you_mean():
    found = _check('<person xml:id="kuznetsov"/>\n<p><persName ref="#kuznetsow">K</persName>'
                   '<rs ref="#kuznetsov" ana="#kuznetsov #nobody"/></p>')
    assert _rules(found) == ["dangling-pointer", "dangling-pointer"]
    assert "did you mean '#kuznetsov'?" in found[0].message
    assert found[0].line == 3 and found[0].xpath.endswith("/tei:persName[1]/@ref")
    assert "'#nobody'" in found[1].message


def test_urls_prefixes_and_non_xml_targets_are_not_local_pointers():
    assert _check('<p><ref target="https://example.org/#x"/><ref target="mailto:a@b"/>'
                  '<persName ref="wd:Q1 psn:kim"/><graphic url="a.png" facs="page1.jpg"/>'
                  '<ptr target="#range(a,b)"/></p>') == [
        f for f in _check('<p><ptr target="#range(a,b)"/></p>')]
    ok = _check('<anchor xml:id="a"/><anchor xml:id="b"/><ptr target="#range(a,b) #xpath(//p)"/>')
    assert ok == []


def test_pointers_into_other_files(tmp_path):
    (tmp_path / "register.xml").write_text(f'<TEI {TEI}><person xml:id="kim-il-sung"/></TEI>')
    found = _check('<p><persName ref="register.xml#kim-il-sung"/><persName ref="register.xml#kim-il-song"/>'
                   '<ref target="missing.xml"/></p>', tmp_path)
    assert _rules(found) == ["dangling-pointer", "dangling-pointer"]
    assert "did you mean 'register.xml#kim-il-sung'?" in found[0].message
    assert "missing.xml" in found[1].message


def test_duplicate_and_malformed_ids():
    found = _check('<p xml:id="a"/>\n<p xml:id="b c"/>\n<p xml:id="a"/>\n<p xml:id="1x"/>')
    by_rule = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f)
    assert [f.line for f in by_rule["duplicate-id"]] == [4]
    assert "also defined at line 2" in by_rule["duplicate-id"][0].message
    assert [f.line for f in by_rule["id-not-ncname"]] == [3, 5]


@pytest.mark.parametrize("value", ["1953-03-29", "1953-03", "1953", "-0044-03-15", "0000",
                                   "2000-02-29", "1953-03-29T10:00:00", "1953-03-29Z",
                                   "1953-03-29T24:00:00", "--03-29", "12345-01-01"])
def test_valid_dates(value):
    assert _check(f'<p><date when="{value}"/></p>') == []


@pytest.mark.parametrize("value", ["1953-02-30", "1900-02-29", "1953-13-01", "29.3.1953",
                                   "53-03-29", "1953-3-29", "1953-03-29T25:00:00", "1953/03/29",
                                   "01953-01-01"])
def test_invalid_dates(value):
    found = _check(f'<p><date when="{value}"/></p>')
    assert _rules(found) == ["invalid-date"], value


def test_date_order_and_iso_forms():
    assert _rules(_check('<p><date from="1953-04" to="1953-03-31"/></p>')) == ["date-order"]
    assert _check('<p><date from="1953" to="1953-01-15"/></p>') == []
    assert _rules(_check('<p><date notBefore-iso="1954" notAfter-iso="1953"/></p>')) == ["date-order"]
    assert _check('<p><date when-iso="1953-W13"/><date when-iso="19530329"/></p>') == []
    assert _check('<p><locus from="120" to="122"/><biblScope from="1" to="3"/></p>') == []


@pytest.mark.parametrize("text,when,ok", [
    ("29 March 1953", "1953-03-29", True), ("March 29, 1953", "1953-03-29", True),
    ("29.III.53", "1953-03-29", True), ("24.III.53", "1953-03-29", False),
    ("1953-03-29", "1953-03-29", True), ("29 March 1953", "1953-03-28", False),
    ("November 6, 1959", "1958-11-07", False), ("March 1953", "1953", True),
    ("the night of 29 March", "1953-03-29", True),
])
def test_date_text_agrees_with_when(text, when, ok):
    found = _check(f'<p><date when="{when}">{text}</date></p>')
    assert (_rules(found) == []) is ok, found
    if not ok:
        assert found[0].severity == "warning" and found[0].rule == "date-text-mismatch"


def test_parsers():
    assert parse_date_text("29.III.53") == {"d": 29, "m": 3, "y": 53, "yy": 1}
    assert parse_date_text("Mar. 29th, 1953") == {"m": 3, "d": 29, "y": 1953}
    assert parse_w3c("-0004-02-29")[1] == (-4, 2, 29)  # astronomical years: -4 is a leap year
    assert parse_w3c("-0001-02-29")[1] is None
    assert parse_w3c("1953-02-29")[1] is None


def test_non_tei_documents_get_only_id_checks():
    tree = parse_bytes(b'<doc><a ref="#nowhere" xml:id="x"/><b xml:id="x"/></doc>', "d.xml")
    assert _rules(run_checks(tree, "d.xml")) == ["duplicate-id"]


def test_common_dates_decided_without_elementpath_agree_with_it(monkeypatch):
    """The fast path for YYYY, YYYY-MM and YYYY-MM-DD gives elementpath's answers, real
    dates and impossible ones (months 00/13, 29 February, day 31 of a 30-day month) alike."""
    import re as re_module

    from toolkit.validate.engines.checks import dates

    values = [f"{y}" for y in ("1848", "1900", "2000", "0001")]
    values += [f"{y}-{m:02d}" for y in ("1848", "1900") for m in range(0, 14)]
    values += [f"{y}-{m:02d}-{d:02d}" for y in ("1848", "1849", "1900", "2000")
               for m in (0, 1, 2, 4, 12, 13) for d in (0, 1, 28, 29, 30, 31, 32)]
    fast = {v: dates.parse_w3c.__wrapped__(v) for v in values}
    monkeypatch.setattr(dates, "_SIMPLE", re_module.compile(r"(?!)"))  # elementpath only
    assert {v: dates.parse_w3c.__wrapped__(v) for v in values} == fast
