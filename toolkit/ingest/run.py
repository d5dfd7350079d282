"""``tei-edition import``: from a captured archive page to a TEI draft on disk.

The steps, each in its own module: read the capture (:mod:`~toolkit.ingest.page`),
recognise the archive's layout (:mod:`~toolkit.ingest.layout`), read the citation
(:mod:`~toolkit.ingest.citation`), find the document's structure
(:mod:`~toolkit.ingest.structure`) and its correspondents
(:mod:`~toolkit.ingest.registers`), build the draft (:mod:`~toolkit.ingest.draft`), tag
the registered names in its text with the markup assistant (:mod:`toolkit.annotate`),
check it against the edition's schema, write it.

Nothing is written for a page that is not recognised or a draft that would not be
valid, and an existing file is replaced only with ``force``, atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.core import resources
from toolkit.core.errors import ToolkitError, UsageError
from toolkit.core.write import atomic_write, output_path
from toolkit.ingest import citation as citations
from toolkit.ingest import draft, layout, page, registers, structure
from toolkit.ingest.layout import NotAnArchivePage


@dataclass
class Draft:
    """A draft ready to write: the name it gets and its bytes."""

    source: Path
    name: str
    data: bytes


def make(path: Path) -> Draft:
    """Read, recognise and build one page's draft (raises located ToolkitErrors)."""
    capture = layout.recognise(page.read(path))
    cited = citations.parse(capture.citation.text)
    if cited is None or not cited.title:
        raise NotAnArchivePage("the citation has no quoted title; nothing written",
                               str(path), capture.citation.line, 1, rule="import-unrecognised")
    title = cited.title
    kind = registers.doc_type(title)
    divisions = structure.structure(capture.body, kind)
    people = registers.from_title(title)
    closer = divisions[0].closer
    if closer is not None:
        people.signatories = [people.add(n, "person", "the signature") for n in closer.names]
    date = cited.date.when if cited.date else None
    ident = f"{kind}-{date}" if date else registers.slug(path.stem)
    builder = draft.Builder(capture, cited, divisions, people, ident)
    root = builder.build()
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + tag_names(text, path)
    _check(text, path)
    return Draft(path, ident + ".xml", text.encode("utf-8"))


def tag_names(text: str, path: Path) -> str:
    """The draft with the mentions of its own register entries tagged (``resp`` the
    importer, ``cert="medium"``), by the markup assistant."""
    from toolkit.annotate import markup
    from toolkit.annotate.run import Options, Session

    session = Session(Options(resp="#importer", cert="medium"))
    doc = session.add(markup.from_text(text, path.with_suffix(".xml")))
    result = session.examine(doc, str(path), apply=True, write=False)
    return result.text if result.text is not None else text


def _check(text: str, path: Path) -> None:
    """The draft must be valid against the edition's schema; if it is not, that is a bug
    of the importer, said as such, and nothing is written."""
    from toolkit.core.parse import parse_bytes
    from toolkit.validate.engines.base import load

    tree = parse_bytes(text.encode("utf-8"), str(path))
    schema = load("xsd", resources.schema_path("edition.xsd"))
    errors = [f for f in schema.iter_findings(tree, str(path)) if f.severity == "error"]
    if errors:
        raise ToolkitError("internal error: the draft made from this page is not valid against "
                           f"edition.xsd ({errors[0].message}); nothing written", str(path),
                           rule="import-invalid")


def write(drafts: list[Draft], out: Path, force: bool) -> list[Path]:
    """Write the drafts into ``out``; two pages that would give the same name get ``-2``,
    ``-3`` ...; an existing file is an error unless ``force``."""
    targets, taken = [], set()
    for item in drafts:
        name, number = item.name, 2
        while name in taken:
            name, number = f"{Path(item.name).stem}-{number}.xml", number + 1
        taken.add(name)
        target = output_path(out, name)
        if target.exists() and not force:
            raise UsageError(f"{target} exists: not overwritten (use --force to replace it); "
                             "nothing written", str(item.source), rule="import-exists")
        targets.append((target, item))
    return [atomic_write(target, item.data) for target, item in targets]
