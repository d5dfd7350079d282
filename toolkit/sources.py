"""Turn the CLI's SOURCES (files, folders, globs) into an ordered list of XML files.

The order is stable (sorted per argument, arguments in the order given, duplicates
dropped) so that results are identical whatever the number of worker processes.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import UsageError

XML_SUFFIXES = (".xml", ".tei")


@dataclass(frozen=True)
class Source:
    """One input file and the name its outputs get, relative to the output folder."""

    path: Path
    relative: Path

    @property
    def stem(self) -> Path:
        return self.relative.with_suffix("")


def expand(arguments: list[str]) -> list[Source]:
    """Files stay as given; folders are searched recursively for ``*.xml``; globs expand."""
    seen: set[Path] = set()
    sources: list[Source] = []

    def add(path: Path, relative: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            sources.append(Source(path, relative))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in XML_SUFFIXES
                           and p.is_file() and not _hidden(p.relative_to(path)))
            for file in found:
                add(file, file.relative_to(path))
        elif path.exists() or path.is_symlink():
            add(path, Path(path.name))
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise UsageError(f"no files match {argument!r}", argument, rule="io")
            root = Path(_glob_root(argument))
            for match in matches:
                file = Path(match)
                if file.is_file():
                    add(file, file.relative_to(root) if root in file.parents else Path(file.name))
        else:
            raise UsageError("no such file or folder", argument, rule="io")
    return sources


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed = [p for p in _takewhile_plain(parts)]
    return str(Path(*fixed)) if fixed else "."


def _takewhile_plain(parts):
    for part in parts:
        if glob.has_magic(part):
            return
        yield part
