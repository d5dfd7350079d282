"""`tei-edition validate` over ../shared/corpus, against jing's recorded verdicts.

Schemas are prepared once per process (and cached on disk), so these tests call the
library in-process where they can.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

from conftest import CORPUS, need_shared, run_cli

pytestmark = pytest.mark.corpus

FIX = Path(__file__).parent / "fixtures" / "validate"
CATALOG = FIX / "corpus-catalog.xml"
TEI_ALL = CORPUS / "dracor-validate-action" / "schemas" / "tei_all_4.12.0.rng"
SCHEMA_SOURCES = ("relaxng", "rng", "rnc", "xsd", "sch", "schematron")


@pytest.fixture(scope="module")
def options():
    need_shared()
    from toolkit.validate.run import ValidationOptions

    return ValidationOptions(catalogs=(CATALOG,), checks=True, schema_timeout=120)


def _check(path: Path, options):
    from toolkit.validate.run import check_file

    return check_file(path, options)


def _grammar_errors(result):
    return [f for f in result.findings if f.severity == "error" and f.source == "relaxng"]


def _manifest():
    with open(CORPUS / "manifest.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_frus_documents_declaring_tei_all_fail_it(options):
    rows = [r for r in _manifest() if r["file"].startswith("frus-history/")
            and "tei_all.rng" in r["schema_declared"]]
    assert len(rows) == 29
    for row in rows:
        result = _check(CORPUS / row["file"], options)
        errors = _grammar_errors(result)
        assert errors, row["file"]
        assert any("date" in f.message for f in errors), (row["file"], errors[:2])
        assert not [f for f in result.findings if f.rule in ("schema-unavailable", "schema-timeout",
                                                             "internal-error")]


def test_frus_documents_without_declaration_get_checks_and_an_info(options):
    rows = [r for r in _manifest() if r["file"].startswith("frus-history/")
            and r["schema_declared"] == "(none)"]
    for row in rows:
        rules = {f.rule for f in _check(CORPUS / row["file"], options).findings}
        assert "no-schema" in rules


def test_eltec_level1_is_valid_against_eltec1(options):
    files = sorted((CORPUS / "ELTeC-eng").rglob("*.xml"))
    assert len(files) == 15
    for path in files:
        result = _check(path, options)
        schema_errors = [f for f in result.findings if f.severity == "error"
                         and f.source in SCHEMA_SOURCES]
        assert not schema_errors, (path.name, schema_errors[:3])
        assert any("eltec-1.rng" in s for s in result.schemas)


def test_swedracor_mostly_fails_tei_all(options):
    from dataclasses import replace

    opts = replace(options, schemas=(TEI_ALL,), checks=False)
    files = sorted((CORPUS / "swedracor").rglob("*.xml"))
    failing = [p for p in files if _grammar_errors(_check(p, opts))]
    assert len(failing) > len(files) / 2


def _jing_verdict(cell: str) -> str | None:
    cell = cell.strip()
    if cell.startswith("0 (valid)"):
        return "valid"
    if cell[:1].isdigit():
        return "invalid"
    return None  # fatal (missing DTD, not well-formed): no grammar verdict


def test_stylesheets_tests_agree_with_jing_on_tei_all(options):
    from dataclasses import replace

    opts = replace(options, schemas=(TEI_ALL,), checks=False)
    with open(CORPUS / "stylesheets" / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    table = []
    for row in rows:
        jing = _jing_verdict(row["tei_all_jing_errors"])
        if jing is None or row["root"] not in ("tei:TEI", "tei:teiCorpus"):
            continue
        result = _check(CORPUS / "stylesheets" / row["file"], opts)
        ours = "invalid" if [f for f in result.findings if f.severity == "error"] else "valid"
        table.append((row["file"], jing, ours))
    agree = [t for t in table if t[1] == t[2]]
    # jing ran the current TEI-All, we run the vendored 4.12.0: allow a release's drift
    assert len(agree) >= len(table) - 2, [t for t in table if t[1] != t[2]]


def test_epidoc_remote_schema_is_reported_unavailable(options):
    files = sorted((CORPUS / "EasternNecropolisofConcordia_EpiDoc_project").rglob("*.xml"))
    for path in files:
        started = time.perf_counter()
        rules = [f.rule for f in _check(path, options).findings]
        assert "schema-unavailable" in rules
        assert time.perf_counter() - started < 5


def test_syriaca_duplicate_and_non_ncname_ids_are_findings(options):
    rows = [r for r in _manifest() if r["lxml_parse"] == "NOT-WELL-FORMED"]
    assert len(rows) == 8
    for row in rows:
        result = _check(CORPUS / row["file"], options)
        rules = {f.rule for f in result.findings}
        assert rules & {"duplicate-id", "id-not-ncname"}, row["file"]
        assert "internal-error" not in rules and "not-well-formed" not in rules


def test_dracor_rng_validates_the_swedish_plays_with_jings_verdicts():
    """libxml2 never finished compiling dracor_1.6.0.rng; jing validates with it. Every
    Swedish play fails it (``fw``, ``roleGroup`` ... are not in DraCor's schema), the
    action's valid.xml passes, all within the default timeout."""
    need_shared()
    schema = CORPUS / "dracor-validate-action" / "schemas" / "dracor_1.6.0.rng"
    plays = sorted((CORPUS / "swedracor" / "tei").glob("*.xml"))
    valid = CORPUS / "dracor-validate-action" / "tei" / "valid.xml"
    result = run_cli("validate", *map(str, plays), str(valid), "--schema", str(schema),
                     "--no-checks", "--format", "json", timeout=300)
    files = {Path(f["file"]).name: f["findings"] for f in json.loads(result.stdout)["files"]}
    assert result.returncode == 1
    assert not [f for fs in files.values() for f in fs if f["rule"].startswith("schema-")]
    assert not [f for f in files["valid.xml"] if f["severity"] == "error"]
    for play in plays:
        errors = [f for f in files[play.name] if f["source"] == "relaxng"]
        assert errors and all(f["line"] and f["column"] for f in errors), play.name
    first = next(f for f in files["topelius-z-krypskyttarne.xml"] if f["source"] == "relaxng")
    assert (first["line"], first["column"]) == (227, 26)  # as jing reports it
    assert 'element "fw" not allowed anywhere' in first["message"]


#: fixture -> a fragment of the Schematron rule id it is written to trigger (dracor_1.6.0.sch)
DRACOR_CASES = {
    "tst000001-bad-play-wikidata-id": "play_wikidata_id",
    "tst000005-body-incomplete": "basic_play_structure",
    "tst000008-no-structure": "basic_play_structure",
    "tst000009-no-sp": "basic_play_structure_sp",
    "tst000010-no-speakers": "basic_play_structure_sp",
    "tst000013-sex": "sex",
    "tst000014-no-subtitle": "sub_title",
    "tst000018-who-references": "unlinked_sp",
    "tst000019-digitalsource-deprecate-idno": "digital_source",
    "tst000021-digitalsource-only": "digital_original_source",
    "tst000022-source-count": "sources_count",
    "tst000024-feature-character-wikidata-id": "character_wikidata_id",
    "tst000025-deprecate-ana-wikidata": "ana_wikidata",
    "tst000026-antilabe-part": "antilabe",
    "tst000027-empty-elements": "no_empty",
    "tst100002-corpus-legacy": "corpus_xml_deprecation",
}


def test_dracor_fixtures_against_dracor_schematron():
    need_shared()
    sch = CORPUS / "dracor-validate-action" / "schemas" / "dracor_1.6.0.sch"
    result = run_cli("validate", str(CORPUS / "dracor-schema" / "tests"),
                     str(CORPUS / "dracor-validate-action" / "tei"), "--rules", str(sch),
                     "--no-checks", "--format", "json", "--jobs", "2", timeout=300)
    assert result.returncode == 1, result.stderr
    files = {Path(f["file"]).stem: f["findings"] for f in json.loads(result.stdout)["files"]}
    base = {f["rule"] for f in files["tst000000-base"]}
    assert not [f for f in files["tst000000-base"] if f["severity"] != "info"]
    for name, fragment in DRACOR_CASES.items():
        fired = {f["rule"] for f in files[name]} - base
        assert any(fragment in rule for rule in fired), (name, fired)
    assert not [f for f in files["valid"] if f["severity"] == "error"]
    assert [f for f in files["invalid"] if f["severity"] == "error"]


def test_whole_corpus_through_the_cli_no_traceback_no_hang(tmp_path):
    need_shared()
    out = tmp_path / "corpus.junit.xml"
    result = run_cli("validate", str(CORPUS), "--catalog", str(CATALOG), "--format", "junit",
                     "--output", str(out), "--jobs", "2", "--schema-timeout", "60", timeout=900)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    from junitparser import JUnitXml

    cases = [c for suite in JUnitXml.fromfile(str(out)) for c in suite]
    assert len(cases) > 150


JING_LOCATIONS = FIX / "jing-locations.tsv"
_SCHEMAS = {"tei_all.rng": CORPUS.parent / "schemas" / "tei_all" / "tei_all.rng",
            "dracor_1.6.0.rng": CORPUS / "dracor-validate-action" / "schemas" / "dracor_1.6.0.rng",
            "tei_all_4.12.0.rng": TEI_ALL}


def test_relaxng_errors_are_at_jings_locations_across_the_corpus():
    """Every RELAX NG error at the line and column jing reports, as many, no more: the
    ELTeC novels and FRUS documents against tei_all, the Swedish plays against DraCor's
    schema, the TEI Stylesheets' test files against tei_all 4.12.0 (jing's output recorded
    in tests/fixtures/validate/jing-locations.tsv)."""
    need_shared()
    from toolkit.core.parse import parse_file
    from toolkit.validate.engines import relaxng

    rows = [line.rstrip("\n").split("\t") for line in
            JING_LOCATIONS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(rows) > 100
    differ = []
    for schema, file, expected in rows:
        path = CORPUS / file
        tree = parse_file(path)
        found = sorted((f.line, f.column) for f in
                       relaxng.load(_SCHEMAS[schema]).iter_findings(tree, file, path))
        want = sorted(tuple(map(int, loc.split(":"))) for loc in expected.split())
        if found != want:
            differ.append((schema, file, found[:3], want[:3]))
    assert not differ, differ[:5]


@pytest.mark.parametrize("schema", ["tei_all", "dracor"])
def test_prepared_corpus_schemas_load_back_from_the_cache(schema, tmp_path, monkeypatch):
    """The cache file of a large schema is read back whole (rows in an order the reader
    accepts), not silently ignored and prepared again on every run."""
    need_shared("schemas/tei_all" if schema == "tei_all" else "corpus")
    from toolkit.validate.engines import relaxng

    path = (CORPUS.parent / "schemas" / "tei_all" / "tei_all.rng" if schema == "tei_all"
            else CORPUS / "dracor-validate-action" / "schemas" / "dracor_1.6.0.rng")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    relaxng._loaded.clear()
    try:
        first = relaxng.load(path)
        relaxng._loaded.clear()
        again = relaxng.load(path)
    finally:
        relaxng._loaded.clear()
    assert not first.from_cache and again.from_cache
    assert len(again._elements) == len(first._elements)
