"""The style guide: reviewed snapshots of every TEI construct the stylesheets handle.

tests/styleguide/fixtures/ holds small documents of our own, one per family of constructs
(structure, phrase level, editorial signs, names and registers, letters, drama, manuscripts,
headers, words and tokens, dictionaries, corpora); a test checks that every TEI element the
stylesheets name appears in one of them. They are built with the CLI, exactly as a user
builds (the default PDF engine included), and each output is compared with its reviewed
snapshot in tests/styleguide/snapshots/:

  NAME.html       the HTML page, the inlined CSS and script replaced by a line naming them
                  (their files are in the repository; a change to them still shows here as
                  a change of their digest), a line break before each block-level tag
  NAME.txt        the plain-text edition
  NAME.pdf.txt    the PDF's text (pdftotext, lines with their whitespace collapsed)
  NAME-pN.png     page N of the PDF, greyscale, 40 dpi (pdftoppm), compared as an image: a
                  pixel differs when it lies outside the range of the other image's 3x3
                  neighbourhood by more than 64 grey levels (so anti-aliasing and sub-pixel
                  shifts of a different poppler or FreeType do not count); a page may have
                  at most 0.02 % of its pixels differing (about 30 at 40 dpi)

So a change to one template shows every output it alters. After reviewing a change:

    python3 -m pytest tests/test_styleguide.py --update-snapshots

rewrites the snapshots (git diff shows what changed; PNGs are reviewed as images). A failed
comparison leaves the new output, and for pages a difference image, in build/styleguide/.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, run_cli

GUIDE = Path(__file__).parent / "styleguide"
FIXTURES = GUIDE / "fixtures"
SNAPSHOTS = GUIDE / "snapshots"
REVIEW = ROOT / "build" / "styleguide"
DOCS = sorted(p.stem for p in FIXTURES.glob("*.xml"))
DPI = 40
GREY_TOLERANCE = 64
MAX_DIFFERING = 0.0002


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every style-guide fixture built in all three formats by the CLI."""
    out = tmp_path_factory.mktemp("styleguide")
    result = run_cli("build", "--to", "html,text,pdf", "--force", "-o", str(out), str(FIXTURES))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def update(request) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


_BLOCK_TAG = re.compile(r"(?<!\n)(<(?:div|p|section|article|li|ul|ol|dl|dt|dd|h[1-6]|meta|tr|table|nav|header|"
                        r"footer|main|figure|blockquote|pre|script|style|title|body|head)\b)")


def normalised_html(html: str) -> str:
    """The page without the bodies of the inlined CSS and script (named by their digest),
    a line break before each block-level tag so that a diff shows what changed."""
    def named(match: re.Match) -> str:
        digest = hashlib.sha256(match.group(3).encode("utf-8")).hexdigest()[:12]
        return f"{match.group(1)}/* {match.group(2)} sha256:{digest} */{match.group(4)}"
    html = re.sub(r'(<(?:style|script) id="(ed-(?:css|js))"[^>]*>)(.*?)(</(?:style|script)>)', named, html, flags=re.S)
    return _BLOCK_TAG.sub(r"\n\1", html)


def normalised_pdf_text(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\f", "\n").split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def compare_text(name: str, actual: str, update: bool) -> None:
    snapshot = SNAPSHOTS / name
    if update:
        snapshot.write_text(actual, encoding="utf-8")
        return
    assert snapshot.exists(), f"no snapshot {snapshot.relative_to(ROOT)}: run pytest {__file__} --update-snapshots"
    expected = snapshot.read_text(encoding="utf-8")
    if actual != expected:
        REVIEW.mkdir(parents=True, exist_ok=True)
        (REVIEW / name).write_text(actual, encoding="utf-8")
        import difflib
        diff = "".join(line[:240] + ("…\n" if len(line) > 240 else "") for line in
                       list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "snapshot", "now", n=1))[:60])
        pytest.fail(f"{name} differs from its snapshot (new output: {(REVIEW / name).relative_to(ROOT)}):\n{diff}")


