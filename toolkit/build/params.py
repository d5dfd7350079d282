"""The stylesheet parameters ``--param NAME=VALUE`` takes: one table, checked before a build.

Why a table: a stylesheet takes any string for any parameter it declares and ignores the
ones it does not, so ``colour=red``, ``width=abc``, ``lang=tt``, ``page-size=huge`` or
``sections=txt`` were accepted in silence and gave a default, a broken or an empty page.
Here each parameter has its formats, its default and what it accepts, once; ``build``
and ``serve`` refuse an unknown name or a bad value (exit 2) with the accepted values;
the README's parameter table is :func:`markdown_table` of it (a test compares them), and
another test checks that the stylesheets declare exactly these parameters with these
defaults.

A user's own stylesheet (``--stylesheet FORMAT=FILE``) may declare parameters of its own:
those are accepted as they are (:func:`declared_in`), and ``lang`` then takes any
language tag, since an override may add labels for its language
(``ed:label-overrides``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

XSL = "http://www.w3.org/1999/XSL/Transform"

_CSS_LENGTH = r"(?:\d+(?:\.\d+)?|\.\d+)(?:mm|cm|in|pt|pc|px|q|em|rem)"
#: CSS page-size keywords (CSS Paged Media), as WeasyPrint takes them
_CSS_PAGES = ("a[0-9]|a10|b[0-9]|b10|c[0-9]|c10|jis-b[0-9]|jis-b10|letter|legal|ledger")
_CSS_PAGE_SIZE = re.compile(
    rf"^(?:(?:{_CSS_PAGES})(?:\s+(?:portrait|landscape))?"
    rf"|(?:portrait|landscape)(?:\s+(?:{_CSS_PAGES}))?"
    rf"|{_CSS_LENGTH}(?:\s+{_CSS_LENGTH})?)$", re.I)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

#: The PDF engines (``toolkit.build.formats.PDF_ENGINES``; typst the default). ``None``
#: below: not known before the build (a user's pdf stylesheet picks its engine by what it
#: writes), so a value either engine takes is accepted.
ENGINES = ("typst", "weasyprint")


def _css_href(value: str, engine: str | None) -> bool:
    """An http(s) URL or a relative one: no other scheme (``javascript:``), no quotes."""
    if value == "":
        return True
    if re.search(r"[\s\"'<>\\]", value):
        return False
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", value)
    return scheme is None or scheme.group(1).lower() in ("http", "https")


def _downloads(value: str, engine: str | None) -> bool:
    return all(v in ("text", "pdf", "tei") for v in re.split(r"[,\s]+", value.lower()) if v)


def _base_url(value: str, engine: str | None) -> bool:
    """http(s), as the configuration's ``base-url`` must be: the address a reader opens."""
    return value == "" or (value.startswith(("http://", "https://"))
                           and not re.search(r"[\s\"'<>\\]", value))


def _page_path(value: str, engine: str | None) -> bool:
    """A path under ``base-url``: relative, no ``..``, nothing a URL cannot carry."""
    return not (value.startswith("/") or ".." in value.split("/")
                or re.search(r"[\s\"'<>\\:?#]", value))


def _width(value: str, engine: str | None) -> bool:
    return value.isdigit() and int(value) >= 20


def typst_papers() -> tuple[str, ...]:
    """The paper names of the installed Typst, as its own error for an unknown one lists
    them (so the list is never out of date with the wheel); empty if that cannot be read."""
    return _typst_papers()


@lru_cache(maxsize=1)
def _typst_papers() -> tuple[str, ...]:
    try:
        import typst

        typst.compile(b'#set page(paper: "?")', format="pdf")
    except ImportError:
        return ()
    except Exception as exc:  # typst.TypstError: 'expected "a0", "a1", ... or "..."'
        return tuple(re.findall(r'"([^"?]+)"', str(exc)))
    return ()


def _typst_paper(value: str) -> bool:
    """What ``xslt/typst/document.xsl`` passes to Typst's ``paper``: the value lower-cased,
    letters, digits and hyphens kept, ``letter``/``legal``/``tabloid`` as ``us-...``."""
    paper = re.sub(r"[^a-z0-9\-]", "", value.lower())
    paper = f"us-{paper}" if paper in ("letter", "legal", "tabloid") else paper
    papers = typst_papers()
    return paper in papers if papers else bool(paper)


