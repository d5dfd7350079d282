"""Checks no schema language can express well, run over TEI documents by default.

* ``xml:id``: duplicates (reported at the second occurrence, naming the first) and values
  that are not NCNames. The safe parser does not collect ids, so such files parse and
  get located findings instead of libxml2's refusal.
* Pointers: every local reference in ``@ref``, ``@target``, ``@corresp``, ``@who``,
  ``@ana``, ``@facs``, ``@source``, ``@resp``, ``@sameAs``, ``@prev``/``@next`` ... (see
  :data:`POINTER_ATTRIBUTES`) resolves: ``#id`` within the document, ``file.xml#id`` in
  that file on disk relative to the source (which includes the other files of a run). URLs
  and prefix-defined pointers (``wikidata:Q1``, ``psn:x``: anything with a scheme) are not
  local pointers and are skipped, as are references to non-XML files (images ...). A near
  miss gets a "did you mean" suggestion.
* Dates: ``@when``, ``@from``, ``@to``, ``@notBefore``, ``@notAfter`` (and their ``-iso``
  forms) are valid W3C dates (xs:date, xs:gYearMonth, xs:gYear, xs:dateTime, negative
  years ...) that exist in the calendar; ``from <= to`` and ``notBefore <= notAfter``;
  where a ``<date>``'s text is itself a date (``29 March 1953``, ``March 29, 1953``,
  ``29.III.53``, ``1953-03-29``) it agrees with ``@when`` (a warning).

Every finding carries the line and column of the attribute in the source text where it
can be found (start tags may span lines), and the XPath of the element.
"""

from __future__ import annotations

import calendar
import difflib
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from toolkit.core.findings import Finding

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PREFIXES = {TEI_NS: "tei", "http://www.w3.org/1999/xhtml": "html",
            "http://www.w3.org/1998/Math/MathML": "mml", "http://www.w3.org/2000/svg": "svg"}

#: Attributes whose values are (lists of) pointers (teidata.pointer in TEI P5).
POINTER_ATTRIBUTES = frozenset("""
    ana active adj adjFrom adjTo children copyOf corresp decls domains edRef end exclude facs
    feats follow hand inst lemmaRef location mutual new next nymRef origin parent parts passive
    perf prev ref rendition resp sameAs scheme scribeRef scriptRef select since source spanTo
    start synch target targetEnd targets wit who with
""".split())
#: ``@from``/``@to`` are pointers on these elements ...
POINTER_FROM_TO = frozenset({"span", "spanGrp", "relation", "link", "arc"})
#: ... and neither pointers nor dates (page or leaf numbers, units) on these.
NON_DATE_FROM_TO = POINTER_FROM_TO | frozenset({"locus", "locusGrp", "biblScope", "citedRange",
                                                "timeline", "measure", "dim", "range", "fLib"})
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
XML_SUFFIXES = (".xml", ".tei")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NCNAME = re.compile(r"^[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*$")


# ----------------------------------------------------------------------------- locations

def xpath_of(el: etree._Element) -> str:
    """``/tei:TEI[1]/tei:text[1]/...``: an XPath with the usual prefixes (tei, html, mml,
    svg; other namespaces as ``*[local-name()=...]``)."""
    steps = []
    node = el
    while node is not None and isinstance(node.tag, str):
        qname = etree.QName(node)
        parent = node.getparent()
        index = 1
        if parent is not None:
            for sibling in parent:
                if sibling is node:
                    break
                if sibling.tag == node.tag:
                    index += 1
        if qname.namespace is None:
            name = qname.localname
        elif qname.namespace in PREFIXES:
            name = f"{PREFIXES[qname.namespace]}:{qname.localname}"
        else:
            name = f"*[local-name()='{qname.localname}'][namespace-uri()='{qname.namespace}']"
        steps.append(f"{name}[{index}]")
        node = parent
    return "/" + "/".join(reversed(steps))


class SourceText:
    """The text of a source file, to find an attribute's line and column."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    @classmethod
    def of(cls, path: Path | None) -> "SourceText":
        if path is None:
            return cls([])
        try:
            return cls(Path(path).read_text("utf-8", errors="replace").splitlines())
        except OSError:
            return cls([])

    def attribute(self, el: etree._Element, qname: str) -> tuple[int | None, int | None]:
        """1-based (line, column) of ``qname=`` in ``el``'s start tag, else (line, None)."""
        line = el.sourceline
        if not line or not self.lines:
            return line, None
        pattern = re.compile(r"(?<![\w:.\-])" + re.escape(qname) + r"\s*=")
        for offset in range(0, 30):
            index = line - 1 + offset
            if index >= len(self.lines):
                break
            text = self.lines[index]
            match = pattern.search(text)
            if match:
                return index + 1, match.start() + 1
            if ">" in text and offset > 0:
                break
        return line, None


