"""``tei-edition lsp``: the language server (pygls, JSON-RPC over stdio).

Per open document, on every change:

* at once, in the message loop: well-formedness of the buffer
  (:func:`toolkit.lsp.diagnostics.well_formedness`, milliseconds), published with the
  diagnostics of the last full check while the buffer is well-formed, or alone when not;
* after :data:`DEBOUNCE` seconds without a further change, and at once on open and save:
  the full check (schemas, Schematron, reference checks, the markup assistant's hints) in
  a worker thread, one check at a time. Its result is published only if the document is
  still at the version it checked; a result for an older version is dropped.

Definition, hover and completion answer from the registers
(:class:`toolkit.lsp.registers.Registers`) over the current buffer; a code action applies
the wrap an ``untagged-mention`` hint carries. The server writes nothing but JSON-RPC to
stdout (Saxon's messages go to stderr), and no exception from a check reaches the client
as a crash: it is logged and the document keeps its last diagnostics.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

from lsprotocol import types
from lxml import etree
from pygls.lsp.server import LanguageServer

from toolkit import __version__
from toolkit.core.errors import ToolkitError
from toolkit.lsp import diagnostics, mentions
from toolkit.lsp.pointers import pointer_at
from toolkit.lsp.registers import Registers, describe, label_of, note_of
from toolkit.validate.configured import configured_registers, forget_other_files, options_for

#: Seconds without typing before the full check runs.
DEBOUNCE = 0.3


class TeiLanguageServer(LanguageServer):
    """The server's state: options, the last full results per document, pending checks."""

    def __init__(self) -> None:
        super().__init__("tei-edition", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = None
        self.root: Path | None = None  # the workspace folder: register files may come from it
        self.registers: tuple[Path, ...] = ()
        self.full: dict[str, tuple[int, list[types.Diagnostic]]] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.checker = concurrent.futures.ThreadPoolExecutor(1, "tei-edition-check")

    def configure(self, folder: Path | None) -> None:
        self.root = folder
        try:
            self.options, cfg = options_for(folder)
            self.registers = configured_registers(cfg)
        except ToolkitError as exc:
            from toolkit.validate.run import ValidationOptions

            self.options, self.registers = ValidationOptions(), ()
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning,
                                                           str(exc)))

    def document(self, uri: str):
        return self.workspace.get_text_document(uri)

    def buffer_of(self, path: Path) -> str | None:
        """The editor's text of ``path`` when it is open, else None (read the file)."""
        for doc in list(self.workspace.text_documents.values()):
            if doc.path and Path(doc.path).resolve() == path:
                return doc.source
        return None

    def registers_for(self, uri: str) -> tuple[Registers, object] | None:
        doc = self.document(uri)
        path = _path(doc)
        tree = diagnostics.parse_text(doc.source, path, str(path or uri))
        if isinstance(tree, ToolkitError):
            tree = None
        lines = doc.source.splitlines()
        if tree is None:
            return None
        return Registers(path, tree, lines, self.registers, self.buffer_of, self.root), doc

    # -- diagnostics --------------------------------------------------------------------

    def quick(self, uri: str) -> None:
        """Well-formedness now; the last full results stay while the buffer parses."""
        doc = self.document(uri)
        path = _path(doc)
        lines = doc.source.splitlines()
        problems = diagnostics.well_formedness(doc.source, path, str(path or uri))
        if problems:
            shown = [diagnostics.to_diagnostic(f, lines) for f in problems]
        else:
            shown = self.full.get(uri, (None, []))[1]
        self._publish(uri, doc.version, shown)

    def schedule(self, uri: str, delay: float) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            return
        doc = self.document(uri)
        version, text, path = doc.version, doc.source, _path(doc)
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(self.checker, self._check, text, path, uri)
        except Exception as exc:  # noqa: BLE001 - log, keep serving
            self.window_log_message(types.LogMessageParams(
                types.MessageType.Error, f"tei-edition: check failed: {type(exc).__name__}: {exc}"))
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # stale: the document changed (or closed) while it was checked
        parsed = not any(d.code == "not-well-formed" or str(d.source).endswith("(parse)")
                         for d in found)
        self.full[uri] = (version, found if parsed else [])  # shown while it stays well-formed
        self._publish(uri, version, found)

    def _check(self, text: str, path: Path | None, uri: str) -> list[types.Diagnostic]:
        name = str(path or uri)
        lines = text.splitlines()
        forget_other_files()  # a register file may have been saved since
        findings = diagnostics.full_check(text, path, name, self.options)
        shown = [diagnostics.to_diagnostic(f, lines) for f in findings]
        if findings and findings[0].source == "parse":
            return shown
        for hint in mentions.hints(text, path, name, self.registers):
            diagnostic = diagnostics.to_diagnostic(hint.finding, lines, hint.fix())
            diagnostic.severity = types.DiagnosticSeverity.Hint
            shown.append(diagnostic)
        return shown

    def _publish(self, uri: str, version, shown: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=shown))


def _path(doc) -> Path | None:
    return Path(doc.path) if doc.uri.startswith("file:") and doc.path else None


server = TeiLanguageServer()


