"""Step 4b: one XSLT template per rule, the variables, and one ``xsl:if`` per assertion.

All patterns that validate the same documents share one mode, so the document is walked
once for all of them. Each rule is a template whose priority follows the order of rules
in the schema; after it has fired it calls ``xsl:next-match``, so the rules of the other
patterns get their turn on the same node. ISO's "only the first matching rule of a
pattern fires" is kept with one integer passed along the chain: the index of the pattern
whose rule fired last. A pattern's rules have consecutive priorities, so a later rule of
the same pattern sees its own index there and steps aside. Rules of an ISO 2025
``sch:group`` never step aside.

Each assertion runs inside ``xsl:try``: a dynamic error (a bad cast, ``doc()`` of a file
the transform may not read) becomes a located finding for that assertion instead of
ending the validation of the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from .messages import avt, human_text, references
from .model import Model, Pattern
from .names import T, V, XML_LANG, error, file_of, is_sch, language, local

if TYPE_CHECKING:
    from .compile import Emitter

_VARIABLE = re.compile(r"^\s*\$([\w.\-]+(?::[\w.\-]+)?)\s*$")


@dataclass
class Check:
    """Compile-time facts about one assert/report, indexed by ``tk:n`` in the SVRL."""

    kind: str               # 'assert' | 'report'
    rule: str               # Finding.rule
    role: str | None        # the assertion's role, else its rule's (None when dynamic)
    severity: str | None    # ISO 2025 @severity (None when absent or dynamic)
    pattern: str
    schema_file: str
    schema_line: int | None


class RuleCompiler:
    """Writes the templates of the rules of one mode and collects their :class:`Check` s."""

    def __init__(self, model: Model, x: "Emitter", checks: list[Check]) -> None:
        self.m = model
        self.x = x
        self.checks = checks
        self._positions: dict[str, int] = {}

    def _compat(self, el: etree._Element) -> None:
        """XPath 1.0 bindings run the schema's own expressions in backwards-compatible mode."""
        if self.m.xpath_version == "1":
            el.set("version", "1.0")

    def let(self, parent: etree._Element, let: etree._Element, name: str, *,
            rebase: bool = False) -> None:
        """``sch:let`` as ``xsl:variable``: ``@value`` is evaluated, element content is data."""
        var = self.x(parent, "variable", let, name=name)
        if let.get("as"):
            var.set("as", let.get("as"))
        if let.get("value") is not None:
            value = let.get("value")
            var.set("select", f"root(.) ! ({value})" if rebase else value)
        else:
            if not let.get("as"):
                var.set("as", "node()*")
            self._verbatim(var, let)
        self._compat(var)

    def _verbatim(self, target: etree._Element, source: etree._Element) -> None:
        """Constructors for the nodes of ``source`` (never run as XSLT instructions)."""
        if source.text and source.text.strip():
            self.x(target, "text").text = source.text
        for child in source:
            if isinstance(child.tag, str):
                qname = etree.QName(child)
                el = self.x(target, "element", name=qname.localname,
                            namespace=qname.namespace or "")
                for key, value in child.attrib.items():
                    if not key.startswith("{urn:x-tei-edition:"):
                        attr = etree.QName(key)
                        self.x(el, "attribute", name=attr.localname,
                               namespace=attr.namespace or "").text = value
                self._verbatim(el, child)
            if child.tail and child.tail.strip():
                self.x(target, "text").text = child.tail

    # -- templates ------------------------------------------------------------------
    def template(self, root: etree._Element, mode: str, p: Pattern, rule: etree._Element,
                 priority: int) -> None:
        context = rule.get("context")
        for name, renamed in p.renamed.items():
            if renamed != name:
                context = re.sub(r"\$" + re.escape(name) + r"(?![\w.\-])", "$" + renamed, context)
        t = self.x(root, "template", rule, match=context, mode=mode, priority=str(priority))
        self.x(t, "param", name="tk:last", **{"as": "xs:integer", "select": "-1"})
        chain = "$tk:last" if p.group else str(p.index)
        if not p.group and len(p.rules) > 1:
            choose = self.x(t, "choose")
            skip = self.x(choose, "when", test=f"$tk:last eq {p.index}")
            self.x(self.x(skip, "next-match"), "with-param", name="tk:last", select="$tk:last")
            body = self.x(choose, "otherwise")
        else:
            body = t
        self._fired(body, rule)
        for name, renamed in p.renamed.items():
            if renamed != name:
                self.x(body, "variable", name=name, select="$" + renamed)
        for let in p.lets if p.documents is not None else ():
            self.let(body, let, let.get("name"), rebase=True)
        scope = body
        node = "."
        if rule.get("visit-each"):
            self.x(body, "variable", name="tk:node", select=".")
            scope = self.x(body, "for-each", rule, select=rule.get("visit-each"))
            node = "(if (. instance of node()) then . else $tk:node)"
        for item in self.m.rule_body(rule, p):
            if is_sch(item, "let"):
                self.let(scope, item, item.get("name"))
            else:
                self._check(scope, item, rule, p, node)
        self.x(self.x(body, "next-match"), "with-param", name="tk:last", select=chain)

    def _fired(self, body: etree._Element, rule: etree._Element) -> None:
        fired = etree.SubElement(self.x(body, "if", test="$tk:fired"), V + "fired-rule")
        fired.set("context", avt(rule.get("context")))
        self._attributes(fired, rule, ("id", "role", "flag"))
        fired.set("document", "{tk:document(.)}")

    def _attributes(self, out: etree._Element, source: etree._Element,
                    names: tuple[str, ...]) -> None:
        """Copy ``names`` from ``source``; a bare ``$variable`` value is evaluated (ISO 2025)."""
        for attr in names:
            value = source.get(attr)
            if value is None:
                continue
            if attr != "id" and _VARIABLE.match(value):
                self.x(out, "attribute", name=attr, select=value.strip())
            else:
                out.set(attr, avt(value))

    # -- assertions -----------------------------------------------------------------
    def _check(self, parent: etree._Element, item: etree._Element, rule: etree._Element,
               p: Pattern, node: str) -> None:
        kind = local(item)
        test = item.get("test")
        if test is None:
            raise error(f"sch:{kind} needs @test", item)
        position = self._positions[p.id] = self._positions.get(p.id, 0) + 1
        rule_id = item.get("id") or (f"{p.id}#{position}" if p.el.get("id") else "schematron")
        role = item.get("role") or rule.get("role")
        severity = item.get("severity")
        n = len(self.checks)
        self.checks.append(Check(kind, rule_id, None if role and _VARIABLE.match(role) else role,
                                 None if severity and _VARIABLE.match(severity) else severity,
                                 p.id, file_of(item), item.sourceline))
        subject = item.get("subject") or rule.get("subject")
        tryel = self.x(parent, "try")
        self._compat(tryel)
        cond = f"not(({test}))" if kind == "assert" else f"({test})"
        iff = self.x(tryel, "if", item, test=cond)
        where = node
        if subject:
            self.x(iff, "variable", item, name="tk:subject",
                   select=f"({subject})[. instance of node()][1]")
            where = f"($tk:subject, {node})[1]"
        tag = "failed-assert" if kind == "assert" else "successful-report"
        out = etree.SubElement(iff, V + tag)
        out.set("test", avt(test))
        self._attributes(out, item, ("id", "role", "flag", "severity"))
        out.set("location", "{tk:path(" + where + ")}")
        if language(item) is not None:
            out.set(XML_LANG, language(item))
        out.set(T + "n", str(n))
        if p.documents is not None:
            out.set(T + "doc", "{tk:document(" + node + ")}")
        content = self.x(out, "for-each", select=where) if subject else out
        references(content, item, lambda k, ref: self.m.lookup(k, ref, p), self.x)
        human_text(content, item, self.x, with_lang=False)
        catch = self.x(tryel, "catch")
        err = etree.SubElement(catch, V + "failed-assert")
        err.set("test", avt(test))
        err.set("location", "{tk:path(" + node + ")}")
        err.set(T + "n", str(n))
        err.set(T + "error", "{$err:code}")
        if p.documents is not None:
            err.set(T + "doc", "{tk:document(" + node + ")}")
        self.x(etree.SubElement(err, V + "text"), "value-of",
               select="concat('cannot evaluate: ', $err:code, ': ', $err:description)")
