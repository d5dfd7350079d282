"""Step 1: incorporate other files — ``sch:include`` and ``sch:extends/@href``.

* ``sch:include href="f.sch#id"`` anywhere is replaced by the referenced element (the
  document element, or the one whose ``@id``/``@xml:id`` is the fragment). Including a
  whole ``sch:schema`` into a schema merges its children (what older schemas expect).
* ``sch:extends href`` as a child of ``sch:schema`` or ``sch:library`` incorporates the
  definitions of a ``sch:library`` (ISO 2025) — or, for a schema, of another schema, as
  FRUS's frus.sch does with its four companions. A library may only extend libraries.
* ``sch:extends href`` inside a ``sch:rule`` adds the content of an external ``sch:rule``.

Inclusion is recursive and cycles are refused. Two properties of the included element
survive the move, as ISO requires: its language (``xml:lang`` is written on it when it
differs from the new surroundings) and its namespace bindings (its ``tk:file`` mark says
which file's ``sch:ns`` its expressions use; see :class:`.source.Sources`).
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from .names import S, XML_ID, XML_LANG, error, file_of, is_sch, language, local
from .source import Sources


def resolve(schema: etree._Element, sources: Sources) -> None:
    """Expand every ``sch:include`` and ``sch:extends/@href`` under ``schema`` in place."""
    _resolve(schema, sources, (str(Path(file_of(schema)).resolve()),))


def _resolve(node: etree._Element, sources: Sources, seen: tuple[str, ...]) -> None:
    for ref in list(node.iter(S + "include", S + "extends")):
        if ref.tag == S + "extends" and ref.get("href") is None:
            continue  # extends rule="..." is step 2's
        if ref.getparent() is None:
            continue  # already replaced along with an ancestor
        target, key = _fetch(ref, sources, seen)
        _resolve(target, sources, seen + (key,))
        _replace(ref, _replacement(ref, target))


def _fetch(ref: etree._Element, sources: Sources,
           seen: tuple[str, ...]) -> tuple[etree._Element, str]:
    """A private copy of the element ``ref/@href`` points at, and the file's key."""
    kind = local(ref)
    href = ref.get("href") or ""
    if not href.strip():
        raise error(f"sch:{kind} needs a non-empty @href", ref)
    name, _, fragment = href.partition("#")
    here = Path(file_of(ref))
    path = (here.parent / name).resolve() if name else here.resolve()
    if "://" in name and not name.startswith("file:"):
        raise error(f"sch:{kind}: {href} is not a local file (schemas are never fetched)", ref)
    key = str(path) + ("#" + fragment if fragment else "")
    if key in seen or (not fragment and str(path) in seen):
        raise error(f"circular sch:{kind} of {href}", ref)
    if not path.is_file():
        raise error(f"sch:{kind}: cannot find {href} (looked for {path})", ref)
    tree = sources.parse(path, ref)
    node = tree.getroot()
    if fragment:
        found = [e for e in tree.iter() if isinstance(e.tag, str)
                 and fragment in (e.get("id"), e.get(XML_ID))]
        if not found:
            raise error(f"sch:{kind}: no element with id {fragment!r} in {path}", ref)
        node = found[0]
    lang = language(node)
    node = copy.deepcopy(node)
    if node.get(XML_LANG) is None and lang is not None:
        node.set(XML_LANG, lang)  # keep the language it had in its own file
    return node, key


def _replacement(ref: etree._Element, target: etree._Element) -> list[etree._Element]:
    """What takes the place of ``ref`` once ``target`` is fetched."""
    parent = ref.getparent()
    if ref.tag == S + "include":
        if is_sch(target, "schema") and is_sch(parent, "schema", "library"):
            return _definitions(target)
        return [target]
    if is_sch(parent, "rule"):
        if not is_sch(target, "rule"):
            raise error(f"sch:extends href={ref.get('href')!r} inside a rule must point at a "
                        f"sch:rule, not {target.tag}", ref)
        return _inherit_language(target, [c for c in target if isinstance(c.tag, str)])
    if is_sch(parent, "library") and not is_sch(target, "library"):
        raise error(f"sch:extends in a sch:library must point at another sch:library, not "
                    f"{target.tag}", ref)
    if not is_sch(target, "schema", "library"):
        raise error(f"sch:extends href={ref.get('href')!r} must point at a sch:library (or a "
                    f"sch:schema), not {target.tag}", ref)
    return _definitions(target)


def _definitions(container: etree._Element) -> list[etree._Element]:
    """The children of a schema or library that a schema incorporates (not its prose)."""
    kept = [c for c in container if isinstance(c.tag, str) and not is_sch(c, "title", "p")]
    return _inherit_language(container, kept)


def _inherit_language(container: etree._Element,
                      children: list[etree._Element]) -> list[etree._Element]:
    lang = container.get(XML_LANG)
    if lang is not None:
        for child in children:
            if child.get(XML_LANG) is None:
                child.set(XML_LANG, lang)
    return children


def _replace(ref: etree._Element, replacement: list[etree._Element]) -> None:
    parent = ref.getparent()
    index = parent.index(ref)
    tail = ref.tail
    outer = language(parent)
    parent.remove(ref)
    for offset, el in enumerate(replacement):
        if el.get(XML_LANG) is not None and el.get(XML_LANG).lower() == (outer or ""):
            del el.attrib[XML_LANG]  # same language as its new surroundings: no mark needed
        parent.insert(index + offset, el)
    if replacement:
        replacement[-1].tail = tail
