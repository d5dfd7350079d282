"""``tei-edition serve``: the edition in the browser, rendered again on every save.

Data flow: ``watch`` (changed files) -> ``live.LiveState`` -> a renderer (``edition``:
``stylesheets`` kept compiled, pages in memory, ``pages.Page``) and ``validate``'s findings
-> ``events`` (server-sent events) -> the tab's ``assets/live.js``, which puts the changed
parts of the new page in place (a full reload, at the reader's scroll position, when the
head changed) and fills the findings panel. ``server`` answers HTTP on
127.0.0.1, ``project`` decides which paths may be served, ``app`` starts and stops it all.
"""
