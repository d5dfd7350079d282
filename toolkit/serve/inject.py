"""The server's own additions to a page: the live-reload script and the findings panel.

Only fixed markup of the server is inserted: two elements loading ``/_live/live.js`` and
``/_live/live.css``, files of the toolkit. Nothing of the document goes into them; the
panel is filled in the browser from JSON with ``textContent``, never as markup. The page
the stylesheet produced keeps its own safety properties (no script or ``javascript:``
URL from the document): the insertion changes nothing else in it.
"""

from __future__ import annotations

from importlib import resources

SNIPPET = ('<link rel="stylesheet" href="/_live/live.css"/>'
           '<script src="/_live/live.js" defer="defer" data-version="{version:d}"></script>')
ASSETS = {"live.js": "text/javascript; charset=utf-8", "live.css": "text/css; charset=utf-8"}


def inject(page: bytes, version: int) -> bytes:
    """``page`` with :data:`SNIPPET` before its last ``</body>`` (appended if it has none).

    ``version`` (the page's render count) lets the script notice a newer page rendered
    while this one loaded. A document's own text cannot contain ``</body>``: the HTML
    serializer escapes ``<``.
    """
    snippet = SNIPPET.format(version=int(version)).encode("ascii")
    at = page.rfind(b"</body>")
    if at < 0:
        return page + snippet
    return page[:at] + snippet + page[at:]


def asset(name: str) -> tuple[bytes, str] | None:
    """The bytes and content type of one of the server's own files, or None."""
    if name not in ASSETS:
        return None
    data = resources.files("toolkit.serve").joinpath("assets", name).read_bytes()
    return data, ASSETS[name]
