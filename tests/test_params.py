"""Stylesheet parameters: one table (toolkit/build/params.py) that the stylesheets, the
README and the command line agree on; an unknown name or a bad value is exit 2 with what
is accepted, never a silent default or an empty page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, TELEGRAM, run_cli
from toolkit.build import formats, params
from toolkit.core import resources, saxon

XSL = "http://www.w3.org/1999/XSL/Transform"


def _declared(stylesheet: Path) -> dict[str, str]:
    """name -> default of the global xsl:params (no namespace) in ``stylesheet``'s closure."""
    found = {}
    for file in saxon.stylesheet_files(stylesheet):
        for param in etree.parse(str(file)).getroot().findall(f"{{{XSL}}}param"):
            name = param.get("name")
            if ":" not in name:
                found[name] = re.sub(r"^'(.*)'$", r"\1", param.get("select") or "")
    return found


ENTRIES = [(name, None, fmt) for name, fmt in formats.FORMATS.items() if name != "pdf"] + [
    ("pdf", engine, fmt) for engine, fmt in formats.PDF_ENGINES.items()]


@pytest.mark.parametrize("name, engine, fmt", ENTRIES, ids=lambda v: getattr(v, "stylesheet", v))
def test_the_stylesheets_declare_the_parameters_of_the_table(name, engine, fmt):
    declared = _declared(resources.xslt_path(fmt.stylesheet))
    used = {p.name for p in params.PARAMS.values()
            if name in p.formats and not p.toolkit and p.engine in (None, engine)}
    assert used <= set(declared), "the table names a parameter the stylesheet does not take"
    assert set(declared) <= set(params.PARAMS), "a parameter the table does not describe"
    for param, default in declared.items():  # (html takes `reading` from common/, unused)
        table = params.PARAMS[param]
        if engine in (None, params.ENGINES[0]):
            assert default.lower() == table.default.lower() or (
                default == "" and table.default == "none"), param
        else:  # the other engine's default is one the table accepts for it
            assert table.problem(default, engine) is None, param


def test_the_toolkit_reads_the_parameters_no_stylesheet_declares():
    assert set(params.ENGINES) == set(formats.PDF_ENGINES)
    assert formats.DEFAULT_PDF_ENGINE == params.PARAMS["pdf-engine"].default
    assert {p.name for p in params.PARAMS.values() if p.toolkit} == {"pdf-engine",
                                                                      "typst-template"}


def test_the_readme_shows_the_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert params.markdown_table() in readme


