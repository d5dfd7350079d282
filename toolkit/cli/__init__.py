"""The ``tei-edition`` command: ``build``, ``validate``, ``site``, ``serve``, ``lsp``,
``import``, ``annotate``.

Each command lives in a module of its own (:mod:`.build`, :mod:`.validate`; what they
share in :mod:`.ui`), loaded when it is invoked: ``build`` then imports none of the
validation engines and ``validate`` none of the build. Add a command with one entry in
:data:`COMMANDS` (``name: "module:attribute"``), or ``cli.add_command``.

Exit codes follow the conventions CI systems expect: 0 success, 1 findings or failed
documents, 2 usage or I/O errors. No traceback reaches the user: every failure is
printed as ``file:line:col: severity: message [rule]``.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from toolkit import __version__
from toolkit.cli.ui import CONTEXT, plain_stderr
from toolkit.core.errors import ToolkitError

#: command name -> "module:attribute" of its click command
COMMANDS = {
    "build": "toolkit.cli.build:build",
    "validate": "toolkit.cli.validate:validate",
    "site": "toolkit.cli.site:site",
    "serve": "toolkit.cli.serve_command:serve",
    "lsp": "toolkit.cli.lsp_command:lsp",
    "import": "toolkit.cli.import_command:import_",
    "annotate": "toolkit.cli.annotate_command:annotate",
}


class Commands(click.Group):
    """A group that imports a command's module only when the command is used."""

    def list_commands(self, ctx) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx, name):
        if name in COMMANDS and name not in self.commands:
            module, _, attribute = COMMANDS[name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)


@click.group(cls=Commands, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="tei-edition")
def cli() -> None:
    """Validate TEI-XML and publish it as HTML, plain-text and PDF editions."""


def main() -> None:
    """Console-script entry point: never let a traceback reach the user."""
    from toolkit.core.executors import forking

    forking.start_if_asked(sys.argv[1:])  # its imports overlap ours (see forking)
    try:
        cli.main(standalone_mode=True)
    except ToolkitError as exc:
        _error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so in one line, keep the trace on request
        if os.environ.get("TEI_EDITION_DEBUG"):
            raise
        _error(f"tei-edition: internal error: {type(exc).__name__}: {exc} "
               "(set TEI_EDITION_DEBUG=1 for the traceback)")
        sys.exit(2)


def _error(text: str) -> None:
    """One line on stderr, red on a terminal (rich only there: see :func:`plain_stderr`)."""
    if plain_stderr():
        sys.stderr.write(text + "\n")
        return
    from rich.console import Console

    Console(stderr=True, soft_wrap=True, emoji=False).print(text, style="red", markup=False)
