"""``--executor dask``: the work spread over a Dask cluster, results as ``--jobs`` gives them.

Designed for many small files, after what Dask's own users ran into:

* **Paths, not trees, in batches.** A task carries a batch of items that name source
  files (:mod:`.batches`: about half a second of work each, sized by bytes); the worker
  reads and parses them itself. Results are small: findings, and for a build the paths
  it wrote (or, when the workers cannot write the output folder, the bytes).
* **Warm workers.** :attr:`Work.warm` runs once per worker process in a worker plugin
  (:class:`Warm`), in the thread the tasks run in, before the first batch: stylesheets
  and schemas are compiled once while Saxon may still read the toolkit's files, then kept
  in the process (a worker that replaces a dead one runs the plugin too).
* **Streamed, then ordered.** A bounded window of batches is in flight (two per worker
  thread, not the whole corpus at once: the scheduler holds a few tasks, never 100,000);
  results are taken ``as_completed`` and yielded in input order as soon as the items
  before them are in, so progress, reports and the manifest advance during the run.
* **Crashes bounded.** A batch whose worker died (``KilledWorker``) is retried item by
  item elsewhere, first; an item whose worker died a second time becomes
  :attr:`Work.failed` (a finding on that file), never retried again. The ``LocalCluster``
  started here lets the scheduler retry nothing itself (``allowed-failures: 0``) and
  hands a worker only the task it runs (``worker-saturation: 1.0``), so a death is
  blamed on the batch that caused it; a cluster joined with ``--scheduler`` keeps its own
  settings (by default it tries a task on four workers before giving up on it).
* **Workers that start fast.** The ``LocalCluster``'s worker processes are forked from a
  server that imported Dask and the toolkit's pipelines once (``forkserver``, where the
  platform has it; Saxon is loaded after the fork, in each worker), not spawned: a fresh
  interpreter per worker costs a second or more of imports, and so does closing them.
  The server starts as soon as the command line asks for a LocalCluster
  (:func:`.forking.start_if_asked`), so its imports run beside this process's own; the
  cluster's shutdown runs beside the command's report. Its servers wake less often than
  Dask's defaults (:data:`LOCAL_CONFIG`: a 500 ms event-loop tick, no profiler), which
  would otherwise take ~8 % of a core from the work.
* **Nothing listens beyond this machine** unless asked: the ``LocalCluster``'s scheduler,
  nannies and workers bind to 127.0.0.1 and it has no dashboard (the scheduler's HTTP
  routes, health and metrics, are on a free port of 127.0.0.1); ``--scheduler`` joins
  a cluster the user runs.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import signal
import threading
import time
import uuid
from collections import Counter, deque
from typing import Callable, Iterator, Sequence, TypeVar

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from toolkit import __version__
from toolkit.core.errors import ToolkitError, UsageError
from toolkit.core.executors import Work, forking
from toolkit.core.executors.batches import Batches, size_of

T = TypeVar("T")
R = TypeVar("R")

#: the scheduler settings of a LocalCluster started here (see the module docstring)
LOCAL_CONFIG = {"distributed.scheduler.allowed-failures": 0,
                "distributed.scheduler.worker-saturation": 1.0,
                # the statistical profiler samples every task thread 100 times a second
                "distributed.worker.profile.enabled": False,
                # every server (the scheduler and each nanny, here; each worker) wakes 50
                # times a second only to time its event loop, and samples the system twice
                # a second for a dashboard there is none of: ~8 % of a core on an idle
                # 2-worker cluster, taken from the work; ~3 % at these intervals (the
                # warning of a loop blocked for more than 3 s still comes)
                "distributed.admin.tick.interval": "500ms",
                "distributed.admin.system-monitor.interval": "2s"}

#: where the LocalCluster's scheduler serves its HTTP routes (health, metrics: it always
#: does, even without a dashboard): a free port of 127.0.0.1, not Dask's 8787, where the
#: dashboard of a cluster the user runs may be, and a warning would say it was taken
SCHEDULER_HTTP = {"dashboard_address": "127.0.0.1:0"}

CONNECT_TIMEOUT = 30
#: an item that took its worker down this many times is reported, not retried
MAX_CRASHES = 2
#: test-only: a worker given a source whose path contains this value kills itself
#: (SIGKILL, as the out-of-memory killer would); with KILL_ONCE, a file created the first
#: time, only once. Tests use it to make a worker die at a known document.
KILL_ON = "TEI_EDITION_TEST_KILL_WORKER"
KILL_ONCE = "TEI_EDITION_TEST_KILL_ONCE"
DIED = (f"not finished: the Dask worker running it died {MAX_CRASHES} times (a crash or "
        "out of memory while processing this document)")


class Warm(WorkerPlugin):
    """Runs ``warm`` once in each worker, in the thread its tasks run in."""

    def __init__(self, warm: Callable[[], None]) -> None:
        self.warm = warm

    async def setup(self, worker) -> None:
        executor = worker.executors.get("default")
        try:
            await asyncio.get_running_loop().run_in_executor(executor, self.warm)
        except Exception:  # noqa: BLE001 - the items report the same failure, located
            logging.getLogger(__name__).debug("warm-up failed", exc_info=True)


def run_batch(function: Callable[[T], R], path: Callable[[T], str],
              items: list[T]) -> tuple[list[R], float]:
    """One task: ``function`` over a batch, and the seconds it took on the worker."""
    started = time.perf_counter()
    results = []
    for item in items:
        _test_kill(path(item))
        results.append(function(item))
    return results, time.perf_counter() - started


def _test_kill(path: str) -> None:
    marker = os.environ.get(KILL_ON)
    if not marker or marker not in path:
        return
    once = os.environ.get(KILL_ONCE)
    if once:
        try:
            os.close(os.open(once, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)


class DaskExecutor:
    """A Dask client: of the cluster at ``scheduler``, or of a LocalCluster of ``jobs``."""

    name = "dask"

    def __init__(self, jobs: int, scheduler: str | None = None,
                 batch_bytes: int | None = None) -> None:
        self.batch_bytes = batch_bytes
        self.cluster: LocalCluster | None = None
        self.batches: Batches | None = None
        #: batches lost with their worker, and items given up on
        self.lost = self.given_up = 0
        quiet = logging.CRITICAL
        logging.getLogger("distributed").setLevel(quiet)
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            else:
                config = dict(LOCAL_CONFIG)
                if forking.start():
                    config["distributed.worker.multiprocessing-method"] = "forkserver"
                with dask.config.set(config):
                    self.cluster = LocalCluster(
                        n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                        host="127.0.0.1", scheduler_port=0, dashboard_address=None,
                        scheduler_kwargs=SCHEDULER_HTTP, silence_logs=quiet)
                self.client = Client(self.cluster, set_as_default=False)
        except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a Dask LocalCluster"
            raise UsageError(f"cannot start or reach {where}: {type(exc).__name__}: {exc}",
                             rule="dask") from None
        self.where = scheduler or f"LocalCluster {self.cluster.scheduler_address}"
        if not self.client.scheduler_info()["workers"]:
            try:
                self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                self.close()
                raise UsageError(f"the Dask cluster at {scheduler} has no workers",
                                 rule="dask") from None
        workers = self.client.scheduler_info()["workers"].values()
        self.workers = sum(w.get("nthreads", 1) for w in workers) or 1
        here = os.path.realpath(os.getcwd())
        if self.cluster is not None:
            # workers started just now, forked or spawned: multiprocessing moves each into
            # the folder its parent is in at the start, this one
            self.same_folder = True
        else:  # a round trip to every worker
            self.same_folder = all(os.path.realpath(cwd) == here
                                   for cwd in self.client.run(os.getcwd).values())

    def map(self, work: Work[T, R], items: Sequence[T]) -> Iterator[R]:
        items = list(items)
        if not items:
            return
        sizes = [size_of(work.path(item)) for item in items]
        batches = self.batches = Batches(sizes, self.workers, work.rate, self.batch_bytes)
        plugin = self._warm(work.warm)
        token = uuid.uuid4().hex[:12]
        numbers = itertools.count()
        running: dict = {}
        retry: deque[int] = deque()
        crashes: Counter[int] = Counter()
        results: dict[int, R] = {}
        completed = as_completed(loop=self.client.loop)

        def submit(indices: Sequence[int], priority: int) -> None:
            future = self.client.submit(run_batch, work.function, work.path,
                                        [items[i] for i in indices], priority=priority,
                                        key=f"tei-edition-{token}-{next(numbers)}", pure=False)
            running[future] = list(indices)
            completed.add(future)

        def fill() -> None:
            while len(running) < 2 * self.workers:
                if retry:
                    submit([retry.popleft()], priority=1)
                    continue
                batch = batches.next()
                if batch is None:
                    return
                submit(batch, priority=0)

        def finish() -> None:  # before the last result: a caller may stop asking there
            nonlocal plugin
            if running:
                self.client.cancel(list(running))
            if plugin:
                self._unwarm(plugin)
                plugin = None

        following = 0
        try:
            fill()
            for future in completed:
                indices = running.pop(future)
                try:
                    values, seconds = future.result()
                except KilledWorker:
                    self.lost += 1
                    for i in indices:
                        crashes[i] += 1
                        if crashes[i] >= MAX_CRASHES:
                            self.given_up += 1
                            results[i] = work.failed(items[i], DIED)
                        else:
                            retry.append(i)
                except Exception as exc:  # noqa: BLE001 - the cluster, not a document
                    raise _cluster_error(exc) from None
                else:
                    results.update(zip(indices, values))
                    batches.observe(len(indices), sum(sizes[i] for i in indices), seconds)
                fill()
                while following in results:
                    if following == len(items) - 1:
                        finish()
                    yield results.pop(following)
                    following += 1
        finally:
            finish()

    def _warm(self, warm: Callable[[], None] | None) -> str | None:
        if warm is None:
            return None
        name = f"tei-edition-warm-{uuid.uuid4().hex[:12]}"
        self.client.register_plugin(Warm(warm), name=name)
        return name

    def _unwarm(self, name: str) -> None:
        if self.cluster is None:  # a cluster of the user's: leave no plugin behind
            try:
                self.client.unregister_worker_plugin(name)
            except Exception:  # noqa: BLE001 - a worker gone meanwhile
                pass

    def describe(self) -> str:
        text = f"dask: {self.workers} worker thread(s) at {self.where}"
        if self.batches:
            text += f"; {self.batches.summary()}"
        if self.lost:
            text += (f"; {self.lost} task(s) lost with their worker, retried file by file"
                     f" ({self.given_up} file(s) given up)")
        return text

    def close(self) -> None:
        """Close the client; a LocalCluster of ours shuts down (its workers stop, 30-100 ms)
        in a thread, beside what the command still does (its report), and is waited for
        before the process exits: the thread is not a daemon."""
        self.client.close()
        if self.cluster is not None:
            threading.Thread(target=_close_cluster, args=(self.cluster,),
                             name="tei-edition-dask-close").start()


def _close_cluster(cluster: LocalCluster) -> None:
    try:
        cluster.close()
    except Exception:  # noqa: BLE001 - nothing is left to report it to
        logging.getLogger(__name__).debug("closing the LocalCluster failed", exc_info=True)


def _cluster_error(exc: Exception) -> ToolkitError:
    """A task failed for a reason of the cluster's (a worker that cannot import the
    toolkit, a lost scheduler): exit 2 with what the user can do about it."""
    detail = f"{type(exc).__name__}: {exc}"
    hint = ""
    if isinstance(exc, ImportError):
        hint = f" (install tei-edition {__version__} with its [dask] extra on every worker)"
    return UsageError(f"the Dask cluster could not run the work: {detail}{hint}", rule="dask")
