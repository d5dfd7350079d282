"""The telegram's HTML in headless Chromium: no console errors, popups, toggle, axe-core."""

from __future__ import annotations

import pytest
from browser_helpers import launch, open_page, run_axe
from conftest import TELEGRAM

from toolkit.build import formats as transform
from toolkit.core.parse import parse_file

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path_factory.mktemp("html") / "telegram.html"
    out.write_text(transform.transform(parse_file(TELEGRAM), transform.FORMATS["html"], {}, "t").output,
                   encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = launch(pw)
        pg = open_page(browser, out.as_uri(), viewport={"width": 1000, "height": 800})
        pg.telegram = out.as_uri()
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


#: A text with readings to switch between (the telegram has none: its one choice is in the
#: archive's quoted summary, shown as published with [sic] in both readings).
TOGGLE_FIXTURE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
  <titleStmt><title>Readings</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
  <sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>
  <text><body><p>The <choice><sic>quikc</sic><corr>quick</corr></choice> fox in
  <choice><orig>olde</orig><reg>old</reg></choice> Yorke.</p></body></text></TEI>"""


def test_reading_toggle(page, tmp_path):
    source = tmp_path / "readings.xml"
    source.write_text(TOGGLE_FIXTURE, encoding="utf-8")
    out = tmp_path / "readings.html"
    out.write_text(transform.transform(parse_file(source), transform.FORMATS["html"], {}, "r").output,
                   encoding="utf-8")
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    norm = page.locator("#text .ed-choice .ed-norm").first
    dipl = page.locator("#text .ed-choice .ed-dipl").first
    assert norm.is_visible() and not dipl.is_visible()
    button = page.locator("#ed-toggle")
    assert button.is_visible()
    button.click()
    assert dipl.is_visible() and not norm.is_visible()
    assert dipl.inner_text() == "quikc"
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert norm.is_visible()
    page.goto(page.telegram)
    page.wait_for_load_state("load")


def test_axe_core_reports_no_violations(page):
    assert run_axe(page) == []
