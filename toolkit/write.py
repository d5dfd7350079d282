"""Stage 4: write outputs atomically, inside the output folder only.

An output is written to a temporary file in its destination folder, flushed to disk and
then renamed over the old one, so a reader (or a build killed half-way) sees either the
previous good file or the new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from toolkit.errors import UsageError


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Replace ``path`` with ``data`` in one step; create parent folders as needed."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def output_path(out_dir: str | os.PathLike[str], relative: str | os.PathLike[str]) -> Path:
    """``out_dir / relative``, refusing any name that would land outside ``out_dir``.

    Output names come from source file names and ids, which a hostile document controls.
    """
    root = Path(out_dir).resolve()
    relative = Path(relative)
    if relative.is_absolute() or ".." in relative.parts:
        raise UsageError(f"output name {str(relative)!r} would leave the output folder",
                         str(relative), rule="output-path")
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise UsageError(f"output name {str(relative)!r} would leave the output folder",
                         str(relative), rule="output-path")
    return target
