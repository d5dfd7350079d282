"""Is this a TEI document? The question ``validate`` and ``build`` both ask first.

Why this module exists: a well-formed file that is not TEI passes everything else
silently. ``validate`` finds no schema and nothing for its checks to check and calls it
valid; ``build`` makes an "Untitled document" of it, since the stylesheets match TEI
elements only. The commonest beginner's error is of this kind: a TEI file without
``xmlns="http://www.tei-c.org/ns/1.0"``, whose ``<TEI>`` is an element no TEI tool knows.
So the root is checked, and the message says what was found, what was expected and, for a
missing namespace, the one attribute to add.

A TEI document's root is ``TEI`` or ``teiCorpus`` in the TEI namespace. ``validate``
asks this only of files no schema is applied to (a schema given, configured or declared
decides what the root may be: DraCor's ``dracorCorpus``, a schema's own test documents),
except for the missing namespace, which is always an error; ``build`` asks it always.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: the local names a TEI document's root may have
ROOTS = ("TEI", "teiCorpus")


def root_problem(tree: etree._ElementTree, name: str,
                 lines: list[str] | None = None) -> Finding | None:
    """An error finding when the root of ``tree`` is not TEI's ``TEI`` or ``teiCorpus``
    (rule ``tei-namespace`` when only the namespace is wrong, else ``not-tei``), located
    at the root's start tag; None for a TEI document.

    ``lines`` is the document's text when it is not the file on disk (an editor's buffer).
    """
    root = tree.getroot()
    qname = etree.QName(root)
    if qname.namespace == TEI_NS and qname.localname in ROOTS:
        return None
    tag = f"{root.prefix}:{qname.localname}" if root.prefix else qname.localname
    if qname.localname in ROOTS:
        attribute = f'xmlns:{root.prefix}="{TEI_NS}"' if root.prefix else f'xmlns="{TEI_NS}"'
        if qname.namespace:
            message = (f"<{tag}> is in the namespace {qname.namespace}, not TEI's, so it is "
                       f"not TEI to any tool: write {attribute} in the <{tag}> start tag")
        else:
            message = (f"<{tag}> has no namespace, so it is not TEI to any tool: add "
                       f"{attribute} to the <{tag}> start tag")
        rule = "tei-namespace"
    else:
        found = (f"<{tag}> in the namespace {qname.namespace}" if qname.namespace
                 else f"<{tag}> (no namespace)")
        if qname.namespace == TEI_NS:
            found = f"<{tag}> in the TEI namespace"
        hint = " (TEI P4: convert it to P5 first)" if qname.localname == "TEI.2" else ""
        message = (f"not a TEI document: the root element is {found}{hint}; expected "
                   f"<TEI> or <teiCorpus> in the TEI namespace ({TEI_NS})")
        rule = "not-tei"
    line, column = _start_tag(tree, root, tag, lines)
    return Finding(name, line, column, "error", message, rule, "/*[1]", source="toolkit")


def require_tei(tree: etree._ElementTree, name: str) -> None:
    """Raise the :func:`root_problem` of ``tree`` as a :class:`ToolkitError` (build)."""
    problem = root_problem(tree, name)
    if problem is not None:
        raise ToolkitError(problem.message, problem.file, problem.line, problem.column,
                           rule=problem.rule)


def _start_tag(tree: etree._ElementTree, root: etree._Element, tag: str,
               lines: list[str] | None) -> tuple[int | None, int | None]:
    """(line, column) of ``<tag`` for the root: libxml2 records the line where the start
    tag ends, so the tag is looked for on that line and the ones before it."""
    line = root.sourceline
    if lines is None:
        url = tree.docinfo.URL or ""
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
        try:
            with open(path, "rb") as handle:
                head = handle.read(1 << 20)
        except OSError:
            return line, None
        lines = head.decode("utf-8", "replace").split("\n")
    if not line:
        return None, None
    pattern = re.compile("<" + re.escape(tag) + r"(?=[\s/>]|$)")
    for index in range(min(line, len(lines)) - 1, max(-1, line - 31), -1):
        found = list(pattern.finditer(lines[index]))
        if found:
            return index + 1, found[-1].start() + 1
    return line, None
