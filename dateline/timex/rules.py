"""The grammar: each rule pairs a pattern with the handler that says what a match means.

Where two matches overlap the longer wins; at equal length, the earlier rule in
``RULES``. Rules whose handler is ``blocked`` only stop shorter matches inside
them ("16-year-old" is an age, not a duration).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import durations as d
from . import handlers as h
from .values import ANY_CASE_HOLIDAYS, HOLIDAYS
from .words import (
    APPROX,
    DECADE_WORDS,
    FREQUENCIES,
    MODS,
    MON,
    MON_ALONE,
    MONTHS,
    NUM,
    ORDINAL_DAY,
    ORDINAL_WORDS,
    PART,
    REL_YEAR,
    UNIT,
    WD,
    WD_NAMES,
    WD_PREFIX,
    YEAR,
    YEAR_REF,
    always,
    month_support,
    need,
    never,
    season_support,
    veto,
    year_support,
)

Handler = Callable[[re.Match, h.Context], h.Resolved | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    handle: Handler
    support: Callable[[re.Match, str], str]
    anchored: bool = False  # the value hangs on another day: "at 7 p.m.", "the same day"
    needs: tuple[str, ...] = ()  # lowercase strings, one of which a stretch of text must hold to be tried


def rule(name: str, pattern: str, handle: Handler, support: Callable[[re.Match, str], str] = always,
         anchored: bool = False, needs: str | tuple[str, ...] = ()) -> Rule:
    # An expression never runs across a line break (a headline into its dateline).
    compiled = re.compile(pattern.replace(r"\s", r"[^\S\n]"))
    keys = tuple(needs.split()) if isinstance(needs, str) else needs
    return Rule(name, compiled, handle, support, anchored, keys)


def _holiday_names() -> str:
    names = []
    for name in sorted(HOLIDAYS, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in name.split())
        any_case = any(word in name.lower() for word in ANY_CASE_HOLIDAYS)
        names.append(f"(?i:{body})" if any_case else body)
    return "|".join(names)


_DAY_END = rf"(?![:.,]?\d)(?:(?:,?\s+|-){YEAR}|{REL_YEAR})?"
_REL_DAY = r"(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next|coming|past|previous|following))\s+)?"
_WEEK_REL = r"(?P<rel>(?i:last|next|this|the\s+following|the\s+previous|following|previous))"
_UNITS_SINGULAR = "second|minute|hour|day|night|week|month|year|decade|morning|afternoon|evening"
_PART_OF = r"(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of"
MONTH_KEYS = tuple(sorted({m[:3] for m in MONTHS}))
DIGITS = tuple("0123456789")
HOLIDAY_KEYS = ("christmas easter thanksgiving halloween year valentine patrick day friday monday sunday "
                "wednesday")

RULES: tuple[Rule, ...] = (
    # blockers
    rule("age", rf"\b{APPROX}{NUM}[- ]{UNIT}(?:[- ](?i:olds?)|\s+of\s+age)\b",
         d.blocked, never, needs="old age"),
    rule("anchored", rf"\b{APPROX}{NUM}\s+{UNIT}\s+(?i:earlier|later|afterwards?|previously|beforehand)\b",
         d.blocked, never, needs="earlier later after previously beforehand"),
    # days
    rule("iso", r"\b(?P<y>(?:1[6-9]|20)\d\d)(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                r"(?P<d>0?[1-9]|[12]\d|3[01])\b",
         h.on_iso, needs="- /"),
    rule("numeric", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:1[6-9]|20)\d\d|\d\d)\b(?!/)",
         h.on_numeric, needs="/"),
    rule("numeric-dash", r"(?<![\d-])(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>(?:1[6-9]|20)\d\d)\b(?!-)",
         h.on_numeric, needs="-"),
    rule("month-day", rf"\b(?:{WD_PREFIX})?{MON}(?:\s+|-)(?:(?i:the)\s+)?(?:{ORDINAL_DAY}){_DAY_END}",
         h.on_day, needs=MONTH_KEYS),
    rule("day-month", rf"\b(?:{WD_PREFIX})?(?:(?i:the)\s+)?(?:{ORDINAL_DAY})(?:\s+|-)(?:(?i:of)\s+)?"
                      rf"{MON}{_DAY_END}",
         h.on_day, needs=MONTH_KEYS),
    rule("day-of-month", rf"\b(?:(?i:the)\s+)?(?:{ORDINAL_DAY})\s+(?:(?i:of)\s+)?"
                         r"(?P<mrel>(?i:this|last|next))\s+(?i:month)\b",
         h.on_day_of_month, needs="month"),
    rule("holiday", rf"\b(?P<h>{_holiday_names()})\b(?:,?\s+(?:(?i:of)\s+)?{YEAR})?",
         h.on_holiday, veto, needs=HOLIDAY_KEYS),
    # after the holidays, so that "Black Friday" is one and "Black Monday" (1987) no weekday
    rule("named-day", rf"\b(?:Black|Cyber|Bloody|Super|Blue|Manic)\s+{WD}",
         d.blocked, never, needs="black cyber bloody super blue manic"),
    rule("dayword", r"\b(?:(?i:earlier|later|early|late)\s+)?(?P<w>(?i:today|tonight|yesterday|tomorrow|"
                    rf"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))\b(?:\s+{PART}\b)?",
         h.on_dayword, needs="today tonight yesterday tomorrow"),
    rule("daypart", rf"\b(?:(?i:early|late)\s+)?(?P<rel>(?i:this|last|tomorrow|yesterday))\s+{PART}\b",
         h.on_daypart, needs="morning afternoon evening night"),
    rule("weekday", rf"\b(?:(?i:early|late)\s+)?{_REL_DAY}{WD}(?:\s+{PART}\b)?",
         h.on_weekday, veto, needs="day"),
    rule("weekday-week", rf"\b{WD},?\s+(?:(?i:of)\s+)?{_WEEK_REL}\s+(?i:week)\b",
         h.on_weekday_of_week, needs="week"),
    rule("week-weekday", rf"\b{_WEEK_REL}\s+(?i:week)(?:'s)?,?\s+(?:(?i:on)\s+)?{WD}",
         h.on_weekday_of_week, needs="week"),
    rule("nth-in-month", r"\b(?:(?i:the)\s+)?(?P<nth>(?i:first|second|third|fourth|fifth|last|final)|"
                         rf"[1-5](?:st|nd|rd|th))\s+(?:{WD}|(?i:week))\s+(?i:of|in)\s+"
                         rf"(?:{MON}|(?P<mrel>(?i:this|last|next))\s+(?i:month))(?:,?\s+{YEAR})?",
         h.on_nth_in_month, needs=("month", *MONTH_KEYS)),
    rule("anaphor", r"\b(?i:the\s+same\s+day|that\s+same\s+day|that\s+day|the\s+following\s+day|"
                    r"the\s+next\s+day|the\s+previous\s+day|the\s+day\s+before|the\s+next\s+morning|"
                    r"that\s+night|the\s+same\s+night)\b",
         h.on_anaphor, anchored=True, needs="day night morning"),
    rule("clock", r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)(?!\w))"
                  r"(?:\s+(?P<tz>UTC|GMT|[ECMP][SD]?T)\b)?",
         h.on_clock, anchored=True, needs="am pm a.m p.m"),
    rule("clock-24", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>UTC|GMT)(?P<ap>)\b",
         h.on_clock, anchored=True, needs="utc gmt"),
    rule("noon", r"\b(?i:noon|midnight)\b", h.on_noon, need, anchored=True, needs="noon midnight"),
    # weeks, months, seasons, years and longer
    rule("weekend", r"\b(?P<rel>(?i:the|this\s+past|this\s+coming|this|last|next|past|coming))\s+"
                    r"(?i:weekend)\b",
         h.on_weekend, needs="weekend"),
    rule("relative-unit", rf"\b(?:(?i:earlier|later|early|late|{_PART_OF})\s+)?(?P<rel>(?i:this\s+past|"
                          r"this\s+coming|the\s+coming|this|last|next|current|the\s+current))\s+"
                          r"(?:(?i:fiscal)\s+)?(?P<u>(?i:week|month|year|decade|century|quarter))\b",
         h.on_relative_unit, needs="this last next current coming"),
    rule("part-of-unit", rf"\b(?i:(?:{_PART_OF}|earlier\s+in|later\s+in)\s+the\s+)"
                         r"(?P<u>(?i:week|month|year))\b(?P<rel>)",
         h.on_relative_unit, needs="end beginning start middle rest remainder earlier later"),
    rule("month-year", rf"\b{MODS}{MON},?\s+(?:of\s+)?{YEAR}", h.on_month_year, needs=MONTH_KEYS),
    rule("numeric-month", r"(?<![\d/.])(?P<mn>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)\b(?!/)",
         h.on_month_year, needs="/"),
    rule("month", rf"\b{MODS}(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next))\s+)?{MON_ALONE}"
                  rf"(?:{REL_YEAR})?",
         h.on_month, month_support, needs=MONTH_KEYS),
    rule("season", rf"\b{MODS}(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|the))\s+)?{MODS}"
                   rf"(?P<s>(?i:spring|summer|autumn|winter|fall))\b(?:\s+(?:of\s+)?{YEAR}|{REL_YEAR})?",
         h.on_season, season_support, needs="spring summer autumn winter fall"),
    rule("quarter", rf"\b(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[- ]"
                    rf"(?i:quarter)\b(?:\s+(?:of\s+)?{YEAR_REF})?",
         h.on_part_of_year, needs="quarter"),
    rule("quarter-code", rf"\bQ(?P<q>[1-4])(?:\s+{YEAR})?\b", h.on_part_of_year, needs="q"),
    rule("half", rf"\b(?:(?i:the)\s+)?(?P<h>(?i:first|second|1st|2nd))[- ](?i:half)\s+of\s+{YEAR_REF}",
         h.on_part_of_year, needs="half"),
    rule("year", rf"\b(?:(?P<fyw>(?i:fiscal(?:\s+year)?|FY|the\s+year|calendar\s+year))\s*)?{MODS}{YEAR}",
         h.on_year, year_support, needs=DIGITS),
    rule("decade", rf"(?<![\w'])(?:(?i:the)\s+)?{MODS}(?:(?P<cen>1[0-9]|20)(?P<dec>\d)0'?s\b|"
                   r"'(?P<dec2>\d)0'?s\b|(?<=the\s)(?P<dec3>\d)0's)",
         h.on_decade, needs="0s 0's"),
    rule("decade-word", rf"\b(?i:the)\s+{MODS}(?P<word>(?i:{'|'.join(DECADE_WORDS)}))\b",
         h.on_decade, needs="ties"),
    rule("century", rf"\b(?:(?i:the)\s+)?{MODS}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ORDINAL_WORDS}))"
                    r"[- ](?i:century)\b",
         h.on_century, needs="century"),
    rule("ago", rf"\b{APPROX}(?:{NUM}\s+)?{UNIT}\s+(?i:ago|from\s+now)\b", h.on_ago, needs="ago now"),
    # durations, sets and vague times
    rule("span", r"\b(?i:the)\s+(?P<which>(?i:past|last|next|coming|previous|following|first|final|latest))"
                 rf"\s+(?:{NUM}\s+)?{UNIT}",
         d.on_span, needs="past last next coming previous following first final latest"),
    rule("whole", r"\b(?:(?i:the)\s+)?(?i:all|full|whole|entire)[- ](?P<u>(?i:day|night|week|month|year))\b",
         d.on_whole_unit, needs="all full whole entire"),
    rule("set", rf"\b(?i:every|each|per)\s+(?:(?P<other>(?i:other))\s+)?(?:{NUM}\s+{UNIT}|"
                rf"(?P<x>(?i:{_UNITS_SINGULAR}|{WD_NAMES})\b|{MON_ALONE}))",
         d.on_set, needs="every each per"),
    rule("frequency", rf"\b(?i:once|twice|(?:\w+\s+)times)\s+(?i:a|an|per|each|every)\s+{UNIT}",
         d.on_frequency, needs="once twice times"),
    rule("frequency-word", rf"\b(?i:{'|'.join(FREQUENCIES)})\b",
         d.on_frequency, need, needs=tuple(FREQUENCIES)),
    rule("weekdays", rf"\b(?P<wd>(?i:{WD_NAMES}))s\b", d.on_frequency, veto, needs="days"),
    rule("duration", rf"\b{APPROX}{NUM}(?:[- ]|(?<=\d)){UNIT}",
         d.on_duration, needs="sec min hour hr day night week fortnight month year decade centur"),
    rule("years", r"(?:\b(?i:over\s+the(?:\s+past)?)\s+|(?<=\b[Ff]or\s)|(?<=\b[Ii]n\s))"
                  r"(?P<u>(?i:years|decades|months|weeks|centuries))\b",
         d.on_vague_span, needs="years decades months weeks centuries"),
    rule("vague", r"\b(?i:recent|the\s+coming|the\s+past\s+few|in\s+coming)\s+"
                  r"(?i:years|months|weeks|days|decades)\b|\b(?i:recently|currently|nowadays)\b",
         d.on_vague, needs="recent current nowadays coming past"),
)
