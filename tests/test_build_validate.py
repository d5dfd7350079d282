"""build --validate: the plan of validate first; an invalid document is not published.

Also the configuration a build reads (``validate = true``, the ``build`` table, unknown
keys) and what its incremental hash covers (schemas only when it validates).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'
GOOD = f"""<TEI {TEI}><teiHeader><fileDesc><titleStmt><title>A note</title></titleStmt>
</fileDesc></teiHeader><text><body><p xml:id="a">See <ref target="#a">above</ref>.</p>
</body></text></TEI>"""
RULES = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:p"><assert test="string-length(.) lt {limit}" id="short-p"
    >A paragraph is shorter than {limit} characters.</assert></rule></pattern>
</schema>"""


def _project(tmp_path: Path, limit: int = 100, config: str = "") -> Path:
    (tmp_path / "note.xml").write_text(GOOD)
    (tmp_path / "rules.sch").write_text(RULES.format(limit=limit))
    (tmp_path / "pyproject.toml").write_text('[tool.tei-edition]\nrules = ["rules.sch"]\n' + config)
    return tmp_path


def _build(folder: Path, *extra: str):
    return run_cli("build", "note.xml", "--to", "text", "-o", "out", *extra, cwd=folder)


def test_a_valid_document_is_published(tmp_path):
    folder = _project(tmp_path)
    result = _build(folder, "--validate")
    assert result.returncode == 0, result.stderr
    assert "A note" in (folder / "out" / "note.txt").read_text()


def test_an_invalid_document_is_refused_and_its_previous_outputs_stay(tmp_path):
    folder = _project(tmp_path, limit=40)
    assert _build(folder).returncode == 0
    before = (folder / "out" / "note.txt").read_bytes()
    (folder / "note.xml").write_text(GOOD.replace("above", "above, and a much longer paragraph "
                                                  "that the rules of this project refuse"))
    result = _build(folder, "--validate")
    assert result.returncode == 1
    assert "[short-p]" in result.stderr and "not published: 1 validation error(s)" in result.stderr
    assert (folder / "out" / "note.txt").read_bytes() == before
    # without --validate the same document is published: a build never validates unasked
    assert _build(folder).returncode == 0
    assert (folder / "out" / "note.txt").read_bytes() != before


def test_validate_true_in_the_configuration(tmp_path):
    folder = _project(tmp_path, limit=5, config="validate = true\n")
    result = _build(folder)
    assert result.returncode == 1 and "[short-p]" in result.stderr
    assert _build(folder, "--no-validate").returncode == 0
    assert _build(folder, "--no-config").returncode == 0


def test_the_build_table_and_a_validate_table_together(tmp_path):
    folder = _project(tmp_path, limit=5)
    (folder / "pyproject.toml").write_text(
        '[tool.tei-edition.validate]\nrules = ["rules.sch"]\n'
        '[tool.tei-edition.build]\nvalidate = true\njobs = 1\n')
    result = _build(folder)
    assert result.returncode == 1 and "[short-p]" in result.stderr


def test_unknown_configuration_keys_are_usage_errors(tmp_path):
    folder = _project(tmp_path, config='fail_on = "warning"\n')
    for command in (("validate", "note.xml"), ("build", "note.xml", "-o", "out")):
        result = run_cli(*command, cwd=folder)
        assert result.returncode == 2, result.stderr
        assert f"{folder / 'pyproject.toml'}: error: unknown configuration key 'fail_on'" \
            in result.stderr
        assert "Traceback" not in result.stderr
    (folder / "pyproject.toml").write_text('[tool.tei-edition.build]\nvalidat = true\n')
    result = run_cli("build", "note.xml", "-o", "out", cwd=folder)
    assert result.returncode == 2 and "'build.validat'" in result.stderr


def test_schemas_are_part_of_the_build_hash_only_when_it_validates(tmp_path):
    folder = _project(tmp_path)
    assert "1 built" in _build(folder).stderr
    (folder / "rules.sch").write_text(RULES.format(limit=200))
    assert "1 up to date" in _build(folder).stderr  # a plain build reads no schema
    assert "1 built" in _build(folder, "--validate").stderr
    assert "1 up to date" in _build(folder, "--validate").stderr
    (folder / "rules.sch").write_text(RULES.format(limit=5))
    result = _build(folder, "--validate")  # the rules changed: validated again, refused
    assert result.returncode == 1 and "[short-p]" in result.stderr


def test_a_plain_build_loads_no_validation_engine(tmp_path):
    (tmp_path / "note.xml").write_text(GOOD)
    code = ("import sys\nfrom toolkit.cli import cli\n"
            "try:\n    cli.main(['build', 'note.xml', '--to', 'text', '-o', 'out'],"
            " standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('toolkit.validate.engines', 'xmlschema', 'elementpath')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_an_edited_register_file_rebuilds_the_documents_pointing_to_it(tmp_path):
    import shutil

    for name in ("letter.xml", "persons.xml", "places.xml"):
        shutil.copy(Path(__file__).parent / "fixtures" / "common" / name, tmp_path / name)
    args = ("build", "letter.xml", "--to", "text", "-o", "out")
    assert "1 built" in run_cli(*args, cwd=tmp_path).stderr
    assert "1 up to date" in run_cli(*args, cwd=tmp_path).stderr
    places = tmp_path / "places.xml"
    places.write_text(places.read_text().replace("</placeName>", "</placeName><!-- edited -->", 1))
    assert "1 built" in run_cli(*args, cwd=tmp_path).stderr
