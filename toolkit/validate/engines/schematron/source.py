"""Step 0: read schema files, and find the ISO ``sch:schema`` in each flavour of source.

A .sch file is its own ``sch:schema``. A RELAX NG grammar embeds Schematron (as
tei_all.rng and every ODD-generated grammar do): its ``sch:ns``, ``sch:pattern``,
``sch:let``, ``sch:phase`` and ``sch:diagnostics`` become one synthesised schema. A TEI
ODD holds ``constraintSpec[@scheme='schematron']``: each becomes a pattern, as TEI's own
odd2sch does.

Files are parsed by the toolkit's one safe parser (no DTD, no external entity, no
network). :class:`Sources` reads each file once and remembers the ``sch:ns`` bindings its
own schema declares: an element included from another file keeps evaluating its XPath
with that file's prefixes, which is what ISO asks of ``sch:include`` and ``sch:extends``.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from lxml import etree

from .names import (RNG, S, SCH, SCH1, T, TEI, XS, SchematronError, file_of, is_sch,
                    local)


class Sources:
    """The schema files of one load: parsed once each, with their own namespace bindings."""

    def __init__(self) -> None:
        self._trees: dict[str, etree._ElementTree] = {}
        self.namespaces: dict[str, dict[str, str]] = {}
        #: resolved path -> sha256 of every file parsed (the schema's includes, extends)
        self.files: dict[str, str] = {}

    def parse(self, path: Path, referrer: etree._Element | None = None) -> etree._ElementTree:
        """The parsed file ``path`` (every element marked with ``tk:file``)."""
        key = str(path.resolve())
        if key in self._trees:
            return self._trees[key]
        from toolkit.core.parse import safe_parser

        where = (file_of(referrer), referrer.sourceline) if referrer is not None \
            else (str(path), None)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SchematronError(f"cannot read {path}: {exc.strerror or exc}", *where) from None
        self.files[key] = hashlib.sha256(data).hexdigest()
        try:
            root = etree.fromstring(data, safe_parser(), base_url=path.resolve().as_uri())
        except etree.XMLSyntaxError as exc:
            raise SchematronError(f"{path} is not well-formed XML: {exc.msg}", str(path),
                                  exc.lineno) from None
        tree = root.getroottree()
        for el in tree.iter():
            if isinstance(el.tag, str):
                el.set(T + "file", str(path))
        own = root if is_sch(root, "schema", "library") else None
        self.namespaces[str(path)] = {ns.get("prefix"): ns.get("uri")
                                      for ns in (own.findall(S + "ns") if own is not None else [])
                                      if ns.get("prefix") and ns.get("uri") is not None}
        self._trees[key] = tree
        return tree


def as_schema(tree: etree._ElementTree, path: Path) -> etree._Element:
    """The ISO ``sch:schema`` element for a .sch file, or one synthesised from RNG/ODD."""
    root = tree.getroot()
    if root.tag == S + "schema":
        return root
    if root.tag == S + "library":
        raise SchematronError("a sch:library cannot be used as a schema on its own: a "
                              "sch:schema incorporates it with <sch:extends href=...>",
                              str(path), root.sourceline)
    if root.tag == "{%s}schema" % SCH1:
        raise SchematronError("Schematron 1.5 (http://www.ascc.net/xml/schematron) is not "
                              "supported; convert to ISO Schematron", str(path), root.sourceline)
    schema = etree.Element(S + "schema", nsmap={"sch": SCH})  # a prefix: see export()
    schema.set(T + "file", str(path))
    if root.tag.startswith("{%s}" % RNG):
        for el in root.iter(S + "ns", S + "pattern", S + "let", S + "phase",
                            S + "diagnostics", S + "title"):
            if el.getparent() is not None and is_sch(el.getparent()):
                continue  # nested inside another embedded sch element
            schema.append(copy.deepcopy(el))
        schema.set("queryBinding", root.get("{%s}queryBinding" % SCH) or "xslt2")
        return schema
    if root.tag in ("{%s}TEI" % TEI, "{%s}teiCorpus" % TEI):
        _from_odd(root, schema)
        return schema
    raise SchematronError(f"no Schematron found: root element is {root.tag}", str(path),
                          root.sourceline)


def _from_odd(root: etree._Element, schema: etree._Element) -> None:
    """TEI ODD: ``constraintSpec[@scheme='schematron']/constraint`` content.

    A bare ``sch:rule`` becomes its own pattern (as TEI's odd2sch does); bare lets,
    asserts and reports get a rule whose context is the element of the enclosing
    ``elementSpec`` (``tei:IDENT``), or ``tei:*`` for other specs.
    """
    schema.set("queryBinding", "xslt2")
    declared = {el.get("prefix") for el in root.iter(S + "ns")}
    for prefix, uri in (("tei", TEI), ("xs", XS), ("rng", RNG), ("sch", SCH)):
        if prefix not in declared:
            ns = etree.SubElement(schema, S + "ns", prefix=prefix, uri=uri)
            ns.set(T + "file", file_of(root))
    for el in root.iter(S + "ns"):
        schema.append(copy.deepcopy(el))
    for spec in root.iter("{%s}constraintSpec" % TEI):
        if spec.get("scheme") not in ("schematron", "isoschematron") \
                or spec.get("mode") == "delete":
            continue
        owner = spec.getparent()
        while owner is not None and local(owner) not in ("elementSpec", "classSpec", "macroSpec",
                                                         "schemaSpec", "dataSpec"):
            owner = owner.getparent()
        if owner is not None and local(owner) == "elementSpec" and owner.get("ident"):
            context = "tei:" + owner.get("ident")
        else:
            context = "tei:*"
        ident = spec.get("ident") or f"constraint-{spec.sourceline}"
        for constraint in spec.iter("{%s}constraint" % TEI):
            _constraint_patterns(schema, spec, constraint, ident, context)


def _constraint_patterns(schema: etree._Element, spec: etree._Element,
                         constraint: etree._Element, ident: str, context: str) -> None:
    rules = [c for c in constraint if is_sch(c, "rule")]
    bare = [c for c in constraint if is_sch(c, "assert", "report", "let")]
    for c in constraint:
        if is_sch(c, "pattern"):
            schema.append(copy.deepcopy(c))
    groups = [copy.deepcopy(r) for r in rules]
    if bare:
        rule = etree.Element(S + "rule", context=context)
        rule.set(T + "file", file_of(spec))
        rule.sourceline = bare[0].sourceline
        for b in bare:
            rule.append(copy.deepcopy(b))
        groups.append(rule)
    for k, rule in enumerate(groups, 1):
        pattern = etree.SubElement(schema, S + "pattern",
                                   id=ident if len(groups) == 1 else f"{ident}-{k}")
        pattern.set(T + "file", file_of(spec))
        pattern.sourceline = spec.sourceline
        pattern.append(rule)




def export(path: Path) -> bytes:
    """The Schematron of ``path`` (.sch, .rng or .odd) as a standalone .sch document.

    This is what the benchmark gives other implementations, which read only .sch. The
    synthesised schema binds the Schematron namespace to a prefix, not as the default
    namespace: lxml serialises a moved element wrongly when its old default namespace
    differs from its new parent's (the embedded ``sch:ns`` of tei_all.rng sit in a
    TEI-default context), and a prefix avoids that.
    """
    from .names import strip_marks

    schema = copy.deepcopy(as_schema(Sources().parse(path), path))
    return etree.tostring(strip_marks(schema), encoding="utf-8", xml_declaration=True)
