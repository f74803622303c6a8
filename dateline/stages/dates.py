"""Stage dates: every time expression resolved against the publication date; event dates.

Candidates come from the grammar in ``dateline.timex``; spaCy's DATE/TIME
entities confirm the ambiguous ones (a bare "2019", "May") and veto names
("June" the person). The dependency parse gives each expression its clause,
whose tense decides which way a bare "Sunday" or "March" points: a weekday
back from the publication date unless the clause is future ("will meet on
Sunday"); a month or day back in a past clause, ahead in a future one, and to
the nearest when the clause has no tense.
"""

from __future__ import annotations

import datetime as dt

from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Span, Token

from ..ingest import DATELINE
from ..model import Article, CodedArticle, TimeRef
from ..resources import Resources
from ..timex import Candidate, Timex, is_trigger, scan
from ..timex.words import NEED, VETO
from .tokens import doc_text, sentence_of

TIME_LABELS = frozenset({"DATE", "TIME"})
# Entities that make a VETO candidate a name, not a time ("June Carter", "Sunday Times").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP",
                         "LANGUAGE", "MONEY", "PERCENT"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "could", "might", "may", "should",
                        "must"})
# Heads whose infinitive complement lies ahead: "plans to meet", "is due to vote", "is going to sign".
FUTURE_GOVERNORS = frozenset({"plan", "expect", "schedule", "due", "set", "intend", "aim", "hope", "prepare",
                              "want", "seek", "vow", "pledge", "promise", "threaten", "agree", "decide",
                              "likely", "slate", "go", "propose", "wish", "poise", "expected", "scheduled",
                              "planned"})
FUTURE_MODIFIERS = frozenset({"upcoming", "forthcoming", "coming", "next", "planned", "scheduled",
                              "proposed"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "note", "explain", "announce", "ask", "confirm", "state",
                          "write"})
# A verb in these relations modifies a word rather than heading a clause ("mounting concerns").
NON_CLAUSE_DEPS = frozenset({"amod", "aux", "auxpass", "compound"})


def resolve_dates(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``coded.times`` with the calendar points the article names."""
    times = tuple(time_ref(t) for t in find_timexes(doc, coded.article.date) if t.point is not None)
    return coded.replace(times=times)


def time_ref(timex: Timex) -> TimeRef:
    point = timex.point
    return TimeRef(timex.text, timex.start, timex.end, point.value, point.precision, point.date)


def find_timexes(doc: Doc, ref: dt.date) -> list[Timex]:
    """Every time expression in the parsed text (durations and sets too), resolved against ``ref``."""
    kept = [c for c in scan(doc_text(doc), anchors(doc)) if supported(doc, c)]
    resolved: dict[int, Timex] = {}
    for cand in kept:
        if not cand.rule.anchored:
            direction = clause_direction(doc, cand) if cand.directional(ref) else 0
            timex = cand.resolve(ref, direction)
            if timex is not None:
                resolved[cand.start] = timex
    days = sorted((t for t in resolved.values() if t.point and t.point.precision == "day"),
                  key=lambda t: t.start)
    for cand in kept:
        if cand.rule.anchored:
            timex = cand.resolve(ref, 0, anchor_day(doc, cand, days))
            if timex is not None:
                resolved[cand.start] = timex
    return [resolved[k] for k in sorted(resolved)]


def anchors(doc: Doc) -> list[int]:
    """Offsets of the tokens that can head a time expression, read from the Doc's arrays."""
    strings = doc.vocab.strings
    out = []
    for lower, idx in doc.to_array([LOWER, IDX]).tolist():
        hit = _TRIGGER_CACHE.get(lower)
        if hit is None:
            if len(_TRIGGER_CACHE) >= 200_000:  # a corpus's vocabulary has no end: start afresh
                _TRIGGER_CACHE.clear()
            hit = _TRIGGER_CACHE[lower] = is_trigger(strings[lower])
        if hit:
            out.append(idx)
    return out


_TRIGGER_CACHE: dict[int, bool] = {}  # lexeme hash -> whether it can head a time expression


def supported(doc: Doc, cand: Candidate) -> bool:
    """Whether spaCy's entities and the parse agree that the candidate is a time expression."""
    if cand.support not in (NEED, VETO):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return cand.support == VETO
    labels = {token.ent_type_ for token in span}
    if is_name(span):
        return False
    if cand.support == NEED:
        return bool(labels & TIME_LABELS)
    return not labels & NAME_LABELS


def is_name(span: Span) -> bool:
    """A lone month or weekday that is part of a name: "June Carr", "January said" (a surname)."""
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ == "PROPN" and not is_trigger(root.head.text):
        return True
    speaker = root.head.lemma_ in SPEECH_VERBS and root.dep_ in ("nsubj", "npadvmod")
    return speaker and not any(c.dep_ == "nsubj" and c.i != root.i for c in root.head.children)


def anchor_day(doc: Doc, cand: Candidate, days: list[Timex]) -> dt.date | None:
    """The day a clock time (its sentence's day) or "that day" (the last day named) hangs on."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    sent = span.sent if span is not None else None
    if sent is not None:
        near = [t for t in days if sent.start_char <= t.start < sent.end_char and t.start != cand.start]
        if near:
            return min(near, key=lambda t: abs(t.start - cand.start)).point.date
    earlier = [t for t in days if t.end <= cand.start]
    return earlier[-1].point.date if earlier else None


# ---------------------------------------------------------------- clauses and tense

def clause_direction(doc: Doc, cand: Candidate) -> int:
    """1 if the expression's clause points ahead of the publication date, -1 if back, 0 if unsaid."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return 0
    head = governor(span)
    verb = clause_head(head)
    if any(c.lower_ in FUTURE_MODIFIERS for c in head.children if c.dep_ == "amod"):
        return 1
    if is_future(verb):
        return 1
    if is_past(verb):
        return -1
    if preposition(span) in ("until", "till", "through", "by"):
        return 1  # "closed until Friday", "cut jobs by June": a state or deadline ahead

    return 0


# Dependencies of a time that modifies a noun before it: "the 1985 murder", "Sunday's attack".
NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})


