"""The spine: each pipeline stage on its own, then the CLI and the installed wheel end to end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT, TELEGRAM, run_cli
from toolkit.core import saxon
from toolkit.core import write
from toolkit.core.errors import ParseError, TransformError, UsageError
from toolkit.core.parse import parse_bytes, parse_file
from toolkit.core.sources import expand

SMALL = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>A small letter</title></titleStmt></fileDesc></teiHeader>
<text><body><p>Dear <persName>Anna</persName>, the weather is fine.</p></body></text></TEI>"""


def _edition_files(folder: Path) -> list[Path]:
    """The edition outputs in ``folder`` (not the build manifest)."""
    if not folder.exists():
        return []
    return [p for p in folder.rglob("*") if p.suffix in (".html", ".txt", ".pdf")]


# --- parse -----------------------------------------------------------------------------

def test_parse_reports_file_line_and_column():
    with pytest.raises(ParseError) as caught:
        parse_bytes(b"<TEI>\n  <text>\n</TEI>", "letter.xml")
    assert str(caught.value).startswith("letter.xml:3:")
    assert "mismatch" in caught.value.message


def test_parse_never_reads_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = f'<!DOCTYPE a [<!ENTITY x SYSTEM "{secret.as_uri()}">]><a>&x;</a>'.encode()
    try:
        tree = parse_bytes(doc, "x.xml")
    except ParseError as exc:
        assert "TOP-SECRET" not in str(exc)
    else:  # pragma: no cover - the safe parser refuses; if it ever parses, no secret
        assert b"TOP-SECRET" not in saxon.serialize_for_saxon(tree)


def test_parse_bounds_entity_expansion():
    entities = "".join(f'<!ENTITY e{i} "{"&e%d;" % (i - 1) * 10}">' for i in range(1, 10))
    doc = f'<!DOCTYPE a [<!ENTITY e0 "ha">{entities}]><a>&e9;</a>'.encode()
    with pytest.raises(ParseError) as caught:
        parse_bytes(doc, "lol.xml")
    assert "entit" in caught.value.message.lower()


def test_parse_keeps_documents_with_duplicate_ids_for_the_checks():
    tree = parse_bytes(b'<a><b xml:id="x"/><c xml:id="x"/></a>', "dup.xml")
    assert len(tree.getroot()) == 2


def test_unreadable_source_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        parse_file(tmp_path)


# --- transform ----------------------------------------------------------------------------

def test_stylesheets_compile_once_and_take_parameters():
    text = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:param name="who" select="'nobody'"/>
      <xsl:template match="/"><xsl:message>seen <xsl:value-of select="$who"/></xsl:message>
        <out><xsl:value-of select="$who"/></out></xsl:template></xsl:stylesheet>"""
    first = saxon.compile_xslt(text=text)
    assert saxon.compile_xslt(text=text) is first
    result = first.transform(b"<a/>", {"who": "Anna"})
    assert "<out>Anna</out>" in result.output
    assert result.messages == ["seen Anna"]


def test_transforms_cannot_read_files_or_the_network():
    text = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:template match="/"><r><xsl:value-of select="unparsed-text('/etc/hostname')"/></r>
      </xsl:template></xsl:stylesheet>"""
    with pytest.raises(TransformError) as caught:
        saxon.compile_xslt(text=text).transform(b"<a/>", name="doc.xml")
    assert "prohibited" in caught.value.message


def test_dynamic_error_names_the_stylesheet_line(tmp_path):
    sheet = tmp_path / "fails.xsl"
    sheet.write_text("""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/">
  <xsl:sequence select="error((), 'the sky fell')"/>
</xsl:template>
</xsl:stylesheet>""")
    with pytest.raises(TransformError) as caught:
        saxon.compile_xslt(path=sheet).transform(b"<a/>", name="doc.xml")
    assert "the sky fell" in caught.value.message
    assert "line 3" in caught.value.message


def test_compile_error_is_located(tmp_path):
    sheet = tmp_path / "broken.xsl"
    sheet.write_text("""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><xsl:value-of select="1 +"/></xsl:template>
</xsl:stylesheet>""")
    with pytest.raises(TransformError) as caught:
        saxon.compile_xslt(path=sheet)
    assert caught.value.line == 2
    assert caught.value.rule == "XPST0003"


# --- write --------------------------------------------------------------------------------

