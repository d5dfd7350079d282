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


#: Files of the bundled edition that hold registers only (a header and a standOff): they are
#: validated with the documents, but there is no text in them to publish.
REGISTER_FILES = frozenset({"registers.xml"})


def bundled_edition(documents_only: bool = False) -> list[Path]:
    """The TEI files of the bundled edition: the telegram of 29 March 1953, its front matter
    (``front/``) and its register file; with ``documents_only``, without the register file
    (what ``build`` publishes)."""
    return [source.path for source in bundled_sources(documents_only)]


def bundled_sources(documents_only: bool = False) -> list:
    """:func:`bundled_edition` as sources of the folder ``tei/``: outputs keep the layout
    (``front/introduction.html``), and the folder is the tree the files' pointers may reach
    (``front/`` points to ``../registers.xml``)."""
    from toolkit.core.sources import expand

    return [source for source in expand([str(data_dir("tei"))])
            if not (documents_only and source.path.name in REGISTER_FILES)]
