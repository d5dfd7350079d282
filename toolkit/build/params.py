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
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

XSL = "http://www.w3.org/1999/XSL/Transform"

_CSS_LENGTH = r"(?:\d+(?:\.\d+)?|\.\d+)(?:mm|cm|in|pt|pc|px|q|em|rem)"
#: CSS page-size keywords (CSS Paged Media), as WeasyPrint takes them
_CSS_PAGES = ("a[0-9]|a10|b[0-9]|b10|c[0-9]|c10|jis-b[0-9]|jis-b10|letter|legal|ledger")
_PAGE_SIZE = re.compile(
    rf"^(?:(?:{_CSS_PAGES})(?:\s+(?:portrait|landscape))?"
    rf"|(?:portrait|landscape)(?:\s+(?:{_CSS_PAGES}))?"
    rf"|{_CSS_LENGTH}(?:\s+{_CSS_LENGTH})?)$", re.I)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


def _css_href(value: str) -> bool:
    """An http(s) URL or a relative one: no other scheme (``javascript:``), no quotes."""
    if value == "":
        return True
    if re.search(r"[\s\"'<>\\]", value):
        return False
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", value)
    return scheme is None or scheme.group(1).lower() in ("http", "https")


def _width(value: str) -> bool:
    return value.isdigit() and int(value) >= 20


@dataclass(frozen=True)
class Param:
    """One stylesheet parameter: where it applies, its default and what it accepts."""

    name: str
    formats: tuple[str, ...]  # ("html", "text", "pdf"), or those it applies to
    default: str
    accepts: str  # what the README and the error message say it takes
    meaning: str
    values: tuple[str, ...] = ()  # the choices, when it is one of them (default first)
    check: Callable[[str], bool] | None = None  # for values that are not a choice
    multiple: bool = False  # a comma list of ``values``

    def problem(self, value: str) -> str | None:
        """Why ``value`` is not accepted, or None when it is."""
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
        if self.check is not None and not self.check(value.strip()):
            return f"{value!r} is not {self.accepts.replace('`', '')} (default {self.default})"
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
    Param("reading", ("text", "pdf"), "normalised", "`normalised`, `diplomatic`",
          "which reading of `choice`", values=("normalised", "diplomatic")),
    Param("width", ("text",), "72", "a whole number, 20 or more", "line width in characters",
          check=_width),
    Param("page-size", ("pdf",), "A4",
          "`A4`, `A5`, `letter` ... (CSS page sizes, optionally `landscape`), or one or two "
          "CSS lengths such as `170mm 240mm`", "the page size",
          check=lambda v: bool(_PAGE_SIZE.match(v))),
    Param("font-size", ("pdf",), "10.5pt", "a CSS length such as `11pt` or `4mm`",
          "base font size of the text", check=lambda v: bool(re.fullmatch(_CSS_LENGTH, v, re.I))),
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
    problems = []
    for name, value in params:
        param = PARAMS.get(name)
        if param is None:
            if name not in own:
                problems.append(_unknown(name, own))
            continue
        if name == "lang" and overrides and _LANGUAGE_TAG.match(value.strip()):
            continue  # an override may add labels in its own language
        problem = param.problem(value)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


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
        default = f"`{param.default}`" if param.default != "none" else "none"
        rows.append(f"| `{param.name}` | {formats} | {default} | {param.accepts} | "
                    f"{param.meaning} |")
    return "\n".join(rows) + "\n"
