"""The ``tei-edition`` command: ``build`` and ``validate``.

Exit codes follow the conventions CI systems expect: 0 success, 1 findings or failed
documents, 2 usage or I/O errors. No traceback reaches the user: every failure is
printed as ``file:line:col: severity: message [rule]``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console

from toolkit import __version__
from toolkit.core.errors import ToolkitError, UsageError
from toolkit.core.findings import Finding

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Ui:
    """Where messages go: findings on stderr, coloured on a terminal, silent with -q."""

    def __init__(self, quiet: bool = False, verbose: int = 0) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    def finding(self, finding: Finding) -> None:
        if self.quiet and finding.severity != "error":
            return
        colour = {"error": "red", "warning": "yellow", "info": "cyan"}.get(finding.severity, "")
        self.err.print(finding.format(), style=colour, markup=False)

    def info(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, markup=False, highlight=False)

    def debug(self, message: str) -> None:
        if self.verbose and not self.quiet:
            self.err.print(message, style="dim", markup=False, highlight=False)


def _common(function):
    function = click.option("-q", "--quiet", is_flag=True, help="Print errors only.")(function)
    function = click.option("-v", "--verbose", count=True, help="Say more (repeatable).")(function)
    return function


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="tei-edition")
def cli() -> None:
    """Validate TEI-XML and publish it as HTML, plain-text and PDF editions."""


def _formats(value: str) -> tuple[str, ...]:
    from toolkit.build.formats import FORMATS

    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return names


def _with_base_url(params: tuple[tuple[str, str], ...], ui: Ui) -> tuple[tuple[str, str], ...]:
    """The project's ``base-url`` (pyproject.toml ``[tool.tei-edition]`` or edition.toml), for
    the pages' canonical URLs and the edition's citation, unless ``--param base-url=`` gives one."""
    from toolkit.core import config as config_module

    if any(name == "base-url" for name, _ in params):
        return params
    try:
        cfg = config_module.find_config()
        base = cfg.extra.get("base-url")
        if base is not None and not (isinstance(base, str) and base.startswith(("http://", "https://"))):
            raise UsageError(f"base-url must be an http or https address, got {base!r}",
                             str(cfg.path), rule="config")
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    return params + ((("base-url", base),) if base else ())


def _pairs(values: tuple[str, ...], what: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{what} must look like NAME=VALUE, got {value!r}")
        pairs.append((key.strip(), val))
    return tuple(pairs)


def _jobs(ctx, param, value) -> int | str:
    """``--jobs``: a positive number or ``auto``."""
    if value is None or str(value).strip().lower() in ("", "auto", "0"):
        return "auto"
    try:
        number = int(value)
    except ValueError:
        raise click.BadParameter("give a number of processes or 'auto'") from None
    if number < 1:
        raise click.BadParameter("give a number of processes (1 or more) or 'auto'")
    return number


@cli.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--to", "to", default="html,text,pdf", show_default=True,
              help="Formats to write, comma-separated: html, text, pdf.")
@click.option("-o", "--out", "out", default="build", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Stylesheet parameter (repeatable), e.g. --param lang=de.")
@click.option("--stylesheet", "stylesheets", multiple=True, metavar="FORMAT=FILE.xsl",
              help="Use your own stylesheet for a format (it may xsl:import ours).")
@click.option("-j", "--jobs", "jobs", default="auto", show_default=True, callback=_jobs,
              metavar="N|auto",
              help="Worker processes; auto: min(cores, documents to build / 4), at "
                   "least 1.")
@click.option("-f", "--force", is_flag=True,
              help="Rebuild every document, even those whose outputs are up to date.")
@_common
def build(sources, to, out, params, stylesheets, jobs, force, quiet, verbose) -> None:
    """Build editions of SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled edition (the telegram of 29 March 1953 and its
    front matter; its register file is validated, not built).
    Documents whose source, stylesheets, options and outputs are unchanged since the
    last build into the same folder are skipped (see OUT/.tei-edition-manifest.json);
    --force rebuilds them. A document that fails is reported with its location and
    the others are still built; the exit code is 1 when any failed.
    """
    from toolkit.build import pipeline
    from toolkit.cli import progress
    from toolkit.core import resources
    from toolkit.core import sources as source_list

    ui = Ui(quiet, verbose)
    formats = _formats(to)
    overrides = tuple((k, Path(v)) for k, v in _pairs(stylesheets, "--stylesheet"))
    for fmt, path in overrides:
        if fmt not in formats and fmt not in ("html", "text", "pdf"):
            raise click.BadParameter(f"unknown format {fmt!r}", param_hint="--stylesheet")
        if not path.is_file():
            raise click.BadParameter(f"no such stylesheet: {path}", param_hint="--stylesheet")
    problems: list[Finding] = []
    found = (source_list.expand(list(sources), problems=problems) if sources
             else resources.bundled_sources(documents_only=True))
    for finding in problems:
        ui.finding(finding)
    options = pipeline.BuildOptions(formats, out, _with_base_url(_pairs(params, "--param"), ui),
                                    overrides)
    if "pdf" in formats:
        from toolkit.build.formats import pdf_engine

        try:
            pdf_engine(options.param_dict())
        except ToolkitError as exc:
            raise click.BadParameter(exc.message, param_hint="--param") from None
    mode = progress.choose_mode(quiet, ui.err.file)
    state: dict = {}

    def planned(total: int, pending: int) -> None:
        if total - pending:
            ui.debug(f"{total - pending} of {total} document(s) up to date")
        state["bar"] = progress.Progress(pending, mode, ui.err, "building", verbose).__enter__()

    def done(result) -> None:
        for finding in result.findings:
            ui.finding(finding)
        for output in result.outputs:
            ui.debug(f"wrote {output}")
        if not result.skipped:
            state["bar"].advance(result.source, result.status)

    try:
        summary = pipeline.build_many(found, options, jobs=jobs, force=force,
                                      on_result=done, on_plan=planned)
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)
    for gone in summary.removed:
        ui.info(f"{gone}: source no longer exists; its outputs in {out}/ were left in place")
    line = summary.line(out)
    if problems:
        line += f"; {len(problems)} source argument(s) could not be read"
    ui.info(line)
    sys.exit(_exit_code(problems, summary.failed))


def _validate_jobs(ctx, param, value):
    """``validate --jobs``: unset means the configuration's ``jobs`` (else 1)."""
    return None if value is None else _jobs(ctx, param, value)


