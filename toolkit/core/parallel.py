"""Run one function over many items in worker processes, results in input order.

saxonche holds the GIL during a transform, so parallelism is by processes: each worker
has its own Saxon processor and compiles each stylesheet once. Results come back in the
order of the inputs whatever the number of jobs, so reports and outputs do not depend
on ``--jobs``.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """All cores the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_ordered(function: Callable[[T], R], items: Iterable[T], jobs: int = 1) -> Iterator[R]:
    """Yield ``function(item)`` for each item, in order, using ``jobs`` processes.

    ``function`` must be a module-level function (it is pickled) and should turn its own
    errors into results: an exception escaping it stops the run.
    """
    items = list(items)
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield function(item)
        return
    # imported here: a run of one process (the default) does not pay their ~30 ms
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context) as pool:
        yield from pool.map(function, items, chunksize=1)
