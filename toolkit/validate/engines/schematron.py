"""ISO Schematron compiled to XSLT 3.0 and run by Saxon (SaxonC-HE via :mod:`toolkit.core.saxon`).

Pipeline::

    load_schematron(path, phase)          read .sch / .rng (embedded) / .odd (constraintSpec)
      -> _resolve()                       sch:include, sch:extends (schema and rule level)
      -> _Model                           abstract patterns (is-a + param), abstract rules,
                                          phases, lets, diagnostics, properties, foreign XSLT
      -> _Generator -> XSLT 3.0 text      one mode per pattern, rules as templates with
                                          descending priorities (first matching rule wins)
      -> SchematronSchema.validate(doc)   Saxon transform -> SVRL -> Finding list
                                          (SVRL -> findings: :mod:`toolkit.validate.engines.schematron_svrl`)

Each assert/report gets a number (``tk:n`` in the SVRL) that indexes compile-time metadata
(rule id, effective role), so turning SVRL into findings needs no guessing. Locations are
emitted as XPaths that lxml can evaluate (schema prefixes; ``*[local-name()=..]`` steps for
namespaces the schema does not declare), which is how findings get line numbers: Saxon HE
has no ``saxon:line-number()``.

Every assert/report test runs inside ``xsl:try``: a dynamic error (``doc()`` of an
unavailable resource, a bad cast) becomes an error finding for that assert instead of
aborting the whole validation.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from toolkit.core.errors import ToolkitError, TransformError
from toolkit.core.findings import Finding

SCH = "http://purl.oclc.org/dsdl/schematron"
SCH1 = "http://www.ascc.net/xml/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
SVRL = "http://purl.oclc.org/dsdl/svrl"
SQF = "http://www.schematron-quickfix.com/validator/process"
RNG = "http://relaxng.org/ns/structure/1.0"
TEI = "http://www.tei-c.org/ns/1.0"
XS = "http://www.w3.org/2001/XMLSchema"
XML = "http://www.w3.org/XML/1998/namespace"
#: Private namespace of the generator: metadata attributes on xsl:* elements and SVRL.
TK = "urn:x-tei-edition:schematron"

_S = "{%s}" % SCH
_X = "{%s}" % XSL
_V = "{%s}" % SVRL
_T = "{%s}" % TK

_BINDINGS = {"xslt": "1", "xslt1": "1", "xpath": "1", "xslt2": "2", "xpath2": "2",
             "xslt3": "3", "xpath3": "3", "xpath31": "3", "xslt31": "3"}


class SchematronError(ToolkitError):
    """The schema cannot be loaded or compiled; ``file``/``line`` point into the schema."""

    def __init__(self, message: str, file: str = "", line: int | None = None) -> None:
        super().__init__(message, file, line, None, rule="schematron")


# --------------------------------------------------------------------------- parsing

def _parse(path: Path, referrer: etree._Element | None = None) -> etree._ElementTree:
    from toolkit.core.parse import safe_parser

    where = (_file_of(referrer), referrer.sourceline) if referrer is not None else (str(path), None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchematronError(f"cannot read {path}: {exc.strerror or exc}", *where) from None
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=path.resolve().as_uri())
    except etree.XMLSyntaxError as exc:
        raise SchematronError(f"{path} is not well-formed XML: {exc.msg}", str(path),
                              exc.lineno) from None
    tree = root.getroottree()
    for el in tree.iter():
        if isinstance(el.tag, str):
            el.set(_T + "file", str(path))
    return tree


def _file_of(el: etree._Element | None) -> str:
    while el is not None:
        value = el.get(_T + "file") if isinstance(el.tag, str) else None
        if value:
            return value
        el = el.getparent()
    return ""


def _err(message: str, el: etree._Element) -> SchematronError:
    return SchematronError(message, _file_of(el), el.sourceline)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _is_sch(el, *names: str) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(_S) and (not names or _local(el) in names)


# ------------------------------------------------------------------ source flavours

def _as_schema(tree: etree._ElementTree, path: Path) -> etree._Element:
    """The ISO ``sch:schema`` element for a .sch file, or one synthesised from RNG/ODD."""
    root = tree.getroot()
    if root.tag == _S + "schema":
        return root
    if root.tag == "{%s}schema" % SCH1:
        raise SchematronError("Schematron 1.5 (http://www.ascc.net/xml/schematron) is not "
                              "supported; convert to ISO Schematron", str(path), root.sourceline)
    schema = etree.Element(_S + "schema", nsmap={None: SCH})
    schema.set(_T + "file", str(path))
    if root.tag.startswith("{%s}" % RNG):
        binding = None
        for el in root.iter(_S + "ns", _S + "pattern", _S + "let", _S + "phase",
                            _S + "diagnostics", _S + "title"):
            if el.getparent() is not None and _is_sch(el.getparent()):
                continue  # nested inside another embedded sch element
            schema.append(copy.deepcopy(el))
        binding = root.get("{%s}queryBinding" % SCH) or "xslt2"
        schema.set("queryBinding", binding)
        return schema
    if root.tag == "{%s}TEI" % TEI or root.tag == "{%s}teiCorpus" % TEI:
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
    declared = {el.get("prefix") for el in root.iter(_S + "ns")}
    for prefix, uri in (("tei", TEI), ("xs", XS), ("rng", RNG), ("sch", SCH)):
        if prefix not in declared:
            ns = etree.SubElement(schema, _S + "ns", prefix=prefix, uri=uri)
            ns.set(_T + "file", _file_of(root))
    for el in root.iter(_S + "ns"):
        schema.append(copy.deepcopy(el))
    spec_tag = "{%s}constraintSpec" % TEI
    for spec in root.iter(spec_tag):
        if spec.get("scheme") not in ("schematron", "isoschematron") or spec.get("mode") == "delete":
            continue
        owner = spec.getparent()
        while owner is not None and _local(owner) not in ("elementSpec", "classSpec", "macroSpec",
                                                         "schemaSpec", "dataSpec"):
            owner = owner.getparent()
        if owner is not None and _local(owner) == "elementSpec" and owner.get("ident"):
            context = "tei:" + owner.get("ident")
        else:
            context = "tei:*"
        ident = spec.get("ident") or f"constraint-{spec.sourceline}"
        for constraint in spec.iter("{%s}constraint" % TEI):
            rules = [c for c in constraint if _is_sch(c, "rule")]
            bare = [c for c in constraint if _is_sch(c, "assert", "report", "let")]
            for c in constraint:
                if _is_sch(c, "pattern", "ns"):
                    if _is_sch(c, "pattern"):
                        schema.append(copy.deepcopy(c))
            groups = [[r] for r in rules]
            if bare:
                rule = etree.Element(_S + "rule", context=context)
                rule.set(_T + "file", _file_of(spec))
                rule.sourceline = bare[0].sourceline
                for b in bare:
                    rule.append(copy.deepcopy(b))
                groups.append([rule])
            for k, (rule,) in enumerate(groups, 1):
                pattern = etree.SubElement(schema, _S + "pattern",
                                           id=ident if len(groups) == 1 else f"{ident}-{k}")
                pattern.set(_T + "file", _file_of(spec))
                pattern.sourceline = spec.sourceline
                pattern.append(copy.deepcopy(rule) if rule.getparent() is not None else rule)


# ---------------------------------------------------------------- include / extends

def _resolve(schema: etree._Element, seen: tuple[str, ...]) -> None:
    """Expand ``sch:include`` and schema-level ``sch:extends/@href`` in place (recursively)."""
    for inc in list(schema.iter(_S + "include", _S + "extends")):
        if inc.tag == _S + "extends" and not inc.get("href"):
            continue  # rule-level extends, handled by the model
        href = inc.get("href")
        if not href:
            raise _err(f"sch:{_local(inc)} without @href", inc)
        target, _, fragment = href.partition("#")
        base = Path(_file_of(inc)).parent
        path = (base / target).resolve() if target else Path(_file_of(inc)).resolve()
        if str(path) in seen and not fragment:
            raise _err(f"circular sch:{_local(inc)} of {href}", inc)
        if not path.is_file():
            raise _err(f"sch:{_local(inc)}: cannot find {href} (looked for {path})", inc)
        tree = _parse(path, inc)
        node = tree.getroot()
        if fragment:
            found = [e for e in tree.iter() if isinstance(e.tag, str)
                     and fragment in (e.get("id"), e.get("{%s}id" % XML))]
            if not found:
                raise _err(f"sch:{_local(inc)}: no element with id {fragment!r} in {path}", inc)
            node = found[0]
        _resolve(node, seen + (str(path),))
        parent = inc.getparent()
        index = parent.index(inc)
        if inc.tag == _S + "include" and not (node.tag == _S + "schema" and _local(parent) == "schema"):
            replacement = [node]
        else:  # extends, or including a whole schema into a schema: merge its children
            if node.tag != _S + "schema":
                raise _err(f"sch:extends must reference a schema, {href} is {node.tag}", inc)
            replacement = [c for c in node if isinstance(c.tag, str)
                           and not _is_sch(c, "title", "p")]
        tail = inc.tail
        parent.remove(inc)
        for offset, el in enumerate(replacement):
            parent.insert(index + offset, el)
        if replacement:
            replacement[-1].tail = tail


# ------------------------------------------------------------------------ the model

@dataclass
class _Check:
    """Compile-time facts about one assert/report, indexed by ``tk:n`` in the SVRL."""

    kind: str           # 'assert' | 'report'
    rule: str           # Finding.rule
    role: str | None    # the assert's role, else its rule's role
    pattern: str
    schema_file: str
    schema_line: int | None


@dataclass
class _Pattern:
    el: etree._Element
    id: str
    rules: list[etree._Element]
    lets: list[etree._Element]
    group: bool = False


class _Model:
    def __init__(self, schema: etree._Element, phase: str | None) -> None:
        self.schema = schema
        binding = (schema.get("queryBinding") or "xslt").lower()
        if binding not in _BINDINGS:
            raise _err(f"unsupported queryBinding {binding!r} (supported: "
                       + ", ".join(sorted(_BINDINGS)) + ")", schema)
        self.binding = binding
        self.xpath_version = _BINDINGS[binding]
        self.namespaces: dict[str, str] = {}
        for ns in schema.iter(_S + "ns"):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if not prefix or uri is None:
                raise _err("sch:ns needs @prefix and @uri", ns)
            if prefix == "xml":
                continue
            if self.namespaces.get(prefix, uri) != uri:
                raise _err(f"prefix {prefix!r} bound to both {self.namespaces[prefix]} and {uri}", ns)
            self.namespaces[prefix] = uri
        self.title = " ".join(" ".join("".join(t.itertext()).split()) for t in schema.findall(_S + "title"))
        self.diagnostics = {d.get("id"): d for d in schema.iter(_S + "diagnostic") if d.get("id")}
        self.properties = {p.get("id"): p for p in schema.iter(_S + "property") if p.get("id")}
        self.abstract_rules = {r.get("id"): r for r in schema.iter(_S + "rule")
                               if r.get("abstract") == "true" and r.get("id")}
        self.abstract_patterns = {p.get("id"): p for p in schema.iter(_S + "pattern")
                                  if p.get("abstract") == "true" and p.get("id")}
        self.lets = [el for el in schema if _is_sch(el, "let")]
        self.foreign = [el for el in schema if isinstance(el.tag, str)
                        and not el.tag.startswith(_S) and el.tag.startswith("{")
                        and not el.tag.startswith("{%s}" % SQF)
                        and not el.tag.startswith("{%s}" % TK)]
        self.phase, self.phase_lets, active = self._phase(phase)
        self.patterns: list[_Pattern] = []
        for n, el in enumerate(p for p in schema.iter(_S + "pattern", _S + "group")
                               if p.get("abstract") != "true"):
            pid = el.get("id") or f"pattern-{n + 1}"
            if active is not None and el.get("id") not in active:
                continue
            if el.get("is-a"):
                el = self._instantiate(el)
            rules = [r for r in el if _is_sch(r, "rule") and r.get("abstract") != "true"]
            lets = [r for r in el if _is_sch(r, "let")]
            self.patterns.append(_Pattern(el, pid, rules, lets, group=_local(el) == "group"))

    def _phase(self, phase: str | None):
        phases = {p.get("id"): p for p in self.schema.iter(_S + "phase")}
        name = phase
        if name in (None, "#DEFAULT"):
            name = self.schema.get("defaultPhase") or "#ALL"
        if name == "#ALL":
            return "#ALL", [], None
        if name not in phases:
            raise _err(f"unknown phase {name!r} (phases: "
                       + ", ".join(sorted(k for k in phases if k)) + ")", self.schema)
        el = phases[name]
        active = {a.get("pattern") for a in el.iter(_S + "active")}
        known = {p.get("id") for p in self.schema.iter(_S + "pattern", _S + "group")}
        for a in el.iter(_S + "active"):
            if a.get("pattern") not in known:
                raise _err(f"phase {name!r}: sch:active names unknown pattern "
                           f"{a.get('pattern')!r}", a)
        return name, [c for c in el if _is_sch(c, "let")], active

    def _instantiate(self, el: etree._Element) -> etree._Element:
        """An ``is-a`` pattern: a copy of the abstract pattern with ``$param`` replaced."""
        name = el.get("is-a")
        if name not in self.abstract_patterns:
            raise _err(f"pattern {el.get('id')!r}: is-a references unknown abstract pattern "
                       f"{name!r}", el)
        params = {}
        for p in el.iter(_S + "param"):
            if not p.get("name") or p.get("value") is None:
                raise _err("sch:param needs @name and @value", p)
            params[p.get("name")] = p.get("value")
        inst = copy.deepcopy(self.abstract_patterns[name])
        for attr in ("abstract", "is-a"):
            inst.attrib.pop(attr, None)
        inst.set("id", el.get("id") or name)
        if params:
            names = sorted(params, key=len, reverse=True)
            rx = re.compile(r"\$(" + "|".join(re.escape(n) for n in names) + r")(?![\w.\-])")
            for node in inst.iter():
                if not isinstance(node.tag, str):
                    continue
                for key, value in node.attrib.items():
                    if "$" in value and not key.startswith(_T):
                        node.set(key, rx.sub(lambda m: params[m.group(1)], value))
        return inst

    def rule_body(self, rule: etree._Element, depth: int = 0) -> list[etree._Element]:
        """The lets/asserts/reports of a rule, ``sch:extends rule=..`` expanded in place."""
        body: list[etree._Element] = []
        for child in rule:
            if _is_sch(child, "extends"):
                target = child.get("rule")
                if target not in self.abstract_rules:
                    raise _err(f"sch:extends references unknown abstract rule {target!r}", child)
                if depth > 20:
                    raise _err(f"sch:extends of {target!r} recurses", child)
                body.extend(self.rule_body(self.abstract_rules[target], depth + 1))
            elif _is_sch(child, "let", "assert", "report"):
                body.append(child)
        return body


# ------------------------------------------------------------------------ generator

_PATH_FUNCTIONS = """
<xsl:stylesheet version="3.0" xmlns:xsl="{xsl}" xmlns:xs="{xs}" xmlns:tk="{tk}">
  <xsl:function name="tk:path" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="steps" as="xs:string*"
        select="for $n in $node/ancestor-or-self::node() return tk:step($n)"/>
    <xsl:sequence select="if (empty($steps[. ne ''])) then '/' else string-join($steps, '')"/>
  </xsl:function>
  <xsl:function name="tk:name" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="uri" select="namespace-uri($n)"/>
    <xsl:variable name="prefix" select="$tk:prefixes($uri)"/>
    <xsl:sequence select="if ($uri eq '') then local-name($n)
        else if (exists($prefix)) then concat($prefix, ':', local-name($n))
        else concat('*[local-name()=''', local-name($n), ''' and namespace-uri()=''', $uri, ''']')"/>
  </xsl:function>
  <xsl:function name="tk:step" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:choose>
      <xsl:when test="$n instance of document-node()"><xsl:sequence select="''"/></xsl:when>
      <xsl:when test="$n instance of element()">
        <xsl:sequence select="concat('/', tk:name($n), '[',
            count($n/preceding-sibling::*[node-name(.) eq node-name($n)]) + 1, ']')"/>
      </xsl:when>
      <xsl:when test="$n instance of attribute()">
        <xsl:sequence select="concat('/@', if (namespace-uri($n) eq '{xml}') then concat('xml:', local-name($n))
            else if (namespace-uri($n) ne '' and not(starts-with(tk:name($n), '*')))
            then tk:name($n) else if (namespace-uri($n) eq '') then local-name($n)
            else replace(tk:name($n), '^\\*', '*'))"/>
      </xsl:when>
      <xsl:when test="$n instance of text()">
        <xsl:sequence select="concat('/text()[', count($n/preceding-sibling::text()) + 1, ']')"/>
      </xsl:when>
      <xsl:when test="$n instance of comment()">
        <xsl:sequence select="concat('/comment()[', count($n/preceding-sibling::comment()) + 1, ']')"/>
      </xsl:when>
      <xsl:when test="$n instance of processing-instruction()">
        <xsl:sequence select="concat('/processing-instruction(''', name($n), ''')[',
            count($n/preceding-sibling::processing-instruction()[name() eq name($n)]) + 1, ']')"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="''"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
""".replace("{xsl}", XSL).replace("{xs}", XS).replace("{tk}", TK).replace("{xml}", XML)


def _avt(text: str) -> str:
    """Escape a literal for an attribute value template."""
    return text.replace("{", "{{").replace("}", "}}")


def _x(parent: etree._Element, _tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _X + _tag)
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _mark(el: etree._Element, source: etree._Element) -> etree._Element:
    """Remember which schema element an xsl element came from (for compile errors)."""
    el.set(_T + "line", str(source.sourceline or 0))
    el.set(_T + "file", _file_of(source))
    return el


class _Generator:
    def __init__(self, model: _Model) -> None:
        self.m = model
        self.checks: list[_Check] = []
        nsmap = {"xsl": XSL, "svrl": SVRL, "xs": XS, "tk": TK,
                 "err": "http://www.w3.org/2005/xqt-errors"}
        # namespaces declared on the schema root are in scope for foreign XSLT and queries
        for prefix, uri in model.schema.nsmap.items():
            if prefix and prefix not in nsmap and uri != SCH:
                nsmap[prefix] = uri
        for prefix, uri in model.namespaces.items():
            if prefix in ("xsl", "svrl", "tk", "err") and uri != nsmap[prefix]:
                raise _err(f"sch:ns prefix {prefix!r} is reserved by the generated XSLT", model.schema)
            nsmap[prefix] = uri
        self.nsmap = nsmap

    def generate(self) -> str:
        m = self.m
        root = etree.Element(_X + "stylesheet", nsmap=self.nsmap)
        root.set("version", "3.0")
        root.set("exclude-result-prefixes", "#all")
        root.addprevious(etree.Comment(
            f" generated by tei-edition from {_file_of(m.schema)} (phase {m.phase}, "
            f"queryBinding {m.binding}) "))
        imports = [f for f in m.foreign if f.tag == _X + "import"]
        for el in imports + [f for f in m.foreign if f.tag != _X + "import"]:
            el = copy.deepcopy(el)
            if el.tag in (_X + "import", _X + "include") and el.get("href"):
                href = el.get("href")
                if "://" not in href:
                    el.set("href", (Path(_file_of(self.m.schema if el.get(_T + "file") is None
                                                  else el)).parent / href).resolve().as_uri())
            _strip_tk(el)
            root.append(el)
        _x(root, "output", method="xml", indent="no", encoding="UTF-8")
        prefixes = ", ".join(f"'{uri}': '{prefix}'" for uri, prefix in
                             _first_prefixes(m.namespaces).items())
        _x(root, "variable", name="tk:prefixes", select=f"map{{{prefixes}}}")
        for f in etree.fromstring(_PATH_FUNCTIONS):
            root.append(copy.deepcopy(f))
        globals_seen: dict[str, etree._Element] = {}
        for let in m.lets + m.phase_lets:
            other = globals_seen.get(let.get("name"))
            if other is not None:
                if _let_signature(other) == _let_signature(let):
                    continue  # the same let reached twice (e.g. via two sch:extends)
                raise _err(f"sch:let {let.get('name')!r} is defined twice with different values "
                           f"(also at {_file_of(other)}:{other.sourceline})", let)
            self._let(root, let, top=True)
            globals_seen[let.get("name")] = let
        local_pattern_lets: dict[int, list[etree._Element]] = {}
        for i, p in enumerate(m.patterns):
            for let in p.lets:
                if let.get("name") in globals_seen:
                    local_pattern_lets.setdefault(i, []).append(let)
                else:
                    self._let(root, let, top=True)
                    globals_seen[let.get("name")] = let

        main = _x(root, "template", match="/")
        out = etree.SubElement(main, _V + "schematron-output")
        out.set("title", _avt(m.title))
        out.set("schemaVersion", _avt(m.schema.get("schemaVersion") or ""))
        if m.phase != "#ALL":
            out.set("phase", _avt(m.phase))
        for prefix, uri in m.namespaces.items():
            decl = etree.SubElement(out, _V + "ns-prefix-in-attribute-values")
            decl.set("uri", _avt(uri))
            decl.set("prefix", _avt(prefix))
        for i, p in enumerate(m.patterns):
            ap = etree.SubElement(out, _V + "active-pattern")
            ap.set("id", _avt(p.id))
            if p.el.get("id"):
                pass
            name = " ".join(" ".join("".join(t.itertext()).split()) for t in p.el.findall(_S + "title"))
            if name:
                ap.set("name", _avt(name))
            ap.set("document", "{base-uri(/)}")
            _x(out, "apply-templates", select="/", mode=f"tk:p{i}")
        for i, p in enumerate(m.patterns):
            self._pattern(root, i, p, local_pattern_lets.get(i, []))
        etree.indent(root, space=" ")
        return etree.tostring(root.getroottree(), encoding="unicode", pretty_print=True)

    # -- lets ------------------------------------------------------------------
    def _let(self, parent: etree._Element, let: etree._Element, top: bool,
             rebase: bool = False) -> None:
        name = let.get("name")
        if not name:
            raise _err("sch:let needs @name", let)
        var = _mark(_x(parent, "variable", name=name), let)
        if let.get("as"):
            var.set("as", let.get("as"))
        if let.get("value") is not None:
            value = let.get("value")
            var.set("select", f"root(.) ! ({value})" if rebase else value)
        else:
            for child in let:
                if isinstance(child.tag, str):
                    c = copy.deepcopy(child)
                    _strip_tk(c)
                    var.append(c)
            if not len(var):
                var.text = let.text
        if top and self.m.xpath_version == "1":
            var.set("version", "1.0")

    # -- patterns and rules ---------------------------------------------------------
    def _pattern(self, root: etree._Element, index: int, p: _Pattern,
                 local_lets: list[etree._Element]) -> None:
        mode = f"tk:p{index}"
        contexts = []
        for rule in p.rules:
            if not rule.get("context"):
                raise _err("sch:rule needs @context (only abstract rules may omit it)", rule)
            contexts.append(rule.get("context"))
        joined = " ".join(contexts)
        if "$" in joined or re.search(r"\bnode\(\)|@|attribute\s*(\(|::)", joined):
            walk = "@*|node()"
        elif re.search(r"text\(\)|comment\(\)|processing-instruction", joined):
            walk = "node()"
        else:
            walk = "*"
        _x(root, "mode", name=mode, **{"on-no-match": "shallow-skip"})
        fallback = _x(root, "template", match="document-node()|node()|@*", mode=mode,
                      priority="-1")
        _x(fallback, "apply-templates", select=walk, mode=mode)
        n_rules = len(p.rules)
        for j, rule in enumerate(p.rules):
            t = _mark(_x(root, "template", match=rule.get("context"), mode=mode,
                         priority=str(n_rules - j)), rule)
            if self.m.xpath_version == "1":
                t.set("version", "1.0")
            fired = etree.SubElement(t, _V + "fired-rule")
            fired.set("context", _avt(rule.get("context")))
            for attr in ("id", "role", "flag", "see", "fpi", "icon"):
                if rule.get(attr):
                    fired.set(attr, _avt(rule.get(attr)))
            for let in local_lets:
                self._let(t, let, top=False, rebase=True)
            body = self.m.rule_body(rule)
            for item in body:
                if _is_sch(item, "let"):
                    self._let(t, item, top=False)
                else:
                    self._check(t, item, rule, p)
            if p.group:
                _x(t, "next-match")
            else:
                _x(t, "apply-templates", select=walk, mode=mode)

    def _check(self, parent: etree._Element, item: etree._Element, rule: etree._Element,
               p: _Pattern) -> None:
        kind = _local(item)
        test = item.get("test")
        if test is None:
            raise _err(f"sch:{kind} needs @test", item)
        position = 1 + sum(1 for c in self.checks if c.pattern == p.id)
        rule_id = item.get("id") or (f"{p.id}#{position}" if p.el.get("id") else "schematron")
        n = len(self.checks)
        self.checks.append(_Check(kind, rule_id, item.get("role") or rule.get("role"), p.id,
                                  _file_of(item), item.sourceline))
        subject = item.get("subject") or rule.get("subject")
        tryel = _x(parent, "try")
        cond = f"not(({test}))" if kind == "assert" else f"({test})"
        iff = _mark(_x(tryel, "if", test=cond), item)
        out = etree.SubElement(iff, _V + ("failed-assert" if kind == "assert" else "successful-report"))
        self._svrl_attrs(out, item, n, test, subject)
        for ref in (item.get("diagnostics") or "").split():
            if ref not in self.m.diagnostics:
                raise _err(f"@diagnostics references unknown diagnostic {ref!r}", item)
            d = etree.SubElement(out, _V + "diagnostic-reference")
            d.set("diagnostic", _avt(ref))
            self._text(etree.SubElement(d, _V + "text"), self.m.diagnostics[ref])
        for ref in (item.get("properties") or "").split():
            if ref not in self.m.properties:
                raise _err(f"@properties references unknown property {ref!r}", item)
            prop = self.m.properties[ref]
            d = etree.SubElement(out, _V + "property-reference")
            d.set("property", _avt(ref))
            for attr in ("role", "scheme"):
                if prop.get(attr):
                    d.set(attr, _avt(prop.get(attr)))
            self._text(etree.SubElement(d, _V + "text"), prop)
        self._text(etree.SubElement(out, _V + "text"), item)
        catch = _x(tryel, "catch")
        err = etree.SubElement(catch, _V + "failed-assert")
        self._svrl_attrs(err, item, n, test, None)
        err.set(_T + "error", "{$err:code}")
        text = etree.SubElement(err, _V + "text")
        _x(text, "value-of", select="concat('cannot evaluate: ', $err:code, ': ', $err:description)")

    def _svrl_attrs(self, out: etree._Element, item: etree._Element, n: int, test: str,
                    subject: str | None) -> None:
        out.set("test", _avt(test))
        for attr in ("id", "role", "flag", "see", "fpi", "icon"):
            if item.get(attr):
                out.set(attr, _avt(item.get(attr)))
        out.set("location", "{tk:path(.)}" if not subject else
                "{let $s := (" + subject + ") return if ($s instance of node()) then tk:path($s[1]) else tk:path(.)}")
        out.set(_T + "n", str(n))

    def _text(self, target: etree._Element, source: etree._Element) -> None:
        """Copy human text, turning value-of/name into xsl:value-of, flattening the rest."""
        def emit(text: str | None) -> None:
            if text:
                _x(target, "text").text = text

        def walk(el: etree._Element) -> None:
            emit(el.text)
            for child in el:
                if not isinstance(child.tag, str):
                    pass
                elif _is_sch(child, "value-of"):
                    if child.get("select") is None:
                        raise _err("sch:value-of needs @select", child)
                    _mark(_x(target, "value-of", select=child.get("select")), child)
                elif _is_sch(child, "name"):
                    path = child.get("path")
                    _mark(_x(target, "value-of", select=f"name({path})" if path else "name(.)"), child)
                elif child.tag.startswith("{%s}" % SQF):
                    pass
                else:  # emph, dir, span and foreign markup: their text
                    walk(child)
                emit(child.tail)
        walk(source)


def _let_signature(let: etree._Element) -> tuple:
    body = "".join(etree.tostring(c, encoding="unicode") for c in let if isinstance(c.tag, str))
    return (" ".join((let.get("value") or "").split()), let.get("as"), body)


def _first_prefixes(namespaces: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for prefix, uri in namespaces.items():
        out.setdefault(uri, prefix)
    return out


def _strip_tk(el: etree._Element) -> None:
    for node in el.iter():
        if isinstance(node.tag, str):
            for key in [k for k in node.attrib if k.startswith(_T)]:
                del node.attrib[key]


# ------------------------------------------------------------------------ public API

_compiled: dict[str, object] = {}


@dataclass
class SchematronSchema:
    """A loaded, preprocessed Schematron schema for one phase, compiled to XSLT 3.0.

    ``xslt`` is the generated stylesheet (also :func:`compile_to_xslt`); ``key`` is its
    content hash, under which the compiled Saxon executable is cached per process.
    """

    path: Path
    phase: str
    query_binding: str
    namespaces: dict[str, str]
    title: str
    xslt: str
    key: str
    pattern_ids: list[str]
    _checks: list[_Check] = field(repr=False, default_factory=list)
    _schema_line: int | None = field(repr=False, default=None)

    # -- running -------------------------------------------------------------
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

    def svrl(self, doc: etree._ElementTree | etree._Element, file: str = "") -> str:
        """Run the schema over ``doc`` and return the SVRL report as text."""
        sheet = self.stylesheet()
        try:
            return sheet.transform(doc, name=file, base_uri=_base_uri(doc, file)).output
        except TransformError as exc:
            raise SchematronError(f"schematron {self.path.name} failed on this document: "
                                  f"{exc.message}", file or str(self.path), None) from None

    def validate(self, doc: etree._ElementTree | etree._Element, file: str) -> list[Finding]:
        """Findings for ``doc`` (already parsed with the safe parser)."""
        return self.findings(self.svrl(doc, file), doc, file)

    def findings(self, svrl: str, doc: etree._ElementTree | etree._Element,
                 file: str) -> list[Finding]:
        """Turn an SVRL report of this schema into findings located in ``doc``."""
        from toolkit.validate.engines.schematron_svrl import svrl_to_findings

        return svrl_to_findings(svrl, doc, file, self._checks, self.namespaces)


    def _compile_error(self, exc: TransformError) -> SchematronError:
        detail = exc.message.replace("stylesheet does not compile: ", "")
        line = exc.line
        if line is None:
            # compiled from a tree (for its base URI), Saxon reports no line: compile the
            # text once more, only to learn where the error is in the generated XSLT
            from toolkit.core.saxon import get_processor

            try:
                get_processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=self.xslt)
            except Exception as again:  # saxonche's PySaxonApiError
                text = " ".join(str(again).split())
                found = re.search(r"on line (\d+)", text)
                if found:
                    line = int(found.group(1))
                    detail = re.sub(r" on line \d+ column \d+ of \S+:", ":", text)
        if line is not None:
            try:
                gen = etree.fromstring(self.xslt.encode("utf-8"))
            except etree.XMLSyntaxError:
                gen = None
            if gen is not None:
                best = None
                for el in gen.iter():
                    if isinstance(el.tag, str) and el.sourceline and el.sourceline <= line:
                        if best is None or el.sourceline >= best.sourceline:
                            best = el
                while best is not None and best.get(_T + "line") is None:
                    best = best.getparent()
                if best is not None:
                    return SchematronError(
                        f"schematron does not compile: {detail}",
                        best.get(_T + "file") or str(self.path), int(best.get(_T + "line")) or None)
        return SchematronError(f"schematron does not compile: {detail}", str(self.path),
                               self._schema_line)


def load_schematron(path: Path | str, phase: str | None = None) -> SchematronSchema:
    """Load an ISO Schematron schema (.sch), or the Schematron embedded in a RELAX NG
    schema or a TEI ODD, resolve includes and abstractions for ``phase`` (None:
    ``@defaultPhase`` or ``#ALL``) and generate its XSLT 3.0 (compiled lazily, cached).
    """
    path = Path(path)
    tree = _parse(path)
    schema = _as_schema(tree, path)
    _resolve(schema, (str(path.resolve()),))
    model = _Model(schema, phase)
    gen = _Generator(model)
    xslt = gen.generate()
    key = hashlib.sha256(xslt.encode("utf-8")).hexdigest()
    return SchematronSchema(path, model.phase, model.binding, dict(model.namespaces), model.title,
                            xslt, key, [p.id for p in model.patterns], gen.checks,
                            schema.sourceline)


def compile_to_xslt(schema: SchematronSchema | Path | str, phase: str | None = None) -> str:
    """The XSLT 3.0 generated for ``schema`` (a loaded schema or a path to load)."""
    if not isinstance(schema, SchematronSchema):
        schema = load_schematron(schema, phase)
    return schema.xslt


def _base_uri(doc: etree._ElementTree | etree._Element, file: str) -> str | None:
    """The source's URI, so that ``base-uri()`` in rules sees the real file name."""
    url = doc.docinfo.URL if isinstance(doc, etree._ElementTree) else doc.getroottree().docinfo.URL
    if url:
        return url
    return Path(file).resolve().as_uri() if file else None
