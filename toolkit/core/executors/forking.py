"""The forkserver a LocalCluster's workers are forked from, started as early as possible.

A worker spawned afresh imports Dask and the toolkit (a second or more) and takes as long
again to close; forked from a server that imported them once, it starts and stops in a
few milliseconds. The server is started before this process imports Dask itself, so that
the two imports run side by side on a machine with a core to spare. Saxon's native
library is not among the imports: it is loaded in each worker, after the fork.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import multiprocessing.forkserver

#: imported once by the forkserver
PRELOAD = ["distributed", "toolkit.validate.run", "toolkit.validate.engines.checks",
           "toolkit.build.pipeline"]


def start() -> bool:
    """Start the forkserver with :data:`PRELOAD` imported; False where the platform has
    none (the workers are then spawned) or Dask is not installed."""
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
