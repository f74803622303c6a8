"""The words of time expressions and the regular-expression pieces built from them.

Written for edited news English: in free text month names count only when
capitalised ("March", not "march on"), except beside a day or year ("april 22").
Each piece names its groups so that handlers can read what matched.
"""

from __future__ import annotations

import re

# How much a candidate needs the parser's agreement: ALWAYS stands alone, VETO is dropped when
# spaCy calls it another kind of entity ("June" the person), NEED only stands inside a spaCy
# DATE/TIME entity (a bare "2019" may be a quantity), NEVER is a pattern that only blocks others.
ALWAYS, VETO, NEED, NEVER = "always", "veto", "need", "never"


def _words(text: str) -> list[str]:
    return text.split()


MONTHS = {name: i + 1 for i, name in enumerate(
    _words("january february march april may june july august september october november december"))}
MONTHS.update({name[:3]: num for name, num in MONTHS.items()} | {"sept": 9})
WEEKDAYS = {name: i for i, name in enumerate(
    _words("monday tuesday wednesday thursday friday saturday sunday"))}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                 "sat": 5, "sun": 6})
_SMALL = _words("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen")
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
NUMBER_WORDS["single"] = 1  # "a single-day decline"
_ORDINAL_WORDS = _words("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
                        "twentieth")
ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
ORDINALS |= {f"{tens}-{w}": base + i + 1 for tens, base in (("twenty", 20), ("thirty", 30))
             for i, w in enumerate(_ORDINAL_WORDS[:9])}
ORDINALS |= {"thirtieth": 30, "final": 4, "last": -1}  # "the final quarter", "the last week of July"
DECADE_WORDS = {w: 2 + i for i, w in enumerate(_words("twenties thirties forties fifties sixties seventies "
                                                      "eighties nineties"))}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNIT_CODES = {"second": ("T", 1, "S"), "minute": ("T", 1, "M"), "hour": ("T", 1, "H"), "day": ("", 1, "D"),
              "night": ("", 1, "D"), "week": ("", 1, "W"), "fortnight": ("", 2, "W"), "month": ("", 1, "M"),
              "year": ("", 1, "Y"), "decade": ("", 10, "Y"), "century": ("", 100, "Y")}
UNIT_ABBREVIATIONS = {"sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour",
                      "hrs": "hour"}
FREQUENCIES = {"daily": "P1D", "everyday": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
               "annual": "P1Y"}
# Words at the heart of a time expression: only text near one of them (or a digit) is scanned.
TRIGGER_WORDS = frozenset(
    set(MONTHS) | {f"{m}." for m in MONTHS}
    | set(WEEKDAYS) | {f"{d}." for d in WEEKDAYS} | {f"{d}s" for d in WEEKDAYS}
    | {w + s for w in ("minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year",
                       "decade", "quarter") for s in ("", "s")}
    | set(_words("seconds centuries century hr hrs min mins sec secs half today tonight yesterday tomorrow "
                 "noon midnight recently currently nowadays recent christmas easter thanksgiving halloween "
                 "eve valentine patrick ago"))
    | set(PARTS) | set(SEASONS) | set(FREQUENCIES) | set(DECADE_WORDS))
# Words before a bare year or an ambiguous month name that make it a date ("in May", "since 2019").
CONTEXT_WORDS = re.compile(
    r"(?i:\b(?:in|since|by|until|till|of|from|through|before|after|during|throughout|between|and|to|"
    r"early|late|mid|end|year|fiscal|around|circa|as of|spring|summer|autumn|fall|winter|last|next|this))"
    r"[\s-]+$")


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_FULL = [w for w in MONTHS if len(w) > 3 and w != "sept" or w == "may"]
_ABBREVIATED = [w for w in MONTHS if w not in _FULL]  # "jan" ... "dec", "sept"
_PLAIN = "january|february|april|june|july|september|october|november|december"


def _cased(words) -> str:
    return _alternation({w.title() for w in words} | {w.upper() for w in words})


def _lower_ok(words) -> str:  # any case, but not the verb "march", the modal "may" or "mar"
    return _alternation(w for w in words if w not in ("march", "may", "mar"))


# Beside a day or a year: any case but the verbs and modals; a period only after an abbreviation.
MON = (rf"(?P<mon>(?:{_cased(_FULL)})\b|(?:{_cased(_ABBREVIATED)})\b\.?|(?i:{_lower_ok(_FULL)})\b"
       rf"|(?i:{_lower_ok(_ABBREVIATED)})\b\.?)")
