"""Where the work of ``validate``, ``build`` (and ``site``) runs: processes here, or Dask.

A command describes its work once, as a :class:`Work` (a function of one item, the
source path of an item, the result of an item whose worker died, what a worker compiles
before its first item) and hands it with its items to an executor's ``map``, which
yields one result per item **in input order**: reports, progress and the incremental
manifest are the same whichever executor ran the work, and so are outputs and findings.

* ``local`` (:mod:`.local`): ``--jobs`` worker processes on this machine, one item at a
  time per process (:func:`toolkit.core.parallel.run_ordered`).
* ``dask`` (:mod:`.dask`): a Dask cluster, joined with ``--scheduler ADDRESS`` or started
  here as a ``LocalCluster`` of ``--jobs`` processes bound to 127.0.0.1. Items travel in
  batches of source *paths* sized by bytes, never parsed trees; each worker compiles the
  stylesheets and schemas once (a worker plugin running :attr:`Work.warm`) and keeps them.
  Dask is an optional extra: ``pip install 'tei-edition[dask]'``.

A command that wants an executor (``site`` when it lands, like ``validate`` and ``build``
today) takes the options of :func:`toolkit.cli.ui.executor_options`, reads them with
:func:`toolkit.cli.ui.executor_spec` and runs ``with open_executor(spec, jobs) as run:
run.map(work, items)``; the configuration keys ``executor``, ``scheduler`` and
``batch-bytes`` then apply to it as well.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, Protocol, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: the names ``--executor`` accepts
EXECUTORS = ("local", "dask")
INSTALL_HINT = ("--executor dask needs Dask: pip install 'tei-edition[dask]' "
                "(the packages dask and distributed)")


@dataclass(frozen=True)
class Work(Generic[T, R]):
    """One function over many items, as every executor runs it.

    ``function`` and ``warm`` are pickled by reference (module-level functions, or
    ``functools.partial`` of them); ``function`` must turn its own errors into results.
    """

    #: the result of one item; runs in a worker
    function: Callable[[T], R]
    #: the source file of an item (batches are sized by its bytes; messages name it)
    path: Callable[[T], str]
    #: the result of an item that could not be run: its worker process died (on Dask: the
    #: second time it took its worker down); runs here, with the reason
    failed: Callable[[T, str], R]
    #: run once in each worker process before its first item (compile stylesheets and
    #: schemas while that is still allowed); None: nothing to prepare
    warm: Callable[[], None] | None = None
    #: a first guess of how many source bytes one worker gets through in a second, for the
    #: first batches on Dask (later ones are sized from what was measured)
    rate: float = 1e6


@dataclass(frozen=True)
class ExecutorSpec:
    """What the user asked for: ``--executor``, ``--scheduler``, ``--batch-bytes``."""

    name: str = "local"
    scheduler: str | None = None
    batch_bytes: int | None = None

    @property
    def distributed(self) -> bool:
        return self.name == "dask"


class Executor(Protocol):
    """What :func:`open_executor` returns."""

    name: str
    #: worker processes (threads, on Dask) the work is spread over
    workers: int
    #: whether the workers run in this process's folder (relative paths mean the same)
    same_folder: bool

    def map(self, work: Work[T, R], items: Sequence[T]) -> Iterator[R]:
        """``work.function(item)`` for every item, yielded in input order."""

    def describe(self) -> str:
        """One line for ``-v``: where the work ran and in what batches."""


def require_same_folder(executor: Executor, paths: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse relative ``paths`` when the workers run in another folder (a cluster joined
    with ``--scheduler``): they would read and write other files than those meant."""
    if executor.same_folder:
        return
    relative = [str(p) for p in paths if not os.path.isabs(p)]
    if relative:
        from toolkit.core.errors import UsageError

        raise UsageError(f"the Dask workers do not run in this folder ({os.getcwd()}), so "
                         f"relative paths such as {relative[0]} would name other files there: "
                         "give absolute paths, or start the workers in this folder",
                         rule="dask")


@contextlib.contextmanager
def open_executor(spec: ExecutorSpec, jobs: int) -> Iterator[Executor]:
    """The executor ``spec`` names with ``jobs`` workers, closed (cluster and all) on exit.

    ``--executor dask`` without Dask installed is a :class:`UsageError` that says how to
    install it; so is a scheduler that cannot be reached.
    """
    if spec.name == "local":
        from toolkit.core.executors.local import LocalExecutor

        yield LocalExecutor(jobs)
        return
    if spec.name != "dask":
        from toolkit.core.errors import UsageError

        raise UsageError(f"unknown executor {spec.name!r} (choose from {', '.join(EXECUTORS)})",
                         rule="usage")
    if spec.scheduler is None:
        from toolkit.core.executors import forking

        forking.start()  # its imports run while this process imports Dask
    try:
        import distributed  # noqa: F401 - the optional extra
    except ImportError:
        from toolkit.core.errors import UsageError

        raise UsageError(INSTALL_HINT, rule="dask-missing") from None
    from toolkit.core.executors.dask import DaskExecutor

    executor = DaskExecutor(jobs, spec.scheduler, spec.batch_bytes)
    try:
        yield executor
    finally:
        executor.close()
