"""The SVRL report in detail (what other tools read from it), and the shape of the generated
XSLT that makes validation fast: one traversal per document for all patterns, visiting
attributes and text only when a rule can match them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from toolkit.core.parse import parse_file
from toolkit.validate.engines.schematron import load

NS = 'xmlns="http://purl.oclc.org/dsdl/schematron"'
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl", "xsl": "http://www.w3.org/1999/XSL/Transform"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOC = ('<letters xmlns="urn:x-test-edition">\n'
       '  <letter n="1" type="x">Dear <p>a</p><!-- note --></letter>\n'
       '</letters>\n')


def compiled(tmp_path: Path, body: str, extra: str = ""):
    path = tmp_path / "schema.sch"
    path.write_text(f'<schema {NS} queryBinding="xslt3" {extra}>\n'
                    f'  <ns prefix="e" uri="urn:x-test-edition"/>\n{body}\n</schema>\n')
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC)
    sch = load(path)
    return sch, etree.fromstring(sch.svrl(parse_file(doc)).encode())


REPORTING = """
  <title>Letters</title>
  <p icon="i.png">Checks for letters.</p>
  <pattern id="p1" role="core"><title>Letter checks</title>
    <rule context="e:letter" id="r1" role="letter" flag="f" xml:lang="de">
      <assert id="a1" test="e:title" see="https://example.org/help" icon="warn.png" fpi="FPI-1"
              flag="untitled" diagnostics="d1" properties="p1">Brief ohne <emph>Titel</emph>,
        <dir value="rtl">rtl</dir> <span class="c">span</span></assert>
    </rule>
  </pattern>
  <diagnostics>
    <diagnostic id="d1" xml:lang="en" see="#d" icon="d.png" fpi="FPI-D">type <value-of select="@type"/></diagnostic>
  </diagnostics>
  <properties>
    <property id="p1" role="context" scheme="urn:x-scheme" fpi="FPI-P"><xsl:copy-of select="e:p"/></property>
  </properties>"""


def test_svrl_details(tmp_path):
    sch, report = compiled(tmp_path, REPORTING, 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"')
    assert report.get("title") == "Letters"
    p = report.find("svrl:text", SVRL)
    assert (p.text, p.get("icon")) == ("Checks for letters.", "i.png")
    active = report.find("svrl:active-pattern", SVRL)
    assert (active.get("id"), active.get("name"), active.get("role")) == ("p1", "Letter checks", "core")
    assert active.get("documents").endswith("/doc.xml")
    fired = report.find("svrl:fired-rule", SVRL)
    assert [fired.get(a) for a in ("context", "id", "role", "flag")] == ["e:letter", "r1", "letter", "f"]
    assert fired.get("document").endswith("/doc.xml")
    fa = report.find("svrl:failed-assert", SVRL)
    assert (fa.get("id"), fa.get("flag"), fa.get(LANG)) == ("a1", "untitled", "de")
    assert fa.get("location") == "/e:letters[1]/e:letter[1]"
    text = fa.find("svrl:text", SVRL)
    assert [text.get(a) for a in ("see", "icon", "fpi")] == ["https://example.org/help", "warn.png",
                                                            "FPI-1"]
    assert text.find("svrl:emph", SVRL).text == "Titel"
    assert text.find("svrl:dir", SVRL).get("dir") == "rtl"
    assert text.find("svrl:span", SVRL).get("class") == "c"
    diag = fa.find("svrl:diagnostic-reference/svrl:text", SVRL)
    assert [diag.get(a) for a in ("see", "icon", "fpi", LANG)] == ["#d", "d.png", "FPI-D", "en"]
    assert diag.text.strip() == "type x"
    prop = fa.find("svrl:property-reference", SVRL)
    assert (prop.get("property"), prop.get("role"), prop.get("scheme")) == ("p1", "context",
                                                                          "urn:x-scheme")
    copied = prop.find("svrl:text", SVRL)
    assert copied.get("fpi") == "FPI-P"
    assert [etree.QName(e).localname for e in copied] == ["p"]          # xsl:copy-of executed
    finding, = sch.validate(parse_file(tmp_path / "doc.xml"), "doc.xml")
    assert finding.message == "Brief ohne Titel, rtl span — type x"


def test_findings_skip_fired_rules_but_the_svrl_keeps_them(tmp_path):
    sch, report = compiled(tmp_path, REPORTING, 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"')
    lean = etree.fromstring(sch.svrl(parse_file(tmp_path / "doc.xml"), fired_rules=False).encode())
    assert report.findall("svrl:fired-rule", SVRL) and not lean.findall("svrl:fired-rule", SVRL)
    assert len(lean.findall("svrl:failed-assert", SVRL)) == 1


def _modes(sch):
    xslt = etree.fromstring(sch.xslt.encode())
    modes = xslt.xpath("xsl:mode/@name", namespaces=SVRL)
    walks = {t.get("match"): t.find("xsl:apply-templates", SVRL).get("select")
             for t in xslt.xpath("xsl:template[@priority='-100']", namespaces=SVRL)}
    return modes, walks


THREE = """
  <pattern id="a"><rule context="e:letter"><report id="ra" test="true()">a</report></rule></pattern>
  <pattern id="b"><rule context="e:p"><report id="rb" test="true()">b</report></rule>
                  <rule context="e:*"><report id="rb2" test="true()">b2</report></rule></pattern>
  <pattern id="c"><rule context="e:letter[@type]"><report id="rc" test="true()">c</report></rule></pattern>"""


def test_one_traversal_for_all_patterns_and_elements_only(tmp_path):
    sch, report = compiled(tmp_path, THREE)
    modes, walks = _modes(sch)
    assert modes == ["tk:g0"]                         # three patterns, one mode
    assert walks == {"document-node()": "*", "*": "*"}  # a predicate with @ walks no attribute
    ids = [e.get("id") for e in report.xpath("//svrl:successful-report", namespaces=SVRL)]
    assert sorted(ids) == ["ra", "rb", "rb2", "rb2", "rc"]   # letter: a, b2, c; p: b only


@pytest.mark.parametrize("context, walk", [
    ("e:letter/@n", "@n|*"),
    ("@*", "@*|*"),
    ("e:letter/text()", "node()"),
    ("comment()", "node()"),
    ("$nodes", "@*|node()"),
    ("(e:p | e:letter)[1]", "*"),
])
def test_traversal_visits_what_rule_contexts_can_match(tmp_path, context, walk):
    sch, report = compiled(tmp_path, f'<let name="nodes" value="//e:p"/>'
                                     f'<pattern><rule context="{context}"><report id="hit" '
                                     f'test="true()">hit</report></rule></pattern>')
    assert _modes(sch)[1]["*"] == walk
    assert report.xpath("//svrl:successful-report", namespaces=SVRL), "the rule must still fire"


def test_subordinate_documents_get_a_mode_of_their_own(tmp_path):
    sch, _ = compiled(tmp_path, THREE + '<pattern id="d" documents="()"><rule context="/">'
                                        '<report test="true()">d</report></rule></pattern>')
    assert _modes(sch)[0] == ["tk:g0", "tk:g1"]
