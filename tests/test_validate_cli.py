"""`tei-edition validate` as CI uses it: declarations, catalogs, precedence, exit codes, jobs,
and the bundled telegram broken in the ways editors break documents."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, TELEGRAM, run_cli

FIX = Path(__file__).parent / "fixtures" / "validate"


def _edition_copy(tmp_path: Path, text: str, name: str = "telegram.xml") -> Path:
    """A copy of the bundled edition's layout (tei/ with its register file and front matter,
    beside schemas/), with ``text`` as the document ``name``."""
    if not (tmp_path / "tei").exists():
        shutil.copytree(ROOT / "tei", tmp_path / "tei")
    if not (tmp_path / "schemas").exists():
        shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    path = tmp_path / "tei" / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _findings(result) -> list[dict]:
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]


# --- the telegram, broken ------------------------------------------------------------------

def _variants(src: str) -> dict[str, tuple[str, int, str]]:
    """name -> (broken text, line where the problem must be reported, rule or source)."""
    ids = re.findall(r'xml:id="([^"]+)"', src)
    out = {}
    moscow = 'ref="registers.xml#moscow"'  # a pointer into the edition's register file
    out["dangling-pointer"] = (src.replace(moscow, 'ref="registers.xml#moscw"', 1),
                               _line_of(src, moscow), "dangling-pointer")
    second = f'xml:id="{ids[1]}"'
    out["duplicate-id"] = (src.replace(second, f'xml:id="{ids[0]}"', 1), _line_of(src, second),
                           "duplicate-id")
    when = 'when="1953-03-29"'
    out["impossible-date"] = (src.replace(when, 'when="1953-02-30"', 1), _line_of(src, when),
                              "invalid-date")
    person = re.search(r"<persName\b[^>]*>[^<]*</persName>", src).group(0)
    misspelt = person.replace("<persName", "<persname").replace("</persName>", "</persname>")
    out["misspelt-element"] = (src.replace(person, misspelt, 1), _line_of(src, person), "xsd")
    stmt = re.search(r"<titleStmt>.*?</titleStmt>", src, re.S)
    no_title = re.sub(r"\s*<title\b.*?</title>", "", stmt.group(0), flags=re.S)
    out["removed-title"] = (src[: stmt.start()] + no_title + src[stmt.end():],
                            _line_of(src, "<titleStmt>"), "xsd")
    return out


def test_bundled_telegram_is_valid():
    result = run_cli("validate", str(TELEGRAM), "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [f for f in _findings(result) if f["severity"] == "error"]


@pytest.mark.parametrize("variant", ["dangling-pointer", "duplicate-id", "impossible-date",
                                     "misspelt-element", "removed-title"])
def test_broken_telegram_is_reported_at_the_right_line(tmp_path, variant):
    text, line, rule = _variants(TELEGRAM.read_text(encoding="utf-8"))[variant]
    path = _edition_copy(tmp_path, text)
    result = run_cli("validate", str(path), "--format", "json")
    assert result.returncode == 1, result.stderr
    errors = [f for f in _findings(result) if f["severity"] == "error"]
    hits = [f for f in errors if rule in (f["rule"], f["source"]) and f["line"] == line]
    assert hits, f"expected a {rule} error at line {line}, got {errors}"
    assert all(f["file"] == str(path) for f in errors)


def test_dangling_pointer_suggests_the_near_miss(tmp_path):
    text, line, _ = _variants(TELEGRAM.read_text(encoding="utf-8"))["dangling-pointer"]
    result = run_cli("validate", str(_edition_copy(tmp_path, text)))
    assert re.search(rf":{line}:\d+: error: @ref points to 'registers.xml#moscw'.*"
                     r"did you mean 'registers.xml#moscow'\?", result.stderr), result.stderr


def test_duplicate_id_names_both_locations(tmp_path):
    src = TELEGRAM.read_text(encoding="utf-8")
    text, line, _ = _variants(src)["duplicate-id"]
    first_id = re.findall(r'xml:id="([^"]+)"', src)[0]
    first = _line_of(src, f'xml:id="{first_id}"')
    result = run_cli("validate", str(_edition_copy(tmp_path, text)), "--format", "json")
    dup = [f for f in _findings(result) if f["rule"] == "duplicate-id"]
    assert dup and dup[0]["line"] == line and f"line {first}" in dup[0]["message"]


# --- declarations, catalogs, precedence ----------------------------------------------------

def test_declared_rng_is_grammar_and_embedded_schematron():
    result = run_cli("validate", str(FIX / "declared.xml"), "--format", "json")
    assert result.returncode == 1
    rules = {f["rule"]: f for f in _findings(result)}
    assert rules["title-text"]["severity"] == "error"       # Schematron embedded in the .rng
    assert rules["n-small"]["severity"] == "warning"        # the standalone .sch, role=warning
    assert rules["title-text"]["line"] == 6 and rules["n-small"]["line"] == 8


def test_remote_schema_without_catalog_is_a_clear_error_not_a_download():
    result = run_cli("validate", str(FIX / "remote.xml"), env={"XML_CATALOG_FILES": ""})
    assert result.returncode == 1
    assert "schema-unavailable" in result.stderr and "never downloads" in result.stderr
    assert ":2: error:" in result.stderr  # the line of the <?xml-model?>


def test_remote_schema_through_a_catalog(tmp_path):
    assert run_cli("validate", str(FIX / "remote.xml"), "--catalog",
                   str(FIX / "example-catalog.xml")).returncode == 0
    assert run_cli("validate", str(FIX / "remote.xml"),
                   env={"XML_CATALOG_FILES": str(FIX / "example-catalog.xml")}).returncode == 0
    # the severity of an unavailable schema is configurable
    result = run_cli("validate", str(FIX / "remote.xml"), "--unavailable", "warning")
    assert result.returncode == 0 and "warning:" in result.stderr
    assert run_cli("validate", str(FIX / "remote.xml"), "--unavailable", "warning",
                   "--fail-on", "warning").returncode == 1


def test_builtin_tei_catalog_maps_release_urls_to_the_schema_dir(tmp_path):
    local = tmp_path / "tei-schemas"
    local.mkdir()
    shutil.copy(FIX / "letter.rng", local / "tei_all.rng")
    doc = tmp_path / "doc.xml"
    doc.write_text((FIX / "remote.xml").read_text().replace(
        "https://schemas.example.org/letter.rng",
        "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"))
    assert run_cli("validate", str(doc)).returncode == 1
    assert run_cli("validate", str(doc), env={"TEI_EDITION_SCHEMA_DIR": str(local)}).returncode == 0
    assert run_cli("validate", str(doc), "--schema-dir", str(local)).returncode == 0


@pytest.mark.parametrize("schema", ["letter.rng", "letter.rnc", "letter.xsd", "letter11.xsd"])
def test_schema_option_overrides_declarations(schema):
    result = run_cli("validate", str(FIX / "declared.xml"), "--schema", str(FIX / schema))
    assert result.returncode == 0, result.stderr  # the empty-title rule is not run


def test_configuration_precedence(tmp_path):
    doc = tmp_path / "doc.xml"
    doc.write_text((FIX / "declared.xml").read_text().replace('n="200"', 'n="x"'))
    for name in ("letter.rng", "letter.sch", "letter.xsd"):
        shutil.copy(FIX / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tei-edition]\nrules = ["letter.sch"]\nfail-on = "warning"\n')
    # configured rules replace the declarations: no grammar, so n="x" is only a dynamic error
    # of the rule; fail-on=warning from the configuration
    configured = run_cli("validate", str(doc), "--format", "json", cwd=tmp_path)
    sources = {f["source"] for f in _findings(configured)}
    assert "relaxng" not in sources and configured.returncode == 1
    # the command line beats the configuration
    cli = run_cli("validate", str(doc), "--schema", str(tmp_path / "letter.xsd"), "--format",
                  "json", cwd=tmp_path)
    assert {f["source"] for f in _findings(cli) if f["severity"] == "error"} == {"xsd"}
    # edition.toml, top-level keys, and --no-config
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "edition.toml").write_text('checks = false\nschemas = ["letter.xsd"]\n')
    edition = run_cli("validate", str(doc), "--format", "json", cwd=tmp_path)
    assert {f["source"] for f in _findings(edition) if f["severity"] == "error"} == {"xsd"}
    declared = run_cli("validate", str(doc), "--no-config", "--format", "json", cwd=tmp_path)
    assert "relaxng" in {f["source"] for f in _findings(declared)}


def test_undeclared_document_gets_checks_and_an_info(tmp_path):
    doc = tmp_path / "plain.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p ref="#nowhere">x</p></TEI>')
    result = run_cli("validate", str(doc), "--format", "json")
    rules = [f["rule"] for f in _findings(result)]
    assert "no-schema" in rules and "dangling-pointer" in rules and result.returncode == 1
    assert run_cli("validate", str(doc), "--no-checks").returncode == 0


# --- exit codes, outputs, jobs -------------------------------------------------------------

def test_exit_codes(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><p></TEI>")
    assert run_cli("validate", str(bad)).returncode == 1
    assert run_cli("validate", str(tmp_path / "missing.xml")).returncode == 2
    assert run_cli("validate", str(bad), "--format", "yaml").returncode == 2
    assert run_cli("validate", str(bad), "--catalog", str(tmp_path / "nope.xml")).returncode == 2
    broken_catalog = tmp_path / "cat.xml"
    broken_catalog.write_text("<notacatalog/>")
    assert run_cli("validate", str(bad), "--catalog", str(broken_catalog)).returncode == 2


def test_output_file_is_written(tmp_path):
    out = tmp_path / "reports" / "validate.sarif"
    result = run_cli("validate", str(FIX / "declared.xml"), "--format", "sarif", "--output", str(out))
    assert result.returncode == 1 and out.is_file()
    assert json.loads(out.read_text())["version"] == "2.1.0"
    assert not list(out.parent.glob("*.part"))


def test_same_results_whatever_the_number_of_jobs(tmp_path):
    for i in range(6):
        text = (FIX / "declared.xml").read_text().replace("First.", f"First {i}.")
        (tmp_path / f"d{i}.xml").write_text(text)
        shutil.copy(FIX / "letter.rng", tmp_path / "letter.rng")
        shutil.copy(FIX / "letter.sch", tmp_path / "letter.sch")
    (tmp_path / "plain.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p ref="#a #b"/></TEI>')
    runs = []
    for jobs in ("1", "3"):
        result = run_cli("validate", str(tmp_path), "--format", "json", "--jobs", jobs)
        assert result.returncode == 1
        files = json.loads(result.stdout)["files"]
        runs.append([(f["file"], f["findings"]) for f in files])
    assert runs[0] == runs[1]
    assert [f for f, _ in runs[0]] == sorted(f for f, _ in runs[0])


def test_github_format_on_stdout(tmp_path):
    result = run_cli("validate", str(FIX / "declared.xml"), "--format", "github")
    lines = result.stdout.splitlines()
    assert any(re.match(r"^::error file=.*declared\.xml,line=6,title=tei-edition title-text::", l)
               for l in lines), lines
    assert any(l.startswith("::warning ") for l in lines)


def test_precommit_and_action_files_exist():
    import yaml  # pyyaml: a test extra of this project
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "tei-edition-validate")
    assert hook["entry"] == "tei-edition validate" and hook["files"] == r"\.xml$"
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "python-version"} <= set(action["inputs"])
    steps = "\n".join(str(s.get("run", "")) for s in action["runs"]["steps"])
    assert "github.action_path" in steps and "--format github" in steps
