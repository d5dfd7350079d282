"""``tei-edition serve``: a live preview of the edition on 127.0.0.1."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import click

from toolkit.cli import CONTEXT, cli
from toolkit.cli.ui import pairs, stylesheet_params
from toolkit.core.errors import ToolkitError, UsageError


@cli.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1; 0 picks a free one (printed at start).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Stylesheet parameter (repeatable), as for build.")
@click.option("--stylesheet", "stylesheets", multiple=True, metavar="FORMAT=FILE.xsl",
              help="Use your own stylesheet for a format (it may xsl:import ours).")
@click.option("--site", "as_site", is_flag=True,
              help="Serve the edition site (as `tei-edition site` builds it: index, registers, "
                   "chronology, search), rebuilt on every save.")
def serve(sources, port, params, stylesheets, as_site) -> None:
    """Serve SOURCES (files, folders, globs) as a live HTML edition on 127.0.0.1.

    With no SOURCES, serves the bundled edition. Every save of a source, a file it
    points to (a register file), a stylesheet or a schema renders the page again and
    updates open tabs where the reader is; a panel lists the findings of
    validate with links to their lines. A document that stops being well-formed keeps
    its last good page, with the error shown on top. The text and PDF editions are at
    the same URL with .txt and .pdf. Only files inside the project folder are served.
    Stop with Ctrl-C.
    """
    from toolkit.core import resources
    from toolkit.core import sources as source_list
    from toolkit.serve.app import LiveApp

    err = click.get_text_stream("stderr")
    overrides = {k: Path(v) for k, v in pairs(stylesheets, "--stylesheet")}
    for fmt, path in overrides.items():
        if fmt not in ("html", "text", "pdf"):
            raise click.BadParameter(f"unknown format {fmt!r}", param_hint="--stylesheet")
        if not path.is_file():
            raise click.BadParameter(f"no such stylesheet: {path}", param_hint="--stylesheet")
    problems = []
    found = source_list.expand(list(sources) or [str(p) for p in resources.bundled_edition()],
                               problems=problems)
    for finding in problems:
        click.echo(finding.format(), err=True)
    if not found:
        click.echo("tei-edition serve: no documents to serve", err=True)
        sys.exit(2)
    try:
        app = LiveApp(found, port=port, params=dict(stylesheet_params(params, overrides)),
                      overrides=overrides, renderer="site" if as_site else "edition")
    except OSError as exc:
        click.echo(f"tei-edition serve: cannot listen on 127.0.0.1:{port}: "
                   f"{exc.strerror or exc}", err=True)
        sys.exit(2)
    except ToolkitError as exc:
        click.echo(exc.finding().format(), err=True)
        sys.exit(exc.exit_code if isinstance(exc, UsageError) else 2)
    click.echo(f"Serving {len(app.project.documents)} document(s) from {app.project.root} "
               f"at {app.url}", err=True)
    app.start()
    for url, _, page in app.renderer.index():
        if page is not None and page.error is not None:
            click.echo(page.error.format(), err=True)
    # the handler before the "Ready" line: a supervisor (or a test) that stops the server
    # as soon as it reads the line must get a clean stop, not Python's default death
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        click.echo(f"Ready: {app.url} (Ctrl-C to stop)")
        sys.stdout.flush()
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        app.stop()
        err.write("Stopped.\n")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
