"""The edition site in headless Chromium, served by Python's static server: the search finds
"Panmunjom" in the telegram and opens it at the hit; a person's mentions land on the
mention; the index sorts by date; axe-core finds no violation on the index, a document
page and a register page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_helpers import build, serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROJECT = Path(__file__).parent / "fixtures" / "project"
TELEGRAM = "telegram-1953-03-29.html"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The bundled edition's site and the three-letter project's."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (CI installs it)")
    folder = tmp_path_factory.mktemp("sites")
    run = build("--downloads", "tei", cwd=folder)
    assert run.returncode == 0, run.stderr
    project = folder / "project"
    shutil.copytree(PROJECT, project)
    run = build("--downloads", "tei", "letters", cwd=project)
    assert run.returncode == 0, run.stderr
    return folder / "site", project / "site"


@pytest.fixture(scope="module")
def browser(sites):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def bundled(sites, browser):
    with serve(sites[0]) as url:
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.errors = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page, url
        page.close()


def in_view(page, selector: str) -> bool:
    return page.evaluate("""(sel) => { const el = document.querySelector(sel);
        if (!el) return false; const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""", selector)


def test_searching_panmunjom_finds_the_telegram_and_opens_it_at_the_hit(bundled):
    page, url = bundled
    page.goto(url + "search.html")
    page.fill("#site-search-q", "Panmunjom")
    page.press("#site-search-q", "Enter")
    result = page.locator(f"#site-search-results a[href*='{TELEGRAM}']")
    result.first.wait_for(timeout=10000)
    assert "Panmunjom" in page.locator("#site-search-results").inner_text()
    assert page.locator("#site-search-results mark").count() > 0
    href = result.first.get_attribute("href")
    assert "highlight=Panmunjom" in href and "#" in href
    result.first.click()
    page.wait_for_load_state("load")
    anchor = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"[id='{anchor}']").count() == 1
    hit = page.locator("mark.site-hit-first")
    hit.wait_for(timeout=5000)
    assert hit.inner_text().lower() == "panmunjom"
    assert in_view(page, "mark.site-hit-first")
    assert page.errors == []


def test_search_filters_come_from_the_headers(bundled):
    page, url = bundled
    page.goto(url + "search.html?q=Kim")
    page.locator("#site-search-results li").first.wait_for(timeout=10000)
    options = page.locator("#site-search-type option").all_inner_texts()
    assert "correspondence" in options and "introduction" in options
    page.select_option("#site-search-type", "correspondence")
    page.wait_for_function("document.querySelectorAll('#site-search-results li').length === 1")
    assert TELEGRAM in page.locator("#site-search-results a").first.get_attribute("href")


def test_a_person_lists_mentions_whose_links_land_on_the_mention(bundled):
    page, url = bundled
    page.goto(url + "persons.html#nam-il")
    links = page.locator("#nam-il a.site-mention")
    assert links.count() > 3
    telegram_link = page.locator(f"#nam-il a.site-mention[href^='{TELEGRAM}']").nth(1)
    href = telegram_link.get_attribute("href")
    telegram_link.click()
    page.wait_for_load_state("load")
    anchor = href.split("#")[1]
    assert page.evaluate("location.hash") == "#" + anchor
    assert "Nam Il" in page.locator(f"[id='{anchor}']").inner_text()
    assert in_view(page, f"[id='{anchor}']")


def test_the_index_sorts_by_date(sites, browser):
    with serve(sites[1]) as url:
        page = browser.new_page()
        page.goto(url + "index.html")
        assert page.locator(".site-filters").is_visible()

        def dates():
            return page.locator("#site-documents-table tbody tr td:first-child time").evaluate_all(
                "els => els.map(e => e.getAttribute('datetime'))")

        assert dates() == ["1921-04-01", "1921-05-03", "1921-06-10"]
        page.click("#site-documents-table th[data-sort-key='title'] button")
        assert dates() != sorted(dates())
        page.click("#site-documents-table th[data-sort-key='date'] button")
        assert dates() == ["1921-04-01", "1921-05-03", "1921-06-10"]
        assert page.get_attribute("#site-documents-table th[data-sort-key='date']", "aria-sort") == "ascending"
        page.click("#site-documents-table th[data-sort-key='date'] button")
        assert dates() == ["1921-06-10", "1921-05-03", "1921-04-01"]
        page.select_option("#site-filter-sender", "Bruno Keller")
        assert page.locator("#site-documents-table tbody tr:visible").count() == 1
        page.close()


@pytest.mark.parametrize("name", ["index.html", TELEGRAM, "persons.html", "search.html"])
def test_axe_core_reports_no_violations(bundled, name):
    axe_module = pytest.importorskip("axe_playwright_python")
    script = Path(axe_module.__file__).parent / "axe.min.js"
    assert script.is_file(), "axe-playwright-python bundles axe.min.js"
    page, url = bundled
    page.goto(url + name)
    page.add_script_tag(path=str(script))
    result = page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].html]))")
    assert result == []
    assert page.errors == []