@server.feature(types.INITIALIZE)
def initialize(ls: TeiLanguageServer, params: types.InitializeParams) -> None:
    folder = None
    if params.workspace_folders:
        folder = _uri_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        folder = _uri_path(params.root_uri)
    ls.configure(folder)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: TeiLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.quick(params.text_document.uri)
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: TeiLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.quick(params.text_document.uri)
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: TeiLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TeiLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.full.pop(uri, None)
    ls._publish(uri, None, [])


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: TeiLanguageServer, params: types.DefinitionParams):
    """The element a pointer names (``#id``, ``file.xml#id``, ``prefix:id``)."""
    found = _target_at(ls, params.text_document.uri, params.position)
    return _location(ls, *found) if found else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: TeiLanguageServer, params: types.HoverParams):
    """The register entry (or element) a pointer names, described."""
    found = _target_at(ls, params.text_document.uri, params.position)
    return _hover(found[0]) if found else None


def _location(ls: TeiLanguageServer, target, registers: Registers) -> types.Location:
    lines = registers.lines if target.file == registers.path else \
        (ls.buffer_of(target.file) or _read(target.file)).splitlines()
    start = diagnostics.position(lines, target.line - 1, target.column - 1)
    return types.Location(uri=target.file.as_uri(), range=types.Range(start=start, end=start))


def _hover(target) -> types.Hover:
    where = f"\n\n*{target.file.name}:{target.line}*"
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value=describe(target.element) + where))


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=["#", '"', "'", ":"]))
def completion(ls: TeiLanguageServer, params: types.CompletionParams):
    doc = ls.document(params.text_document.uri)
    lines = doc.source.splitlines()
    line = params.position.line
    char = diagnostics.char_index(lines[line] if line < len(lines) else "", params.position.character)
    at = pointer_at(lines, line, char)
    if at is None:
        return None
    made = ls.registers_for(params.text_document.uri)
    if made is None:
        made = _registers_without_buffer(ls, params.text_document.uri)
        if made is None:
            return None
    registers = made[0]
    edit_range = types.Range(start=diagnostics.position(lines, line, at.start),
                             end=diagnostics.position(lines, line, max(at.end, char)))
    items = []
    for rank, (value, entry) in enumerate(registers.choices(at.element)):
        label = label_of(entry)
        items.append(types.CompletionItem(
            label=value, detail=f"{label} ({etree.QName(entry).localname})",
            documentation=note_of(entry)[:300] or None, kind=types.CompletionItemKind.Reference,
            filter_text=f"{value} {label}", sort_text=f"{rank:05d}",
            text_edit=types.TextEdit(range=edit_range, new_text=value)))
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: TeiLanguageServer, params: types.CodeActionParams):
    doc = ls.document(params.text_document.uri)
    lines = doc.source.splitlines(keepends=True)
    actions = []
    for diagnostic in params.context.diagnostics:
        fix = diagnostic.data if diagnostic.code == mentions.RULE else None
        if not isinstance(fix, dict) or "start" not in fix:
            continue
        opening = _offset_position(lines, int(fix["start"]))
        closing = _offset_position(lines, int(fix["end"]))
        edit = types.WorkspaceEdit(changes={params.text_document.uri: [
            types.TextEdit(range=types.Range(start=closing, end=closing), new_text=fix["close"]),
            types.TextEdit(range=types.Range(start=opening, end=opening), new_text=fix["open"]),
        ]})
        actions.append(types.CodeAction(title=fix.get("title") or "Tag this mention",
                                        kind=types.CodeActionKind.QuickFix,
                                        diagnostics=[diagnostic], edit=edit, is_preferred=True))
    return actions


def _target_at(ls: TeiLanguageServer, uri: str, position: types.Position):
    doc = ls.document(uri)
    lines = doc.source.splitlines()
    line = position.line
    char = diagnostics.char_index(lines[line] if line < len(lines) else "", position.character)
    at = pointer_at(lines, line, char)
    if at is None or not at.token:
        return None
    made = ls.registers_for(uri) or _registers_without_buffer(ls, uri)
    if made is None:
        return None
    registers = made[0]
    target = registers.resolve(at.token)
    return (target, registers) if target is not None else None


def _registers_without_buffer(ls: TeiLanguageServer, uri: str):
    """Registers from the file on disk, for a buffer that does not parse right now."""
    doc = ls.document(uri)
    path = _path(doc)
    if path is None or not path.is_file():
        return None
    tree = diagnostics.parse_text(_read(path), path, str(path))
    if isinstance(tree, ToolkitError):
        return None
    return Registers(path, tree, doc.source.splitlines(), ls.registers, ls.buffer_of,
                     ls.root), doc


def _offset_position(lines: list[str], offset: int) -> types.Position:
    for number, line in enumerate(lines):
        if offset <= len(line) - (1 if line.endswith("\n") else 0) or number == len(lines) - 1:
            return types.Position(line=number,
                                  character=diagnostics.utf16_column(line, offset))
        offset -= len(line)
    return types.Position(line=0, character=0)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def _uri_path(uri: str) -> Path | None:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(uri)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


def main() -> None:
    """Serve on stdin/stdout until the client says exit."""
    server.start_io()
