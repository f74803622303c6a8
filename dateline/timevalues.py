"""Calendar arithmetic for time values: points of any granularity and their TIMEX3 values.

A ``Point`` is a stretch of the calendar named at some precision ("2020-W49" is a
week). Its ``date`` is the first day it covers, so points of any precision sort
and filter together. ``interval`` turns a TIMEX3 date value back into the days
it covers, which lets a scorer compare values written in different styles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological seasons; winter starts in December


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar stretch: TIMEX3 value, precision (day ... century) and first day."""

    value: str
    precision: str
    date: dt.date


def day(d: dt.date) -> Point:
    return Point(d.isoformat(), "day", d)


def week(d: dt.date) -> Point:
    """The ISO week holding ``d``: "2020-W49", starting on its Monday."""
    year, num, _ = d.isocalendar()
    return Point(f"{year}-W{num:02d}", "week", d - dt.timedelta(days=d.weekday()))


def weekend(d: dt.date) -> Point:
    """The weekend of the ISO week holding ``d``: "2020-W49-WE", starting on its Saturday."""
    year, num, _ = d.isocalendar()
    return Point(f"{year}-W{num:02d}-WE", "week", d + dt.timedelta(days=5 - d.weekday()))


def month(year: int, mon: int) -> Point:
    year, mon = add_months(year, mon, 0)
    return Point(f"{year:04d}-{mon:02d}", "month", dt.date(year, mon, 1))


# Quarters, halves and seasons have no precision of their own in the data model: "year" is
# the finest precision that does not overstate what is known; the value keeps the detail.
def quarter(year: int, num: int) -> Point:
    return Point(f"{year:04d}-Q{num}", "year", dt.date(year, 3 * num - 2, 1))


def half(year: int, num: int) -> Point:
    return Point(f"{year:04d}-H{num}", "year", dt.date(year, 6 * num - 5, 1))


def season(year: int, code: str) -> Point:
    return Point(f"{year:04d}-{code}", "year", dt.date(year, SEASON_START[code], 1))


def year(y: int) -> Point:
    return Point(f"{y:04d}", "year", dt.date(y, 1, 1))


def decade(y: int) -> Point:
    """The decade holding year ``y``: 1994 -> "199X"."""
    start = y - y % 10
    return Point(f"{start // 10:03d}X", "decade", dt.date(max(start, 1), 1, 1))


def century(y: int) -> Point:
    """The hundred years holding year ``y``: 1850 -> "18XX" (the 19th century)."""
    start = y - y % 100
    return Point(f"{start // 100:02d}XX", "century", dt.date(max(start, 1), 1, 1))


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def weekday_near(ref: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The given weekday nearest ``ref`` going back (direction < 0) or forward (> 0).

    ``ref`` itself counts unless ``strict``: "on Sunday" in a Sunday paper is that day.
    """
    if direction > 0:
        ahead = (weekday - ref.weekday()) % 7 or (7 if strict else 0)
        return ref + dt.timedelta(days=ahead)
    back = (ref.weekday() - weekday) % 7 or (7 if strict else 0)
    return ref - dt.timedelta(days=back)


def year_for(ref: dt.date, mon: int, dom: int, direction: int) -> int:
    """The year that puts month/day on or before ``ref`` (direction <= 0) or on or after it."""
    if direction > 0:
        return ref.year if (mon, dom) >= (ref.month, ref.day) else ref.year + 1
    return ref.year if (mon, dom) <= (ref.month, ref.day) else ref.year - 1


def valid_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARISH = re.compile(r"^(\d{2,4})X*$")


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers, as [first, after-last); None if it is not a date."""
    try:
        return _interval(value)
    except ValueError:  # out-of-range numbers in a malformed value
        return None


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        first = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return first, first + dt.timedelta(days=1)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=7)
    if m := _MONTH.match(value):
        y, mon = int(m[1]), int(m[2])
        return dt.date(y, mon, 1), dt.date(*add_months(y, mon, 1), 1)
    if m := _PART.match(value):
        y, part = int(m[1]), m[2]
        if part[0] in "QH":
            months = 3 if part[0] == "Q" else 6
            first_month = months * (int(part[1]) - 1) + 1
        else:
            months, first_month = 3, SEASON_START[part]
        return dt.date(y, first_month, 1), dt.date(*add_months(y, first_month, months), 1)
    if m := _YEARISH.match(value):
        digits = m[1]
        span = 10 ** (4 - len(digits))
        start = int(digits) * span
        return dt.date(max(start, 1), 1, 1), dt.date(start + span, 1, 1)
    return None
