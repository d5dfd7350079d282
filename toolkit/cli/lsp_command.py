"""``tei-edition lsp``: the language server, over stdio."""
