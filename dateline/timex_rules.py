"""The grammar of time expressions: vocabulary, patterns and what each pattern means.

Each ``Rule`` pairs a regular expression with a handler that turns a match into a
TIMEX3 type, value and calendar point, given the publication date and the
direction the clause points in. Patterns are written for edited news English:
month names are capitalised, numbers may be words, modifiers ("early", "the end
of") keep the value of what they modify, as in TimeML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import timevalues as tv
from .timevalues import Point

# How much a candidate needs the parser's agreement: ALWAYS stands alone, VETO is dropped when
# spaCy calls it another kind of entity ("June" the person), NEED only stands inside a spaCy
# DATE/TIME entity (a bare "2019" may be a quantity), NEVER is a pattern that only blocks others.
ALWAYS, VETO, NEED, NEVER = "always", "veto", "need", "never"


@dataclass(frozen=True, slots=True)
class Context:
    ref: dt.date  # the publication date
    direction: int = 0  # -1 past, 1 future, 0 not known (news default: past)
    anchor: dt.date | None = None  # the day a clock time or "that day" hangs on
    text: str = ""


Resolved = tuple[str, str, Point | None]  # TIMEX type, value, point
Handler = Callable[[re.Match, Context], Resolved | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    handle: Handler
    support: Callable[[re.Match, str], str]
    anchored: bool = False  # the value hangs on another day: "at 7 p.m.", "the same day"


# ---------------------------------------------------------------- vocabulary

def _words(text: str) -> list[str]:
    return text.split()


MONTHS = {name: i + 1 for i, name in enumerate(
    _words("january february march april may june july august september october november december"))}
MONTHS.update({name[:3]: num for name, num in MONTHS.items()} | {"sept": 9})
WEEKDAYS = {name: i for i, name in enumerate(_words("monday tuesday wednesday thursday friday saturday sunday"))}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6})
_SMALL = _words("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen")
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"single": 1}
ORDINALS = {w: i + 1 for i, w in enumerate(
    _words("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
           "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"))}
ORDINALS["twenty-first"] = 21
ORDINALS["final"] = 4  # "the final quarter"
DECADE_WORDS = {w: 2 + i for i, w in enumerate(_words("twenties thirties forties fifties sixties seventies "
                                                      "eighties nineties"))}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNIT_CODES = {"second": ("T", 1, "S"), "minute": ("T", 1, "M"), "hour": ("T", 1, "H"), "day": ("", 1, "D"),
              "night": ("", 1, "D"), "week": ("", 1, "W"), "fortnight": ("", 2, "W"), "month": ("", 1, "M"),
              "year": ("", 1, "Y"), "decade": ("", 10, "Y"), "century": ("", 100, "Y")}
# Words before a bare year or an ambiguous month name that make it a date ("in May", "since 2019").
CONTEXT_WORDS = re.compile(
    r"(?i:\b(?:in|since|by|until|till|of|from|through|before|after|during|throughout|between|and|to|"
    r"early|late|mid|end|year|fiscal|around|circa|as of|spring|summer|autumn|fall|winter|last|next|this))"
    r"[\s-]+$")

_MON_NAMES = list(MONTHS)
_CAPS = "|".join(sorted({w.title() for w in _MON_NAMES} | {w.upper() for w in _MON_NAMES}, key=len, reverse=True))
_PLAIN = "january|february|april|june|july|september|october|november|december"
MON = rf"(?P<mon>(?:{_CAPS})\b\.?|(?i:{_PLAIN})\b)"
MON_ALONE = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|"
             rf"December|{'|'.join(w.upper() for w in _PLAIN.split('|'))}|MARCH|MAY|AUGUST)\b|(?i:{_PLAIN})\b)")
_WD_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
WD = rf"(?P<wd>(?i:{_WD_NAMES}))\b"
WD_PREFIX = rf"(?:(?i:{_WD_NAMES})\b|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.),?\s+"
YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)\b(?![-\u2013/]\d)"
_NUMW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "|hundred"
NUM = (rf"(?P<n>(?i:\d+(?:\.\d+)?|(?:{_NUMW})(?:[- ](?:{_NUMW}))?|an?|(?:a\s+)?few|a\s+couple(?:\s+of)?|"
       r"several|many|a\s+dozen|dozens\s+of|hundreds\s+of|half\s+an?)(?:\s+and\s+a\s+half)?)")
UNIT = (r"(?P<u>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
        r"century|centuries))\b(?P<half>\s+and\s+a\s+half\b)?")
APPROX = (r"(?:(?i:about|some|nearly|almost|more\s+than|over|less\s+than|just|only|roughly|around|"
          r"at\s+least|up\s+to|under)\s+)?")
MODS = r"(?:(?i:early|mid|late|the\s+(?:end|beginning|start|middle|turn)\s+of)(?:-|\s+))?"
YEAR_REF = (rf"(?:{YEAR}|(?P<yrel>(?i:this|last|next|the))\s+(?i:fiscal\s+)?(?i:year)\b"
            r"|(?i:fiscal)\s+(?P<fy>(?:19|20)\d\d)\b)")
# "March 3 last year", "October of next year": the year phrase sets the year but stays its own expression.
REL_YEAR = r"(?=\s+(?:of\s+)?(?P<ryear>(?i:last|this|next))\s+(?i:year)\b)"


# ---------------------------------------------------------------- helpers for handlers

def number(text: str | None) -> float | None:
    """The number a quantity phrase names; None when it is vague ("a few", "several")."""
    if text is None:
        return 1.0
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    extra = 0.5 if t.endswith(" and a half") else 0.0
    t = t.removesuffix(" and a half")
    if t in ("a", "an"):
        return 1 + extra
    if t in ("half a", "half an"):
        return 0.5
    if t in ("a couple", "a couple of"):
        return 2 + extra
    if t == "a dozen":
        return 12.0
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t) + extra
    total = 0
    for word in t.split():
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
        else:
            return None
    return total + extra


def unit_of(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    time_part, scale, code = UNIT_CODES[unit]
    if n is None:
        return f"P{time_part}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else code}"
    return f"P{time_part}{fmt(n * scale)}{code}"


def pick_month(ctx: Context, mon: int, rel: str | None) -> Point:
    """A month named without a year: "March", "last March", "March next year"."""
    ref = ctx.ref
    rel = (rel or "").lower()
    if rel in ("last", "this past"):
        return tv.month(ref.year if mon < ref.month else ref.year - 1, mon)
    if rel in ("next", "this coming"):
        return tv.month(ref.year if mon > ref.month else ref.year + 1, mon)
    if ctx.direction > 0:
        return tv.month(ref.year if mon >= ref.month else ref.year + 1, mon)
    return tv.month(ref.year if mon <= ref.month or rel == "this" else ref.year - 1, mon)


def relative_year(ref: dt.date, rel: str | None) -> int:
    return ref.year + {"last": -1, "next": 1}.get((rel or "").lower(), 0)


def year_of(m: re.Match, ctx: Context) -> int | None:
    """The year written in a match: digits, "last year", "fiscal 2019"; None if not written."""
    groups = m.re.groupindex
    if "y" in groups and m["y"]:
        return int(m["y"])
    if "fy" in groups and m["fy"]:
        return int(m["fy"])
    for key in ("ryear", "yrel"):
        if key in groups and m[key]:
            return relative_year(ctx.ref, m[key])
    return None


def dated_in_year(ctx: Context, mon: int, dom: int, year: int | None) -> dt.date:
    if year is None:
        year = tv.year_for(ctx.ref, mon, dom, ctx.direction)
    return dt.date(year, mon, dom)


def a_day(d: dt.date, part: str | None = None) -> Resolved:
    if part:
        return "TIME", f"{d.isoformat()}T{PARTS[part.lower()]}", tv.day(d)
    return "DATE", d.isoformat(), tv.day(d)


def preceded_by_context(m: re.Match, text: str) -> bool:
    return bool(CONTEXT_WORDS.search(text[max(0, m.start() - 24):m.start()]))


# ---------------------------------------------------------------- support levels

def always(m: re.Match, text: str) -> str:
    return ALWAYS


def veto(m: re.Match, text: str) -> str:
    return VETO


def need(m: re.Match, text: str) -> str:
    return NEED


def never(m: re.Match, text: str) -> str:
    return NEVER


def year_support(m: re.Match, text: str) -> str:
    if m.start() and text[m.start() - 1] in "$#£€¥-/.":  # "$2019", "No. 2019", "1-2019"
        return NEVER
    if m.group() != m["y"]:  # "fiscal 2019", "early 2009"
        return ALWAYS
    return VETO if preceded_by_context(m, text) else NEED


def month_support(m: re.Match, text: str) -> str:
    if m.group() != m["mon"] or m["ryear"]:  # "last March", "early June", "May this year"
        return ALWAYS
    if m["mon"].lower() in ("march", "may", "august"):  # also verbs, modals, adjectives
        return VETO if preceded_by_context(m, text) else NEED
    return VETO


def season_support(m: re.Match, text: str) -> str:
    bare = not (m["y"] or m["ryear"]) and (m["rel"] or "").lower() in ("", "the")
    return NEED if bare else ALWAYS


# ---------------------------------------------------------------- handlers

def month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS[w[:3]]


def amount(m: re.Match) -> float | None:
    """The number of units a match names, "a year and a half" included."""
    n = number(m["n"])
    return n + 0.5 if n is not None and m["half"] else n


def on_ago(m: re.Match, ctx: Context) -> Resolved:
    n = amount(m) if m["n"] else None
    if n is None:
        return "DATE", "PAST_REF", None
    unit, ref = unit_of(m["u"]), ctx.ref
    _, scale, _ = UNIT_CODES[unit]
    if unit in ("second", "minute", "hour"):
        return a_day(ref)
    if unit in ("day", "night"):
        point = tv.day(ref - dt.timedelta(days=round(n)))
    elif unit in ("week", "fortnight"):
        point = tv.week(ref - dt.timedelta(weeks=n * scale))
    elif unit == "month" or not n.is_integer():  # "a year and a half ago" is a month
        months = round(n * (1 if unit == "month" else 12 * scale))
        point = tv.month(*tv.add_months(ref.year, ref.month, -months))
    else:
        point = tv.year(ref.year - round(n * scale))
    return "DATE", point.value, point


def on_iso(m: re.Match, ctx: Context) -> Resolved:
    return a_day(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))


def on_numeric(m: re.Match, ctx: Context) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y <= ctx.ref.year % 100 + 1 else 1900
    mon, dom = (a, b) if a <= 12 else (b, a)  # US order first, as in most English news
    return a_day(dt.date(y, mon, dom))


def on_day(m: re.Match, ctx: Context) -> Resolved:
    mon, dom = month_num(m["mon"]), int(m["d"])
    return a_day(dated_in_year(ctx, mon, dom, year_of(m, ctx)))


def on_month_year(m: re.Match, ctx: Context) -> Resolved:
    point = tv.month(int(m["y"]), month_num(m["mon"]))
    return "DATE", point.value, point


def on_decade(m: re.Match, ctx: Context) -> Resolved:
    groups = m.groupdict()
    if groups.get("cen"):
        start = int(m["cen"]) * 100 + int(m["dec"]) * 10
    else:
        tens = int(groups["dec2"]) if groups.get("dec2") else DECADE_WORDS[groups["word"].lower()]
        start = 2000 + tens * 10 if 2000 + tens * 10 <= ctx.ref.year else 1900 + tens * 10
    point = tv.decade(start)
    return "DATE", point.value, point


def on_century(m: re.Match, ctx: Context) -> Resolved:
    word = m["ord"].lower()
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS[word]
    point = tv.century((n - 1) * 100)
    return "DATE", point.value, point


def on_part_of_year(m: re.Match, ctx: Context) -> Resolved:
    """Quarters and halves: "the third quarter of 2009", "Q4", "the first half of this year"."""
    groups = m.groupdict()
    kind = "H" if groups.get("h") else "Q"
    word = (groups.get("h") or groups["q"]).lower()
    num = int(word) if word.isdigit() else int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS[word]
    months = 3 if kind == "Q" else 6
    year = year_of(m, ctx)
    if year is None:
        first = dt.date(ctx.ref.year, months * (num - 1) + 1, 1)
        last = dt.date(*tv.add_months(first.year, first.month, months), 1) - dt.timedelta(days=1)
        year = ctx.ref.year
        if ctx.direction > 0 and last < ctx.ref:
            year += 1
        elif ctx.direction <= 0 and first > ctx.ref:
            year -= 1
    point = tv.quarter(year, num) if kind == "Q" else tv.half(year, num)
    return "DATE", point.value, point


def on_season(m: re.Match, ctx: Context) -> Resolved | None:
    code, rel, ref = SEASONS[m["s"].lower()], (m["rel"] or "").lower(), ctx.ref
    year = year_of(m, ctx)
    if year is None:
        if code == "FA" and m["s"].lower() == "fall" and rel in ("", "the"):
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
    point = tv.season(year, code)
    return "DATE", point.value, point


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l7 = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l7) // 451
    mon, dom = divmod(h + l7 - 7 * m + 114, 31)
    return dt.date(year, mon, dom + 1)


EASTER_OFFSETS = {"good friday": -2, "palm sunday": -7, "ash wednesday": -46}


def holiday(name: str, year: int) -> dt.date:
    name = re.sub(r"\s+", " ", name.lower())
    fixed = {"christmas eve": (12, 24), "new year's eve": (12, 31), "new year eve": (12, 31),
             "new year's day": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14), "may day": (5, 1)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("christmas"):
        return dt.date(year, 12, 25)
    if name.startswith("easter") or name in EASTER_OFFSETS:
        return easter(year) + dt.timedelta(days=EASTER_OFFSETS.get(name, 1 if name.endswith("monday") else 0))
    first = dt.date(year, 11, 1)  # Thanksgiving (US): the fourth Thursday of November
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def on_holiday(m: re.Match, ctx: Context) -> Resolved:
    year = year_of(m, ctx)
    if year is None:
        year = ctx.ref.year
        if ctx.direction > 0 and holiday(m["h"], year) < ctx.ref:
            year += 1
        elif ctx.direction <= 0 and holiday(m["h"], year) > ctx.ref:
            year -= 1
    return a_day(holiday(m["h"], year))


def on_weekday(m: re.Match, ctx: Context) -> Resolved:
    wd, rel, ref = WEEKDAYS[m["wd"].lower()], (m["rel"] or "").lower(), ctx.ref
    if rel in ("last", "past", "this past"):
        d = tv.weekday_near(ref, wd, -1, strict=True)
    elif rel in ("next", "coming", "this coming"):
        d = tv.weekday_near(ref, wd, 1, strict=True)
    elif rel == "this" and ctx.direction == 0:  # "this Thursday": the one in this week
        d = ref + dt.timedelta(days=wd - ref.weekday())
    else:
        d = tv.weekday_near(ref, wd, 1 if ctx.direction > 0 else -1)
    return a_day(d, m["part"])


def on_dayword(m: re.Match, ctx: Context) -> Resolved:
    word = re.sub(r"\s+", " ", m["w"].lower())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    part = m["part"] or ("night" if word == "tonight" else None)
    return a_day(ctx.ref + dt.timedelta(days=shift.get(word, 0)), part)


def on_daypart(m: re.Match, ctx: Context) -> Resolved:
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(m["rel"].lower(), 0)
    return a_day(ctx.ref + dt.timedelta(days=shift), m["part"])


def on_relative_unit(m: re.Match, ctx: Context) -> Resolved:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    k = -1 if rel in ("last", "past") else 1 if rel in ("next", "coming", "the coming", "this coming") else 0
    unit, ref = m["u"].lower(), ctx.ref
    if unit == "week":
        point = tv.week(ref + dt.timedelta(weeks=k))
    elif unit == "month":
        point = tv.month(*tv.add_months(ref.year, ref.month, k))
    elif unit == "quarter":
        q = (ref.month - 1) // 3 + k
        point = tv.quarter(ref.year + q // 4, q % 4 + 1)
    elif unit == "decade":
        point = tv.decade(ref.year + 10 * k)
    elif unit == "century":
        point = tv.century(ref.year + 100 * k)
    else:
        point = tv.year(ref.year + k)
    return "DATE", point.value, point


def on_weekend(m: re.Match, ctx: Context) -> Resolved:
    rel, ref = re.sub(r"\s+", " ", m["rel"].lower()), ctx.ref
    on_it = ref.weekday() >= 5
    if rel in ("last", "past", "this past") or (rel == "the" and ctx.direction <= 0):
        day = ref if on_it and rel == "the" else ref - dt.timedelta(days=ref.weekday() + 1)
    elif rel in ("next", "coming", "this coming") or rel == "the":
        day = ref if rel == "the" or (rel == "this coming" and not on_it) else ref + dt.timedelta(weeks=1)
    else:
        day = ref
    point = tv.weekend(day)
    return "DATE", point.value, point


def on_month(m: re.Match, ctx: Context) -> Resolved:
    mon = month_num(m["mon"])
    point = tv.month(relative_year(ctx.ref, m["ryear"]), mon) if m["ryear"] else pick_month(ctx, mon, m["rel"])
    return "DATE", point.value, point


def on_year(m: re.Match, ctx: Context) -> Resolved:
    point = tv.year(year_of(m, ctx) or ctx.ref.year)
    return "DATE", point.value, point


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


def on_anaphor(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return None
    phrase = re.sub(r"\s+", " ", m.group().lower())
    shift = 1 if re.search(r"following|next", phrase) else -1 if re.search(r"previous|before", phrase) else 0
    part = "night" if phrase.endswith("night") else "morning" if phrase.endswith("morning") else None
    return a_day(ctx.anchor + dt.timedelta(days=shift), part)


def on_span(m: re.Match, ctx: Context) -> Resolved | None:
    """"the past three years", "the next week": a duration reaching to or from now."""
    if m["which"].lower() in ("first", "final") and not m["n"]:
        return None  # "the first year" is an ordinal, not a stretch of time
    unit = unit_of(m["u"])
    plural = m["u"].lower() != unit and m["u"].lower() != "century"
    n = amount(m) if m["n"] else (None if plural else 1.0)
    return "DURATION", duration(n, unit), None


def on_duration(m: re.Match, ctx: Context) -> Resolved | None:
    unit = unit_of(m["u"])
    if unit == "second" and m["n"].lower() in ("a", "an"):
        return None  # "a second term", "a second consecutive day"
    if m["n"].lower() in ("a", "an") and RATE_BEFORE.search(ctx.text[max(0, m.start() - 24):m.start()]):
        return "SET", duration(1.0, unit), None  # "15 a year", "twice a week"
    return "DURATION", duration(amount(m), unit), None


def on_vague_span(m: re.Match, ctx: Context) -> Resolved:
    return "DURATION", duration(None, unit_of(m["u"])), None


def on_set(m: re.Match, ctx: Context) -> Resolved:
    if m["n"]:
        return "SET", duration(amount(m), unit_of(m["u"])), None
    what = m["x"].lower().rstrip(".")
    every = 2.0 if m["other"] else 1.0
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}", None
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}", None
    return "SET", duration(every, unit_of(what)), None


def on_frequency(m: re.Match, ctx: Context) -> Resolved:
    return "SET", duration(1.0, unit_of(m["u"]) if m["u"] else "year"), None


def on_vague(m: re.Match, ctx: Context) -> Resolved:
    word = m.group().lower()
    if re.search(r"coming|future|ahead", word):
        return "DATE", "FUTURE_REF", None
    if re.search(r"current|present|nowadays", word):
        return "DATE", "PRESENT_REF", None
    return "DATE", "PAST_REF", None


def blocked(m: re.Match, ctx: Context) -> None:
    return None


RATE_BEFORE = re.compile(r"(?i:\d|\bonce|\btwice|\btimes|\bpercent|%|\bdollars?)\s*$")
PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
REL_DAY = r"(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next|coming|past))\s+)?"


def rule(name: str, pattern: str, handle: Handler, support: Callable[[re.Match, str], str] = always,
         anchored: bool = False) -> Rule:
    # An expression never runs across a line break (a headline into its dateline).
    return Rule(name, re.compile(pattern.replace(r"\s", r"[^\S\n]")), handle, support, anchored)


# Where two matches overlap the longer wins; at equal length, the earlier rule here.
RULES: tuple[Rule, ...] = (
    rule("age", rf"\b{NUM}[- ]{UNIT}(?:[- ](?i:olds?)|\s+of\s+age)\b", blocked, never),
    rule("anchored", rf"\b{APPROX}{NUM}\s+{UNIT}\s+(?i:earlier|later|afterwards?|previously|beforehand)\b",
         blocked, never),
    rule("ago", rf"\b{APPROX}(?:{NUM}\s+)?{UNIT}\s+(?i:ago)\b", on_ago),
    rule("iso", r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", on_iso),
    rule("numeric", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:1[6-9]|20)\d\d|\d\d)\b(?!/)", on_numeric),
    rule("month-day", rf"\b(?:{WD_PREFIX})?{MON}(?:\s+|-)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.,]?\d)"
                      rf"(?:,?\s+{YEAR}|{REL_YEAR})?", on_day),
    rule("day-month", rf"\b(?:{WD_PREFIX})?(?:(?i:the)\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}"
                      rf"(?:,?\s+{YEAR}|{REL_YEAR})?", on_day),
    rule("month-year", rf"\b{MODS}{MON},?\s+(?:of\s+)?{YEAR}", on_month_year),
    rule("decade", rf"(?<![\w'])(?:(?i:the)\s+)?{MODS}(?:(?P<cen>1[0-9]|20)(?P<dec>\d)0s\b|'(?P<dec2>\d)0s\b)",
         on_decade),
    rule("decade-word", rf"\b(?i:the)\s+{MODS}(?P<word>(?i:{'|'.join(DECADE_WORDS)}))\b", on_decade),
    rule("century", rf"\b(?:(?i:the)\s+)?{MODS}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{'|'.join(ORDINALS)}))"
                    r"[- ](?i:century)\b", on_century),
    rule("quarter", rf"\b(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[- ]"
                    rf"(?i:quarter)\b(?:\s+(?:of\s+)?{YEAR_REF})?", on_part_of_year),
    rule("quarter-code", rf"\bQ(?P<q>[1-4])(?:\s+{YEAR})?\b", on_part_of_year),
    rule("half", rf"\b(?:(?i:the)\s+)?(?P<h>(?i:first|second|1st|2nd))[- ](?i:half)\s+of\s+{YEAR_REF}",
         on_part_of_year),
    rule("named-day", rf"\b(?:Black|Cyber|Bloody|Super|Blue)\s+{WD}", blocked, never),
    rule("holiday", r"\b(?P<h>Good\s+Friday|Palm\s+Sunday|Ash\s+Wednesday|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|New\s+Year\s+Eve|"
                    r"Easter(?:\s+Sunday|\s+Monday)?|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day|"
                    rf"May\s+Day)\b(?:,?\s+{YEAR})?", on_holiday, veto),
    rule("dayword", r"\b(?:(?i:earlier|later|early|late)\s+)?(?P<w>(?i:today|tonight|yesterday|tomorrow|"
                    rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))\b(?:\s+{PART}\b)?",
         on_dayword),
    rule("daypart", rf"\b(?:(?i:early|late)\s+)?(?P<rel>(?i:this|last|tomorrow|yesterday))\s+{PART}\b",
         on_daypart),
    rule("weekday", rf"\b(?:(?i:early|late)\s+)?{REL_DAY}{WD}(?:\s+{PART}\b)?", on_weekday, veto),
    rule("weekend", r"\b(?P<rel>(?i:the|this\s+past|this\s+coming|this|last|next|past|coming))\s+(?i:weekend)\b",
         on_weekend),
    rule("relative-unit", r"\b(?:(?i:earlier|later|early|late|the\s+(?:end|beginning|start|middle|rest|"
                          r"remainder)\s+of)\s+)?(?P<rel>(?i:this\s+past|this\s+coming|the\s+coming|this|last|"
                          r"next|current|the\s+current))\s+(?:(?i:fiscal)\s+)?"
                          r"(?P<u>(?i:week|month|year|decade|century|quarter))\b", on_relative_unit),
    rule("part-of-unit", r"\b(?i:(?:the\s+(?:end|beginning|start|middle|rest|remainder)\s+of|earlier\s+in|"
                         r"later\s+in)\s+the\s+)(?P<u>(?i:week|month|year))\b(?P<rel>)", on_relative_unit),
    rule("season", rf"\b{MODS}(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|the))\s+)?{MODS}"
                   rf"(?P<s>(?i:spring|summer|autumn|winter|fall))\b(?:\s+(?:of\s+)?{YEAR}|{REL_YEAR})?",
         on_season, season_support),
    rule("month", rf"\b{MODS}(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next))\s+)?{MON_ALONE}"
                  rf"(?:{REL_YEAR})?", on_month, month_support),
    rule("year", rf"\b(?:(?P<fyw>(?i:fiscal(?:\s+year)?|FY|the\s+year|calendar\s+year))\s*)?{MODS}{YEAR}",
         on_year, year_support),
    rule("clock", r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)(?!\w))"
                  r"(?:\s+(?P<tz>UTC|GMT|[ECMP][SD]?T)\b)?", on_clock, anchored=True),
    rule("clock-24", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>UTC|GMT)(?P<ap>)\b", on_clock, anchored=True),
    rule("noon", r"\b(?i:noon|midnight)\b", on_noon, need, anchored=True),
    rule("anaphor", r"\b(?i:the\s+same\s+day|that\s+same\s+day|that\s+day|the\s+following\s+day|the\s+next\s+day|"
                    r"the\s+previous\s+day|the\s+day\s+before|the\s+next\s+morning|that\s+night|"
                    r"the\s+same\s+night)\b", on_anaphor, anchored=True),
    rule("span", rf"\b(?i:the)\s+(?P<which>(?i:past|last|next|coming|previous|following|first|final|latest))"
                 rf"\s+(?:{NUM}\s+)?{UNIT}", on_span),
    rule("set", rf"\b(?i:every|each|per)\s+(?:(?P<other>(?i:other))\s+)?(?:{NUM}\s+{UNIT}|"
                rf"(?P<x>(?i:second|minute|hour|day|night|week|month|year|decade|{_WD_NAMES})\b|"
                rf"(?:{_CAPS})\b))", on_set),
    rule("frequency", rf"\b(?i:once|twice|(?:\w+\s+)times)\s+(?i:a|an|per|each|every)\s+{UNIT}|"
                      r"\b(?i:annually|yearly)\b(?P<never>)", on_frequency),
    rule("duration", rf"\b{APPROX}{NUM}[- ]{UNIT}", on_duration),
    rule("years", r"(?:\b(?i:over\s+the(?:\s+past)?)\s+|(?<=\b[Ff]or\s)|(?<=\b[Ii]n\s))(?P<u>(?i:years|decades|months|weeks|centuries))\b",
         on_vague_span),
    rule("vague", r"\b(?i:recent|the\s+coming|the\s+past\s+few|in\s+coming)\s+(?i:years|months|weeks|days|decades)\b|"
                  r"\b(?i:recently|currently|nowadays)\b", on_vague),
)
