"""Benchmark `tei-edition validate` over the corpus, as multiples of raw lxml parsing.

    python benchmarks/bench_validate.py [CORPUS] [--catalog FILE]

For every XML file of CORPUS (default ../shared/corpus relative to the repository) it
measures, in this process and run: the raw ``lxml.etree.parse`` time (the baseline), and the
time spent per schema kind by the validator (RELAX NG, XSD, Schematron, checks) on the files
that use that kind. Schema compilation is reported separately (first use of each schema).
Prints a table and writes ``benchmarks/results/validate.json``.
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


def main(argv: list[str] | None = None) -> int:
    from toolkit.core.sources import expand
    from toolkit.validate.run import ValidationOptions, check_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--catalog", default=str(ROOT / "tests" / "fixtures" / "validate" /
                                                 "corpus-catalog.xml"))
    parser.add_argument("--schema-timeout", type=float, default=60)
    args = parser.parse_args(argv)
    files = [s.path for s in expand([args.corpus])]
    raw = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True)
    parse_time: dict[Path, float] = {}
    for path in files:
        started = time.perf_counter()
        try:
            etree.parse(str(path), raw)
        except etree.XMLSyntaxError:
            pass
        parse_time[path] = time.perf_counter() - started
    options = ValidationOptions(catalogs=(Path(args.catalog),), schema_timeout=args.schema_timeout)
    per_kind: dict[str, dict] = {}
    first_use: dict[str, float] = {}
    total_started = time.perf_counter()
    for path in files:
        result = check_file(path, options)
        for kind, seconds in result.timings.items():
            entry = per_kind.setdefault(kind, {"files": 0, "seconds": 0.0, "parse": 0.0,
                                               "steady_seconds": 0.0, "steady_parse": 0.0})
            entry["files"] += 1
            entry["seconds"] += seconds
            entry["parse"] += parse_time[path]
            schemas = tuple(s for s in result.schemas if s.startswith(kind)) or (kind,)
            fresh = [s for s in schemas if s not in first_use]
            for s in fresh:
                first_use[s] = seconds
            if not fresh:
                entry["steady_seconds"] += seconds
                entry["steady_parse"] += parse_time[path]
    total = time.perf_counter() - total_started
    rows = []
    for kind in ("parse", "rng", "xsd", "sch", "checks"):
        if kind not in per_kind:
            continue
        e = per_kind[kind]
        rows.append({
            "kind": kind, "files": e["files"], "seconds": round(e["seconds"], 3),
            "multiple_of_parse": round(e["seconds"] / e["parse"], 1) if e["parse"] else None,
            "steady_multiple_of_parse": (round(e["steady_seconds"] / e["steady_parse"], 1)
                                         if e["steady_parse"] else None),
        })
    compile_rows = {k: round(v, 3) for k, v in sorted(first_use.items(), key=lambda kv: -kv[1])[:10]}
    print(f"{len(files)} files, raw lxml parse {sum(parse_time.values()):.2f} s, "
          f"validate {total:.1f} s")
    print(f"{'kind':8} {'files':>5} {'seconds':>9} {'x parse':>9} {'x parse (compiled)':>19}")
    for r in rows:
        print(f"{r['kind']:8} {r['files']:5d} {r['seconds']:9.2f} {r['multiple_of_parse'] or 0:9.1f} "
              f"{r['steady_multiple_of_parse'] or 0:19.1f}")
    print("first use (includes compile):")
    for name, seconds in compile_rows.items():
        print(f"  {seconds:8.2f} s  {name}")
    out = ROOT / "benchmarks" / "results" / "validate.json"
    from toolkit.core.write import atomic_write

    atomic_write(out, json.dumps({"files": len(files), "parse_seconds": sum(parse_time.values()),
                                  "validate_seconds": total, "kinds": rows,
                                  "first_use_seconds": compile_rows}, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
