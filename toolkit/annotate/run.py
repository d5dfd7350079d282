"""One run of the markup assistant over some sources: registers, mentions, findings, edits.

A :class:`Session` reads every source once. Each document gets its own gazetteer: the
entries of its own ``standOff``/``back``, of the files given with ``--registers`` and of
every file its pointers already point into (``registers.xml#kim``), with the forms that
*all* documents of the run use for those entries. So an edition annotated as a whole
learns each entry's usual forms from every document of it, while a document never gets
a pointer into another document's private registers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.annotate import edits, gazetteer, markup, mentions
from toolkit.annotate.gazetteer import Gazetteer, Key, Pointers, normal_space
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.write import atomic_write

RULE = "untagged-mention"


@dataclass(frozen=True)
class Options:
    """``--registers``, and the ``@resp``/``@cert`` that ``--apply`` puts on new tags."""

    registers: tuple[Path, ...] = ()
    resp: str | None = None
    cert: str | None = None


@dataclass
class Result:
    """What the run found in (and, with ``--apply``, did to) one document."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    applied: list[tuple[edits.Wrap, str]] = field(default_factory=list)  # (wrap, location)
    written: bool = False
    text: str | None = None  # the edited source, when something was applied


class Session:
    def __init__(self, options: Options = Options()) -> None:
        self.options = options
        self.docs: dict[Path, markup.Document] = {}
        self.pointers: dict[Path, Pointers] = {}
        self.attested: dict[Key, set[tuple]] = {}
        self.common: set[str] = set()

    def load(self, path: Path) -> markup.Document:
        """Read ``path`` once per session (raises the toolkit's located errors)."""
        key = Path(path).resolve()
        if key not in self.docs:
            self.add(markup.read(path))
        return self.docs[key]

    def add(self, doc: markup.Document) -> markup.Document:
        """Take part in the session: its registers, pointers and tagged forms."""
        key = doc.path.resolve()
        self.docs[key] = doc
        self.pointers[key] = pointers = Pointers(doc)
        for entry, forms in gazetteer.attested(doc, pointers).items():
            self.attested.setdefault(entry, set()).update(forms)
        self.common |= gazetteer.common_words(doc.root.text())
        return doc

    def register_files(self, doc: markup.Document) -> list[Path]:
        own = doc.path.resolve()
        found = [p.resolve() for p in self.options.registers]
        found += [p for p in self.pointers[own].files() if p.is_file()]
        return [p for p in dict.fromkeys(found) if p != own]

    def gazetteer_for(self, doc: markup.Document) -> Gazetteer:
        gaz = Gazetteer()
        gaz.add_registers(doc, header=False)
        for path in self.register_files(doc):
            gaz.add_registers(self.load(path))
        gaz.add_attested(self.attested, self.common)
        return gaz

    def examine(self, doc: markup.Document, name: str, apply: bool = False,
                write: bool = True) -> Result:
        """Findings for ``doc``; with ``apply``, also wrap the unambiguous mentions and
        (with ``write``) write the file, atomically."""
        gaz = self.gazetteer_for(doc)
        pointers = self.pointers[doc.path.resolve()]
        result = Result(name)
        wraps: list[edits.Wrap] = []
        for mention in mentions.find(doc, gaz, pointers.resolve):
            refs = [(gaz.ref_for(doc, k, pointers), gaz.entries[k]) for k in mention.candidates]
            line, col = doc.line_col(mention.source_offset())
            if mention.longer is not None:
                result.findings.append(_finding(
                    name, line, col, mention,
                    f"untagged mention \"{mention.text}\" of "
                    + " or ".join(f"{entry.label} ({ref})" for ref, entry in refs)
                    + f" may be part of the longer name \"{normal_space(mention.longer)}\": "
                      "left for the editor"))
                continue
            if mention.ambiguous:
                choices = "; ".join(f"{ref} ({entry.label})" for ref, entry in refs)
                result.findings.append(_finding(name, line, col, mention,
                                                f"untagged mention \"{mention.text}\" could be "
                                                f"{choices}: left for the editor"))
                continue
            ref, entry = refs[0]
            message = (f"untagged mention \"{mention.text}\" of {entry.label}: "
                       f"<{entry.element} ref=\"{ref}\">")
            if not apply:
                result.findings.append(_finding(name, line, col, mention, message))
                continue
            try:
                wraps.append(edits.plan(mention, entry.element, self._attributes(ref)))
            except edits.CannotWrap as exc:
                result.findings.append(_finding(name, line, col, mention,
                                                f"{message} not applied: {exc}"))
                continue
            result.applied.append((wraps[-1], f"{name}:{line}:{col}"))
        if wraps:
            result.text = edits.apply(doc, wraps)
            if write:
                atomic_write(doc.path, doc.encode(result.text))
                result.written = True
        return result

    def _attributes(self, ref: str) -> dict[str, str]:
        attributes = {"ref": ref}
        if self.options.resp:
            attributes["resp"] = " ".join(
                r if "#" in r or ":" in r else "#" + r for r in self.options.resp.split())
        if self.options.cert:
            attributes["cert"] = self.options.cert
        return attributes


def _finding(name: str, line: int, col: int, mention: mentions.Mention, message: str) -> Finding:
    node = mention.run.node(mention.first)[0]
    element = node.parent if isinstance(node, markup.Text) else node
    return Finding(name, line, col, "info", message, RULE, _xpath(element), "annotate")


def _xpath(element: markup.Element) -> str:
    steps = []
    node = element
    while node is not None:
        parent = node.parent
        index = 1 + sum(1 for s in (parent.elements() if parent else ())
                        if s.name == node.name and s.start < node.start)
        prefix = "tei:" if node.ns == "http://www.tei-c.org/ns/1.0" else ""
        steps.append(f"{prefix}{node.name}[{index}]")
        node = parent
    return "/" + "/".join(reversed(steps))


def suggest(path: Path, name: str | None = None) -> list[Finding]:
    """The ``untagged-mention`` findings of one file, as ``validate --suggest`` shows them;
    a file that cannot be read gives none (validate reports it already)."""
    session = Session()
    try:
        doc = session.load(path)
    except ToolkitError:
        return []
    return session.examine(doc, name or str(path)).findings
