"""Check one file: parse it, run every engine its plan names and the checks; never raise.

:func:`check_file` is what ``validate`` runs per file (in worker processes for
``--jobs``); :func:`check_tree` is the same on a tree already parsed, which is how
``build --validate`` validates a document it then transforms. Engines come from
:func:`toolkit.validate.engines.base.load` (cached per process by schema content), so the
files of one run share every compiled schema. Findings in XIncluded content name the
included file (:func:`toolkit.validate.locate.relocate`).
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.core.errors import ToolkitError, UsageError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_file
from toolkit.core.tei import root_problem
from toolkit.validate.engines.base import KINDS, load
from toolkit.validate.locate import relocate
from toolkit.validate.options import DEFAULT_TIMEOUT, ValidationOptions  # noqa: F401
from toolkit.validate.plan import SchemaUse, catalogs_for, context_for, given, plan  # noqa: F401


@dataclass
class FileResult:
    """Everything a reporter needs about one file."""

    file: str
    findings: list[Finding]
    seconds: float = 0.0
    schemas: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    #: False when the file could not be read at all (missing, a folder, a FIFO, no
    #: permission): counted apart from the files checked, and exit code 2
    readable: bool = True

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def run_schema(use: SchemaUse, tree, name: str, source: Path | None,
               options: ValidationOptions) -> list[Finding]:
    """Findings of one schema over one tree; a schema that cannot be used is a finding."""
    if use.kind not in KINDS:
        return [Finding(name, use.line, None, "error",
                        f"cannot tell the schema language of {use.path} (use .rng, .rnc, .xsd "
                        "or .sch)", "schema-unsupported", source="validate")]
    try:
        return load(use.kind, use.path, context_for(use, options)).findings(tree, name, source)
    except ToolkitError as exc:
        where = f" ({exc.file}:{exc.line})" if exc.file and exc.line else \
            (f" ({exc.file})" if exc.file and exc.file not in exc.message else "")
        rule = exc.rule if exc.rule.startswith("schema") else "schema-invalid"
        return [Finding(name, use.line, None, "error",
                        f"{use.path.name}: {exc.message}{where}", rule, source=use.kind)]


def check_tree(tree, path: Path | None, options: ValidationOptions, name: str,
               lines: list[str] | None = None) -> FileResult:
    """Run the plan of ``tree`` (the parsed file ``path``) and the checks over it; never
    raises.

    ``path`` is the file the tree stands for (its declarations and pointers are resolved
    relative to it); ``lines`` its text when that is not what is on disk (an editor's
    unsaved buffer), for the checks' columns.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    try:
        uses, findings = plan(tree, path, options, name)
        findings += _root_findings(tree, name, uses, lines)
        for use in uses:
            t = time.perf_counter()
            findings += run_schema(use, tree, name, path, options)
            kind = "rng" if use.kind == "rnc" else use.kind
            timings[kind] = timings.get(kind, 0.0) + time.perf_counter() - t
        if options.checks:
            t = time.perf_counter()
            findings += list(load("checks", None).iter_findings(tree, name, path, lines))
            timings["checks"] = time.perf_counter() - t
        if options.suggest and path is not None:
            from toolkit.annotate.run import suggest  # only with --suggest: ~40 ms of imports

            findings += suggest(path, name)
        findings = sorted(_unique(relocate(findings, tree, name)), key=Finding.sort_key)
    except Exception as exc:  # noqa: BLE001 - one file must not stop the run
        return _internal(name, exc, started)
    return FileResult(name, findings, time.perf_counter() - started,
                      [f"{u.kind}:{u.path}" for u in uses], timings)


def _root_findings(tree, name: str, uses: list[SchemaUse], lines) -> list[Finding]:
    """A root that is not TEI (:func:`toolkit.core.tei.root_problem`) is an error when no
    schema applies (one given, configured or declared decides what the root may be:
    DraCor's ``dracorCorpus`` under its Schematron); a TEI root without the TEI namespace
    always is."""
    problem = root_problem(tree, name, lines)
    if problem is None:
        return []
    return [problem] if problem.rule == "tei-namespace" or not uses else []


def check_file(path: Path, options: ValidationOptions, name: str | None = None) -> FileResult:
    """Parse ``path``, run every applicable schema and the checks; never raises."""
    name = name or str(path)
    started = time.perf_counter()
    try:
        tree = parse_file(path)
    except ToolkitError as exc:
        finding = exc.finding()
        return FileResult(name, [Finding(finding.file if finding.file != str(path) else name,
                                         finding.line, finding.column, finding.severity,
                                         finding.message, finding.rule, None, "parse")],
                          time.perf_counter() - started,
                          readable=not isinstance(exc, UsageError))
    except Exception as exc:  # noqa: BLE001 - one file must not stop the run
        return _internal(name, exc, started)
    parsed = time.perf_counter() - started
    result = check_tree(tree, path, options, name)
    result.seconds += parsed
    result.timings = {"parse": parsed, **result.timings}
    return result


def _internal(name: str, exc: Exception, started: float) -> FileResult:
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return FileResult(name, [Finding(name, None, None, "error",
                                     f"internal error while validating: {detail}",
                                     "internal-error", source="toolkit")],
                      time.perf_counter() - started)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.file, f.line, f.column, f.severity, f.message, f.rule, f.xpath)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def check_item(item: tuple[str, str, ValidationOptions]) -> FileResult:
    """``check_file`` for an executor (:mod:`toolkit.core.executors`): (path, name, options)."""
    path, name, options = item
    return check_file(Path(path), options, name)


def item_path(item: tuple[str, str, ValidationOptions]) -> str:
    return item[0]


def crashed(item: tuple[str, str, ValidationOptions], reason: str) -> FileResult:
    """The result of a file whose worker process died while checking it."""
    name = item[1]
    return FileResult(name, [Finding(name, None, None, "error", reason, "worker",
                                     source="toolkit")])


def warm(options: ValidationOptions) -> None:
    """Compile, once per worker, what every file of the run will use: the schemas and rules
    given or configured, the catalogs, the checks. Schemas that files declare themselves
    compile on first use and stay cached in the worker as well."""
    catalogs_for(options)
    for use in given(options):
        if use.kind in KINDS:
            try:
                load(use.kind, use.path, context_for(use, options))
            except ToolkitError:
                pass  # every file reports it, located
    if options.checks:
        load("checks", None)


def work(options: ValidationOptions):
    """What ``validate`` asks an executor to do over items ``(path, name, options)``."""
    from functools import partial

    from toolkit.core.executors import Work

    #: ~2 MB/s per worker: a TEI file with its declared RELAX NG and Schematron, measured
    #: on the shared corpus; only the first batches on Dask use it
    return Work(check_item, item_path, crashed, partial(warm, options), rate=2e6)

