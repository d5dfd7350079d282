"""The edition index: every document's summary in one XML document, in date order.

Why Python joins what XSLT wrote: the summaries (``xslt/site/summary.xsl``) are made one
per document, in parallel and only for documents that changed; the site's pages are then
rendered from this one small document (and the register files), never from all the
documents at once. Here the summaries get what only the whole edition knows: each
document's URL and its place in date order (``@order``, and so its previous and next),
the site's title and base URL; and the register files all documents read are checked
against each other (two entries with the same xml:id are an error naming both places).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from toolkit.core.findings import Finding
from toolkit.site.plan import SiteDocument

S = "urn:tei-edition:site"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"


@dataclass
class Entry:
    """One document of the index, its summary parsed."""

    doc: SiteDocument
    summary: etree._Element

    @property
    def front(self) -> bool:
        return self.summary.get("front") == "true"

    @property
    def iso(self) -> str:
        date = self.summary.find(f"{{{S}}}date")
        return date.get("iso", "") if date is not None else ""

    @property
    def title(self) -> str:
        return self.summary.findtext(f"{{{S}}}title") or self.doc.stem

    def sort_key(self) -> tuple:
        return (self.iso.split("/")[0] or "9999", self.title.casefold(), self.doc.stem)


@dataclass
class EditionIndex:
    """The index document, the documents in site order, and the register files read."""

    root: etree._Element
    order: list[Entry] = field(default_factory=list)
    registers: list[Path] = field(default_factory=list)

    def neighbours(self, entry: Entry) -> tuple[Entry | None, Entry | None]:
        """Previous and next in date order among documents (front matter: among itself)."""
        group = [e for e in self.order if e.front == entry.front]
        at = group.index(entry)
        return (group[at - 1] if at else None, group[at + 1] if at + 1 < len(group) else None)

    def bytes(self) -> bytes:
        return etree.tostring(self.root, encoding="utf-8")


def build_index(summaries: list[tuple[SiteDocument, bytes]], title: str,
                base_url: str) -> EditionIndex:
    """Join the summaries (documents whose summary says ``register="true"`` are left out:
    register files given as sources) into the index."""
    entries = []
    registers: dict[Path, None] = {}
    for doc, data in summaries:
        summary = etree.fromstring(data)
        for ref in summary.iterfind(f"{{{S}}}register-file"):
            registers[Path(unquote(urlsplit(ref.get("uri", "")).path))] = None
        if summary.get("register") == "true":
            continue
        entries.append(Entry(doc, summary))
    fronts = [e for e in entries if e.front]
    documents = sorted((e for e in entries if not e.front), key=Entry.sort_key)
    root = etree.Element(f"{{{S}}}edition", nsmap={"s": S})
    root.set("title", title or _default_title(documents or fronts))
    root.set("base-url", base_url)
    index = EditionIndex(root, documents + fronts, list(registers))
    for number, entry in enumerate(index.order, 1):
        entry.summary.set("url", entry.doc.url)
        entry.summary.set("stem", entry.doc.stem)
        entry.summary.set("order", str(number))
        root.append(entry.summary)
    return index


def _default_title(entries: list[Entry]) -> str:
    if len(entries) == 1:
        return entries[0].title
    return "Edition"


def duplicate_ids(trees: list[etree._ElementTree]) -> list[Finding]:
    """Register entries with the same xml:id in the register files of one site: an error at
    the second, naming the first (within one file that is ``validate``'s finding too)."""
    first: dict[str, tuple[str, int | None]] = {}
    findings = []
    for tree in trees:
        name = _display(Path(unquote(urlsplit(tree.docinfo.URL or "").path)))
        for element in tree.getroot().iter(etree.Element):
            value = element.get(XML_ID)
            if value is None or not _is_entry(element):
                continue
            if value in first:
                where = first[value]
                findings.append(Finding(name, element.sourceline, None, "error",
                                        f"register entry id '{value}' is also used at "
                                        f"{where[0]}:{where[1]}; pointers and the register "
                                        "pages take the first", "duplicate-entry", source="site"))
            else:
                first[value] = (name, element.sourceline)
    return findings


def _is_entry(element: etree._Element) -> bool:
    parent = element.getparent()
    return (isinstance(element.tag, str) and element.tag.startswith(TEI) and parent is not None
            and isinstance(parent.tag, str)
            and (parent.tag.startswith(TEI + "list") or parent.tag == TEI + "personGrp")
            and parent.tag != TEI + "list")


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
