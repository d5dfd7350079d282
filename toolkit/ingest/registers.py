"""Step 5: who and where - the register entries a draft can justify from the page alone.

The archive's titles name the correspondents the same way: "Ciphered telegram from
Kuznetsov and Fedorenko in Pyongyang", "Letter from X to Y", "Cable from the Chinese
Foreign Ministry to Wang Bingnan, '...'". From such a title the importer takes the
senders, the recipients and the place of sending, and from the closer the signatories;
nothing else (the page's lists of "associated" names do not say who is who, and are not
used). Whether a correspondent is a person or an organisation is decided by its words
("Ministry", "Embassy", "the ...") - an inference, so every entry carries ``cert`` and a
note saying where the name was read. Nobody is identified beyond the page's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ORG_WORDS = re.compile(r"\b(?:ministry|embassy|consulate|committee|government|party|council|"
                       r"department|office|bureau|presidium|politburo|secretariat|delegation|"
                       r"mission|legation|command|headquarters|army|navy|union|federation|"
                       r"republic|agency|service|commission|directorate|section|front|"
                       r"congress|assembly|organization|organisation|foundation|"
                       r"association|league|group|staff|administration|cabinet)\b", re.I)
TITLE = re.compile(r"\b(?:from|by)\s+(?P<from>.+?)(?:\s+in\s+(?P<place>[A-Z][^,]*?))?"
                   r"(?:\s+to\s+(?P<to>.+?))?\s*(?:,\s*['\u2018\"\u201c].*)?$")
KINDS = (("telegram", r"(?:ciphered\s+|coded\s+|cipher\s+)?(?:telegram|telegramme|cable|"
                      r"cipher)"),
         ("letter", r"letter"), ("memorandum", r"memorandum|memo|note\s+verbale"))


@dataclass
class Entry:
    id: str
    kind: str  # person | org | place
    name: str  # as the page gives it
    cert: str
    sources: list[str] = field(default_factory=list)  # where the page names it


@dataclass
class People:
    """The entries, and who sent and received the document, from where."""

    entries: dict[str, Entry] = field(default_factory=dict)
    senders: list[str] = field(default_factory=list)  # entry ids
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    signatories: list[str] = field(default_factory=list)

    def add(self, name: str, kind: str, source: str, cert: str = "medium") -> str:
        for entry in self.entries.values():
            if entry.kind == kind and (entry.name == name or _same_person(entry.name, name)):
                if source not in entry.sources:
                    entry.sources.append(source)
                return entry.id
        ident = _unique(slug(name), self.entries)
        self.entries[ident] = Entry(ident, kind, name, cert, [source])
        return ident


def doc_type(title: str) -> str:
    """telegram, letter, memorandum, or document: what the title's first words call it."""
    for kind, pattern in KINDS:
        if re.match(rf"^\s*(?:{pattern})\b", title, re.I):
            return kind
    return "document"


def from_title(title: str) -> People:
    people = People()
    match = TITLE.search(title)
    if match is None:
        return people
    if doc_type(title) == "document" and not re.match(
            r"^\s*(?:report|message|note|information|dispatch|despatch|instructions?|"
            r"directive|order|request|reply|answer)\b", title, re.I):
        return people  # "Record of a conversation by ..." names no correspondents
    for name in split_names(match.group("from")):
        people.senders.append(people.add(name, _kind(name), "the title (sender)"))
    if match.group("to"):
        for name in split_names(match.group("to")):
            people.recipients.append(people.add(name, _kind(name), "the title (recipient)"))
    if match.group("place"):
        people.place = people.add(match.group("place").strip(), "place",
                                  "the title (place of sending)", cert="high")
    return people


def split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text.strip()) if n.strip()]


def _kind(name: str) -> str:
    return "org" if ORG_WORDS.search(name) or name.lower().startswith("the ") else "person"


def _same_person(a: str, b: str) -> bool:
    """"Kuznetsov" and "V. Kuznetsov": the same last word, and one is the other's end."""
    wa, wb = a.split(), b.split()
    return bool(wa and wb) and wa[-1] == wb[-1] and (a.endswith(b) or b.endswith(a))


def slug(name: str) -> str:
    """An xml:id from a name: ASCII letters, digits and hyphens, starting with a letter."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", ascii_.lower())
    words = [w for w in words if w not in ("the", "of", "and")] or words
    value = "-".join(words) or "entry"
    return value if value[0].isalpha() else "n-" + value


def _unique(ident: str, taken) -> str:
    candidate, number = ident, 2
    while candidate in taken:
        candidate, number = f"{ident}-{number}", number + 1
    return candidate
