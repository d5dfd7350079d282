"""Step 2: expand abstractions in place — abstract rules, then abstract patterns.

* ``sch:extends rule="r"`` is replaced by the content of the abstract rule ``r``, which
  must be defined in the same pattern or in a top-level ``sch:rules`` container (ISO
  2025). Extending a rule that is not abstract, or one of another pattern, is an error.
* ``sch:pattern is-a="a"`` (and ``sch:group is-a``) becomes a copy of the abstract
  pattern ``a`` in which every ``$param`` of an attribute is replaced by the parameter's
  value: rule contexts, tests, ``value-of/@select``, ``name/@path``, ``let/@value``,
  ``@documents``, ``@subject`` and the ``xsl:copy-of/@select`` of properties alike. The
  diagnostics and properties its assertions use are instantiated with it (a copy inside
  the new pattern), so a parameter used in a diagnostic's message is replaced too.
  Declared parameters (``sch:param`` in the abstract pattern, ISO 2025) give defaults; one
  declared without a default must be supplied, and one supplied that the abstract pattern
  neither declares nor uses is refused as the typo it usually is.

Copies keep the language of their origin (``xml:lang`` is written where it differs).
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from .names import S, T, XML_LANG, error, is_sch, language, local


def expand(schema: etree._Element) -> None:
    """Expand ``sch:extends rule=`` and ``is-a`` patterns under ``schema`` in place."""
    for rule in list(schema.iter(S + "rule")):
        _extend_rule(rule, schema, ())
    abstract = {p.get("id"): p for p in schema.iter(S + "pattern", S + "group")
                if p.get("abstract") == "true" and p.get("id")}
    for inst in list(schema.iter(S + "pattern", S + "group")):
        if inst.get("is-a"):
            _instantiate(inst, abstract, schema)


# ---------------------------------------------------------------- abstract rules

def _extend_rule(rule: etree._Element, schema: etree._Element, chain: tuple[str, ...]) -> None:
    for ext in [c for c in rule if is_sch(c, "extends") and c.get("rule") is not None]:
        name = ext.get("rule")
        if name in chain:
            raise error(f"sch:extends of abstract rule {name!r} recurses", ext)
        target = _abstract_rule(ext, name, schema)
        _extend_rule(target, schema, chain + (name,))
        lang = language(target)
        content = [copy.deepcopy(c) for c in target
                   if isinstance(c.tag, str) and not is_sch(c, "title", "p")]
        for c in content:
            if c.get(XML_LANG) is None and lang != language(rule):
                c.set(XML_LANG, lang or "")
        index = rule.index(ext)
        rule.remove(ext)
        for offset, c in enumerate(content):
            rule.insert(index + offset, c)


def _abstract_rule(ext: etree._Element, name: str, schema: etree._Element) -> etree._Element:
    """The abstract rule ``name`` visible from ``ext`` (its pattern, or sch:rules)."""
    pattern = ext.getparent().getparent()
    scope = [r for r in pattern if is_sch(r, "rule")] if is_sch(pattern, "pattern", "group") else []
    for container in schema.iter(S + "rules"):
        scope += [r for r in container if is_sch(r, "rule")]
    for r in scope:
        if r.get("id") == name:
            if r.get("abstract") != "true":
                raise error(f"sch:extends references rule {name!r}, which is not abstract "
                            "(only rules with abstract=\"true\" can be extended)", ext)
            return r
    elsewhere = [r for r in schema.iter(S + "rule") if r.get("id") == name]
    if elsewhere:
        raise error(f"sch:extends references abstract rule {name!r} of another pattern "
                    f"(line {elsewhere[0].sourceline}); an abstract rule is visible only in its "
                    "own pattern and in sch:rules", ext)
    raise error(f"sch:extends references unknown abstract rule {name!r}", ext)


# ------------------------------------------------------------- abstract patterns

def _instantiate(inst: etree._Element, abstract: dict[str, etree._Element],
                 schema: etree._Element) -> None:
    name = inst.get("is-a")
    if name not in abstract:
        raise error(f"{local(inst)} {inst.get('id')!r}: is-a references unknown abstract "
                    f"pattern {name!r}", inst)
    source = abstract[name]
    params = _parameters(inst, source, schema)
    new = copy.deepcopy(source)
    for attr in ("abstract", "id", "documents", XML_LANG):
        new.attrib.pop(attr, None)
    for key, value in inst.attrib.items():
        if key not in ("is-a",):
            new.set(key, value)
    if new.get("documents") is None and source.get("documents") is not None:
        new.set("documents", source.get("documents"))
    lang = language(source)
    if inst.get(XML_LANG) is None and lang != language(inst):
        new.set(XML_LANG, lang or "")
    for p in new.findall(S + "param"):
        new.remove(p)
    for kind, plural in (("diagnostic", "diagnostics"), ("property", "properties")):
        used = _referenced(new, plural)
        copies = [copy.deepcopy(d) for d in schema.iter(S + kind) if d.get("id") in used
                  and not _inside_pattern(d)]
        if copies:
            etree.SubElement(new, S + plural).extend(copies)
    _substitute(new, params)
    new.sourceline = inst.sourceline
    new.tail = inst.tail
    inst.getparent().replace(inst, new)


def _parameters(inst: etree._Element, source: etree._Element,
                schema: etree._Element) -> dict[str, str]:
    supplied: dict[str, str] = {}
    for p in inst.findall(S + "param"):
        if not p.get("name") or p.get("value") is None:
            raise error("sch:param of an is-a pattern needs @name and @value", p)
        supplied[p.get("name")] = p.get("value")
    declared = {p.get("name"): p.get("value") for p in source.findall(S + "param")}
    name = inst.get("is-a")
    for key, default in declared.items():
        if key not in supplied and default is None:
            raise error(f"pattern {inst.get('id') or name!r}: parameter {key!r} of abstract "
                        f"pattern {name!r} has no default and is not supplied", inst)
    text = _attribute_text(source) + _attribute_text_of_messages(source, schema)
    for key in supplied:
        if key not in declared and not re.search(r"\$" + re.escape(key) + r"(?![\w.\-])", text):
            raise error(f"pattern {inst.get('id') or name!r}: parameter {key!r} is neither "
                        f"declared nor used by abstract pattern {name!r}", inst)
    values = {k: v for k, v in declared.items() if v is not None}
    values.update(supplied)
    return values


def _attribute_text(el: etree._Element) -> str:
    return " ".join(v for node in el.iter() if isinstance(node.tag, str)
                    for v in node.attrib.values())


def _attribute_text_of_messages(source: etree._Element, schema: etree._Element) -> str:
    used = _referenced(source, "diagnostics") | _referenced(source, "properties")
    return " ".join(_attribute_text(d) for d in schema.iter(S + "diagnostic", S + "property")
                    if d.get("id") in used)


def _referenced(pattern: etree._Element, attr: str) -> set[str]:
    return {ref for el in pattern.iter(S + "assert", S + "report")
            for ref in (el.get(attr) or "").split()}


def _inside_pattern(el: etree._Element) -> bool:
    return any(is_sch(a, "pattern", "group") for a in el.iterancestors())


def _substitute(el: etree._Element, params: dict[str, str]) -> None:
    """Replace ``$name`` by the parameter's value in every attribute under ``el``."""
    if not params:
        return
    names = sorted(params, key=len, reverse=True)
    rx = re.compile(r"\$(" + "|".join(re.escape(n) for n in names) + r")(?![\w.\-])")
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for key, value in node.attrib.items():
            if "$" in value and not key.startswith(T):
                node.set(key, rx.sub(lambda m: params[m.group(1)], value))
