"""The served telegram in headless Chromium: a save shows up without a manual reload, at the
reader's scroll position; a malformed save shows the error over the last good page."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import TELEGRAM
from live_helpers import PATIENCE
from toolkit.core.sources import expand
from toolkit.serve.app import LiveApp

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE = "/tei/telegram-1953-03-29.html"
WAIT_MS = PATIENCE * 1000

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(tmp_path):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (CI installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    shutil.copytree(TELEGRAM.parent, tmp_path / "tei")  # the telegram and its register file
    source = tmp_path / "tei" / TELEGRAM.name
    shutil.copytree(TELEGRAM.parent.parent / "schemas", tmp_path / "schemas")  # its xml-model
    with LiveApp(expand([str(source)]), root=tmp_path) as app:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(app.url + PAGE.lstrip("/"))
            page.wait_for_selector("#tei-live-panel .tei-live-toggle", timeout=WAIT_MS)
            yield page, source, errors
            browser.close()


def edit(source: Path, old: str, new: str) -> str:
    text = source.read_text("utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), "utf-8")
    return text


def test_save_updates_the_open_page_at_the_same_scroll_position(browser_page):
    page, source, errors = browser_page
    page.evaluate("window.scrollTo(0, 1500)")
    page.wait_for_function("window.scrollY >= 1400", timeout=WAIT_MS)
    edit(source, "again declared that he fully agrees", "again declared that he entirely agrees")
    page.wait_for_function(
        "document.body.innerText.includes('declared that he entirely agrees')", timeout=WAIT_MS)
    page.wait_for_function("window.scrollY >= 1400", timeout=WAIT_MS)
    assert "fully agrees" not in page.inner_text("body")
    assert errors == []


def test_update_keeps_the_readers_view_and_the_page_working(browser_page):
    page, source, errors = browser_page
    page.click("#about summary")  # "About this document" opened, a choice of the reader
    assert page.evaluate("document.querySelector('#about details').open")
    edit(source, "again declared that he fully agrees", "again declared that he wholly agrees")
    page.wait_for_function("document.body.innerText.includes('he wholly agrees')",
                           timeout=WAIT_MS)
    assert page.evaluate("document.querySelector('#about details').open")
    link = page.locator("#x-p1 .tei-persName > a").first  # a popup in the changed paragraph
    link.hover()
    assert page.locator("#" + link.get_attribute("aria-describedby")).is_visible()
    page.click("#about summary")
    assert not page.evaluate("document.querySelector('#about details').open")
    assert errors == []


def test_malformed_save_shows_the_error_and_keeps_the_page(browser_page):
    page, source, errors = browser_page
    good = edit(source, '<p xml:id="p3">', '<p xml:id="p3"')
    banner = page.locator("#tei-live-error")
    banner.wait_for(state="visible", timeout=WAIT_MS)
    assert "not-well-formed" in banner.inner_text()
    assert "measures to prepare for" in page.inner_text("body")  # the last good page
    source.write_text(good.replace("measures to prepare for", "steps to prepare for"), "utf-8")
    page.wait_for_function("document.body.innerText.includes('steps to prepare for')",
                           timeout=WAIT_MS)
    assert not page.locator("#tei-live-error").is_visible()
    assert errors == []


def test_findings_panel_lists_validate_findings_with_line_links(browser_page):
    page, source, _ = browser_page
    edit(source, 'ref="registers.xml#nam-il">Nam Il</persName>, as before',
         'ref="registers.xml#nam-ill">Nam Il</persName>, as before')
    page.wait_for_function(
        "[...document.querySelectorAll('.tei-live-rule')].some(e => e.textContent == 'dangling-pointer')",
        timeout=WAIT_MS)
    page.click("#tei-live-panel .tei-live-toggle")
    item = page.locator(".tei-live-error, .tei-live-list li").filter(has_text="nam-ill").first
    link = item.locator("a.tei-live-where")
    href = link.get_attribute("href")
    line = int(href.rsplit("#L", 1)[1])
    assert 'ref="registers.xml#nam-ill"' in source.read_text("utf-8").splitlines()[line - 1]
    link.click()
    page.wait_for_url("**/_live/source?**", timeout=WAIT_MS)
    assert 'nam-ill' in page.locator(f"#L{line}").inner_text()


def test_findings_panel_keeps_a_validation_that_came_before_the_new_page(browser_page):
    """The new page of a save is fetched slowly (held 3 s here), so that the validation of
    the save reaches the tab first: the panel keeps its findings when the page arrives,
    rather than the older ones that came with the save's reload."""
    page, source, errors = browser_page
    served: list[float] = []

    def slowly(route):
        time.sleep(3)
        route.continue_()
        served.append(time.monotonic())

    page.route("**" + PAGE, slowly)
    edit(source, 'ref="registers.xml#nam-il">Nam Il</persName>, as before',
         'ref="registers.xml#nam-ill">Nam Il</persName>, as before')
    page.wait_for_function(
        "[...document.querySelectorAll('.tei-live-rule')].some(e => e.textContent == 'dangling-pointer')",
        timeout=WAIT_MS)
    deadline = time.monotonic() + PATIENCE
    while not served and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert served, "the tab did not fetch the new page"
    page.wait_for_timeout(1500)  # the page's response is in and applied
    rules = page.evaluate(
        "[...document.querySelectorAll('.tei-live-rule')].map(e => e.textContent)")
    assert "dangling-pointer" in rules
    assert "nam-ill" in page.evaluate("document.getElementById('tei-live-panel').textContent")
    assert errors == []
