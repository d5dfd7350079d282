"""Which schemas apply to a file: the validation plan.

The first source that names any wins:

1. ``--schema`` / ``--rules`` on the command line (``ValidationOptions.schemas/rules``);
2. ``schemas`` / ``rules`` in the project's configuration (the CLI puts them into the same
   two fields, see :mod:`toolkit.core.config`);
3. the document's own declarations (:mod:`toolkit.validate.xmlmodel`): ``<?xml-model?>``
   (several per file; an ``.rng`` declared with the RELAX NG namespace *and* the
   Schematron namespace is validated as a grammar *and* has its embedded Schematron run),
   ``<?oxygen RNGSchema?>``, ``xsi:schemaLocation``; remote hrefs go through the OASIS
   catalogs (:mod:`toolkit.validate.catalog`), never the network;
4. a file of the bundled edition (the toolkit's ``tei/`` folder) that declares nothing:
   the edition's ``schemas/edition.xsd`` and ``edition.sch``;
5. otherwise no schema: the checks run and an info finding says no schema was declared.

The same plan serves ``validate`` and ``build --validate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.core import resources
from toolkit.core.findings import Finding
from toolkit.validate import xmlmodel
from toolkit.validate.catalog import CatalogSet, is_remote
from toolkit.validate.engines.base import LoadContext, kind_of_path
from toolkit.validate.options import ValidationOptions


@dataclass(frozen=True)
class SchemaUse:
    """One schema to run over one file."""

    kind: str  # a key of toolkit.validate.engines.base.KINDS, or "unknown"
    path: Path
    phase: str | None = None
    origin: str = ""
    line: int | None = None  # of the declaration in the document, if declared there


_catalog_sets: dict[tuple, CatalogSet] = {}


def catalogs_for(options: ValidationOptions) -> CatalogSet:
    """The run's :class:`~toolkit.validate.catalog.CatalogSet` (one per process and options)."""
    key = (options.catalogs, options.schema_dir, options.use_env_catalogs)
    if key not in _catalog_sets:
        catalogs = CatalogSet(list(options.catalogs), options.schema_dir,
                              use_env=options.use_env_catalogs)
        catalogs.catalogs  # noqa: B018 - load now: a bad catalog is a usage error
        _catalog_sets[key] = catalogs
    return _catalog_sets[key]


def context_for(use: SchemaUse, options: ValidationOptions) -> LoadContext:
    """What the loader of ``use`` gets besides the file."""
    return LoadContext(catalogs_for(options), options.schema_timeout, use.phase)


def given(options: ValidationOptions) -> list[SchemaUse]:
    """The schemas and rules of the command line or the configuration, which every file of
    the run gets (none: each file's own declarations decide)."""
    uses = [SchemaUse(kind_of_path(schema) or "unknown", schema, options.phase, options.origin)
            for schema in options.schemas]
    uses += [SchemaUse("sch", rule, options.phase, options.origin) for rule in options.rules]
    return _dedupe(uses)


def plan(tree, path: Path | None, options: ValidationOptions,
         name: str) -> tuple[list[SchemaUse], list[Finding]]:
    """The schemas that apply to ``tree`` (see the module docstring) and findings about
    declarations that cannot be honoured."""
    uses: list[SchemaUse] = []
    notes: list[Finding] = []
    if options.schemas or options.rules:
        return given(options), notes
    declared = xmlmodel.declarations(tree)
    if declared:
        catalogs = catalogs_for(options)
        base = Path(path).resolve().parent if path is not None else None
        for decl in declared:
            if decl.kind == xmlmodel.UNSUPPORTED:
                notes.append(Finding(name, decl.line, None, "info",
                                     f"declared schema {decl.href} ({decl.schematypens or decl.type or 'unknown type'}) "
                                     "is of a kind tei-edition does not validate (DTD, NVDL ...): skipped",
                                     "schema-unsupported", source="validate"))
                continue
            found = catalogs.resolve_href(decl.href, base)
            if found.path is None:
                notes.append(_unavailable(name, decl, found, options, catalogs))
                continue
            uses.append(SchemaUse(decl.kind, found.path, decl.phase or options.phase,
                                  f"declared ({decl.origin})", decl.line))
        return _dedupe(uses), notes
    try:
        bundled = resources.data_dir("tei").resolve()
    except FileNotFoundError:
        bundled = None
    if bundled is not None and path is not None and bundled in Path(path).resolve().parents:
        for schema_name, kind in (("edition.xsd", "xsd"), ("edition.sch", "sch")):
            uses.append(SchemaUse(kind, resources.schema_path(schema_name), options.phase,
                                  "bundled edition"))
        return uses, notes
    notes.append(Finding(name, None, None, "info",
                         "no schema declared (no <?xml-model?>) and none given: only the "
                         "built-in checks ran; use --schema/--rules or add an <?xml-model?>",
                         "no-schema", source="validate"))
    return uses, notes


def _unavailable(name, decl, found, options, catalogs) -> Finding:
    if is_remote(decl.href):
        tried = f" (catalogs mapped it to {', '.join(found.tried)}, which does not exist)" \
            if found.tried else ""
        message = (f"declared {decl.label} schema {decl.href} is not available locally: "
                   f"no catalog maps it to a file{tried}. tei-edition never downloads schemas: "
                   "map it with --catalog FILE (an OASIS XML catalog), XML_CATALOG_FILES, or "
                   "put a copy in TEI_EDITION_SCHEMA_DIR (catalogs in use: "
                   f"{catalogs.describe()})")
    else:
        message = (f"declared {decl.label} schema {decl.href} not found "
                   f"(looked for {', '.join(found.tried) or decl.href})")
    return Finding(name, decl.line, None, options.unavailable, message, "schema-unavailable",
                   source="validate")


def _dedupe(uses: list[SchemaUse]) -> list[SchemaUse]:
    seen = set()
    out = []
    for use in uses:
        key = (use.kind, str(use.path.resolve()), use.phase)
        if key not in seen:
            seen.add(key)
            out.append(use)
    return out
