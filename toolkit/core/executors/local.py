"""``--executor local``: ``--jobs`` worker processes on this machine (the default).

One item at a time per process (:func:`toolkit.core.parallel.run_ordered`): a process
has no start-up worth amortising once it is warm, and the first item it gets compiles
what the work needs (the stylesheets, the schemas) as it would in a single process, so
:attr:`Work.warm` is not needed here. A worker process that dies (killed, out of memory)
breaks the pool: the items it had not finished become :attr:`Work.failed` results, the
ones already done are kept.
"""

from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

from toolkit.core.executors import Work
from toolkit.core.parallel import run_ordered

T = TypeVar("T")
R = TypeVar("R")


class LocalExecutor:
    """Worker processes of this machine, results in input order."""

    name = "local"
    same_folder = True

    def __init__(self, jobs: int) -> None:
        self.workers = max(1, jobs)

    def map(self, work: Work[T, R], items: Sequence[T]) -> Iterator[R]:
        items = list(items)
        done = 0
        try:
            for result in run_ordered(work.function, items, self.workers):
                done += 1
                yield result
        except Exception as exc:  # BrokenProcessPool, imported only if a pool ran
            from concurrent.futures.process import BrokenProcessPool

            if not isinstance(exc, BrokenProcessPool):
                raise
            reason = f"a worker process died ({type(exc).__name__}: {exc})".strip()
            for item in items[done:]:
                yield work.failed(item, reason)

    def describe(self) -> str:
        return f"local: {self.workers} process(es)"
