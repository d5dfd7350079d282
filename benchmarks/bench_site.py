"""Benchmark `tei-edition site` over the whole corpus, against `build --to html` of the same files.

    python benchmarks/bench_site.py [CORPUS] [--jobs N]

Measured in one run, on this machine, on a copy of CORPUS (default ../shared/corpus):

* ``build COPY --to html --force -jN``: the baseline, the HTML edition of every file;
* ``site COPY --no-validate --downloads none --force -jN``: the whole site (summaries,
  index, pages, registers, chronology, CMIF, sitemap, Pagefind index), as a ratio of the
  baseline, with the peak RSS of the largest process of each run;
* the Pagefind index alone: the indexer run again over the written site;
* no-op rebuild: the site again, nothing changed;
* one-document rebuild: the site again after one FRUS document's text changed (its page,
  the pages that show it and the search index are rewritten, nothing else).

Corpus documents that are not well-formed or have duplicate ids are reported and left out
by both commands (exit 1): that is part of the work measured. Prints a Markdown table and
writes ``benchmarks/results/site.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import cli, run  # noqa: E402 - the same measurement of a CLI run

CHANGED = "frus-history/documents/1958-11-03-noble-to-osborne.xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy = work / "corpus"
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".*"))
        files = sum(1 for _ in copy.rglob("*.xml"))
        jobs = ["--jobs", args.jobs]
        build = run(cli("build", str(copy), "--to", "html", "--force", "-o", str(work / "build"), *jobs))
        site_args = ["site", str(copy), "--no-validate", "--downloads", "none", "-o", str(work / "site"), *jobs]
        site = run(cli(*site_args, "--force"))
        from toolkit.site.search import build_search

        started = time.perf_counter()
        search_findings = build_search(work / "site")
        search = round(time.perf_counter() - started, 3)
        noop = run(cli(*site_args))
        changed = copy / CHANGED
        if changed.is_file():
            changed.write_text(changed.read_text(encoding="utf-8").replace("</p>", " Zyxwvut.</p>", 1),
                               encoding="utf-8")
        one = run(cli(*site_args))
        pages = sum(1 for _ in (work / "site").rglob("*.html"))
    results = {
        "machine": platform.platform(), "python": platform.python_version(), "files": files,
        "pages": pages, "jobs": args.jobs, "build_html": build, "site": site,
        "site_over_build": round(site["seconds"] / build["seconds"], 2) if build["seconds"] else None,
        "search_index_seconds": search, "search_ok": not search_findings,
        "noop_rebuild": noop, "one_document_rebuild": one,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "site.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"| step ({files} files, {pages} pages, -j{args.jobs}) | seconds | × build --to html | peak RSS MB |")
    print("|---|---|---|---|")
    for label, item in (("build --to html (baseline)", build), ("site (whole)", site),
                        ("site, nothing changed", noop), ("site, one document changed", one)):
        ratio = item["seconds"] / build["seconds"] if build["seconds"] else 0
        print(f"| {label} | {item['seconds']:.1f} | {ratio:.2f} | {item['peak_rss_mb']:.0f} |")
    print(f"| Pagefind index alone | {search:.1f} | {search / build['seconds']:.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
