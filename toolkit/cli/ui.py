"""What the commands share: where messages go, common options, the project configuration.

The configuration (:mod:`toolkit.core.config`) becomes each command's click defaults
(``default_map``) in :class:`ConfiguredCommand`, so an option given on the command line
wins over the file and a value absent from both takes the option's own default. Schemas,
rules and catalogs are the exception, merged in :func:`validation_options`: a
``--schema`` replaces the configured ones (with the origin said in messages), catalogs of
both are used.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from toolkit.core import config as config_module
from toolkit.core.errors import UsageError
from toolkit.core.findings import Finding
from toolkit.validate.options import DEFAULT_TIMEOUT, ValidationOptions

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def plain_stderr() -> bool:
    """Whether messages go to stderr as plain lines: it is no terminal (a pipe, a file, CI)
    and no colour is forced. Then rich is neither needed nor imported (~50 ms of a cold
    start), and the text is written exactly as it is (rich would read ``:name:`` as an
    emoji code)."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return False
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):
        return True


class Ui:
    """Where messages go: findings on stderr, coloured on a terminal, silent with -q."""

    def __init__(self, quiet: bool = False, verbose: int = 0) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self._err = None
        self._plain = plain_stderr()

    @property
    def err(self):
        """The rich console on stderr (progress bars, colours), made on first use."""
        if self._err is None:
            from rich.console import Console

            self._err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
        return self._err

    def _print(self, text: str, style: str = "") -> None:
        if self._plain and self._err is None:
            sys.stderr.write(text + "\n")
        else:
            self.err.print(text, style=style, markup=False, highlight=False)

    def finding(self, finding: Finding) -> None:
        if self.quiet and finding.severity != "error":
            return
        colour = {"error": "red", "warning": "yellow", "info": "cyan"}.get(finding.severity, "")
        self._print(finding.format(), colour)

    def problem(self, exc) -> None:
        """A :class:`~toolkit.core.errors.ToolkitError` that stops the command: located
        when it names a file, its message alone when it does not (a missing extra)."""
        if exc.file:
            self.finding(exc.finding())
        else:
            self._print(f"tei-edition: {exc.message}", "red")

    def info(self, message: str) -> None:
        if not self.quiet:
            self._print(message)

    def debug(self, message: str) -> None:
        if self.verbose and not self.quiet:
            self._print(message, "dim")


def verbosity(function):
    """``-q/--quiet`` and ``-v/--verbose``, which every command takes."""
    function = click.option("-q", "--quiet", is_flag=True, help="Print errors only.")(function)
    return click.option("-v", "--verbose", count=True, help="Say more (repeatable).")(function)


def common(function):
    """:func:`verbosity` and ``--no-config``: the options of a :class:`ConfiguredCommand`."""
    function = verbosity(function)
    return click.option("--no-config", is_flag=True,
                        help="Ignore pyproject.toml / edition.toml settings.")(function)


def _defaults(command: str, cfg: config_module.Config) -> dict:
    """The options ``cfg`` sets for ``command``, as click parameter names."""
    if command == "build":
        values = {"validate": cfg.build_validate, "jobs": cfg.build_jobs,
                  "executor": cfg.build_executor, "scheduler": cfg.build_scheduler,
                  "batch_bytes": cfg.build_batch_bytes,
                  "return_outputs": cfg.build_return_outputs}
    elif command == "site":
        values = {"validate": cfg.site_validate, "jobs": cfg.site_jobs,
                  "executor": cfg.executor, "scheduler": cfg.scheduler,
                  "batch_bytes": cfg.batch_bytes}
    else:
        values = {"fail_on": cfg.fail_on, "checks": cfg.checks,
                  "schema_timeout": cfg.schema_timeout, "unavailable": cfg.unavailable,
                  "jobs": cfg.jobs, "schema_dir": cfg.schema_dir,
                  "executor": cfg.executor, "scheduler": cfg.scheduler,
                  "batch_bytes": cfg.batch_bytes}
    return {key: value for key, value in values.items() if value is not None}


#: words a user may type for an option that has another name, per command (``build
#: --format`` is ``--to``): they count in "did you mean" besides the options' own names
OPTION_ALIASES = {
    "build": {"format": "--to", "formats": "--to", "output": "--out", "outdir": "--out",
              "params": "--param", "xsl": "--stylesheet"},
    "validate": {"out": "--output", "schemas": "--schema", "schematron": "--rules",
                 "catalogue": "--catalog"},
}


def suggest(typed: str, command: click.Command, ctx: click.Context) -> list[str]:
    """The options of ``command`` a mistyped ``typed`` may have meant, best first.

    Only the command's own long options (and :data:`OPTION_ALIASES`) are candidates, and
    only close ones: click's own guess takes any option sharing a few letters, so
    ``build --fomat`` was offered ``--out``; here it is offered ``--to``, the formats.
    """
    names: dict[str, str] = {}
    for param in command.get_params(ctx):
        for option in (*param.opts, *param.secondary_opts):
            if option.startswith("--"):
                names[option[2:]] = option
    for word, option in OPTION_ALIASES.get(command.name or "", {}).items():
        names.setdefault(word, option)
    word = typed.lstrip("-").split("=", 1)[0]
    close = difflib.get_close_matches(word, list(names), n=3, cutoff=0.75)
    return list(dict.fromkeys(names[w] for w in close))


