"""Reading PDFs in tests with poppler-utils: text per page, fonts, info, grey pixels."""

from __future__ import annotations

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
    """Text of every page (index 0 = page 1)."""
    text = run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    pages = text.split("\f")
    return pages[:page_count(pdf)]


def pdf_tokens(text: str) -> list[str]:
    """Lower-case tokens: letter runs and digit runs apart (a footnote call '1' printed
    right after a word stays apart), each CJK or Hangul character on its own."""
    text = unicodedata.normalize("NFKC", text)  # Arabic lam-alef and other ligatures
    text = re.sub(r"\(\?\)|[\[\]()⟦⟧⟨⟩{}<>]", "", text)
    return [_arabic(t.lower()) for t in _TOKEN.findall(text)]


def _arabic(token: str) -> str:
    """Arabic-script words as the bag of their letters: poppler extracts a lam-alef
    ligature as alef-lam (بلاد comes out as بالد), so only the letters are compared."""
    return "".join(sorted(token)) if re.search(r"[\u0600-\u06ff]", token) else token


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
