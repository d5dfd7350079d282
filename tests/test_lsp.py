"""``tei-edition lsp`` end to end with a real LSP client (pytest-lsp): diagnostics as the
user types, the same findings as ``validate``, and navigation from the registers."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import run_cli
from lsp_helpers import (CONFIG, change, initialize, make_project, open_document,
                         position_of, published)

#: The tag the tests break: Kim Il Sung's name in the telegram's first paragraph.
BROKEN_TAG = "Kim Il Sung</persName> again declared"


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which ``needle`` first stands."""
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, project):
    await initialize(lsp_client, project)
    yield
    await lsp_client.shutdown_session()


def telegram(project):
    path = project / "tei" / "telegram-1953-03-29.xml"
    return path, path.read_text("utf-8")


def cli_findings(path, *args):
    """``validate``'s findings for ``path`` as (line, col, severity, rule)."""
    result = run_cli("validate", str(path), "--format", "json", *args, cwd=path.parent.parent)
    import json

    report = json.loads(result.stdout)
    return [(f["line"], f["column"], f["severity"], f["rule"])
            for file in report["files"] for f in file["findings"]]


@pytest.mark.asyncio
async def test_broken_telegram_gets_the_error_at_its_line_and_column(client, project):
    path, good = telegram(project)
    broken = good.replace(BROKEN_TAG, "Kim Il Sung</persname> again declared", 1)
    broken_line = line_of(good, BROKEN_TAG)
    uri = open_document(client, path, broken)
    first = (await published(client, uri))[0]
    assert [d.code for d in first.diagnostics] == ["not-well-formed"]
    diagnostic = first.diagnostics[0]
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.range.start.line == broken_line - 1
    path.write_text(broken, "utf-8")
    [(line, column, severity, rule)] = cli_findings(path)
    assert (rule, severity, line) == ("not-well-formed", "error", broken_line)
    assert diagnostic.range.start.character == column - 1  # ASCII line: characters = UTF-16


@pytest.mark.asyncio
async def test_fixing_it_clears_the_diagnostics(client, project):
    path, good = telegram(project)
    uri = open_document(client, path, good.replace("</persName> again", "</persname> again", 1))
    await published(client, uri, 2)  # the quick check and the full one
    mark = len(client.published)
    change(client, uri, good, 2)
    quick, full = await published(client, uri, 2, since=mark)
    assert quick.version == full.version == 2
    assert not quick.diagnostics and not full.diagnostics


@pytest.mark.asyncio
async def test_schema_and_reference_findings_are_validates(client, project):
    path, good = telegram(project)
    bad = good.replace('<persName ref="registers.xml#nam-il">Nam Il</persName>, as before',
                       '<persName ref="registers.xml#nam-ill">Nam Il</persName>, as before', 1)
    bad = bad.replace("<p xml:id=\"p3\">", "<p xml:id=\"p3\"><unknown/>", 1)
    uri = open_document(client, path, good)
    await published(client, uri, 2)
    mark = len(client.published)
    change(client, uri, bad, 2)
    quick, full = await published(client, uri, 2, since=mark)
    assert not quick.diagnostics  # well-formed: nothing to say at once
    path.write_text(bad, "utf-8")
    expected = cli_findings(path)
    severities = {types.DiagnosticSeverity.Error: "error",
                  types.DiagnosticSeverity.Warning: "warning",
                  types.DiagnosticSeverity.Information: "info"}
    got = sorted((d.range.start.line + 1, d.code, severities[d.severity]) for d in full.diagnostics)
    assert got == sorted((line, rule, severity) for line, _, severity, rule in expected)
    assert {"dangling-pointer"} <= {d.code for d in full.diagnostics}
    assert len(full.diagnostics) >= 2


