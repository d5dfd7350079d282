"""Saxon used as designed: one processor, stylesheets compiled before it is locked, a
document handed over once, errors told by the stylesheet; and no file or host reachable.

Each test runs in a fresh interpreter (the processor is per process, and locking it is
for good), reporting what it saw as JSON on stdout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'


def _run(code: str, tmp_path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _sheet(folder: Path, name: str, body: str, *, imports: str = "") -> Path:
    path = folder / name
    path.write_text(f'<xsl:stylesheet version="3.0" {XSL}>{imports}\n{body}\n</xsl:stylesheet>\n')
    return path


@pytest.fixture
def sheets(tmp_path) -> Path:
    _sheet(tmp_path, "base.xsl", '<xsl:template match="/"><base/></xsl:template>')
    _sheet(tmp_path, "html.xsl", '<xsl:template match="/"><h><xsl:next-match/></h></xsl:template>',
           imports='<xsl:import href="base.xsl"/>')
    _sheet(tmp_path, "text.xsl", '<xsl:output method="text"/>\n'
           '<xsl:template match="/">t:<xsl:value-of select="base-uri()"/></xsl:template>')
    return tmp_path


def test_one_processor_one_document_for_every_format(sheets):
    data = _run("""
import json
from toolkit.core import saxon
from toolkit.core.parse import parse_bytes
sheets = saxon.prepare(["html.xsl", "text.xsl"])
doc = saxon.Document(parse_bytes(b"<a/>", "a.xml", "file:///x/a.xml"))
outputs = [s.transform(doc).output for s in sheets]
print(json.dumps({"processors": len({id(s._processor) for s in sheets}),
                  "nodes": len(doc._nodes), "outputs": outputs,
                  "locked": saxon._current.locked}))
""", sheets)
    assert data["processors"] == 1 and data["nodes"] == 1 and data["locked"]
    assert data["outputs"][0].endswith("<h><base/></h>")
    assert data["outputs"][1] == "t:file:///x/a.xml"


def test_no_transform_reaches_a_file_or_a_host(sheets, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    (tmp_path / "secret.xml").write_text("<s>TOP-SECRET</s>")
    probes = {"unparsed-text": f"unparsed-text('{secret.as_uri()}')",
              "doc": f"string(doc('{(tmp_path / 'secret.xml').as_uri()}'))",
              "relative doc": "string(doc('secret.xml'))",
              "http": "unparsed-text('http://127.0.0.1:9/x')",
              "collection": f"count(collection('{tmp_path.as_uri()}'))"}
    for name, expr in probes.items():
        _sheet(tmp_path, f"{name.replace(' ', '-')}.xsl",
               f'<xsl:template match="/"><r><xsl:value-of select="{expr}"/></r></xsl:template>')
    data = _run(f"""
import json
from toolkit.core import saxon
from toolkit.core.errors import TransformError
names = {sorted(n.replace(' ', '-') for n in probes)!r}
seen = {{}}
saxon.prepare([n + ".xsl" for n in names[:2]])
for late, name in enumerate(names):
    try:  # the first two compiled before the lock, the others after it
        out = saxon.compile_xslt(path=name + ".xsl").transform(b"<a/>", name="a.xml").output
        seen[name] = "read: " + out
    except TransformError as exc:
        seen[name] = exc.message
text = saxon.compile_xslt(text=open("doc.xsl").read(), base_uri="{tmp_path.as_uri()}/t.xsl")
try:
    seen["text"] = text.transform(b"<a/>").output
except TransformError as exc:
    seen["text"] = exc.message
print(json.dumps(seen))
""", tmp_path)
    for name, outcome in data.items():
        assert "TOP-SECRET" not in outcome and not outcome.startswith("read:"), (name, outcome)
        assert "XSLT dynamic error" in outcome, (name, outcome)


def test_a_stylesheet_importing_files_compiled_after_the_lock_is_still_locked(sheets):
    data = _run("""
import json
from toolkit.core import saxon
first = saxon.compile_xslt(path="text.xsl")
first.transform(b"<a/>")                      # locks the processor
late = saxon.compile_xslt(path="html.xsl")   # imports base.xsl: needs a fresh processor
print(json.dumps({"out": late.transform(b"<a/>").output,
                  "fresh": late._processor is not first._processor,
                  "locked": late._processor.locked}))
""", sheets)
    assert data["out"].endswith("<h><base/></h>") and data["fresh"] and data["locked"]


def test_dynamic_errors_come_with_code_module_and_line(tmp_path):
    _sheet(tmp_path, "module.xsl", '<xsl:template match="a">\n'
           '  <xsl:value-of select="xs:integer(\'abc\')" '
           'xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n</xsl:template>')
    _sheet(tmp_path, "entry.xsl", '<xsl:template match="/"><xsl:message>before</xsl:message>'
           '<xsl:apply-templates/></xsl:template>', imports='<xsl:import href="module.xsl"/>')
    data = _run("""
import json
from toolkit.core import saxon
from toolkit.core.errors import TransformError
try:
    saxon.compile_xslt(path="entry.xsl").transform(b"<a/>", name="doc.xml")
except TransformError as exc:
    print(json.dumps({"message": exc.message, "rule": exc.rule, "file": exc.file}))
""", tmp_path)
    assert data["rule"] == "FORG0001" and data["file"] == "doc.xml"
    assert f"(stylesheet {tmp_path / 'module.xsl'}, line 3)" in data["message"]
    assert "Cannot convert string" in data["message"]


def test_a_compile_error_in_an_imported_module_names_that_module(tmp_path):
    _sheet(tmp_path, "broken.xsl", '<xsl:template match="/">\n<xsl:value-of select="1 +"/>'
           '</xsl:template>')
    _sheet(tmp_path, "entry.xsl", "", imports='<xsl:import href="broken.xsl"/>')
    data = _run("""
import json
from toolkit.core import saxon
from toolkit.core.errors import TransformError
try:
    saxon.compile_xslt(path="entry.xsl")
except TransformError as exc:
    print(json.dumps({"file": exc.file, "line": exc.line, "rule": exc.rule}))
""", tmp_path)
    assert data == {"file": str((tmp_path / "broken.xsl").resolve()), "line": 3,
                    "rule": "XPST0003"}


def test_the_bundled_formats_run_through_the_error_wrapper():
    """The wrapper keeps each format's own output method and default mode."""
    data = _run("""
import json
from toolkit.build import formats
from toolkit.core import saxon
from toolkit.core.parse import parse_file
formats.prepare(["html", "text"])
doc = saxon.Document(parse_file("tei/telegram-1953-03-29.xml"))
html = formats.transform(doc, formats.FORMATS["html"]).output
text = formats.transform(doc, formats.FORMATS["text"]).output
print(json.dumps({"html": html[:200], "text": text[:200], "nodes": len(doc._nodes)}))
""", ROOT)
    assert data["html"].lower().startswith("<!doctype html") and data["nodes"] == 1
    assert not data["text"].lstrip().startswith("<")
