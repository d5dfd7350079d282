"""A message said once, with a count, rather than thirty times.

Why: a build of thirty letters that all point to a register outside the folder built, or a
stylesheet that says the same ``xsl:message`` for every name, printed thirty identical
lines; a stylesheet that does not compile failed every document with the same error. The
reader needs the message once, where it first happened, and how often it happened.

A warning or note is a repeat when its severity, rule and message are those of one shown
before (wherever it is); an error only when it is the same in every respect, file and line
included (each document's own error stays visible). Repeats are counted, and
:meth:`Repeats.counts` gives one line for each message seen more than once:
``letters/a.xml:12: warning: ... [register] (x30 in all, in 30 documents)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.core.findings import Finding


@dataclass
class _Seen:
    first: Finding
    count: int = 1
    documents: set[str] = field(default_factory=set)


class Repeats:
    """Which findings to show (the first of each kind) and how often each came."""

    def __init__(self) -> None:
        self._seen: dict[tuple, _Seen] = {}

    @staticmethod
    def _key(finding: Finding) -> tuple:
        if finding.severity == "error":
            return (finding.file, finding.line, finding.column, finding.severity,
                    finding.rule, finding.message)
        return (finding.severity, finding.rule, finding.message)

    def first(self, finding: Finding, document: str = "") -> bool:
        """Count ``finding`` (reported while building ``document``); True the first time
        it is seen, when it is to be shown."""
        key = self._key(finding)
        seen = self._seen.get(key)
        if seen is None:
            self._seen[key] = _Seen(finding, documents={document or finding.file})
            return True
        seen.count += 1
        seen.documents.add(document or finding.file)
        return False

    def counts(self) -> list[Finding]:
        """For each finding seen more than once: the first, its message saying how often."""
        out = []
        for seen in self._seen.values():
            if seen.count > 1:
                where = (f", in {len(seen.documents)} documents" if len(seen.documents) > 1
                         else "")
                first = seen.first
                out.append(Finding(first.file, first.line, first.column, first.severity,
                                   f"{first.message} (x{seen.count} in all{where})",
                                   first.rule, first.xpath, first.source))
        return out
