"""Content hashes of files, recomputed only when a file's size or mtime changed.

Both pipelines need them: the build's incremental manifest decides by content whether a
document is up to date, and validation caches loaded schemas by content. Reading a file
costs far more than a ``stat``, so a hash is kept with the ``(size, mtime_ns)`` it was
taken at and reused while both are unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


def sha256_file(path: str | Path) -> str:
    """The hex sha256 of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass
class FileHash:
    """A content hash and the ``stat`` it was taken at."""

    size: int
    mtime_ns: int
    sha256: str

    def as_list(self) -> list:
        return [self.size, self.mtime_ns, self.sha256]


class HashCache:
    """sha256 of files, recomputed only when ``(size, mtime_ns)`` differs from the cache."""

    def __init__(self, known: dict[str, list] | None = None) -> None:
        self.known: dict[str, FileHash] = {}
        for key, value in (known or {}).items():
            try:
                self.known[key] = FileHash(int(value[0]), int(value[1]), str(value[2]))
            except (TypeError, ValueError, IndexError):
                continue
        self.hashed = 0  # how many files had to be read (for tests and benchmarks)

    def hash(self, path: Path) -> FileHash:
        """The hash of ``path`` (raises ``OSError`` when it cannot be read)."""
        key = str(path)
        info = path.stat()
        cached = self.known.get(key)
        if cached and cached.size == info.st_size and cached.mtime_ns == info.st_mtime_ns:
            return cached
        self.hashed += 1
        fresh = FileHash(info.st_size, info.st_mtime_ns, sha256_file(path))
        self.known[key] = fresh
        return fresh
