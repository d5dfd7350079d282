"""One build at a time per output folder, and no lock file left behind.

Why a lock: two builds writing one folder would interleave their outputs and overwrite
each other's manifest. The lock is an ``flock`` on ``OUT/.tei-edition.lock``, taken
without waiting: a second build is refused at once with a message (exit 2), and the
kernel releases the lock of a build that is killed.

Why the care in taking it: the file is removed when the build ends, so that a finished
build leaves only its outputs (and a failed build of a new folder leaves no folder).
Removing a lock file races with a build that opened it just before: that build would
lock the removed file while a third creates and locks a new one, and two builds would
hold "the" lock. So a build that got the lock checks that the file it locked is still
the one at the path (same device and inode) and otherwise tries again; the holder
removes the file *before* it lets go of the lock. Whoever holds a lock on the file at
the path is then the only build writing the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from toolkit.core import write
from toolkit.core.errors import UsageError

LOCK_NAME = ".tei-edition.lock"


def _acquire(path: Path) -> int:
    """An open descriptor holding the lock on the file now at ``path``."""
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except FileNotFoundError:  # the folder was removed by a build that just ended
            continue
        except OSError as exc:
            raise UsageError(f"cannot use output folder: {exc.strerror or exc}",
                             str(path.parent), rule="io") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise UsageError("another build is writing to this output folder",
                             str(path.parent), rule="io") from None
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        held = os.fstat(fd)
        if current is not None and (current.st_dev, current.st_ino) == (held.st_dev,
                                                                          held.st_ino):
            return fd
        os.close(fd)  # a build that ended removed the file we locked: lock the new one


@contextlib.contextmanager
def locked_output(out_dir: Path) -> Iterator[None]:
    """Hold the lock on ``out_dir`` (created if need be) while the body runs; clean up a
    killed build's temporary files first; remove the lock file afterwards, and the folder
    too when this build created it and left it empty."""
    out_dir = Path(out_dir)
    created = not out_dir.exists()
    path = out_dir / LOCK_NAME
    fd = _acquire(path)
    try:
        write.remove_stale_parts(out_dir)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)  # while still holding the lock: see the module docstring
        os.close(fd)
        if created:
            with contextlib.suppress(OSError):  # not empty, or in use again: keep it
                out_dir.rmdir()
