"""Running a compiled schema: one document in, SVRL and findings out.

:class:`SchematronSchema` is what :func:`load` returns. Its stylesheet is compiled once per
process (keyed by the generated XSLT's content hash) and shared by every document. A
document is handed to Saxon already parsed by the toolkit; a schema with subordinate
documents takes one more, cheap, transform to learn which files to read (see
:mod:`.documents`), and the phase ``#ANY`` (ISO 2025) one to learn which phase's
``@when`` holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from lxml import etree

from toolkit.core.errors import TransformError
from toolkit.core.findings import Finding

from . import documents as subordinate
from .model import SchemaWarning
from .names import TK, T, SchematronError
from .rules import Check
from .svrl import svrl_to_findings

_compiled: dict[str, object] = {}
_STEP, _FIRED, _DOCUMENTS, _URIS = ("{%s}%s" % (TK, n)
                                   for n in ("step", "fired", "documents", "document-uris"))


@dataclass
class SchematronSchema:
    """A loaded, preprocessed Schematron schema for one phase, compiled to XSLT 3.0.

    ``xslt`` is the generated stylesheet (also :func:`compile_to_xslt`); ``key`` is its
    content hash, under which the compiled Saxon executable is cached per process.
    ``warnings`` are what the schema does that ISO forbids but that is accepted (an
    identical duplicate ``sch:let``); each validation reports them as warnings.
    """

    path: Path
    phase: str
    query_binding: str
    namespaces: dict[str, str]
    title: str
    xslt: str
    key: str
    pattern_ids: list[str]
    _checks: list[Check] = field(repr=False, default_factory=list)
    _schema_line: int | None = field(repr=False, default=None)
    warnings: list[SchemaWarning] = field(default_factory=list)
    has_documents: bool = False
    choose_phase: bool = False
    _phases: dict[str, "SchematronSchema"] = field(repr=False, default_factory=dict)
    #: resolved path -> sha256 of every file the schema was read from (its includes)
    files: dict[str, str] = field(repr=False, default_factory=dict)

    kind = "sch"

    # -- running ---------------------------------------------------------------------
    def stylesheet(self):
        """The compiled stylesheet (compiled on first use, then shared by every document)."""
        sheet = _compiled.get(self.key)
        if sheet is None:
            from toolkit.core.saxon import compile_xslt

            try:
                sheet = compile_xslt(text=self.xslt, base_uri=self.path.resolve().as_uri())
            except TransformError as exc:
                raise self._compile_error(exc) from None
            _compiled[self.key] = sheet
        return sheet

    def svrl(self, doc: etree._ElementTree | etree._Element, file: str = "", *,
             fired_rules: bool = True) -> str:
        """Run the schema over ``doc`` and return the SVRL report as text."""
        return self._run(doc, file, fired_rules)[0]

    def iter_findings(self, tree: etree._ElementTree | etree._Element, name: str,
                      path: Path | None = None) -> Iterator[Finding]:
        """Every finding about ``tree`` (parsed with the safe parser), reported as ``name``."""
        report, others, schema = self._run(tree, name or (str(path) if path else ""), False,
                                           path)
        for w in schema.warnings:
            yield Finding(name, None, None, "warning", f"{Path(w.file).name}:{w.line}: {w.message}",
                          "schematron-schema", "/", "schematron")
        yield from others.findings
        yield from svrl_to_findings(report, tree, name, schema._checks, schema.namespaces,
                                    others.trees)

    def validate(self, doc: etree._ElementTree | etree._Element, file: str) -> list[Finding]:
        """Findings for ``doc`` (already parsed with the safe parser), as a list."""
        return list(self.iter_findings(doc, file))

    def findings(self, svrl: str, doc: etree._ElementTree | etree._Element,
                 file: str) -> list[Finding]:
        """Turn an SVRL report of this schema into findings located in ``doc``."""
        return svrl_to_findings(svrl, doc, file, self._checks, self.namespaces)

    def _run(self, doc, file: str, fired: bool, path: Path | None = None):
        schema = self._chosen(doc, file, path) if self.choose_phase else self
        base = _base_uri(doc, str(path) if path else file)
        params: dict[str, object] = {_FIRED: fired}
        others = subordinate.Subordinates()
        if schema.has_documents:
            listing = schema._transform(doc, file, base, {_STEP: "documents"})
            others = subordinate.load(listing, base, file, _tree(doc), schema.namespaces)
            params.update(others.params(_DOCUMENTS, _URIS))
        return schema._transform(doc, file, base, params), others, schema

    def _transform(self, doc, file: str, base: str | None, params: dict) -> str:
        sheet = self.stylesheet()
        try:
            return sheet.transform(doc, params=params, name=file, base_uri=base).output
        except TransformError as exc:
            raise SchematronError(f"schematron {self.path.name} failed on this document: "
                                  f"{exc.message}", file or str(self.path), None) from None

    def _chosen(self, doc, file: str, path: Path | None) -> "SchematronSchema":
        """``#ANY``: the schema compiled for the first phase whose ``@when`` is true."""
        base = _base_uri(doc, str(path) if path else file)
        answer = etree.fromstring(self._transform(doc, file, base, {_STEP: "phase"}).encode())
        phase = (answer.text or "").strip() or "#DEFAULT"
        if phase not in self._phases:
            from . import load

            self._phases[phase] = load(self.path, phase=phase)
        return self._phases[phase]

    # -- compile errors, located in the schema --------------------------------------------
    def _compile_error(self, exc: TransformError) -> SchematronError:
        detail = exc.message.replace("stylesheet does not compile: ", "")
        line = exc.line
        if line is None:
            line, detail = _line_from_text_compile(self.xslt, detail)
        if line is not None:
            marked = _marked_element(self.xslt, line)
            if marked is not None:
                return SchematronError(f"schematron does not compile: {detail}",
                                       marked.get(T + "file") or str(self.path),
                                       int(marked.get(T + "line")) or None)
        return SchematronError(f"schematron does not compile: {detail}", str(self.path),
                               self._schema_line)


def _line_from_text_compile(xslt: str, detail: str) -> tuple[int | None, str]:
    """Compiled from a tree (for its base URI), Saxon reports no line: compile the text
    once more, only to learn where the error is in the generated XSLT."""
    from toolkit.core.saxon import get_processor

    try:
        get_processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=xslt)
    except Exception as again:  # saxonche's PySaxonApiError
        text = " ".join(str(again).split())
        found = re.search(r"on line (\d+)", text)
        if found:
            return int(found.group(1)), re.sub(r" on line \d+ column \d+ of \S+:", ":", text)
    return None, detail


def _marked_element(xslt: str, line: int) -> etree._Element | None:
    """The generated element nearest before ``line`` that records a schema location."""
    try:
        gen = etree.fromstring(xslt.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None
    best = None
    for el in gen.iter():
        if isinstance(el.tag, str) and el.sourceline and el.sourceline <= line:
            if best is None or el.sourceline >= best.sourceline:
                best = el
    while best is not None and best.get(T + "line") is None:
        best = best.getparent()
    return best


def _tree(doc) -> etree._ElementTree:
    return doc.getroottree() if isinstance(doc, etree._Element) else doc


def _base_uri(doc: etree._ElementTree | etree._Element, file: str) -> str | None:
    """The source's URI, so that ``base-uri()`` in rules sees the real file name."""
    url = _tree(doc).docinfo.URL
    if url:
        return url if "://" in url or url.startswith("file:") else Path(url).resolve().as_uri()
    return Path(file).resolve().as_uri() if file else None
