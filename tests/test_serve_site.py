"""``serve --site``: the edition site served live, as ``tei-edition site`` builds it; a save
rebuilds it and announces the pages that changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from live_helpers import Events, get
from toolkit.core.sources import expand
from toolkit.serve.app import LiveApp

PROJECT = Path(__file__).parent / "fixtures" / "project"


@pytest.fixture
def served(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    letters = project / "letters"
    app = LiveApp(expand([str(letters)]), root=letters, renderer="site").start()
    events = Events(app.url)
    yield app, events, letters
    app.stop()
    events.close()


def test_the_site_is_served_with_its_registers_and_search(served):
    app, _, _ = served
    for path, text in (("/index.html", b"site-documents-table"), ("/persons.html", b'id="ada"'),
                       ("/1921-05-03.html", b"Dear"), ("/search.html", b"site-search-q"),
                       ("/pagefind/pagefind.js", b"")):
        code, _, body = get(app.url, path)
        assert code == 200, path
        assert text in body, path
    code, _, home = get(app.url, "/")
    assert code == 200 and b"site-documents-table" in home  # the site's index, not a list
    code, _, _ = get(app.url, "/.tei-edition/pages.json")
    assert code == 404


def test_a_save_rebuilds_the_site_and_announces_the_page(served):
    app, events, letters = served
    letter = letters / "1921-06-10.xml"
    letter.write_text(letter.read_text("utf-8").replace("thank you", "many thanks"), "utf-8")
    events.wait("reload", "/1921-06-10.html")
    _, _, body = get(app.url, "/1921-06-10.html")
    assert b"many thanks" in body
    _, _, persons = get(app.url, "/persons.html")
    assert b"many thanks" in persons


def test_the_command_line_has_the_site_flag():
    run = run_cli("serve", "--help")
    assert run.returncode == 0 and "--site" in run.stdout
