"""``tei-edition lsp``: validation and register help in the editor (Language Server Protocol).

Data flow: ``server`` (pygls: documents, versions, debouncing) -> ``diagnostics`` (the
buffer parsed safely; ``validate``'s plan and engines over it; findings to LSP ranges) and
``mentions`` (the markup assistant's untagged mentions and their wraps); ``pointers``
finds the pointer under the cursor and ``registers`` resolves it (same file, another file,
``prefixDef``, configured register files) for definition, hover and completion.
"""
