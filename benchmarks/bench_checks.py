"""Benchmark the reference checks (ids, pointers, dates) as a multiple of raw lxml parsing.

    python benchmarks/bench_checks.py [CORPUS] [--repeat N]

For every XML file of CORPUS (default ../shared/corpus relative to the repository) that
parses, it measures in this process and run the raw ``lxml.etree.parse`` time (the
baseline) and the time of ``run_checks`` on the tree already parsed, each the best of
``--repeat`` runs (a shared machine's noise only ever adds time). The goal (issue 13) is
at most 2x. Prints a table and writes ``benchmarks/results/checks.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    from toolkit.core.errors import ToolkitError
    from toolkit.core.parse import parse_file
    from toolkit.core.sources import expand
    from toolkit.core.write import atomic_write
    from toolkit.validate.engines.checks import run_checks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    raw = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True)
    parse_seconds = checks_seconds = 0.0
    files = findings = 0
    for source in expand([args.corpus]):
        try:
            tree = parse_file(source.path)
        except ToolkitError:
            continue  # not well-formed: nothing to check
        name = str(source.path)
        parse_seconds += _best(lambda: etree.parse(name, raw), args.repeat)
        checks_seconds += _best(lambda: run_checks(tree, name, source.path), args.repeat)
        findings += len(run_checks(tree, name, source.path))
        files += 1
    ratio = checks_seconds / parse_seconds if parse_seconds else 0.0
    print(f"{'files':>5} {'raw parse s':>11} {'checks s':>9} {'x parse':>8} {'findings':>8}")
    print(f"{files:5d} {parse_seconds:11.3f} {checks_seconds:9.3f} {ratio:8.2f} {findings:8d}")
    out = ROOT / "benchmarks" / "results" / "checks.json"
    atomic_write(out, json.dumps({"files": files, "parse_seconds": round(parse_seconds, 4),
                                  "checks_seconds": round(checks_seconds, 4),
                                  "multiple_of_parse": round(ratio, 2), "findings": findings},
                                 indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