@pytest.mark.parametrize("doc", DOCS)
def test_html_matches_snapshot(built, update, doc):
    compare_text(f"{doc}.html", normalised_html((built / f"{doc}.html").read_text(encoding="utf-8")), update)


@pytest.mark.parametrize("doc", DOCS)
def test_text_matches_snapshot(built, update, doc):
    compare_text(f"{doc}.txt", (built / f"{doc}.txt").read_text(encoding="utf-8"), update)


@pytest.mark.parametrize("doc", DOCS)
def test_pdf_pages_match_snapshots(built, update, doc, tmp_path):
    from pdf_tools import need_poppler, run

    need_poppler()
    image = pytest.importorskip("PIL.Image")
    filters = pytest.importorskip("PIL.ImageFilter")
    pdf = built / f"{doc}.pdf"
    compare_text(f"{doc}.pdf.txt", normalised_pdf_text(run("pdftotext", "-enc", "UTF-8", str(pdf), "-")), update)
    run("pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(tmp_path / "p"))
    pages = sorted(tmp_path.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    names = [f"{doc}-p{i}.png" for i in range(1, len(pages) + 1)]
    if update:
        for stale in SNAPSHOTS.glob(f"{doc}-p*.png"):
            stale.unlink()
        for page, name in zip(pages, names):
            shutil.copyfile(page, SNAPSHOTS / name)
        return
    expected = sorted(SNAPSHOTS.glob(f"{doc}-p*.png"), key=lambda p: int(p.stem.rsplit("-p", 1)[1]))
    assert len(pages) == len(expected), f"{doc}.pdf has {len(pages)} pages, its snapshot {len(expected)}"
    problems = []
    for page, name in zip(pages, names):
        now, before = image.open(page).convert("L"), image.open(SNAPSHOTS / name).convert("L")
        if now.size != before.size:
            problems.append(f"{name}: {now.size} instead of {before.size}")
            continue
        share, diff = _differing(now, before, image, filters)
        if share > MAX_DIFFERING:
            REVIEW.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, REVIEW / name.replace(".png", ".new.png"))
            diff.save(REVIEW / name.replace(".png", ".diff.png"))
            problems.append(f"{name}: {share:.2%} of its pixels differ (review {REVIEW.relative_to(ROOT)})")
    assert not problems, "\n".join(problems)


def _differing(a, b, image, filters):
    """Share of pixels of either image outside the other's 3x3 range by more than the grey
    tolerance, and an image of them (black on white)."""
    from PIL import ImageChops

    def outside(x, y):
        low = ImageChops.subtract(y.filter(filters.MinFilter(3)), x)    # y_min - x  (> 0 if x is darker)
        high = ImageChops.subtract(x, y.filter(filters.MaxFilter(3)))   # x - y_max  (> 0 if x is lighter)
        return ImageChops.lighter(low, high).point(lambda v: 255 if v > GREY_TOLERANCE else 0)

    mask = ImageChops.lighter(outside(a, b), outside(b, a))
    count = mask.histogram()[255]
    return count / (a.size[0] * a.size[1]), ImageChops.invert(mask)


def test_fixtures_cover_every_element_the_stylesheets_name():
    """Every TEI element in a match pattern of xslt/ or in the roles table is in a fixture."""
    named: set[str] = set()
    for xsl in (ROOT / "xslt").rglob("*.xsl"):
        source = xsl.read_text(encoding="utf-8")
        for pattern in re.findall(r'_?match="([^"]*)"', source):
            named.update(re.findall(r"tei:([A-Za-z][A-Za-z0-9]*)", pattern))
    roles = (ROOT / "xslt" / "common" / "roles.xsl").read_text(encoding="utf-8")
    table = roles[roles.index('name="ed:roles"'):roles.index("}\"/>", roles.index('name="ed:roles"'))]
    named.update(re.findall(r"'([A-Za-z][A-Za-z0-9]*)'(?!\s*:)", table))
    used = {etree.QName(el).localname for doc in FIXTURES.glob("*.xml")
            for el in etree.parse(str(doc)).iter() if isinstance(el.tag, str)}
    assert sorted(named - used) == []
