"""The time-expression grammar and calendar arithmetic on hand-written phrases (no parser)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex import normalise, scan
from dateline.timex import values as tv
from dateline.timex.words import NEED, VETO, number

MONDAY = dt.date(2020, 12, 7)  # a Monday; ISO week 50


def only(text: str, ref: dt.date = MONDAY, direction: int = 0):
    """The single expression found in ``text``: (text, type, value, precision)."""
    found = normalise(text, ref, direction)
    assert len(found) == 1, found
    t = found[0]
    return t.text, t.type, t.value, t.point.precision if t.point else None


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("They met on Sunday.", 0, ("Sunday", "DATE", "2020-12-06", "day")),
    ("They will meet on Sunday.", 1, ("Sunday", "DATE", "2020-12-13", "day")),
    ("It happened yesterday.", 0, ("yesterday", "DATE", "2020-12-06", "day")),
    ("He spoke today.", 0, ("today", "DATE", "2020-12-07", "day")),
    ("He spoke last week.", 0, ("last week", "DATE", "2020-W49", "week")),
    ("It rose earlier this month.", 0, ("earlier this month", "DATE", "2020-12", "month")),
    ("It fell last year.", 0, ("last year", "DATE", "2019", "year")),
    ("Talks began in March.", -1, ("March", "DATE", "2020-03", "month")),
    ("Talks begin in March.", 1, ("March", "DATE", "2021-03", "month")),
    ("It opened on March 3.", -1, ("March 3", "DATE", "2020-03-03", "day")),
    ("It opened on 3 March 2019.", 0, ("3 March 2019", "DATE", "2019-03-03", "day")),
    ("It grew in the 1990s.", 0, ("the 1990s", "DATE", "199X", "decade")),
    ("It grew in 2019.", 0, ("2019", "DATE", "2019", "year")),
    ("Signed Dec. 7.", 0, ("Dec. 7", "DATE", "2020-12-07", "day")),
    ("Shots rang out this morning.", 0, ("this morning", "TIME", "2020-12-07TMO", "day")),
    ("Shots rang out Tuesday night.", 0, ("Tuesday night", "TIME", "2020-12-01TNI", "day")),
    ("It was built in the 19th century.", 0, ("the 19th century", "DATE", "18XX", "century")),
    ("Profits rose in the third quarter of 2009.", 0,
     ("the third quarter of 2009", "DATE", "2009-Q3", "year")),
    ("They met this weekend.", 0, ("this weekend", "DATE", "2020-W50-WE", "week")),
    ("It closed two weeks ago.", 0, ("two weeks ago", "DATE", "2020-W48", "week")),
    ("It closed five years ago.", 0, ("five years ago", "DATE", "2015", "year")),
    ("They met last Monday.", 0, ("last Monday", "DATE", "2020-11-30", "day")),
    ("They meet next Friday.", 1, ("next Friday", "DATE", "2020-12-18", "day")),
    ("They met on Christmas Day.", -1, ("Christmas Day", "DATE", "2019-12-25", "day")),
    ("It ends in mid-2011.", 0, ("mid-2011", "DATE", "2011", "year")),
    ("Prices rose the end of last year.", 0, ("the end of last year", "DATE", "2019", "year")),
    ("It shipped on 2019-03-04.", 0, ("2019-03-04", "DATE", "2019-03-04", "day")),
    ("It shipped on 6/12/2019.", 0, ("6/12/2019", "DATE", "2019-06-12", "day")),
    ("They met on the first Friday of July.", -1, ("the first Friday of July", "DATE", "2020-07-03", "day")),
    ("They meet Tuesday next week.", 0, ("Tuesday next week", "DATE", "2020-12-15", "day")),
    ("It is due on the 20th of next month.", 0, ("the 20th of next month", "DATE", "2021-01-20", "day")),
    ("It began on the twenty second of June.", -1,
     ("the twenty second of June", "DATE", "2020-06-22", "day")),
])
def test_timexes_normalise_against_publication_date(text, direction, expected):
    assert only(text, MONDAY, direction) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("It lasted three years.", ("three years", "DURATION", "P3Y", None)),
    ("a four-week streak", ("four-week", "DURATION", "P4W", None)),
    ("over the past three years", ("the past three years", "DURATION", "P3Y", None)),
    ("It took half an hour.", ("half an hour", "DURATION", "PT0.5H", None)),
    ("a year and a half", ("a year and a half", "DURATION", "P1.5Y", None)),
    ("They meet every Monday.", ("every Monday", "SET", "XXXX-WXX-1", None)),
    ("15 planes a year", ("a year", "SET", "P1Y", None)),
    ("twice a week", ("twice a week", "SET", "P1W", None)),
    ("in recent years", ("recent years", "DATE", "PAST_REF", None)),
])
def test_timexes_durations_sets_and_vague_times_have_no_calendar_point(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text", [
    "a 16-year-old boy", "the three-year-old", "He is 41 years old.", "a girl less than 8 years of age",
    "a nearly 63-year-old case", "protesters march on",
    "They may 5 times", "the fall of Kabul", "Super Tuesday", "first May", "a second term", "the first year",
])
def test_timexes_not_time_expressions(text):
    assert normalise(text, MONDAY) == []


def test_timexes_year_of_a_month_or_day_follows_the_tense():
    ref = dt.date(2020, 2, 10)
    assert only("on March 3", ref, -1)[2] == "2019-03-03"  # past: the last one
    assert only("on March 3", ref, 1)[2] == "2020-03-03"  # future: the next one
    assert only("on March 3", ref, 0)[2] == "2020-03-03"  # tense unsaid: the nearest
    assert only("on January 3", ref, 0)[2] == "2020-01-03"
    assert only("in December", ref, 0)[2] == "2019-12"
    assert only("in February", ref, 1)[2] == "2020-02"  # not over yet
    assert only("this December", ref, -1)[2] == "2020-12"
    assert only("on February 29", dt.date(2021, 3, 1), -1)[2] == "2020-02-29"


def test_timexes_weekday_on_publication_day_is_that_day():
    sunday = dt.date(2020, 12, 6)
    assert only("on Sunday", sunday)[2] == "2020-12-06"
    assert only("on Sunday", sunday, 1)[2] == "2020-12-06"
    assert only("last Sunday", sunday)[2] == "2020-11-29"


def test_timexes_year_phrase_after_a_month_is_its_own_expression():
    found = normalise("in October of next year", MONDAY)
    assert [(t.text, t.value) for t in found] == [("October", "2021-10"), ("next year", "2021")]


def test_timexes_in_n_units_is_a_point_only_in_a_future_clause():
    assert only("finished in two years", MONDAY, 1)[1:3] == ("DATE", "2022")
    assert only("the first time in two years", MONDAY, -1)[1:3] == ("DURATION", "P2Y")


def test_timexes_longest_match_wins():
    texts = [c.text for c in scan("Monday, March 3, 2019 and more than a year and a half ago")]
    assert texts == ["Monday, March 3, 2019", "more than a year and a half ago"]


def test_timexes_ambiguous_words_wait_for_the_parser():
    support = {c.text: c.support for c in scan("The 1985 law. In 2019. The Long March. June.")}
    assert support == {"1985": NEED, "2019": VETO, "March": NEED, "June": VETO}


def test_timexes_expressions_never_cross_a_line_break():
    assert [t.text for t in normalise("closed until Friday\nSeptember 18, 2008", MONDAY)] == [
        "Friday", "September 18, 2008"]


def test_timexes_directional_only_when_tense_matters():
    by_text = {c.text: c.directional(MONDAY) for c in scan("Sunday, March 3, 2019, last week and March")}
    assert by_text == {"Sunday, March 3, 2019": False, "last week": False, "March": True}


def test_timexes_scan_near_anchors_finds_what_a_full_scan_finds():
    text = ("Rebels attacked Sirte on Sunday. " + "Nothing happened here at all. " * 10
            + "Talks resume in March 2021, officials said Tuesday night.")
    everywhere = range(0, len(text) + 1, 20)
    assert [c.text for c in scan(text)] == [c.text for c in scan(text, everywhere)] == [
        "Sunday", "March 2021", "Tuesday night"]


def test_timexes_impossible_dates_are_dropped():
    assert normalise("on February 30", MONDAY) == []


@pytest.mark.parametrize(("text", "value"), [
    ("twenty-five", 25), ("a couple of", 2), ("two and a half", 2.5), ("12", 12), ("one hundred", 100),
    ("several", None), ("a few", None),
])
def test_timexes_number_words(text, value):
    assert number(text) == value


def test_timexes_calendar_points():
    day = dt.date(2020, 12, 9)
    assert tv.week(day) == tv.Point("2020-W50", "week", dt.date(2020, 12, 7))
    assert tv.weekend(day) == tv.Point("2020-W50-WE", "week", dt.date(2020, 12, 12))
    assert tv.week(dt.date(2021, 1, 2)).value == "2020-W53"
    assert tv.decade(1994) == tv.Point("199X", "decade", dt.date(1990, 1, 1))
    assert tv.century(1850) == tv.Point("18XX", "century", dt.date(1800, 1, 1))
    assert tv.quarter(2009, 3).date == dt.date(2009, 7, 1)
    assert tv.add_months(2020, 12, 1) == (2021, 1)
    assert tv.add_months(2020, 1, -1) == (2019, 12)


def test_timexes_weekday_near():
    wednesday = dt.date(2020, 12, 9)
    assert tv.weekday_near(wednesday, 6, -1) == dt.date(2020, 12, 6)
    assert tv.weekday_near(wednesday, 6, 1) == dt.date(2020, 12, 13)
    assert tv.weekday_near(wednesday, 2, -1) == wednesday
    assert tv.weekday_near(wednesday, 2, -1, strict=True) == dt.date(2020, 12, 2)


@pytest.mark.parametrize(("name", "year", "day"), [
    ("Easter", 2018, dt.date(2018, 4, 1)), ("Easter", 2024, dt.date(2024, 3, 31)),
    ("Good Friday", 2020, dt.date(2020, 4, 10)), ("Thanksgiving", 2020, dt.date(2020, 11, 26)),
    ("Black Friday", 2010, dt.date(2010, 11, 26)), ("Memorial Day", 2021, dt.date(2021, 5, 31)),
    ("new year's eve", 2020, dt.date(2020, 12, 31)),
])
def test_timexes_holidays(name, year, day):
    assert tv.holiday(name, year) == day


@pytest.mark.parametrize(("value", "first", "after"), [
    ("2020-12-06", dt.date(2020, 12, 6), dt.date(2020, 12, 7)),
    ("2020-W49", dt.date(2020, 11, 30), dt.date(2020, 12, 7)),
    ("2020-W49-WE", dt.date(2020, 12, 5), dt.date(2020, 12, 7)),
    ("2020-12", dt.date(2020, 12, 1), dt.date(2021, 1, 1)),
    ("2020-Q4", dt.date(2020, 10, 1), dt.date(2021, 1, 1)),
    ("2020-H1", dt.date(2020, 1, 1), dt.date(2020, 7, 1)),
    ("2020-SU", dt.date(2020, 6, 1), dt.date(2020, 9, 1)),
    ("2020", dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
    ("199X", dt.date(1990, 1, 1), dt.date(2000, 1, 1)),
    ("199", dt.date(1990, 1, 1), dt.date(2000, 1, 1)),
    ("18XX", dt.date(1800, 1, 1), dt.date(1900, 1, 1)),
])
def test_timexes_interval_of_a_value(value, first, after):
    assert tv.interval(value) == (first, after)


@pytest.mark.parametrize("value", ["P3Y", "PAST_REF", "XXXX-WXX-1", "2020-13"])
def test_timexes_interval_of_a_non_date_is_none(value):
    assert tv.interval(value) is None
