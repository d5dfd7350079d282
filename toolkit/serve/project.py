"""What the server may show: the project folder, its documents' URLs, and nothing else.

Every request path is mapped to a file by :meth:`Project.file_for`, which decodes it once,
refuses ``..`` segments, hidden names (``.git``, ``.env``), backslashes and NUL bytes, and
then checks that the *resolved* file (symlinks followed) lies inside the resolved project
root. A symlink inside the project that points out of it is therefore refused like a
``../`` in the URL, and so is an encoded ``%2e%2e/`` (decoded before the check, once: a
doubly encoded one names a file called ``%2e%2e``, which does not exist).

A document's pages have stable URLs: ``<path relative to the root without .xml>.html``
(``.txt`` for the text edition, ``.pdf`` for the print edition), as ``build`` names its
outputs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from toolkit.core.sources import Source

#: URL suffix -> build format.
PAGE_SUFFIXES = {".html": "html", ".txt": "text", ".pdf": "pdf"}


def project_root(paths: list[Path], cwd: Path | None = None) -> Path:
    """The folder served: the current folder when it holds every source, else the
    deepest folder that holds them all."""
    cwd = (cwd or Path.cwd()).absolute()
    folders = [p.absolute().parent for p in paths] or [cwd]
    if all(cwd == f or cwd in f.parents for f in folders):
        return cwd
    return Path(os.path.commonpath([str(f) for f in folders]))


@dataclass(frozen=True)
class Document:
    """One source and the URL stem of its pages (``letters/l1`` for ``letters/l1.xml``)."""

    path: Path
    stem: str

    def url(self, fmt: str = "html") -> str:
        suffix = {v: k for k, v in PAGE_SUFFIXES.items()}[fmt]
        return "/" + self.stem + suffix


class Project:
    """The served folder and its documents."""

    def __init__(self, root: Path, sources: list[Source]) -> None:
        self.root = root.absolute()
        self.real_root = root.resolve()
        self.documents: list[Document] = []
        self._by_stem: dict[str, Document] = {}
        self._by_path: dict[Path, Document] = {}
        for source in sources:
            absolute = source.path.absolute()
            try:
                relative = absolute.relative_to(self.root)
            except ValueError:
                relative = source.relative
            doc = Document(absolute, relative.with_suffix("").as_posix())
            if doc.stem not in self._by_stem:
                self.documents.append(doc)
                self._by_stem[doc.stem] = doc
                self._by_path[_real(absolute)] = doc

    def document_at(self, path: Path) -> Document | None:
        """The document whose source is ``path`` (any spelling of it), if it is served."""
        return self._by_path.get(_real(path))

    def page_for(self, url_path: str) -> tuple[Document, str] | None:
        """``(document, format)`` for a page URL such as ``/telegram.html``."""
        clean = _clean(url_path)
        if clean is None:
            return None
        for suffix, fmt in PAGE_SUFFIXES.items():
            if clean.endswith(suffix):
                doc = self._by_stem.get(clean[: -len(suffix)])
                if doc is not None:
                    return doc, fmt
        return None

    def file_for(self, url_path: str) -> Path | None:
        """The regular file inside the project that ``url_path`` names, or None."""
        clean = _clean(url_path)
        if not clean:
            return None
        candidate = self.real_root.joinpath(*clean.split("/"))
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if real != self.real_root and self.real_root not in real.parents:
            return None
        return real if real.is_file() else None


def _clean(url_path: str) -> str | None:
    """The decoded, relative form of a URL path, or None when it may not be served."""
    path = url_path.split("?", 1)[0].split("#", 1)[0]
    try:
        decoded = unquote(path, errors="strict") if "%" in path else path
    except UnicodeDecodeError:
        return None
    if "\0" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if any(p == ".." or p.startswith(".") for p in parts):
        return None
    return "/".join(parts)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
