"""``tei-edition validate``: check SOURCES against their schemas and the reference checks."""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import click

from toolkit.core import resources
from toolkit.core import sources as source_list
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.executors import open_executor, require_same_folder
from toolkit.core.parallel import default_jobs
from toolkit.core.write import atomic_write
from toolkit.validate import reporters
from toolkit.validate.plan import catalogs_for
from toolkit.validate.run import FileResult, work
from toolkit.cli.ui import (CONTEXT, ConfiguredCommand, Ui, common, executor_options,
                            executor_spec, exit_code, jobs_option, pairs, validation_options)

REPORT_FORMATS = ("text", "json", "junit", "github", "sarif")


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--schema", "schemas", multiple=True, type=click.Path(path_type=Path),
              metavar="FILE",
              help="Grammar (XSD, RELAX NG .rng/.rnc; a .sch is taken as rules), repeatable; "
                   "replaces configured and declared schemas.")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="ISO Schematron (.sch, or embedded in .rng/.odd), repeatable.")
@click.option("--phase", default=None, help="Schematron phase (default: the schema's defaultPhase).")
@click.option("--catalog", "catalogs", multiple=True, type=click.Path(path_type=Path),
              metavar="FILE", help="OASIS XML catalog mapping remote schema URLs to local files "
                                   "(repeatable; also XML_CATALOG_FILES).")
@click.option("--schema-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of local TEI/EpiDoc/DraCor schema copies for the built-in catalog "
                   "(also TEI_EDITION_SCHEMA_DIR).")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS),
              default="text", show_default=True, help="Report format.")
@click.option("--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="FILE", help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=FILE",
              help="Also write a report in FORMAT to FILE from the same run (repeatable), "
                   "e.g. --format github --report sarif=results.sarif.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding of this severity or worse exists [default: error].")
@click.option("--checks/--no-checks", "checks", default=None,
              help="Pointer, xml:id and date checks [default: on].")
@click.option("--schema-timeout", type=click.FloatRange(min=0.1), default=None, metavar="SECONDS",
              help="Time a RELAX NG schema may take to compile [default: 60].")
@click.option("--unavailable", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Severity of a declared schema that cannot be found locally [default: error].")
@click.option("-j", "--jobs", "jobs", default=None, callback=jobs_option,
              help="Worker processes (Dask workers of a LocalCluster): a number or 'auto' "
                   "[default: 1, or 'jobs' in the config].")
@click.option("--suggest", is_flag=True,
              help="Also report untagged mentions of register entries (see annotate).")
@executor_options
@common
@click.pass_context
def validate(ctx, sources, schemas, rules, phase, catalogs, schema_dir, fmt, output, reports,
             fail_on, checks, schema_timeout, unavailable, jobs, suggest, executor, scheduler,
             batch_bytes, no_config, quiet, verbose) -> None:
    """Validate SOURCES (files, folders, globs) against their schemas and rules.

    Schemas come from --schema/--rules, else the project's configuration
    ([tool.tei-edition] in pyproject.toml, or edition.toml), else each document's
    <?xml-model?> declarations (remote ones through OASIS catalogs; nothing is ever
    downloaded). Pointer, xml:id and date checks run on TEI documents.

    With no SOURCES, validates the bundled edition. Exit 0 when valid, 1 when a finding at
    or above --fail-on exists, 2 on usage, I/O or internal errors.
    """
    ui = Ui(quiet, verbose)
    started = time.perf_counter()
    extra_reports = _reports(reports)
    options = dataclasses.replace(
        validation_options(ctx.meta["config"], schemas, rules, catalogs, schema_dir, checks,
                           schema_timeout, unavailable, phase), suggest=suggest)
    threshold = fail_on or "error"
    jobs = default_jobs() if jobs == "auto" else (jobs or 1)
    spec = executor_spec(ctx, executor, scheduler, batch_bytes)
    try:
        catalogs_for(options)  # a catalog that does not load is a usage error, up front
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    problems: list[Finding] = []
    found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()],
                               problems=problems)
    ui.debug(f"{len(found)} file(s); schemas from {options.origin or 'the documents'}; "
             f"catalogs: {', '.join(map(str, options.catalogs)) or 'none given'}; jobs: {jobs}")
    items = [(str(s.path), str(s.path), options) for s in found]
    results = [FileResult(problem.file, [problem], readable=False) for problem in problems]
    live = fmt == "text" and output is None
    if live:
        for problem in problems:
            ui.finding(problem)
    with open_executor(spec, jobs) as runner:
        require_same_folder(runner, [s.path for s in found])
        for result in runner.map(work(options), items):
            results.append(result)
            if live:
                for finding in result.findings:
                    ui.finding(finding)
            ui.debug(f"{result.file}: {result.seconds:.2f} s "
                     + " ".join(f"{k}={v:.3f}" for k, v in result.timings.items()))
        ui.debug(runner.describe())
    summary = reporters.summarise(results, time.perf_counter() - started, threshold)
    if live:
        ui.info(summary.line())
    else:
        report = reporters.render(fmt, results, summary)
        if output is not None:
            atomic_write(output, report)
            ui.info(summary.line() + f"; report written to {output}")
        else:
            sys.stdout.write(report)
            sys.stdout.flush()
            if fmt != "github":
                ui.info(summary.line())
    for extra_fmt, path in extra_reports:
        atomic_write(path, reporters.render(extra_fmt, results, summary))
        ui.debug(f"{extra_fmt} report written to {path}")
    internal = [f for r in results for f in r.findings if f.rule in ("internal-error", "worker")]
    unreadable = [f for r in results if not r.readable for f in r.findings]
    sys.exit(exit_code(unreadable + internal, summary.failed_files))


def _reports(values: tuple[str, ...]) -> list[tuple[str, Path]]:
    """``--report FORMAT=FILE`` pairs, checked before any work is done."""
    found = []
    for fmt, file in pairs(values, "--report"):
        if fmt not in REPORT_FORMATS:
            raise click.BadParameter(f"unknown report format {fmt!r}; choose from "
                                     f"{', '.join(REPORT_FORMATS)}", param_hint="--report")
        found.append((fmt, Path(file)))
    return found
