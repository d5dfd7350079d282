"""Schema declarations inside a document: ``<?xml-model?>`` (ISO/IEC 19757-11), and the
older ``<?oxygen RNGSchema?>`` and ``xsi:schemaLocation`` forms.

Only processing instructions in the prolog (before the root element) count, as the
xml-model specification says; their pseudo-attributes are read by lxml (``pi.get``).
Each declaration becomes a :class:`Declaration` with a *kind* from the engine table
(:data:`toolkit.validate.engines.base.KINDS`: ``rng``, ``rnc``, ``xsd``, ``sch``) or
``unsupported`` (DTD, NVDL, ...). A file that declares the same ``.rng`` twice, once with
the RELAX NG namespace and once with the Schematron namespace (as TEI and EpiDoc files
do), yields two declarations: validate the grammar, and run the Schematron embedded in it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from lxml import etree

from toolkit.validate.engines.base import KINDS, label

XSI = "http://www.w3.org/2001/XMLSchema-instance"
UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Declaration:
    """One schema a document asks to be validated against."""

    href: str
    kind: str  # a KINDS key, or "unsupported"
    line: int | None = None
    phase: str | None = None
    schematypens: str | None = None
    type: str | None = None
    origin: str = "xml-model"  # xml-model | oxygen | xsi

    @property
    def label(self) -> str:
        return label(self.kind)


def kind_of(href: str, schematypens: str | None = None, mime: str | None = None) -> str:
    """The schema language of a declaration: the kinds its namespace names (all, when it
    names none), narrowed by media type, then by suffix; ``unsupported`` if none fits."""
    ns = (schematypens or "").strip()
    mime = (mime or "").strip().lower()
    lower = href.lower().split("#")[0].split("?")[0]
    kinds = [k for k in KINDS.values() if k.suffixes or k.namespaces]
    if ns:
        kinds = [k for k in kinds if ns in k.namespaces]
    for chosen in ([k for k in kinds if mime in k.media_types] if mime else [],
                   [k for k in kinds if k.suffixes and lower.endswith(k.suffixes)],
                   kinds if ns else []):
        if chosen:
            return chosen[0].name
    return UNSUPPORTED


def _pseudo(pi: etree._ProcessingInstruction, key: str) -> str | None:
    """A pseudo-attribute of ``pi``, character and entity references expanded."""
    value = pi.get(key)
    return html.unescape(value) if value is not None else None


def declarations(tree: etree._ElementTree) -> list[Declaration]:
    """Every schema declaration of ``tree``, in document order."""
    root = tree.getroot()
    found: list[Declaration] = []
    node = root.getprevious()
    prolog = []
    while node is not None:
        prolog.append(node)
        node = node.getprevious()
    for pi in reversed(prolog):
        if not isinstance(pi, etree._ProcessingInstruction):
            continue
        if pi.target == "xml-model":
            href = _pseudo(pi, "href")
            if not href:
                continue
            ns, mime = _pseudo(pi, "schematypens"), _pseudo(pi, "type")
            found.append(Declaration(href, kind_of(href, ns, mime), pi.sourceline,
                                     _pseudo(pi, "phase") or None, ns, mime))
        elif pi.target == "oxygen":
            for key, kind in (("RNGSchema", None), ("SCHSchema", "sch")):
                href = _pseudo(pi, key)
                if href:
                    if kind is None:
                        kind = "rnc" if (_pseudo(pi, "type") or "").lower() == "compact" else "rng"
                    found.append(Declaration(href, kind, pi.sourceline, origin="oxygen"))
    location = root.get(f"{{{XSI}}}noNamespaceSchemaLocation")
    if location:
        found.append(Declaration(location.strip(), "xsd", root.sourceline, origin="xsi"))
    pairs = (root.get(f"{{{XSI}}}schemaLocation") or "").split()
    for index in range(1, len(pairs), 2):
        found.append(Declaration(pairs[index], "xsd", root.sourceline, origin="xsi"))
    return found
