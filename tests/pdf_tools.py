"""Reading PDFs in tests with poppler-utils: text per page, fonts, info, grey pixels."""

from __future__ import annotations

import functools
import os
import re
import shutil
import unicodedata
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W\d_]+|\d+")


def need_poppler() -> None:
    for tool in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=300).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def page_texts(pdf: Path) -> list[str]:
    """Text of every page (index 0 = page 1); words hyphenated at a line end are joined
    (the PDF marks such a hyphen as a soft hyphen, U+00AD)."""
    text = dehyphenate(run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    pages = text.split("\f")
    return pages[:page_count(pdf)]


def dehyphenate(text: str) -> str:
    """Join the two halves of a word hyphenated at a line end (the PDF marks the hyphen
    as a soft hyphen, U+00AD); at a page end, past the folio and the next running head
    (the first following line that starts in lower case continues the word)."""
    text = re.sub("\u00ad\n(?=[^\\W\\d_])", "", text)
    text = re.sub("(\\w+)\u00ad\\s*\n((?:[^\n]*\n){0,4}?)\\s*([a-z]\\w*)", "\\1\\3\n\\2", text)
    return text.replace("\u00ad", "")


def missing_words(raw: str, source: Counter) -> list[str]:
    """The words of ``source`` (``pdf_counter`` of the TEI's text) that the PDF's text
    ``raw`` (pdftotext's output) gives fewer times than the source, or not at all.

    A word hyphenated where poppler cannot rejoin the halves (at a page end, with a page of
    text or a footnote's continuation between them; in a table cell, beside the next
    column) counts as given when its first half ends in the soft hyphen the PDF marks it
    with and the rest of it is a word of the PDF."""
    got = pdf_counter(dehyphenate(raw))
    joined = " ".join(got)
    halves = {t for h in re.findall(r"([^\W\d_]+)\u00ad", raw) for t in pdf_tokens(h)}

    def split_by_hyphen(word: str) -> bool:
        return any(word.startswith(h) and got.get(word[len(h):], 0) for h in halves if len(h) < len(word))

    return sorted(w for w, n in source.items()
                  if got.get(w, 0) < n and w not in joined and not split_by_hyphen(w))


def page_bands(pdf: Path, head_mm: float = 22.0, foot_mm: float = 20.0) -> list[tuple[str, str]]:
    """(text in the top band, text in the bottom band) of every page: running head and
    folio live there, outside the text area."""
    from lxml import etree

    xhtml = "{http://www.w3.org/1999/xhtml}"
    tree = etree.fromstring(run("pdftotext", "-bbox-layout", str(pdf), "-").encode("utf-8"))
    bands = []
    for page in tree.iter(xhtml + "page"):
        height = float(page.get("height"))
        top, bottom = [], []
        for line in page.iter(xhtml + "line"):
            words = " ".join(w.text or "" for w in line.iter(xhtml + "word"))
            if float(line.get("yMax")) < head_mm * 72 / 25.4:
                top.append(words)
            elif float(line.get("yMin")) > height - foot_mm * 72 / 25.4:
                bottom.append(words)
        bands.append((" ".join(top), " ".join(bottom)))
    return bands


def text_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, text) of every text run, as poppler's pdftohtml reports them."""
    from lxml import etree

    xml = run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf))
    tree = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    fonts = {f.get("id"): f.get("family") for f in tree.iter("fontspec")}
    return [(fonts.get(t.get("font"), ""), "".join(t.itertext())) for t in tree.iter("text")]


def font_covers(name: str, chars: set[str]) -> bool:
    """True if the installed font that ``name`` (a PDF font name: a PostScript name,
    perhaps without its style, or WeasyPrint's family name) denotes has all ``chars``."""
    from fontTools.ttLib import TTFont

    wanted = _key(re.sub(r"^[A-Z]{6}\+", "", name).removesuffix("-Identity-H"))
    for postscript, families, path, index in _installed_fonts():
        if _key(postscript.split("-")[0]) == wanted or wanted in {_key(f) for f in families.split(",")}:
            cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap()
            return all(ord(c) in cmap for c in chars)
    return False


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.lru_cache(maxsize=1)
def _installed_fonts() -> list[tuple[str, str, str, int]]:
    """(PostScript name, families, file, index in a collection) of the fonts fontconfig
    knows, regular faces first."""
    rows = run("fc-list", "--format", "%{postscriptname}|%{family}|%{file}|%{index}\n").splitlines()
    fonts = [(p, fam, f, int(i or 0)) for p, fam, f, i in (r.split("|") for r in rows if r.count("|") == 3)]
    return sorted(fonts, key=lambda font: "Regular" not in font[0])


def pdf_tokens(text: str) -> list[str]:
    """Lower-case tokens: letter runs and digit runs apart (a footnote call '1' printed
    right after a word stays apart), each CJK or Hangul character on its own."""
    text = _no_marks(unicodedata.normalize("NFKC", text))  # Arabic lam-alef and other ligatures
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)  # bidi controls of the text layer
    text = re.sub(r"[\[\]()⟦⟧⟨⟩{}<>]", "", text)
    return [_arabic(t.lower()) for t in _TOKEN.findall(text)]


def _arabic(token: str) -> str:
    """Arabic-script words as the bag of their letters: poppler extracts a lam-alef
    ligature as alef-lam (بلاد comes out as بالد), so only the letters are compared."""
    return "".join(sorted(token)) if re.search(r"[\u0600-\u06ff]", token) else token


def _no_marks(text: str) -> str:
    """Syriac and Arabic without combining marks: in a right-to-left cluster Typst's text
    layer puts a mark (Syriac syame, U+0308) after another letter than the source does,
    which would split the word differently; the letters and their order are compared."""
    return _RTL_MARKS.sub("", text)


_RTL_MARKS = re.compile("(?<=[\u0600-\u06ff\u0700-\u074f])"
                        "[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0730-\u074a]+")


def pdf_counter(text: str) -> Counter:
    return Counter(pdf_tokens(text))


def is_subsequence(needle: list[str], haystack: list[str], start: int = 0) -> int:
    """Index after the match of ``needle`` as a subsequence of ``haystack[start:]``, or -1."""
    i = start
    for token in needle:
        try:
            i = haystack.index(token, i) + 1
        except ValueError:
            return -1
    return i


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """(width, height, grey bytes) of a binary PGM (P5, maxval 255) file."""
    data = path.read_bytes()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    assert fields[0] == b"P5", fields[0]
    width, height, maxval = int(fields[1]), int(fields[2]), int(fields[3])
    assert maxval == 255
    return width, height, data[pos:pos + width * height]


def render_pages(pdf: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    """Grey PGM images of every page (and PNGs in build/review/ when TEI_EDITION_REVIEW=1)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    run("pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(out_dir / "page"))
    if os.environ.get("TEI_EDITION_REVIEW") == "1":
        review = ROOT / "build" / "review"
        review.mkdir(parents=True, exist_ok=True)
        run("pdftoppm", "-r", "60", "-png", str(pdf), str(review / pdf.stem))
    return sorted(out_dir.glob("page*.pgm"))


def dark_pixels(pixels: bytes, width: int, top: int, bottom: int, threshold: int = 200) -> int:
    """Number of pixels darker than ``threshold`` in rows [top, bottom)."""
    return sum(1 for value in pixels[top * width:bottom * width] if value < threshold)
