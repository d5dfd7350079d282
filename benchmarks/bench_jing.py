"""Benchmark RELAX NG validation against jing, side by side, cold processes, one run.

    python benchmarks/bench_jing.py [CORPUS] [--repeat N] [--with-libxml2]

Every figure is the wall time of a fresh process (JVM or Python included), the best of
``--repeat`` runs (default 3), measured in this run, so the ratios compare like with like:

* one ELTeC novel (the largest) against tei_all: ``jing tei_all.rng novel.xml`` vs
  ``tei-edition validate --schema tei_all.rng novel.xml``, ours first with an empty schema
  cache (the first run on a machine) and then with the cache filled;
* the 15 ELTeC novels in one command, likewise;
* the Swedish plays against ``dracor_1.6.0.rng`` (libxml2 never compiled it);
* the schema preparation alone (``relaxng.load``): empty cache vs cached; with
  ``--with-libxml2`` also lxml's ``etree.RelaxNG`` compile of tei_all (9-36 s), the
  engine this toolkit used before.

It also checks that both give the same errors: the ``line:column`` sets per file must be
equal. jing is Debian's package, the yardstick only: when missing it is installed with
apt-get (as root), otherwise the benchmark stops saying how to install it. Prints a
Markdown table and writes ``benchmarks/results/jing.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ensure_jing() -> str | None:
    """The path of ``jing``, installing Debian's package if it is missing and we may."""
    found = shutil.which("jing")
    if found or not shutil.which("apt-get") or os.geteuid() != 0:
        return found
    print("jing not found: apt-get install -y jing (the yardstick only)", file=sys.stderr)
    for command in (["apt-get", "install", "-y", "jing"], ["apt-get", "update"],
                    ["apt-get", "install", "-y", "jing"]):
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode == 0 and command[1] == "install":
            break
    return shutil.which("jing")


def timed(command: list[str], env: dict | None = None, repeat: int = 1,
          before=None) -> tuple[float, str]:
    """Best wall time of ``repeat`` runs of ``command``, and the output (stdout and
    stderr: the text report goes to stderr) of the last."""
    best = float("inf")
    out = ""
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=env, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
        out = done.stdout
    return best, out


def locations(text: str, ours: bool = False) -> dict[str, set]:
    """``{file: {(line, column)}}`` from ``file:line:col: error: ...`` lines (ours: only
    the RELAX NG ones, tagged ``[relaxng]``; the reference checks have their own)."""
    found: dict[str, set] = {}
    lines = [line for line in text.splitlines() if not ours or line.endswith("[relaxng]")]
    for file, line, column in re.findall(r"^(.+?):(\d+):(\d+): error:", "\n".join(lines), re.M):
        found.setdefault(str(Path(file).resolve()), set()).add((int(line), int(column)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--tei-all", default=str(ROOT.parent / "shared" / "schemas" / "tei_all" /
                                                 "tei_all.rng"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-libxml2", action="store_true")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    jing = ensure_jing()
    if jing is None:
        print("jing is not installed (Debian: apt-get install jing); no yardstick", file=sys.stderr)
        return 1
    novels = sorted((corpus / "ELTeC-eng").rglob("*.xml"))
    plays = sorted((corpus / "swedracor" / "tei").glob("*.xml"))
    dracor = corpus / "dracor-validate-action" / "schemas" / "dracor_1.6.0.rng"
    if not novels or not plays or not Path(args.tei_all).is_file():
        print(f"corpus or tei_all not found under {corpus}", file=sys.stderr)
        return 1
    novel = max(novels, key=lambda p: p.stat().st_size)
    cache = Path(tempfile.mkdtemp(prefix="bench-jing-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)}

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir()

    ours = [sys.executable, "-m", "toolkit", "validate"]
    rows = []
    mismatched: list[str] = []
    for label, schema, files in (
            (f"one novel ({novel.name}, {novel.stat().st_size // 1024} KB), tei_all",
             Path(args.tei_all), [novel]),
            (f"{len(novels)} ELTeC novels in one command, tei_all", Path(args.tei_all), novels),
            (f"{len(plays)} Swedish plays, dracor_1.6.0.rng", dracor, plays)):
        names = [str(p) for p in files]
        jing_s, jing_out = timed([jing, str(schema), *names], repeat=args.repeat)
        first_s, _ = timed([*ours, "--schema", str(schema), *names], env, args.repeat, empty_cache)
        cached_s, our_out = timed([*ours, "--schema", str(schema), *names], env, args.repeat)
        theirs, mine = locations(jing_out), locations(our_out, ours=True)
        same = sum(1 for p in files if theirs.get(str(p.resolve()), set())
                   == {loc for loc in mine.get(str(p.resolve()), set())})
        if same != len(files):
            mismatched.append(label)
        rows.append({"what": label, "jing_s": round(jing_s, 3), "ours_first_s": round(first_s, 3),
                     "ours_cached_s": round(cached_s, 3),
                     "first_vs_jing": round(first_s / jing_s, 2),
                     "cached_vs_jing": round(cached_s / jing_s, 2),
                     "same_errors": f"{same}/{len(files)}"})
    compile_rows = []
    probe = ("import sys,time; from toolkit.validate.engines import relaxng; t=time.perf_counter();"
             " s=relaxng.load(sys.argv[1]); print(time.perf_counter()-t, s.from_cache)")
    for schema in (Path(args.tei_all), dracor):
        empty_cache()
        first = float(subprocess.run([sys.executable, "-c", probe, str(schema)], env=env,
                                     capture_output=True, text=True, cwd=ROOT).stdout.split()[0])
        again = float(subprocess.run([sys.executable, "-c", probe, str(schema)], env=env,
                                     capture_output=True, text=True, cwd=ROOT).stdout.split()[0])
        compile_rows.append({"schema": schema.name, "empty_cache_s": round(first, 3),
                             "cached_s": round(again, 3)})
    if args.with_libxml2:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from lxml import etree; "
                        "etree.RelaxNG(etree.parse(sys.argv[1]))", args.tei_all], cwd=ROOT)
        compile_rows.append({"schema": Path(args.tei_all).name + " (libxml2, before)",
                             "empty_cache_s": round(time.perf_counter() - started, 3),
                             "cached_s": None})
    shutil.rmtree(cache, ignore_errors=True)
    print("| what | jing | ours, empty cache | ours, cached | ratio (empty / cached) | same errors |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['what']} | {r['jing_s']:.2f} s | {r['ours_first_s']:.2f} s | "
              f"{r['ours_cached_s']:.2f} s | {r['first_vs_jing']:.2f}x / {r['cached_vs_jing']:.2f}x "
              f"| {r['same_errors']} |")
    print()
    print("| schema preparation | empty cache | cached |")
    print("|---|---|---|")
    for r in compile_rows:
        cached = f"{r['cached_s']:.3f} s" if r["cached_s"] is not None else "-"
        print(f"| {r['schema']} | {r['empty_cache_s']:.3f} s | {cached} |")
    out = ROOT / "benchmarks" / "results" / "jing.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"validate": rows, "compile": compile_rows,
                               "load_average": os.getloadavg()}, indent=2) + "\n", encoding="utf-8")
    if mismatched:
        print(f"errors differ from jing's in: {'; '.join(mismatched)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
