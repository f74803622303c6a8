"""Handlers for stretches of time that are not calendar points: durations, sets and vague times.

TIMEX3 values: "P3Y" (three years), "PT30M", "PXY" (years, unsaid how many);
sets "P1W" (weekly), "XXXX-WXX-1" (every Monday); vague "PAST_REF".
"""

from __future__ import annotations

import re

from .handlers import Context, Resolved, amount, date_of, shifted
from .words import FREQUENCIES, MONTHS, PARTS, RATE_BEFORE, UNIT_CODES, WEEKDAYS, unit_of


def fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    time_part, scale, code = UNIT_CODES[unit]
    if n is None:
        return f"P{time_part}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else code}"
    return f"P{time_part}{fmt(n * scale)}{code}"


def on_duration(m: re.Match, ctx: Context) -> Resolved | None:
    unit, n_text = unit_of(m["u"]), m["n"].lower()
    if unit == "second" and n_text in ("a", "an"):
        return None  # "a second term", "a second consecutive day"
    if n_text in ("a", "an") and RATE_BEFORE.search(ctx.text[max(0, m.start() - 24):m.start()]):
        return "SET", duration(1.0, unit), None  # "15 a year", "twice a week"
    n = amount(m)
    after_in = re.search(r"(?i:\bin)\s+$", ctx.text[max(0, m.start() - 4):m.start()])
    if ctx.direction > 0 and n is not None and after_in:
        return date_of(shifted(ctx.ref, n, unit))  # "will be finished in two years"
    return "DURATION", duration(n, unit), None


def on_span(m: re.Match, ctx: Context) -> Resolved | None:
    """"the past three years", "the next week": a duration reaching to or from now."""
    if m["which"].lower() in ("first", "final") and not m["n"]:
        return None  # "the first year" is an ordinal, not a stretch of time
    unit = unit_of(m["u"])
    plural = m["u"].lower().endswith("s")
    n = amount(m) if m["n"] else (None if plural else 1.0)
    return "DURATION", duration(n, unit), None


def on_whole_unit(m: re.Match, ctx: Context) -> Resolved:
    """"all day", "the whole year"."""
    return "DURATION", duration(1.0, unit_of(m["u"])), None


def on_vague_span(m: re.Match, ctx: Context) -> Resolved:
    return "DURATION", duration(None, unit_of(m["u"])), None


def on_set(m: re.Match, ctx: Context) -> Resolved:
    """"every Monday", "each year", "every two weeks", "every morning"."""
    if m["n"]:
        return "SET", duration(amount(m), unit_of(m["u"])), None
    what = (m["x"] or m["mon"]).lower().rstrip(".")
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}", None
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}", None
    if what in PARTS:
        return "SET", f"T{PARTS[what]}", None
    return "SET", duration(2.0 if m["other"] else 1.0, unit_of(what)), None


def on_frequency(m: re.Match, ctx: Context) -> Resolved:
    """"twice a week", "weekly", "on Mondays"."""
    groups = m.groupdict()
    if groups.get("u"):
        return "SET", duration(1.0, unit_of(groups["u"])), None
    if groups.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[groups['wd'].lower()] + 1}", None
    return "SET", FREQUENCIES[m.group().lower()], None


def on_vague(m: re.Match, ctx: Context) -> Resolved:
    word = m.group().lower()
    if re.search(r"coming|future|ahead", word):
        return "DATE", "FUTURE_REF", None
    if re.search(r"current|present|nowadays", word):
        return "DATE", "PRESENT_REF", None
    return "DATE", "PAST_REF", None


def blocked(m: re.Match, ctx: Context) -> None:
    return None
