"""Step 3: the expanded schema read into what the compiler needs, for one phase.

:class:`Model` holds the query binding, the namespace bindings (the schema's, and each
included file's own), the active phase and its patterns grouped by the documents they
validate, and the variables in their ISO scopes:

* schema and phase ``sch:let`` are global; the same name twice is an ISO error. A second
  definition with exactly the same value and type is accepted with a warning (FRUS's
  frus.sch incorporates two files that both define ``category-ids``); a different one is
  refused, with both locations.
* a pattern's ``sch:let`` is scoped to its pattern. It becomes a global XSLT variable (so
  rule contexts can use it) under its own name when no other scope uses that name, else
  under a private name the pattern's rules see through a local alias.
* a rule's ``sch:let`` is local to its rule, in document order with the assertions.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .names import BINDINGS, S, error, file_of, is_sch, local, strip_marks, text_of
from .source import Sources


@dataclass
class Pattern:
    """One active pattern (or ISO 2025 group) of the phase."""

    el: etree._Element
    index: int
    id: str
    rules: list[etree._Element]
    lets: list[etree._Element]
    group: bool = False
    documents: str | None = None
    #: pattern-let name -> the global variable it is compiled to (see the module docstring)
    renamed: dict[str, str] = field(default_factory=dict)


@dataclass
class SchemaWarning:
    """Something the schema does that ISO forbids but that is accepted (a duplicate let)."""

    message: str
    file: str
    line: int | None


class Model:
    """What one phase of an expanded schema asks the compiler to generate."""

    def __init__(self, schema: etree._Element, phase: str | None, sources: Sources) -> None:
        self.schema = schema
        self.sources = sources
        self.main_file = file_of(schema)
        self.warnings: list[SchemaWarning] = []
        binding = (schema.get("queryBinding") or "xslt").lower()
        if binding not in BINDINGS:
            raise error(f"unsupported queryBinding {binding!r} (supported: "
                        + ", ".join(sorted(BINDINGS)) + ")", schema)
        self.binding = binding
        self.xpath_version = BINDINGS[binding]
        self.namespaces = self._namespaces()
        self.title = " ".join(text_of(t) for t in schema.findall(S + "title"))
        self.paragraphs = schema.findall(S + "p")
        self.foreign = [el for el in schema if isinstance(el.tag, str) and el.tag.startswith("{")
                        and not el.tag.startswith(S) and not is_sch(el)
                        and not el.tag.startswith("{http://www.schematron-quickfix.com/")
                        and not el.tag.startswith("{urn:x-tei-edition:")]
        self.diagnostics = self._table(schema, "diagnostic")
        self.properties = self._table(schema, "property")
        self.phase, phase_el, active = self._phase(phase)
        self.from_ = phase_el.get("from") if phase_el is not None else None
        self.lets = self._unique([c for c in schema if is_sch(c, "let")]
                                 + ([c for c in phase_el if is_sch(c, "let")]
                                    if phase_el is not None else []), "the schema")
        self.patterns = self._patterns(active)
        self._scope_pattern_lets()

    # -- reading --------------------------------------------------------------------
    def _namespaces(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for ns in self.schema.findall(S + "ns"):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if not prefix or uri is None:
                raise error("sch:ns needs @prefix and @uri", ns)
            if prefix == "xml":
                continue
            if out.get(prefix, uri) != uri:
                raise error(f"prefix {prefix!r} bound to both {out[prefix]} and {uri}", ns)
            out[prefix] = uri
        return out

    def namespaces_for(self, el: etree._Element) -> dict[str, str]:
        """The prefixes in scope for the expressions of ``el``: its own file's win."""
        own = self.sources.namespaces.get(file_of(el))
        if not own or file_of(el) == self.main_file:
            return self.namespaces
        merged = dict(self.namespaces)
        merged.update({p: u for p, u in own.items() if p != "xml"})
        return merged

    @staticmethod
    def _table(root: etree._Element, kind: str) -> dict[str, etree._Element]:
        """Diagnostics or properties by id: the schema's, not those copied into instances."""
        return {d.get("id"): d for d in root.iter(S + kind) if d.get("id")
                and not any(is_sch(a, "pattern", "group") for a in d.iterancestors())}

    def lookup(self, kind: str, ref: str, pattern: Pattern) -> etree._Element | None:
        """The diagnostic or property ``ref`` as seen from ``pattern`` (its instance first)."""
        for d in pattern.el.iter(S + kind):
            if d.get("id") == ref:
                return d
        return (self.diagnostics if kind == "diagnostic" else self.properties).get(ref)

    def _phase(self, phase: str | None):
        phases = {p.get("id"): p for p in self.schema.iter(S + "phase")}
        name = phase
        if name in (None, "", "#DEFAULT"):
            name = self.schema.get("defaultPhase") or "#ALL"
            if name != "#ALL" and name not in phases:
                raise error(f"defaultPhase {name!r} names no phase (phases: "
                            + (", ".join(sorted(k for k in phases if k)) or "none") + ")",
                            self.schema)
        if name == "#ALL":
            return "#ALL", None, None
        if name not in phases:
            raise error(f"unknown phase {name!r} (phases: "
                        + ", ".join(sorted(k for k in phases if k)) + ")", self.schema)
        el = phases[name]
        known = {p.get("id") for p in self.schema.iter(S + "pattern", S + "group")}
        for a in el.iter(S + "active"):
            if a.get("pattern") not in known:
                raise error(f"phase {name!r}: sch:active names unknown pattern "
                            f"{a.get('pattern')!r}", a)
        return name, el, {a.get("pattern") for a in el.iter(S + "active")}

    def _patterns(self, active: set[str] | None) -> list[Pattern]:
        out: list[Pattern] = []
        concrete = [p for p in self.schema.iter(S + "pattern", S + "group")
                    if p.get("abstract") != "true"]
        for n, el in enumerate(concrete):
            if active is not None and el.get("id") not in active:
                continue
            rules = [r for r in el if is_sch(r, "rule") and r.get("abstract") != "true"]
            for r in rules:
                if not r.get("context"):
                    raise error("sch:rule needs @context (only abstract rules may omit it)", r)
            pid = el.get("id") or f"pattern-{n + 1}"
            lets = self._unique([c for c in el if is_sch(c, "let")], f"pattern {pid!r}")
            documents = el.get("documents")
            out.append(Pattern(el, len(out), pid, rules, lets, group=local(el) == "group",
                               documents=documents.strip() if documents else None))
        return out

    # -- variables --------------------------------------------------------------------
    def _unique(self, lets: list[etree._Element], scope: str) -> list[etree._Element]:
        """``lets`` of one scope without identical duplicates; differing ones are an error."""
        kept: dict[str, etree._Element] = {}
        for let in lets:
            name = let.get("name")
            if not name:
                raise error("sch:let needs @name", let)
            other = kept.get(name)
            if other is None:
                kept[name] = let
                continue
            where = f"{Path(file_of(other)).name}:{other.sourceline}"
            if signature(other) != signature(let):
                raise error(f"sch:let {name!r} is defined twice in {scope} with different "
                            f"values (also at {where}); ISO Schematron allows one definition",
                            let)
            self.warnings.append(SchemaWarning(
                f"sch:let {name!r} is defined twice in {scope} with the same value (also at "
                f"{where}); ISO Schematron allows one definition, the second is ignored",
                file_of(let), let.sourceline))
        return list(kept.values())

    def rule_body(self, rule: etree._Element, pattern: Pattern) -> list[etree._Element]:
        """A rule's lets and assertions in order (identical duplicate lets dropped)."""
        items = [c for c in rule if is_sch(c, "let", "assert", "report")]
        lets = self._unique([c for c in items if is_sch(c, "let")],
                            f"a rule of pattern {pattern.id!r}")
        return [c for c in items if not is_sch(c, "let") or c in lets]

    def _scope_pattern_lets(self) -> None:
        owners: dict[str, int] = {}
        for let in self.lets:
            owners[let.get("name")] = owners.get(let.get("name"), 0) + 1
        for p in self.patterns:
            for let in p.lets:
                owners[let.get("name")] = owners.get(let.get("name"), 0) + 1
        for p in self.patterns:
            if p.documents is not None:
                continue  # evaluated per subordinate document, inside each rule
            for let in p.lets:
                name = let.get("name")
                p.renamed[name] = name if owners[name] == 1 else f"tk:p{p.index}-{name}"


def signature(let: etree._Element) -> tuple:
    """What makes two lets the same definition: value, type and content."""
    body = "".join(etree.tostring(strip_marks(copy.deepcopy(c)), encoding="unicode",
                                  with_tail=False)
                   for c in let if isinstance(c.tag, str))
    return (" ".join((let.get("value") or "").split()), let.get("as"),
            " ".join(body.split()), " ".join((let.text or "").split()))
