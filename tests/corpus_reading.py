"""What a reader must find in an edition of a corpus document, class by class.

The corpus tests (test_text_corpus, test_html_corpus, test_print_corpus) check that every
word survives; these checks say how the words read, for each class of rendering fault
found in other people's TEI (issue 15):

- joins: a word broken by a milestone with break="no" reads whole (soft hyphen dropped,
  hard hyphen kept), e.g. "kabyss­<lb break='no'/>kappen" reads "kabysskappen";
- tokens: a w followed by closing punctuation in a pc reads with no space before it, two
  w elements with nothing between them read as two words;
- HTML page checks: cast items hold no blocks, lists have no empty bullets, runs of gaps
  are one sign, page images are linked, speakers are mentioned, the header's dates are
  not "dates mentioned", header rows are not empty, authors carry no authority ids, the
  citation's type comes from the source description and its publisher is no editor.

Each function returns the problems it finds (strings naming them), so that a corpus test
can report every document at once.
"""

from __future__ import annotations

import copy
import json
import re
import urllib.parse


from edition_words import TEI

_MILESTONES = {TEI + n for n in ("lb", "pb", "cb", "milestone", "gb")}
_NOT_READING = {TEI + n for n in ("note", "fw", "app", "rdg", "lem", "rdgGrp")}
_CLOSING = re.compile(r"^[.,;:!?]+$")
_SAFE = re.compile(r"^(https?:|[^:#]*$)", re.I)
#: The editions' signs around supplied, deleted, added ... text (as edition_words removes them).
_BRACKETS = re.compile(r"\(\?\)|[\[\]()⟦⟧⟨⟩〈〉{}<>]")


def squash(text: str) -> str:
    return " ".join(text.split())


def joined_words(text_el) -> list[str]:
    """The words a document's <text> joins across break="no" milestones, as they must read:
    the word ending in the text right before the milestone and the word beginning right
    after it (after forme work), soft hyphen dropped. Milestones with an element on either
    side, and those in notes, forme work and apparatus, are left to the word counts."""
    found = []
    for m in text_el.iter(*_MILESTONES):
        if m.get("break") != "no" or any(a.tag in _NOT_READING for a in m.iterancestors()):
            continue
        before = m.getprevious()
        left = (before.tail if before is not None else m.getparent().text) or ""
        after, right = m, m.tail or ""
        while not right.strip() and after.getnext() is not None and after.getnext().tag == TEI + "fw":
            after = after.getnext()
            right = after.tail or ""
        left_word = re.search(r"([\w\u00ad'’-]+)\s*$", left)
        right_word = re.match(r"\s*([\w'’-]+)", right)
        if left_word and right_word:
            found.append(left_word.group(1).rstrip("\u00ad") + right_word.group(1))
    return found


def token_strings(text_el) -> list[str]:
    """Strings a tokenised text must read as: "word," for a w before closing punctuation,
    "one two" for two w elements with nothing between them."""
    found = []
    for w in text_el.iter(TEI + "w"):
        if len(w) or not (w.text or "").strip() or (w.tail or "").strip():
            continue
        after = w.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()
        if after is None or len(after) or not (after.text or "").strip():
            continue
        if after.tag == TEI + "pc" and _CLOSING.match(after.text.strip()) and not after.get("join") and not after.get("pre"):
            found.append(w.text.strip() + after.text.strip())
        elif after.tag == TEI + "w" and not (w.tail or "") and not w.get("join") and not after.get("join"):
            found.append(w.text.strip() + " " + after.text.strip())
    return found


def missing_readings(texts, output: str) -> list[str]:
    """Joined words and token strings of the source that the output (reading text) lacks,
    the editions' brackets removed. pdftotext may join a hard-hyphenated word at a line end
    itself: either form counts."""
    flat = squash(_BRACKETS.sub("", output))
    missing = []
    for text_el in texts:
        for expected in joined_words(text_el) + token_strings(text_el):
            if expected not in flat and expected.replace("-", "") not in flat:
                missing.append(expected)
    return missing


# --- the HTML page ------------------------------------------------------------------------

def _cls(name: str) -> str:
    return f"contains(concat(' ', @class, ' '), ' {name} ')"


