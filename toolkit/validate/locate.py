"""Where a finding is: the file (XIncludes followed), line, column and XPath of a node.

Engines report the line libxml2 recorded for an element. For an element XIncluded from
``part.xml`` that is a line of ``part.xml`` (see :mod:`toolkit.core.xinclude`), so the
file must be ``part.xml`` too: :class:`Locator` answers that for engines that hold the
element (the reference checks), :func:`relocate` afterwards for findings that carry only
an XPath (XSD, RELAX NG, Schematron).

Columns of attributes are found in the source text (a start tag may span lines), which
is read only when a finding needs it: most documents have none.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from lxml import etree

from toolkit.core.findings import Finding
from toolkit.core.xinclude import origins_of

TEI_NS = "http://www.tei-c.org/ns/1.0"
PREFIXES = {TEI_NS: "tei", "http://www.w3.org/1999/xhtml": "html",
            "http://www.w3.org/1998/Math/MathML": "mml", "http://www.w3.org/2000/svg": "svg"}
_NAMESPACES = {prefix: uri for uri, prefix in PREFIXES.items()}


def xpath_of(el: etree._Element) -> str:
    """``/tei:TEI[1]/tei:text[1]/...``: an XPath with the usual prefixes (tei, html, mml,
    svg; other namespaces as ``*[local-name()=...]``)."""
    steps = []
    node = el
    while node is not None and isinstance(node.tag, str):
        qname = etree.QName(node)
        parent = node.getparent()
        index = 1
        if parent is not None:
            for sibling in parent:
                if sibling is node:
                    break
                if sibling.tag == node.tag:
                    index += 1
        if qname.namespace is None:
            name = qname.localname
        elif qname.namespace in PREFIXES:
            name = f"{PREFIXES[qname.namespace]}:{qname.localname}"
        else:
            name = f"*[local-name()='{qname.localname}'][namespace-uri()='{qname.namespace}']"
        steps.append(f"{name}[{index}]")
        node = parent
    return "/" + "/".join(reversed(steps))


_NOT_ELEMENT_STEP = re.compile(r"/(?:@[^/\[]+|@\*\[[^\]]*\]|text\(\)(?:\[\d+\])?|"
                               r"comment\(\)(?:\[\d+\])?|processing-instruction\([^)]*\)(?:\[\d+\])?)$")


def element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    """The element an engine's XPath names (an attribute or text step: its element), or
    None when the path does not evaluate here (unknown prefix, not an element)."""
    if not path:
        return None
    path = _NOT_ELEMENT_STEP.sub("", path)
    root = tree.getroot()
    namespaces = {**{k: v for k, v in root.nsmap.items() if k}, **_NAMESPACES}
    try:
        found = tree.xpath(path, namespaces=namespaces)
    except (etree.XPathError, TypeError, ValueError):
        return None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    return None


class Locator:
    """Locations in one parsed source ``name`` (the file ``path``), XIncludes followed."""

    def __init__(self, tree: etree._ElementTree, name: str, path: Path | None,
                 lines: list[str] | None = None) -> None:
        self.name = name
        self.path = Path(path) if path is not None else None
        self.origins = origins_of(tree)
        #: ``lines``: the text of the document itself when it is not what is on disk (an
        #: editor's unsaved buffer)
        self._buffer = lines
        self._lines: dict[Path, list[bytes]] = {}

    def file_of(self, el: etree._Element) -> tuple[str, Path | None]:
        """The name messages give the file ``el`` was written in, and its path."""
        if self.origins is not None:
            included = self.origins.path_of(el)
            if included is not None:
                return self.origins.name_of(el), included
        return self.name, self.path

    def _text(self, path: Path | None) -> list[bytes] | list[str]:
        """The lines of ``path`` as libxml2 counts them (at ``\n``), still undecoded."""
        if self._buffer is not None and path == self.path:
            return self._buffer
        if path is None:
            return []
        if path not in self._lines:
            try:
                self._lines[path] = path.read_bytes().split(b"\n")
            except OSError:
                self._lines[path] = []
        return self._lines[path]

    def attribute(self, el: etree._Element, qname: str) -> tuple[int | None, int | None]:
        """1-based (line, column) of ``qname=`` in ``el``'s start tag, else (line, None)."""
        line = el.sourceline
        lines = self._text(self.file_of(el)[1]) if line else []
        if not lines:
            return line, None
        pattern = re.compile(r"(?<![\w:.\-])" + re.escape(qname) + r"\s*=")
        for offset in range(0, 30):
            index = line - 1 + offset
            if index >= len(lines):
                break
            text = lines[index]
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            text = text.rstrip("\r")
            match = pattern.search(text)
            if match:
                return index + 1, match.start() + 1
            if ">" in text and offset > 0:
                break
        return line, None

    def finding(self, el: etree._Element, attr: str | None, severity: str, message: str,
                rule: str, source: str) -> Finding:
        """A finding at ``el`` (at its attribute ``attr`` when given)."""
        file = self.file_of(el)[0]
        if attr:
            line, column = self.attribute(el, attr)
            return Finding(file, line, column, severity, message, rule,
                           f"{xpath_of(el)}/@{attr}", source)
        return Finding(file, el.sourceline, None, severity, message, rule, xpath_of(el), source)


def relocate(findings: list[Finding], tree: etree._ElementTree, name: str) -> list[Finding]:
    """``findings`` with the file of each XIncluded element they point at (by XPath).

    A finding of ``name`` whose XPath names an element that came from ``part.xml`` is
    given ``part.xml`` as its file; its line already is one of ``part.xml``.
    """
    origins = origins_of(tree)
    if origins is None:
        return findings
    out = []
    for finding in findings:
        if finding.file == name and finding.xpath:
            el = element_at(tree, finding.xpath)
            included = origins.name_of(el) if el is not None else None
            if included is not None:
                finding = dataclasses.replace(finding, file=included)
        out.append(finding)
    return out
