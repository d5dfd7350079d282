"""Dates as the archive's pages write them, made ISO 8601 - and how sure that is.

The page's own date ("March 29, 1953") is the archive's statement. Dates inside the
document are often written "29.III.53": the day, the month in Roman numerals and a
two-digit year. The century is then an inference, from the page's date; such a date is
marked ``cert="high"`` when it falls in the page's year and ``cert="medium"`` otherwise,
and the draft's change log says so. The textual forms are read by the same parser the
date checks use (:func:`toolkit.validate.engines.checks.parse_date_text`), so what the
importer writes is what ``validate`` then finds in agreement.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from toolkit.validate.engines.checks import parse_date_text

#: Date forms found inside a line: 29.III.53, 29.03.1953, March 29, 1953, 29 March 1953.
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|"
           r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
IN_TEXT = re.compile(
    r"(?<![\w.])(?:\d{1,2}\.\s?(?:[IVX]{1,4}|\d{1,2})\.\s?(?:\d{4}|\d{2})"
    rf"|{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})(?![\w])")


@dataclass(frozen=True)
class IsoDate:
    when: str
    cert: str | None = None  # set when part of it (the century) was inferred


def parse_date(text: str, context_year: int | None = None) -> IsoDate | None:
    """The ISO value of ``text`` if it is just a date, else None."""
    found = parse_date_text(text)
    if not found or "y" not in found:
        return None
    year, cert = found["y"], None
    if found.get("yy"):
        if context_year is None:
            return None
        century = context_year - context_year % 100
        candidates = [century - 100 + year, century + year, century + 100 + year]
        year = min(candidates, key=lambda y: abs(y - context_year))
        cert = "high" if year == context_year else "medium"
    when = f"{year:04d}"
    if "m" in found:
        when += f"-{found['m']:02d}"
        if "d" in found:
            try:
                datetime.date(year, found["m"], found["d"])
            except ValueError:
                return None
            when += f"-{found['d']:02d}"
    return IsoDate(when, cert)


def find_dates(text: str, context_year: int | None) -> list[tuple[int, int, IsoDate]]:
    """(start, end, date) of each date written inside ``text``."""
    out = []
    for match in IN_TEXT.finditer(text):
        date = parse_date(match.group(0), context_year)
        if date is not None:
            out.append((match.start(), match.end(), date))
    return out
