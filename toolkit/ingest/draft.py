"""Step 6: write the TEI draft from what the page says.

The draft follows the encoding of the bundled edition (``tei/telegram-1953-03-29.xml``):
``titleStmt`` from the citation's title with the correspondents, funder and translator;
the archive's citation as a ``bibl`` in ``sourceDesc``, word for word, its parts tagged,
beside an ``msDesc`` giving the repository and each unit of the archival reference as an
``idno`` (leaves and pages as ``locus``); the summary as ``abstract``; ``correspDesc``
from the title; the text's opener, paragraphs, headings, lists and closer; appended notes
as divisions of their own; registers for the correspondents and signatories in
``standOff``. Everything the importer inferred carries ``@cert``, and one ``change``
(who: the importer) lists what was read and what was inferred.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field

from lxml import etree

from toolkit import __version__
from toolkit.ingest.citation import Citation
from toolkit.ingest.dates import find_dates
from toolkit.ingest.layout import Capture
from toolkit.ingest.registers import People
from toolkit.ingest.structure import Closer, Division, ListOf, Paragraph

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: Reference units kept as msIdentifier/idno; the others (leaves, pages) are a locus.
IDNO_UNITS = ("fond", "opis", "delo", "papka", "recordGroup", "series", "box", "folder", "file",
              "volume", "entry")
ELEMENT = {"person": "persName", "org": "orgName", "place": "placeName"}
LIST = {"person": "listPerson", "org": "listOrg", "place": "listPlace"}
ENTRY = {"person": "person", "org": "org", "place": "place"}


@dataclass
class Inferred:
    """What the draft says it inferred (for the change entry)."""

    items: list[str] = field(default_factory=list)

    def add(self, item: str) -> None:
        if item not in self.items:
            self.items.append(item)


def el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    """A TEI child element (``xml_id`` and ``xml_lang`` become ``xml:id``/``xml:lang``)."""
    attrib = {}
    for key, value in attrs.items():
        if value is None:
            continue
        name = {"xml_id": f"{{{XML_NS}}}id", "xml_lang": f"{{{XML_NS}}}lang"}.get(key, key)
        attrib[name] = value
    element = (etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrib) if parent is not None
               else etree.Element(f"{{{TEI_NS}}}{tag}", attrib, nsmap={None: TEI_NS}))
    if text is not None:
        element.text = text
    return element


def mixed(parent, text: str, spans) -> None:
    """Append ``text`` to ``parent``, the stretches in ``spans`` ((start, end, make) with
    ``make(parent) -> element``, sorted, not overlapping) as elements holding their text."""
    position = 0
    last = None
    for start, end, make in spans:
        _append(parent, last, text[position:start])
        last = make(parent)
        last.text = (last.text or "") + text[start:end]
        position = end
    _append(parent, last, text[position:])


def _append(parent, last, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def today() -> str:
    """The date of the change entry: ``SOURCE_DATE_EPOCH`` if set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


