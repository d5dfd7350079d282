"""Stage 2: check a parsed document against its schemas and rules; return findings.

This module decides *which* schemas apply to a file and runs them; each schema language
lives in a module of its own (``xsd``, ``relaxng``, ``schematron``), declarations are read
by ``xmlmodel``, remote addresses resolved by ``catalog``, and checks no schema can
express live in ``checks``.

Which schemas apply (the first source that names any wins):

1. ``--schema`` / ``--rules`` on the command line (``ValidationOptions.schemas/rules``);
2. ``schemas`` / ``rules`` in the project's configuration (the CLI puts them into the same
   two fields, see :mod:`toolkit.core.config`);
3. the document's own declarations: ``<?xml-model?>`` (several per file; an ``.rng``
   declared with the RELAX NG namespace *and* the Schematron namespace is validated as a
   grammar *and* has its embedded Schematron run), ``<?oxygen RNGSchema?>``,
   ``xsi:schemaLocation``; remote hrefs go through the OASIS catalogs, never the network;
4. a file of the bundled edition (the toolkit's ``tei/`` folder) that declares nothing:
   the edition's ``schemas/edition.xsd`` and ``edition.sch``;
5. otherwise no schema: the checks run and an info finding says no schema was declared.

Compiled schemas are cached per process (path + mtime), so the files of one run share them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core import resources
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_file

DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class ValidationOptions:
    """What to validate against and how; empty ``schemas`` and ``rules`` mean "find them"."""

    schemas: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    catalogs: tuple[Path, ...] = ()
    schema_dir: Path | None = None
    checks: bool = True
    schema_timeout: float = DEFAULT_TIMEOUT
    unavailable: str = "error"
    phase: str | None = None
    origin: str = "command line"
    use_env_catalogs: bool = True
    suggest: bool = False  # also report untagged mentions of register entries (annotate)


@dataclass(frozen=True)
class SchemaUse:
    """One schema to run over one file."""

    kind: str  # rng | rnc | xsd | sch
    path: Path
    phase: str | None = None
    origin: str = ""
    line: int | None = None  # of the declaration in the document, if declared there


@dataclass
class FileResult:
    """Everything a reporter needs about one file."""

    file: str
    findings: list[Finding]
    seconds: float = 0.0
    schemas: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


# ----------------------------------------------------------------------------- catalogs

_catalog_sets: dict[tuple, object] = {}


def catalogs_for(options: ValidationOptions):
    """The run's :class:`toolkit.validate.catalog.CatalogSet` (one per process and options)."""
    from toolkit.validate.catalog import CatalogSet

    key = (options.catalogs, options.schema_dir, options.use_env_catalogs)
    if key not in _catalog_sets:
        catalogs = CatalogSet(list(options.catalogs), options.schema_dir,
                              use_env=options.use_env_catalogs)
        catalogs.catalogs  # noqa: B018 - load now: a bad catalog is a usage error
        _catalog_sets[key] = catalogs
    return _catalog_sets[key]


# ----------------------------------------------------------------------------- planning

def _kind_of_path(path: Path, rules: bool) -> str:
    if rules:
        return "sch"
    suffix = path.suffix.lower()
    return {".rng": "rng", ".rnc": "rnc", ".xsd": "xsd", ".sch": "sch", ".odd": "sch"}.get(suffix, "unknown")


def plan(tree, path: Path, options: ValidationOptions, name: str) -> tuple[list[SchemaUse], list[Finding]]:
    """The schemas that apply to ``tree`` (see the module docstring) and findings about
    declarations that cannot be honoured."""
    from toolkit.validate import xmlmodel

    uses: list[SchemaUse] = []
    notes: list[Finding] = []
    if options.schemas or options.rules:
        for schema in options.schemas:
            uses.append(SchemaUse(_kind_of_path(schema, False), schema, options.phase, options.origin))
        for rule in options.rules:
            uses.append(SchemaUse("sch", rule, options.phase, options.origin))
        return _dedupe(uses), notes
    declared = xmlmodel.declarations(tree)
    if declared:
        catalogs = catalogs_for(options)
        base = Path(path).resolve().parent if path is not None else None
        for decl in declared:
            if decl.kind not in xmlmodel.KINDS:
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
    from toolkit.validate.catalog import is_remote

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


# ----------------------------------------------------------------------------- running

_schematron_cache: dict[tuple, object] = {}


def _schematron(path: Path, phase: str | None):
    from toolkit.validate.engines.schematron import load_schematron

    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, phase)
    value = _schematron_cache.get(key)
    if value is None:
        try:
            value = load_schematron(path, phase)
        except ToolkitError as exc:
            value = exc
        _schematron_cache[key] = value
    if isinstance(value, ToolkitError):
        raise value
    return value


