"""PDF edition speed: ours (Typst and WeasyPrint) against the TEI Stylesheets + Apache FOP.

Usage:
    TEI_STYLESHEETS=DIR python benchmarks/bench_pdf.py [CORPUS] [--no-weasyprint-novel]
                                                       [--telegram-only]

Every figure is one cold whole command, run as a user runs it, in one run of this script
(so the ratios compare like with like on the machine as it is at that moment):

* the telegram (tei/), ``tei-edition build --to pdf`` with each engine, against the peer:
  the TEI Stylesheets' FO profile (``fo/fo.xsl``, run by saxonche: XSLT 2.0 on Saxon 12)
  and Apache FOP (Debian's ``fop``) on the FO it writes;
* the largest ELTeC novel of CORPUS (default ../shared/corpus; Dickens, 2.2 MB): the
  same commands, with the pages of each PDF and seconds per page. WeasyPrint takes
  minutes there (``--no-weasyprint-novel`` leaves it out; ``--telegram-only`` leaves the
  novel out, for a smoke run);
* FOP alone on a one-line FO document: the JVM's start and FOP's set-up, a floor under
  the peer's time for any document, measured even without the TEI Stylesheets;
* Typst's own parallelism: CPU seconds over wall seconds of the novel's build (Typst lays
  out one document with several threads where it can; a ratio above 1 is that).

The peer is a yardstick, not part of the project: FOP is installed by ``apt-get install
fop`` (``benchmarks/setup-yardsticks.sh``), and the TEI Stylesheets, which no registry
here packages, are a folder you give with ``--tei-stylesheets`` or ``TEI_STYLESHEETS``
(a checkout of TEIC/Stylesheets, https://github.com/TEIC/Stylesheets: ``fo/``, the
``common/`` modules fo.xsl imports and ``i18n.xml``, kept outside this repository). The
folder is checked before it is timed: every ``xsl:import``/``xsl:include`` reachable from
``fo/fo.xsl`` must resolve, so an incomplete copy is named, not timed. When either peer
is missing the peer's rows say so and the other rows are still measured.

Prints a Markdown table and writes benchmarks/results/pdf.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TELEGRAM = ROOT / "tei" / "telegram-1953-03-29.xml"
RESULTS = ROOT / "benchmarks" / "results" / "pdf.json"
NOVELS = "ELTeC-*/level1/*.xml"
GET_STYLESHEETS = ("a checkout of https://github.com/TEIC/Stylesheets (fo/, common/, i18n.xml), "
                   "given as --tei-stylesheets DIR or TEI_STYLESHEETS=DIR")

#: Runs the TEI Stylesheets' fo.xsl with saxonche in a fresh process (the peer's XSLT step).
PEER_XSLT = """
import sys
from saxonche import PySaxonProcessor
with PySaxonProcessor(license=False) as proc:
    xslt = proc.new_xslt30_processor()
    sheet = xslt.compile_stylesheet(stylesheet_file=sys.argv[1])
    sheet.transform_to_file(source_file=sys.argv[2], output_file=sys.argv[3])
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall and CPU seconds (this child and its children) of one command."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} ... failed: {done.stderr.strip()[-500:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(found.group(1)) if found else 0


