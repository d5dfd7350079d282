"""A 390-pixel-wide screen (a phone held upright) in headless Chromium: nothing is wider than
the screen, so no part of the page is hidden off its right edge.

Fixtures (our own): novel.xml has a long subtitle and a licence given only as a long URL;
play.xml a cast list, a contents of acts and scenes and page-image links; the telegram is
the bundled edition.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TELEGRAM
from rendering_tools import FIXTURES, render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH = 390

pytestmark = pytest.mark.browser

#: Elements that stick out of the screen on the right: (tag.class, right edge, text).
OVERFLOW = """(width) => [...document.querySelectorAll('body *')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5
                 && getComputedStyle(e).position !== 'fixed' && !e.closest('[role=tooltip]'); })
  .map(e => [e.tagName.toLowerCase() + '.' + e.className, Math.round(e.getBoundingClientRect().right),
             e.textContent.slice(0, 60)])"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (CI installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("path", [FIXTURES / "novel.xml", FIXTURES / "play.xml", TELEGRAM],
                         ids=lambda p: p.stem)
def test_nothing_overflows_a_390px_screen(browser, path, tmp_path):
    page_file = tmp_path / (path.stem + ".html")
    page_file.write_text(render("html", path), encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    try:
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        assert page.evaluate(OVERFLOW, WIDTH) == []
        for selector in (".ed-subtitle", ".ed-row-licence dd"):
            for box in page.locator(selector).all():
                assert box.bounding_box()["x"] + box.bounding_box()["width"] <= WIDTH
    finally:
        page.close()


def test_play_page_has_no_accessibility_violations(browser, tmp_path):
    """The new parts of a play's page (contents, marginal page links, cast list) pass axe-core."""
    axe_module = pytest.importorskip("axe_playwright_python")
    script = Path(axe_module.__file__).parent / "axe.min.js"
    if not script.is_file():
        pytest.skip("axe-playwright-python does not bundle axe.min.js")
    page_file = tmp_path / "play.html"
    page_file.write_text(render("html", FIXTURES / "play.xml"), encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    try:
        page.goto(page_file.as_uri())
        page.add_script_tag(path=str(script))
        violations = page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].html]))")
        assert violations == []
    finally:
        page.close()
