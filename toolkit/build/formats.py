"""Turn a parsed TEI document into the edition's formats with XSLT 3.0.

Each format is one entry stylesheet in ``xslt/`` (``html.xsl``, ``text.xsl``,
``print.xsl``); a user may replace it with a stylesheet of their own that
``xsl:import``s ours and overrides single templates. Stylesheets are compiled once per
process by :mod:`toolkit.core.saxon` (all of a build's first, :func:`prepare`) and reused
for every document; a document is handed to Saxon once for all its formats (pass the
same :class:`toolkit.core.saxon.Document` to each :func:`transform`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lxml import etree

from toolkit.build.registers import PARAM, find_registers
from toolkit.core import resources
from toolkit.core import saxon


@dataclass(frozen=True)
class Format:
    """An output format: its name on the command line, entry stylesheet and file suffix."""

    name: str
    stylesheet: str
    suffix: str


FORMATS: dict[str, Format] = {
    "html": Format("html", "html.xsl", ".html"),
    "text": Format("text", "text.xsl", ".txt"),
    "pdf": Format("pdf", "print.xsl", ".pdf"),
}


def stylesheet_path(fmt: Format, overrides: dict[str, Path] | None = None) -> Path:
    """The entry stylesheet of ``fmt``: the user's override if given, else ours."""
    return Path((overrides or {}).get(fmt.name) or resources.xslt_path(fmt.stylesheet))


def stylesheet_for(fmt: Format, overrides: dict[str, Path] | None = None) -> saxon.Stylesheet:
    """The compiled stylesheet for ``fmt``."""
    return saxon.compile_xslt(path=stylesheet_path(fmt, overrides))


def prepare(names: Iterable[str], overrides: dict[str, Path] | None = None) -> None:
    """Compile the stylesheets of the formats ``names`` before any transform locks Saxon."""
    saxon.prepare(stylesheet_path(FORMATS[n], overrides) for n in names)


def transform(source: etree._ElementTree | saxon.Document, fmt: Format,
              params: dict[str, object] | None = None, name: str = "",
              overrides: dict[str, Path] | None = None,
              registers: list[etree._ElementTree | saxon.Document] | None = None
              ) -> saxon.TransformResult:
    """Run the format's stylesheet over one document (parameters passed in, not baked in).

    ``registers`` are the register documents the source points to; when None and
    ``source`` is a tree they are found from the source's own file
    (:func:`toolkit.build.registers.find_registers`).
    """
    if registers is None and isinstance(source, etree._ElementTree):
        registers = find_registers(source).trees
    params = {**(params or {}), PARAM: registers} if registers else params
    return stylesheet_for(fmt, overrides).transform(source, params=params, name=name)
