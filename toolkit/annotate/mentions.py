"""Find the untagged mentions of register entries in a document's text and notes.

The document is read as *runs*: the text of a paragraph, a heading, a note, a cell ...
as a reader sees it. Inline markup does not interrupt a run (``<hi>Kim</hi> Il Sung``
is one name, ``Pan<lb break="no"/>munjom`` one word, a ``choice`` gives its normalised
reading), any other element boundary does (a note inside a paragraph is a run of its
own). Each character of a run remembers the node it came from, so a match can be mapped
back to source offsets (:mod:`toolkit.annotate.edits`).

What is never proposed: anything in the ``teiHeader``; words already inside a name, or
inside ``foreign``/``term``/``gi``/``idno`` and other words used as words; a register
entry's labels and its mentions of itself. A match may contain an existing name whole
("Presidium of the <orgName>Supreme People's Assembly</orgName>") but never cut one.

Matching is by tokens, longest form first, with the case of the register (or all
capitals, as in stage directions and signatures, or a capital first letter at the start
of a sentence); in Swedish, Danish, Norwegian and German texts a genitive ``-s`` may
follow the name inside the tag ("Berthas"), as those editions tag it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from toolkit.annotate import roles
from toolkit.annotate.gazetteer import TITLES, Gazetteer, Key, fold, normal_space, tokens
from toolkit.annotate.markup import OPAQUE, Document, Element, Text

#: Words that start sentences (capitalised there) without being part of a name.
OPENERS = set("""
    the a an in on at to from and but by with for of as after before when if since while then
    so also both only even this that these those there here it he she they we you i his her
    their our its my your no not all every each some dear yesterday today tomorrow however
    meanwhile later now thus hence therefore afterwards finally first next once soon
    och i på till från med men om det den de en ett han hon vi ni jag när efter för
    der die das und im am zu von mit bei nach ein eine er sie es wir ihr ich wenn als
    le la les et en au aux à un une il elle ils nous vous je dans sur pour par avec
""".split())
#: Languages whose genitive adds ``-s`` to a name inside the tag.
GENITIVE_S = {"sv", "da", "no", "nb", "nn", "de", "is"}


class Run:
    """The text of one run, and for each stretch of it the node it came from (a Text node,
    or an element standing for a synthetic space or an opaque mark) and the existing
    names around it."""

    def __init__(self, entry: Element | None, lang: str | None) -> None:
        self.entry = entry  # the register entry the run is inside, if any
        self.lang = lang
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.pieces: list[tuple[object, tuple[Element, ...]]] = []
        self.length = 0
        self.text = ""

    def add(self, chars: str, node, names: tuple[Element, ...]) -> None:
        self.parts.append(chars)
        self.starts.append(self.length)
        self.pieces.append((node, names))
        self.length += len(chars)

    def close(self) -> None:
        self.text = "".join(self.parts)

    def node(self, i: int) -> tuple[object, int]:
        """(node, index of the character in it) for character ``i`` of the run."""
        piece = bisect_right(self.starts, i) - 1
        return self.pieces[piece][0], i - self.starts[piece]

    def names(self, i: int) -> tuple[Element, ...]:
        return self.pieces[bisect_right(self.starts, i) - 1][1]


@dataclass
class Mention:
    """One untagged mention: where it is and which entries it may name."""

    run: Run
    first: int  # index of the first character in the run
    last: int  # index of the last character
    text: str
    candidates: list[Key]
    longer: str | None = None  # a capitalised neighbour: maybe part of a longer name

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) != 1 or self.longer is not None

    def source_offset(self) -> int:
        node, index = self.run.node(self.first)
        return node.offsets[index] if isinstance(node, Text) else node.start


def runs(doc: Document) -> list[Run]:
    """The document's runs outside the header (see the module docstring)."""
    walker = _Walker()
    walker.walk(doc.root, None, (), False, None)
    walker.flush()
    return [r for r in walker.out if any(c.isalpha() for c in r.text)]


