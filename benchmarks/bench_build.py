"""Benchmark `tei-edition build` (and `validate`) over the corpus, as multiples of raw lxml parsing.

    python benchmarks/bench_build.py [CORPUS] [--no-novel-pdf] [--repeat N]

Measured in one run, on this machine:

* baseline: raw ``lxml.etree.parse`` of every XML file of CORPUS (default
  ../shared/corpus), in this process;
* ``validate CORPUS -j1`` and ``-j2`` and ``build CORPUS --to html,text --force -j1`` and
  ``-j2``: wall time of the CLI in a subprocess, as a multiple of the baseline, with the peak
  RSS of the largest process of the run (``wait4`` rusage of the CLI and its workers).
  The corpus is built to HTML and text only: PDF of the whole corpus takes long (WeasyPrint
  lays out ~5 pages a second), so PDF is measured on a documented sample instead;
* no-op rebuild: the same build again, nothing changed (the incremental manifest skips all);
* cold start: ``build`` of the bundled telegram (--to html, --force), against
  ``python -c "import lxml.etree"`` (median of --repeat runs);
* PDF sample: the telegram to html,text,pdf; and the largest ELTeC novel to html,text,pdf
  with its peak RSS (skip with --no-novel-pdf: it takes minutes).

Prints a Markdown table for the README and writes ``benchmarks/results/build.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TELEGRAM = ROOT / "tei" / "telegram-1953-03-29.xml"


def run(args: list[str], cwd: Path = ROOT) -> dict:
    """Run ``args``; wall seconds, exit code, peak RSS (MB) of the process tree, stderr tail."""
    env = {**os.environ, "NO_COLOR": "1", "CI": "1"}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    return {"seconds": round(seconds, 3), "exit": process.returncode,
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "last_line": tail[0] if tail else ""}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", *args]


def parse_baseline(files: list[Path]) -> float:
    from lxml import etree

    parser = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True)
    started = time.perf_counter()
    for path in files:
        try:
            etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            pass
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    from toolkit.core.sources import expand

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--no-novel-pdf", action="store_true",
                        help="skip the largest novel to PDF (minutes)")
    parser.add_argument("--repeat", type=int, default=5, help="cold-start repetitions")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    files = [s.path for s in expand([str(corpus)])]
    baseline = min(parse_baseline(files) for _ in range(3))
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    rows: list[dict] = []

    def row(what: str, measured: dict, **extra) -> None:
        entry = {"what": what, **measured, **extra}
        if "x_parse" not in entry and baseline:
            entry["x_parse"] = round(measured["seconds"] / baseline, 1)
        rows.append(entry)
        print(f"  {what}: {measured['seconds']:.2f} s, exit {measured['exit']}, "
              f"{measured['peak_rss_mb']} MB  [{measured['last_line']}]", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for jobs in ("1", "2"):
            row(f"validate corpus -j{jobs}", run(cli("validate", str(corpus), "-j", jobs, "-q")))
        for jobs in ("1", "2"):
            row(f"build corpus --to html,text -j{jobs}",
                run(cli("build", str(corpus), "--to", "html,text", "-o", str(tmp / "corpus"),
                        "--force", "-j", jobs, "-q")))
        noop = [run(cli("build", str(corpus), "--to", "html,text", "-o", str(tmp / "corpus"),
                        "-q")) for _ in range(3)]
        row("no-op rebuild of the corpus (html,text)",
            min(noop, key=lambda r: r["seconds"]))

        lxml_start = [run([sys.executable, "-c", "import lxml.etree"])
                      for _ in range(args.repeat)]
        cold = [run(cli("build", str(TELEGRAM), "--to", "html", "-o", str(tmp / "cold"),
                        "--force", "-q")) for _ in range(args.repeat)]
        base_start = statistics.median(r["seconds"] for r in lxml_start)
        cold_median = dict(cold[len(cold) // 2], seconds=statistics.median(
            r["seconds"] for r in cold))
        row("cold start: build telegram --to html", cold_median,
            x_parse=None, x_python_lxml=round(cold_median["seconds"] / base_start, 1),
            python_lxml_seconds=round(base_start, 3))
        row("telegram --to html,text,pdf", run(cli("build", str(TELEGRAM), "--to",
                                                   "html,text,pdf", "-o", str(tmp / "tg"),
                                                   "--force", "-q")), x_parse=None)
        if not args.no_novel_pdf:
            eltec = [p for p in files if "ELTeC" in str(p)]
            novel = max(eltec or files, key=lambda p: p.stat().st_size)
            row(f"largest novel ({novel.name}, {novel.stat().st_size / 1e6:.1f} MB) "
                "--to html,text,pdf",
                run(cli("build", str(novel), "--to", "html,text,pdf", "-o", str(tmp / "novel"),
                        "--force", "-q")), x_parse=None)

    result = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "corpus": {"path": str(corpus), "files": len(files), "megabytes": round(size_mb, 1),
                   "lxml_parse_seconds": round(baseline, 3)},
        "rows": rows,
    }
    out = ROOT / "benchmarks" / "results" / "build.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")

    print(f"Corpus: {len(files)} files, {size_mb:.1f} MB; raw lxml parse of all: "
          f"{baseline:.2f} s. {os.cpu_count()} CPUs, Python {platform.python_version()}.\n")
    print("| run | wall time | × lxml parse | peak RSS | exit |")
    print("|---|---:|---:|---:|---:|")
    for entry in rows:
        multiple = (f"{entry['x_parse']}×" if entry.get("x_parse") else
                    f"{entry['x_python_lxml']}× `python -c 'import lxml'`"
                    if entry.get("x_python_lxml") else "–")
        print(f"| {entry['what']} | {entry['seconds']:.2f} s | {multiple} | "
              f"{entry['peak_rss_mb']:.0f} MB | {entry['exit']} |")
    print("\nExit 1 on the corpus runs is expected: the corpus contains invalid and "
          "not-well-formed documents on purpose.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
