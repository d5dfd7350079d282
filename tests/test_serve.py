"""``serve``: pages rendered again on save, last good page kept, findings, what is served."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from live_helpers import Events, copy_fixtures, get, status
from toolkit.core.sources import expand
from toolkit.serve.app import LiveApp

LETTER = "/letter.html"


@pytest.fixture
def served(tmp_path):
    copy_fixtures(tmp_path)
    app = LiveApp(expand([str(tmp_path)]), root=tmp_path).start()
    events = Events(app.url)
    yield app, events, tmp_path
    app.stop()
    events.close()


def test_page_has_the_text_and_the_servers_script(served):
    app, _, _ = served
    code, headers, body = get(app.url, LETTER)
    assert code == 200
    assert b"grey morning" in body
    assert body.count(b'src="/_live/live.js"') == 1
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"


def test_save_renders_the_page_again(served):
    app, events, folder = served
    letter = folder / "letter.xml"
    before = status(app.url, LETTER)["version"]
    letter.write_text(letter.read_text("utf-8").replace("grey morning", "bright evening"), "utf-8")
    data = events.wait("reload", LETTER)
    assert data["version"] > before
    _, _, body = get(app.url, LETTER)
    assert b"bright evening" in body and b"grey morning" not in body


def test_malformed_save_keeps_the_last_good_page_and_says_where(served):
    app, events, folder = served
    letter = folder / "letter.xml"
    good = letter.read_text("utf-8")
    letter.write_text(good.replace("</p>\n      <p xml:id=\"p2\">", "\n      <p xml:id=\"p2\">", 1),
                      "utf-8")
    data = events.wait("status", LETTER, lambda d: d["error"] is not None)
    assert data["error"]["rule"] == "not-well-formed"
    assert data["error"]["line"] and data["error"]["column"]
    _, _, body = get(app.url, LETTER)
    assert b"grey morning" in body  # the last good page
    letter.write_text(good.replace("grey", "misty"), "utf-8")
    events.wait("reload", LETTER)
    assert status(app.url, LETTER)["error"] is None
    assert b"misty morning" in get(app.url, LETTER)[2]


def test_register_file_entries_are_in_the_page_and_follow_its_changes(served):
    app, events, folder = served
    assert b"A harbour clerk invented for this fixture." in get(app.url, LETTER)[2]
    registers = folder / "registers.xml"
    registers.write_text(registers.read_text("utf-8").replace("A harbour clerk", "A port clerk"),
                         "utf-8")
    events.wait("reload", LETTER)
    body = get(app.url, LETTER)[2]
    assert b"A port clerk invented" in body and b"A harbour clerk" not in body


def test_register_change_renders_and_validates_the_document_again(served):
    app, events, folder = served
    assert not [f for f in status(app.url, LETTER)["findings"] if f["rule"] == "dangling-pointer"]
    registers = folder / "registers.xml"
    registers.write_text(registers.read_text("utf-8").replace('xml:id="porter"',
                                                              'xml:id="carrier"'), "utf-8")
    data = events.wait("status", LETTER,
                       lambda d: any(f["rule"] == "dangling-pointer" for f in d["findings"]))
    dangling = [f for f in data["findings"] if f["rule"] == "dangling-pointer"]
    assert len(dangling) == 1 and "porter" in dangling[0]["message"]
    assert dangling[0]["line"] == 14 and dangling[0]["column"]


def test_the_validation_after_a_save_says_it_is_newer_than_the_saves_reload(served):
    """A tab applies a save's "reload" status only once it has fetched the new page; by then
    the status of that save's validation may have been shown. The generation tells the tab
    which of the two is newer, whatever order they reach it in."""
    app, events, folder = served
    letter = folder / "letter.xml"
    text = letter.read_text("utf-8")
    letter.write_text(text.replace('registers.xml#porter', 'registers.xml#portr').replace(
        "grey morning", "bright evening"), "utf-8")
    reload = events.wait("reload", LETTER)
    assert not [f for f in reload["findings"] if f["rule"] == "dangling-pointer"]
    validated = events.wait("status", LETTER,
                            lambda d: any(f["rule"] == "dangling-pointer" for f in d["findings"]))
    assert validated["generation"] > reload["generation"]
    assert status(app.url, LETTER)["generation"] >= validated["generation"]


def test_findings_link_to_the_numbered_source(served):
    app, _, _ = served
    data = status(app.url, LETTER)
    assert data["source"].startswith("/_live/source?page=")
    code, _, body = get(app.url, data["source"])
    assert code == 200
    assert b'id="L12"' in body and b"&lt;p xml:id=&quot;p1&quot;&gt;" in body


def test_text_and_pdf_on_request(served):
    app, _, _ = served
    code, headers, body = get(app.url, "/letter.txt")
    assert code == 200 and headers["Content-Type"].startswith("text/plain")
    assert "grey morning" in " ".join(body.decode("utf-8").split())
    code, headers, body = get(app.url, "/letter.pdf")
    assert code == 200 and headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF")


def test_start_page_lists_the_documents(served):
    app, _, _ = served
    code, _, body = get(app.url, "/")
    assert code == 200
    assert b'href="/letter.html"' in body and b'href="/registers.html"' in body


@pytest.mark.parametrize("path", [
    "/../outside.txt", "/%2e%2e/outside.txt", "/%2E%2E%2Foutside.txt", "/..%2foutside.txt",
    "/sub/../../outside.txt", "/%252e%252e/outside.txt", "/link-out/outside.txt",
    "/outside-link.txt", "/.hidden/secret.txt", "/..\\outside.txt", "/%00letter.xml",
    "/%ff%fe.txt",
])
def test_nothing_outside_the_project_is_served(tmp_path, path):
    project = tmp_path / "project"
    project.mkdir()
    copy_fixtures(project, "letter.xml")
    (tmp_path / "outside.txt").write_text("SECRET", "utf-8")
    (project / "sub").mkdir()
    (project / ".hidden").mkdir()
    (project / ".hidden" / "secret.txt").write_text("SECRET", "utf-8")
    os.symlink(tmp_path, project / "link-out")
    os.symlink(tmp_path / "outside.txt", project / "outside-link.txt")
    with LiveApp(expand([str(project / "letter.xml")]), root=project) as app:
        code, _, body = get(app.url, path)
        assert code in (400, 404), (path, code)
        assert b"SECRET" not in body
        code, headers, body = get(app.url, "/letter.xml")  # the project's own files are
        assert code == 200 and b"grey morning" in body
        assert headers["Content-Security-Policy"].startswith("sandbox")


def test_symlink_inside_the_project_is_served(tmp_path):
    copy_fixtures(tmp_path, "letter.xml")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "note.txt").write_text("inside", "utf-8")
    os.symlink(tmp_path / "data" / "note.txt", tmp_path / "alias.txt")
    with LiveApp(expand([str(tmp_path / "letter.xml")]), root=tmp_path) as app:
        assert get(app.url, "/alias.txt")[2] == b"inside"


def test_other_hosts_and_methods_are_refused(served):
    app, _, _ = served
    assert get(app.url, LETTER, host="attacker.example:80")[0] == 403
    assert get(app.url, LETTER, method="POST")[0] == 405
    assert app.url.startswith("http://127.0.0.1:")


def test_served_hostile_page_runs_only_our_scripts(tmp_path):
    import lxml.html

    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes((FIXTURE_HTML / "hostile.xml").read_bytes())
    with LiveApp(expand([str(hostile)]), root=tmp_path) as app:
        _, _, body = get(app.url, "/hostile.html")
    doc = lxml.html.document_fromstring(body)
    scripts = {(s.get("id"), s.get("type"), s.get("src")) for s in doc.iter("script")}
    assert scripts <= {("ed-js", None, None), ("ed-jsonld", "application/ld+json", None),
                       (None, None, "/_live/live.js")}
    assert not re.search(rb"javascript:", body, re.I)


def test_stylesheet_module_change_recompiles_that_format_only(tmp_path):
    from toolkit.serve.stylesheets import WarmStylesheets

    part = tmp_path / "part.xsl"
    part.write_text(PART.format(mark="first"), "utf-8")
    entry = tmp_path / "mine.xsl"
    entry.write_text(ENTRY, "utf-8")
    copy_fixtures(tmp_path, "letter.xml")
    with LiveApp(expand([str(tmp_path / "letter.xml")]), root=tmp_path,
                 overrides={"html": entry}) as app:
        events = Events(app.url)
        assert b"mark-first" in get(app.url, LETTER)[2]
        part.write_text(PART.format(mark="second"), "utf-8")
        events.wait("reload", LETTER)
        assert b"mark-second" in get(app.url, LETTER)[2]
    events.close()
    sheets = WarmStylesheets({"html": entry})
    sheets.get("html"), sheets.get("text")
    assert sheets.changed({part}) == {"html"}


FIXTURE_HTML = Path(__file__).parent / "fixtures" / "html"
ENTRY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="https://tei-edition.org/xslt/html.xsl"/>
  <xsl:include href="part.xsl"/>
</xsl:stylesheet>
"""
PART = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:template match="tei:p" mode="#all" priority="10">
    <p class="mark-{mark}"><xsl:apply-templates/></p>
  </xsl:template>
</xsl:stylesheet>
"""
