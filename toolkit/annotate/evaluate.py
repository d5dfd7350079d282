"""Measure the markup assistant on documents that are already tagged.

Take a tagged document, remove the tags (not the words) of a random sample of its names,
run ``annotate --apply`` on the copy and count: a removed name is *restored* when a tag
with the same ``@ref`` now covers its words; a tag the assistant added elsewhere is a
*false positive*, unless the assistant also proposes it on the untouched original (then
it is a mention the editors left untagged, reported separately as ``baseline``).

recall = restored / removed; precision = correct / (correct + wrong), where ``wrong``
counts tags on removed names with another ``@ref`` and false positives. Editions that
tag descriptions and pronouns as well as names (DraCor tags "min mor", "Han") are scored
on proper names apart too (``name_recall``): a gazetteer cannot find "min mor". The test suite
asserts on these numbers and ``benchmarks/bench_annotate.py`` reports them.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.annotate import markup, roles
from toolkit.annotate.gazetteer import common_words, form_of, name_like
from toolkit.annotate.run import Options, Session

Span = tuple[int, int]


@dataclass
class Score:
    removed: int = 0
    restored: int = 0
    wrong: int = 0  # added on a removed name, with another @ref
    false_positives: int = 0
    baseline: int = 0  # proposed on the original too: untagged there already
    removed_names: int = 0  # removed tags whose words are a proper name ("Bertha")
    restored_names: int = 0  # ... and restored; the rest are descriptions ("min mor")
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("removed", "restored", "wrong", "false_positives", "baseline",
                     "removed_names", "restored_names"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.restored / self.removed if self.removed else 1.0

    @property
    def name_recall(self) -> float:
        return self.restored_names / self.removed_names if self.removed_names else 1.0

    @property
    def precision(self) -> float:
        proposed = self.restored + self.wrong + self.false_positives
        return self.restored / proposed if proposed else 1.0


def text_spans(doc: markup.Document) -> dict[int, Span]:
    """Each element's span in the document's text (character indexes), keyed by the
    element's start offset; tags do not move text, so spans survive adding tags."""
    spans: dict[int, Span] = {}
    position = 0

    def walk(element: markup.Element) -> None:
        nonlocal position
        begin = position
        for child in element.children:
            if isinstance(child, markup.Text):
                position += len(child.value)
            else:
                walk(child)
        spans[element.start] = (begin, position)

    walk(doc.root)
    return spans


def tagged_names(doc: markup.Document) -> list[markup.Element]:
    """Names outside the header with one pointer in @ref: what a sample is drawn from."""
    return [e for e in doc.root.iter()
            if e.name in ("persName", "placeName", "orgName") and roles.is_tei(e)
            and len(e.get("ref", "").split()) == 1
            and not any(a.name == "teiHeader" for a in e.ancestors())
            and e.text().strip()]


def strip(doc: markup.Document, chosen: list[markup.Element]) -> str:
    """The source with the start and end tags of ``chosen`` removed."""
    cuts = sorted([(e.start, e.open_end) for e in chosen]
                  + [(e.close_start, e.end) for e in chosen if e.close_start != e.open_end],
                  reverse=True)
    text = doc.source
    for begin, end in cuts:
        text = text[:begin] + text[end:]
    return text


def _refs(doc: markup.Document) -> list[tuple[Span, str]]:
    spans = text_spans(doc)
    return [(spans[e.start], e.get("ref")) for e in tagged_names(doc)]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def apply_in_process(path: Path, registers: tuple[Path, ...] = ()) -> None:
    """``annotate --apply PATH`` without a subprocess."""
    session = Session(Options(registers=registers))
    session.examine(session.load(path), str(path), apply=True)


def _copy_registers(source: Path, work: Path) -> None:
    """Copy the register files ``source`` points to (``registers.xml#id`` ...) into
    ``work`` at the same relative places, so that the copies resolve as the original does."""
    from urllib.parse import unquote, urlsplit

    from toolkit.build.registers import find_registers
    from toolkit.core.parse import parse_file

    folder = source.resolve().parent
    for tree in find_registers(parse_file(source), source).trees:
        found = Path(unquote(urlsplit(tree.docinfo.URL).path))
        target = work / found.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)


def trial(source: Path, work: Path, count: int, rng: random.Random,
          registers: tuple[Path, ...] = (), apply=apply_in_process) -> Score:
    """Remove ``count`` random name tags from a copy of ``source`` in ``work``, run
    ``apply(copy, registers)`` (the assistant; the tests pass the CLI) and score it."""
    original = markup.read(source)
    work.mkdir(parents=True, exist_ok=True)
    _copy_registers(source, work)
    before = {(span, ref) for span, ref in _refs(original)}
    baseline_copy = work / ("baseline-" + source.name)
    shutil.copyfile(source, baseline_copy)
    apply(baseline_copy, registers)
    proposed_on_original = {s for s, r in _refs(markup.read(baseline_copy))} - \
        {s for s, r in before}
    names = tagged_names(original)
    chosen = rng.sample(names, min(count, len(names)))
    spans = text_spans(original)
    removed = [(spans[e.start], e.get("ref"), " ".join(e.text().split())) for e in chosen]
    copy = work / source.name
    copy.write_bytes(original.encode(strip(original, chosen)))
    apply(copy, registers)
    after = _refs(markup.read(copy))
    kept = before - {(span, ref) for span, ref, _t in removed}
    added = [(span, ref) for span, ref in after if (span, ref) not in kept]
    score = Score(removed=len(removed))
    common = common_words(original.root.text())
    wanted = {(span, ref) for span, ref, _w in removed}
    for span, ref, words in removed:
        # a tag that restores another removed name (the outer one of nested names) is not
        # a wrong tag for this one: this one is missed
        hits = [r for s, r in added if _overlap(s, span) and (r == ref or (s, r) not in wanted)]
        proper = name_like(form_of(words), common)
        score.removed_names += proper
        if ref in hits:
            score.restored += 1
            score.restored_names += proper
        else:
            score.wrong += bool(hits)
            score.misses.append(f"{words!r} ({ref})" + (f" tagged {hits}" if hits else ""))
    for span, ref in added:
        if any(_overlap(span, s) for s, _r, _w in removed):
            continue
        if any(_overlap(span, s) for s in proposed_on_original):
            score.baseline += 1
        else:
            score.false_positives += 1
    return score