@cli.command(context_settings=CONTEXT)
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
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github", "sarif"]),
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
@click.option("-j", "--jobs", "jobs", default=None, callback=_validate_jobs,
              help="Worker processes: a number or 'auto' [default: 1, or 'jobs' in the config].")
@click.option("--no-config", is_flag=True, help="Ignore pyproject.toml / edition.toml settings.")
@click.option("--suggest", is_flag=True,
              help="Also report untagged mentions of register entries (see annotate).")
@_common
def validate(sources, schemas, rules, phase, catalogs, schema_dir, fmt, output, reports, fail_on,
             checks, schema_timeout, unavailable, jobs, no_config, suggest, quiet,
             verbose) -> None:
    """Validate SOURCES (files, folders, globs) against their schemas and rules.

    Schemas come from --schema/--rules, else the project's configuration
    ([tool.tei-edition] in pyproject.toml, or edition.toml), else each document's
    <?xml-model?> declarations (remote ones through OASIS catalogs; nothing is ever
    downloaded). Pointer, xml:id and date checks run on TEI documents.

    With no SOURCES, validates the bundled edition. Exit 0 when valid, 1 when a finding at
    or above --fail-on exists, 2 on usage, I/O or internal errors.
    """
    import time

    from toolkit.core import config as config_module
    from toolkit.validate import reporters
    from toolkit.core import resources
    from toolkit.core import sources as source_list
    from toolkit.core.parallel import default_jobs, run_ordered
    from toolkit.validate.run import FileResult, ValidationOptions, catalogs_for, check_item
    from toolkit.core.write import atomic_write

    ui = Ui(quiet, verbose)
    started = time.perf_counter()
    extra_reports = _reports(reports)
    try:
        cfg = config_module.Config() if no_config else config_module.find_config()
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(2)
    for path in (*schemas, *rules, *catalogs):
        if not path.is_file():
            raise click.BadParameter(f"no such file: {path}")
    if schemas or rules:
        chosen = (tuple(p for p in schemas if p.suffix.lower() != ".sch"),
                  tuple(rules) + tuple(p for p in schemas if p.suffix.lower() == ".sch"))
        origin = "command line"
    else:
        chosen = (cfg.schemas, cfg.rules)
        origin = f"configuration {cfg.path}" if cfg.path else ""
        for path in (*cfg.schemas, *cfg.rules):
            if not path.is_file():
                ui.finding(UsageError("configured schema does not exist", str(path),
                                      rule="config").finding())
                sys.exit(2)
    options = ValidationOptions(
        schemas=chosen[0], rules=chosen[1],
        catalogs=tuple(catalogs) + cfg.catalogs,
        schema_dir=schema_dir or cfg.schema_dir,
        checks=checks if checks is not None else (cfg.checks if cfg.checks is not None else True),
        schema_timeout=schema_timeout or cfg.schema_timeout or 60.0,
        unavailable=unavailable or cfg.unavailable or "error",
        phase=phase, origin=origin, suggest=suggest)
    threshold = fail_on or cfg.fail_on or "error"
    jobs = jobs if jobs is not None else (cfg.jobs or 1)
    jobs = default_jobs() if jobs == "auto" else jobs
    try:
        catalogs_for(options)  # a catalog that does not load is a usage error, up front
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    problems: list[Finding] = []
    found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()],
                               problems=problems)
    ui.debug(f"{len(found)} file(s); schemas from {origin or 'the documents'}; "
             f"catalogs: {', '.join(map(str, options.catalogs)) or 'none given'}; jobs: {jobs}")
    items = [(str(s.path), str(s.path), options) for s in found]
    results = [FileResult(problem.file, [problem]) for problem in problems]
    if fmt == "text" and output is None:
        for problem in problems:
            ui.finding(problem)
    for result in run_ordered(check_item, items, jobs):
        results.append(result)
        if fmt == "text" and output is None:
            for finding in result.findings:
                ui.finding(finding)
        ui.debug(f"{result.file}: {result.seconds:.2f} s "
                 + " ".join(f"{k}={v:.3f}" for k, v in result.timings.items()))
    summary = reporters.summarise(results, time.perf_counter() - started, threshold)
    if fmt == "text" and output is None:
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
    internal = [f for r in results for f in r.findings if f.rule == "internal-error"]
    sys.exit(_exit_code(problems + internal, summary.failed_files))


