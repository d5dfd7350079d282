"""``tei-edition annotate``: find (and with ``--apply``, tag) untagged mentions of register
entries. The work is done by :mod:`toolkit.annotate`; this module reads the options and
prints."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from toolkit.cli import cli
from toolkit.cli.ui import CONTEXT, Ui, verbosity
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding

_FORMATS = ("text", "json", "junit", "github", "sarif")


@cli.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--registers", "registers", multiple=True, metavar="FILE",
              type=click.Path(path_type=Path, dir_okay=False),
              help="A file of register entries (listPerson, listPlace, listOrg), repeatable. "
                   "The documents' own standOff/back and the files their @ref already "
                   "point into are always read.")
@click.option("--apply", "apply_", is_flag=True,
              help="Tag the unambiguous mentions in the files (atomically); ambiguous ones "
                   "are left for the editor.")
@click.option("--resp", default=None, metavar="ID",
              help="@resp for the tags --apply adds: an id (--resp ed becomes #ed) or a pointer "
                   "as it is (--resp registers.xml#tei-edition).")
@click.option("--cert", type=click.Choice(["high", "medium", "low", "unknown"]), default=None,
              help="@cert for the tags --apply adds.")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True,
              help="Report format (text on stderr; the others on stdout).")
@click.option("--check", is_flag=True,
              help="Exit 1 when any untagged mention remains (for CI).")
@verbosity
def annotate(sources, registers, apply_, resp, cert, fmt, check, quiet, verbose) -> None:
    """Find mentions of register entries that are not tagged in SOURCES.

    A mention is any form of a person, place or organisation that the registers list
    (names, abbreviations, surnames, forenames, addName), or that the documents already
    use for it in a tagged name, found in the text and notes across inline markup (hi,
    lb break="no", choice), outside the header, existing names and foreign/term words.
    Each is reported as an `untagged-mention` finding with the entry it would point to,
    or the candidates when it is ambiguous.

    With --apply, unambiguous mentions are wrapped in persName, placeName or orgName
    with @ref (and --resp/--cert); nothing else in the file changes. With no SOURCES,
    the bundled edition is examined (not changed: --apply needs SOURCES).
    """
    from toolkit.annotate.run import Options, Session
    from toolkit.core import resources
    from toolkit.core import sources as source_list
    from toolkit.validate import reporters
    from toolkit.validate.run import FileResult

    ui = Ui(quiet, verbose)
    started = time.perf_counter()
    if apply_ and not sources:
        raise click.UsageError("--apply edits files: name them (it never edits the bundled "
                               "edition by default)")
    for path in registers:
        if not path.is_file():
            raise click.BadParameter(f"no such file: {path}", param_hint="--registers")
    problems: list[Finding] = []
    found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()],
                               problems=problems)
    session = Session(Options(tuple(registers), resp, cert))
    failed: list[Finding] = list(problems)
    loaded = []
    for source in found:
        try:
            loaded.append((session.load(source.path), str(source.path)))
        except ToolkitError as exc:
            failed.append(exc.finding())
    for path in registers:
        try:
            session.load(path)
        except ToolkitError as exc:
            failed.append(exc.finding())
    results = [FileResult(f.file, [f]) for f in failed]
    tagged = 0
    for doc, name in loaded:
        try:
            result = session.examine(doc, name, apply=apply_)
        except ToolkitError as exc:
            results.append(FileResult(name, [exc.finding()]))
            failed.append(exc.finding())
            continue
        for wrap, location in result.applied:
            click.echo(f"{location}: tagged \"{wrap.mention.text}\" as {wrap.open_tag()}")
        tagged += len(result.applied)
        results.append(FileResult(name, result.findings))
    remaining = sum(len(r.findings) for r in results) - len(failed)
    summary = reporters.summarise(results, time.perf_counter() - started, "error")
    if fmt == "text":
        for result in results:
            for finding in result.findings:
                ui.finding(finding)
    else:
        sys.stdout.write(reporters.render(fmt, results, summary))
    line = (f"{len(loaded)} file(s) examined; {remaining} untagged mention(s) reported"
            + (f"; {tagged} tagged" if apply_ else "") + f"; {summary.seconds:.2f} s")
    ui.info(line)
    if any(f.rule == "io" for f in failed) or problems:
        sys.exit(2)
    sys.exit(1 if failed or (check and remaining) else 0)