class _Walker:
    def __init__(self) -> None:
        self.out: list[Run] = []
        self.current: Run | None = None

    def flush(self) -> None:
        if self.current is not None and self.current.length:
            self.current.close()
            self.out.append(self.current)
        self.current = None

    def add(self, chars: str, node, entry: Element | None, lang, names) -> None:
        if self.current is None:
            self.current = Run(entry, lang)
        self.current.add(chars, node, names)

    def walk(self, element: Element, entry: Element | None, names: tuple, register: bool,
             lang: str | None) -> None:
        tei = roles.is_tei(element)
        local = element.name if tei else ""
        if local in roles.SKIPPED or (tei and roles.hidden_alternative(element)):
            return
        lang = element.attrs.get("xml:lang", lang)
        own_name = entry is not None and element.parent is entry and local in roles.ENTRY_NAMES
        if local in roles.ENTRY_ELEMENT and element.xml_id:
            entry = element
        register = register or local in roles.REGISTERS
        block = local not in roles.INLINE
        if block:
            self.flush()
        if local in roles.WORDS or own_name or (register and roles.is_label(element)) \
                or (tei and roles.is_cited_title(element)):
            self.add(OPAQUE, element, entry, lang, names)
        elif local in roles.BREAKS:
            if element.get("break") not in ("no", "false"):
                self.add(" ", element, entry, lang, names)
        else:
            if local in roles.NAMES:
                names = names + (element,)
            for child in element.children:
                if isinstance(child, Text):
                    self.add(child.value, child, entry, lang, names)
                else:
                    self.walk(child, entry, names, register, lang)
        if block:
            self.flush()


def find(doc: Document, gazetteer: Gazetteer, resolve=lambda ref: None) -> list[Mention]:
    """Every untagged mention in ``doc`` of an entry of ``gazetteer``, in document order;
    ``resolve`` maps a @ref value to a :class:`Key` (to recognise a name already tagged
    for the same entry around a match)."""
    index = gazetteer.index()
    longest: dict[str, int] = {}  # first word -> length of the longest form it starts
    for form in index:
        longest[form[0][0]] = max(longest.get(form[0][0], 0), len(form))
    own = doc.path.resolve()
    found: list[Mention] = []
    for run in runs(doc):
        own_entry = Key(own, run.entry.xml_id) if run.entry is not None else None
        found.extend(_match_run(run, gazetteer, index, longest, own_entry, resolve))
    found.sort(key=Mention.source_offset)
    return found


def _match_run(run: Run, gazetteer: Gazetteer, index, longest: dict[str, int],
               own_entry: Key | None, resolve) -> list[Mention]:
    text = run.text
    toks = tokens(text)
    folded = [fold(tok) for tok, _s, _e in toks]
    glued = [i > 0 and toks[i - 1][2] == toks[i][1] for i in range(len(toks))]
    genitive = (run.lang or "").split("-")[0].lower() in GENITIVE_S
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        hit = _longest_at(i, toks, folded, glued, run, gazetteer, index, longest, genitive,
                          own_entry, resolve)
        if hit is None:
            i += 1
            continue
        end, candidates = hit
        if not candidates:
            i = end
            continue
        first, last = toks[i][1], toks[end - 1][2] - 1
        mention = Mention(run, first, last, normal_space(text[first:last + 1]), candidates)
        mention.longer = _longer_name(text, toks, i, end)
        out.append(mention)
        i = end
    return out


