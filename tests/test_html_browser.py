"""The telegram's HTML in headless Chromium: no console errors, popups, toggle, axe-core."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TELEGRAM
from toolkit.build import formats as transform
from toolkit.core.parse import parse_file

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (CI installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path_factory.mktemp("html") / "telegram.html"
    out.write_text(transform.transform(parse_file(TELEGRAM), transform.FORMATS["html"], {}, "t").output,
                   encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1000, "height": 800})
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(out.as_uri())
        pg.wait_for_load_state("load")
        pg.errors = errors
        yield pg
        browser.close()


def tip_of(page, link):
    return page.locator("#" + link.get_attribute("aria-describedby"))


def test_no_console_errors(page):
    assert page.errors == []


def test_popup_on_hover_and_escape(page):
    link = page.locator("#x-p1 .tei-persName > a").first
    tip = tip_of(page, link)
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    assert "김일성" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.mouse.move(0, 0)


def test_popup_on_keyboard_focus(page):
    page.locator("#x-p1").scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    # Tab from the element just before the first mention of the paragraph
    first = page.locator("#x-p1 a").first
    first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    focused_tip = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert focused_tip
    tip = page.locator("#" + focused_tip)
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_reading_toggle(page):
    norm = page.locator("#about .ed-choice .ed-norm").first
    dipl = page.locator("#about .ed-choice .ed-dipl").first
    assert norm.is_visible() and not dipl.is_visible()
    button = page.locator("#ed-toggle")
    assert button.is_visible()
    button.click()
    assert dipl.is_visible() and not norm.is_visible()
    assert dipl.inner_text() == "than"
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert norm.is_visible()


def test_axe_core_reports_no_violations(page):
    axe_module = pytest.importorskip("axe_playwright_python")
    script = Path(axe_module.__file__).parent / "axe.min.js"
    if not script.is_file():
        pytest.skip("axe-playwright-python does not bundle axe.min.js")
    page.add_script_tag(path=str(script))
    result = page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].html]))")
    assert result == []