class SuggestingCommand(click.Command):
    """A command whose "No such option" suggests only close options of its own."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            exc.possibilities = suggest(exc.option_name, self, ctx) or None
            raise


class ConfiguredCommand(SuggestingCommand):
    """A command whose option defaults come from the project configuration.

    The configuration is read before the arguments are parsed (``--no-config``, looked
    for among them, skips it); it is kept in ``ctx.meta["config"]``. An unreadable file
    or an unknown key is a usage error (exit 2) naming the file.
    """

    def make_context(self, info_name, args, parent=None, **extra):
        options = args[:args.index("--")] if "--" in args else args
        cfg = config_module.Config() if "--no-config" in options else config_module.find_config()
        extra.setdefault("default_map", _defaults(self.name, cfg))
        ctx = super().make_context(info_name, args, parent=parent, **extra)
        ctx.meta["config"] = cfg
        return ctx


def pairs(values: tuple[str, ...], what: str) -> tuple[tuple[str, str], ...]:
    """``NAME=VALUE`` option values as pairs."""
    found = []
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{what} must look like NAME=VALUE, got {value!r}")
        found.append((key.strip(), val))
    return tuple(found)


def stylesheet_params(values: tuple[str, ...], overrides: dict[str, Path]
                      ) -> tuple[tuple[str, str], ...]:
    """``--param NAME=VALUE`` values, each checked against :data:`toolkit.build.params.PARAMS`
    (and what the user's stylesheets declare): an unknown name or a bad value is a usage
    error listing what is accepted."""
    from toolkit.build import params as params_table

    found = pairs(values, "--param")
    problems = params_table.check(found, overrides)
    if problems:
        raise click.BadParameter("; ".join(problems), param_hint="'-p' / '--param'")
    return found


def jobs_option(ctx, param, value) -> int | str | None:
    """``--jobs``: a positive number or ``auto`` (None stays None: "not given")."""
    if value is None:
        return None
    if str(value).strip().lower() in ("", "auto", "0"):
        return "auto"
    try:
        number = int(value)
    except ValueError:
        raise click.BadParameter("give a number of processes or 'auto'") from None
    if number < 1:
        raise click.BadParameter("give a number of processes (1 or more) or 'auto'")
    return number


def executor_options(function):
    """``--executor``, ``--scheduler``, ``--batch-bytes``: where the work of a command runs
    (:mod:`toolkit.core.executors`); read back with :func:`executor_spec`."""
    from toolkit.core.executors import EXECUTORS

    function = click.option(
        "--batch-bytes", type=click.IntRange(min=1), default=None, metavar="BYTES",
        help="With --executor dask: source bytes per task [default: sized to about half a "
             "second of work, from what the workers measure].")(function)
    function = click.option(
        "--scheduler", default=None, metavar="ADDRESS",
        help="With --executor dask: join the running Dask cluster whose scheduler is at "
             "ADDRESS (e.g. tcp://10.0.0.5:8786) [default: start a LocalCluster of --jobs "
             "processes on 127.0.0.1].")(function)
    function = click.option(
        "--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
        help="Where the work runs: worker processes here (local), or a Dask cluster (dask; "
             "pip install 'tei-edition[dask]').")(function)
    return function


def executor_spec(ctx: click.Context, executor: str, scheduler: str | None,
                  batch_bytes: int | None):
    """The :class:`~toolkit.core.executors.ExecutorSpec` of the options. ``--scheduler`` or
    ``--batch-bytes`` on the command line without ``--executor dask`` is a usage error; from
    the configuration they are left for the commands that do run on Dask."""
    from click.core import ParameterSource

    from toolkit.core.executors import ExecutorSpec

    if executor != "dask":
        for name, flag in (("scheduler", "--scheduler"), ("batch_bytes", "--batch-bytes")):
            if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE:
                raise click.BadParameter(f"{flag} needs --executor dask", param_hint=flag)
        scheduler = batch_bytes = None
    elif scheduler is None:  # a LocalCluster to come: start its workers' imports now
        from toolkit.core.executors import forking

        forking.start()
    return ExecutorSpec(executor, scheduler, batch_bytes)


def validation_options(cfg: config_module.Config, schemas: tuple[Path, ...] = (),
                       rules: tuple[Path, ...] = (), catalogs: tuple[Path, ...] = (),
                       schema_dir: Path | None = None, checks: bool | None = None,
                       schema_timeout: float | None = None, unavailable: str | None = None,
                       phase: str | None = None) -> ValidationOptions:
    """The validation both ``validate`` and ``build --validate`` run: the command line's
    schemas and rules, else the configuration's; catalogs of both. A schema file that is
    named but does not exist is a usage error."""
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
                raise UsageError("configured schema does not exist", str(path), rule="config")
    return ValidationOptions(
        schemas=chosen[0], rules=chosen[1],
        catalogs=tuple(catalogs) + cfg.catalogs,
        schema_dir=schema_dir or cfg.schema_dir,
        checks=checks if checks is not None else True,
        schema_timeout=schema_timeout or DEFAULT_TIMEOUT,
        unavailable=unavailable or "error",
        phase=phase, origin=origin)


def exit_code(io_problems: list, failures: int) -> int:
    """2 when a source could not be read (or we failed), else 1 when any document failed.

    The other sources are processed all the same, so one missing file in a list does not
    hide the findings of the rest.
    """
    if io_problems:
        return 2
    return 1 if failures else 0
