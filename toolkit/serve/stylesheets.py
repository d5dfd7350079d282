"""The formats' stylesheets, compiled once per server and recompiled when a module changes.

:func:`toolkit.core.saxon.compile_xslt` caches a stylesheet by its entry file and that
file's modification time; a change to a module the entry imports (``html/notes.xsl``)
leaves the entry untouched, so the cache would keep serving the old compilation. The
server therefore knows each entry's *import closure* (read here from ``xsl:import`` and
``xsl:include``, ``https://tei-edition.org/xslt/`` mapped to the toolkit's folder as the
catalog does) and, when a file of the closure changes, compiles that entry again from its
text with a new generation mark, which is a new cache key. Only the formats whose closure
holds the changed file are recompiled: a change to ``html/notes.xsl`` leaves the text and
print stylesheets warm.

Saxon's rule that a processor may not compile once it has transformed (its
``allowedProtocols`` is emptied first) is :mod:`toolkit.core.saxon`'s business: a compile
after the first transform gets a fresh processor there.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from toolkit.build.formats import FORMATS
from toolkit.core import resources, saxon
from toolkit.core.errors import ToolkitError
from toolkit.core.parse import parse_file

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
TOOLKIT_XSLT_URI = "https://tei-edition.org/xslt/"


def entry_for(fmt: str, overrides: dict[str, Path] | None = None) -> Path:
    """The entry stylesheet of ``fmt``: the user's override if given, else the toolkit's."""
    path = (overrides or {}).get(fmt) or resources.xslt_path(FORMATS[fmt].stylesheet)
    return Path(path).resolve()


def import_closure(entry: Path) -> frozenset[Path]:
    """``entry`` and every module it imports or includes, transitively (resolved paths).

    A module that cannot be read is still part of the closure (so that creating or fixing
    it recompiles the entry); its own imports are unknown until then.
    """
    toolkit_dir = resources.data_dir("xslt").resolve()
    seen: set[Path] = set()
    todo = [entry.resolve()]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        try:
            tree = parse_file(module, xinclude=False)
        except ToolkitError:
            continue
        for el in tree.iter(f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include"):
            target = _module_path(el.get("href", ""), module, toolkit_dir)
            if target is not None:
                todo.append(target)
    return frozenset(seen)


def _module_path(href: str, module: Path, toolkit_dir: Path) -> Path | None:
    if href.startswith(TOOLKIT_XSLT_URI):
        return (toolkit_dir / unquote(href[len(TOOLKIT_XSLT_URI):])).resolve()
    absolute = urljoin(module.as_uri(), href)
    parts = urlsplit(absolute)
    if parts.scheme != "file":
        return None  # Saxon is not allowed to fetch it either
    return Path(unquote(parts.path)).resolve()


class WarmStylesheets:
    """The compiled stylesheet of each format, kept until one of its modules changes."""

    def __init__(self, overrides: dict[str, Path] | None = None) -> None:
        self._overrides = dict(overrides or {})
        self._lock = threading.Lock()
        self._compiled: dict[str, saxon.Stylesheet] = {}
        self._closures: dict[str, frozenset[Path]] = {}
        self._generation = 0

    def get(self, fmt: str) -> saxon.Stylesheet:
        """The compiled stylesheet for ``fmt``, compiling it on first use (raises
        :class:`TransformError` when it does not compile; the next call tries again)."""
        with self._lock:
            sheet = self._compiled.get(fmt)
            if sheet is None:
                entry = entry_for(fmt, self._overrides)
                self._closures[fmt] = import_closure(entry)
                self._generation += 1
                text = _read_text(entry)
                mark = f"\n<!-- tei-edition serve: compilation {self._generation} -->\n"
                sheet = saxon.compile_xslt(text=text + mark, base_uri=entry.as_uri())
                self._compiled[fmt] = sheet
            return sheet

    def changed(self, paths: set[Path]) -> set[str]:
        """Forget the formats whose stylesheet modules include one of ``paths``; return them."""
        resolved = {p.resolve() for p in paths}
        with self._lock:
            stale = {fmt for fmt, closure in self._closures.items() if closure & resolved}
            for fmt in stale:
                self._compiled.pop(fmt, None)
                self._closures.pop(fmt, None)
        return stale

    def folders(self) -> set[Path]:
        """Folders holding the stylesheets in use (what the watcher must look at)."""
        folders = {resources.data_dir("xslt").resolve()}
        folders |= {entry_for(fmt, self._overrides).parent for fmt in self._overrides}
        return folders


def _read_text(entry: Path) -> str:
    try:
        return entry.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolkitError(f"cannot read stylesheet: {exc}", str(entry), rule="io") from None
