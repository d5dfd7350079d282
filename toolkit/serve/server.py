"""The HTTP side of ``serve``: 127.0.0.1 only, GET and HEAD only, pages from memory.

Routes:

* ``/``: the server's start page, every document with its HTML, text and PDF links;
* a document's page (``/telegram-1953-03-29.html``, ``.txt``, ``.pdf``) from the renderer,
  the HTML with the server's script and panel (:mod:`toolkit.serve.inject`);
* ``/_live/events`` (server-sent events), ``/_live/status?page=URL`` (JSON),
  ``/_live/source?page=URL`` (the document's source with numbered lines, for the panel's
  links), ``/_live/live.js`` and ``/_live/live.css``;
* any other file of the project (images, the TEI itself), through
  :meth:`toolkit.serve.project.Project.file_for`, with a ``sandbox`` Content-Security-Policy
  so that no script in such a file runs.

Requests whose ``Host`` is not this server's loopback address are refused (a page on
another site cannot reach the server through DNS rebinding). A handler never lets an
exception out: the reply is a 500 with a one-line message.
"""

from __future__ import annotations

import html
import json
import mimetypes
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from toolkit.serve import inject
from toolkit.serve.live import LiveState

HOST = "127.0.0.1"
PAGE_POLICY = ("frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
               "form-action 'none'")
FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"


class LiveServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its :class:`LiveState`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: LiveState, port: int = 0) -> None:
        self.state = state
        super().__init__((HOST, port), Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def handle_error(self, request, client_address) -> None:
        """A tab closed mid-request is normal; anything else is one line, no traceback."""
        import sys

        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            sys.stderr.write(f"tei-edition serve: request failed: {type(error).__name__}: "
                             f"{error}\n")


class Handler(BaseHTTPRequestHandler):
    server: LiveServer
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY: an event is a few hundred bytes written to a stream whose last segment
    # may not be acknowledged yet; Nagle's algorithm would hold it back until it is (up to
    # the client's delayed ACK, tens of milliseconds of every save-to-page time)
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet by default
        pass

    def do_HEAD(self) -> None:
        self._handle(head=True)

    def do_GET(self) -> None:
        self._handle(head=False)

    def _not_allowed(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"GET and HEAD only\n",
                   "text/plain; charset=utf-8", extra={"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    # -- dispatch -----------------------------------------------------------------------

    def _handle(self, head: bool) -> None:
        try:
            if not self._host_ok():
                self._send(HTTPStatus.FORBIDDEN, b"wrong Host\n", "text/plain; charset=utf-8")
                return
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            state = self.server.state
            if parts.path == "/_live/events":
                self._events(head)
            elif parts.path == "/_live/status":
                page_url = query.get("page", [""])[0]
                if state.renderer.source_of(page_url) is None:
                    self._send(HTTPStatus.NOT_FOUND, b"no such page\n", "text/plain; charset=utf-8")
                else:
                    body = json.dumps(state.status(page_url)).encode("utf-8")
                    self._send(HTTPStatus.OK, body, "application/json", head=head)
            elif parts.path == "/_live/source":
                self._source(query.get("page", [""])[0], head)
            elif parts.path.startswith("/_live/"):
                found = inject.asset(parts.path[len("/_live/"):])
                if found is None:
                    self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")
                else:  # the server's own files do not change while it runs
                    self._send(HTTPStatus.OK, found[0], found[1], head=head,
                               cache="max-age=86400")
            elif parts.path == "/" and state.renderer.home:
                self._page_or_file(state.renderer.home, head)
            elif parts.path == "/":
                self._send(HTTPStatus.OK, _start_page(state), "text/html; charset=utf-8",
                           head=head, policy=PAGE_POLICY)
            else:
                self._page_or_file(parts.path, head)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - the server never dies of one request
            try:
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR,
                           f"internal error: {type(exc).__name__}: {exc}\n".encode("utf-8"),
                           "text/plain; charset=utf-8")
            except OSError:
                pass

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        port = self.server.server_address[1]
        return host in (f"{HOST}:{port}", f"localhost:{port}")

    def _page_or_file(self, path: str, head: bool) -> None:
        state = self.server.state
        page = state.renderer.page(path)
        if page is not None:
            body = page.body
            if page.content_type.startswith("text/html"):
                body = inject.inject(body, page.version)
            self._send(HTTPStatus.OK, body, page.content_type, head=head, policy=PAGE_POLICY)
            return
        file = state.project.file_for(path)
        if file is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/xml", "image/svg+xml"):
            kind += "; charset=utf-8" if kind.startswith("text/") else ""
        self._send(HTTPStatus.OK, file.read_bytes(), kind, head=head, policy=FILE_POLICY)

    def _source(self, page_url: str, head: bool) -> None:
        source = self.server.state.renderer.source_of(page_url)
        if source is None:
            self._send(HTTPStatus.NOT_FOUND, b"no such page\n", "text/plain; charset=utf-8")
            return
        try:
            text = source.read_bytes().decode("utf-8", "replace")
        except OSError as exc:
            text = f"cannot read {source}: {exc.strerror or exc}"
        self._send(HTTPStatus.OK, _source_page(page_url, source.name, text),
                   "text/html; charset=utf-8", head=head, policy=PAGE_POLICY)

    def _events(self, head: bool) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if head:
            return
        self.close_connection = True
        for chunk in self.server.state.events.stream():
            self.wfile.write(chunk)
            self.wfile.flush()

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, head: bool = False,
              policy: str | None = None, extra: dict[str, str] | None = None,
              cache: str = "no-store") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if policy:
            self.send_header("Content-Security-Policy", policy)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)


_HEAD = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
         '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
         '<title>{title}</title><style>body{{font:15px/1.5 system-ui,sans-serif;margin:2em}}'
         'pre{{font:13px/1.45 monospace}} .n{{color:#777;user-select:none;display:inline-block;'
         'width:5ch;text-align:right;margin-right:1ch}} :target{{background:#fff3b0}}'
         '</style></head><body>')


def _start_page(state: LiveState) -> bytes:
    """The list of documents, with each one's state (the server's own page)."""
    rows = []
    for url, label, page in state.renderer.index():
        base = url[: -len(".html")] if url.endswith(".html") else url
        note = "not rendered yet" if page is None else \
            ("error: " + page.error.message if page.error else f"version {page.version}")
        rows.append(f'<li><a href="{html.escape(url)}">{html.escape(label)}</a> '
                    f'(<a href="{html.escape(base)}.txt">text</a>, '
                    f'<a href="{html.escape(base)}.pdf">PDF</a>) '
                    f'<small>{html.escape(note)}</small></li>')
    body = "".join(rows) or "<li>no documents</li>"
    return (_HEAD.format(title="tei-edition serve") +
            f"<h1>tei-edition serve</h1><ul>{body}</ul></body></html>").encode("utf-8")


def _source_page(page_url: str, name: str, text: str) -> bytes:
    """The source with numbered lines, each an anchor ``#L<n>`` (text escaped)."""
    lines = text.splitlines() or [""]
    numbered = "\n".join(f'<span id="L{n}"><span class="n">{n}</span>{html.escape(line)}</span>'
                         for n, line in enumerate(lines, 1))
    return (_HEAD.format(title=html.escape(name)) +
            f'<p><a href="{html.escape(page_url)}">back to the page</a></p>'
            f"<h1>{html.escape(name)}</h1><pre>{numbered}</pre></body></html>").encode("utf-8")
