"""ISO Schematron features the public conformance suites test, with the project's own schemas:
subordinate documents, abstract patterns and their parameters, external rules, libraries,
sch:name/@path, let content, accumulators, duplicate lets, phases, visit-each, severity.

Each test asserts the verdict and what a user sees (message, rule id, severity, file, line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, needs_shared, run_cli
from toolkit.core.parse import parse_file
from toolkit.validate.engines.schematron import SchematronError, load

ISO = Path(__file__).parent / "fixtures" / "schematron" / "iso"
FRUS = CORPUS / "frus-schematron" / "frus.sch"
NS = 'xmlns="http://purl.oclc.org/dsdl/schematron"'
XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'


def schema(tmp_path: Path, body: str, binding: str = "xslt3", extra: str = "") -> Path:
    path = tmp_path / "schema.sch"
    path.write_text(f'<schema {NS} queryBinding="{binding}" {extra}>\n'
                    f'  <ns prefix="e" uri="urn:x-test-edition"/>\n{body}\n</schema>\n')
    return path


def document(tmp_path: Path, text: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


LETTERS = ('<letters xmlns="urn:x-test-edition">\n'
           '  <letter n="1"><title>First</title><p>a</p><p>b</p></letter>\n'
           '  <letter n="2"><p>c</p></letter>\n'
           '</letters>\n')


def run(schema_path: Path, doc_path: Path, phase: str | None = None):
    return load(schema_path, phase=phase).validate(parse_file(doc_path), str(doc_path))


def seen(findings):
    return sorted((Path(f.file).name, f.line, f.severity, f.rule, f.message) for f in findings)


# ---------------------------------------------------------------- subordinate documents

def test_subordinate_documents_are_validated_and_reported_in_their_own_file():
    sch = load(ISO / "documents" / "edition.sch")
    assert sch.pattern_ids == ["edition", "parts", "in-folder"]
    assert seen(sch.validate(parse_file(ISO / "documents" / "edition.xml"), "edition.xml")) == [
        ("letter-1.xml", 1, "info", "part-seen", "part 1 read"),
        ("letter-2.xml", 1, "info", "part-seen", "part 2 read"),
        ("letter-2.xml", 2, "error", "part-title", "letter 2 has no title"),
    ]


def test_subordinate_document_that_cannot_be_read_is_a_located_error():
    findings = run(ISO / "documents" / "edition.sch", ISO / "documents" / "broken.xml")
    errors = [(f.line, f.rule, f.message) for f in findings if f.severity == "error"]
    assert [(line, rule) for line, rule, _ in errors] == [(4, "schematron-documents")] * 1 + [
        (5, "schematron-documents"), (6, "schematron-documents")]
    assert "parts/no-such-letter.xml, which cannot be read: no such file" in errors[0][2]
    assert "../outside.xml, which cannot be read: it is outside the primary document's" in errors[1][2]
    assert "https://example.org/letter.xml" in errors[2][2] and "never URLs" in errors[2][2]
    # the readable part is still validated
    assert ("letter-1.xml", 1, "info", "part-seen", "part 1 read") in seen(findings)


def test_subordinate_documents_in_the_svrl_report():
    from lxml import etree

    sch = load(ISO / "documents" / "edition.sch")
    report = etree.fromstring(sch.svrl(parse_file(ISO / "documents" / "edition.xml")).encode())
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    active = {a.get("id"): a.get("documents") for a in report.findall("svrl:active-pattern", ns)}
    assert active["parts"] == "//e:part/@href"
    assert active["edition"].endswith("/documents/edition.xml")
    fired = [r.get("document") for r in report.findall("svrl:fired-rule[@context='e:letter']", ns)]
    assert [d.rsplit("/", 1)[-1] for d in fired] == ["letter-1.xml", "letter-2.xml"]


def test_subordinate_documents_from_the_command_line():
    result = run_cli("validate", "--no-checks", "--schema", "documents/edition.sch",
                     "documents/edition.xml", cwd=ISO)
    assert result.returncode == 1, result.stderr  # the text report goes to stderr
    assert "documents/parts/letter-2.xml:2: error: letter 2 has no title [part-title]" in result.stderr
    result = run_cli("validate", "--no-checks", "--schema", "documents/edition.sch",
                     "documents/broken.xml", cwd=ISO)
    assert result.returncode == 1
    assert "documents/broken.xml:4: error: pattern 'parts'" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- abstract patterns

ABSTRACT = f"""
  <pattern abstract="true" id="needs">
    <rule context="$element">
      <assert test="$child" diagnostics="d-missing" properties="p-copy">$element needs a child</assert>
    </rule>
  </pattern>
  <pattern is-a="needs" id="letter-title">
    <param name="element" value="e:letter"/>
    <param name="child" value="e:title"/>
  </pattern>
  <pattern is-a="needs" id="letter-p">
    <param name="element" value="e:letter"/>
    <param name="child" value="e:p[2]"/>
  </pattern>
  <diagnostics>
    <diagnostic id="d-missing">missing <value-of select="'$child'"/> in letter <value-of select="@n"/></diagnostic>
  </diagnostics>
  <properties {XSL}>
    <property id="p-copy" role="context"><xsl:copy-of select="$child | e:p[1]"/></property>
  </properties>"""


def test_abstract_pattern_parameters_reach_its_diagnostics_and_properties(tmp_path):
    sch = load(schema(tmp_path, ABSTRACT))
    doc = parse_file(document(tmp_path, LETTERS))
    found = sorted((f.rule, f.line, f.message) for f in sch.validate(doc, "doc.xml"))
    assert found == [
        ("letter-p#1", 3, "$element needs a child — missing e:p[2] in letter 2"),
        ("letter-title#1", 3, "$element needs a child — missing e:title in letter 2"),
    ]
    from lxml import etree
    report = etree.fromstring(sch.svrl(doc).encode())
    copied = report.xpath("//svrl:failed-assert[@id or true()]/svrl:property-reference/svrl:text/*",
                          namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"})
    assert [etree.QName(e).localname for e in copied] == ["p", "p"]   # copy-of was executed


@pytest.mark.parametrize("params, message", [
    ('<param name="element" value="e:letter"/><param name="chlid" value="e:title"/>',
     "parameter 'chlid' is neither declared nor used by abstract pattern 'needs'"),
    ('<param name="element" value="e:letter"/>', "parameter 'child' of abstract pattern 'needs' "
                                                 "has no default and is not supplied"),
])
def test_abstract_pattern_parameter_mistakes_are_located(tmp_path, params, message):
    path = schema(tmp_path, """
  <pattern abstract="true" id="needs">
    <param name="element"/><param name="child"/>
    <rule context="$element"><assert test="$child">no child</assert></rule>
  </pattern>
  <pattern is-a="needs" id="x">""" + params + "</pattern>")
    if "chlid" in params:  # an undeclared one is only refused when unused
        path.write_text(path.read_text().replace('<param name="element"/><param name="child"/>', ""))
    with pytest.raises(SchematronError) as info:
        load(path)
    assert message in info.value.message
    assert info.value.file == str(path) and info.value.line == 8


def test_abstract_pattern_parameter_defaults(tmp_path):
    path = schema(tmp_path, """
  <pattern abstract="true" id="needs">
    <param name="element" value="e:letter"/><param name="child" value="e:title"/>
    <rule context="$element"><assert test="$child">no <name path="'$child'"/></assert></rule>
  </pattern>
  <pattern is-a="needs" id="titled"/>""")
    assert seen(run(path, document(tmp_path, LETTERS))) == [
        ("doc.xml", 3, "error", "titled#1", "no e:title")]


# ---------------------------------------------------------------- composition

def test_extends_href_adds_an_external_rule_with_its_own_namespaces_and_language():
    from lxml import etree

    sch = load(ISO / "extends" / "main.sch")
    doc = parse_file(ISO / "documents" / "parts" / "letter-2.xml")
    assert seen(sch.validate(doc, "letter-2.xml")) == [
        ("letter-2.xml", 2, "info", "letter-seen", "Brief 2")]
    report = etree.fromstring(sch.svrl(doc).encode())
    hit = report.find("{http://purl.oclc.org/dsdl/svrl}successful-report")
    assert hit.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_extends_href_must_point_at_a_rule(tmp_path):
    (tmp_path / "other.sch").write_text(f'<schema {NS}><pattern id="p"/></schema>')
    path = schema(tmp_path, '<pattern><rule context="*"><extends href="other.sch#p"/></rule></pattern>')
    with pytest.raises(SchematronError, match="must point at a sch:rule") as info:
        load(path)
    assert info.value.line == 3


def test_library_is_incorporated_and_a_library_only_extends_libraries():
    found = run(ISO / "library" / "schema.sch", ISO / "documents" / "parts" / "letter-2.xml")
    assert seen(found) == [("letter-2.xml", 2, "error", "n-small", "letter number 2 is above 1")]
    with pytest.raises(SchematronError, match="must point at another sch:library") as info:
        load(ISO / "library" / "uses-bad-library.sch")
    assert info.value.file.endswith("extends-schema.sch") and info.value.line == 3
    with pytest.raises(SchematronError, match="cannot be used as a schema on its own"):
        load(ISO / "library" / "rules.sch")


@pytest.mark.parametrize("rules, message", [
    ('<pattern><rule abstract="true" id="r"><assert test="false()"/></rule></pattern>'
     '<pattern><rule context="*"><extends rule="r"/></rule></pattern>',
     "abstract rule 'r' of another pattern"),
    ('<pattern><rule context="e:p" id="r"><assert test="false()"/></rule>'
     '<rule context="*"><extends rule="r"/></rule></pattern>', "rule 'r', which is not abstract"),
])
def test_extends_rule_scope(tmp_path, rules, message):
    with pytest.raises(SchematronError, match=message):
        load(schema(tmp_path, rules))


def test_rules_container_holds_abstract_rules(tmp_path):
    path = schema(tmp_path, '<rules><rule abstract="true" id="r"><assert id="has-n" test="@n">'
                            'no n</assert></rule></rules>'
                            '<pattern><rule context="e:p"><extends rule="r"/></rule></pattern>')
    assert {f.rule for f in run(path, document(tmp_path, LETTERS))} == {"has-n"}


# ---------------------------------------------------------------- messages and variables

@pytest.mark.parametrize("binding", ["xslt2", "xslt3"])
def test_name_path_is_the_value_of_the_path(tmp_path, binding):
    path = schema(tmp_path, '<pattern><rule context="e:letter"><report test="true()">'
                            '<name/> number <name path="@n"/></report></rule></pattern>', binding)
    assert [f.message for f in run(path, document(tmp_path, LETTERS))] == [
        "letter number 1", "letter number 2"]   # name() as the document spells it


def test_let_element_content_is_data_not_xslt(tmp_path):
    path = schema(tmp_path, f"""
  <let name="shown">
    <xsl:message {XSL} terminate="yes">this must not stop the validation</xsl:message>
    <e:title xmlns:e="urn:x-test-edition">Given</e:title>
  </let>
  <pattern><rule context="e:letter">
    <assert test="count($shown) = 2 and $shown[2] = 'Given'">wrong let value</assert>
    <report test="$shown[1][self::xsl:message]" {XSL}>the message is data</report>
  </rule></pattern>""")
    assert [(f.line, f.message) for f in run(path, document(tmp_path, LETTERS))] == [
        (2, "the message is data"), (3, "the message is data")]


def test_accumulators_are_usable_in_rules(tmp_path):
    path = schema(tmp_path, f"""
  <xsl:accumulator {XSL} name="paragraphs" initial-value="0">
    <xsl:accumulator-rule match="e:p" select="$value + 1"/>
  </xsl:accumulator>
  <pattern><rule context="e:p">
    <assert id="first-two" test="accumulator-after('paragraphs') le 2">paragraph number
      <value-of select="accumulator-after('paragraphs')"/></assert>
  </rule></pattern>""")
    assert seen(run(path, document(tmp_path, LETTERS))) == [
        ("doc.xml", 3, "error", "first-two", "paragraph number 3")]


def test_duplicate_let_with_the_same_value_is_a_warning(tmp_path):
    path = schema(tmp_path, '<let name="max" value="2"/><let name="max" value=" 2 "/>'
                            '<pattern><rule context="e:letter"><assert test="number(@n) le $max">'
                            'too high</assert></rule></pattern>')
    found = run(path, document(tmp_path, LETTERS))
    assert [(f.severity, f.rule) for f in found] == [("warning", "schematron-schema")]
    assert re.search(r"schema\.sch:3: sch:let 'max' is defined twice .* same value \(also at "
                     r"schema\.sch:3\)", found[0].message)


def test_duplicate_let_with_different_values_is_refused(tmp_path):
    path = schema(tmp_path, '<let name="max" value="2"/>\n<let name="max" value="3"/>')
    with pytest.raises(SchematronError, match=r"'max' is defined twice .* different values "
                                              r"\(also at schema\.sch:3\)") as info:
        load(path)
    assert info.value.line == 4


@needs_shared("corpus/frus-schematron/frus.sch")
def test_frus_identical_duplicate_let_is_accepted_with_one_warning():
    sch = load(FRUS)
    assert [(Path(w.file).name, w.line) for w in sch.warnings] == [("frus-dates.sch", 16)]
    assert "'category-ids'" in sch.warnings[0].message


def test_pattern_lets_are_scoped_to_their_pattern(tmp_path):
    path = schema(tmp_path, """
  <pattern><let name="which" value="'1'"/>
    <rule context="e:letter[@n = $which]"><report id="one" test="true()">one</report></rule></pattern>
  <pattern><let name="which" value="'2'"/>
    <rule context="e:letter[@n = $which]"><report id="two" test="true()">two</report></rule></pattern>""")
    assert [(f.rule, f.line) for f in run(path, document(tmp_path, LETTERS))] == [
        ("one", 2), ("two", 3)]


# ---------------------------------------------------------------- phases, contexts

PHASES = """
  <phase id="short" when="count(//e:letter) lt 3" from="//e:letter[2]"><active pattern="p"/></phase>
  <phase id="long" when="count(//e:letter) ge 3"><active pattern="p"/></phase>
  <pattern id="p"><rule context="e:p"><report id="seen" test="true()">p</report></rule></pattern>"""


def test_phase_any_and_from(tmp_path):
    path = schema(tmp_path, PHASES)
    doc = document(tmp_path, LETTERS)
    assert [f.line for f in run(path, doc, "#ANY")] == [3]          # 'short', from letter 2
    assert [f.line for f in run(path, doc, "long")] == [2, 2, 3]
    many = document(tmp_path, LETTERS.replace("</letters>", '<letter n="3"><p/></letter></letters>'),
                    "many.xml")
    assert [f.line for f in run(path, many, "#ANY")] == [2, 2, 3, 4]


def test_visit_each_gives_the_assertion_context(tmp_path):
    path = schema(tmp_path, '<pattern><rule context="e:letter/@n" visit-each="1 to xs:integer(.)">'
                            '<assert id="small" test=". lt 2">item <value-of select="."/></assert>'
                            '</rule></pattern>', extra='xmlns:xs="http://www.w3.org/2001/XMLSchema"')
    path.write_text(path.read_text().replace(
        '<ns prefix="e"', '<ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/><ns prefix="e"'))
    found = run(path, document(tmp_path, LETTERS))
    assert [(f.line, f.message, f.xpath) for f in found] == [(3, "item 2", "/e:letters[1]/e:letter[2]/@n")]


def test_severity_and_roles_from_variables(tmp_path):
    path = schema(tmp_path, """
  <let name="level" value="'info'"/>
  <pattern><rule context="e:letter">
    <assert id="a" test="e:title" severity="warning">untitled</assert>
    <report id="b" test="true()" role="$level">seen</report>
  </rule></pattern>""")
    assert sorted((f.rule, f.severity) for f in run(path, document(tmp_path, LETTERS))) == [
        ("a", "warning"), ("b", "info"), ("b", "info")]
