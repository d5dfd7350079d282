"""What TEI elements mean to the markup assistant, in one table.

The rendering stylesheets keep their element roles in ``xslt/common/``; the assistant
works on source offsets in Python and needs its own answers to five questions, all
answered here and nowhere else:

* which register entries there are, and which element tags a mention of each
  (:data:`ENTRY_ELEMENT`);
* which elements already *are* names, so their words are never proposed again
  (:data:`NAMES`), and which hold words used as words - a foreign term, an element name,
  an identifier - that are not mentions even when they spell a name (:data:`WORDS`);
* which elements flow inside a sentence, so that a name may run across them
  (``<hi>Kim</hi> Il Sung``, ``Pan<lb break="no"/>munjom``): :data:`INLINE`; every other
  element boundary ends a sentence for the matcher;
* which alternatives of a ``choice`` are read (:func:`hidden_alternative`): the
  normalised reading, since registers give normalised forms;
* which parts of a register entry are labels rather than prose (:data:`REGISTER_LABELS`).
"""

from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: Register entries and the element a mention of each is tagged with.
ENTRY_ELEMENT = {
    "person": "persName", "personGrp": "persName", "persona": "persName",
    "org": "orgName",
    "place": "placeName",
}
#: The name forms an entry lists, by entry kind.
ENTRY_NAMES = {"persName", "orgName", "placeName", "name", "geogName", "settlement",
               "country", "region", "bloc", "district"}
#: Parts of a structured personal name that an editor may use on their own.
NAME_PARTS = {"forename", "surname", "addName", "genName"}

#: Elements that are names already: nothing inside them is proposed again.
NAMES = ENTRY_NAMES | NAME_PARTS | {"nameLink"}
#: Elements whose words are used as words, not as mentions.
WORDS = {"foreign", "term", "mentioned", "gi", "att", "val", "tag", "code", "ident", "idno",
         "speaker", "fw", "index", "metamark"}
#: Parts of a register entry that label it rather than talk about anything.
REGISTER_LABELS = {"label", "head", "title", "birth", "death", "age", "sex", "occupation"}
#: Registers: in these, labels and titles (REGISTER_LABELS) are not prose.
REGISTERS = {"standOff", "listPerson", "listOrg", "listPlace", "listEvent", "listBibl",
             "listNym", "listRelation", "particDesc", "settingDesc"}
#: Skipped wholesale: metadata, and facsimile or graphic descriptions.
SKIPPED = {"teiHeader", "facsimile", "sourceDoc"}

#: Elements inside a sentence (a mention may cross their boundaries).
INLINE = {
    "hi", "emph", "distinct", "gloss", "seg", "w", "c", "pc", "g", "phr", "cl", "add", "unclear",
    "damage", "surplus", "orig", "reg", "corr", "sic", "abbr", "expan", "ex", "am", "num",
    "measure", "date", "time", "supplied", "del", "choice", "rs", "roleName", "title", "q",
    "quote", "said", "soCalled", "ref", "ptr", "subst", "restore", "handShift", "secl", "s",
    "lem", "rdg", "app", "lb", "pb", "cb", "anchor", "milestone", "gap", "space", "certainty",
} | NAMES | WORDS
#: Milestones that stand for a space unless they carry ``break="no"``.
BREAKS = {"lb", "pb", "cb"}
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
