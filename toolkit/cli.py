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
from toolkit.errors import ToolkitError, UsageError
from toolkit.findings import Finding

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
    from toolkit.transform import FORMATS

    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return names


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
              help="Worker processes; auto: 1 for one document to build, else "
                   "min(cores, documents to build).")
@click.option("-f", "--force", is_flag=True,
              help="Rebuild every document, even those whose outputs are up to date.")
@_common
def build(sources, to, out, params, stylesheets, jobs, force, quiet, verbose) -> None:
    """Build editions of SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled edition (the telegram of 29 March 1953).
    Documents whose source, stylesheets, options and outputs are unchanged since the
    last build into the same folder are skipped (see OUT/.tei-edition-manifest.json);
    --force rebuilds them. A document that fails is reported with its location and
    the others are still built; the exit code is 1 when any failed.
    """
    from toolkit import build as pipeline
    from toolkit import progress, resources, sources as source_list

    ui = Ui(quiet, verbose)
    formats = _formats(to)
    overrides = tuple((k, Path(v)) for k, v in _pairs(stylesheets, "--stylesheet"))
    for fmt, path in overrides:
        if fmt not in formats and fmt not in ("html", "text", "pdf"):
            raise click.BadParameter(f"unknown format {fmt!r}", param_hint="--stylesheet")
        if not path.is_file():
            raise click.BadParameter(f"no such stylesheet: {path}", param_hint="--stylesheet")
    problems: list[Finding] = []
    found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()],
                               problems=problems)
    for finding in problems:
        ui.finding(finding)
    options = pipeline.BuildOptions(formats, out, _pairs(params, "--param"), overrides)
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
    failed = summary.failed + len(problems)
    line = summary.line(out)
    if problems:
        line += f"; {len(problems)} source argument(s) could not be read"
    ui.info(line)
    sys.exit(1 if failed else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--schema", "schemas", multiple=True, type=click.Path(path_type=Path),
              help="Grammar schema (XSD, RELAX NG .rng/.rnc) to use instead of declared ones.")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path),
              help="Schematron rules (.sch) to use (repeatable).")
@_common
def validate(sources, schemas, rules, quiet, verbose) -> None:
    """Validate SOURCES against their schemas and rules.

    With no SOURCES, validates the bundled edition. Exit 0 when valid, 1 when any
    error is found, 2 on usage or I/O errors.
    """
    from toolkit import resources, sources as source_list
    from toolkit.validation import ValidationOptions, validate_file

    ui = Ui(quiet, verbose)
    for path in (*schemas, *rules):
        if not path.is_file():
            raise click.BadParameter(f"no such schema: {path}")
    try:
        found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()])
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    options = ValidationOptions(tuple(schemas), tuple(rules))
    invalid = 0
    for source in found:
        findings = validate_file(source.path, options)
        for finding in findings:
            ui.finding(finding)
        invalid += any(f.severity == "error" for f in findings)
    ui.info(f"{len(found)} file(s) checked, {len(found) - invalid} valid, {invalid} invalid")
    sys.exit(1 if invalid else 0)


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
