"""How many days a month has: the one rule both date checkers apply.

The RELAX NG engine's XML Schema datatypes (``xs:date`` and kin) and the reference checks'
TEI dates (``@when``, ``@notBefore`` ...) both refuse "2023-02-29". They share this rule
rather than import ``calendar``, which brings ``locale`` with it into every cold run.
"""

from __future__ import annotations


def days_in_month(year: int | None, month: int) -> int:
    """The days of ``month`` (1-12) in ``year`` (proleptic Gregorian; None: a year not
    given, in which February may have 29)."""
    if month == 2:
        leap = year is None or year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