def governor(span: Span) -> Token:
    """The word a time expression modifies: "met" in "met on Sunday", "attack" in "Sunday's attack",
    "murder" in "held as a witness in the 1985 murder" (a noun's modifier dates the noun only)."""
    token = span.root
    if token.dep_ in NOUN_MODIFIERS and token.head.pos_ in ("NOUN", "PROPN") and not (
            span.start <= token.head.i < span.end):
        return token.head
    while token.head.i != token.i and (span.start <= token.i < span.end or token.dep_ in ("prep", "pobj")):
        token = token.head
    return token


def preposition(span: Span) -> str | None:
    """The preposition that introduces a time expression ("until" in "until Friday"), if any."""
    token = span.root
    for _ in range(3):
        if token.dep_ == "prep":
            return token.lower_
        if token.head.i == token.i:
            break
        token = token.head
    return None


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` sits in (the token itself for a verb)."""
    while token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in NON_CLAUSE_DEPS:
            break
        token = token.head
    return token


def is_future(verb: Token) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in FUTURE_AUX for c in aux) and not any(c.lemma_ == "have" for c in aux):
        return True
    if verb.lemma_ in ("schedule", "slate", "due", "plan") and verb.tag_ == "VBN":
        return True  # "scheduled for Sunday"
    if verb.head.i == verb.i:  # a headline's "Markets to remain closed until Friday"
        return any(c.tag_ == "TO" for c in aux)
    if verb.dep_ == "xcomp":
        head = verb.head
        if is_past(head):  # "he was set to die on Feb. 26": ahead of the past, not of today
            return False
        return head.lemma_ in FUTURE_GOVERNORS or head.lower_ in FUTURE_GOVERNORS or is_future(head)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBP"):
        return is_future(clause_head(verb.head))  # "will wear it when it arrives on Monday"
    return False


def is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(c.tag_ == "VBD" for c in aux) or (verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux))


# ---------------------------------------------------------------- event dates

def date_event(trigger: Token, coded: CodedArticle) -> tuple[dt.date, str, str | None]:
    """(date, precision, value) of the event whose trigger is this token.

    The time of the trigger's own clause, else one governing it, else the nearest in its
    sentence, else the publication date (precision "day", value None). A time inside a
    relative clause describes its noun ("the war, which began in 2023, has displaced..."),
    so it dates only events in that clause.
    """
    sent = sentence_of(trigger)
    skip = dateline_end(coded.article)
    ranked = [(attachment_rank(trigger, t), abs(t.start - trigger.idx), t) for t in coded.times
              if t.date is not None and t.start >= skip and sent.start_char <= t.start < sent.end_char]
    ranked = [item for item in ranked if item[0] is not None]
    if not ranked:
        return coded.article.date, "day", None
    best = min(ranked, key=lambda item: item[:2])[2]
    return best.date, best.precision, best.value


def attachment_rank(trigger: Token, time: TimeRef) -> int | None:
    """0 on the trigger, 1 in its clause, 2 in a clause governing it, 3 elsewhere in the sentence.

    None for a time in a relative clause that does not hold the trigger, or that dates a noun
    inside another noun's phrase ("a witness in the 1985 murder").
    """
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return 3
    head = governor(span)
    if head == trigger:
        return 0
    if head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN") and head.head.head != trigger:
        return None  # "held as a witness in the 1985 murder": the year dates the murder, not the holding
    clause = clause_head(trigger)
    time_clause = clause_head(head)
    if time_clause == clause:
        return 1
    if time_clause in clause.ancestors:
        return 2
    return None if time_clause.dep_ in ("relcl", "acl") else 3


def dateline_end(article: Article) -> int:
    """Where the dateline ("BAGHDAD, March 3 (Reuters) -") ends; its date is no event's."""
    if article.dateline_start is None:
        return 0
    match = DATELINE.match(article.text)
    return match.end() if match else article.dateline_end or 0
