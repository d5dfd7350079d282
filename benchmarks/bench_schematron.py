"""Benchmark the Schematron engine against SchXslt2 on the same saxonche, same rules, same files.

    python benchmarks/bench_schematron.py [CORPUS] [--schxslt DIR] [--repeat N] [--limit N]

CORPUS is ../shared/corpus by default (its ``../schemas/tei_all`` holds tei_all.rng).
Workloads, each "rules over documents":

* tei_all: the Schematron embedded in tei_all.rng over the 15 ELTeC novels;
* DraCor: dracor_1.6.0.sch over the Swedish plays;
* FRUS: frus.sch over frus-history. SchXslt2 ignores a schema-level ``sch:extends``, so on
  frus.sch it runs only the 21 patterns of frus.sch itself: both engines get exactly those
  (a copy of frus.sch without its four extends, in a temporary folder). Our run of the whole
  schema (30 patterns) is shown on its own row; SchXslt2 cannot compile that rule set even
  when the extends are resolved for it (a ``}`` in a test, an ``xsl:template``).

SchXslt is the yardstick only and is never part of the project: give the folder that holds
SchXslt2's ``transpile.xsl`` with ``--schxslt DIR`` or ``SCHXSLT_DIR`` (the benchmark says so
and times only ours when it is missing). The rules are compiled once per engine (compile
time shown separately: ours = load + XSLT compile; SchXslt = transpile + compile). Per
document both engines start from the same lxml tree and hand Saxon the same bytes; ours
is timed to its findings (``validate``), SchXslt to its SVRL text. The two are timed
alternately, document by document, so machine load falls on both alike. Prints a Markdown
table and writes ``benchmarks/results/schematron.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def workloads(corpus: Path, scratch: Path) -> list[dict]:
    frus = corpus / "frus-schematron" / "frus.sch"
    own = scratch / "frus-own.sch"
    if frus.is_file():
        own.write_text("".join(line for line in frus.read_text(encoding="utf-8").splitlines(True)
                               if "<extends href" not in line), encoding="utf-8")
    return [
        {"name": "tei_all embedded rules, ELTeC novels",
         "schema": corpus.parent / "schemas" / "tei_all" / "tei_all.rng",
         "files": sorted((corpus / "ELTeC-eng").rglob("*.xml"))},
        {"name": "DraCor 1.6.0, Swedish plays",
         "schema": corpus / "dracor-validate-action" / "schemas" / "dracor_1.6.0.sch",
         "files": sorted((corpus / "swedracor").rglob("*.xml"))},
        {"name": "FRUS frus.sch own 21 patterns, frus-history", "schema": own,
         "files": sorted((corpus / "frus-history").rglob("*.xml"))},
        {"name": "FRUS frus.sch all 30 patterns (ours only)", "schema": frus, "ours_only": True,
         "files": sorted((corpus / "frus-history").rglob("*.xml"))},
    ]


class SchXslt:
    """SchXslt2's transpile.xsl on its own (unlocked) saxonche processor."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        from saxonche import PySaxonProcessor

        self.scratch = scratch
        self.proc = PySaxonProcessor(license=False)
        self.transpiler = self.proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(folder / "transpile.xsl"))

    def compile(self, schema: Path):
        from toolkit.validate.engines.schematron.source import export

        source = schema
        if schema.suffix.lower() != ".sch":   # SchXslt reads .sch only: give it the same rules
            source = self.scratch / (schema.stem + ".sch")
            source.write_bytes(export(schema))
        xslt = self.transpiler.transform_to_string(source_file=str(source))
        builder = self.proc.new_document_builder()
        builder.set_base_uri(schema.resolve().as_uri())
        return self.proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_node=builder.parse_xml(xml_text=xslt))

    def run(self, executable, path: Path, data: str) -> int:
        builder = self.proc.new_document_builder()
        builder.set_base_uri(path.resolve().as_uri())
        svrl = executable.transform_to_string(xdm_node=builder.parse_xml(xml_text=data)) or ""
        return svrl.count("<svrl:failed-assert") + svrl.count("<svrl:successful-report")


def measure(load: dict, yardstick: SchXslt | None, repeat: int, limit: int | None) -> dict:
    from toolkit.core.parse import parse_file
    from toolkit.core.saxon import serialize_for_saxon
    from toolkit.validate.engines.schematron import load as load_schematron

    files = load["files"][:limit] if limit else load["files"]
    trees = [(path, parse_file(path)) for path in files]
    started = time.perf_counter()
    ours = load_schematron(load["schema"])
    ours.stylesheet()
    row = {"workload": load["name"], "files": len(files),
           "compile_ours": time.perf_counter() - started, "ours": 0.0, "ours_findings": 0}
    theirs = None
    if yardstick is not None and not load.get("ours_only"):
        started = time.perf_counter()
        theirs = yardstick.compile(load["schema"])
        row.update(compile_schxslt=time.perf_counter() - started, schxslt=0.0, schxslt_hits=0)
    for turn in range(repeat):
        for path, tree in trees:
            started = time.perf_counter()
            found = ours.validate(tree, str(path))
            row["ours"] += time.perf_counter() - started
            if turn == 0:
                row["ours_findings"] += len([f for f in found if f.rule != "schematron-schema"])
            if theirs is not None:
                started = time.perf_counter()
                data = serialize_for_saxon(tree).decode("utf-8")
                hits = yardstick.run(theirs, path, data)
                row["schxslt"] += time.perf_counter() - started
                row["schxslt_hits"] += hits if turn == 0 else 0
    row["ours"] /= repeat
    if theirs is not None:
        row["schxslt"] /= repeat
        row["ratio"] = row["ours"] / row["schxslt"] if row["schxslt"] else None
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--schxslt", default=os.environ.get("SCHXSLT_DIR"), metavar="DIR",
                        help="folder with SchXslt2's transpile.xsl (or SCHXSLT_DIR)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="at most N files per workload")
    args, _ = parser.parse_known_args(argv)
    corpus = Path(args.corpus)
    folder = Path(args.schxslt) if args.schxslt else None
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        yardstick = None
        if folder is None or not (folder / "transpile.xsl").is_file():
            print(f"SchXslt2 not found ({folder or 'no --schxslt DIR / SCHXSLT_DIR given'}): "
                  "timing ours only. Fetch SchXslt2's src/main/resources/content/transpile.xsl "
                  "into a folder outside the repository and pass it with --schxslt DIR.")
        else:
            yardstick = SchXslt(folder, Path(scratch))
        for load in workloads(corpus, Path(scratch)):
            if not load["schema"].is_file() or not load["files"]:
                print(f"skipped {load['name']}: {load['schema']} or its documents are missing")
                continue
            rows.append(measure(load, yardstick, args.repeat, args.limit))
    print("\n| workload | files | ours s | SchXslt2 s | ours / SchXslt2 | compile ours s | "
          "compile SchXslt2 s | findings ours / SchXslt2 |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        def fmt(key, digits=2):
            return f"{r[key]:.{digits}f}" if r.get(key) is not None else "-"
        print(f"| {r['workload']} | {r['files']} | {fmt('ours')} | {fmt('schxslt')} | "
              f"{fmt('ratio')} | {fmt('compile_ours')} | {fmt('compile_schxslt')} | "
              f"{r['ours_findings']} / {r.get('schxslt_hits', '-')} |")
    from toolkit.core.write import atomic_write

    out = ROOT / "benchmarks" / "results" / "schematron.json"
    atomic_write(out, json.dumps({"schxslt": str(folder) if yardstick else None,
                                  "repeat": args.repeat, "rows": rows}, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
