"""Schema declarations inside a document: ``<?xml-model?>`` (ISO/IEC 19757-11), and the
older ``<?oxygen RNGSchema?>`` and ``xsi:schemaLocation`` forms.

Only processing instructions in the prolog (before the root element) count, as the
xml-model specification says. Each declaration becomes a :class:`Declaration` with a
*kind*: ``rng``, ``rnc``, ``xsd``, ``sch`` or ``unsupported`` (DTD, NVDL, ...). A file
that declares the same ``.rng`` twice, once with the RELAX NG namespace and once with the
Schematron namespace (as TEI and EpiDoc files do), yields two declarations: validate the
grammar, and run the Schematron embedded in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NAMESPACES = (
    "http://purl.oclc.org/dsdl/schematron",  # ISO Schematron
    "http://www.ascc.net/xml/schematron",  # Schematron 1.5
    "http://www.schematron.com/namespace",
)
XSI = "http://www.w3.org/2001/XMLSchema-instance"

RNC_TYPES = ("application/relax-ng-compact-syntax", "application/x-rnc")
KINDS = ("rng", "rnc", "xsd", "sch")


@dataclass(frozen=True)
class Declaration:
    """One schema a document asks to be validated against."""

    href: str
    kind: str  # rng | rnc | xsd | sch | unsupported
    line: int | None = None
    phase: str | None = None
    schematypens: str | None = None
    type: str | None = None
    origin: str = "xml-model"  # xml-model | oxygen | xsi

    @property
    def label(self) -> str:
        return {"rng": "RELAX NG", "rnc": "RELAX NG (compact)", "xsd": "XML Schema",
                "sch": "Schematron"}.get(self.kind, "schema")


def kind_of(href: str, schematypens: str | None = None, mime: str | None = None) -> str:
    """The schema language of a declaration, from its namespace, media type or extension."""
    ns = (schematypens or "").strip()
    mime = (mime or "").strip().lower()
    lower = href.lower().split("#")[0].split("?")[0]
    if ns == RNG_NS:
        return "rnc" if lower.endswith(".rnc") or mime in RNC_TYPES else "rng"
    if ns == XSD_NS:
        return "xsd"
    if ns in SCH_NAMESPACES:
        return "sch"
    if ns:
        return "unsupported"
    if mime in RNC_TYPES:
        return "rnc"
    if mime in ("application/xml-dtd",):
        return "unsupported"
    for suffix, kind in ((".rng", "rng"), (".rnc", "rnc"), (".xsd", "xsd"), (".sch", "sch")):
        if lower.endswith(suffix):
            return kind
    return "unsupported"


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
        attrs = _pseudo_attributes(pi.text or "")
        if pi.target == "xml-model":
            href = attrs.get("href")
            if not href:
                continue
            found.append(Declaration(href, kind_of(href, attrs.get("schematypens"), attrs.get("type")),
                                     pi.sourceline, attrs.get("phase") or None,
                                     attrs.get("schematypens"), attrs.get("type")))
        elif pi.target == "oxygen":
            for key, kind in (("RNGSchema", None), ("SCHSchema", "sch")):
                href = attrs.get(key)
                if href:
                    if kind is None:
                        kind = "rnc" if attrs.get("type", "").lower() == "compact" else "rng"
                    found.append(Declaration(href, kind, pi.sourceline, origin="oxygen"))
    location = root.get(f"{{{XSI}}}noNamespaceSchemaLocation")
    if location:
        found.append(Declaration(location.strip(), "xsd", root.sourceline, origin="xsi"))
    pairs = (root.get(f"{{{XSI}}}schemaLocation") or "").split()
    for index in range(1, len(pairs), 2):
        found.append(Declaration(pairs[index], "xsd", root.sourceline, origin="xsi"))
    return found


_PSEUDO = re.compile(r"""([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


def _pseudo_attributes(text: str) -> dict[str, str]:
    """Pseudo-attributes of a PI (``href="..." type='...'``), character references expanded."""
    out: dict[str, str] = {}
    for match in _PSEUDO.finditer(text):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        value = re.sub(r"&(lt|gt|amp|quot|apos);", lambda m: _ENTITIES[m.group(0)], value)
        value = re.sub(r"&#x([0-9a-fA-F]+);", lambda m: chr(int(m.group(1), 16)), value)
        value = re.sub(r"&#([0-9]+);", lambda m: chr(int(m.group(1))), value)
        out.setdefault(match.group(1), value)
    return out
