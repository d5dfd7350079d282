"""Date checks: ``@when``, ``@from``, ``@to``, ``@notBefore``, ``@notAfter`` (and ``-iso``).

Whether a value is a W3C date or time that exists in the calendar (xs:dateTime, xs:date,
xs:gYearMonth, xs:gYear, the recurring forms, xs:time; XSD 1.1 years, so ``0000`` is 1 BCE
and ``-0004`` a leap year) is decided by ``elementpath.datatypes``. This module adds what
a TEI editor needs on top: the message saying *why* a value is not a real date, ordering
(``from <= to``, ``notBefore <= notAfter``), the wider ISO 8601 forms ``-iso`` attributes
allow, and whether a ``<date>``'s text agrees with its ``@when``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from lxml import etree

from toolkit.core.findings import Finding
from toolkit.validate.days import days_in_month

DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
#: every attribute :func:`check_element` reads
ATTRIBUTES = frozenset(DATE_ATTRIBUTES + tuple(a + "-iso" for a in DATE_ATTRIBUTES))

@lru_cache(maxsize=1)
def _types() -> tuple:
    """(kind, elementpath type), tried in this order. Imported on the first date checked:
    elementpath takes a tenth of a second to import, which a run without dates (or a
    schema-only run) should not pay."""
    from elementpath import datatypes

    return (
        ("dateTime", datatypes.DateTime), ("date", datatypes.Date),
        ("gYearMonth", datatypes.GregorianYearMonth), ("gYear", datatypes.GregorianYear),
        ("gMonthDay", datatypes.GregorianMonthDay), ("gMonth", datatypes.GregorianMonth),
        ("gDay", datatypes.GregorianDay), ("time", datatypes.Time),
    )


_SIMPLE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_DATED = ("dateTime", "date", "gYearMonth", "gYear")
_TIMEZONE = re.compile(r"(?:Z|[+-]\d\d:\d\d)$")
# ISO 8601 forms beyond the W3C subset that @*-iso attributes may use
_ISO_EXTRA = re.compile(
    r"^(?:[+-]?\d{4,}(?:-?W\d\d(?:-?\d)?|-?\d{3}|\d{4}|-\d\d-\d\dT\d\d(?::\d\d)?)"
    r"|\d\d(?::\d\d)?|[+-]?\d{2,3}|P[\dYMWDTHMS.,]+)(?:Z|[+-]\d\d(?::?\d\d)?)?$")


def _fields(kind: str, value: str) -> tuple[int | None, int | None, int | None, list[int]]:
    """Year (astronomical), month, day and time fields of a value of the right shape."""
    value = _TIMEZONE.sub("", value)
    date, _, time = value.partition("T") if kind == "dateTime" else (value, "", "")
    if kind == "time":
        date, time = "", value
    clock = [int(float(part)) for part in time.split(":")] if time else []
    if kind in _DATED:
        negative = date.startswith("-")
        parts = [int(p) for p in date.lstrip("-").split("-")]
        year = -parts[0] if negative else parts[0]
        return year, (parts[1] if len(parts) > 1 else None), \
            (parts[2] if len(parts) > 2 else None), clock
    parts = [int(p) for p in date.strip("-").split("-") if p] if date else []
    if kind == "gMonthDay":
        return None, parts[0], parts[1], clock
    if kind == "gMonth":
        return None, parts[0], None, clock
    if kind == "gDay":
        return None, None, parts[0], clock
    return None, None, None, clock


#: English month names (what ``calendar.month_name`` gives in the C locale, without the
#: import of ``calendar`` and ``locale`` that a cold run would pay)
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def _days_in(year: int | None, month: int | None) -> int:
    return 31 if month is None else days_in_month(year, month)


def _why(kind: str, value: str, reason: str) -> str:
    """Why a value of the right shape is not a real date or time (``reason``: what
    elementpath said, for what is none of a month, a day or a time of day)."""
    year, month, day, clock = _fields(kind, value)
    if month is not None and not 1 <= month <= 12:
        return f"month {month:02d} does not exist"
    if day is not None:
        last = _days_in(year, month)
        if not 1 <= day <= last:
            where = f"{MONTH_NAMES[month]} {year}" if year is not None and month else \
                (MONTH_NAMES[month] if month else "any month")
            return f"day {day:02d} does not exist in {where} (it has {last} days)"
    hh, mm, ss = (clock + [0, 0, 0])[:3]
    if clock and (hh > 24 or mm > 59 or ss > 59 or (hh == 24 and (mm or ss))):
        return f"time {hh:02d}:{mm:02d}:{ss:02d} does not exist"
    return reason


@lru_cache(maxsize=4096)
def parse_w3c(value: str):
    """(kind, start, end) for a W3C date/time value, start/end as comparable tuples, or
    (kind, None, message) when it has the right shape but is not a real date (message
    None: real, but not orderable), or None when it is no W3C date or time at all."""
    simple = _SIMPLE.fullmatch(value)
    if simple and simple[1] != "0000":
        # the common case (1848, 1848-03, 1848-03-29) decided without elementpath; anything
        # else, or a month or day that does not exist, goes to elementpath below
        year, month, day = int(simple[1]), simple[2] and int(simple[2]), simple[3] and int(simple[3])
        if (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= _days_in(year, month)):
            kind = "date" if day else "gYearMonth" if month else "gYear"
            return kind, (year, month or 1, day or 1), \
                (year, month or 12, day or _days_in(year, month or 12))
    for kind, type_ in _types():
        try:
            type_.fromstring(value)
        except ValueError as exc:
            if "Invalid datetime string" in str(exc):
                continue  # not this kind's shape
            return kind, None, _why(kind, value, str(exc))
        if kind not in _DATED:
            return kind, None, None
        year, month, day, _ = _fields(kind, value)
        start = (year, month or 1, day or 1)
        end = (year, month or 12, day or _days_in(year, month or 12))
        return kind, start, end
    return None


def check_element(el: etree._Element, local: str, values: dict[str, str],
                  finding: Callable[..., Finding], skip_from_to: bool) -> list[Finding]:
    """The date findings of one TEI element, whose date attributes are ``values``
    (``finding(el, attr, severity, message, rule)`` makes a located finding)."""
    out = []
    bounds: dict[str, tuple] = {}
    for base_attr in DATE_ATTRIBUTES:
        if skip_from_to and base_attr in ("from", "to"):
            continue
        for attr in (base_attr, base_attr + "-iso"):
            value = values.get(attr)
            if value is None:
                continue
            value = value.strip()
            parsed = parse_w3c(value)
            if parsed is None:
                if attr.endswith("-iso") and _ISO_EXTRA.match(value):
                    continue
                out.append(finding(el, attr, "error",
                                   f"@{attr} {value!r} is not a valid date (expected e.g. "
                                   "1953-03-29, 1953-03, 1953, -0044-03-15 or "
                                   "1953-03-29T10:00:00)", "invalid-date"))
                continue
            _kind, start, end = parsed
            if start is None:
                if end:  # a message
                    out.append(finding(el, attr, "error",
                                       f"@{attr} {value!r} is not a real date: {end}",
                                       "invalid-date"))
                continue
            bounds.setdefault(base_attr, (start, end, attr, value))
    for low, high in (("from", "to"), ("notBefore", "notAfter")):
        if low in bounds and high in bounds:
            a, b = bounds[low], bounds[high]
            if a[0] > b[1]:
                out.append(finding(el, b[2], "error", f"@{a[2]} {a[3]!r} is after @{b[2]} {b[3]!r}",
                                   "date-order"))
    if local == "date" and "when" in bounds:
        out += _check_date_text(el, bounds["when"], finding)
    return out


_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES) if name})
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
                month = int(low) if low.isdigit() else (_ROMAN.get(low) or _MONTHS.get(low))
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


def _check_date_text(el, when, finding) -> list[Finding]:
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
    return [finding(el, attr, "warning",
                    f"the date's text {' '.join(text.split())!r} does not agree with @{attr} "
                    f"{value!r} ({', '.join(mismatch)} differ)", "date-text-mismatch")]
