"""Watch the project's folders and hand each batch of changed files to the server's state.

``watchfiles`` (inotify on Linux) groups the events of one save (an editor's write to a
temporary file and rename, a formatter's second write) into one batch: a batch is yielded
once no new event arrived for :data:`STEP_MS`. Only files the server cares about are
passed on (sources, stylesheets, schemas), never hidden folders such as
``.git`` or the output of a build.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

#: Milliseconds without a new event that end a batch (watchfiles' ``step``).
STEP_MS = 15
#: Longest a batch is held while events keep coming (watchfiles' ``debounce``).
DEBOUNCE_MS = 300
WATCHED_SUFFIXES = frozenset({".xml", ".tei", ".xsl", ".xslt", ".xsd", ".rng", ".rnc", ".sch",
                              ".odd"})


def relevant(path: Path, folders: list[Path]) -> bool:
    """Whether a change of ``path`` can change a page or its findings (no hidden folder
    below the watched one, a suffix of ours)."""
    if path.suffix.lower() not in WATCHED_SUFFIXES:
        return False
    for folder in folders:
        if folder in path.parents:
            return not any(p.startswith(".") for p in path.relative_to(folder).parts)
    return False


def watch(folders: set[Path], on_change: Callable[[set[Path]], None],
          stop: threading.Event, ready: threading.Event | None = None) -> None:
    """Call ``on_change(paths)`` for every batch of relevant changes until ``stop`` is set.

    ``ready`` is set once the watcher runs (its first idle round), so that a change made
    after it is seen. An exception from ``on_change`` is the caller's to report; it is
    caught here only as a last resort, so the watching goes on.
    """
    import watchfiles

    existing = sorted({f.absolute() for f in folders if f.is_dir()})

    def keep(change, path: str) -> bool:
        return relevant(Path(path), existing)

    for changes in watchfiles.watch(*existing, watch_filter=keep, stop_event=stop,
                                    step=STEP_MS, debounce=DEBOUNCE_MS, yield_on_timeout=True,
                                    rust_timeout=100, raise_interrupt=False):
        if ready is not None:
            ready.set()
        paths = {Path(p) for _, p in changes}
        if not paths:
            continue
        try:
            on_change(paths)
        except Exception:  # noqa: BLE001 - the watcher keeps running
            pass
