"""Compile the print edition's Typst markup (from ``xslt/typst.xsl``) to PDF with Typst.

Typst (the PyPI ``typst`` wheel: one self-contained library, no system dependency) lays
out a document in one pass with real footnotes, per-language hyphenation and page
queries, which the index and the running heads read; it writes a tagged PDF.

Nothing the document says can reach a file or a host:

* the stylesheet escapes every character of the document (``xslt/typst/escape.xsl``),
  so the TEI only ever gives Typst text, never code;
* the template (``xslt/typst/edition.typ``, or the user's ``typst-template``) is read
  here and put in front of the markup: the compiler's root is an empty temporary
  folder, so ``read``, ``image`` or ``include`` find nothing;
* package imports (``@preview/...``) are refused: the package folders are empty and,
  because the binding has no switch to turn downloads off, any download goes to a proxy
  on a closed local port while Typst runs, and fails at once;
* fonts come only from :data:`FONT_DIRS` and the fonts inside the wheel, never the
  system's: the same fonts, hence the same PDF, on every machine with those packages.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from toolkit.core import resources
from toolkit.core.errors import TransformError

#: Folders searched for fonts (Debian's fonts-noto-core and fonts-noto-cjk; see
#: scripts/setup-system.sh), plus those in ``TEI_EDITION_FONT_DIRS`` (``:``-separated).
FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))

#: The template put in front of every document.
TEMPLATE = "typst/edition.typ"

#: The PDF standards asked for; PDF/UA-1 needs a title and tags, which every edition has,
#: and every character drawn: a document with a character no font has (a private-use
#: code point, say) is written as a tagged PDF without the PDF/UA-1 claim, with a warning.
PDF_STANDARDS = ["ua-1"]

#: Fixed creation date (SOURCE_DATE_EPOCH): the same document gives the same bytes.
TIMESTAMP = 0

_CLOSED = "http://127.0.0.1:9"
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY",
               "all_proxy")
_lock = threading.Lock()


@dataclass
class Result:
    """The PDF and Typst's warnings (e.g. a font family that is not installed)."""

    pdf: bytes
    warnings: list[str] = field(default_factory=list)


def font_dirs() -> list[Path]:
    """The font folders that exist, the environment's first."""
    extra = [Path(p) for p in os.environ.get("TEI_EDITION_FONT_DIRS", "").split(os.pathsep) if p]
    return [d for d in (*extra, *FONT_DIRS) if d.is_dir()]


@lru_cache(maxsize=1)
def _fonts(dirs: tuple[Path, ...]):
    """The font book, built once per process (about 60 ms for the Noto packages)."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                       font_paths=[str(d) for d in dirs])


@lru_cache(maxsize=4)
def template(path: str | None = None) -> str:
    """The Typst template: the user's file if given, else ours."""
    source = Path(path) if path else resources.xslt_path(TEMPLATE)
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TransformError(f"cannot read the Typst template: {exc}", str(source),
                             rule="io") from None


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """Send any HTTP(S) request made meanwhile to a closed local port (see module doc)."""
    with _lock:
        saved = {name: os.environ.get(name) for name in (*_PROXY_VARS, "NO_PROXY", "no_proxy")}
        try:
            for name in _PROXY_VARS:
                os.environ[name] = _CLOSED
            os.environ.pop("NO_PROXY", None)
            os.environ.pop("no_proxy", None)
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def compile_source(source: str, name: str = "") -> Result:
    """Compile complete Typst ``source`` (template included) in an empty root folder."""
    import typst

    with tempfile.TemporaryDirectory(prefix="tei-edition-typst-") as root:
        packages = Path(root) / "packages"
        packages.mkdir()
        empty = Path(root) / "root"
        empty.mkdir()
        compiler = typst.Compiler(root=str(empty), font_paths=_fonts(tuple(font_dirs())),
                                  ignore_system_fonts=True, package_path=str(packages),
                                  package_cache_path=str(packages))
        notes: list[str] = []
        try:
            with _offline():
                try:
                    pdf, warnings = compiler.compile_with_warnings(
                        source.encode("utf-8"), format="pdf", pdf_standards=PDF_STANDARDS,
                        timestamp=TIMESTAMP)
                except typst.TypstError as exc:
                    if not str(getattr(exc, "message", exc)).startswith("PDF/UA-1 error"):
                        raise
                    # e.g. a private-use character no font has: still a tagged PDF
                    notes.append(f"written as tagged PDF, not PDF/UA-1: {_describe(exc, source)}")
                    pdf, warnings = compiler.compile_with_warnings(
                        source.encode("utf-8"), format="pdf", timestamp=TIMESTAMP)
        except typst.TypstError as exc:
            raise TransformError(f"Typst failed: {_describe(exc, source)}", name, rule="pdf") from None
    return Result(pdf, notes + [_describe(w, source) for w in warnings])


def render_pdf(markup: str, name: str = "", template_path: str | None = None) -> Result:
    """Typeset the stylesheet's ``markup`` with the template in front; return the PDF."""
    return compile_source(template(template_path) + "\n" + markup, name)


_WHERE = re.compile(r"┌─ \S*?:(\d+):(\d+)")


def _describe(diagnostic, source: str = "") -> str:
    """One line: Typst's message, the source line it points to, and its hints."""
    message = " ".join(str(getattr(diagnostic, "message", diagnostic)).split())
    where = _WHERE.search(str(getattr(diagnostic, "diagnostic", "")))
    if where:
        line = int(where.group(1))
        text = source.splitlines()[line - 1] if 0 < line <= source.count("\n") + 1 else ""
        message += f" at Typst line {line}:{where.group(2)}: {text.strip()[:120]!r}"
    hints = [" ".join(h.split()) for h in getattr(diagnostic, "hints", None) or []]
    return message + "".join(f" (hint: {h})" for h in hints)
