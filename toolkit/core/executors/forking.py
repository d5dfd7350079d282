"""The forkserver a LocalCluster's workers are forked from, started as early as possible.

A worker spawned afresh imports Dask and the toolkit (a second or more) and takes as long
again to close; forked from a server that imported them once, it starts and stops in a
few milliseconds. The server's imports (about 0.6 s of CPU) are what a LocalCluster waits
for before its first worker, so the server is started as soon as the command line says
``--executor dask`` (:func:`start_if_asked`, before the command's own modules are
imported), or else the configuration does (:func:`toolkit.cli.ui.executor_spec`): they
then run on the second core while this process imports, scans and plans. Saxon's native
library is not among the imports: it is loaded in each worker, after the fork.
"""

from __future__ import annotations

from typing import Sequence

#: imported once by the forkserver
PRELOAD = ["distributed", "toolkit.validate.run", "toolkit.validate.engines.checks",
           "toolkit.build.pipeline"]


#: what :func:`start` answered, once it has run (``python -m toolkit``, the CLI's entry
#: point and the configuration each ask; the first one starts the server)
_started: bool | None = None


def start() -> bool:
    """Start the forkserver with :data:`PRELOAD` imported; False where the platform has
    none (the workers are then spawned) or Dask is not installed."""
    global _started
    if _started is None:
        _started = _start()
    return _started


def _start() -> bool:
    import importlib.util
    import multiprocessing
    import multiprocessing.forkserver  # here: a command line without Dask never pays it

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    try:
        if importlib.util.find_spec("distributed") is None:
            return False
    except (ImportError, ValueError):  # hidden or broken: the caller says how to install it
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    multiprocessing.forkserver.ensure_running()
    return True


def asks_for_local_cluster(argv: Sequence[str]) -> bool:
    """Whether a command line says ``--executor dask`` without ``--scheduler`` (a cluster
    of its own to start). A guess made before the options are parsed: wrong only in
    wasting a server (a command that fails to parse), never in what runs."""
    dask = scheduler = False
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--executor" and i + 1 < len(argv):
            dask = argv[i + 1] == "dask"
        elif arg.startswith("--executor="):
            dask = arg.partition("=")[2] == "dask"
        elif arg == "--scheduler" or arg.startswith("--scheduler="):
            scheduler = True
    return dask and not scheduler


def start_if_asked(argv: Sequence[str]) -> None:
    """Start the server now when ``argv`` will start a LocalCluster (see the docstring)."""
    if asks_for_local_cluster(argv):
        start()
