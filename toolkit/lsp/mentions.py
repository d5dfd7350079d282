"""The markup assistant's untagged mentions as hints, each with a quick fix that wraps it.

The mentions come from :mod:`toolkit.annotate` (``tei-edition annotate``), run over the
editor's buffer: the same gazetteer (the document's registers, the files its pointers
name, the configured ones) and the same ``untagged-mention`` findings. An unambiguous
mention carries the edit ``annotate --apply`` would make (the start tag before it, the end
tag after it, nothing else changed) as the diagnostic's ``data``; the code action hands it
to the editor as a workspace edit. Ambiguous mentions are hints without a fix, as
``annotate`` leaves them for the editor too.

When the toolkit is installed without :mod:`toolkit.annotate`, :func:`available` is
False and no hints are given.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from toolkit.core.findings import Finding

RULE = "untagged-mention"


@dataclass(frozen=True)
class Hint:
    """One untagged mention: its finding and, when unambiguous, the wrap (source offsets)."""

    finding: Finding
    start: int | None = None
    end: int | None = None
    open_tag: str = ""
    close_tag: str = ""
    title: str = ""

    def fix(self) -> dict | None:
        if self.start is None or self.end is None:
            return None
        return {"start": self.start, "end": self.end, "open": self.open_tag,
                "close": self.close_tag, "title": self.title}


def available() -> bool:
    return importlib.util.find_spec("toolkit.annotate") is not None


def hints(text: str, path: Path | None, name: str,
          registers: tuple[Path, ...] = ()) -> list[Hint]:
    """The untagged mentions of the buffer ``text`` (the file ``path``), with their fixes."""
    if path is None or not available():
        return []
    from toolkit.annotate import edits, markup
    from toolkit.annotate.run import Options, Session

    session = Session(Options(registers=registers))
    doc = markup.Document(Path(path), text, "utf-8", b"", markup._build(text))
    key = Path(path).resolve()
    session.docs[key] = doc
    session.pointers[key] = pointers = markup_pointers(doc)
    gaz = session.gazetteer_for(doc)
    out = []
    for finding in session.examine(doc, name).findings:
        out.append(Hint(finding))
    from toolkit.annotate import mentions as found_mentions

    by_place = {(h.finding.line, h.finding.column): i for i, h in enumerate(out)}
    for mention in found_mentions.find(doc, gaz, pointers.resolve):
        if mention.ambiguous:
            continue
        ref_key = mention.candidates[0]
        entry = gaz.entries[ref_key]
        ref = gaz.ref_for(doc, ref_key, pointers)
        try:
            wrap = edits.plan(mention, entry.element, {"ref": ref})
        except edits.CannotWrap:
            continue
        line, col = doc.line_col(mention.source_offset())
        index = by_place.get((line, col))
        if index is not None:
            out[index] = Hint(out[index].finding, wrap.start, wrap.end, wrap.open_tag(),
                              wrap.close_tag(), f"Tag “{mention.text}” as {entry.label}")
    return out


def markup_pointers(doc):
    from toolkit.annotate.gazetteer import Pointers

    return Pointers(doc)