def _longest_at(i, toks, folded, glued, run, gazetteer, index, longest, genitive, own_entry,
                resolve):
    """The longest acceptable form starting at token ``i``: (end token, candidates). A form
    that names only the entry the run belongs to, or the name already around it, is
    accounted for: (end token, []), and none of its words is matched again ("North Korea"
    in the register entry of North Korea is not a mention of Korea)."""
    first_word = folded[i].casefold()
    most = longest.get(first_word, 0)
    if genitive and first_word.endswith("s"):
        most = max(most, longest.get(first_word[:-1], 0))
    for length in range(min(most, len(toks) - i), 0, -1):
        words = folded[i:i + length]
        key = tuple((w.casefold(), glued[i + n] if n else False) for n, w in enumerate(words))
        options = [(key, words)]
        if genitive and words[-1].endswith("s") and len(words[-1]) > 2:
            stem = words[:-1] + [words[-1][:-1]]
            options.append((key[:-1] + ((stem[-1].casefold(), key[-1][1]),), stem))
        for folded_key, written in options:
            slot = index.get(folded_key)
            if not slot:
                continue
            first, last = toks[i][1], toks[i + length - 1][2] - 1
            around = _around(run, first, last)
            if around is None:
                continue
            taken = {resolve(e.get("ref", "")) for e in around}
            fitting = [k for k in slot if _case_fits(written, gazetteer.forms(folded_key, k))]
            candidates = [k for k in fitting if k != own_entry and k not in taken]
            if candidates:
                strong = [k for k in candidates if slot[k]]
                return i + length, strong or candidates
            if fitting:
                return i + length, []
    return None


def _longer_name(text: str, toks, i: int, end: int) -> str | None:
    """"North Korea" when "Korea" was matched: the capitalised word right before the match
    (not a title, not a sentence's first word) or right after it, if there is one."""
    def capital(n: int) -> bool:
        word = toks[n][0]
        return word[0].isupper() and word.rstrip("s").casefold() not in TITLES \
            and word.casefold() not in TITLES

    def spaced(a: int, b: int) -> bool:
        return toks[a][2] < toks[b][1] and not text[toks[a][2]:toks[b][1]].strip()

    before = i - 1
    if before >= 0 and capital(before) and spaced(before, i):
        initial = before == 0 or toks[before - 1][0] in ".!?:;\"“”«»(["
        if not (initial and toks[before][0].casefold() in OPENERS):
            return text[toks[before][1]:toks[end - 1][2]]
    if end < len(toks) and capital(end) and spaced(end - 1, end):
        return text[toks[i][1]:toks[end][2]]
    return None


def _case_fits(written: list[str], forms: set[tuple]) -> bool:
    """The text's letters have the form's case, or are all capitals, or differ only in a
    capital first letter (a sentence start: "The Americans")."""
    for form in forms:
        want = [tok for tok, _g in form]
        if written == want:
            return True
        if all(w.isupper() or not w.isalpha() for w in written) and \
                [w.upper() for w in written] == [w.upper() for w in want]:
            return True
        if written[1:] == want[1:] and written[0] == want[0][:1].upper() + want[0][1:]:
            return True
    return False


def _around(run: Run, first: int, last: int) -> list[Element] | None:
    """The existing names that contain [first, last] or lie wholly inside it, or None
    when the match may not be proposed: it cuts a name, crosses words used as words, is
    exactly a name already there, or lies inside a personal name or a part of one (an
    organisation's or a place's name may contain other names; a person's does not)."""
    if OPAQUE in run.text[first:last + 1]:
        return None
    involved = {e for n in range(first, last + 1) for e in run.names(n)}
    around, inside = [], []
    for name in involved:
        low, high = _extent(run, name, first)
        if low <= first and high >= last:
            around.append(name)
        elif low >= first and high <= last:
            inside.append(name)  # contained whole: "Presidium of the <orgName>...</orgName>"
        else:
            return None
    if around:
        innermost = max(around, key=lambda e: sum(1 for _ in e.ancestors()))
        if innermost.name in roles.NAME_PARTS or innermost.name == "persName" or \
                normal_space(innermost.text()) == \
                normal_space(run.text[first:last + 1]):
            return None
    return around + inside


def _extent(run: Run, name: Element, first: int) -> tuple[int, int]:
    """The first and last index of the run's characters inside ``name`` (which holds a
    character of the match starting at ``first``; names are contiguous in a run)."""
    low = first
    while name not in run.names(low):
        low += 1
    high = low
    while low > 0 and name in run.names(low - 1):
        low -= 1
    while high + 1 < run.length and name in run.names(high + 1):
        high += 1
    return low, high
