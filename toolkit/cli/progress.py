"""Progress of a many-file run: a live bar on a terminal, plain lines in CI, nothing with -q.

* ``bar``: a rich progress bar on stderr (files done / total, rate, elapsed, ETA). Findings
  printed through the same console appear above the bar.
* ``lines``: when stderr is not a terminal (CI logs) or ``CI`` is set, one plain line
  at every 10 % of the files (each file with ``-v``), so a log shows the run is alive
  without thousands of lines.
* ``quiet``: nothing (``--quiet``).

:func:`choose_mode` picks one; :class:`Progress` is a context manager with ``advance``.
"""

from __future__ import annotations

import os
import sys
import time


def choose_mode(quiet: bool, stream=None) -> str:
    """``quiet`` with -q; ``bar`` on an interactive terminal; ``lines`` otherwise."""
    if quiet:
        return "quiet"
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb":
        return "bar"
    return "lines"


class Progress:
    """Report ``advance()`` calls as a bar, as lines, or not at all."""

    def __init__(self, total: int, mode: str, console=None, verb: str = "building",
                 verbose: int = 0) -> None:
        self.total = total
        self.mode = mode if total else "quiet"
        self.console = console
        self.verb = verb
        self.verbose = verbose
        self.done = 0
        self.start = time.monotonic()
        self._next_percent = 10
        self._bar = None
        self._task = None

    def __enter__(self) -> "Progress":
        if self.mode == "bar":
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console, transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.verb, total=self.total, rate="")
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
            self._bar = None

    def advance(self, name: str = "", status: str = "") -> None:
        """One more file finished (``status``: built, skipped, failed)."""
        self.done += 1
        if self.mode == "bar":
            elapsed = max(time.monotonic() - self.start, 1e-9)
            self._bar.update(self._task, advance=1, rate=f"{self.done / elapsed:.1f} files/s",
                             description=f"{self.verb} {_short(name)}")
        elif self.mode == "lines":
            percent = 100 * self.done // self.total
            if self.verbose:
                self._line(f"[{self.done}/{self.total}] {status} {name}".rstrip())
            elif percent >= self._next_percent or self.done == self.total:
                while self._next_percent <= percent:
                    self._next_percent += 10
                elapsed = time.monotonic() - self.start
                self._line(f"{self.verb}: {self.done}/{self.total} files ({percent}%), "
                           f"{elapsed:.1f} s")

    def _line(self, text: str) -> None:
        if self.console is not None:
            self.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr, flush=True)


def _short(name: str, width: int = 40) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1):]
