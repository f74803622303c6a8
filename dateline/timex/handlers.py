"""What each pattern means: a handler turns a match into a TIMEX3 type, value and calendar point.

Handlers read the publication date, the direction the clause points in and,
for expressions that hang on another day ("at 7 p.m.", "the same day"), the
anchor day; modifiers such as "early" or "the end of" keep the value of what
they modify, as TimeML does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import values as tv
from .values import Point
from .words import (
    DECADE_WORDS,
    PARTS,
    SEASONS,
    UNIT_CODES,
    WEEKDAYS,
    month_num,
    number,
    ordinal,
    unit_of,
)


@dataclass(frozen=True, slots=True)
class Context:
    ref: dt.date  # the publication date
    direction: int = 0  # -1 past, 1 future, 0 not known (news default: past)
    anchor: dt.date | None = None  # the day a clock time or "that day" hangs on
    text: str = ""


Resolved = tuple[str, str, Point | None]  # TIMEX type, value, point


# ---------------------------------------------------------------- shared helpers

def amount(m: re.Match) -> float | None:
    """The number of units a match names, "a year and a half" included."""
    n = number(m["n"])
    return n + 0.5 if n is not None and m["half"] else n


def date_of(point: Point) -> Resolved:
    return "DATE", point.value, point


def a_day(d: dt.date, part: str | None = None) -> Resolved:
    if part:
        return "TIME", f"{d.isoformat()}T{PARTS[part.lower()]}", tv.day(d)
    return date_of(tv.day(d))


def shifted(ref: dt.date, n: float, unit: str) -> Point:
    """The stretch ``n`` units from ``ref`` (negative: back), as precise as the unit."""
    _, scale, _ = UNIT_CODES[unit]
    if unit in ("second", "minute", "hour", "day", "night"):
        days = round(n) if unit in ("day", "night") else 0
        return tv.day(ref + dt.timedelta(days=days))
    if unit in ("week", "fortnight"):
        return tv.week(ref + dt.timedelta(weeks=n * scale))
    if unit == "month" or not float(n).is_integer():  # "a year and a half ago" is a month
        months = round(n * (1 if unit == "month" else 12 * scale))
        return tv.month(*tv.add_months(ref.year, ref.month, months))
    return tv.year(ref.year + round(n * scale))


def one_day(d: dt.date) -> tuple[dt.date, dt.date]:
    return d, d + dt.timedelta(days=1)


def relative_year(ref: dt.date, rel: str | None) -> int:
    return ref.year + {"last": -1, "next": 1}.get((rel or "").lower(), 0)


def year_of(m: re.Match, ctx: Context) -> int | None:
    """The year written in a match: digits, "last year", "fiscal 2019"; None if not written."""
    groups = m.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("fy"):
        return int(groups["fy"])
    for key in ("ryear", "yrel"):
        if groups.get(key):
            return relative_year(ctx.ref, groups[key])
    return None


def pick_month(ctx: Context, mon: int, rel: str | None) -> Point:
    """A month named without a year: "March", "last March", "this March"."""
    ref, rel = ctx.ref, (rel or "").lower()
    if rel in ("last", "this past"):
        return tv.month(ref.year if mon < ref.month else ref.year - 1, mon)
    if rel in ("next", "this coming"):
        return tv.month(ref.year if mon > ref.month else ref.year + 1, mon)
    if rel == "this":
        return tv.month(ref.year, mon)
    return tv.month(tv.nearest_year(ref, lambda y: tv.interval(f"{y:04d}-{mon:02d}"), ctx.direction), mon)


def week_shift(rel: str | None) -> int:
    rel = " ".join((rel or "").lower().split())
    return -1 if rel in ("last", "past", "previous") else 1 if rel in (
        "next", "coming", "the coming", "this coming", "following") else 0


# ---------------------------------------------------------------- days

def on_day(m: re.Match, ctx: Context) -> Resolved | None:
    """"March 3", "3 March 2019", "the first of May"."""
    between = m.string[m.end("dw"):m.start("mon")] if m["dw"] else ""
    if m["dw"] and m.start("dw") < m.start("mon") and not re.search(r"(?i)\bof\s*$", between):
        return None  # a spelled-out ordinal before a month needs "of": "the first of May", not "first May"
    mon = month_num(m["mon"])
    dom = int(m["d"]) if m["d"] else ordinal(m["dw"])
    year = year_of(m, ctx)
    if year is None:
        year = tv.nearest_year(ctx.ref, lambda y: one_day(dt.date(y, mon, dom)), ctx.direction)
    return a_day(dt.date(year, mon, dom))


def on_day_of_month(m: re.Match, ctx: Context) -> Resolved:
    """"the 20th of next month"."""
    y, mon = tv.add_months(ctx.ref.year, ctx.ref.month, week_shift(m["mrel"]))
    return a_day(dt.date(y, mon, int(m["d"]) if m["d"] else ordinal(m["dw"])))


def on_iso(m: re.Match, ctx: Context) -> Resolved:
    return a_day(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))


def on_numeric(m: re.Match, ctx: Context) -> Resolved:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y <= ctx.ref.year % 100 + 1 else 1900
    mon, dom = (a, b) if a <= 12 else (b, a)  # US order first, as in most English news
    return a_day(dt.date(y, mon, dom))


def on_weekday(m: re.Match, ctx: Context) -> Resolved:
    wd, rel, ref = WEEKDAYS[m["wd"].lower()], " ".join((m["rel"] or "").lower().split()), ctx.ref
    if rel in ("last", "past", "this past", "previous"):
        d = tv.weekday_near(ref, wd, -1, strict=True)
    elif rel in ("next", "following"):  # "next Friday": the Friday of next week
        d = ref + dt.timedelta(days=wd - ref.weekday() + 7)
    elif rel in ("coming", "this coming"):
        d = tv.weekday_near(ref, wd, 1, strict=True)
    elif rel == "this" and ctx.direction == 0:  # "this Thursday": the one in this week
        d = ref + dt.timedelta(days=wd - ref.weekday())
    else:
        d = tv.weekday_near(ref, wd, 1 if ctx.direction > 0 else -1)
    return a_day(d, m["part"])


def on_weekday_of_week(m: re.Match, ctx: Context) -> Resolved:
    """"Tuesday next week", "last week on Monday"."""
    monday = ctx.ref - dt.timedelta(days=ctx.ref.weekday()) + dt.timedelta(weeks=week_shift(m["rel"]))
    return a_day(monday + dt.timedelta(days=WEEKDAYS[m["wd"].lower()]))


def on_nth_in_month(m: re.Match, ctx: Context) -> Resolved:
    """"the first Friday of July", "the last week of March"."""
    n, mon = ordinal(m["nth"]), month_num(m["mon"]) if m["mon"] else None
    if mon is None:
        y, mon = tv.add_months(ctx.ref.year, ctx.ref.month, week_shift(m["mrel"]))
    else:
        y = year_of(m, ctx) or pick_month(ctx, mon, None).date.year
    if m["wd"]:
        return a_day(tv.nth_weekday(y, mon, WEEKDAYS[m["wd"].lower()], n))
    if n < 0:
        last = dt.date(*tv.add_months(y, mon, 1), 1) - dt.timedelta(days=1)
        return date_of(tv.week(last))
    return date_of(tv.week(dt.date(y, mon, 1) + dt.timedelta(weeks=n - 1)))


def on_dayword(m: re.Match, ctx: Context) -> Resolved:
    word = " ".join(m["w"].lower().split())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    part = m["part"] or ("night" if word == "tonight" else None)
    return a_day(ctx.ref + dt.timedelta(days=shift.get(word, 0)), part)


def on_daypart(m: re.Match, ctx: Context) -> Resolved:
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(m["rel"].lower(), 0)
    return a_day(ctx.ref + dt.timedelta(days=shift), m["part"])


def on_holiday(m: re.Match, ctx: Context) -> Resolved:
    year = year_of(m, ctx)
    if year is None:
        year = tv.nearest_year(ctx.ref, lambda y: one_day(tv.holiday(m["h"], y)), ctx.direction)
    return a_day(tv.holiday(m["h"], year))


def on_anaphor(m: re.Match, ctx: Context) -> Resolved:
    """"the same day", "the next day": the last day named, else the publication date."""
    phrase = " ".join(m.group().lower().split())
    shift = 1 if re.search(r"following|next", phrase) else -1 if re.search(r"previous|before", phrase) else 0
    part = "night" if phrase.endswith("night") else "morning" if phrase.endswith("morning") else None
    return a_day((ctx.anchor or ctx.ref) + dt.timedelta(days=shift), part)


def on_clock(m: re.Match, ctx: Context) -> Resolved | None:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    suffix = (m["ap"] or "").lower().replace(".", "")
    if suffix and not 1 <= hour <= 12:
        return None
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    day = ctx.anchor or ctx.ref
    zone = "Z" if (m["tz"] or "").upper() in ("UTC", "GMT") else ""
    return "TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}", tv.day(day)


def on_noon(m: re.Match, ctx: Context) -> Resolved:
    day = ctx.anchor or ctx.ref
    return "TIME", f"{day.isoformat()}T{'12:00' if m.group().lower() == 'noon' else '24:00'}", tv.day(day)


# ---------------------------------------------------------------- coarser points

def on_month(m: re.Match, ctx: Context) -> Resolved:
    mon = month_num(m["mon"])
    return date_of(tv.month(relative_year(ctx.ref, m["ryear"]), mon) if m["ryear"]
                   else pick_month(ctx, mon, m["rel"]))


def on_month_year(m: re.Match, ctx: Context) -> Resolved:
    groups = m.groupdict()
    mon = month_num(groups["mon"]) if groups.get("mon") else int(groups["mn"])
    return date_of(tv.month(int(groups["y"]), mon))


def on_year(m: re.Match, ctx: Context) -> Resolved:
    return date_of(tv.year(year_of(m, ctx) or ctx.ref.year))


def on_decade(m: re.Match, ctx: Context) -> Resolved:
    groups = m.groupdict()
    if groups.get("cen"):
        start = int(groups["cen"]) * 100 + int(groups["dec"]) * 10
    else:
        digit = groups.get("dec2") or groups.get("dec3")
        tens = int(digit) if digit else DECADE_WORDS[groups["word"].lower()]
        start = 2000 + tens * 10 if 2000 + tens * 10 <= ctx.ref.year else 1900 + tens * 10
    return date_of(tv.decade(start))


def on_century(m: re.Match, ctx: Context) -> Resolved:
    return date_of(tv.century((ordinal(m["ord"]) - 1) * 100))


def on_part_of_year(m: re.Match, ctx: Context) -> Resolved:
    """Quarters and halves: "the third quarter of 2009", "Q4", "the first half of this year"."""
    groups = m.groupdict()
    kind = "H" if groups.get("h") else "Q"
    num = ordinal(groups.get("h") or groups["q"])
    num = 4 if num < 0 else num
    year = year_of(m, ctx)
    if year is None:
        code = f"{kind}{num}"
        year = tv.nearest_year(ctx.ref, lambda y: tv.interval(f"{y:04d}-{code}"), ctx.direction)
    return date_of(tv.quarter(year, num) if kind == "Q" else tv.half(year, num))


def on_season(m: re.Match, ctx: Context) -> Resolved | None:
    code, rel, ref = SEASONS[m["s"].lower()], (m["rel"] or "").lower(), ctx.ref
    year = year_of(m, ctx)
    if year is None:
        if m["s"].lower() == "fall" and rel in ("", "the"):
            return None  # "the fall of Kabul"
        start = dt.date(ref.year, tv.SEASON_START[code], 1)
        running = start <= ref < dt.date(*tv.add_months(start.year, start.month, 3), 1)
        this = ref.year - 1 if code == "WI" and ref.month < 3 else ref.year
        if rel == "this":
            year = this
        elif rel in ("last", "this past"):
            year = this - 1 if running or start > ref else this
        elif rel in ("next", "this coming") or ctx.direction > 0:
            year = this if start > ref or (running and rel not in ("next", "this coming")) else this + 1
        else:
            year = this if start <= ref else this - 1
    return date_of(tv.season(year, code))


def on_relative_unit(m: re.Match, ctx: Context) -> Resolved:
    """"last week", "earlier this month", "next year", "the end of the year"."""
    k, unit, ref = week_shift(m["rel"]), m["u"].lower(), ctx.ref
    if unit == "week":
        return date_of(tv.week(ref + dt.timedelta(weeks=k)))
    if unit == "month":
        return date_of(tv.month(*tv.add_months(ref.year, ref.month, k)))
    if unit == "quarter":
        q = (ref.month - 1) // 3 + k
        return date_of(tv.quarter(ref.year + q // 4, q % 4 + 1))
    if unit == "decade":
        return date_of(tv.decade(ref.year + 10 * k))
    if unit == "century":
        return date_of(tv.century(ref.year + 100 * k))
    return date_of(tv.year(ref.year + k))


def on_weekend(m: re.Match, ctx: Context) -> Resolved:
    rel, ref = " ".join(m["rel"].lower().split()), ctx.ref
    on_it = ref.weekday() >= 5
    if rel in ("last", "past", "this past") or (rel == "the" and ctx.direction <= 0):
        day = ref if on_it and rel == "the" else ref - dt.timedelta(days=ref.weekday() + 1)
    elif rel in ("next", "coming", "this coming") or rel == "the":
        day = ref if rel == "the" or (rel == "this coming" and not on_it) else ref + dt.timedelta(weeks=1)
    else:
        day = ref
    return date_of(tv.weekend(day))


def on_ago(m: re.Match, ctx: Context) -> Resolved:
    """"three days ago", "two weeks from now"; vague amounts ("years ago") are PAST_REF."""
    n = amount(m) if m["n"] else None
    ahead = m.group().lower().endswith("now")
    if n is None:
        return "DATE", "FUTURE_REF" if ahead else "PAST_REF", None
    return date_of(shifted(ctx.ref, n if ahead else -n, unit_of(m["u"])))
