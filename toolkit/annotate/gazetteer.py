"""Every way the registers say a person, place or organisation may be named.

An entry's forms come from three places, strongest first:

* the register itself: every ``persName``/``placeName``/``orgName`` of the entry
  (all languages, abbreviations, variants), and for structured names the parts an
  editor uses alone - surname, forename, ``addName`` - and their usual combinations
  (forename + surname, role + surname: "doktor Östermark");
* the edition's own practice: the words of every name already tagged with a ``@ref``
  to the entry, in any document of the run ("Kim" once tagged as Kim Il Sung is a form
  of Kim Il Sung from then on);
* *weak* forms, guessed from an unstructured personal name: its first and last word
  ("Kim" and "Sung" of "Kim Il Sung", "Kuznetsov" of "Vasily Vasilyevich Kuznetsov"),
  used only where no strong form says otherwise and only when one registered person has
  that word (the issue's "Kim when only one registered person is so named").

A form that belongs to two entries is ambiguous, and the matcher says so instead of
choosing. Entries are keyed by (file, xml:id), so registers in another file
(``registers.xml#kim``, or a ``prefixDef`` such as ``reg:kim``) and in the document's own
``standOff`` or ``back`` are the same kind of thing; :meth:`Gazetteer.ref_for` writes the
pointer in the form the document already uses.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.annotate import roles
from toolkit.annotate.markup import Document, Element
from toolkit.core import pointers  # the one reading of pointers and prefixDefs

#: Words of a name that are never a short form on their own.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "st", "saint", "rev",
    "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lt", "lieutenant",
    "admiral", "adm", "marshal", "comrade", "president", "premier", "minister", "ambassador",
    "king", "queen", "prince", "princess", "duke", "count", "baron", "herr", "frau", "fru",
    "fröken", "doktor", "madame", "monsieur", "mme", "mlle", "don", "dona", "senor",
}
PARTICLES = {"von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le",
             "al", "el", "bin", "ibn", "ben", "y", "zu", "ter", "ten", "af", "of", "the"}
ARTICLES = {"the", "a", "an", "der", "die", "das", "den", "det", "le", "la", "les", "l",
            "el", "il", "lo", "los", "las"}
#: Words (with soft hyphens and zero-width characters inside) or single marks.
_TOKEN = re.compile(r"[\w\u00ad\u200b-\u200d\u2060]+|[^\w\s]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-",
                       "–": "-", "—": "-", "\u00ad": None, "\u200b": None, "\u200c": None,
                       "\u200d": None, "\u2060": None})


@dataclass(frozen=True)
class Key:
    """A register entry: the file it is in and its xml:id."""

    file: Path
    id: str


@dataclass
class Entry:
    key: Key
    element: str  # the element a mention is tagged with
    label: str  # the entry's main name, for messages
    span: tuple[int, int] | None = None  # source offsets, in its own document
    strong: set[tuple] = field(default_factory=set)
    weak: set[tuple] = field(default_factory=set)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of the words and punctuation marks of ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def fold(text: str) -> str:
    """Unicode composed, apostrophes and dashes unified: how names are compared."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def form_of(text: str) -> tuple:
    """A name as the matcher compares it: (token, glued to the previous one) pairs, of
    :func:`fold`-ed text; empty if it has no letter."""
    found = tokens(fold(text))
    if not any(t[0][0].isalpha() for t in found if t[0]):
        return ()
    return tuple((tok, i > 0 and found[i - 1][2] == start)
                 for i, (tok, start, _end) in enumerate(found))


def normal_space(text: str) -> str:
    return " ".join(text.split())


class Gazetteer:
    """The entries of some registers and the forms that name them."""

    def __init__(self) -> None:
        self.entries: dict[Key, Entry] = {}
        self._index: dict[tuple, dict[Key, bool]] | None = None

    # ------------------------------------------------------------------ building

    def add_registers(self, doc: Document, *, header: bool = True) -> None:
        """Add every register entry with an xml:id in ``doc`` (outside its header unless
        ``header``: a document's own ``particDesc`` lists speakers, not a register)."""
        path = doc.path.resolve()
        for element in _entries(doc.root, header):
            key = Key(path, element.xml_id)
            if key in self.entries:
                continue
            entry = Entry(key, roles.ENTRY_ELEMENT[element.name], _label(element),
                          (element.start, element.end))
            _collect_forms(element, entry)
            self.entries[key] = entry
        self._index = None

    def add_attested(self, attested: dict[Key, set[tuple]], common: set[str]) -> None:
        """Add forms that documents use for entries of this gazetteer (see :func:`attested`)
        if they look like names: a capital first word that the documents never write in
        lower case (``common``), so "Mamma" tagged once as a character does not make every
        "mamma" a mention."""
        for key, forms in attested.items():
            if key in self.entries:
                self.entries[key].strong |= {f for f in forms if name_like(f, common)}
        for entry in self.entries.values():
            entry.weak = {f for f in entry.weak if name_like(f, common)}
        self._index = None

    # ------------------------------------------------------------------ lookup

    def index(self) -> dict[tuple, dict[Key, bool]]:
        """Case-folded form -> {entry: strong?}; weak forms only where no strong one is."""
        if self._index is None:
            index: dict[tuple, dict[Key, bool]] = {}
            for entry in self.entries.values():
                for form in entry.strong:
                    index.setdefault(_folded(form), {})[entry.key] = True
            for entry in self.entries.values():
                for form in entry.weak - entry.strong:
                    slot = index.setdefault(_folded(form), {})
                    if not any(slot.values()):
                        slot.setdefault(entry.key, False)
            self._index = index
        return self._index

    def forms(self, folded: tuple, key: Key) -> set[tuple]:
        """The forms of ``key`` that fold to ``folded`` (to check letter case)."""
        entry = self.entries[key]
        return {f for f in entry.strong | entry.weak if _folded(f) == folded}

    def ref_for(self, doc: Document, key: Key, pointers: "Pointers") -> str:
        """The pointer ``doc`` should use for ``key``: ``#id`` in the same file, else the
        form the document's existing pointers to that file use, else ``path#id``."""
        if key.file == doc.path.resolve():
            return "#" + key.id
        known = pointers.prefix_for(key.file)
        if known is not None:
            return known + key.id
        relative = os.path.relpath(key.file, doc.path.resolve().parent)
        return Path(relative).as_posix() + "#" + key.id


