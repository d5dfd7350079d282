"""Allow ``python -m toolkit``.

A command line that will start a Dask LocalCluster starts its forkserver here, before the
CLI's own imports (about 0.1 s), which the server's then overlap; see
:mod:`toolkit.core.executors.forking`.
"""

import sys

if __name__ == "__main__":
    from toolkit.core.executors.forking import start_if_asked

    start_if_asked(sys.argv[1:])

    from toolkit.cli import main

    main()
