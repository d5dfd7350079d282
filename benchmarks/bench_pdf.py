"""PDF rendering speed: seconds per page on a ~200-page novel, one process vs two.

Usage: python benchmarks/bench_pdf.py [--source FILE.xml] [--repeat N]

The source is the ELTeC novel of ../shared/corpus whose size is closest to 200 printed
pages (about 2.6 KB of TEI a page, measured). Each way of rendering runs in fresh
worker processes, so font loading is counted as a user would meet it:

* single: the whole print HTML laid out and written (tagged PDF/UA) in one process;
* parallel: the chapters split into two halves at a chapter boundary, each half laid
  out and written in its own process (2 workers on the 2 cores), wall time of both.

Prints a table and writes benchmarks/results/pdf.json. The parallel figure measures
layout and PDF writing only: joining the halves into one PDF with continuous page numbers,
links and one structure tree is not done (WeasyPrint's Document.copy joins documents of
one process only; see the report in the JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "ELTeC-eng" / "level1"
BYTES_PER_PAGE = 2600
RESULTS = ROOT / "benchmarks" / "results" / "pdf.json"


def pick_source() -> Path:
    files = sorted(CORPUS.glob("*.xml"))
    if not files:
        sys.exit(f"no ELTeC novels in {CORPUS}")
    return min(files, key=lambda p: abs(p.stat().st_size / BYTES_PER_PAGE - 200))


def _render(html: str) -> tuple[int, int, float]:
    """(pages, bytes, seconds) of laying out and writing ``html`` in this process."""
    from toolkit.build import pdf

    start = time.perf_counter()
    document = pdf.render_document(html)
    data = document.write_pdf(**pdf.PDF_OPTIONS)
    return len(document.pages), len(data), time.perf_counter() - start


def split_in_two(html: str) -> list[str]:
    """Two HTML documents, each with half of the chapters (front matter in the first,
    index in the second)."""
    starts = [m.start() for m in re.finditer(r'<div class="div level1[ "]', html)]
    if len(starts) < 2:
        raise SystemExit("the source has fewer than two chapters")
    body_end = html.rindex("</body>")
    index_at = html.find('<section class="index"')
    text_end = index_at if index_at > 0 else body_end
    target = (starts[0] + text_end) // 2
    middle = min(starts[1:], key=lambda at: abs(at - target))  # halves of equal size
    head_end = html.index("<body>") + len("<body>")
    first = html[:middle] + "</div></div></section></body></html>"
    second = (html[:head_end] + '<section class="tei-doc"><div class="text"><div class="body">'
              + html[middle:text_end] + html[text_end:])
    return [first, second]


def measure(html: str, workers: int, parts: list[str]) -> dict:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_render, parts))
    wall = time.perf_counter() - start
    return {"wall_s": round(wall, 2), "pages": sum(r[0] for r in results),
            "parts": [{"pages": r[0], "bytes": r[1], "render_s": round(r[2], 2)} for r in results]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from toolkit.core import parse
    from toolkit.build import formats as transform

    source = args.source or pick_source()
    start = time.perf_counter()
    html = transform.transform(parse.parse_file(source), transform.FORMATS["pdf"], {}, str(source)).output
    xslt_s = time.perf_counter() - start
    halves = split_in_two(html)
    load_before = round(os.getloadavg()[0], 2)
    rows = []
    for _ in range(args.repeat):
        single = measure(html, 1, [html])
        parallel = measure(html, 2, halves)
        rows.append((single, parallel))
    single = min((r[0] for r in rows), key=lambda r: r["wall_s"])
    parallel = min((r[1] for r in rows), key=lambda r: r["wall_s"])
    pages = single["pages"]
    result = {
        "source": str(source.relative_to(ROOT.parent)) if ROOT.parent in source.parents else str(source),
        "source_bytes": source.stat().st_size,
        "pages": pages,
        "xslt_s": round(xslt_s, 2),
        "single": {**single, "s_per_page": round(single["wall_s"] / pages, 4)},
        "parallel_2": {**parallel, "s_per_page": round(parallel["wall_s"] / pages, 4)},
        "speedup_parallel_vs_single": round(single["wall_s"] / parallel["wall_s"], 2),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average_1m_before": load_before, "load_average_1m_after": round(os.getloadavg()[0], 2)},
        "note": "parallel = two halves rendered in two processes, not joined into one PDF",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"source: {result['source']} ({result['source_bytes']} bytes, {pages} pages; XSLT {xslt_s:.2f} s)")
    print(f"{'mode':<12}{'wall s':>10}{'s/page':>10}{'ratio':>8}")
    print(f"{'single':<12}{single['wall_s']:>10.2f}{single['wall_s'] / pages:>10.4f}{1.0:>8.2f}")
    print(f"{'parallel 2':<12}{parallel['wall_s']:>10.2f}{parallel['wall_s'] / pages:>10.4f}"
          f"{parallel['wall_s'] / single['wall_s']:>8.2f}")
    print(f"load average (1 min) before/after: {load_before} / {result['machine']['load_average_1m_after']}"
          " (other work on the machine skews the parallel figure most)")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
