"""The Typst engine reaches no file, package or host, whatever the document says.

Every character of a document reaches Typst as text (xslt/typst/escape.xsl): Typst
syntax in titles, text, attributes, notes and examples comes out of the PDF as the text
it is. And the engine itself, given code, cannot read a file (the root is an empty
folder), import a package (no package folder, downloads refused) or fetch anything.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, run_cli
from pdf_tools import need_poppler, run
from toolkit.build import typst as engine
from toolkit.core.errors import TransformError

FIXTURE = ROOT / "tests" / "fixtures" / "typst" / "injection.xml"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    need_poppler()
    out = tmp_path_factory.mktemp("typst")
    result = run_cli("build", "--to", "pdf", "-o", str(out), str(FIXTURE))
    assert result.returncode == 0, result.stderr
    pdf = out / "injection.pdf"
    return pdf, " ".join(run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split()), result


@pytest.mark.parametrize("attempt", [
    '#import "@preview/cetz:0.3.0": *', '#read("/etc/passwd")', '#panic("author")',
    '$x^2$', '#{ panic("publisher") }', '*bold* _emph_', '= Heading? #outline() ]#panic("head")[',
    '`raw`', '```python print(1)```', '<label>', '@ref.', '// a comment /* and a block comment */',
    '- list + enum / term: x ~ nbsp -- dash ... dots', '"quoted" \'single\' \\ backslash \\\\ two #',
    '1. not an enum', 'note #link("https://example.org")[x] $ math $', '#panic("item")',
    '= next line', '- list after a paragraph separator',
])
def test_typst_syntax_comes_out_as_text(built, attempt):
    pdf, text, result = built
    assert attempt in text, attempt


def test_nothing_was_read_and_nothing_ran(built):
    pdf, text, result = built
    assert "root:x:0:0" not in text and "localhost" not in text
    assert "warning" not in result.stderr, result.stderr
    info = run("pdfinfo", str(pdf))
    assert '#import "@preview/cetz:0.3.0"' in info  # the title, as text


def test_preformatted_keeps_its_lines(built):
    pdf, text, result = built
    lines = run("pdftotext", "-layout", str(pdf), "-")
    assert re.search(r'#panic\("eg"\) "quote" \\ ```\s*\n\s*second line', lines)


@pytest.mark.parametrize("code, message", [
    ('#read("/etc/passwd")', r"file not found"),
    ('#image("/etc/hosts")', r"file not found|failed to"),
    ('#include "/etc/hosts"', r"file not found"),
    ('#import "@preview/cetz:0.3.0": *', r"failed to download package.*(127\.0\.0\.1|Connection refused)"),
    ('#import "@local/mine:0.1.0": *', r"package not found|not found"),
])
def test_the_engine_refuses_files_packages_and_hosts(code, message):
    with pytest.raises(TransformError) as caught:
        engine.compile_source(code + "\nHello", "code.typ")
    assert re.search(message, caught.value.message, re.S), caught.value.message


def test_proxy_settings_are_restored(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    engine.compile_source("#set document(title: \"t\")\nHello", "hello.typ")
    import os

    assert os.environ["HTTPS_PROXY"] == "http://proxy.example:3128"


def test_same_bytes_every_time():
    first = engine.compile_source("#set document(title: \"t\")\nHello", "a.typ").pdf
    second = engine.compile_source("#set document(title: \"t\")\nHello", "a.typ").pdf
    assert first == second


def test_hostile_fixtures_never_reach_the_secret(tmp_path):
    """Every hostile fixture that builds gives a PDF without the secret's text."""
    need_poppler()
    result = run_cli("build", "--to", "pdf", "-o", str(tmp_path), str(HOSTILE))
    assert "Traceback" not in result.stderr
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert "HOSTILE-SECRET" not in run("pdftotext", str(pdf), "-"), pdf


def test_line_keyed_apparatus(tmp_path):
    """-p apparatus=lines: line numbers in the margin, and at the foot of the page each
    variant as "line lemma] reading Witnesses", lines in text order, the lemma on the
    line it is keyed to."""
    need_poppler()
    source = ROOT / "tests" / "fixtures" / "typst" / "apparatus.xml"
    result = run_cli("build", "--to", "pdf", "-p", "apparatus=lines", "-o", str(tmp_path), str(source))
    assert result.returncode == 0, result.stderr
    layout = run("pdftotext", "-layout", str(tmp_path / "apparatus.pdf"), "-")
    text = " ".join(layout.split())
    entries = re.findall(r"(\d+) (\w+)\] (.+?)(?= \d+ \w+\]| \d+$|$)", text)
    assert [(lemma, rest) for _, lemma, rest in entries] == [
        ("river", "stream B; om. C"), ("mountain", "hill B C"), ("valley", "vale C")], entries
    lines = [int(n) for n, _, _ in entries]
    assert lines == sorted(lines) and lines[0] >= 1
    page = next(p for p in layout.split("\f") if "]" in p)
    body = [ln for ln in page.splitlines() if ln.strip()]
    numbered = [ln for ln in body if re.match(r"^\s*(5|10)\s{2,}\S", ln)]
    assert numbered, "no line numbers in the margin"
    for number, lemma, _ in entries:
        text_lines = [ln for ln in body if re.match(r"^\s*(\d+\s{2,})?[a-z]", ln) and "]" not in ln]
        holder = next(i for i, ln in enumerate(text_lines, 1) if re.search(rf"\b{lemma}\b", ln))
        assert holder == int(number), (lemma, holder, number)
