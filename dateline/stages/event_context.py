"""Is a reported act news? Background clauses, tallies, habits, standing positions and history.

News sentences mention many acts besides the one they report: the attack a war began with, the
toll since it began, what two governments "have repeatedly clashed" over, what voters
"support". Each helper here names one such kind, from the parse (and, for history, the dates
the article gives); the coder drops them or gives them less weight.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Token

from ..model import CodedArticle
from . import dates
from .tokens import children_of, sentence_of

# Adverbs that make an act a habit, not an event: "have clashed repeatedly", "routinely shoots".
HABITUAL = frozenset({"repeatedly", "often", "regularly", "frequently", "routinely", "usually", "always",
                      "constantly", "periodically", "traditionally", "habitually", "sometimes", "occasionally",
                      "continually", "generally", "typically"})
# Words of a recent starting point: "since Sunday evening" dates an act, it does not tally a war.
RECENT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                    "morning", "evening", "night", "dawn", "midnight", "noon", "hours", "overnight", "today"})
# Days before publication after which a dated act is history, not news.
HISTORY_DAYS = 60
# Times that name their year ("October 7, 2023", "in 1991", "18 years ago", "the 1990s").
EXPLICIT_YEAR = re.compile(r"\b(1[5-9]|20)\d\d|\b(years?|decades?|centur(y|ies)) ago\b", re.IGNORECASE)


def is_tally(anchor: Token) -> bool:
    """A toll or tally over time ("have been killed since the war began", "has displaced millions so far"),
    not an act of the last hours ("have been bombed since Sunday evening")."""
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in children_of(anchor))
    if not perfect:
        return False
    near = [c for c in anchor.subtree if c.head.i == anchor.i or c.head.head.i == anchor.i]
    for word in near:
        if word.lower_ == "since" and word.dep_ == "prep":
            return not any(RECENT.intersection(t.lower_ for t in word.subtree))
        if word.lower_ == "since" and word.dep_ == "mark" or word.dep_ == "advcl" and any(
                g.lower_ == "since" for g in children_of(word)):
            return True
        if word.lower_ in ("far", "date") and word.dep_ in ("advmod", "pobj") or word.dep_ == "advmod" and word.lower_ == "so":
            return True
    return False


def in_circumstance(anchor: Token, preps: frozenset[str]) -> bool:
    """Is the act named in a phrase of time or cause ("since the invasion", "after a week of unrest")?"""
    node = anchor
    for _ in range(3):
        if node.dep_ not in ("pobj", "pcomp") or node.head.i == node.i:
            return False
        if node.head.lower_ in preps:
            return True
        node = node.head.head if node.head.lower_ == "of" else node.head
    return False


def is_background(anchor: Token) -> bool:
    """Is the act told in a relative or adverbial clause ("whom they had taken", "after the attack")?"""
    if anchor.dep_ in ("relcl", "acl"):
        # With no verb at the root the parser missed the main clause ("Some 50 women today protested ...").
        return sentence_of(anchor).root.pos_ in ("VERB", "AUX")
    return anchor.dep_ == "advcl" and any(c.dep_ == "mark" for c in children_of(anchor))



def is_habit(anchor: Token) -> bool:
    """An act told as a habit or a state: "have clashed repeatedly", "Egypt, which hosts refugees"."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in children_of(anchor)):
        return True
    if anchor.dep_ == "conj" and any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in children_of(anchor.head)):
        return True  # "have clashed repeatedly ..., but have cooperated on security"
    # A relative clause in the simple present describes its noun: "Egypt, which hosts refugees".
    return anchor.dep_ == "relcl" and anchor.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in children_of(anchor))


def stale(anchor: Token, stance_verbs: frozenset[str]) -> bool:
    """A standing position in the simple present, not an act: "most voters support the farmers"."""
    return anchor.lemma_.lower() in stance_verbs and anchor.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in children_of(anchor))


def out_of_date(anchor: Token, coded: CodedArticle) -> bool:
    """Is the act dated, in its own clause and with its year, well before the article ("the attack on
    October 7, 2023", "expelled them 18 years ago")?"""
    published = coded.article.date
    sent = sentence_of(anchor)
    for time in coded.times:
        if time.date is None or not sent.start_char <= time.start < sent.end_char:
            continue
        if not EXPLICIT_YEAR.search(time.text):
            continue  # "on September 29": placed by the publication date, which may be only a guess
        rank = dates.attachment_rank(anchor, time)
        if rank is not None and rank <= 1 and (published - _period_end(time.date, time.precision)).days > HISTORY_DAYS:
            return True
    return False


def _period_end(first: dt.date, precision: str) -> dt.date:
    """The last day a time value covers: a month's last day, a year's December 31."""
    if precision == "week":
        return first + dt.timedelta(days=6)
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if precision == "year":
        return first.replace(month=12, day=31)
    if precision in ("decade", "century"):
        return first.replace(year=first.year + (9 if precision == "decade" else 99), month=12, day=31)
    return first
