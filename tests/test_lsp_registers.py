"""The language server's register lookups and cursor logic, without a client."""

from __future__ import annotations

from pathlib import Path

from lsp_helpers import ROOT
from toolkit.core.parse import parse_bytes
from toolkit.lsp.diagnostics import char_index, utf16_column, well_formedness
from toolkit.lsp.pointers import pointer_at
from toolkit.lsp.registers import Registers, describe

LIVE = ROOT / "tests" / "fixtures" / "live"
PREFIXED = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><encodingDesc><listPrefixDef>
    <prefixDef ident="psn" matchPattern="([a-z]+)" replacementPattern="registers.xml#$1"/>
  </listPrefixDef></encodingDesc></teiHeader>
  <text><body><p><persName ref="psn:clerk">Anna</persName> met <persName ref="#porter">him</persName>.</p></body></text>
</TEI>
"""


def registers_for(folder: Path, text: str, configured=()) -> Registers:
    path = folder / "doc.xml"
    return Registers(path, parse_bytes(text.encode(), str(path)), text.splitlines(), configured)


def test_prefix_def_pointer_resolves_into_the_register_file(tmp_path):
    (tmp_path / "registers.xml").write_bytes((LIVE / "registers.xml").read_bytes())
    target = registers_for(tmp_path, PREFIXED).resolve("psn:clerk")
    assert target.file == (tmp_path / "registers.xml").resolve()
    assert target.line == 12 and target.column == 15
    assert "Anna Weber" in describe(target.element) and "birth 1901" in describe(target.element)


def test_configured_registers_answer_plain_ids(tmp_path):
    (tmp_path / "registers.xml").write_bytes((LIVE / "registers.xml").read_bytes())
    plain = registers_for(tmp_path, PREFIXED)
    assert plain.resolve("#porter") is None
    configured = registers_for(tmp_path, PREFIXED, (tmp_path / "registers.xml",))
    assert configured.resolve("#porter").element.get(
        "{http://www.w3.org/XML/1998/namespace}id") == "porter"
    values = [value for value, _ in configured.choices("persName")]
    assert values == ["#clerk", "#porter"]  # configured registers are pointed to with #id


def test_unresolvable_pointers(tmp_path):
    regs = registers_for(tmp_path, PREFIXED)
    for value in ("https://example.org/x#y", "missing.xml#x", "#", "psn:UPPER", ""):
        assert regs.resolve(value) is None, value


def test_pointer_under_the_cursor():
    lines = ['  <persName ref="#a #b" n="x">A</persName> <ptr target="#c', '  <p n="#d">']
    at = pointer_at(lines, 0, lines[0].index("#b") + 1)
    assert (at.attribute, at.element, at.token) == ("ref", "persName", "#b")
    typing = pointer_at(lines, 0, len(lines[0]))  # a value with no closing quote yet
    assert (typing.attribute, typing.element, typing.token) == ("target", "ptr", "#c")
    assert pointer_at(lines, 0, lines[0].index('"x"') + 1) is None  # @n is not a pointer
    assert pointer_at(lines, 1, 9) is None
    assert pointer_at(lines, 5, 0) is None


def test_columns_in_utf16_units():
    line = "a𝔸b"
    assert utf16_column(line, 2) == 3 and char_index(line, 3) == 2


def test_well_formedness_of_an_unsaved_buffer_declaring_another_encoding():
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>é</a>\n'
    assert well_formedness(text, None, "buffer") == []
    [finding] = well_formedness(text.replace("</a>", "</b>"), None, "buffer")
    assert (finding.line, finding.rule) == (2, "not-well-formed")
