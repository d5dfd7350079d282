"""Which edition a document belongs to: its project folder and its shared register files.

Why this module exists: an edition is many documents that share registers kept in files of
their own. The project configuration (``edition.toml``, or ``[tool.tei-edition]`` in
``pyproject.toml``) may name them (``registers = ["tei/registers.xml"]``), so that ``#id``
pointers of every document resolve there as well as in the document; and the folder of
that configuration is the *edition root*, the folder tree the toolkit may read a
document's register files from (never beyond it).

A document's configuration is the nearest one at or above its own folder; failing that,
the one of the current folder (the configuration the command runs with). The root is the
folder of that configuration, widened to hold its register files when they lie outside
it. A document with no configuration has no shared registers and no edition root: the
folder the user named is its boundary, as before (:func:`boundary`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from toolkit.core import config as config_module


@dataclass(frozen=True)
class Edition:
    """The project a document belongs to (see the module docstring)."""

    root: Path | None = None
    registers: tuple[Path, ...] = ()
    config: config_module.Config = config_module.Config()

    def contains(self, path: Path) -> bool:
        """Whether ``path`` lies in the edition's folder tree."""
        if self.root is None:
            return False
        resolved = Path(path).resolve()
        return resolved == self.root or self.root in resolved.parents


NO_EDITION = Edition()


def edition_of(config: config_module.Config) -> Edition:
    """The edition a configuration describes (its folder and register files)."""
    if config.path is None:
        return NO_EDITION
    registers = tuple(p.resolve() for p in config.registers)
    folders = [str(config.path.resolve().parent)] + [str(p.parent) for p in registers]
    return Edition(Path(os.path.commonpath(folders)), registers, config)


@lru_cache(maxsize=512)
def _edition_in(folder: Path, cwd: Path) -> Edition:
    found = config_module.find_config(folder)
    if found.path is None and folder != cwd:
        found = config_module.find_config(cwd)
    return edition_of(found)


def edition_for(path: Path | str | None, use_config: bool = True) -> Edition:
    """The edition of the document ``path`` (None: of the current folder).

    Raises :class:`toolkit.core.errors.UsageError` for a configuration that cannot be read.
    Cached per folder for the process (configurations do not change during a run; a
    long-running process calls :func:`forget`).
    """
    if not use_config:
        return NO_EDITION
    cwd = Path.cwd().resolve()
    folder = Path(path).resolve().parent if path is not None else cwd
    return _edition_in(folder, cwd)


def forget() -> None:
    """Read configurations afresh (a server whose project configuration was edited)."""
    _edition_in.cache_clear()


def boundary(path: Path, named_root: Path, edition: Edition) -> Path:
    """The folder tree register files of ``path`` may be read from: the edition root when
    the document lies in it, else ``named_root`` (the folder the user named)."""
    return edition.root if edition.contains(path) else Path(named_root).resolve()
