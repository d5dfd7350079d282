"""Batches of consecutive items sized by source bytes, so that a task is worth its overhead.

The distributed scheduler costs about a millisecond per task and a round trip per
result; a corpus of small files sent one file per task spends its time on scheduling
(dask/distributed#181, #6178), and one that ships parsed documents spends it pickling
(dask/dask#1783). A batch here is a run of consecutive items (paths, not trees) whose
sources add up to about :data:`TARGET_SECONDS` of work: the first batches are sized from
:attr:`toolkit.core.executors.Work.rate`, later ones from the bytes per second the
workers actually got through. Near the end no batch takes more than a share of what is
left, so that the workers finish together instead of one waiting on a last big batch, but
none is cut below :data:`MIN_SECONDS` of work either: each task costs its worker a round
trip to the scheduler (5-30 ms on a 2-core machine) before the next one arrives, more than
a smaller batch could save at the end. A fixed ``batch_bytes`` (``--batch-bytes``)
replaces all of that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: seconds of work a batch aims at (the issue's window: 0.1-1 s)
TARGET_SECONDS = 0.5
#: near the end, batches shrink down to this much work, not below (see the docstring)
MIN_SECONDS = 0.05
#: a batch never holds more items than this (a corpus of empty files still gets spread)
MAX_ITEMS = 500


def size_of(path: str) -> int:
    """Bytes of ``path`` (0 when it cannot be read: the worker will say why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


@dataclass
class Batches:
    """Cuts ``sizes`` (bytes per item) into consecutive batches as the work goes on."""

    sizes: list[int]
    workers: int
    rate: float
    fixed_bytes: int | None = None
    target_seconds: float = TARGET_SECONDS
    start: int = 0
    #: (items, bytes, seconds on the worker) of every batch that completed
    done: list[tuple[int, int, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.remaining = sum(self.sizes)

    def observe(self, items: int, nbytes: int, seconds: float) -> None:
        self.done.append((items, nbytes, seconds))

    def measured_rate(self) -> float:
        """Bytes per second per worker so far (the first guess until a batch is back)."""
        nbytes = sum(b for _, b, _ in self.done)
        seconds = sum(s for _, _, s in self.done)
        return nbytes / seconds if seconds > 0.05 and nbytes else self.rate

    def target_bytes(self) -> float:
        if self.fixed_bytes:
            return self.fixed_bytes
        rate = self.measured_rate()
        share = max(self.remaining / (2 * max(1, self.workers)), rate * MIN_SECONDS)
        return max(1.0, min(rate * self.target_seconds, share))

    def next(self) -> range | None:
        """The next batch (indices into ``sizes``), or None when all are handed out."""
        if self.start >= len(self.sizes):
            return None
        limit = self.target_bytes()
        end, total = self.start, 0
        while end < len(self.sizes) and end - self.start < MAX_ITEMS and (
                end == self.start or total + self.sizes[end] <= limit):
            total += self.sizes[end]
            end += 1
        batch = range(self.start, end)
        self.start = end
        self.remaining -= total
        return batch

    def summary(self) -> str:
        """``N batches, median K files / B KB / S s`` for ``-v`` and the benchmark."""
        if not self.done:
            return "no batches"
        ordered = sorted(self.done, key=lambda d: d[1])
        items, nbytes, seconds = ordered[len(ordered) // 2]
        return (f"{len(self.done)} batches, median {items} file(s) / {nbytes / 1000:.0f} KB / "
                f"{seconds:.2f} s, largest {ordered[-1][1] / 1000:.0f} KB")
