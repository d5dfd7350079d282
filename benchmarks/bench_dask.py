"""Benchmark ``--executor dask`` (2 workers) against ``--jobs 2`` on the corpus, same run.

    python benchmarks/bench_dask.py [CORPUS] [--repeat N] [--no-build]

Measured in one run, on this machine, each CLI run in a subprocess (wall time), the
two executors alternating, median of ``--repeat`` runs (default 3):

* ``validate CORPUS --format json`` with ``-j 2`` (local worker processes) and with
  ``--executor dask -j 2`` (the command starts and closes a 2-worker LocalCluster), and
  with ``--executor dask --scheduler ADDRESS`` against a 2-worker LocalCluster this script
  started beforehand (a cluster that is already running, as a user who has one joins it),
  twice: as that cluster's first command (a fresh cluster for every run, so no run finds
  the toolkit imported or a schema compiled), and as its next command (the same command
  ran on it once before, untimed: what a cluster that stays up between a project's runs
  has, its workers' imports done and every schema and stylesheet compiled and kept, keyed
  by the files' contents);
* ``build CORPUS --to html,text --force`` the same four ways (``--no-build`` skips it);
* the batches Dask ran (``-v``: how many, median files / KB / seconds, largest) and
  whether the reports and the outputs were identical to local;
* the task overhead per batch: a no-op function over 400 items on a 2-worker LocalCluster,
  one item per task (``--batch-bytes 1``), then 40 per task: wall time per task of
  scheduling, the round trip and the results (the run's own work is nil).

The ratio is Dask / local (goal: within 1.10 on the shared corpus). Prints a Markdown
table and writes ``benchmarks/results/dask.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BATCHES = re.compile(r"dask: .*")


def run(args: list[str]) -> dict:
    env = {**os.environ, "NO_COLOR": "1", "CI": "1"}
    started = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    found = BATCHES.findall(done.stderr)
    return {"seconds": round(seconds, 3), "exit": done.returncode, "stdout": done.stdout,
            "batches": found[-1] if found else ""}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", *args]


def untimed(report: str) -> dict:
    data = json.loads(report)
    data["summary"].pop("seconds", None)
    for entry in data["files"]:
        entry.pop("seconds", None)
    return data


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".tei-edition.lock"}


def local_cluster():
    from distributed import LocalCluster

    from toolkit.core.executors.dask import SCHEDULER_HTTP

    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, scheduler_kwargs=SCHEDULER_HTTP,
                        silence_logs=logging.CRITICAL)


#: name -> (options, cluster): the ways each command is run; ``cluster`` says whether the
#: run joins a 2-worker LocalCluster started by this script for it ("fresh": its first
#: command; "next": the cluster ran the same command once before, untimed, as a cluster
#: that stays up between a project's runs has, with its toolkit imported and the schemas
#: and stylesheets compiled)
WAYS = {"local -j 2": (["-j", "2"], None),
        "dask LocalCluster -j 2": (["--executor", "dask", "-j", "2"], None),
        "dask --scheduler, the cluster's first command": (["--executor", "dask"], "fresh"),
        "dask --scheduler, the cluster's next command": (["--executor", "dask"], "next")}


def compare(command: list[str], repeat: int, out: Path | None) -> dict:
    """``command`` each way of :data:`WAYS`, ``repeat`` times, the ways alternating."""
    runs: dict[str, list[dict]] = {name: [] for name in WAYS}
    same = True
    for attempt in range(repeat):
        for name, (extra, joined) in WAYS.items():
            tag = f"{attempt}-{list(WAYS).index(name)}"
            target = ["-o", str(out / tag)] if out else []
            cluster = local_cluster() if joined else None
            try:
                scheduler = ["--scheduler", cluster.scheduler_address] if cluster else []
                if joined == "next":  # the run before, into a folder of its own
                    before = ["-o", str(out / f"{tag}-before")] if out else []
                    run(cli(*command, *before, *extra, *scheduler))
                measured = run(cli(*command, *target, *extra, *scheduler, "-v"))
            finally:
                if cluster is not None:
                    cluster.close()
            measured["out"] = target[1] if target else None
            runs[name].append(measured)
    first = runs["local -j 2"][0]
    for name, measured in runs.items():
        for m in measured:
            if out is None:
                same &= untimed(m["stdout"]) == untimed(first["stdout"])
            else:
                same &= files_of(Path(m["out"])) == files_of(Path(first["out"]))
    local = statistics.median(m["seconds"] for m in runs["local -j 2"])
    rows = []
    for name, measured in runs.items():
        median = statistics.median(m["seconds"] for m in measured)
        rows.append({"way": name, "seconds": round(median, 2), "x_local": round(median / local, 3),
                     "runs": [m["seconds"] for m in measured],
                     "exit": measured[0]["exit"], "batches": measured[0]["batches"]})
    return {"rows": rows, "identical": same}


def task_overhead() -> dict:
    """Seconds per task for a no-op over 400 items, 1 and 40 items per task."""
    from toolkit.core.executors import Work
    from toolkit.core.executors.dask import DaskExecutor

    from toolkit.core.executors.batches import size_of

    work = Work(_noop, _path, _failed)
    figures = {}
    for per_task in (1, 40):
        executor = DaskExecutor(2, batch_bytes=per_task * size_of(__file__))
        try:
            items = [(per_task, i) for i in range(400)]
            list(executor.map(work, items[:20]))  # connections up, functions known
            started = time.perf_counter()
            list(executor.map(work, items))
            seconds = time.perf_counter() - started
            tasks = len(executor.batches.done)
        finally:
            executor.close()
        figures[f"{per_task} item(s) per task"] = {
            "tasks": tasks, "seconds": round(seconds, 3),
            "ms_per_task": round(1000 * seconds / tasks, 2),
            "ms_per_item": round(1000 * seconds / len(items), 3)}
    return figures


def _noop(item):
    return item[1]


def _path(item) -> str:
    return __file__  # any file: batches are cut by its size


def _failed(item, reason):
    return None


def main(argv: list[str] | None = None) -> int:
    from toolkit.core.executors.batches import size_of
    from toolkit.core.sources import expand

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="validate only")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    sources = [s.path for s in expand([str(corpus)])]
    result = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                          "load_average": os.getloadavg()},
              "corpus": {"files": len(sources),
                         "mb": round(sum(size_of(str(p)) for p in sources) / 1e6, 1)}}
    result["validate"] = compare(["validate", str(corpus), "--format", "json"],
                                 args.repeat, None)
    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            result["build"] = compare(["build", str(corpus), "--to", "html,text", "--force",
                                       ], args.repeat, Path(tmp))
    result["task_overhead"] = task_overhead()
    result["machine"]["load_average_after"] = os.getloadavg()
    out = ROOT / "benchmarks" / "results" / "dask.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['corpus']['files']} files, {result['corpus']['mb']} MB; load average "
          f"{result['machine']['load_average'][0]:.1f} before, "
          f"{result['machine']['load_average_after'][0]:.1f} after (other work on the "
          f"machine shows there); median of {args.repeat} runs\n")
    print("| command | where | seconds | × `--jobs 2` (goal ≤ 1.10) | identical | batches |")
    print("|---|---|---|---|---|---|")
    for command in ("validate", "build"):
        if command not in result:
            continue
        for row in result[command]["rows"]:
            print(f"| {command} | {row['way']} | {row['seconds']} | {row['x_local']} | "
                  f"{'yes' if result[command]['identical'] else 'NO'} | "
                  f"{row['batches'].split('; ', 1)[-1] if row['batches'] else '-'} |")
    print("\n| task overhead (2 workers, no-op items) | tasks | ms per task | ms per item |")
    print("|---|---|---|---|")
    for name, figures in result["task_overhead"].items():
        print(f"| {name} | {figures['tasks']} | {figures['ms_per_task']} | "
              f"{figures['ms_per_item']} |")
    failed = [r for c in ("validate", "build") if c in result for r in result[c]["rows"]
              if r["exit"] not in (0, 1)]
    return 1 if failed or not all(result[c]["identical"] for c in ("validate", "build")
                                  if c in result) else 0


if __name__ == "__main__":
    sys.exit(main())