def _page_size(value: str, engine: str | None) -> bool:
    typst_ok = engine != "weasyprint" and _typst_paper(value)
    return typst_ok or (engine != "typst" and bool(_CSS_PAGE_SIZE.match(value)))


def _font_size(value: str, engine: str | None) -> bool:
    """Typst: points, with or without ``pt`` (what typst.xsl reads: more than 4, less than
    40); WeasyPrint: a CSS length."""
    points = re.fullmatch(r"((?:\d+(?:\.\d+)?|\.\d+))(?:pt)?", value, re.I)
    typst_ok = engine != "weasyprint" and bool(points) and 4 < float(points.group(1)) < 40
    return typst_ok or (engine != "typst" and bool(re.fullmatch(_CSS_LENGTH, value, re.I)))


def _file(value: str, engine: str | None) -> bool:
    return Path(value).is_file()


@dataclass(frozen=True)
class Param:
    """One stylesheet parameter: where it applies, its default and what it accepts."""

    name: str
    formats: tuple[str, ...]  # ("html", "text", "pdf"), or those it applies to
    default: str
    accepts: str  # what the README and the error message say it takes
    meaning: str
    values: tuple[str, ...] = ()  # the choices, when it is one of them (default first)
    #: for values that are not a choice: is ``value`` accepted by the PDF ``engine``
    check: Callable[[str, str | None], bool] | None = None
    multiple: bool = False  # a comma list of ``values``
    engine: str | None = None  # the one PDF engine that reads it
    toolkit: bool = False  # read by the toolkit, not passed to a stylesheet's xsl:param

    def problem(self, value: str, engine: str | None = None) -> str | None:
        """Why ``value`` is not accepted (by the PDF ``engine``), or None when it is."""
        if self.multiple:
            items = [v for v in re.split(r"[,;\s]+", value.strip().lower()) if v]
            wrong = [v for v in items if v not in self.values]
            if not items or wrong:
                named = f"{', '.join(map(repr, wrong))} " if wrong else "an empty list "
                return (f"{named}is not a comma list of {', '.join(self.values)} "
                        f"(default {self.default})")
            return None
        if self.values:
            if value.strip().lower() in (v.lower() for v in self.values):
                return None
            return f"{value!r} is not one of {', '.join(self.values)} (default {self.default})"
        if self.check is not None and not self.check(value.strip(), engine):
            accepts = self.accepts.replace("`", "")
            if engine and self.formats == ("pdf",) and self.engine is None:
                return (f"{value!r} is not accepted by pdf-engine={engine}: it takes "
                        f"{accepts} (default {self.default})")
            return f"{value!r} is not {accepts} (default {self.default})"
        return None


ALL = ("html", "text", "pdf")

#: every parameter the toolkit's stylesheets take, in the README's order
PARAMS: dict[str, Param] = {p.name: p for p in (
    Param("lang", ALL, "en", "`en`, `de`, `fr`", "language of the labels the edition adds",
          values=("en", "de", "fr")),
    Param("sections", ("html",), "about,text,notes,registers,citation",
          "a comma list of `about`, `text`, `notes`, `registers`, `citation`",
          "which parts of the page to show", multiple=True,
          values=("about", "text", "notes", "registers", "citation")),
    Param("toggle", ("html",), "on", "`on`, `off`", "the diplomatic/normalised reading button",
          values=("on", "off")),
    Param("css-href", ("html",), "none", "an http(s) or relative URL",
          "an extra stylesheet to link", check=_css_href),
    Param("downloads", ("html",), "none", "a comma list of `text`, `pdf`, `tei`",
          "the files beside the page it links as downloads (build sets it to what it writes)",
          check=_downloads),
    Param("base-url", ALL, "none", "an http(s) URL",
          "the edition's address, for canonical URLs and the edition's citation (build "
          "reads the project's `base-url`)", check=_base_url),
    Param("page-path", ALL, "none", "a relative path without suffix, such as `front/sources`",
          "the page's path under `base-url` (build sets it)", check=_page_path),
    Param("reading", ("text", "pdf"), "normalised", "`normalised`, `diplomatic`",
          "which reading of `choice`", values=("normalised", "diplomatic")),
    Param("width", ("text",), "72", "a whole number, 20 or more", "line width in characters",
          check=_width),
    Param("pdf-engine", ("pdf",), "typst", "`typst`, `weasyprint`",
          "which engine typesets the PDF", values=ENGINES, toolkit=True),
    Param("page-size", ("pdf",), "a4",
          "a Typst paper name such as `a4`, `a5`, `us-letter` (or `letter`, `legal`, "
          "`tabloid`); WeasyPrint: a CSS page size (`A4`, `letter` ..., optionally "
          "`landscape`) or one or two CSS lengths such as `170mm 240mm`", "the page size",
          check=_page_size),
    Param("font-size", ("pdf",), "10.5", "points, more than 4 and less than 40 (such as "
          "`11`); WeasyPrint: a CSS length such as `11pt` or `4mm`",
          "base font size of the text", check=_font_size),
    Param("apparatus", ("pdf",), "inline", "`inline`, `lines`",
          "variants after the lemma in brackets, or line numbers in the margin and "
          "\"line lemma] reading Wit.\" at the foot of the page", values=("inline", "lines"),
          engine="typst"),
    Param("typst-template", ("pdf",), "none", "a Typst file",
          "a template of your own instead of `xslt/typst/edition.typ` (read by the "
          "toolkit, never by Typst)", check=_file, engine="typst", toolkit=True),
    Param("toc", ("pdf",), "auto", "`auto`, `yes`, `no`",
          "table of contents (`auto`: a teiCorpus, or 3+ headed chapters)",
          values=("auto", "yes", "no")),
    Param("about", ("pdf",), "yes", "`yes`, `no`", "the \"about this edition\" pages",
          values=("yes", "no")),
    Param("index", ("pdf",), "yes", "`yes`, `no`", "the index of persons, places and "
          "organisations", values=("yes", "no")),
)}


