"""Word lists of TEI sources and of the editions made from them, for comparing the two.

The editions add marks of their own (note calls [n], Leiden brackets for supplied text and
gaps, ⟦deletions⟧, labels) and give one reading of each ``choice``. So the source's words
are taken as the edition should give them (normalised reading: corr/reg/expan, without
abbreviation markers; forme work ``fw`` and ``index`` terms left out, as the editions do),
and both sides are compared as alphanumeric tokens after the brackets (and the "(?)" of an
unclear reading) are removed. Two name parts side by side (<forename/><surname/>) are two words,
and so are the parts of a structured source and a quotation's source in cit (the editions
print them apart).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
#: Elements whose boundaries are not word boundaries (inline in the editions).
INLINE = {
    "hi", "emph", "foreign", "term", "mentioned", "distinct", "gloss", "code", "ident", "gi", "att",
    "val", "tag", "seg", "w", "c", "pc", "g", "phr", "cl", "add", "unclear", "damage", "surplus",
    "orig", "reg", "corr", "sic", "abbr", "expan", "ex", "am", "num", "measure", "date", "time",
    "idno", "supplied", "del", "choice", "persName", "placeName", "orgName", "name", "rs", "roleName",
    "geogName", "settlement", "country", "region", "bloc", "district", "forename", "surname",
    "addName", "genName", "nameLink", "title", "q", "quote", "said", "soCalled", "ref", "foreign",
    "subst", "restore", "handShift", "secl", "affiliation", "occupation", "s", "lem", "rdg", "app",
}
#: Parts of a name: two of them side by side are two words, written with or without a space.
NAME_PARTS = {"forename", "surname", "addName", "genName", "nameLink", "roleName"}
OMITTED = {"fw", "index", "binaryObject", "teiHeader", "facsimile", "standOff", "sourceDoc", "milestone", "anchor",
           "link", "linkGrp", "interpGrp", "interp", "spanGrp", "span", "alt", "altGrp", "join"}
_BRACKETS = re.compile(r"\(\?\)|[\[\]()⟦⟧⟨⟩〈〉{}<>]")
_CALL = re.compile(r"(?<=[^\W_])\[\d+\]")
_TOKEN = re.compile(r"[^\W_]+")


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _skip_in_choice(el) -> bool:
    """A choice alternative the normalised reading does not give."""
    parent = el.getparent()
    if parent is None or _local(parent) != "choice" or parent.tag != TEI + "choice":
        return False
    names = [_local(c) for c in parent if isinstance(c.tag, str)]
    for wanted in ("corr", "reg", "expan", "seg"):
        if wanted in names:
            return _local(el) != wanted or names.index(wanted) != list(
                c for c in parent if isinstance(c.tag, str)).index(el)
    first = next(c for c in parent if isinstance(c.tag, str))
    return el is not first


def _structured(el) -> bool:
    """A biblStruct, biblFull, or bibl of several elements with no text of its own: the
    editions print it as a citation, its parts apart (common/bibl.xsl)."""
    name = _local(el)
    if name in ("biblStruct", "biblFull", "monogr", "analytic", "imprint"):
        return True
    return (name == "bibl" and len([c for c in el if isinstance(c.tag, str)]) > 1
            and not (el.text or "").strip() and not any((c.tail or "").strip() for c in el))


def _cited_apart(el) -> bool:
    """A part of a structured source, or the source after a quotation in cit or epigraph
    (which the editions print after a dash)."""
    parent = el.getparent()
    if parent is None or not isinstance(el.tag, str):
        return False
    if _structured(parent):
        return True
    return (_local(parent) in ("cit", "epigraph") and _local(el) in ("bibl", "biblStruct", "ref")
            and any(_local(s) in ("quote", "q") for s in el.itersiblings(preceding=True)))


def source_text(text_el) -> str:
    """The text of a TEI <text> as the editions should give it (normalised reading)."""
    out: list[str] = []

    def walk(el):
        name = _local(el)
        tei = isinstance(el.tag, str) and el.tag.startswith(TEI)
        if tei and (name in OMITTED or name == "am" or _skip_in_choice(el)):
            out.append(" " if name not in INLINE else "")
            if el.tail:
                out.append(el.tail)
            return
        if not isinstance(el.tag, str):  # comments, PIs
            if el.tail:
                out.append(el.tail)
            return
        boundary = not (tei and name in INLINE) or _cited_apart(el)
        previous = el.getprevious()
        if (tei and name in NAME_PARTS and previous is not None and _local(previous) in NAME_PARTS
                and not previous.tail):
            out.append(" ")
        if tei and name in ("lb", "pb", "cb"):
            boundary = el.get("break") != "no"
        if boundary:
            out.append(" ")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if boundary:
            out.append(" ")
        if el.tail:
            out.append(el.tail)

    for child in text_el:
        walk(child)
    if text_el.text:
        out.insert(0, text_el.text)
    return "".join(out)


def words(text: str) -> Counter:
    """Alphanumeric tokens (lower case) after removing brackets; a bracketed number right
    after a word (a note call [n] as the editions print it) is a token of its own, in the
    source as in the output."""
    text = _CALL.sub(lambda m: " " + m.group(0) + " ", text)
    return Counter(t.lower() for t in _TOKEN.findall(_BRACKETS.sub("", text)))


def missing_words(source: Counter, output: Counter) -> list[str]:
    """Source tokens the output lacks: a token counts as present when the output has it
    (as often), or when it is part of a longer output token (the source split a word at
    an element boundary that the edition joins)."""
    missing = []
    joined = None
    for token, count in source.items():
        if output.get(token, 0) >= count:
            continue
        if joined is None:
            joined = " ".join(output)
        if token in joined:
            continue
        missing.append(token)
    return sorted(missing)
