"""Write outputs atomically, inside the output folder only.

An output is written to a temporary file in its destination folder, flushed to disk and
then renamed over the old one, so a reader (or a build killed half-way) sees either the
previous good file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from toolkit.core.errors import UsageError


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Replace ``path`` with ``data`` in one step; create parent folders as needed.

    The temporary file is ``.<name>.<random>.part`` in the same folder (``<name>`` cut
    short for very long names); an OS error (disk full, permissions) becomes a
    :class:`UsageError` naming the file.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{_short_name(path.name)}.", suffix=PART_SUFFIX,
                                   dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror or exc}", str(path), rule="io") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write: {exc.strerror or exc}", str(path),
                             rule="io") from None
        raise
    return path


PART_SUFFIX = ".part"


def _short_name(name: str, limit: int = 120) -> str:
    """A prefix for the temporary name that keeps it under the 255-byte name limit."""
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= limit:
        return name
    return encoded[:limit].decode("utf-8", "ignore")


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (best effort: not every file system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_parts(out_dir: str | os.PathLike[str]) -> int:
    """Delete ``.*.part`` files a killed build left in ``out_dir``; return how many.

    Call only while holding the output folder's lock (see :func:`toolkit.build.pipeline.locked_output`),
    when no other build can be writing there.
    """
    removed = 0
    root = Path(out_dir)
    if not root.is_dir():
        return 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if name.startswith(".") and name.endswith(PART_SUFFIX):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def output_path(out_dir: str | os.PathLike[str], relative: str | os.PathLike[str]) -> Path:
    """``out_dir / relative``, refusing any name that would land outside ``out_dir``.

    Output names come from source file names and ids, which a hostile document controls.
    """
    root = Path(out_dir).resolve()
    if "\0" in str(relative):
        raise UsageError("output name contains a NUL character", repr(str(relative)),
                         rule="output-path")
    relative = Path(relative)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise UsageError(f"output name {str(relative)!r} would leave the output folder",
                         str(relative), rule="output-path")
    target = (root / relative).resolve()
    if root not in target.parents:
        raise UsageError(f"output name {str(relative)!r} would leave the output folder",
                         str(relative), rule="output-path")
    return target