@pytest.mark.asyncio
async def test_results_for_an_outdated_version_are_dropped(client, project):
    path, good = telegram(project)
    uri = open_document(client, path, good)
    await published(client, uri, 2)
    mark = len(client.published)
    dangling = good.replace('ref="registers.xml#nam-il">Nam Il</persName>, as before',
                            'ref="registers.xml#nam-ill">Nam Il</persName>, as before', 1)
    change(client, uri, dangling, 2)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    change(client, uri, good, 3)
    later = await published(client, uri, 3, since=mark)  # quick v2, quick v3, full v3
    assert all(not p.diagnostics for p in later)
    assert later[-1].version == 3
    assert not any(d.code == "dangling-pointer" for p in client.published[mark:]
                   for d in p.diagnostics)


@pytest.mark.asyncio
async def test_definition_leads_into_the_register_files(client, project):
    path, text = telegram(project)
    uri = open_document(client, path, text)
    where = position_of(text, 'ref="registers.xml#kim-il-sung"', 20)
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), where))
    edition_registers = project / "tei" / "registers.xml"
    assert found.uri == edition_registers.as_uri()
    entry_line = edition_registers.read_text("utf-8").splitlines()[found.range.start.line]
    assert 'xml:id="kim-il-sung"' in entry_line
    letter = project / "letters" / "letter.xml"
    letter_text = letter.read_text("utf-8")
    letter_uri = open_document(client, letter, letter_text)
    where = position_of(letter_text, "registers.xml#porter", 15)
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(letter_uri), where))
    registers = (project / "letters" / "registers.xml")
    assert found.uri == registers.as_uri()
    line = registers.read_text("utf-8").splitlines()[found.range.start.line]
    assert 'xml:id="porter"' in line[found.range.start.character:]


@pytest.mark.asyncio
async def test_hover_shows_the_entry(client, project):
    path, text = telegram(project)
    uri = open_document(client, path, text)
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position_of(text, 'ref="registers.xml#kim-il-sung"', 22)))
    value = hover.contents.value
    assert "Kim Il Sung" in value and "김일성" in value and "Ким Ир Сен" in value
    assert "birth 1912" in value and "death 1994" in value
    assert "Leader of the DPRK" in value


@pytest.mark.asyncio
async def test_completion_offers_register_entries(client, project):
    letter = project / "letters" / "letter.xml"
    text = letter.read_text("utf-8").replace('ref="registers.xml#porter"', 'ref="registers.xml#"', 1)
    uri = open_document(client, letter, text)
    where = position_of(text, 'ref="registers.xml#"', len('ref="registers.xml#'))
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), where))
    labels = [item.label for item in result.items]
    assert labels[:2] == ["registers.xml#clerk", "registers.xml#porter"]  # persons first
    assert "#harbour" in labels
    porter = result.items[labels.index("registers.xml#porter")]
    assert porter.detail == "Jonas Brandt (person)"
    assert porter.text_edit.new_text == "registers.xml#porter"


@pytest.mark.asyncio
async def test_quick_fix_wraps_a_mention(client, project):
    letter = project / "letters" / "letter.xml"
    text = letter.read_text("utf-8").replace("grey morning", "grey morning 𝔸 with Weber", 1)
    uri = open_document(client, letter, text)
    start = text.index("Weber", text.index("𝔸"))  # a character offset, as annotate gives
    where = position_of(text[:start] + "§" + text[start + 1:], "§")
    diagnostic = types.Diagnostic(
        range=types.Range(start=where, end=where), message="untagged mention",
        code="untagged-mention", severity=types.DiagnosticSeverity.Hint,
        data={"start": start, "end": start + len("Weber"), "title": "Tag Weber",
              "open": '<persName ref="registers.xml#clerk">', "close": "</persName>"})
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), diagnostic.range,
        types.CodeActionContext(diagnostics=[diagnostic])))
    [action] = actions
    edits = action.edit.changes[uri]
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        line = lines[edit.range.start.line]
        units = line.encode("utf-16-le")
        cut = edit.range.start.character * 2
        lines[edit.range.start.line] = (units[:cut].decode("utf-16-le") + edit.new_text
                                        + units[cut:].decode("utf-16-le"))
    assert '𝔸 with <persName ref="registers.xml#clerk">Weber</persName>' in "".join(lines)
