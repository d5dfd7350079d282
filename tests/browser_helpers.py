"""Headless Chromium for the HTML tests: the system's /usr/bin/chromium driven by Playwright,
pages opened with their console errors collected, axe-core run on a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(pw):
    """Chromium for a sync_playwright() session; skips (saying so) when it is not installed."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (CI installs it)")
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def open_page(browser, uri: str, **context):
    """A page of a new context (viewport, touch ...) at ``uri``, loaded, with ``page.errors``
    collecting console errors and uncaught exceptions."""
    page = browser.new_context(**context).new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(uri)
    page.wait_for_load_state("load")
    page.errors = errors
    return page


def run_axe(page) -> list:
    """axe-core's violations on the page as [rule id, count, first node's HTML]."""
    axe_module = pytest.importorskip("axe_playwright_python")
    script = Path(axe_module.__file__).parent / "axe.min.js"
    if not script.is_file():
        pytest.skip("axe-playwright-python does not bundle axe.min.js")
    page.add_script_tag(path=str(script))
    return page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].html]))")
