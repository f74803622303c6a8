"""Calendar arithmetic for time values: points of any granularity and their TIMEX3 values.

A ``Point`` is a stretch of the calendar named at some precision ("2020-W49" is a
week). Its ``date`` is the first day it covers, so points of any precision sort
and filter together. ``interval`` turns a TIMEX3 date value back into the days
it covers, which lets a scorer compare values written in different styles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
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


def nearest_year(ref: dt.date, stretch: Callable[[int], tuple[dt.date, dt.date]], direction: int) -> int:
    """The year in which a stretch named without one ("March 3", "in May", "Q3") falls.

    Back from ``ref`` (direction < 0): the last that has begun; ahead (> 0): the next that has
    not ended; tense unknown (0): the nearest, as news names the year of any other (AP style).
    """
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            start, end = stretch(y)
        except ValueError:  # February 29 in a common year
            continue
        if direction < 0 and start > ref or direction > 0 and end <= ref:
            continue
        gap = (start - ref).days if start > ref else (ref - end).days + 1 if end <= ref else 0
        options.append((gap, -y if direction <= 0 else y, y))
    if not options:
        raise ValueError("no year fits")
    return min(options)[2]


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


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l7 = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l7) // 451
    mon, dom = divmod(h + l7 - 7 * m + 114, 31)
    return dt.date(y, mon, dom + 1)


def nth_weekday(y: int, mon: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last)."""
    if n < 0:
        last = dt.date(*add_months(y, mon, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(y, mon, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Holidays with a fixed or computable date: (month, day), ("easter", offset) or (month, weekday, n[, shift]).
# Names as written in news; those that are not also common phrases match in any case.
HOLIDAYS: dict[str, tuple] = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "Boxing Day": (12, 26),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "New Year Eve": (12, 31), "Halloween": (10, 31),
    "Valentine's Day": (2, 14), "May Day": (5, 1), "St Patrick's Day": (3, 17), "St. Patrick's Day": (3, 17),
    "Saint Patrick's Day": (3, 17), "Earth Day": (4, 22), "Remembrance Day": (11, 11),
    "Veterans Day": (11, 11),
    "Armistice Day": (11, 11), "Easter": ("easter", 0), "Easter Sunday": ("easter", 0),
    "Easter Monday": ("easter", 1), "Good Friday": ("easter", -2), "Palm Sunday": ("easter", -7),
    "Ash Wednesday": ("easter", -46), "Thanksgiving": (11, 3, 4), "Thanksgiving Day": (11, 3, 4),
    "Black Friday": (11, 3, 4, 1), "Cyber Monday": (11, 3, 4, 4), "Mother's Day": (5, 6, 2),
    "Father's Day": (6, 6, 3), "Martin Luther King Day": (1, 0, 3), "MLK Day": (1, 0, 3),
    "Presidents' Day": (2, 0, 3), "Presidents Day": (2, 0, 3), "Memorial Day": (5, 0, -1),
    "Labor Day": (9, 0, 1),
}
ANY_CASE_HOLIDAYS = ("christmas", "easter", "thanksgiving", "halloween", "new year", "valentine", "patrick",
                     "father's", "mother's", "martin luther")
_HOLIDAY_RULES = {" ".join(name.lower().split()): rule for name, rule in HOLIDAYS.items()}


def holiday(name: str, y: int) -> dt.date:
    """The day a holiday in ``HOLIDAYS`` falls on in year ``y``."""
    rule = _HOLIDAY_RULES[" ".join(name.lower().split())]
    if rule[0] == "easter":
        return easter(y) + dt.timedelta(days=rule[1])
    if len(rule) == 2:
        return dt.date(y, *rule)
    day = nth_weekday(y, rule[0], rule[1], rule[2])
    return day + dt.timedelta(days=rule[3] if len(rule) > 3 else 0)
