"""Helpers for the tests of ``serve``: a server on a copy of fixture files, its events."""

from __future__ import annotations

import http.client
import json
import queue
import shutil
import threading
import urllib.request
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "live"
#: Upper bound on waiting for the server to notice a save (not a latency assertion).
PATIENCE = 60.0


def copy_fixtures(folder: Path, *names: str) -> list[Path]:
    out = []
    for name in names or ("letter.xml", "registers.xml"):
        out.append(Path(shutil.copy(FIXTURES / name, folder / name)))
    return out


class Events:
    """The server's event stream, read in a thread into a queue."""

    def __init__(self, url: str) -> None:
        self._response = urllib.request.urlopen(url + "_live/events", timeout=PATIENCE)
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = None
        try:
            for raw in self._response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event:
                    self._queue.put((event, json.loads(line[6:])))
                    event = None
        except (OSError, ValueError):
            pass

    def wait(self, kind: str, url: str, predicate=lambda data: True) -> dict:
        """The next ``kind`` event about ``url`` that satisfies ``predicate``."""
        while True:
            event, data = self._queue.get(timeout=PATIENCE)
            if event == kind and data.get("url") == url and predicate(data):
                return data

    def close(self) -> None:
        self._response.close()


def get(base: str, path: str, host: str | None = None, method: str = "GET"):
    """``(status, headers, body)`` for a raw request path (sent as given, not normalised)."""
    address = base.split("//", 1)[1].rstrip("/")
    hostname, port = address.split(":")
    conn = http.client.HTTPConnection(hostname, int(port), timeout=PATIENCE)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host or address)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def status(base: str, page: str) -> dict:
    code, _, body = get(base, "/_live/status?page=" + page)
    assert code == 200, body
    return json.loads(body)
