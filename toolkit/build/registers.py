"""The register files a TEI document points to, parsed safely, for the stylesheets.

Why this module exists: an edition keeps its persons, places and organisations in files of
their own and points to them as ``persons.xml#kim``, ``../registers.xml#p12`` or through a
``prefixDef`` private URI (``psn:kim``). The stylesheets resolve such pointers
(``xslt/common/pointers.xsl``), but Saxon may read no file while it transforms (its
``allowedProtocols`` is emptied, see :mod:`toolkit.core.saxon`). So the toolkit reads them:

* the edition's shared register files (``registers`` in the project configuration,
  :mod:`toolkit.core.edition`), where every document's ``#id`` pointers may resolve;
* only local XML files inside the edition root (the folder of the project configuration)
  when the source lies in one, else inside the folder the user named (or the file's own
  folder); never a URL, never through ``..`` out of that tree;
* each with the one safe parser (:func:`toolkit.core.parse.parse_file`), once per process
  while the file is unchanged;
* registers that point to further registers (a person's note naming a place in
  ``places.xml``) are followed, up to :data:`MAX_REGISTER_FILES` files.

The trees are passed to every format as the stylesheet parameter :data:`PARAM` (the shared
ones also as :data:`SHARED_PARAM`), each with its file URI as base URI, so that relative
pointers match. Which file a pointer names is decided by :mod:`toolkit.core.pointers`, the
lookup ``validate`` uses too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.core.edition import Edition, boundary as edition_boundary, edition_for
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.pointers import pointed_files

#: The stylesheet parameter that receives the register documents (common/pointers.xsl).
PARAM = "{urn:tei-edition:functions}registers"
#: The parameter that receives the edition's shared register files, where ``#id`` resolves.
SHARED_PARAM = "{urn:tei-edition:functions}shared-registers"
#: Attributes whose values are pointers to register entries (as in common/pointers.xsl).
POINTER_ATTRIBUTES = ("ref", "target", "corresp", "who", "resp", "sameAs")
#: At most this many register files per document (a guard against pointer sprawl).
MAX_REGISTER_FILES = 64

_cache: dict[Path, tuple[tuple[int, int], etree._ElementTree]] = {}
#: id(tree) -> (tree, its toolkit.core.saxon.Document), the most recently used last
_documents: dict[int, tuple[etree._ElementTree, object]] = {}
#: Saxon forms kept: enough for an edition's shared registers and a document's own, not
#: one per register file of a whole corpus built in one process
MAX_DOCUMENTS = 16


@dataclass
class Registers:
    """The register documents found for one source, and what went wrong reading them."""

    trees: list[etree._ElementTree] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: those of ``trees`` that are the edition's shared register files (``#id`` resolves there)
    shared: list[etree._ElementTree] = field(default_factory=list)

    def params(self, documents: list | None = None) -> dict[str, list]:
        """The stylesheet parameters for these registers (``documents``: the same trees as
        :class:`toolkit.core.saxon.Document`, in the same order, when the caller has them)."""
        if not self.trees:
            return {}
        docs = documents if documents is not None else self.trees
        shared_ids = {id(t) for t in self.shared}
        shared = [d for d, t in zip(docs, self.trees) if id(t) in shared_ids]
        return {PARAM: docs, **({SHARED_PARAM: shared} if shared else {})}

    def documents(self) -> list:
        """The trees as :class:`toolkit.core.saxon.Document`, one per register file while the
        file is unchanged: a register shared by a thousand documents is serialised for Saxon
        once, and a warm server (``serve``) does not hand it over again on every save."""
        return [_document(tree) for tree in self.trees]

    def files(self) -> list[Path]:
        """The register files read (for a build manifest's inputs)."""
        return [Path(unquote(urlsplit(t.docinfo.URL).path)) for t in self.trees]


def find_registers(tree: etree._ElementTree, path: str | Path | None = None,
                   root: str | Path | None = None, edition: Edition | None = None) -> Registers:
    """The register files that ``tree`` (parsed from ``path``) points to, and the edition's
    shared register files, parsed.

    ``root`` is the folder the user named (default: the source's folder); register files
    may come from the edition root instead when the source lies in it
    (:func:`toolkit.core.edition.boundary`). ``edition`` defaults to the source's
    (:func:`toolkit.core.edition.edition_for`). A file that does not exist is left to
    ``validate`` (its pointers stay unresolved); one that cannot be parsed, or lies outside
    the boundary, is a warning at the pointer. Shared register files, named by the user in
    the configuration, are read wherever they are.
    """
    if path is None:
        url = tree.docinfo.URL or ""
        if not url.startswith("file:"):
            return Registers()
        path = Path(unquote(urlsplit(url).path))
    source = Path(path).resolve()
    if edition is None:
        edition = edition_for(source)
    limit = edition_boundary(source, Path(root) if root is not None else source.parent, edition)
    found = Registers()
    seen = {source}
    queue: list[tuple[etree._ElementTree, str]] = []
    for shared in edition.registers:
        if shared in seen or not shared.is_file():
            continue
        seen.add(shared)
        register = _read(shared, limit, found, str(shared))
        if register is not None:
            found.shared.append(register)
            queue.append((register, _display(shared)))
    queue.insert(0, (tree, str(path)))
    while queue:
        current, name = queue.pop(0)
        for element, target in pointed_files(current, POINTER_ATTRIBUTES):
            if target in seen:
                continue
            seen.add(target)
            if target != limit and limit not in target.parents:
                if edition.contains(source):
                    told = f"the edition root {_display(limit)}; not read"
                else:  # the folder named on the command line (or the source's own)
                    both = _display(Path(os.path.commonpath([target, limit])))
                    told = (f"the source's folder {_display(limit)}; not read (build {both}, "
                            "which holds both)")
                found.findings.append(_warning(name, element, f"register file "
                                               f"{_display(target)} is outside {told}"))
                continue
            if not target.is_file():
                continue
            if len(found.trees) >= MAX_REGISTER_FILES:
                found.findings.append(_warning(name, element, f"more than {MAX_REGISTER_FILES} "
                                               "register files; the others are not read"))
                return found
            register = _read(target, limit, found, name)
            if register is not None:
                queue.append((register, _display(target)))
    return found


def _read(target: Path, limit: Path, found: Registers, name: str) -> etree._ElementTree | None:
    """Parse one register file into ``found`` (a warning, and None, when it does not parse)."""
    try:
        register = _parse(target, limit)
    except ToolkitError as exc:
        found.findings.append(Finding(exc.file or name, exc.line, exc.column, "warning",
                                      f"register file not read: {exc.message}",
                                      "register", source="toolkit"))
        return None
    found.trees.append(register)
    return register


def _parse(target: Path, boundary: Path) -> etree._ElementTree:
    from toolkit.core.parse import parse_file

    stat = target.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(target)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    tree = parse_file(target, include_root=boundary)
    _cache[target] = (stamp, tree)
    return tree


def _document(tree: etree._ElementTree):
    """The Saxon form of a register tree of :data:`_cache` (made on first use)."""
    from toolkit.core import saxon

    key = id(tree)
    cached = _documents.pop(key, None)
    if cached is None or cached[0] is not tree:
        cached = (tree, saxon.Document(tree))
    _documents[key] = cached  # now the most recently used
    while len(_documents) > MAX_DOCUMENTS:
        del _documents[next(iter(_documents))]
    return cached[1]


def _display(path: Path) -> str:
    """``path`` as users name files: relative to the working folder when it is inside it
    (``.`` for the folder itself), else as it is."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _warning(name: str, element: etree._Element, message: str) -> Finding:
    return Finding(name, element.sourceline, None, "warning", message, "register",
                   source="toolkit")
