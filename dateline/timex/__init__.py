"""Find time expressions in English news text and normalise them to TIMEX3 values.

Two steps, so that the caller can read the tense from the parse in between:
``scan(text)`` finds candidate expressions with regular expressions, and
``Candidate.resolve(ref, direction)`` turns one into a ``Timex`` against the
publication date ``ref``. ``direction`` says which way an underspecified
expression points: a bare "Sunday" or "March" is the most recent one on or
before ``ref`` unless the clause is future (direction 1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .handlers import Context
from .rules import RULES, Rule
from .values import Point
from .words import ALWAYS, NEVER, TRIGGER_WORDS, VETO

REACH = 60  # characters a time expression may run from its head word ("more than a year and a half ago")
TRIGGER = re.compile(r"[A-Za-z]+\.?|\d+")


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised time expression: TIMEX3 type and value; ``point`` for calendar points."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    point: Point | None = None  # for DATE/TIME expressions that name a stretch of the calendar


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span a rule matched, not yet resolved against a date."""

    start: int
    end: int
    text: str
    rule: Rule
    match: re.Match
    support: str

    def resolve(self, ref: dt.date, direction: int = 0, anchor: dt.date | None = None) -> Timex | None:
        ctx = Context(ref, direction, anchor, self.match.string)
        try:
            found = self.rule.handle(self.match, ctx)
        except (ValueError, OverflowError):  # impossible dates ("February 30") are not times
            return None
        if found is None:
            return None
        kind, value, point = found
        return Timex(self.start, self.end, self.text, kind, value, point)

    def directional(self, ref: dt.date) -> bool:
        """Whether tense changes the value ("Sunday" does, "March 3, 2019" does not)."""
        back, ahead = self.resolve(ref, -1), self.resolve(ref, 1)
        return back is not None and ahead is not None and back.value != ahead.value


def scan(text: str, anchors: Iterable[int] | None = None) -> list[Candidate]:
    """Candidate time expressions in ``text``, longest first where they overlap, in text order.

    Only the text around ``anchors`` (offsets of words that can head a time
    expression, or of digits) is searched; without them they are found here.
    """
    found = []
    for start, end in windows(text, trigger_offsets(text) if anchors is None else anchors):
        lowered = text[start:end].lower()
        for order, rule in enumerate(RULES):
            if rule.needs and not any(key in lowered for key in rule.needs):
                continue
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append((m.start() - m.end(), order, m, rule))
    found.sort(key=lambda item: (item[0], item[1], item[2].start()))
    taken = bytearray(len(text))  # characters already inside a longer match
    chosen = []
    for _, _, m, rule in found:
        start, end = m.span()
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        support = rule.support(m, text)
        if support != NEVER:
            chosen.append(Candidate(start, end, m.group(), rule, m, support))
    chosen.sort(key=lambda c: c.start)
    return chosen


def trigger_offsets(text: str) -> list[int]:
    """Where the words that can head a time expression, and digits, start in ``text``."""
    return [m.start() for m in TRIGGER.finditer(text) if is_trigger(m.group())]


def is_trigger(word: str) -> bool:
    """Whether a word can head a time expression: "Sunday", "Dec.", "years", "2019", "1990s"."""
    low = word.lower()
    return low in TRIGGER_WORDS or low.rstrip(".") in TRIGGER_WORDS or any(ch.isdigit() for ch in low)


def windows(text: str, anchors: Iterable[int]) -> list[tuple[int, int]]:
    """Stretches reaching ``REACH`` characters either side of each anchor, merged, ending at word ends."""
    spans: list[list[int]] = []
    for at in sorted(anchors):
        start, end = max(0, at - REACH), min(len(text), at + REACH)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for span in spans:  # never cut a word in two: a match must not end inside one
        while span[1] < len(text) and text[span[1]].isalnum():
            span[1] += 1
    return [(s, e) for s, e in spans]


def normalise(text: str, ref: dt.date, direction: int = 0) -> list[Timex]:
    """Every time expression in ``text`` that stands without a parser's support, resolved."""
    out = []
    for cand in scan(text):
        if cand.support in (ALWAYS, VETO):
            timex = cand.resolve(ref, direction)
            if timex is not None:
                out.append(timex)
    return out


