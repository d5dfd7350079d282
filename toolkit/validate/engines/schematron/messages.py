"""The human text of assertions, diagnostics and properties, as XSLT that writes SVRL.

An assertion's content becomes ``svrl:text``, evaluated where the assertion fires (in the
context of its ``@subject``, when it has one, as ISO 2025 asks):

* ``sch:value-of/@select`` -> its value; ``sch:name`` -> the name of the context node,
  ``sch:name/@path`` -> the value of the path (ISO 2016, not ``name()`` of it);
* ``sch:emph``, ``sch:dir`` (``@value`` reported as ``@dir``) and ``sch:span``
  (``@class``) -> ``svrl:emph``, ``svrl:dir``, ``svrl:span``;
* ``xsl:copy-of`` and ``xsl:value-of`` are executed (``copy-of`` in a property is how a
  schema reports nodes of the document); other foreign markup is copied as it is,
  SQF (quick fix) markup is left out.

``svrl:text`` carries the ``see``, ``icon``, ``fpi``, ``xml:lang`` and ``xml:space`` of
the element it comes from.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from lxml import etree

from .names import SQF, T, V, X, XML, error, is_sch, language, local, strip_marks

if TYPE_CHECKING:
    from .compile import Emitter as Emit


def human_text(target: etree._Element, source: etree._Element, x: Emit, *,
               with_lang: bool) -> etree._Element:
    """Append an ``svrl:text`` for ``source`` to ``target`` and fill it."""
    text = etree.SubElement(target, V + "text")
    for attr in ("see", "icon", "fpi"):
        if source.get(attr) is not None:
            text.set(attr, avt(source.get(attr)))
    if with_lang and language(source) is not None:
        text.set("{%s}lang" % XML, language(source))
    if source.get("{%s}space" % XML) is not None:
        text.set("{%s}space" % XML, source.get("{%s}space" % XML))
    _content(text, source, x)
    return text


def _content(target: etree._Element, source: etree._Element, x: Emit) -> None:
    _emit_text(target, source.text, x)
    for child in source:
        if not isinstance(child.tag, str):
            pass
        elif is_sch(child, "value-of"):
            if child.get("select") is None:
                raise error("sch:value-of needs @select", child)
            x(target, "value-of", child, select=child.get("select"))
        elif is_sch(child, "name"):
            x(target, "value-of", child, select=child.get("path") or "name(.)")
        elif is_sch(child, "emph", "dir", "span"):
            out = etree.SubElement(target, V + local(child))
            if is_sch(child, "dir") and child.get("value"):
                out.set("dir", avt(child.get("value")))
            if is_sch(child, "span") and child.get("class"):
                out.set("class", avt(child.get("class")))
            _content(out, child, x)
        elif child.tag.startswith("{%s}" % SQF):
            pass
        elif child.tag in (X + "copy-of", X + "value-of"):
            target.append(strip_marks(copy.deepcopy(child)))
            target[-1].tail = None
            x.mark(target[-1], child)
        elif is_sch(child):
            _content(target, child, x)
        else:
            _foreign(target, child, x)
        _emit_text(target, child.tail, x)


def _foreign(target: etree._Element, el: etree._Element, x: Emit) -> None:
    """Copy foreign markup (XHTML in a message) literally, whatever its namespace."""
    qname = etree.QName(el)
    out = x(target, "element", None, name=local(el), namespace=qname.namespace or "")
    for key, value in el.attrib.items():
        if key.startswith(T):
            continue
        attr = etree.QName(key)
        a = x(out, "attribute", None, name=attr.localname, namespace=attr.namespace or "")
        a.text = value
    _content(out, el, x)


def _emit_text(target: etree._Element, text: str | None, x: Emit) -> None:
    if text:
        x(target, "text", None).text = text


def references(out: etree._Element, item: etree._Element, lookup, x: Emit) -> None:
    """``svrl:diagnostic-reference`` and ``svrl:property-reference`` children of ``out``."""
    for attr, kind in (("diagnostics", "diagnostic"), ("properties", "property")):
        for ref in (item.get(attr) or "").split():
            found = lookup(kind, ref)
            if found is None:
                raise error(f"@{attr} references unknown {kind} {ref!r}", item)
            d = etree.SubElement(out, V + f"{kind}-reference")
            d.set(kind, avt(ref))
            if kind == "property":
                for a in ("role", "scheme"):
                    if found.get(a):
                        d.set(a, avt(found.get(a)))
            human_text(d, found, x, with_lang=True)


def avt(text: str) -> str:
    """Escape a literal for an attribute value template."""
    return text.replace("{", "{{").replace("}", "}}")

