"""Server-sent events: the server tells open tabs that a page changed, with no dependency.

Each tab opens one ``EventSource`` on ``/_live/events``; every subscriber gets its own
queue, so a slow tab never holds up the others or the rebuild. :meth:`Broadcaster.close`
ends every stream when the server stops.
"""

from __future__ import annotations

import json
import queue
import threading
from typing import Iterator

#: Seconds between keep-alive comments on an idle stream (detects closed tabs).
KEEPALIVE = 15.0
_CLOSED = object()


class Broadcaster:
    """Fan events out to every open stream."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: list[queue.Queue] = []
        self._closed = False

    def publish(self, event: str, data: dict) -> None:
        message = format_event(event, data)
        with self._lock:
            for q in self._queues:
                q.put(message)

    def stream(self, keepalive: float = KEEPALIVE) -> Iterator[bytes]:
        """The messages for one subscriber, until :meth:`close` (a comment when idle)."""
        q: queue.Queue = queue.Queue()
        with self._lock:
            if self._closed:
                return
            self._queues.append(q)
        try:
            yield b"retry: 500\n\n"
            while True:
                try:
                    item = q.get(timeout=keepalive)
                except queue.Empty:
                    yield b": keep-alive\n\n"
                    continue
                if item is _CLOSED:
                    return
                yield item
        finally:
            with self._lock:
                if q in self._queues:
                    self._queues.remove(q)

    def subscribers(self) -> int:
        with self._lock:
            return len(self._queues)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for q in self._queues:
                q.put(_CLOSED)


def format_event(event: str, data: dict) -> bytes:
    """One ``text/event-stream`` message (JSON data on a single line)."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=True)}\n\n".encode("ascii")