def attested(doc: Document, pointers: "Pointers") -> dict[Key, set[tuple]]:
    """The words of every name in ``doc`` already tagged with a single-pointer @ref."""
    out: dict[Key, set[tuple]] = {}
    for element in doc.root.iter():
        if element.name not in roles.ENTRY_NAMES or not roles.is_tei(element):
            continue
        key = pointers.resolve(element.get("ref", ""))
        form = form_of(element.text()) if key else ()
        if form and len(form) <= 12:
            out.setdefault(key, set()).add(form)
    return out


def name_like(form: tuple, common: set[str]) -> bool:
    """The first word after any article is capitalised and not a common word."""
    words = [tok for tok, _glued in form if tok[0].isalpha()]
    while len(words) > 1 and words[0].casefold() in ARTICLES:
        words = words[1:]
    return bool(words) and words[0][0].isupper() and words[0].casefold() not in common


def common_words(text: str) -> set[str]:
    """The words ``text`` writes with a lower-case first letter (case-folded)."""
    return {m.group(0).casefold() for m in re.finditer(r"(?<![\w'’])[^\W\d_A-Z]\w*", fold(text))
            if m.group(0)[0].islower()}


def _folded(form: tuple) -> tuple:
    return tuple((tok.casefold(), glued) for tok, glued in form)


def _entries(root: Element, header: bool):
    for element in root.iter():
        if (element.name in roles.ENTRY_ELEMENT and element.xml_id and roles.is_tei(element)
                and (header or not any(a.name == "teiHeader" for a in element.ancestors()))):
            yield element


def _names(entry: Element):
    """The entry's own name elements (not those of a nested entry or of its notes)."""
    return [c for c in entry.elements() if c.name in roles.ENTRY_NAMES]


def _label(entry: Element) -> str:
    names = _names(entry)
    main = [n for n in names if n.get("type") == "main"] or names
    return normal_space(main[0].text()) if main else entry.xml_id


def _collect_forms(entry_element: Element, entry: Entry) -> None:
    for name in _names(entry_element):
        full = form_of(normal_space(name.text()))
        if full:
            entry.strong.add(full)
        if len(full) > 1 and full[0][0].casefold() in ARTICLES:
            entry.strong.add(((full[1][0], False),) + full[2:])  # "the democratic camp"
        parts = {c.name: normal_space(c.text()) for c in name.elements()}
        role = parts.get("roleName")
        for part in roles.NAME_PARTS:
            if parts.get(part):
                entry.strong.add(form_of(parts[part]))
        if parts.get("forename") and parts.get("surname"):
            entry.strong.add(form_of(parts["forename"] + " " + parts["surname"]))
        if role and (parts.get("surname") or parts.get("forename")):
            entry.strong.add(form_of(role + " " + (parts.get("surname") or parts["forename"])))
        if name.name == "persName" and not parts.keys() & roles.NAME_PARTS:
            entry.weak |= _short_forms(full)
    entry.strong.discard(())


def _short_forms(full: tuple) -> set[tuple]:
    """First and last word of a personal name of several words, if they can stand alone."""
    words = [tok for tok, glued in full if tok[0].isalpha() and not glued]
    if len(words) < 2 or len(words) != len(full):
        return set()
    out = set()
    for word in (words[0], words[-1]):
        if (len(word) >= 3 and word[0].isupper() and word.casefold() not in TITLES
                and word.casefold() not in PARTICLES):
            out.add(((word, False),))
    return out


class Pointers:
    """Resolves a document's pointers (``#id``, ``file.xml#id``, ``prefix:id`` through its
    ``prefixDef``s) to entry keys, and remembers how it points into other files."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.base = doc.path.resolve().parent
        self.own = doc.path.resolve()
        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        for element in doc.root.iter():
            if element.name == "prefixDef" and element.get("ident") \
                    and element.get("matchPattern") is not None:
                self.prefixes.setdefault(element.get("ident"), []).append(
                    (element.get("matchPattern"), element.get("replacementPattern", "")))
        self._used: dict[Path, str] = {}
        for element in doc.root.iter():
            for token in element.get("ref", "").split():
                self.resolve(token)

    def resolve(self, value: str) -> Key | None:
        """The entry one pointer names, or None (several tokens, URLs, unknown prefixes)."""
        tokens_ = value.split()
        if len(tokens_) != 1:
            return None
        token = tokens_[0]
        pointer = pointers.resolve(token, self.own.as_uri(), self.prefixes)
        if pointer is None or not pointer.fragment:
            return None  # a URL, an undeclared prefix, a pointer to a whole file
        file = pointer.file or self.own
        if pointer.file is not None and file != self.own:
            spelled = (token.partition(":")[0] + ":" if pointer.expanded != token
                       else token.rpartition("#")[0] + "#")
            self._used.setdefault(file, spelled)
        return Key(file, pointer.fragment)

    def prefix_for(self, file: Path) -> str | None:
        return self._used.get(file)

    def files(self) -> list[Path]:
        """Other XML files the document points into: registers kept elsewhere."""
        return sorted(f for f in self._used if f.suffix.lower() in (".xml", ".tei"))