def _finding(name, src: SourceText, el, attr: str | None, severity: str, message: str,
             rule: str) -> Finding:
    if attr:
        line, column = src.attribute(el, attr)
        xpath = f"{xpath_of(el)}/@{attr}"
    else:
        line, column = el.sourceline, None
        xpath = xpath_of(el)
    return Finding(name, line, column, severity, message, rule, xpath, "checks")


# ----------------------------------------------------------------------------- ids

def collect_ids(tree: etree._ElementTree) -> dict[str, etree._Element]:
    ids: dict[str, etree._Element] = {}
    for el in tree.iter():
        if isinstance(el.tag, str):
            value = el.get(XML_ID)
            if value is not None and value not in ids:
                ids[value] = el
    return ids


def check_ids(tree, name: str, src: SourceText) -> list[Finding]:
    out = []
    first: dict[str, etree._Element] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        value = el.get(XML_ID)
        if value is None:
            continue
        if not _NCNAME.match(value):
            out.append(_finding(name, src, el, "xml:id", "error",
                                f"xml:id {value!r} is not a valid NCName (no spaces, colons, or "
                                "leading digits/hyphens)", "id-not-ncname"))
        if value in first:
            other = first[value]
            where, _ = src.attribute(other, "xml:id")
            out.append(_finding(name, src, el, "xml:id", "error",
                                f"duplicate xml:id {value!r}: also defined at line {where} "
                                f"({xpath_of(other)})", "duplicate-id"))
        else:
            first[value] = el
    return out


# ----------------------------------------------------------------------------- pointers

@lru_cache(maxsize=256)
def _ids_in_file(key: str) -> frozenset[str] | None:
    from toolkit.core.errors import ToolkitError
    from toolkit.core.parse import parse_file

    try:
        tree = parse_file(key)
    except ToolkitError:
        return None
    return frozenset(collect_ids(tree))


def _suggest(target: str, ids) -> str:
    close = difflib.get_close_matches(target, list(ids), n=1, cutoff=0.75)
    return f"; did you mean '#{close[0]}'?" if close else ""


def check_pointers(tree, name: str, src: SourceText, source: Path | None) -> list[Finding]:
    ids = collect_ids(tree)
    base = Path(source).resolve().parent if source is not None else None
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith("{" + TEI_NS + "}"):
            continue
        local = el.tag[len(TEI_NS) + 2:]
        for attr, value in el.attrib.items():
            if attr.startswith("{"):
                continue
            if attr not in POINTER_ATTRIBUTES and not (attr in ("from", "to") and local in POINTER_FROM_TO):
                continue
            for token in _TOKENS.findall(value):
                problem = _check_token(token, ids, base)
                if problem:
                    severity, message, rule = problem
                    out.append(_finding(name, src, el, attr, severity,
                                        f"@{attr} {message}", rule))
    return out


_TOKENS = re.compile(r"[^\s(]+(?:\([^)]*\))?")
_XPOINTER = re.compile(r"^([A-Za-z][\w.\-]*)\((.*)\)$", re.S)


def _check_token(token: str, ids, base: Path | None):
    if _SCHEME.match(token):
        return None  # a URL or a prefix-defined pointer, not a local pointer
    if token.startswith("#"):
        target = token[1:]
        if not target:
            return ("error", "points to '#' with no id", "dangling-pointer")
        scheme = _XPOINTER.match(target)
        if scheme:  # TEI pointer schemes: range(a,b), left(), xpath() ...: check range ids
            if scheme.group(1) != "range":
                return None
            for part in scheme.group(2).split(","):
                part = part.strip().lstrip("#")
                if part and _NCNAME.match(part) and part not in ids:
                    return ("error", f"points to {token!r}, but no element has xml:id '{part}'"
                            + _suggest(part, ids), "dangling-pointer")
            return None
        if target in ids:
            return None
        return ("error", f"points to '#{target}', but no element has xml:id '{target}'"
                + _suggest(target, ids), "dangling-pointer")
    file_part, _, fragment = token.partition("#")
    if not file_part.lower().endswith(XML_SUFFIXES) or base is None:
        return None  # images, HTML pages ...: not ours to check
    target_file = (base / file_part)
    if not target_file.is_file():
        return ("error", f"points to {file_part}, which does not exist (looked in {base})",
                "dangling-pointer")
    if not fragment:
        return None
    other = _ids_in_file(str(target_file.resolve()))
    if other is None:
        return ("warning", f"points into {file_part}, which cannot be parsed", "dangling-pointer")
    if fragment in other:
        return None
    close = difflib.get_close_matches(fragment, list(other), n=1, cutoff=0.75)
    hint = f"; did you mean '{file_part}#{close[0]}'?" if close else ""
    return ("error", f"points to '{token}', but {file_part} has no xml:id '{fragment}'" + hint,
            "dangling-pointer")


