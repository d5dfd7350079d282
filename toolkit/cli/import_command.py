"""``tei-edition import``: TEI drafts from captured Digital Archive pages. The work is done
by :mod:`toolkit.ingest`; this module reads the options and prints."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toolkit.cli import cli
from toolkit.cli.ui import CONTEXT, Ui, verbosity
from toolkit.core.errors import ToolkitError


@cli.command("import", context_settings=CONTEXT)
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for the drafts.")
@click.option("-f", "--force", is_flag=True, help="Replace drafts that already exist.")
@verbosity
def import_(pages, out, force, quiet, verbose) -> None:
    """Make a TEI draft from each captured archive PAGE (its text, or its saved HTML).

    The site's navigation and widgets are dropped; the title, date, citation (with the
    archival reference split into its parts), translator, funder, address and record ID,
    the summary, the correspondents, and the text with its opener, paragraphs, headings,
    lists, closer and appended notes become TEI valid against the edition's schema. What
    the importer inferred carries @cert and is listed in a change entry.

    A page that is not a document page of the archive gives a message and no draft
    (exit 1); an existing draft is replaced only with --force. Drafts are named
    TYPE-DATE.xml (e.g. telegram-1953-03-29.xml).
    """
    from toolkit.ingest import run

    ui = Ui(quiet, verbose)
    drafts, failed, unreadable = [], 0, 0
    for page in pages:
        try:
            drafts.append(run.make(page))
        except ToolkitError as exc:
            ui.finding(exc.finding())
            failed += 1
            unreadable += exc.exit_code == 2
    try:
        written = run.write(drafts, out, force)
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(2)
    for draft, path in zip(drafts, written):
        click.echo(f"{draft.source}: wrote {path}")
    ui.info(f"{len(written)} draft(s) written to {out}; {failed} page(s) not imported")
    sys.exit(2 if unreadable else (1 if failed else 0))
