"""One record type for everything the toolkit has to say about a document.

Parse errors, schema violations, Schematron asserts and reference checks all become
``Finding`` objects, so that every reporter (text, JSON, JUnit, SARIF, GitHub) and every
exit code is computed from one list.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}


@dataclass(frozen=True)
class Finding:
    """A located message about one file.

    ``line``/``column`` are 1-based and ``None`` where the source has no position
    (an unreadable file, a schema that failed to load).
    """

    file: str
    line: int | None
    column: int | None
    severity: str
    message: str
    rule: str
    xpath: str | None = None
    source: str = ""

    def location(self) -> str:
        """``file:line:col`` as editors and compilers print it."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """The one-line human form: ``file:line:col: severity: message [rule]``."""
        return f"{self.location()}: {self.severity}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict:
        return asdict(self)

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.rule, self.message)


def severity_rank(severity: str) -> int:
    """Higher is worse: info 0, warning 1, error 2."""
    return _RANK.get(severity, _RANK["error"])


def at_or_above(findings: list[Finding], threshold: str) -> list[Finding]:
    """The findings that make a run fail under ``--fail-on threshold``."""
    limit = severity_rank(threshold)
    return [f for f in findings if severity_rank(f.severity) >= limit]
