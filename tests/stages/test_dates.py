"""The dates stage on sentences written for these tests: times found, resolved by tense, events dated."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.ingest import find_dateline
from dateline.model import Article, CodedArticle
from dateline.stages.dates import date_event, find_timexes, resolve_dates

MONDAY = dt.date(2020, 12, 7)


def coded_of(nlp, resources, text: str, day: dt.date = MONDAY, dateline: bool = False):
    span = find_dateline(text) if dateline else None
    article = Article("t", text, day, dateline_start=span[0] if span else None,
                      dateline_end=span[1] if span else None)
    doc = nlp(text)
    return doc, resolve_dates(doc, CodedArticle(article), resources)


def times_of(nlp, resources, text: str, day: dt.date = MONDAY):
    _, coded = coded_of(nlp, resources, text, day)
    return [(t.text, t.value, t.precision) for t in coded.times]


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_dates_bare_weekday_is_the_last_one_before_publication(nlp, resources):
    found = times_of(nlp, resources, "Haftar met Sisi in Cairo on Sunday.")
    assert found == [("Sunday", "2020-12-06", "day")]


def test_dates_weekday_of_publication_is_that_day(nlp, resources):
    sunday = dt.date(2020, 12, 6)
    assert times_of(nlp, resources, "Haftar met Sisi in Cairo on Sunday.", sunday)[0][1] == "2020-12-06"


@pytest.mark.parametrize(("text", "value"), [
    ("The two leaders will meet again on Sunday.", "2020-12-13"),
    ("The trial is set to begin on Wednesday in London.", "2020-12-09"),
    ("Haftar is due to visit Paris on Thursday.", "2020-12-10"),
    ("The government plans to hold elections in March.", "2021-03"),
    ("Markets will remain closed until Friday.", "2020-12-11"),
    ("The airliner will carry its livery when it arrives on November 11.", "2021-11-11"),
])
def test_dates_future_clause_points_ahead(nlp, resources, text, value):
    assert times_of(nlp, resources, text)[0][1] == value


@pytest.mark.parametrize(("text", "value"), [
    ("Sales fell in March.", "2020-03"),
    ("Rebels seized the town on December 9.", "2019-12-09"),
    ("Officials said he had arrived on Thursday.", "2020-12-03"),
])
def test_dates_past_and_unmarked_clauses_point_back(nlp, resources, text, value):
    assert times_of(nlp, resources, text)[0][1] == value


def test_dates_without_tense_take_the_nearest_year(nlp, resources):
    march = dt.date(2009, 3, 24)
    assert times_of(nlp, resources, "The calendar lists May 8 as the start.", march)[0][1] == "2009-05-08"
    assert times_of(nlp, resources, "He was set to die on Feb. 26.", march)[0][1] == "2009-02-26"


@pytest.mark.parametrize(("text", "expected"), [
    ("Protests spread last week.", ("last week", "2020-W49", "week")),
    ("Prices rose earlier this month.", ("earlier this month", "2020-12", "month")),
    ("The accord was signed last year.", ("last year", "2019", "year")),
    ("The conflict began in the 1990s.", ("the 1990s", "199X", "decade")),
    ("Clashes erupted on Tuesday night.", ("Tuesday night", "2020-12-01", "day")),
    ("Shots were heard this morning.", ("this morning", "2020-12-07", "day")),
    ("The deal was reached on 3 March 2019.", ("3 March 2019", "2019-03-03", "day")),
])
def test_dates_keep_their_granularity(nlp, resources, text, expected):
    assert times_of(nlp, resources, text) == [expected]


def test_dates_time_refs_carry_the_first_day_they_cover(nlp, resources):
    _, coded = coded_of(nlp, resources, "Protests spread last week and in the 1990s.")
    assert [t.date for t in coded.times] == [dt.date(2020, 11, 30), dt.date(1990, 1, 1)]
    assert set(coded.times[0].to_dict()) == {"text", "start", "end", "value", "precision"}
    text = coded.article.text
    assert all(text[t.start:t.end] == t.text for t in coded.times)


def test_dates_durations_and_sets_are_not_calendar_points(nlp, resources):
    text = "The war lasted three years and delegates meet every Monday."
    assert times_of(nlp, resources, text) == []
    found = {t.text: (t.type, t.value) for t in find_timexes(nlp(text), MONDAY)}
    assert found == {"three years": ("DURATION", "P3Y"), "every Monday": ("SET", "XXXX-WXX-1")}


@pytest.mark.parametrize("text", [
    "June Carter sang for the troops.",
    "About 2019 people protested.",
    "A 16-year-old boy was hurt.",
    "Thousands march on the capital.",
])
def test_dates_names_quantities_and_ages_are_not_times(nlp, resources, text):
    assert times_of(nlp, resources, text) == []


def test_dates_clock_time_takes_the_day_of_its_sentence(nlp, resources):
    found = find_timexes(nlp("At 7 p.m. on Sunday, the attack began."), MONDAY)
    assert [(t.text, t.value) for t in found] == [("7 p.m.", "2020-12-06T19:00"), ("Sunday", "2020-12-06")]


def test_dates_stage_survives_odd_text(nlp, resources):
    for text in ("", "February 30, 2020 and 99/99/9999", "\n\n2019-13-45 \u2013 Q9"):
        _, coded = coded_of(nlp, resources, text)
        assert all(t.date is not None for t in coded.times)


# ---------------------------------------------------------------- event dates

def test_dates_event_takes_its_own_clause_time(nlp, resources):
    wednesday = dt.date(2020, 12, 9)
    text = "Officials said on Monday that rebels attacked Sirte on Sunday."
    doc, coded = coded_of(nlp, resources, text, wednesday)
    assert date_event(token(doc, "attacked"), coded) == (dt.date(2020, 12, 6), "day", "2020-12-06")
    assert date_event(token(doc, "said"), coded) == (dt.date(2020, 12, 7), "day", "2020-12-07")


def test_dates_event_noun_with_possessive_time(nlp, resources):
    doc, coded = coded_of(nlp, resources, "Sunday's attack killed five soldiers near Sirte.")
    assert date_event(token(doc, "attack"), coded)[0] == dt.date(2020, 12, 6)


def test_dates_event_falls_back_on_its_sentence(nlp, resources):
    doc, coded = coded_of(nlp, resources, "On Sunday, police said militants had attacked the convoy.")
    assert date_event(token(doc, "attacked"), coded)[0] == dt.date(2020, 12, 6)


def test_dates_event_falls_back_on_publication_date(nlp, resources):
    doc, coded = coded_of(nlp, resources, "Militants attacked the convoy. Talks resume on Sunday.")
    assert date_event(token(doc, "attacked"), coded) == (MONDAY, "day", None)


def test_dates_coarse_event_date_is_the_first_day_it_covers(nlp, resources):
    doc, coded = coded_of(nlp, resources, "Protesters marched through Cairo last week.")
    assert date_event(token(doc, "marched"), coded) == (dt.date(2020, 11, 30), "week", "2020-W49")


def test_dates_future_event_may_lie_after_publication(nlp, resources):
    doc, coded = coded_of(nlp, resources, "The two leaders will meet in Paris on Thursday.")
    assert date_event(token(doc, "meet"), coded) == (dt.date(2020, 12, 10), "day", "2020-12-10")


def test_dates_dateline_is_not_an_event_time(nlp, resources):
    text = "BAGHDAD, March 3 (Reuters) - Militants attacked a checkpoint north of the city."
    doc, coded = coded_of(nlp, resources, text, dt.date(2020, 3, 4), dateline=True)
    assert [t.text for t in coded.times] == ["March 3"]
    assert date_event(token(doc, "attacked"), coded) == (dt.date(2020, 3, 4), "day", None)


def test_dates_relative_clause_time_dates_only_its_own_clause(nlp, resources):
    text = "The war, which began in April 2023, has displaced millions of people."
    doc, coded = coded_of(nlp, resources, text)
    assert date_event(token(doc, "displaced"), coded) == (MONDAY, "day", None)
    assert date_event(token(doc, "began"), coded) == (dt.date(2023, 4, 1), "month", "2023-04")