# On its own: capitalised full names, abbreviations with a period, unambiguous names in any case.
MON_ALONE = (rf"(?P<mon>(?:{_cased(_FULL)})\b|(?:{_alternation(w.title() for w in _ABBREVIATED)})\."
             rf"|(?i:{_PLAIN})\b)")
WD_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
WD = rf"(?P<wd>(?i:{WD_NAMES}))\b"
WD_PREFIX = rf"(?:(?i:{WD_NAMES})\b|(?i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)[.,])\s*,?\s+"
YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)\b(?![-\u2013/]\d)"
# "first" ... "thirty-first"
ORDINAL_WORDS = _alternation(w for w in ORDINALS if ORDINALS[w] > 0 and w != "final").replace("-", "[- ]")
ORDINAL_DAY = rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b|(?P<dw>(?i:{ORDINAL_WORDS}))\b"
NUMBER_ALTERNATION = _alternation(NUMBER_WORDS) + "|hundred"
NUM = (rf"(?P<n>(?i:\d+(?:\.\d+)?|(?:{NUMBER_ALTERNATION})(?:[- ](?:{NUMBER_ALTERNATION}))?|an?|(?:a\s+)?few|"
       r"a\s+couple(?:\s+of)?|several|many|a\s+dozen|dozens\s+of|hundreds\s+of|half\s+an?)"
       r"(?:\s+and\s+a\s+half)?)")
UNIT = (r"(?P<u>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
        r"century|centuries|hrs?|mins?|secs?))\b(?P<half>\s+and\s+a\s+half\b)?")
APPROX = (r"(?:(?i:about|some|nearly|almost|more\s+than|over|less\s+than|just|only|roughly|around|"
          r"at\s+least|up\s+to|under)\s+)?")
MODS = r"(?:(?i:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of)(?:-|\s+))?"
YEAR_REF = (rf"(?:{YEAR}|(?P<yrel>(?i:this|last|next|the))\s+(?i:fiscal\s+)?(?i:year)\b"
            r"|(?i:fiscal)\s+(?P<fy>(?:19|20)\d\d)\b)")
# "March 3 last year", "October of next year": the year phrase sets the year but stays its own expression.
REL_YEAR = r"(?=\s+(?:of\s+)?(?P<ryear>(?i:last|this|next))\s+(?i:year)\b)"
PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
# Before "a year" in a rate: "15 planes a year", "$40 billion a year", "twice a week" (not "in 2019 a year").
RATE_BEFORE = re.compile(r"(?:(?<![\d,.])(?!(?:1[6-9]|20)\d\d\b)\d[\d,.]*|%|(?i:\bonce|\btwice|\btimes|"
                         r"\bpercent|\bmillion|\bbillion|\bdollars?|\beuros?|\bpounds?))(?:\s+[a-z]+)?\s+$")


def number(text: str | None) -> float | None:
    """The number a quantity phrase names; None when it is vague ("a few", "several")."""
    if text is None:
        return 1.0
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    extra = 0.5 if t.endswith(" and a half") else 0.0
    t = t.removesuffix(" and a half")
    fixed = {"a": 1.0, "an": 1.0, "half a": 0.5, "half an": 0.5, "a couple": 2.0, "a couple of": 2.0,
             "a dozen": 12.0}
    if t in fixed:
        return fixed[t] + extra
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


def ordinal(word: str) -> int:
    """1 for "1st" or "first"; -1 for "last"."""
    word = "-".join(word.lower().split())
    return int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS[word]


def unit_of(word: str) -> str:
    word = word.lower()
    if word in UNIT_ABBREVIATIONS:
        return UNIT_ABBREVIATIONS[word]
    return "century" if word.startswith("centur") else word.rstrip("s")


def month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS[w[:3]]


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
    if m["mon"].lower() in ("march", "may", "august") or m["mon"].endswith("."):
        return VETO if preceded_by_context(m, text) else NEED  # also verbs, modals, names ("Jan.")
    return VETO


def season_support(m: re.Match, text: str) -> str:
    bare = not (m["y"] or m["ryear"]) and (m["rel"] or "").lower() in ("", "the")
    return NEED if bare else ALWAYS
