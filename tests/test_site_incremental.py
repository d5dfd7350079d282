"""The site of a small project, run twice: a second run after changing one document writes
that page and the site pages that show the change, rebuilds the search index, and nothing
else (modification times); a register file change rewrites the pages that show it; a
document that fails is reported, left out, and its earlier page removed; clashes of URLs
and of register ids are errors naming both places."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_helpers import build, changed, mtimes, page

PROJECT = Path(__file__).parent / "fixtures" / "project"
FAST = ("--downloads", "tei,text")


@pytest.fixture
def project(tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(PROJECT, copy)
    return copy


def _site(project: Path, *extra: str):
    run = build(*FAST, *extra, "letters", cwd=project)
    return run, project / "site"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_configuration_gives_title_and_base_url(project):
    run, site = _site(project)
    assert run.returncode == 0, run.stderr
    index = page(site / "index.html")
    assert index.xpath("string(//title)") == "Letters of the Brandt family · Letters of the Brandt family"
    assert "https://example.org/brandt/1921-05-03.html" in (site / "sitemap.xml").read_text()
    rows = index.xpath("//tbody/tr/td[2]/a/@href")
    assert rows == ["drafts/1921-04-01.html", "1921-05-03.html", "1921-06-10.html"]  # by date


def test_previous_and_next_follow_the_dates(project):
    _, site = _site(project)
    middle = page(site / "1921-05-03.html")
    assert middle.xpath("//a[@rel='prev']/@href") == ["drafts/1921-04-01.html"]
    assert middle.xpath("//a[@rel='next']/@href") == ["1921-06-10.html"]
    draft = page(site / "drafts" / "1921-04-01.html")
    assert draft.xpath("//a[@rel='next']/@href") == ["../1921-05-03.html"]
    assert not draft.xpath("//a[@rel='prev']")


def test_a_second_run_with_nothing_changed_writes_nothing(project):
    run, site = _site(project)
    assert run.returncode == 0, run.stderr
    before = mtimes(site)
    run, _ = _site(project)
    assert run.returncode == 0, run.stderr
    assert changed(before, mtimes(site)) == set()
    assert "0 file(s) written" in run.stderr


def test_a_site_page_removed_by_hand_is_written_again(project):
    """A run with nothing changed skips rendering the site's own pages only while they are
    all there."""
    run, site = _site(project)
    assert run.returncode == 0, run.stderr
    persons = (site / "persons.html").read_bytes()
    (site / "persons.html").unlink()
    before = mtimes(site)
    run, _ = _site(project)
    assert run.returncode == 0, run.stderr
    assert changed(before, mtimes(site)) == {"persons.html"} | {
        name for name in mtimes(site) if name.startswith("pagefind/")}
    assert (site / "persons.html").read_bytes() == persons


def test_changing_one_document_rewrites_its_page_the_pages_that_show_it_and_the_search(project):
    run, site = _site(project)
    assert run.returncode == 0, run.stderr
    before = mtimes(site)
    edit(project / "letters" / "1921-06-10.xml", "thank you for the letter.",
         "thank you for the long letter from Turin.")
    run, _ = _site(project)
    assert run.returncode == 0, run.stderr
    rewritten = changed(before, mtimes(site))
    assert {"1921-06-10.html", "1921-06-10.xml", "1921-06-10.txt", "persons.html"} <= rewritten
    assert any(name.startswith("pagefind/") for name in rewritten)
    others = {name for name in rewritten if not name.startswith("pagefind/")}
    assert others == {"1921-06-10.html", "1921-06-10.xml", "1921-06-10.txt", "persons.html"}
    assert "the long letter" in (site / "persons.html").read_text(encoding="utf-8")


def test_a_new_date_moves_the_document_and_rewrites_its_neighbours(project):
    _site(project)
    site = project / "site"
    before = mtimes(site)
    edit(project / "letters" / "1921-06-10.xml", 'when="1921-06-10">10 June 1921',
         'when="1921-03-10">10 March 1921')
    run, _ = _site(project)
    assert run.returncode == 0, run.stderr
    rewritten = {n for n in changed(before, mtimes(site)) if not n.startswith("pagefind/")}
    assert {"1921-06-10.html", "drafts/1921-04-01.html", "1921-05-03.html", "index.html",
            "chronology.html"} <= rewritten
    assert "1921-05-03.txt" not in rewritten and "places.html" not in rewritten
    rows = page(site / "index.html").xpath("//tbody/tr/td[2]/a/@href")
    assert rows[0] == "1921-06-10.html"


def test_a_register_change_rewrites_the_pages_that_show_it(project):
    _site(project)
    site = project / "site"
    before = mtimes(site)
    edit(project / "registers" / "persons.xml", "Bookseller in", "Bookseller and publisher in")
    run, _ = _site(project)
    assert run.returncode == 0, run.stderr
    rewritten = {n for n in changed(before, mtimes(site)) if not n.startswith("pagefind/")}
    assert {"persons.html", "1921-05-03.html"} <= rewritten  # Bruno's popup shows the note
    assert "places.html" not in rewritten and "organisations.html" not in rewritten
    assert "publisher in" in (site / "1921-05-03.html").read_text(encoding="utf-8")


def test_jobs_give_the_same_site(project, tmp_path):
    run, site = _site(project, "--jobs", "2", "-o", str(tmp_path / "two"))
    assert run.returncode == 0, run.stderr
    run, one = _site(project, "--jobs", "1", "-o", str(tmp_path / "one"))
    assert run.returncode == 0, run.stderr
    for html in (tmp_path / "one").rglob("*.html"):
        twin = tmp_path / "two" / html.relative_to(tmp_path / "one")
        assert twin.read_bytes() == html.read_bytes(), html


def test_a_broken_document_is_reported_left_out_and_its_page_removed(project):
    run, site = _site(project)
    assert (site / "1921-06-10.html").is_file()
    letter = project / "letters" / "1921-06-10.xml"
    edit(letter, "<p xml:id=\"p1\">", "<p xml:id=\"p1\"><unclosed>")
    run, _ = _site(project)
    assert run.returncode == 1
    line = next(l for l in run.stderr.splitlines() if l.startswith("letters/1921-06-10.xml:"))
    assert "error" in line and line.split(":")[1].isdigit() and line.split(":")[2].isdigit()
    assert not (site / "1921-06-10.html").exists() and not (site / "1921-06-10.xml").exists()
    assert (site / "1921-05-03.html").is_file()
    index = page(site / "index.html")
    assert "1921-06-10.html" not in index.xpath("//a/@href")
    assert page(site / "1921-05-03.html").xpath("//a[@rel='next']") == []


def test_an_invalid_document_is_left_out(project):
    letter = project / "letters" / "1921-06-10.xml"
    edit(letter, 'when="1921-06-10"', 'when="1921-13-45"')
    run, site = _site(project)
    assert run.returncode == 1
    assert "letters/1921-06-10.xml:" in run.stderr and "left out" in run.stderr
    assert not (site / "1921-06-10.html").exists() and (site / "1921-05-03.html").is_file()
    run, site = _site(project, "--no-validate")
    assert (site / "1921-06-10.html").is_file()


def test_two_documents_with_one_url_are_an_error_naming_both(project):
    shutil.copy(project / "letters" / "1921-05-03.xml", project / "letters" / "1921-05-03.tei")
    run, site = _site(project)
    assert run.returncode == 1
    message = next(l for l in run.stderr.splitlines() if "url-clash" in l)
    assert "1921-05-03.tei" in message and "1921-05-03.xml" in message
    assert (site / "1921-05-03.html").is_file()


def test_two_register_entries_with_one_id_are_an_error_naming_both(project):
    (project / "registers" / "more.xml").write_text(
        (project / "registers" / "persons.xml").read_text(encoding="utf-8"), encoding="utf-8")
    edit(project / "letters" / "1921-06-10.xml", 'ref="#bruno"', 'ref="../registers/more.xml#bruno"')
    run, site = _site(project)
    assert run.returncode == 1
    lines = [l for l in run.stderr.splitlines() if "duplicate-entry" in l]
    assert any("more.xml" in l and "persons.xml" in l and "'bruno'" in l for l in lines), run.stderr
    assert len(page(site / "persons.html").xpath("//*[@id='bruno']")) == 1
