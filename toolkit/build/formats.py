"""Turn a parsed TEI document into the edition's formats with XSLT 3.0.

Each format is one entry stylesheet in ``xslt/`` (``html.xsl``, ``text.xsl``, and for
the PDF ``typst.xsl`` or ``print.xsl`` by engine); a user may replace it with a
stylesheet of their own that ``xsl:import``s ours and overrides single templates. Stylesheets are compiled once per
process by :mod:`toolkit.core.saxon` (all of a build's first, :func:`prepare`) and reused
for every document; a document is handed to Saxon once for all its formats (pass the
same :class:`toolkit.core.saxon.Document` to each :func:`transform`).

The PDF has two engines, chosen with ``--param pdf-engine=typst|weasyprint``: Typst
(the default: ``typst.xsl`` writes Typst markup, :mod:`toolkit.build.typst` compiles
it) and WeasyPrint (``print.xsl`` writes paged HTML, :mod:`toolkit.build.pdf` lays it
out). See the README for why Typst is the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lxml import etree

from toolkit.build.registers import find_registers
from toolkit.core import resources
from toolkit.core import saxon
from toolkit.core.errors import UsageError


@dataclass(frozen=True)
class Format:
    """An output format: its name on the command line, entry stylesheet and file suffix."""

    name: str
    stylesheet: str
    suffix: str


FORMATS: dict[str, Format] = {
    "html": Format("html", "html.xsl", ".html"),
    "text": Format("text", "text.xsl", ".txt"),
    "pdf": Format("pdf", "typst.xsl", ".pdf"),
}

#: PDF engines and the entry stylesheet each reads; the first is the default.
PDF_ENGINES: dict[str, Format] = {
    "typst": Format("pdf", "typst.xsl", ".pdf"),
    "weasyprint": Format("pdf", "print.xsl", ".pdf"),
}
DEFAULT_PDF_ENGINE = "typst"


def pdf_engine(params: dict[str, object] | None) -> str:
    """The PDF engine the ``pdf-engine`` parameter names (default: typst)."""
    name = str((params or {}).get("pdf-engine") or DEFAULT_PDF_ENGINE).strip().lower()
    if name not in PDF_ENGINES:
        raise UsageError(f"unknown pdf-engine {name!r}: use one of {', '.join(PDF_ENGINES)}",
                         "--param pdf-engine", rule="usage")
    return name


def format_for(name: str, params: dict[str, object] | None = None) -> Format:
    """The format ``name``; for ``pdf``, the entry stylesheet of the chosen engine."""
    return PDF_ENGINES[pdf_engine(params)] if name == "pdf" else FORMATS[name]


def stylesheet_path(fmt: Format, overrides: dict[str, Path] | None = None) -> Path:
    """The entry stylesheet of ``fmt``: the user's override if given, else ours."""
    return Path((overrides or {}).get(fmt.name) or resources.xslt_path(fmt.stylesheet))


def stylesheet_for(fmt: Format, overrides: dict[str, Path] | None = None) -> saxon.Stylesheet:
    """The compiled stylesheet for ``fmt``."""
    return saxon.compile_xslt(path=stylesheet_path(fmt, overrides))


def prepare(names: Iterable[str], overrides: dict[str, Path] | None = None,
            params: dict[str, object] | None = None) -> None:
    """Compile the stylesheets of the formats ``names`` (the PDF's for the engine
    ``params`` choose) before any transform locks Saxon."""
    saxon.prepare(stylesheet_path(format_for(n, params), overrides) for n in names)


def transform(source: etree._ElementTree | saxon.Document, fmt: Format,
              params: dict[str, object] | None = None, name: str = "",
              overrides: dict[str, Path] | None = None,
              registers: dict[str, list] | None = None) -> saxon.TransformResult:
    """Run the format's stylesheet over one document (parameters passed in, not baked in).

    ``registers`` are the stylesheet parameters of the register documents
    (:meth:`toolkit.build.registers.Registers.params`); when None and ``source`` is a tree
    they are found from the source's own file
    (:func:`toolkit.build.registers.find_registers`).
    """
    if registers is None and isinstance(source, etree._ElementTree):
        registers = find_registers(source).params()
    params = {**(params or {}), **(registers or {})}
    return stylesheet_for(fmt, overrides).transform(source, params=params, name=name)