def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out" / "a.html"
    write.atomic_write(target, "old")
    write.atomic_write(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.html"]


def test_output_names_cannot_escape_the_output_folder(tmp_path):
    with pytest.raises(UsageError):
        write.output_path(tmp_path, "../evil.html")
    with pytest.raises(UsageError):
        write.output_path(tmp_path, "/etc/evil.html")
    assert write.output_path(tmp_path, "sub/ok.html") == (tmp_path / "sub/ok.html").resolve()


def test_sources_expand_folders_in_stable_order(tmp_path):
    for name in ("b.xml", "a.xml", "sub/c.xml", ".hidden/d.xml", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(SMALL)
    found = [str(s.relative) for s in expand([str(tmp_path)])]
    assert found == ["a.xml", "b.xml", "sub/c.xml"]


# --- the CLI ----------------------------------------------------------------------------

def test_build_without_sources_builds_the_bundled_edition(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    stem = TELEGRAM.stem
    for suffix in (".html", ".txt", ".pdf"):
        assert (tmp_path / "build" / f"{stem}{suffix}").stat().st_size > 0
    text = (tmp_path / "build" / f"{stem}.txt").read_text()
    assert "Kim Il Sung" in text and "Panmunjom" in text
    if shutil.which("pdftotext"):
        pdf_text = subprocess.run(["pdftotext", str(tmp_path / "build" / f"{stem}.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
        words = " ".join(pdf_text.split())
        assert "Kim Il Sung" in words and "Minister of Foreign Affairs" in words


def test_malformed_source_gives_one_located_line_and_no_output(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<text>\n</TEI>\n")
    result = run_cli("build", str(bad), "--out", str(tmp_path / "out"), "-q")
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{bad}:3:") and ": error: " in lines[0]
    assert "Traceback" not in result.stderr
    assert not _edition_files(tmp_path / "out")


def test_failed_rebuild_keeps_the_previous_good_output(tmp_path):
    source = tmp_path / "letter.xml"
    source.write_bytes(SMALL)
    out = tmp_path / "out"
    assert run_cli("build", str(source), "--to", "html", "--out", str(out)).returncode == 0
    good = (out / "letter.html").read_bytes()
    source.write_text("<TEI><text>")
    assert run_cli("build", str(source), "--to", "html", "--out", str(out)).returncode == 1
    assert (out / "letter.html").read_bytes() == good


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("build", str(tmp_path / "missing.xml")).returncode == 2
    assert run_cli("build", "--to", "docx").returncode == 2
    assert run_cli("validate", "--schema", str(tmp_path / "none.xsd")).returncode == 2


def test_version_and_help():
    result = run_cli("--version")
    assert result.returncode == 0 and "tei-edition" in result.stdout
    for command in ("build", "validate"):
        help_text = run_cli(command, "--help").stdout
        assert "--quiet" in help_text and "--verbose" in help_text


def test_validate_bundled_edition_is_valid(tmp_path):
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# --- the wheel ----------------------------------------------------------------------------

def _site_packages() -> list[str]:
    """The folders the running interpreter imports third-party packages from (its own
    site-packages, a virtual environment's, the base Python's when the venv shares it)."""
    return [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")
            and Path(p).is_dir()]


def _assert_no_test_tools_in_the_users_install(wheel: Path) -> None:
    """The wheel's requirements without an extra are pyproject's dependencies and none of
    the test tools (Playwright alone is 165 MB): those come only with ``[test]``."""
    import tomllib
    import zipfile
    from packaging.requirements import Requirement  # hatchling's, a test dependency

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    required = [Requirement(line.split(":", 1)[1].strip())
                for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    plain = {r.name.lower() for r in required if r.marker is None}
    extra = {r.name.lower() for r in required if r.marker is not None}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    test = {Requirement(d).name.lower() for d in project["optional-dependencies"]["test"]}
    assert plain == {Requirement(d).name.lower() for d in project["dependencies"]}
    assert not plain & test, plain & test
    assert test <= extra
    assert {"pytest", "playwright", "axe-playwright-python", "pytest-lsp"} <= test


@pytest.mark.slow
def test_wheel_installs_and_builds_from_an_empty_folder(tmp_path):
    """A wheel carries tei/, schemas/ and xslt/: the installed command needs no checkout.

    The wheel is built without network (hatchling is a test dependency) and installed
    into a fresh virtual environment that does not see the system's packages; the
    dependencies, already installed for the tests, are made visible to it by a ``.pth``
    file naming the folders they are in, so that nothing is downloaded and the test runs
    the same inside or outside a virtual environment.
    """
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                            "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("tei_edition-*.whl"))
    _assert_no_test_tools_in_the_users_install(wheel)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    (Path(own) / "tests-dependencies.pth").write_text("\n".join(_site_packages()) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                    "--no-index", "-q", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "empty"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    command = env_dir / "bin" / "tei-edition"
    result = subprocess.run([str(command), "build"], cwd=work, capture_output=True, text=True,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in _edition_files(work / "build"))
    documents = [p.stem for p in (ROOT / "tei").rglob("*.xml") if p.name != "registers.xml"]
    assert TELEGRAM.stem in documents  # the telegram and its front matter
    assert names == sorted(f"{stem}{s}" for stem in documents for s in (".html", ".pdf", ".txt"))
    where = subprocess.run([str(python), "-c", "import toolkit; print(toolkit.__file__)"],
                           cwd=work, capture_output=True, text=True, env=env).stdout
    assert str(env_dir) in where, "the test must exercise the installed wheel, not the checkout"
    validated = subprocess.run([str(command), "validate"], cwd=work, capture_output=True,
                               text=True, env=env, timeout=600)
    assert validated.returncode == 0, validated.stderr


def test_a_missing_source_does_not_hide_the_findings_of_the_others(tmp_path):
    good = tmp_path / "good.xml"
    good.write_bytes(SMALL)
    for command in ("build", "validate"):
        extra = ("--to", "text", "--out", str(tmp_path / "out")) if command == "build" else ()
        result = run_cli(command, str(tmp_path / "missing.xml"), str(good), *extra)
        assert result.returncode == 2, result.stderr
        assert f"{tmp_path / 'missing.xml'}: error: no such file or folder" in result.stderr
        summary = "1 built" if command == "build" else "1 file(s) checked, 1 valid, 0 invalid, 1 unreadable"
        assert summary in result.stderr, result.stderr
    assert (tmp_path / "out" / "good.txt").is_file()
