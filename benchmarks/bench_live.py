"""Benchmark the warm engine of `serve` and `lsp` against the cold CLI on the same file.

    python benchmarks/bench_live.py [FILE] [--rounds N] [--no-browser]

FILE defaults to the telegram (a folder, as ``run.sh`` may pass, means the telegram too).
In one run, on a copy of FILE (with the schemas its
``<?xml-model?>`` names beside it):

* **save to page**: `serve` running (stylesheets compiled); the file is saved with one word
  changed and the time until the server announces the new page (server-sent event) is
  measured; with Chromium present (Debian's /usr/bin/chromium), also the time until the
  open tab shows the new word (reload included);
* **save to diagnostic**: `lsp` running over stdio (a real client, pytest-lsp's); a change
  that breaks well-formedness, time until the diagnostic arrives; and a save, time until
  the full check (schemas, Schematron, reference checks) is published;
* **cold CLI**: `tei-edition build --to html --force` and `tei-edition validate` of the same
  file, each a fresh process, as the yardstick.

Medians over ``--rounds`` saves. Prints a Markdown table and writes
``benchmarks/results/live.json``. Targets (issue 17): save to page under 200 ms, save to
well-formedness diagnostic under 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
CHROMIUM = Path("/usr/bin/chromium")
WORDS = ("agrees", "concurs")


def copy_project(file: Path, folder: Path) -> Path:
    """``file`` in ``folder/tei`` with the project's schemas in ``folder/schemas``.

    A document of the bundled edition comes with the whole ``tei/`` folder (its register
    files, front matter and ``edition.toml``), so that the page measured is the page a user
    editing the edition sees: mentions with their register popups, the register section.
    """
    file = file.resolve()
    if file.parent == ROOT / "tei":
        shutil.copytree(file.parent, folder / "tei")
        target = folder / "tei" / file.name
    else:
        (folder / "tei").mkdir()
        target = Path(shutil.copy(file, folder / "tei" / file.name))
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    return target


def edited(text: str, round_: int) -> tuple[str, str]:
    """The text with a word marked for this round, and the mark to look for."""
    mark = f"edit{round_}x"
    return text.replace("again declared", f"again {mark} declared", 1), mark


def save_to_page(source: Path, rounds: int, browser: bool) -> dict:
    from live_helpers import Events
    from toolkit.core.sources import expand
    from toolkit.serve.app import LiveApp

    original = source.read_text("utf-8")
    stem = source.relative_to(source.parent.parent).with_suffix(".html").as_posix()
    url = "/" + stem
    event_times, tab_times = [], []
    with LiveApp(expand([str(source)]), root=source.parent.parent) as app:
        events = Events(app.url)
        for round_ in range(rounds):
            text, _ = edited(original, round_)
            started = time.perf_counter()
            source.write_text(text, "utf-8")
            events.wait("reload", url)
            event_times.append(time.perf_counter() - started)
            events.wait("status", url)  # validated: the server is idle again
        if browser:
            tab_times = _tab_times(app.url + stem, source, original, rounds)
        app.stop()
        events.close()
    source.write_text(original, "utf-8")
    return {"event_ms": _ms(event_times), "tab_ms": _ms(tab_times) if tab_times else None}


def _tab_times(page_url: str, source: Path, original: str, rounds: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    from test_serve_browser import ARGS

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.goto(page_url)
        page.wait_for_selector("#tei-live-panel .tei-live-toggle")
        for round_ in range(rounds):
            text, mark = edited(original, 1000 + round_)
            started = time.perf_counter()
            source.write_text(text, "utf-8")
            # textContent, not innerText: innerText lays the page out on every poll, which
            # delays the very update it waits for; then one frame, in which the new text
            # is painted
            page.wait_for_function(f"document.body.textContent.includes('{mark}')",
                                   polling="raf", timeout=60_000)
            page.evaluate("new Promise(done => requestAnimationFrame(() => done()))")
            times.append(time.perf_counter() - started)
            page.wait_for_selector("#tei-live-panel .tei-live-toggle")
            page.wait_for_function("document.querySelector('#tei-live-panel').dataset.version")
        browser.close()
    return times


async def _save_to_diagnostic(source: Path, rounds: int) -> dict:
    from lsprotocol import types

    from lsp_helpers import CONFIG, change, initialize, open_document, published

    client = await CONFIG.start()
    await initialize(client, source.parent.parent)
    good = source.read_text("utf-8")
    broken = good.replace("</persName> again", "</persname> again", 1)
    uri = open_document(client, source, good)
    await published(client, uri, 2)
    version, quick, full = 1, [], []
    for _ in range(rounds):
        for text in (broken, good):
            version += 1
            mark = len(client.published)
            started = time.perf_counter()
            change(client, uri, text, version)
            first = (await published(client, uri, 1, since=mark))[0]
            if text is broken:
                assert first.diagnostics and first.diagnostics[0].code == "not-well-formed"
                quick.append(time.perf_counter() - started)
            await published(client, uri, 2, since=mark)
        mark = len(client.published)
        started = time.perf_counter()
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier(uri)))
        await published(client, uri, 1, since=mark)
        full.append(time.perf_counter() - started)
    await client.shutdown_session()
    await client.stop()
    return {"well_formedness_ms": _ms(quick), "full_check_on_save_ms": _ms(full)}


def cold_cli(source: Path, rounds: int) -> dict:
    def run(*args: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=source.parent.parent,
                       capture_output=True, check=False)
        return time.perf_counter() - started

    with tempfile.TemporaryDirectory() as out:
        build = [run("build", str(source), "--to", "html", "--force", "-o", out, "-q")
                 for _ in range(rounds)]
    validate = [run("validate", str(source), "-q") for _ in range(rounds)]
    return {"build_html_ms": _ms(build), "validate_ms": _ms(validate)}


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "tei" / "telegram-1953-03-29.xml"))
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    if Path(args.file).is_dir():  # run.sh passes every benchmark the corpus folder
        args.file = str(ROOT / "tei" / "telegram-1953-03-29.xml")
    browser = not args.no_browser and CHROMIUM.exists()
    with tempfile.TemporaryDirectory() as folder:
        source = copy_project(Path(args.file), Path(folder))
        page = save_to_page(source, args.rounds, browser)
        diagnostic = asyncio.run(_save_to_diagnostic(source, args.rounds))
        cold = cold_cli(source, max(3, args.rounds // 3))
    results = {"file": str(args.file), "rounds": args.rounds, **page, **diagnostic, **cold}
    rows = [
        ("save -> page announced (serve, SSE)", page["event_ms"], cold["build_html_ms"]),
        ("save -> new text in the tab (Chromium)", page["tab_ms"], cold["build_html_ms"]),
        ("change -> well-formedness diagnostic (lsp)", diagnostic["well_formedness_ms"],
         cold["validate_ms"]),
        ("save -> full validation diagnostics (lsp)", diagnostic["full_check_on_save_ms"],
         cold["validate_ms"]),
    ]
    print(f"{Path(args.file).name}, median of {args.rounds} saves; cold CLI: build --to html "
          f"{cold['build_html_ms']} ms, validate {cold['validate_ms']} ms")
    print()
    print("| step | warm (ms) | cold CLI (ms) | cold / warm |")
    print("| --- | ---: | ---: | ---: |")
    for label, warm, baseline in rows:
        if warm is None:
            print(f"| {label} | (no Chromium) | {baseline} | |")
        else:
            print(f"| {label} | {warm} | {baseline} | {baseline / warm:.1f}x |")
    out = ROOT / "benchmarks" / "results" / "live.json"
    from toolkit.core.write import atomic_write

    atomic_write(out, json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