# ----------------------------------------------------------------------------- dates

_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"(-?(?:[1-9]\d{4,}|\d{4}))"
_W3C = [
    ("dateTime", re.compile(rf"^{_YEAR}-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?{_TZ}$")),
    ("date", re.compile(rf"^{_YEAR}-(\d\d)-(\d\d){_TZ}$")),
    ("gYearMonth", re.compile(rf"^{_YEAR}-(\d\d){_TZ}$")),
    ("gYear", re.compile(rf"^{_YEAR}{_TZ}$")),
    ("gMonthDay", re.compile(rf"^--(\d\d)-(\d\d){_TZ}$")),
    ("gMonth", re.compile(rf"^--(\d\d){_TZ}$")),
    ("gDay", re.compile(rf"^---(\d\d){_TZ}$")),
    ("time", re.compile(rf"^(\d\d):(\d\d):(\d\d)(?:\.\d+)?{_TZ}$")),
]
# ISO 8601 forms beyond the W3C subset that @*-iso attributes may use
_ISO_EXTRA = re.compile(
    r"^(?:[+-]?\d{4,}(?:-?W\d\d(?:-?\d)?|-?\d{3}|\d{4}|-\d\d-\d\dT\d\d(?::\d\d)?)"
    r"|\d\d(?::\d\d)?|[+-]?\d{2,3}|P[\dYMWDTHMS.,]+)(?:Z|[+-]\d\d(?::?\d\d)?)?$")


def parse_w3c(value: str):
    """(kind, start, end) for a W3C date/time value, start/end as comparable tuples, or
    (kind, None, message) when it has the right shape but is not a real date, or None."""
    for kind, pattern in _W3C:
        m = pattern.match(value)
        if not m:
            continue
        g = m.groups()
        if kind in ("dateTime", "date", "gYearMonth", "gYear"):
            year = int(g[0])
            month = int(g[1]) if len(g) > 1 else None
            day = int(g[2]) if len(g) > 2 else None
        elif kind == "gMonthDay":
            year, month, day = None, int(g[0]), int(g[1])
        elif kind == "gMonth":
            year, month, day = None, int(g[0]), None
        elif kind == "gDay":
            year, month, day = None, None, int(g[0])
        else:
            year = month = day = None
        if month is not None and not 1 <= month <= 12:
            return kind, None, f"month {month:02d} does not exist"
        if day is not None:
            last = _days_in(year, month)
            if not 1 <= day <= last:
                where = f"{calendar.month_name[month]} {year}" if year is not None and month else \
                    (calendar.month_name[month] if month else "any month")
                return kind, None, f"day {day:02d} does not exist in {where} (it has {last} days)"
        if kind in ("dateTime", "time"):
            hh, mm, ss = (int(x) for x in (g[3:6] if kind == "dateTime" else g[0:3]))
            if hh > 24 or mm > 59 or ss > 60 or (hh == 24 and (mm or ss)):
                return kind, None, f"time {hh:02d}:{mm:02d}:{ss:02d} does not exist"
        if year is None:
            return kind, None, None  # not orderable
        start = (year, month or 1, day or 1)
        end = (year, month or 12, day or _days_in(year, month or 12))
        return kind, start, end
    return None


def _days_in(year: int | None, month: int | None) -> int:
    if month is None:
        return 31
    if month == 2:
        if year is None:
            return 29
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)  # astronomical years
        return 29 if leap else 28
    return calendar.mdays[month]


