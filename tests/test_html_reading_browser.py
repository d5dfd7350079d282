"""The telegram's reading page in headless Chromium (issue 16, "Presentation"): the text under
its title, visible without scrolling in a 1280x800 window; notes beside the text on a wide
screen and below it on a phone; quiet mention links with a visible hover and focus; a tap on
a name opens its popup instead of leaving the page; axe-core reports nothing on the desktop
and at 390 px, with "About this document" closed and open.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import launch, open_page, run_axe
from conftest import TELEGRAM

from toolkit.build import formats
from toolkit.core.parse import parse_file

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ACCENT = "rgb(10, 79, 138)"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reading") / "telegram-1953-03-29.html"
    params = {"downloads": "text,pdf,tei", "page-path": "telegram-1953-03-29"}
    out.write_text(formats.transform(parse_file(TELEGRAM), formats.FORMATS["html"], params, "t").output,
                   encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


def open_file(browser, page_file, **context):
    return open_page(browser, page_file.as_uri(), **context)


@pytest.fixture(scope="module")
def desktop(browser, page_file):
    page = open_file(browser, page_file, viewport=DESKTOP)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def phone(browser, page_file):
    page = open_file(browser, page_file, viewport=PHONE, is_mobile=True, has_touch=True,
                     device_scale_factor=2)
    yield page
    page.context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_first_paragraph_visible_without_scrolling_at_1280x800(desktop):
    assert desktop.errors == []
    assert desktop.evaluate("window.scrollY") == 0
    first = box(desktop, "#x-p1")
    assert first["y"] >= 0 and first["y"] + first["height"] <= DESKTOP["height"], first
    title = box(desktop, "h1")
    assert title["y"] < first["y"] < title["y"] + 450  # the document right under its title


def test_notes_beside_the_text_on_a_wide_screen(desktop):
    text, notes = box(desktop, "#text"), box(desktop, "#notes")
    assert notes["x"] >= text["x"] + text["width"], (text, notes)
    assert notes["y"] < text["y"] + 200  # beside, not below
    calls = desktop.locator("#text a.ed-noteref")
    count = calls.count()
    assert count >= 10
    previous_bottom = 0.0
    for n in range(1, count + 1):
        call = box(desktop, f"#noteref-{n}")
        note = box(desktop, f"#note-{n}")
        assert note["y"] >= call["y"] - 2, n  # never above its call
        assert note["y"] >= previous_bottom - 1, n  # never over the note before
        previous_bottom = note["y"] + note["height"]
    assert abs(box(desktop, "#note-1")["y"] - box(desktop, "#noteref-1")["y"]) < 12


def test_notes_below_the_text_on_a_phone(phone):
    assert phone.errors == []
    text, notes = box(phone, "#text"), box(phone, "#notes")
    assert notes["y"] >= text["y"] + text["height"] - 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    first = box(phone, "#x-p1")
    assert first["y"] < PHONE["height"]  # the text starts on the first screen of a phone too


def style(page, selector, *props):
    return page.evaluate("([s, ps]) => { const cs = getComputedStyle(document.querySelector(s));"
                         " return ps.map(p => cs.getPropertyValue(p)); }", [selector, list(props)])


def alpha(colour: str) -> float:
    values = re.findall(r"[\d.]+", colour)
    return float(values[3]) if len(values) == 4 else 1.0


def test_mentions_are_quiet_links_with_a_visible_hover_and_focus(desktop):
    link = "#x-p2 .tei-persName > a.ed-link"
    colour, line, deco_style, deco_colour, background = style(
        desktop, link, "color", "text-decoration-line", "text-decoration-style",
        "text-decoration-color", "background-color")
    paragraph_colour = style(desktop, "#x-p2", "color")[0]
    assert colour == paragraph_colour, "a name reads as text"
    assert line == "underline" and deco_style == "solid", "no dotted underline"
    assert alpha(deco_colour) <= 0.4, f"a faint underline, not a sea of lines: {deco_colour}"
    assert alpha(background) == 0
    desktop.hover(link)
    hover_colour, hover_deco, hover_background = style(desktop, link, "color", "text-decoration-color",
                                                       "background-color")
    assert hover_colour == ACCENT and alpha(hover_deco) == 1 and alpha(hover_background) > 0
    desktop.mouse.move(0, 0)
    desktop.locator(link).first.focus()
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.matches('#x-p2 .tei-persName > a.ed-link')")
    assert focused
    outline_style, outline_width = desktop.evaluate(
        "(() => { const cs = getComputedStyle(document.activeElement);"
        " return [cs.outlineStyle, parseFloat(cs.outlineWidth)]; })()")
    assert outline_style == "solid" and outline_width >= 2
    desktop.keyboard.press("Escape")


def test_a_tap_on_a_name_opens_its_popup_and_stays(phone):
    link = phone.locator("#x-p1 .tei-persName > a.ed-link").first
    tip = phone.locator("#" + link.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    link.tap()
    assert phone.evaluate("location.hash") == ""
    assert tip.is_visible()
    assert "김일성" in tip.inner_text()
    link.tap()  # a second tap follows the link
    phone.wait_for_function("location.hash === '#reg-kim-il-sung'")
    phone.evaluate("history.back()")
    phone.wait_for_function("location.hash === ''")


def test_about_is_closed_and_opens_from_its_link(browser, page_file):
    page = open_file(browser, page_file, viewport=DESKTOP)
    assert page.evaluate("document.querySelector('#about details').open") is False
    page.locator("nav.ed-nav a[href='#about']").click()
    page.wait_for_function("document.querySelector('#about details').open")
    assert page.locator("#about dl").is_visible()
    page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_axe_core_reports_no_violations(browser, page_file, viewport):
    page = open_file(browser, page_file, viewport=viewport)
    assert run_axe(page) == []
    page.evaluate("document.querySelector('#about details').open = true")
    assert run_axe(page) == []
    page.context.close()
