"""``tei-edition build``: publish SOURCES as HTML, plain-text and PDF editions."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.core import ParameterSource

from toolkit.build import pipeline
from toolkit.build.formats import FORMATS, pdf_engine
from toolkit.cli import progress
from toolkit.cli.repeats import Repeats
from toolkit.cli.ui import CONTEXT, ConfiguredCommand, Ui, common, exit_code, jobs_option, pairs
from toolkit.cli.ui import executor_options, executor_spec, stylesheet_params
from toolkit.cli.ui import validation_options
from toolkit.core import resources
from toolkit.core import sources as source_list
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding


def _formats(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return names


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--to", "to", default="html,text,pdf", show_default=True,
              help="Formats to write, comma-separated: html, text, pdf.")
@click.option("-o", "--out", "out", default="build", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Stylesheet parameter (repeatable), e.g. --param lang=de.")
@click.option("--stylesheet", "stylesheets", multiple=True, metavar="FORMAT=FILE.xsl",
              help="Use your own stylesheet for a format (it may xsl:import ours).")
@click.option("--validate/--no-validate", "validate", default=False,
              help="Validate each document as `validate` would (schemas and rules from the "
                   "configuration or the document) and publish only those without errors "
                   "[default: off, or 'validate' in the config].")
@click.option("-j", "--jobs", "jobs", default="auto", show_default=True, callback=jobs_option,
              metavar="N|auto",
              help="Worker processes (Dask workers of a LocalCluster); auto: min(cores, "
                   "documents to build / 4), at least 1.")
@click.option("-f", "--force", is_flag=True,
              help="Rebuild every document, even those whose outputs are up to date.")
@executor_options
@click.option("--return-outputs/--no-return-outputs", "return_outputs", default=False,
              help="With --executor dask: the workers send the outputs back and this process "
                   "writes them, for workers that cannot write OUT [default: the workers "
                   "write into OUT, which they must share].")
@common
@click.pass_context
def build(ctx, sources, to, out, params, stylesheets, validate, jobs, force, executor,
          scheduler, batch_bytes, return_outputs, no_config, quiet, verbose) -> None:
    """Build editions of SOURCES (files, folders, globs).

    With no SOURCES, builds the bundled edition (the telegram of 29 March 1953 and its
    front matter; its register file is validated, not built).
    Documents whose source, stylesheets, options and outputs are unchanged since the
    last build into the same folder are skipped (see OUT/.tei-edition-manifest.json);
    --force rebuilds them. A document that fails (or, with --validate, is invalid) is
    reported with its location, its previous outputs stay, and the others are still
    built; the exit code is 1 when any failed.
    """
    ui = Ui(quiet, verbose)
    formats = _formats(to)
    spec = executor_spec(ctx, executor, scheduler, batch_bytes)
    if return_outputs and not spec.distributed:
        if ctx.get_parameter_source("return_outputs") == ParameterSource.COMMANDLINE:
            raise click.BadParameter("--return-outputs needs --executor dask",
                                     param_hint="--return-outputs")
        return_outputs = False  # configured for the runs that do use Dask
    overrides = tuple((k, Path(v)) for k, v in pairs(stylesheets, "--stylesheet"))
    for fmt, path in overrides:
        if fmt not in formats and fmt not in FORMATS:
            raise click.BadParameter(f"unknown format {fmt!r}", param_hint="--stylesheet")
        if not path.is_file():
            raise click.BadParameter(f"no such stylesheet: {path}", param_hint="--stylesheet")
    checked = stylesheet_params(params, dict(overrides))
    cfg = ctx.meta["config"]
    validation = None
    if validate:
        validation = validation_options(cfg, schema_dir=cfg.schema_dir, checks=cfg.checks,
                                        schema_timeout=cfg.schema_timeout,
                                        unavailable=cfg.unavailable)
    problems: list[Finding] = []
    found = (source_list.expand(list(sources), problems=problems) if sources
             else resources.bundled_sources(documents_only=True))
    for finding in problems:
        ui.finding(finding)
    given = checked
    if cfg.base_url and not any(name == "base-url" for name, _ in given):
        given += (("base-url", cfg.base_url),)   # the project's address; --param wins
    options = pipeline.BuildOptions(formats, out, given, overrides, validation)
    if "pdf" in formats:
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

    repeats = Repeats()

    def done(result) -> None:
        for finding in result.findings:
            if repeats.first(finding, result.source) or verbose:
                ui.finding(finding)
        for output in result.outputs:
            ui.debug(f"wrote {output}")
        if not result.skipped:
            state["bar"].advance(result.source, result.status)

    try:
        summary = pipeline.build_many(found, options, jobs=jobs, force=force,
                                      on_result=done, on_plan=planned, executor=spec,
                                      return_outputs=return_outputs)
    except ToolkitError as exc:
        ui.problem(exc)
        sys.exit(exc.exit_code)
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)
    if not verbose:
        for finding in repeats.counts():
            ui.finding(finding)
    if summary.where:
        ui.debug(summary.where)
    for gone in summary.removed:
        ui.info(f"{gone}: source no longer exists; its outputs in {out}/ were left in place")
    line = summary.line(out)
    if problems:
        line += f"; {len(problems)} source argument(s) could not be read"
    ui.info(line)
    sys.exit(exit_code(problems, summary.failed))