def check_dates(tree, name: str, src: SourceText) -> list[Finding]:
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith("{" + TEI_NS + "}"):
            continue
        local = el.tag[len(TEI_NS) + 2:]
        bounds: dict[str, tuple] = {}
        for base_attr in DATE_ATTRIBUTES:
            if base_attr in ("from", "to") and local in NON_DATE_FROM_TO:
                continue
            for attr in (base_attr, base_attr + "-iso"):
                value = el.get(attr)
                if value is None:
                    continue
                value = value.strip()
                parsed = parse_w3c(value)
                if parsed is None:
                    if attr.endswith("-iso") and _ISO_EXTRA.match(value):
                        continue
                    out.append(_finding(name, src, el, attr, "error",
                                        f"@{attr} {value!r} is not a valid date (expected e.g. "
                                        "1953-03-29, 1953-03, 1953, -0044-03-15 or "
                                        "1953-03-29T10:00:00)", "invalid-date"))
                    continue
                kind, start, end = parsed
                if start is None:
                    if end:  # a message
                        out.append(_finding(name, src, el, attr, "error",
                                            f"@{attr} {value!r} is not a real date: {end}",
                                            "invalid-date"))
                    continue
                bounds.setdefault(base_attr, (start, end, attr, value))
        for low, high in (("from", "to"), ("notBefore", "notAfter")):
            if low in bounds and high in bounds:
                a, b = bounds[low], bounds[high]
                if a[0] > b[1]:
                    out.append(_finding(name, src, el, b[2], "error",
                                        f"@{a[2]} {a[3]!r} is after @{b[2]} {b[3]!r}",
                                        "date-order"))
        if local == "date" and "when" in bounds:
            out += _check_date_text(el, bounds["when"], name, src)
    return out


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_MONTH_RE = r"([A-Za-z]{3,9})\.?"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_TEXT_FORMS = [
    (re.compile(r"^(-?\d{4})-(\d\d)-(\d\d)$"), ("y", "m", "d")),
    (re.compile(r"^(-?\d{4})-(\d\d)$"), ("y", "m")),
    (re.compile(r"^(\d{1,2})\.\s*([IVXivx]{1,4}|\d{1,2})\.\s*(\d{4}|\d{2})$"), ("d", "m", "y")),
    (re.compile(rf"^{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+(\d{{4}})$"), ("d", "m", "y")),
    (re.compile(rf"^{_MONTH_RE}\s+{_DAY_RE},?\s+(\d{{4}})$"), ("m", "d", "y")),
    (re.compile(rf"^{_MONTH_RE},?\s+(\d{{4}})$"), ("m", "y")),
    (re.compile(r"^(\d{4})$"), ("y",)),
]


def parse_date_text(text: str) -> dict[str, int] | None:
    """Day/month/year of a date written in prose, or None if the text is not just a date."""
    text = " ".join(text.split()).rstrip(".,;")
    for pattern, order in _TEXT_FORMS:
        m = pattern.match(text)
        if not m:
            continue
        out: dict[str, int] = {}
        for part, value in zip(order, m.groups()):
            if part == "m":
                low = value.lower()
                if low.isdigit():
                    month = int(low)
                else:
                    month = _ROMAN.get(low) or _MONTHS.get(low)
                if not month or not 1 <= month <= 12:
                    return None
                out["m"] = month
            elif part == "y":
                out["y"] = int(value)
                if len(value.lstrip("-")) == 2:
                    out["yy"] = 1
            else:
                out[part] = int(value)
        return out
    return None


def _check_date_text(el, when, name: str, src: SourceText) -> list[Finding]:
    text = "".join(el.itertext())
    found = parse_date_text(text)
    if not found:
        return []
    start, end, attr, value = when
    if start[:2] != end[:2] or start[2] != end[2]:
        # @when is a year or a month: compare what it has
        precise_month = start[1] == end[1]
        precise_day = start == end
    else:
        precise_month = precise_day = True
    year, month, day = start
    mismatch = []
    if "y" in found:
        y = found["y"]
        if (found.get("yy") and y != year % 100) or (not found.get("yy") and y != year):
            mismatch.append("year")
    if "m" in found and precise_month and found["m"] != month:
        mismatch.append("month")
    if "d" in found and precise_day and found["d"] != day:
        mismatch.append("day")
    if not mismatch:
        return []
    return [_finding(name, src, el, attr, "warning",
                     f"the date's text {' '.join(text.split())!r} does not agree with @{attr} "
                     f"{value!r} ({', '.join(mismatch)} differ)", "date-text-mismatch")]


# ----------------------------------------------------------------------------- entry

def is_tei(tree: etree._ElementTree) -> bool:
    root = tree.getroot()
    return isinstance(root.tag, str) and root.tag.startswith("{" + TEI_NS + "}")


def run_checks(tree: etree._ElementTree, name: str, source: Path | None = None,
               text: SourceText | None = None) -> list[Finding]:
    """All checks for one parsed document (pointer and date checks for TEI only)."""
    src = text or SourceText.of(source)
    findings = check_ids(tree, name, src)
    if is_tei(tree):
        findings += check_pointers(tree, name, src, source)
        findings += check_dates(tree, name, src)
    return findings
