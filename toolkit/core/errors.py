"""Exceptions that carry a location, so the CLI can print ``file:line:col`` instead of a traceback."""

from __future__ import annotations

from toolkit.core.findings import Finding


class ToolkitError(Exception):
    """A failure the user can act on; ``exit_code`` is what the CLI returns for it."""

    exit_code = 1

    def __init__(self, message: str, file: str = "", line: int | None = None,
                 column: int | None = None, rule: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule

    def finding(self) -> Finding:
        return Finding(self.file, self.line, self.column, "error", self.message, self.rule,
                       source="toolkit")

    def __str__(self) -> str:
        return self.finding().format() if self.file else self.message


class ParseError(ToolkitError):
    """The source is not well-formed XML, or is refused for safety (entities, DTDs)."""


class TransformError(ToolkitError):
    """A stylesheet failed to compile or raised a dynamic error."""


class UsageError(ToolkitError):
    """Bad options or unreadable sources: exit code 2, as CLI conventions expect."""

    exit_code = 2
