"""What TEI elements mean to the markup assistant.

What an element *is* - a name, a part of a personal name, a milestone, a register and its
entries, metadata - is defined once for the whole toolkit, in the element-roles table of
``xslt/common/roles.xsl`` (``$ed:roles``); this module reads that table
(:func:`common_roles`) rather than keeping lists of its own. What the assistant decides
on top of it is here:

* which entries it can tag, and with which element (:data:`ENTRY_ELEMENT`);
* which names already there hide their words (:data:`NAMES`: the table's names and name
  parts, except ``rs`` and ``roleName``, which are read: "Minister of Foreign Affairs of
  the <orgName>DPRK</orgName>"), and which elements hold words used as words - a foreign
  term, an element name, an identifier - that are not mentions (:data:`WORDS`);
* which elements flow inside a sentence, so that a name may run across them
  (``<hi>Kim</hi> Il Sung``, ``Pan<lb break="no"/>munjom``): :data:`INLINE`; every other
  element boundary ends a run for the matcher;
* which alternative of a ``choice`` is read (:func:`hidden_alternative`): the normalised
  reading, since registers give normalised forms;
* which parts of a register are labels rather than prose (:func:`is_label`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from toolkit.core import resources

TEI_NS = "http://www.tei-c.org/ns/1.0"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"


@lru_cache(maxsize=1)
def common_roles() -> dict[str, frozenset[str]]:
    """``$ed:roles`` of ``xslt/common/roles.xsl``: role -> TEI local names."""
    tree = etree.parse(str(resources.xslt_path("common/roles.xsl")))
    select = tree.find(f"{{{XSL_NS}}}variable[@name='ed:roles']").get("select")
    return {role: frozenset(re.findall(r"'([\w.\-]+)'", names))
            for role, names in re.findall(r"'([\w\-]+)'\s*:\s*\(([^)]*)\)", select)}


_ROLES = common_roles()

#: Register entries the assistant tags, and the element a mention of each is tagged with.
ENTRY_ELEMENT = {
    "person": "persName", "personGrp": "persName", "persona": "persName",
    "org": "orgName",
    "place": "placeName",
}
#: Name parts an editor uses on their own ("Kuylenstierna", "Gaga").
NAME_PARTS = set(_ROLES["name-part"]) - {"nameLink"}
#: The name forms an entry lists (its own names, not the referring strings).
ENTRY_NAMES = set(_ROLES["name"]) - {"rs", "roleName", "objectName", "eventName"}
#: Elements that are names already: nothing inside them is proposed again.
NAMES = ENTRY_NAMES | set(_ROLES["name-part"])
#: Elements whose words are used as words, not as mentions.
WORDS = {"foreign", "term", "mentioned", "gi", "att", "val", "tag", "code", "ident", "idno",
         "speaker", "fw", "index", "metamark"}
#: Citations: the title of a cited work is the work's words, not a mention of the persons
#: and places it names ("Statement of Molotov ..."), as in a printed edition's index.
CITATIONS = {"bibl", "biblStruct", "relatedItem"}


def is_cited_title(element) -> bool:
    """A ``title`` inside a citation (see :data:`CITATIONS`)."""
    return element.name == "title" and any(a.name in CITATIONS for a in element.ancestors())


#: Parts of a register entry that label it rather than talk about anything.
REGISTER_LABELS = {"label", "head", "title", "birth", "death", "age", "sex", "occupation"}
#: Registers: in these, labels and titles (REGISTER_LABELS) are not prose.
REGISTERS = set(_ROLES["register"]) | {"standOff", "listRelation", "particDesc", "settingDesc"}
#: Skipped wholesale: metadata, facsimiles, source descriptions (the table's hidden
#: containers, except the standOff, whose register notes are read).
SKIPPED = set(_ROLES["hidden"]) - {"standOff"}

#: Elements inside a sentence (a mention may cross their boundaries).
INLINE = {
    "hi", "emph", "distinct", "gloss", "seg", "w", "c", "pc", "g", "phr", "cl", "add", "unclear",
    "damage", "surplus", "orig", "reg", "corr", "sic", "abbr", "expan", "ex", "am", "num",
    "measure", "date", "time", "supplied", "del", "choice", "rs", "roleName", "title", "q",
    "quote", "said", "soCalled", "ref", "ptr", "subst", "restore", "handShift", "secl", "s",
    "lem", "rdg", "app", "anchor", "gap", "space", "certainty",
} | NAMES | WORDS | set(_ROLES["milestone"])
#: Milestones that stand for a space unless they carry ``break="no"``.
BREAKS = set(_ROLES["milestone"]) - {"milestone"}
#: In a ``choice``, the reading that is kept when both are present.
READING = {"sic": "corr", "orig": "reg", "abbr": "expan"}


def is_tei(element) -> bool:
    """A TEI element (or one in no namespace, as in TEI documents without a declaration)."""
    return element.ns in (TEI_NS, None)


def is_label(element) -> bool:
    """A label or title of a register, not prose about anything (a ``state``'s label,
    "Minister of Foreign Affairs of the DPRK", is prose and is read)."""
    if element.name not in REGISTER_LABELS:
        return False
    return not (element.name == "label" and element.parent is not None
                and element.parent.name in ("state", "trait"))


def hidden_alternative(element) -> bool:
    """A ``choice`` alternative the normalised reading leaves out (``sic`` next to
    ``corr``, ``orig`` next to ``reg``, ``abbr`` next to ``expan``, and any ``rdg`` of an
    ``app`` that has a ``lem``)."""
    parent = element.parent
    if parent is None or element.name not in READING and element.name != "rdg":
        return False
    siblings = {c.name for c in parent.elements()}
    if parent.name == "choice" and element.name in READING:
        return READING[element.name] in siblings
    return parent.name == "app" and element.name == "rdg" and "lem" in siblings
