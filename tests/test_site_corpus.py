"""A site of 31 real documents of ../shared/corpus (a fixed sample, to keep CI short; the
benchmark builds the site of the whole corpus): three ELTeC novels, twelve FRUS history
documents, eight Swedish plays with their particDesc casts, and eight syriaca records
(four persons, four places, each a TEI file of its own). Every document gets its page,
no word of its text is lost, the plays' casts are on the persons page, and a rebuild after
one document changed rewrites only its page, its TEI copy and the search index."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import CORPUS, need_shared
from edition_words import missing_words, source_text, words
from site_helpers import build, changed, mtimes, page
from toolkit.core.parse import parse_file

SAMPLE = (
    [f"ELTeC-eng/level1/{n}.xml" for n in ("ENG18931_Harraden", "ENG19181_West", "ENG18872_Lyall")]
    + [f"frus-history/documents/{n}.xml" for n in (
        "1957-03-21-kennan-to-leopold", "1979-08-15-ho-meeting-with-cia", "1991-03-13-hac-meeting-record",
        "1979-10-28-allen-to-baylor", "1958-11-03-noble-to-osborne", "1980-01-16-hac-meeting-1979",
        "1973-11-29-aandahl-to-laise", "1990-12-06-hoggard-to-selin", "2002-08-19-athens-02867",
        "1990-06-23-webster-to-boren", "1988-01-11-slany-notes-on-informal-hac-meeting",
        "1988-11-10-spiers-to-redman")]
    + [f"swedracor/tei/{n}.xml" for n in (
        "agrell-hvarfor", "strindberg-forsta-varningen", "strindberg-moderskarlek", "marholm-otteringning",
        "topelius-z-perdita", "kuylenstierna-nar-nyar-kom", "topelius-t-jeppe-och-murra",
        "topelius-z-krypskyttarne")]
    + [f"syriaca-data/data/persons/tei/{n}.xml" for n in ("2650", "5085", "5212", "3190")]
    + [f"syriaca-data/data/places/tei/{n}.xml" for n in ("2778", "2436", "2324", "3057")])
TEI = "{http://www.tei-c.org/ns/1.0}"
#: corpus documents fail their own schemas (FRUS against TEI-All, plays against TEI-All
#: 4.12: see the corpus README), which is not what this test is about
ARGS = ("--no-validate", "--downloads", "tei", "--jobs", "2")

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    need_shared()
    root = tmp_path_factory.mktemp("corpus-site")
    sample = root / "sample"
    for name in SAMPLE:
        target = sample / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, target)
    run = build(*ARGS, "sample", cwd=root, timeout=1500)
    return root, run


def test_the_sample_is_thirty_real_documents():
    assert len(SAMPLE) == len(set(SAMPLE)) >= 30


def test_every_document_has_its_page_and_no_text_is_lost(corpus_site):
    root, run = corpus_site
    assert run.returncode == 0, run.stderr[-3000:]
    site = root / "site"
    failures = []
    for name in SAMPLE:
        html = site / Path(name).with_suffix(".html")
        if not html.is_file():
            failures.append(f"{name}: no page")
            continue
        tree = parse_file(root / "sample" / name)
        source = words(" ".join(source_text(t) for t in tree.getroot().iter(f"{TEI}text")
                                if not any(a.tag == f"{TEI}text" for a in t.iterancestors())))
        doc = lxml.html.document_fromstring(html.read_bytes())
        for tip in doc.xpath("//*[@role='tooltip']"):
            tip.drop_tree()
        main = doc.get_element_by_id("main")  # the text, its notes, its registers
        lost = missing_words(source, words(main.text_content()))
        if lost:
            failures.append(f"{name}: {len(lost)} words lost, e.g. {lost[:5]}")
    assert not failures, "\n".join(failures)


def test_the_index_lists_every_document_and_links_resolve(corpus_site):
    root, _ = corpus_site
    site = root / "site"
    index = page(site / "index.html")
    links = set(index.xpath("//table[@id='site-documents-table']//a/@href"))
    assert links == {str(Path(n).with_suffix(".html")) for n in SAMPLE}
    for href in links:
        assert (site / href).is_file()


def test_the_plays_casts_are_on_the_persons_page(corpus_site):
    root, _ = corpus_site
    persons = page(root / "site" / "persons.html")
    groups = persons.xpath("//section[contains(@class,'site-local-document')]")
    titles = [g.xpath("string(h3)") for g in groups]
    assert len([g for g in groups if "swedracor" in g.xpath("string(h3/a/@href)")]) == 8, titles
    cast = 0
    for name in (n for n in SAMPLE if n.startswith("swedracor/")):
        tree = parse_file(root / "sample" / name)
        cast += len(tree.xpath("//t:particDesc//t:person[@xml:id] | //t:particDesc//t:personGrp[@xml:id]",
                               namespaces={"t": TEI[1:-1]}))
    listed = sum(len(g.xpath(".//article")) for g in groups if "swedracor" in g.xpath("string(h3/a/@href)"))
    assert cast > 30 and listed == cast


def test_a_rebuild_after_one_document_changed_rewrites_only_what_shows_it(corpus_site):
    root, run = corpus_site
    assert run.returncode == 0
    site = root / "site"
    before = mtimes(site)
    name = "frus-history/documents/1958-11-03-noble-to-osborne.xml"
    source = root / "sample" / name
    text = source.read_text(encoding="utf-8")
    marker = "</p>"
    assert marker in text
    source.write_text(text.replace(marker, " Zyxwvut.</p>", 1), encoding="utf-8")
    again = build(*ARGS, "sample", cwd=root, timeout=1500)
    assert again.returncode == 0, again.stderr[-3000:]
    rewritten = changed(before, mtimes(site))
    stem = str(Path(name).with_suffix(""))
    assert {f"{stem}.html", f"{stem}.xml"} <= rewritten
    assert any(n.startswith("pagefind/") for n in rewritten)
    assert {n for n in rewritten if not n.startswith("pagefind/")} == {f"{stem}.html", f"{stem}.xml"}
    assert "Zyxwvut" in (site / f"{stem}.html").read_text(encoding="utf-8")