def reading_text(html, section: str = "text") -> str:
    """What a reader sees in one section of a page: no popups, screen-reader text, marginal
    page and forme-work markers, or source readings of choice (hidden until toggled)."""
    found = html.xpath(f"//*[@id='{section}']")
    if not found:
        return ""
    el = copy.deepcopy(found[0])
    for off in el.xpath(f".//*[@role='tooltip'] | .//*[{_cls('ed-vh')}] | .//*[{_cls('ed-pb')}] | .//*[{_cls('ed-fw')}]"
                        f" | .//*[{_cls('ed-dipl')}]"):
        off.drop_tree()
    return squash(el.text_content())


def page_problems(tree, html) -> list[str]:
    """Problems of a document's HTML page, by class (see the module's docstring)."""
    root = tree.getroot()
    problems = []
    text = html.xpath("//section[@id='text']")
    text = text[0] if text else html
    if text.xpath(f".//*[{_cls('tei-castItem')}]//div | .//*[{_cls('tei-castItem')}]//p"):
        problems.append("cast item rendered as blocks")
    if [li for li in text.xpath(".//li") if not squash(li.text_content()) and not li.xpath(".//img | .//a")]:
        problems.append("empty list item (bullet without text)")
    if "[…] […]" in reading_text(html):
        problems.append("a run of gaps printed as several signs")
    facs = [p.get("facs").split()[0] for p in root.iter(TEI + "pb")
            if p.get("facs", "").strip() and _SAFE.match(p.get("facs").split()[0])
            and any(a.tag == TEI + "text" for a in p.iterancestors())]
    links = text.xpath(f".//*[{_cls('ed-pb')}]//a/@href")
    if facs and len(links) != len(facs):
        problems.append(f"{len(facs)} page images in pb/@facs, {len(links)} linked")
    problems += _speaker_problems(root, html)
    problems += _header_problems(root, html)
    return problems


def _speaker_problems(root, html) -> list[str]:
    speakers = {w.lstrip("#") for sp in root.iter(TEI + "sp")
                if any(a.tag == TEI + "text" for a in sp.iterancestors())
                for w in sp.get("who", "").split() if w.startswith("#")}
    silent = []
    for entry in html.xpath("//section[@id='registers']//li[starts-with(@id, 'reg-')]"):
        if entry.get("id")[4:] in speakers and "Not mentioned" in entry.text_content():
            silent.append(entry.get("id")[4:])
    return [f"speakers 'not mentioned in the text': {silent[:5]}"] if silent else []


def _header_problems(root, html) -> list[str]:
    problems = []
    for dd in html.xpath("//section[@id='about']//dl/div/dd"):
        if not squash(dd.text_content()) and not dd.xpath(".//a | .//time"):
            problems.append("empty row in 'About this document'")
    author_ids = [squash(i.text or "") for a in root.iterfind(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}author")
                  for i in a.iter(TEI + "idno") if (i.text or "").strip()]
    authors = " ".join(squash(r.text_content()) for r in html.xpath(f"//section[@id='about']//*[{_cls('ed-row-authors')}]"))
    if any(i in authors for i in author_ids):
        problems.append("authority ids in the author row")
    for dd in html.xpath(f"//section[@id='about']//*[{_cls('ed-row-archive')}]/dd"):
        if re.match(r"\s*,|.*,\s*,", dd.text_content()):
            problems.append("empty part in the archival identifier")
    for item in html.xpath(f"//section[@id='registers']//*[{_cls('ed-register-dates')}]//li"):
        if "About this document" in item.text_content():
            problems.append("a date of the header among the dates mentioned")
    csl = html.xpath("//a[@id='cite-csl']/@href")
    if csl:
        kind = json.loads(urllib.parse.unquote(csl[0].split(",", 1)[1]))[0]["type"]
        has_ms = bool(root.findall(f".//{TEI}sourceDesc//{TEI}msDesc"))
        if (kind == "manuscript") != has_ms:
            problems.append(f"cited as {kind} with{'' if has_ms else 'out'} a msDesc")
    chicago = squash(" ".join(html.xpath("//*[@id='cite-chicago']//text()")))
    editors = " ".join(squash("".join(e.itertext())) for e in root.iter(TEI + "editor"))
    for publisher in root.iterfind(f".//{TEI}publicationStmt/{TEI}publisher"):
        name = squash("".join(publisher.itertext()))
        if name and f"Edited by {name}" in chicago and name not in editors:
            problems.append(f"publisher cited as editor: {name}")
    return problems