@pytest.mark.parametrize("given, accepted", [
    ("colour=red", "the parameters are lang, sections, toggle, css-href"),
    ("width=abc", "width: 'abc' is not a whole number, 20 or more (default 72)"),
    ("width=12", "width: '12' is not a whole number, 20 or more"),
    ("lang=tt", "lang: 'tt' is not one of en, de, fr (default en)"),
    ("page-size=huge", "page-size: 'huge' is not accepted by pdf-engine=typst: it takes a Typst "
                       "paper name such as a4, a5, us-letter"),
    ("sections=txt", "sections: 'txt' is not a comma list of about, text, notes, registers, "
                     "citation"),
    ("sections=", "sections: an empty list is not a comma list"),
    ("toggle=maybe", "toggle: 'maybe' is not one of on, off"),
    ("css-href=javascript:alert(1)", "css-href: 'javascript:alert(1)' is not an http(s) or "
                                     "relative URL"),
    ("font-size=big", "font-size: 'big' is not accepted by pdf-engine=typst"),
    ("toc=sometimes", "toc: 'sometimes' is not one of auto, yes, no"),
    ("langg=de", "unknown parameter 'langg': did you mean 'lang'?"),
    ("pdf-engine=fop", "pdf-engine: 'fop' is not one of typst, weasyprint (default typst)"),
    ("page-size=170mm 240mm", "page-size: '170mm 240mm' is not accepted by pdf-engine=typst"),
    ("font-size=2", "font-size: '2' is not accepted by pdf-engine=typst: it takes points, "
                    "more than 4 and less than 40"),
    ("apparatus=margin", "apparatus: 'margin' is not one of inline, lines (default inline)"),
    ("base-url=file:///etc/", "base-url: 'file:///etc/' is not an http(s) URL"),
    ("downloads=docx", "downloads: 'docx' is not a comma list of text, pdf, tei"),
    ("page-path=../../elsewhere", "page-path: '../../elsewhere' is not a relative path"),
    ("typst-template=no-such.typ", "typst-template: 'no-such.typ' is not a Typst file"),
])
def test_an_unknown_or_invalid_parameter_is_a_usage_error(tmp_path, given, accepted):
    result = run_cli("build", str(TELEGRAM), "--to", "text", "-p", given, "-o",
                     str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert accepted in " ".join(result.stderr.split()), result.stderr
    assert not (tmp_path / "out").exists(), "nothing is built"


def test_accepted_values_build(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", str(TELEGRAM), "--to", "html,text", "-o", str(out),
                     "-p", "width=40", "-p", "lang=DE", "-p", "sections=text,notes",
                     "-p", "page-size=170mm 240mm", "-p", "pdf-engine=weasyprint",
                     "-p", "css-href=style/extra.css")
    assert result.returncode == 0, result.stderr
    text = (out / "telegram-1953-03-29.txt").read_text("utf-8")
    assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= 40
    html = (out / "telegram-1953-03-29.html").read_text("utf-8")
    assert 'id="registers"' not in html and "Anmerkungen" in html


@pytest.mark.parametrize("given, engine", [
    (("page-size", "a5"), None), (("page-size", "Letter"), None),
    (("page-size", "jis-b5"), None), (("font-size", "11pt"), None), (("font-size", "9"), None),
    (("page-size", "A5 landscape"), "weasyprint"), (("font-size", "4mm"), "weasyprint"),
])
def test_each_engine_takes_its_own_page_and_font_sizes(given, engine):
    pairs = [given] + ([("pdf-engine", engine)] if engine else [])
    assert params.check(pairs) == []


def test_a_users_pdf_stylesheet_may_be_laid_out_by_either_engine(tmp_path):
    """Its engine is known only from what it writes, so either engine's sizes pass."""
    sheet = tmp_path / "mine.xsl"
    sheet.write_text(f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}"/>')
    assert params.check([("page-size", "170mm 240mm"), ("font-size", "12")],
                        {"pdf": sheet}) == []


def test_a_users_stylesheet_may_declare_its_own_parameters(tmp_path):
    sheet = tmp_path / "mine.xsl"
    sheet.write_text(f'''<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}">
  <xsl:import href="https://tei-edition.org/xslt/text.xsl"/>
  <xsl:param name="motto" select="''"/>
  <xsl:template match="/"><xsl:value-of select="$motto"/><xsl:next-match/></xsl:template>
</xsl:stylesheet>''')
    out = tmp_path / "out"
    result = run_cli("build", str(TELEGRAM), "--to", "text", "--stylesheet", f"text={sheet}",
                     "-p", "motto=Festina lente", "-p", "lang=tt", "-o", str(out))
    assert result.returncode == 0, result.stderr  # lang: the override may add labels
    assert (out / "telegram-1953-03-29.txt").read_text("utf-8").startswith("Festina lente")
    unknown = run_cli("build", str(TELEGRAM), "--to", "text", "--stylesheet", f"text={sheet}",
                      "-p", "mottto=x", "-o", str(out))
    assert unknown.returncode == 2 and "did you mean 'motto'?" in unknown.stderr


@pytest.mark.parametrize("command", ["serve", "site"])
def test_serve_and_site_check_parameters_too(command, tmp_path):
    result = run_cli(command, str(TELEGRAM), "-p", "width=abc", timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "width: 'abc' is not a whole number" in result.stderr
    assert not (tmp_path / "site").exists()
