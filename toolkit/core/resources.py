"""Where the shipped data lives: the bundled edition (``tei/``), ``schemas/`` and ``xslt/``.

In a checkout (and an editable install) these are the top-level folders of the repository;
in a wheel they travel inside the package as ``toolkit/_data/<name>``. Code asks here and
never builds such paths itself.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """The folder ``name`` (``tei``, ``schemas`` or ``xslt``) of this installation."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"tei-edition is installed without its {name}/ folder")


def xslt_path(name: str) -> Path:
    return data_dir("xslt") / name


def schema_path(name: str) -> Path:
    return data_dir("schemas") / name


def bundled_edition() -> list[Path]:
    """The TEI sources of the bundled edition (the telegram of 29 March 1953)."""
    return sorted(data_dir("tei").glob("*.xml"))