def ours(source: Path, engine: str, out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    row = timed([sys.executable, "-m", "toolkit", "build", "--to", "pdf", "--force", "-q",
                 "-p", f"pdf-engine={engine}", "-o", str(out), str(source)], env)
    pdf = out / (source.stem + ".pdf")
    return {**row, "pages": pages(pdf)}


def largest_novel(corpus: Path) -> Path:
    """The largest ELTeC novel of the corpus: the longest book the peer is asked to set."""
    novels = sorted(corpus.glob(NOVELS), key=lambda p: p.stat().st_size)
    return novels[-1] if novels else corpus / "ELTeC-eng" / "level1" / "(no ELTeC novel)"


def missing_modules(stylesheets: Path) -> list[str]:
    """Modules reachable from fo/fo.xsl by xsl:import/xsl:include that are not in the folder.

    A partial copy would fail (or worse, time a different program), so it is named instead."""
    from lxml import etree

    todo, seen, missing = [stylesheets / "fo" / "fo.xsl"], set(), []
    while todo:
        module = todo.pop().resolve()
        if module in seen:
            continue
        seen.add(module)
        if not module.is_file():
            missing.append(str(module))
            continue
        for ref in etree.parse(str(module)).iterfind(
                "{http://www.w3.org/1999/XSL/Transform}*[@href]"):
            if etree.QName(ref).localname in ("import", "include"):
                todo.append(module.parent / ref.get("href"))
    if not (stylesheets / "i18n.xml").is_file():
        missing.append(str(stylesheets / "i18n.xml"))
    return missing


def peer(source: Path, stylesheets: Path | None, out: Path) -> dict:
    """The TEI Stylesheets' FO profile and FOP, as one command (XSLT, then FOP)."""
    if stylesheets is None:
        return {"skipped": f"no TEI Stylesheets: {GET_STYLESHEETS}"}
    missing = missing_modules(stylesheets)
    if missing:
        return {"skipped": f"TEI Stylesheets incomplete, missing {', '.join(missing[:3])}: "
                           f"{GET_STYLESHEETS}"}
    if not shutil.which("fop"):
        return {"skipped": "fop is not installed (bash benchmarks/setup-yardsticks.sh)"}
    fo, pdf = out / (source.stem + ".fo"), out / (source.stem + ".pdf")
    script = (f"{sys.executable} -c {shlex.quote(PEER_XSLT)} {stylesheets / 'fo' / 'fo.xsl'} "
              f"{source} {fo} && fop -q -fo {fo} -pdf {pdf}")
    row = timed(["bash", "-c", script])
    return {**row, "pages": pages(pdf)}


MINIMAL_FO = """<?xml version="1.0"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>
<fo:simple-page-master master-name="A4" page-height="29.7cm" page-width="21cm" margin="2cm">
<fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">
<fo:block>Hello</fo:block></fo:flow></fo:page-sequence></fo:root>
"""


def fop_floor(out: Path) -> dict:
    """FOP on a one-line document: what the peer costs before any TEI is read."""
    if not shutil.which("fop"):
        return {"skipped": "fop is not installed (bash benchmarks/setup-yardsticks.sh)"}
    fo = out / "minimal.fo"
    fo.write_text(MINIMAL_FO, encoding="utf-8")
    return {**timed(["fop", "-q", "-fo", str(fo), "-pdf", str(out / "minimal.pdf")]), "pages": 1}


def per_page(row: dict) -> float | None:
    return round(row["wall_s"] / row["pages"], 4) if row.get("pages") else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--tei-stylesheets", type=Path,
                        default=Path(os.environ["TEI_STYLESHEETS"]) if os.environ.get("TEI_STYLESHEETS") else None)
    parser.add_argument("--no-weasyprint-novel", action="store_true")
    parser.add_argument("--telegram-only", action="store_true")
    args, _ = parser.parse_known_args()  # benchmarks/run.sh passes every benchmark's options
    novel = largest_novel(args.corpus)
    load_before = round(os.getloadavg()[0], 2)
    results: dict = {"telegram": {}, "novel": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, source in (("telegram", TELEGRAM), ("novel", novel)):
            if not source.is_file() or (name == "novel" and args.telegram_only):
                results[name] = {"skipped": "--telegram-only" if source.is_file()
                                 else f"{source} not found"}
                continue
            for engine in ("typst", "weasyprint"):
                if name == "novel" and engine == "weasyprint" and args.no_weasyprint_novel:
                    results[name][engine] = {"skipped": "--no-weasyprint-novel"}
                    continue
                results[name][engine] = ours(source, engine, tmp / f"{name}-{engine}")
            (tmp / f"{name}-peer").mkdir()
            results[name]["peer"] = peer(source, args.tei_stylesheets, tmp / f"{name}-peer")
        results["fop_floor"] = fop_floor(tmp)
    result = {
        **results,
        "novel_file": str(novel.relative_to(args.corpus)) if novel.is_file() else None,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average_1m_before": load_before,
                    "load_average_1m_after": round(os.getloadavg()[0], 2)},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("| document | command | wall s | pages | s/page | wall vs peer | s/page vs peer | CPU/wall |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    labels = {"typst": "ours, Typst", "weasyprint": "ours, WeasyPrint",
              "peer": "TEI Stylesheets FO + FOP"}
    for name in ("telegram", "novel"):
        rows = results[name]
        if "skipped" in rows:
            print(f"| {name} | – | – | – | – | – | – | {rows['skipped']} |")
            continue
        base = rows.get("peer", {}).get("wall_s")
        base_page = per_page(rows.get("peer", {})) if base else None
        for key in ("typst", "weasyprint", "peer"):
            row = rows.get(key, {})
            if "skipped" in row or not row:
                print(f"| {name} | {labels[key]} | – | – | – | – | – | {row.get('skipped', 'not run')} |")
                continue
            ratio = f"{row['wall_s'] / base:.2f}" if base else "–"
            page_ratio = f"{per_page(row) / base_page:.2f}" if base_page and per_page(row) else "–"
            print(f"| {name} | {labels[key]} | {row['wall_s']:.2f} | {row['pages']} | "
                  f"{per_page(row) or '–'} | {ratio} | {page_ratio} | {row['cpu_s'] / row['wall_s']:.2f} |")
    floor = results["fop_floor"]
    print(f"| any | FOP alone, one-line FO (floor of the peer) | "
          + (f"{floor['wall_s']:.2f} | 1 | – | – | – | {floor['cpu_s'] / floor['wall_s']:.2f} |"
             if "wall_s" in floor else f"– | – | – | – | – | {floor['skipped']} |"))
    if result["novel_file"]:
        print(f"\nnovel: {result['novel_file']}")
    print(f"\nload average (1 min) before/after: {load_before} / "
          f"{result['machine']['load_average_1m_after']}; wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
