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


@pytest.mark.parametrize("fmt", sorted(formats.FORMATS))
def test_the_stylesheets_declare_the_parameters_of_the_table(fmt):
    stylesheet = resources.xslt_path(formats.FORMATS[fmt].stylesheet)
    declared = _declared(stylesheet)
    used = {p.name for p in params.PARAMS.values() if fmt in p.formats}
    assert used <= set(declared), "the table names a parameter the stylesheet does not take"
    assert set(declared) <= set(params.PARAMS), "a parameter the table does not describe"
    for name, default in declared.items():  # (html takes `reading` from common/, unused)
        table = params.PARAMS[name].default
        assert default.lower() == table.lower() or (default == "" and table == "none"), name


def test_the_readme_shows_the_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert params.markdown_table() in readme


@pytest.mark.parametrize("given, accepted", [
    ("colour=red", "the parameters are lang, sections, toggle, css-href"),
    ("width=abc", "width: 'abc' is not a whole number, 20 or more (default 72)"),
    ("width=12", "width: '12' is not a whole number, 20 or more"),
    ("lang=tt", "lang: 'tt' is not one of en, de, fr (default en)"),
    ("page-size=huge", "page-size: 'huge' is not A4, A5, letter"),
    ("sections=txt", "sections: 'txt' is not a comma list of about, text, notes, registers, "
                     "citation"),
    ("sections=", "sections: an empty list is not a comma list"),
    ("toggle=maybe", "toggle: 'maybe' is not one of on, off"),
    ("css-href=javascript:alert(1)", "css-href: 'javascript:alert(1)' is not an http(s) or "
                                     "relative URL"),
    ("font-size=big", "font-size: 'big' is not a CSS length"),
    ("toc=sometimes", "toc: 'sometimes' is not one of auto, yes, no"),
    ("langg=de", "unknown parameter 'langg': did you mean 'lang'?"),
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
                     "-p", "page-size=170mm 240mm", "-p", "css-href=style/extra.css")
    assert result.returncode == 0, result.stderr
    text = (out / "telegram-1953-03-29.txt").read_text("utf-8")
    assert max(len(line) for line in text.splitlines() if " " in line.strip()) <= 40
    html = (out / "telegram-1953-03-29.html").read_text("utf-8")
    assert 'id="registers"' not in html and "Anmerkungen" in html


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


def test_serve_checks_parameters_too():
    result = run_cli("serve", str(TELEGRAM), "-p", "width=abc", timeout=60)
    assert result.returncode == 2
    assert "width: 'abc' is not a whole number" in result.stderr