class Builder:
    """Builds one draft; :meth:`build` returns the TEI element."""

    def __init__(self, capture: Capture, citation: Citation, divisions: list[Division],
                 people: People, ident: str) -> None:
        self.capture, self.citation, self.divisions = capture, citation, divisions
        self.people, self.ident = people, ident
        self.year = int(citation.date.when[:4]) if citation.date else None
        self.inferred = Inferred()
        self.ids: set[str] = set()

    # ------------------------------------------------------------------ document

    def build(self) -> etree._Element:
        root = el(None, "TEI", xml_id=self.ident, xml_lang="en")
        header = el(root, "teiHeader")
        text = el(root, "text")
        body = el(text, "body")
        for division in self.divisions:
            self.division(body, division)
        self.file_desc(header)
        self.encoding_desc(header)
        self.profile_desc(header)
        self.registers(root)
        self.revision_desc(header)
        return root

    # ------------------------------------------------------------------ header

    def file_desc(self, header) -> None:
        c, cap = self.citation, self.capture
        file_desc = el(header, "fileDesc")
        stmt = el(file_desc, "titleStmt")
        el(stmt, "title", c.title, type="main")
        for ident in self.people.senders:
            entry = self.people.entries[ident]
            el(el(stmt, "author"), ELEMENT[entry.kind], entry.name, ref="#" + ident)
        if cap.funder:
            el(stmt, "funder", cap.funder)
        for credit in c.credits:
            if credit.names:
                resp = el(stmt, "respStmt")
                el(resp, "resp", credit.resp)
                for name, _s, _e in credit.names:
                    el(resp, "persName", name)
        importer = el(stmt, "respStmt", xml_id="importer")
        el(importer, "resp", "draft made from a capture of the archive's web page by")
        el(importer, "name", f"tei-edition import {__version__}")
        publication = el(file_desc, "publicationStmt")
        el(publication, "publisher", "Not published: a draft made by tei-edition import")
        availability = el(publication, "availability", status="unknown")
        rights = " ".join(cap.rights) or ("The captured page states no licence or rights for "
                                          "the text.")
        el(availability, "p", rights)
        if cap.support:
            notes = el(file_desc, "notesStmt")
            el(notes, "note", f"The archive's page states: \u201c{cap.support.rstrip('.')}\u201d.",
               type="funding")
        self.source_desc(el(file_desc, "sourceDesc"))

    def source_desc(self, source) -> None:
        c = self.citation
        if c.repository:
            ms = el(source, "msDesc")
            identifier = el(ms, "msIdentifier")
            el(identifier, "repository", c.repository)
            for part in c.parts:
                if part.unit in IDNO_UNITS:
                    el(identifier, "idno", part.value, type=part.unit)
            item = el(el(ms, "msContents"), "msItem")
            for part in c.parts:
                if part.unit not in IDNO_UNITS:
                    el(item, "locus", part.text, **{"from": part.low or part.value,
                                                    "to": part.high or part.value})
            el(item, "title", c.title)
        bibl = el(source, "bibl", type="citation")
        spans = [(c.title_span[0], c.title_span[1], lambda p: el(p, "title", level="a"))]
        if c.date_span:
            spans.append((*c.date_span, lambda p: el(p, "date", when=c.date.when)))
        if c.series_span:
            spans.append((*c.series_span, lambda p: el(p, "title", level="s")))
        if c.repository_span:
            spans.append((*c.repository_span, lambda p: el(p, "orgName")))
        for part in c.parts:
            spans.append((part.start, part.end, lambda p, part=part: el(
                p, "biblScope", unit=part.unit,
                **({"from": part.low, "to": part.high} if part.low else {}))))
        for credit in c.credits:
            for _name, start, end in credit.names:
                spans.append((start, end, lambda p: el(p, "persName")))
        mixed(bibl, c.text, sorted(spans, key=lambda s: s[0]))
        url = self.capture.url or c.url
        if url:
            _append(bibl, bibl[-1] if len(bibl) else None, " ")
            el(bibl, "idno", url, type="URI")
        if self.capture.record_id:
            _append(bibl, bibl[-1] if len(bibl) else None, " Record ID ")
            el(bibl, "idno", self.capture.record_id, type="record")

    def encoding_desc(self, header) -> None:
        encoding = el(header, "encodingDesc")
        el(el(encoding, "projectDesc"), "p",
           "A draft made by tei-edition import from a capture of the document's page in the "
           "Wilson Center Digital Archive, for an editor to check and complete.")
        decl = el(encoding, "editorialDecl")
        el(el(decl, "normalization"), "p",
           "Runs of spaces are normalised to single spaces; the page's line layout, its "
           "navigation, citation widget and lists of associated names are not part of the "
           "text.")

    def profile_desc(self, header) -> None:
        profile = el(header, "profileDesc")
        if self.capture.summary:
            abstract = el(profile, "abstract")
            for block in self.capture.summary:
                el(abstract, "p", block.text)
        usage = el(profile, "langUsage")
        el(usage, "language", "English (the archive's translation or transcription)",
           ident="en")
        people = self.people
        if people.senders or people.recipients:
            corresp = el(profile, "correspDesc")
            sent = el(corresp, "correspAction", type="sent")
            for ident in people.senders:
                self._name(sent, ident)
            if people.place:
                self._name(sent, people.place)
            if self.citation.date:
                date_text = self.citation.text[slice(*self.citation.date_span)]
                el(sent, "date", date_text, when=self.citation.date.when)
            if people.recipients:
                received = el(corresp, "correspAction", type="received")
                for ident in people.recipients:
                    self._name(received, ident)

    def _name(self, parent, ident: str) -> etree._Element:
        entry = self.people.entries[ident]
        return el(parent, ELEMENT[entry.kind], entry.name, ref="#" + ident)

    def revision_desc(self, header) -> None:
        revision = el(header, "revisionDesc", status="draft")
        read = ["the title, date and citation", "the archival reference"]
        if self.capture.summary:
            read.append("the summary")
        if self.capture.url:
            read.append("the page's address")
        if self.capture.record_id:
            read.append("the record ID")
        text = (f"Draft made by tei-edition import {__version__} from the capture "
                f"{os.path.basename(self.capture.name)}: {', '.join(read)} and the text were "
                "read from the page.")
        if self.inferred.items:
            text += (" Inferred and not confirmed: " + "; ".join(self.inferred.items)
                     + ". Names and dates so inferred carry @cert.")
        el(revision, "change", text, when=today(), who="#importer", status="draft")

    # ------------------------------------------------------------------ text

    def new_id(self, base: str) -> str:
        """A fresh xml:id: ``base``, else ``base-2`` ... (every div and p has one, so
        that it can be cited)."""
        ident, number = base, 2
        while ident in self.ids:
            ident, number = f"{base}-{number}", number + 1
        self.ids.add(ident)
        return ident

    def division(self, parent, division: Division) -> None:
        div = el(parent, "div", type=division.type, xml_id=self.new_id(division.type))
        if division.head is not None:
            self.dated(el(div, "head"), division.head.text)
        if division.opener:
            opener = el(div, "opener")
            for mark in division.opener:
                if mark.kind in ("priority", "classification", "reference"):
                    el(opener, "seg", mark.text, type=mark.kind)
                else:
                    self.dated(el(opener, "dateline" if mark.kind == "dateline" else "salute"),
                               mark.text)
            self.inferred.add("the opener's marks, recognised by their wording")
        self.content(div, division.content)
        if division.closer is not None:
            self.closer(div, division.closer)

    def content(self, parent, items) -> None:
        prefix = "p" if parent.get("type") in ("telegram", "letter", "memorandum", "document") \
            else parent.get(f"{{{XML_NS}}}id") + "-p"
        for item in items:
            if isinstance(item, Paragraph):
                number = sum(1 for c in parent if c.tag == f"{{{TEI_NS}}}p") + 1
                self.dated(el(parent, "p", xml_id=self.new_id(f"{prefix}{number}")), item.text)
            elif isinstance(item, ListOf):
                listing = el(parent, "list", type="ordered" if item.ordered else None)
                for entry in item.items:
                    self.dated(el(listing, "item"), entry.text)
            else:
                self.division(parent, item)

    def closer(self, div, closer: Closer) -> None:
        element = el(div, "closer")
        if closer.salute:
            el(element, "salute", closer.salute)
        if closer.dateline:
            self.dated(el(element, "dateline"), closer.dateline)
        if closer.signed:
            signed = el(element, "signed")
            spans, at = [], 0
            for name in closer.names:
                start = closer.signed.find(name, at)
                if start < 0:
                    continue
                ident = self.people.signatories[len(spans)] if len(spans) < len(
                    self.people.signatories) else None
                entry = self.people.entries.get(ident) if ident else None
                cert = None if entry is not None and entry.name == name else "medium"
                spans.append((start, start + len(name),
                              lambda p, i=ident, c=cert: el(p, "persName", ref="#" + i, cert=c)))
                at = start + len(name)
            mixed(signed, closer.signed, spans)
            self.inferred.add("the signatories, from the names at the end of the text")

    def dated(self, element, text: str) -> None:
        """``text`` into ``element``, each date in it as ``date/@when``."""
        spans = []
        for start, end, date in find_dates(text, self.year):
            spans.append((start, end, lambda p, d=date: el(p, "date", when=d.when, cert=d.cert)))
            if date.cert:
                self.inferred.add("the century of dates written with two-digit years, from "
                                  "the page's date")
        mixed(element, text, spans)

    # ------------------------------------------------------------------ registers

    def registers(self, root) -> None:
        entries = self.people.entries
        if not entries:
            return
        stand_off = el(root, "standOff")
        for kind in ("person", "org", "place"):
            chosen = [e for e in entries.values() if e.kind == kind]
            if not chosen:
                continue
            listing = el(stand_off, LIST[kind])
            for entry in chosen:
                item = el(listing, ENTRY[kind], xml_id=entry.id, cert=entry.cert)
                el(item, ELEMENT[kind], entry.name, type="source")
                el(item, "note", "Named on the archive's page in " + " and ".join(entry.sources)
                   + "; not identified further by the importer.")
        self.inferred.add("the register entries: that each name in the title and signatures "
                          "is one person, organisation or place, and of which kind")
