"""Benchmark the markup assistant: precision and recall of `annotate --apply`, and its speed.

    python benchmarks/bench_annotate.py [CORPUS] [--seeds N] [--per-play N]

Accuracy (see toolkit/annotate/evaluate.py): copies of a tagged document lose the tags of
a random sample of names; `annotate --apply` runs on each copy; a removed name counts as
restored when a tag with the same @ref covers it again. Measured on the bundled telegram
(N seeds x 10 names) and on every Swedish play of CORPUS/swedracor (DraCor: cast lists in
back/listPerson; --per-play names each). DraCor also tags descriptions and pronouns ("min
mor", "Han"), which no gazetteer can find, so recall is given for proper names apart.

Speed: `annotate` (reporting, no --apply) over the same files, as a multiple of raw lxml
parse time of those files, measured in the same run.

Prints a Markdown table and writes benchmarks/results/annotate.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _accuracy(files: list[Path], seeds: int, count: int):
    from toolkit.annotate.evaluate import Score, trial

    total = Score()
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            for seed in range(seeds):
                total.add(trial(path, Path(work) / f"{path.stem}-{seed}", count,
                                random.Random(seed)))
    return total


def _speed(files: list[Path], rounds: int = 3) -> tuple[float, float]:
    from toolkit.annotate.run import Session

    raw = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True)
    parse = annotate = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for path in files:
            etree.parse(str(path), raw)
        parse = min(parse, time.perf_counter() - started)
        started = time.perf_counter()
        session = Session()
        for path in files:
            session.examine(session.load(path), str(path))
        annotate = min(annotate, time.perf_counter() - started)
    return parse, annotate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--seeds", type=int, default=20, help="telegram copies (10 names each)")
    parser.add_argument("--per-play", type=int, default=30, help="names removed per play")
    args = parser.parse_args(argv)
    telegram = ROOT / "tei" / "telegram-1953-03-29.xml"
    plays = sorted((Path(args.corpus) / "swedracor" / "tei").glob("*.xml"))
    rows = []
    for label, files, seeds, count in (("telegram", [telegram], args.seeds, 10),
                                       ("swedracor plays", plays, 1, args.per_play)):
        if not files:
            print(f"{label}: no files (is {args.corpus} there?)", file=sys.stderr)
            continue
        started = time.perf_counter()
        score = _accuracy(files, seeds, count)
        parse, annotate = _speed(files)
        rows.append({
            "documents": label, "files": len(files), "removed": score.removed,
            "restored": score.restored, "recall": round(score.recall, 3),
            "proper_names_removed": score.removed_names,
            "proper_name_recall": round(score.name_recall, 3),
            "wrong_ref": score.wrong, "false_positives": score.false_positives,
            "precision": round(score.precision, 3),
            "untagged_in_original": score.baseline,
            "annotate_seconds": round(annotate, 3), "parse_seconds": round(parse, 3),
            "multiple_of_parse": round(annotate / parse, 1) if parse else None,
            "bench_seconds": round(time.perf_counter() - started, 1),
        })
    print("| documents | names removed | restored (recall) | proper-name recall | precision "
          "| annotate time (x lxml parse) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['documents']} ({r['files']} files) | {r['removed']} | {r['restored']} "
              f"({r['recall']:.1%}) | {r['proper_name_recall']:.1%} of "
              f"{r['proper_names_removed']} | {r['precision']:.1%} ({r['wrong_ref']} wrong "
              f"@ref, {r['false_positives']} false positives) | {r['annotate_seconds']:.2f} s "
              f"({r['multiple_of_parse']}x) |")
    out = ROOT / "benchmarks" / "results" / "annotate.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
