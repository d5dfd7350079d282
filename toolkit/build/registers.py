"""The register files a TEI document points to, parsed safely, for the stylesheets.

Why this module exists: an edition keeps its persons, places and organisations in files of
their own and points to them as ``persons.xml#kim``, ``../registers.xml#p12`` or through a
``prefixDef`` private URI (``psn:kim``). The stylesheets resolve such pointers
(``xslt/common/pointers.xsl``), but Saxon may read no file while it transforms (its
``allowedProtocols`` is emptied, see :mod:`toolkit.core.saxon`). So the toolkit reads them:

* only local XML files inside the source's folder tree (the folder the user named, or the
  file's own folder), never a URL, never through ``..`` out of that tree;
* each with the one safe parser (:func:`toolkit.core.parse.parse_file`), once per process
  while the file is unchanged;
* registers that point to further registers (a person's note naming a place in
  ``places.xml``) are followed, up to :data:`MAX_REGISTER_FILES` files.

The trees are passed to every format as the stylesheet parameter :data:`PARAM`, each with
its file URI as base URI, so that relative pointers match.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding

#: The stylesheet parameter that receives the register documents (common/pointers.xsl).
PARAM = "{urn:tei-edition:functions}registers"
#: Attributes whose values are pointers to register entries (as in common/pointers.xsl).
POINTER_ATTRIBUTES = ("ref", "target", "corresp", "who", "resp", "sameAs")
#: At most this many register files per document (a guard against pointer sprawl).
MAX_REGISTER_FILES = 64

TEI_NS = "http://www.tei-c.org/ns/1.0"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$", re.S)
_cache: dict[Path, tuple[tuple[int, int], etree._ElementTree]] = {}


@dataclass
class Registers:
    """The register documents found for one source, and what went wrong reading them."""

    trees: list[etree._ElementTree] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def find_registers(tree: etree._ElementTree, path: str | Path | None = None,
                   root: str | Path | None = None) -> Registers:
    """The register files that ``tree`` (parsed from ``path``) points to, parsed.

    ``root`` is the folder tree register files may come from (default: the source's folder).
    A file that does not exist is left to ``validate`` (its pointers stay unresolved); one
    that cannot be parsed, or lies outside ``root``, is a warning at the pointer.
    """
    if path is None:
        url = tree.docinfo.URL or ""
        if not url.startswith("file:"):
            return Registers()
        path = Path(unquote(urlsplit(url).path))
    source = Path(path).resolve()
    boundary = Path(root).resolve() if root is not None else source.parent
    found = Registers()
    seen = {source}
    queue = [(tree, str(path))]
    while queue:
        current, name = queue.pop(0)
        for element, target in _pointed_files(current):
            if target in seen:
                continue
            seen.add(target)
            if target != boundary and boundary not in target.parents:
                both = Path(os.path.commonpath([target, boundary]))
                found.findings.append(_warning(name, element, f"register file "
                                               f"{_display(target)} is outside the folder "
                                               f"{_display(boundary)} being built; not read "
                                               f"(build {_display(both)}, which holds both)"))
                continue
            if not target.is_file():
                continue
            if len(found.trees) >= MAX_REGISTER_FILES:
                found.findings.append(_warning(name, element, f"more than {MAX_REGISTER_FILES} "
                                               "register files; the others are not read"))
                return found
            try:
                register = _parse(target, boundary)
            except ToolkitError as exc:
                found.findings.append(Finding(exc.file, exc.line, exc.column, "warning",
                                              f"register file not read: {exc.message}",
                                              "register", source="toolkit"))
                continue
            found.trees.append(register)
            queue.append((register, _display(target)))
    return found


def _pointed_files(tree: etree._ElementTree):
    """``(element, file)`` for each pointer of ``tree`` into another local XML file."""
    prefixes = _prefix_defs(tree)
    for element in tree.getroot().iter("*"):
        for name in POINTER_ATTRIBUTES:
            value = element.get(name)
            if not value or "#" not in value:
                continue
            for token in value.split():
                target = _file_of(token, element.base or tree.docinfo.URL or "", prefixes)
                if target is not None:
                    yield element, target


def _file_of(token: str, base: str, prefixes: dict[str, list[tuple[str, str]]],
             depth: int = 3) -> Path | None:
    """The local file a pointer names (after prefixDef expansion), or None."""
    match = _SCHEME.match(token)
    if match and match.group(1) in prefixes and depth > 0:
        for pattern, replacement in prefixes[match.group(1)]:
            expanded = _expand(pattern, replacement, match.group(2))
            if expanded is not None:
                return _file_of(expanded, base, prefixes, depth - 1)
        return None
    if match and match.group(1).lower() != "file":
        return None  # a URL (http:, mailto: ...) or an unknown prefix: nothing to read
    file_part = token.split("#", 1)[0]
    if not file_part or "#" not in token:
        return None
    url = urljoin(base, file_part)
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path)).resolve()


def _prefix_defs(tree: etree._ElementTree) -> dict[str, list[tuple[str, str]]]:
    defs: dict[str, list[tuple[str, str]]] = {}
    for prefix_def in tree.getroot().iter(f"{{{TEI_NS}}}prefixDef"):
        ident = prefix_def.get("ident")
        if ident and prefix_def.get("matchPattern") is not None:
            defs.setdefault(ident, []).append((prefix_def.get("matchPattern"),
                                               prefix_def.get("replacementPattern") or ""))
    return defs


def _expand(pattern: str, replacement: str, rest: str) -> str | None:
    """XPath-style ``replace(rest, ^(?:pattern)$, replacement)``; None if it does not match.

    Python's regular expressions agree with XPath's for the patterns prefixDefs use; a
    pattern Python cannot compile is ignored (the stylesheet ignores it as well).
    """
    try:
        regex = re.compile(f"^(?:{pattern})$")
        if not regex.match(rest):
            return None
        return regex.sub(re.sub(r"\$(\d)", r"\\\1", replacement), rest)
    except (re.error, IndexError):
        return None


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
