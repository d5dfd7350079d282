"""Turn the CLI's SOURCES (files, folders, globs) into an ordered list of XML files.

The order is stable (sorted per argument, arguments in the order given, duplicates
dropped) so that results are identical whatever the number of worker processes.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from toolkit.core.errors import UsageError

XML_SUFFIXES = (".xml", ".tei")


@dataclass(frozen=True)
class Source:
    """One input file and the name its outputs get, relative to the output folder."""

    path: Path
    relative: Path

    @property
    def stem(self) -> Path:
        return self.relative.with_suffix("")


def expand(arguments: list[str], problems: list | None = None) -> list[Source]:
    """Files stay as given; folders are searched recursively for ``*.xml``; globs expand.

    An argument that names nothing (or a folder without XML files) raises :class:`UsageError`, or, when ``problems`` is
    a list, is appended to it as a finding and the other arguments are still expanded.
    Anything given by name is kept (a FIFO, a dangling symlink: the parser says what it
    is); inside folders only regular ``.xml``/``.tei`` files are taken, hidden folders
    and files skipped, and symlinked folders are not followed.
    """
    seen: set[Path] = set()
    sources: list[Source] = []

    def problem(exc: UsageError) -> None:
        if problems is None:
            raise exc
        problems.append(exc.finding())

    def add(path: Path, relative: Path) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            sources.append(Source(path, relative))

    for argument in arguments:
        path = Path(argument)
        if "\0" in argument:
            problem(UsageError("no such file or folder", repr(argument), rule="io"))
        elif path.is_dir():
            files = _walk(path)
            if not files:
                problem(UsageError("no XML files in this folder (*.xml, *.tei; hidden files "
                                   "and folders are skipped)", argument, rule="io"))
            for file in files:
                add(file, file.relative_to(path))
        elif path.exists() or path.is_symlink():
            add(path, Path(path.name))
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                problem(UsageError(f"no files match {argument!r}", argument, rule="io"))
                continue
            root = Path(_glob_root(argument))
            for match in matches:
                file = Path(match)
                if file.is_file():
                    add(file, file.relative_to(root) if root in file.parents else Path(file.name))
        else:
            problem(UsageError("no such file or folder", argument, rule="io"))
    return sources


def _walk(folder: Path) -> list[Path]:
    """Regular XML files under ``folder``, sorted, without following symlinked folders."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            file = Path(dirpath) / name
            if (not name.startswith(".") and file.suffix.lower() in XML_SUFFIXES
                    and file.is_file()):
                found.append(file)
    return sorted(found)


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed = [p for p in _takewhile_plain(parts)]
    return str(Path(*fixed)) if fixed else "."


def _takewhile_plain(parts):
    for part in parts:
        if glob.has_magic(part):
            return
        yield part
