#!/usr/bin/env bash
# PDF edition of every document in ../shared/corpus, checked as tests/test_print_corpus.py
# checks its sample: the build succeeds and pdftotext gives every word of the source's <text>.
#
#   bash scripts/corpus-pdf.sh [CORPUS_DIR] [OUT_DIR] [ENGINE]
#
# ENGINE: typst (default) or weasyprint, as --param pdf-engine takes it.
# Writes OUT_DIR/*.pdf and OUT_DIR/summary.tsv (file, status, pages, seconds, missing words),
# prints the totals, and exits 1 if any document failed. Two worker processes.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
out="${2:-build/corpus-pdf}"
engine="${3:-typst}"
mkdir -p "$out"
python3 - "$corpus" "$out" "$engine" <<'PY'
import sys, time, subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path[:0] = ["tests", "."]
corpus, out, engine = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]


def one(path: Path):
    from edition_words import TEI, source_text
    from pdf_tools import missing_words, pdf_counter
    from toolkit.core import parse
    from toolkit.build import pipeline
    from toolkit.build import formats as transform
    from toolkit.core.errors import ToolkitError
    rel = str(path.relative_to(corpus))
    try:
        tree = parse.parse_file(path)
    except ToolkitError:
        return rel, "skipped (does not parse)", 0, 0.0, ""
    texts = [t for t in tree.getroot().iter(TEI + "text")
             if not any(a.tag == TEI + "text" for a in t.iterancestors())]
    if not texts:
        return rel, "skipped (no TEI text)", 0, 0.0, ""
    start = time.perf_counter()
    try:
        params = {"pdf-engine": engine}
        output = transform.transform(tree, transform.format_for("pdf", params), params, str(path)).output
        data = pipeline.render_pdf(output, str(path), params)[0]
    except ToolkitError as exc:
        return rel, "error", 0, time.perf_counter() - start, " ".join(str(exc).split())[:300]
    seconds = time.perf_counter() - start
    target = out / (rel.replace("/", "__").removesuffix(".xml") + ".pdf")
    target.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.count("\f")
    source = sum((pdf_counter(source_text(t)) for t in texts), pdf_counter(""))
    missing = missing_words(text, source)
    return rel, "ok" if not missing else "missing words", pages, seconds, " ".join(missing[:20])


files = sorted(corpus.rglob("*.xml"))
rows = []
with ProcessPoolExecutor(max_workers=2) as pool:
    for row in pool.map(one, files):
        rows.append(row)
        print(f"{row[1]:<26}{row[2]:>5} p {row[3]:7.1f} s  {row[0]}", flush=True)
with open(out / "summary.tsv", "w", encoding="utf-8") as f:
    f.write("file\tstatus\tpages\tseconds\tmissing\n")
    for rel, status, pages, seconds, missing in rows:
        f.write(f"{rel}\t{status}\t{pages}\t{seconds:.2f}\t{missing}\n")
built = [r for r in rows if not r[1].startswith("skipped")]
bad = [r for r in built if r[1] != "ok"]
pages = sum(r[2] for r in built)
seconds = sum(r[3] for r in built)
print(f"\n{len(files)} files: {len(built)} built, {len(rows) - len(built)} skipped, {len(bad)} with problems; "
      f"{pages} pages in {seconds:.0f} s of rendering ({seconds / max(pages, 1):.3f} s/page)")
print(f"summary: {out / 'summary.tsv'}")
sys.exit(1 if bad else 0)
PY
