"""RELAX NG validation (XML syntax, and compact syntax through rnc2rng) with the toolkit's
own engine: James Clark's derivative algorithm, the one jing uses.

Why not libxml2
---------------
libxml2 (through lxml) compiled tei_all.rng in 9-36 s on every run, about half of it in
``xmlStrchr`` inside its RELAX NG compiler, never finished ``dracor_1.6.0.rng`` (700 s
tried), cannot be interrupted (one C call, so it needed a child process and a
protocol), cannot keep a compiled schema between runs, and reports only the first error
of an element. This engine:

* reads the schema into hash-consed patterns, simplified as the specification's
  section 4 says (:mod:`.simplify`), in well under a second for tei_all, with a deadline
  it checks itself (``--schema-timeout``): no child process;
* keeps the prepared patterns in the user's cache folder keyed by the schema's content
  hash (:mod:`.cache`), so a later run loads tei_all in tens of milliseconds;
* validates by derivatives remembered on the patterns (:mod:`.derive`), in effect an
  automaton built lazily for the states documents reach;
* recovers from each error as jing does and reports all of them, at the line and column
  jing gives (:mod:`.validator`, :mod:`.locations`).

Schema files are parsed with the toolkit's safe parser; ``include``/``externalRef`` to a
remote address goes through the run's OASIS catalogs, never the network.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.validate.engines.base import unchanged
from toolkit.validate.engines.relaxng import cache
from toolkit.validate.engines.relaxng.derive import Deriver
from toolkit.validate.engines.relaxng.locations import scan
from toolkit.validate.engines.relaxng.patterns import Builder, Pattern
from toolkit.validate.engines.relaxng.simplify import Reader, SchemaError
from toolkit.validate.engines.relaxng.validator import Walk

DEFAULT_TIMEOUT = 60.0
_STACK = 20000


class SchemaUnusable(ToolkitError):
    """The schema cannot be used in this run (does not load, or not in time)."""


class RelaxNGSchema:
    """A prepared RELAX NG schema: patterns, their remembered derivatives, the elements."""

    def __init__(self, path: Path, builder: Builder, start: Pattern, compile_seconds: float,
                 from_cache: bool, files: dict[str, str] | None = None) -> None:
        self.path = path
        #: path -> sha256 of every file read: the schema and what it includes
        self.files = files or {}
        self.start = start
        self.compile_seconds = compile_seconds
        self.from_cache = from_cache
        self._deriver = Deriver(builder)
        self._elements = builder.elements
        self._by_tag: dict[str, list[Pattern]] = {}

    def _named(self, tag: str) -> list[Pattern]:
        """The element patterns, anywhere in the schema, that allow the name ``tag``."""
        found = self._by_tag.get(tag)
        if found is None:
            found = self._by_tag[tag] = [e for e in self._elements if e.a.contains(tag)]
        return found

    def iter_findings(self, tree: etree._ElementTree, name: str,
                      path: Path | str | None = None) -> Iterator[Finding]:
        """Every RELAX NG error of ``tree`` (parsed from ``path``, reported as ``name``),
        in document order, at the line and column jing reports."""
        from toolkit.validate.engines.checks import xpath_of

        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _STACK))
        try:
            errors = Walk(self._deriver, self.start, self._named).run(tree.getroot())
        finally:
            sys.setrecursionlimit(limit)
        if not errors:
            return
        last = max(e.index for e in errors)
        elements = []
        for el in tree.getroot().iter(etree.Element):
            elements.append(el)
            if len(elements) > last:
                break
        positions = scan(tree, Path(path) if path is not None else None, elements)
        for error in errors:
            xpath = xpath_of(error.element)
            if positions is None:
                places = [(error.element.sourceline, None)]
            elif error.where.startswith("text-"):
                places = positions.text_before(error.where[5:], error.index)
            elif error.where == "start":
                places = [positions.start(error.index)]
            else:
                places = [positions.end(error.index)]
            for line, column in places or [(error.element.sourceline, None)]:
                yield Finding(name, line, column, "error", error.message, "relaxng", xpath,
                              "relaxng")

    def validate(self, tree: etree._ElementTree, name: str,
                 source: Path | None = None) -> list[Finding]:
        """The findings of :meth:`iter_findings`, as a list."""
        return list(self.iter_findings(tree, name, source))


_loaded: dict[tuple, RelaxNGSchema | SchemaUnusable] = {}


def load(path: Path | str, timeout: float = DEFAULT_TIMEOUT, catalogs=None) -> RelaxNGSchema:
    """The prepared schema at ``path``: from this process's memory, else the cache
    folder, else read and simplified within ``timeout`` seconds (then cached).

    ``catalogs`` (a :class:`toolkit.validate.catalog.CatalogSet`) map remote includes to
    local files. The argument order is the one ``run.py`` and the engine adapters use.

    Raises :class:`SchemaUnusable`, with the schema file and line to blame.
    """
    path = Path(path)
    catalogs_key = (f"{[str(f) for f in catalogs.files]}|{catalogs.schema_dir}"
                    if catalogs is not None else "")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaUnusable("RELAX NG schema not found" if isinstance(exc, FileNotFoundError)
                             else f"cannot read RELAX NG schema: {exc.strerror or exc}",
                             str(path), rule="schema-unavailable") from None
    key = cache.key_for(data, catalogs_key)
    remembered = _loaded.get((key, str(path.resolve())))
    if isinstance(remembered, SchemaUnusable):
        raise remembered
    if remembered is not None and unchanged(remembered.files):
        return remembered
    try:
        schema = _prepare(path, data, key, catalogs, timeout)
    except SchemaUnusable as exc:
        _loaded[(key, str(path.resolve()))] = exc
        raise
    _loaded[(key, str(path.resolve()))] = schema
    return schema


def _prepare(path: Path, data: bytes, key: str, catalogs, timeout: float) -> RelaxNGSchema:
    started = time.perf_counter()
    cache_file = cache.folder() / f"{key}.json"
    builder = Builder()
    found = cache.load(cache_file, builder)
    if found is not None and cache.files_unchanged(found[1]):
        return RelaxNGSchema(path, builder, found[0], time.perf_counter() - started, True,
                             found[1])
    builder = Builder()
    reader = Reader(builder, catalogs, time.monotonic() + timeout)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _STACK))
    try:
        start = reader.read(path)
    except SchemaError as exc:
        if exc.rule == "schema-timeout":
            raise SchemaUnusable(
                f"RELAX NG schema {path.name} did not compile within {timeout:g} s and was "
                "skipped for this run; give it more time with --schema-timeout SECONDS",
                exc.file or str(path), exc.line, rule="schema-timeout") from None
        raise SchemaUnusable(f"RELAX NG schema does not compile: {exc.message}",
                             exc.file or str(path), exc.line, rule=exc.rule) from None
    finally:
        sys.setrecursionlimit(limit)
    cache.save(cache_file, cache.dump(start, reader.files))
    return RelaxNGSchema(path, builder, start, time.perf_counter() - started, False,
                         dict(reader.files))


__all__ = ["DEFAULT_TIMEOUT", "RelaxNGSchema", "SchemaUnusable", "load"]
