"""Findings as LSP diagnostics: the same findings ``validate`` reports, placed in the editor.

Two checks run over the editor's text (never the file on disk while it is being edited):

* :func:`well_formedness` at every keystroke: the toolkit's one safe parser
  (:func:`toolkit.core.parse.parse_bytes`) over the buffer; a few milliseconds for the
  telegram, so the error is there as soon as it is typed;
* :func:`full_check` when the typing pauses and on save: :func:`toolkit.validate.run.check_tree`
  over the parsed buffer, so the schemas are those ``validate`` would choose (its plan:
  configuration, ``<?xml-model?>``, catalogs), with the rule ids and severities it reports.

Findings carry 1-based lines and columns counted in characters; LSP positions count UTF-16
code units from 0 (:func:`position`). A finding with no column covers its line's text.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_bytes
from toolkit.validate.run import ValidationOptions, check_tree

SEVERITY = {"error": types.DiagnosticSeverity.Error,
            "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}
SOURCE = "tei-edition"
_TOKEN_END = re.compile(r"[\s<>=/\"']")


def utf16_column(line: str, chars: int) -> int:
    """The UTF-16 offset of character index ``chars`` in ``line``."""
    prefix = line[:max(chars, 0)]
    return len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF)


def char_index(line: str, utf16: int) -> int:
    """The character index of UTF-16 offset ``utf16`` in ``line`` (the inverse)."""
    units = 0
    for index, char in enumerate(line):
        if units >= utf16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def position(lines: list[str], line: int, char: int) -> types.Position:
    """LSP position of 0-based ``line`` and character index ``char``."""
    text = lines[line] if 0 <= line < len(lines) else ""
    return types.Position(line=line, character=utf16_column(text, char))


def finding_range(finding: Finding, lines: list[str]) -> types.Range:
    """Where a finding goes: from its column to the end of the word there, or its line."""
    line = max((finding.line or 1) - 1, 0)
    if line >= len(lines):
        line = max(len(lines) - 1, 0)
    text = lines[line] if lines else ""
    if finding.column:
        start = min(finding.column - 1, len(text))
        end = _TOKEN_END.search(text, start + 1)
        stop = end.start() if end else len(text)
        stop = max(stop, min(start + 1, len(text)))
    else:
        start = len(text) - len(text.lstrip())
        stop = len(text)
    return types.Range(start=position(lines, line, start), end=position(lines, line, stop))


def to_diagnostic(finding: Finding, lines: list[str], data: object = None) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(finding, lines),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Error),
        code=finding.rule,
        source=f"{SOURCE} ({finding.source})" if finding.source else SOURCE,
        data=data)


def parse_text(text: str, path: Path | None, name: str):
    """The buffer parsed by the safe parser, or the :class:`ToolkitError` it raised."""
    base = path.resolve().as_uri() if path is not None else None
    try:
        return parse_bytes(text.encode("utf-8"), name, base_url=base)
    except ToolkitError as exc:
        return exc


def well_formedness(text: str, path: Path | None, name: str) -> list[Finding]:
    """The parse error of the buffer, if any (an XML declaration naming another encoding is
    ignored: the editor's text is Unicode)."""
    result = parse_text(_unicode(text), path, name)
    return [_parse_finding(result, name)] if isinstance(result, ToolkitError) else []


def full_check(text: str, path: Path | None, name: str,
               options: ValidationOptions) -> list[Finding]:
    """Everything ``validate`` would report about the buffer (the parse error alone when
    it is not well-formed)."""
    text = _unicode(text)
    tree = parse_text(text, path, name)
    if isinstance(tree, ToolkitError):
        return [_parse_finding(tree, name)]
    if path is not None:
        from toolkit.core.parse import resolve_xincludes

        try:
            resolve_xincludes(tree, path)
        except ToolkitError as exc:
            return [exc.finding()]
    return check_tree(tree, path, options, name, text.splitlines()).findings


def _parse_finding(exc: ToolkitError, name: str) -> Finding:
    finding = exc.finding()
    return Finding(name, finding.line, finding.column, "error", finding.message, finding.rule,
                   None, "parse")


_DECLARATION = re.compile(r"^(\ufeff?<\?xml[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2")


def _unicode(text: str) -> str:
    """The buffer with its declaration's encoding set to UTF-8 (the bytes we parse)."""
    return _DECLARATION.sub(r"\1 encoding=\2utf-8\2", text, count=1)
