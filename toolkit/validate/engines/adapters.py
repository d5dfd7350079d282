"""The RELAX NG and Schematron modules behind the engine protocol of :mod:`.base`.

:mod:`.relaxng` (``load(path, timeout, catalogs)``) and :mod:`.schematron` (``load(path,
context)``) return schemas with ``iter_findings`` but not :class:`~.base.Engine` s, and
raise their own ``SchemaUnusable`` / ``SchematronError``. These thin
wrappers give both the one signature and the one error class every engine has. Once those
modules define ``load(path, context) -> Engine`` raising ``SchemaUnusable``, the wrappers
go and the table in :mod:`toolkit.validate.engines` names their loaders directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.xinclude import origins_of
from toolkit.validate.engines.base import Engine, LoadContext, SchemaUnusable


def unusable(exc: ToolkitError) -> SchemaUnusable:
    """``exc`` (a module's own load error) as the one :class:`SchemaUnusable`."""
    if isinstance(exc, SchemaUnusable):
        return exc
    rule = exc.rule if exc.rule.startswith("schema") else "schema-invalid"
    return SchemaUnusable(exc.message, exc.file, exc.line, exc.column, rule)


class _Wrapped(Engine):
    """An engine over a loaded schema object of a module with an API of its own."""

    def __init__(self, schema) -> None:
        self.schema = schema
        self.path = schema.path
        self.files = getattr(schema, "files", {})


class RelaxNGEngine(_Wrapped):
    """A RELAX NG schema (XML or compact syntax) compiled by :mod:`.relaxng`."""

    kind = "rng"

    def iter_findings(self, tree: etree._ElementTree, name: str,
                      path: Path | None = None) -> Iterator[Finding]:
        # the engine finds jing's columns in the text of ``path``; elements XIncluded from
        # other files are not in that text, so such a tree is located by element lines
        text = path if origins_of(tree) is None else None
        yield from self.schema.iter_findings(tree, name, text)


def load_relaxng(path: Path, context: LoadContext = LoadContext()) -> RelaxNGEngine:
    from toolkit.validate.engines import relaxng  # imported when a RELAX NG schema is used

    try:
        return RelaxNGEngine(relaxng.load(path, context.timeout, context.catalogs))
    except ToolkitError as exc:
        raise unusable(exc) from None


class SchematronEngine(_Wrapped):
    """ISO Schematron (standalone, or embedded in RELAX NG or an ODD) run by Saxon."""

    kind = "sch"

    def iter_findings(self, tree: etree._ElementTree, name: str,
                      path: Path | None = None) -> Iterator[Finding]:
        if self.path.suffix.lower() in (".rng", ".odd") and not self.schema.pattern_ids:
            return  # a grammar declared as Schematron too, that embeds no rules
        yield from self.schema.iter_findings(tree, name, path)


def load_schematron(path: Path, context: LoadContext = LoadContext()) -> SchematronEngine:
    from toolkit.validate.engines import schematron  # and Saxon: only when rules are used

    try:
        return SchematronEngine(schematron.load(path, context))
    except ToolkitError as exc:
        raise unusable(exc) from None