def check(params: Iterable[tuple[str, str]], overrides: dict[str, Path] | None = None
          ) -> list[str]:
    """Why each of ``params`` (``NAME=VALUE`` pairs) is not accepted: an empty list when
    all are. The parameters a user's stylesheet declares are accepted as they are."""
    own = set()
    for path in (overrides or {}).values():
        own |= declared_in(path)
    params = list(params)
    engine = pdf_engine(params, overrides)
    problems = []
    for name, value in params:
        param = PARAMS.get(name)
        if param is None:
            if name not in own:
                problems.append(_unknown(name, own))
            continue
        if name == "lang" and overrides and _LANGUAGE_TAG.match(value.strip()):
            continue  # an override may add labels in its own language
        if param.engine and engine and param.engine != engine:
            problems.append(f"{name}: only pdf-engine={param.engine} reads it "
                            f"(this build's is {engine})")
            continue
        problem = param.problem(value, engine)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def pdf_engine(params: Iterable[tuple[str, str]], overrides: dict[str, Path] | None = None
               ) -> str | None:
    """The PDF engine ``params`` choose (typst when none is named); None when a user's pdf
    stylesheet decides it by what it writes (HTML for WeasyPrint)."""
    named = [v.strip().lower() for k, v in params if k == "pdf-engine"]
    if named:
        return named[-1] if named[-1] in ENGINES else None
    return None if "pdf" in (overrides or {}) else ENGINES[0]


def _unknown(name: str, own: set[str]) -> str:
    import difflib

    names = [*PARAMS, *sorted(own)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown parameter {name!r}: {hint}the parameters are {', '.join(names)}"


def declared_in(stylesheet: Path) -> set[str]:
    """The global ``xsl:param`` names (without a namespace) of ``stylesheet`` and the local
    files it imports or includes: what a user's stylesheet adds to :data:`PARAMS`."""
    from toolkit.core.parse import safe_parser
    from toolkit.core.saxon import stylesheet_files

    names: set[str] = set()
    for file in stylesheet_files(Path(stylesheet)):
        try:
            root = etree.fromstring(file.read_bytes(), safe_parser())
        except (OSError, etree.XMLSyntaxError):
            continue
        for param in root.findall(f"{{{XSL}}}param"):
            name = param.get("name") or ""
            if name and ":" not in name:
                names.add(name)
    return names


def markdown_table() -> str:
    """The README's parameter table (a test checks the README holds exactly this)."""
    rows = ["| parameter | formats | default | accepts | meaning |", "|---|---|---|---|---|"]
    for param in PARAMS.values():
        formats = "all" if param.formats == ALL else ", ".join(param.formats)
        formats += f" ({param.engine})" if param.engine else ""
        default = f"`{param.default}`" if param.default != "none" else "none"
        rows.append(f"| `{param.name}` | {formats} | {default} | {param.accepts} | "
                    f"{param.meaning} |")
    return "\n".join(rows) + "\n"