def run_schema(use: SchemaUse, tree, name: str, source: Path | None,
               options: ValidationOptions) -> list[Finding]:
    """Findings of one schema over one tree; a schema that cannot be used is a finding."""
    try:
        if use.kind in ("rng", "rnc"):
            from toolkit.validate.engines import relaxng

            schema = relaxng.load(use.path, options.schema_timeout, catalogs_for(options))
            return schema.validate(tree, name, source)
        if use.kind == "xsd":
            from toolkit.validate.engines import xsd

            return xsd.validate(tree, name, xsd.load(use.path, catalogs_for(options)))
        if use.kind == "sch":
            if not use.path.is_file():
                raise ToolkitError("Schematron schema not found", str(use.path),
                                   rule="schema-unavailable")
            schema = _schematron(use.path, use.phase)
            if use.path.suffix.lower() in (".rng", ".odd") and not schema.pattern_ids:
                return []  # a grammar declared as Schematron that embeds no rules
            return schema.validate(tree, name)
        return [Finding(name, use.line, None, "error",
                        f"cannot tell the schema language of {use.path} (use .rng, .rnc, .xsd "
                        "or .sch)", "schema-unsupported", source="validate")]
    except ToolkitError as exc:
        where = f" ({exc.file}:{exc.line})" if exc.file and exc.line else \
            (f" ({exc.file})" if exc.file and exc.file not in exc.message else "")
        rule = exc.rule if exc.rule.startswith("schema") else "schema-invalid"
        return [Finding(name, use.line, None, "error",
                        f"{use.path.name}: {exc.message}{where}", rule, source=use.kind)]


def check_file(path: Path, options: ValidationOptions, name: str | None = None) -> FileResult:
    """Parse ``path``, run every applicable schema and the checks; never raises."""
    name = name or str(path)
    started = time.perf_counter()
    try:
        tree = parse_file(path)
    except ToolkitError as exc:
        finding = exc.finding()
        return FileResult(name, [Finding(name, finding.line, finding.column, finding.severity,
                                         finding.message, finding.rule, None, "parse")],
                          time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - one file must not stop the run
        return _internal(name, exc, started)
    result = check_tree(tree, path, options, name)
    result.timings = {"parse": time.perf_counter() - started - result.seconds, **result.timings}
    result.seconds = time.perf_counter() - started
    return result


def check_tree(tree, path: Path | None, options: ValidationOptions, name: str,
               lines: list[str] | None = None) -> FileResult:
    """Run every applicable schema and the checks over a parsed document; never raises.

    ``path`` is the file the tree stands for (its declarations and pointers are resolved
    relative to it); ``lines`` its text when that is not what is on disk (an editor's
    unsaved buffer), for the checks' columns.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    try:
        uses, findings = plan(tree, path, options, name)
        for use in uses:
            t = time.perf_counter()
            findings += run_schema(use, tree, name, path, options)
            kind = "rng" if use.kind == "rnc" else use.kind
            timings[kind] = timings.get(kind, 0.0) + time.perf_counter() - t
        if options.checks:
            from toolkit.validate.engines.checks import SourceText, run_checks

            t = time.perf_counter()
            text = SourceText(lines) if lines is not None else None
            findings += run_checks(tree, name, path, text)
            timings["checks"] = time.perf_counter() - t
        if options.suggest:
            from toolkit.annotate.run import suggest

            findings += suggest(path, name)
        findings = sorted(_unique(findings), key=Finding.sort_key)
        return FileResult(name, findings, time.perf_counter() - started,
                          [f"{u.kind}:{u.path}" for u in uses], timings)
    except Exception as exc:  # noqa: BLE001 - one file must not stop the run
        return _internal(name, exc, started)


def _internal(name: str, exc: Exception, started: float) -> FileResult:
    import traceback

    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return FileResult(name, [Finding(name, None, None, "error",
                                     f"internal error while validating: {detail}",
                                     "internal-error", source="toolkit")],
                      time.perf_counter() - started)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.line, f.column, f.severity, f.message, f.rule, f.xpath)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def validate_file(path: Path, options: ValidationOptions) -> list[Finding]:
    """Parse ``path`` and run every applicable schema (and the checks) over it."""
    return check_file(path, options).findings


def check_item(item: tuple[str, str, ValidationOptions]) -> FileResult:
    """``check_file`` for :func:`toolkit.core.parallel.run_ordered` (path, name, options)."""
    path, name, options = item
    return check_file(Path(path), options, name)
