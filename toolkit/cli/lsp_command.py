"""``tei-edition lsp``: the language server, over stdio."""

from __future__ import annotations

import click

from toolkit.cli import CONTEXT, cli


@cli.command(context_settings=CONTEXT)
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the default and only "
                                            "transport; accepted because clients pass it).")
def lsp(stdio) -> None:
    """Run the language server (Language Server Protocol over stdin/stdout).

    Start it from your editor's LSP client, not by hand: diagnostics as you type
    (well-formedness at once; schemas, Schematron and reference checks after a pause and on
    save, chosen as validate chooses them), go to definition and hover on @ref, @corresp,
    @who and other pointers, completion of pointer values from the registers, and the
    markup assistant's untagged mentions as hints with a quick fix. See the README for
    VS Code, Neovim and Emacs.
    """
    from toolkit.lsp.server import main

    main()