_REPORT_FORMATS = ("text", "json", "junit", "github", "sarif")


def _reports(values: tuple[str, ...]) -> list[tuple[str, Path]]:
    """``--report FORMAT=FILE`` pairs, checked before any work is done."""
    pairs = []
    for fmt, file in _pairs(values, "--report"):
        if fmt not in _REPORT_FORMATS:
            raise click.BadParameter(f"unknown report format {fmt!r}; choose from "
                                     f"{', '.join(_REPORT_FORMATS)}", param_hint="--report")
        pairs.append((fmt, Path(file)))
    return pairs


def _exit_code(io_problems: list, failures: int) -> int:
    """2 when a source could not be read (or we failed), else 1 when any document failed.

    The other sources are processed all the same, so one missing file in a list does not
    hide the findings of the rest.
    """
    if io_problems:
        return 2
    return 1 if failures else 0


def main() -> None:
    """Console-script entry point: never let a traceback reach the user."""
    try:
        cli.main(standalone_mode=True)
    except ToolkitError as exc:
        Console(stderr=True).print(str(exc), style="red", markup=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so in one line, keep the trace on request
        if os.environ.get("TEI_EDITION_DEBUG"):
            raise
        Console(stderr=True).print(
            f"tei-edition: internal error: {type(exc).__name__}: {exc} "
            "(set TEI_EDITION_DEBUG=1 for the traceback)", style="red", markup=False)
        sys.exit(2)
from toolkit.cli import annotate_command, import_command, lsp_command, serve_command  # noqa: E402,F401 - register commands
