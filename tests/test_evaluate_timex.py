"""The time-expression scorers: pure scoring functions on hand-made cases, and slow runs on the dev data."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import needs_shared

from dateline.evaluate import timex
from dateline.evaluate.common import pair_by_overlap
from dateline.evaluate.timex import (
    Case,
    Mention,
    case_correct,
    same_value,
    score_mentions,
    value_matches,
)


def m(start: int, end: int, value: str = "2020", kind: str = "DATE") -> Mention:
    return Mention(start, end, kind, value)


def test_evaluate_timex_pairs_one_to_one_largest_overlap_first():
    gold = [m(0, 10), m(20, 25)]
    predicted = [m(5, 10), m(0, 8), m(30, 35)]
    assert pair_by_overlap(gold, predicted) == [(m(0, 10), m(0, 8))]


def test_evaluate_timex_decades_match_in_both_spellings():
    assert same_value("199", "199X")
    assert same_value("18", "18XX")
    assert same_value("2020-W49", "2020-w49")
    assert not same_value("2020-12", "2020-12-01")
    assert not same_value("199", "1990")


def test_evaluate_timex_counts_strict_relaxed_type_and_value():
    gold = [[m(0, 6, "2020-12-06"), m(10, 20, "P3Y", "DURATION"), m(30, 35, "2019")]]
    predicted = [[m(0, 6, "2020-12-06"), m(12, 20, "P3Y", "DATE"), m(40, 45, "2018")]]
    counts = score_mentions(gold, predicted)
    assert counts == {"gold": 3, "predicted": 3, "strict": 1, "relaxed": 2, "type": 1, "value": 2}
    scores = {s.metric: s.value for s in timex.meantime_scores(counts)}
    assert scores["strict_f1"] == pytest.approx(1 / 3)
    assert scores["relaxed_precision"] == pytest.approx(2 / 3)
    assert scores["type_accuracy"] == pytest.approx(0.5)
    assert scores["value_accuracy"] == pytest.approx(1.0)


def test_evaluate_timex_underspecified_values_match_either_reading():
    past = (dt.date(2016, 10, 2), dt.date(2016, 10, 3))
    future = (dt.date(2017, 10, 2), dt.date(2017, 10, 3))
    assert value_matches("XXXX-10-02", [past, future], "2017-10-02")
    assert value_matches("XXXX-10-02", [past, future], "2016-10-02")
    assert not value_matches("XXXX-10-02", [past, future], "2015-10-02")
    month = (dt.date(2016, 9, 1), dt.date(2016, 10, 1))
    assert value_matches("XXXX-09", [month], "2016-09")
    assert not value_matches("2016-09-16", [month], "2016-09")  # fully specified: exact value only


def test_evaluate_timex_case_needs_exact_spans_and_for_parsers_values():
    def case(parser: bool) -> Case:
        expected = (Mention(8, 14, "DATE", "XXXX-10-02"),)
        readings = (((dt.date(2016, 10, 2), dt.date(2016, 10, 3)),),)
        return Case("DateParser", "back on Oct. 2", dt.date(2016, 11, 7), expected, readings, True, parser)
    assert case_correct(case(True), [Mention(8, 14, "DATE", "2016-10-02")])
    assert not case_correct(case(True), [Mention(8, 14, "DATE", "2016-10-03")])
    assert not case_correct(case(True), [Mention(5, 14, "DATE", "2016-10-02")])
    assert case_correct(case(False), [Mention(8, 14, "DATE", "anything")])
    assert not case_correct(case(False), [Mention(8, 14, "DATE", ""), Mention(0, 4, "DATE", "")])


def test_evaluate_timex_reads_cases_with_bom_and_either_offset_convention(tmp_path):
    parser = [{"Input": "I'll go back Oct. 2", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
               "NotSupported": "python",
               "Results": [{"Text": "Oct. 2", "Type": "date", "Start": 13, "Length": 6,
                            "Value": {"Timex": "XXXX-10-02", "FutureResolution": {"date": "2017-10-02"},
                                      "PastResolution": {"date": "2016-10-02"}}}]}]
    decade = {"timex": "(1990-01-01,2000-01-01,P10Y)", "type": "daterange", "start": "1990-01-01",
              "end": "2000-01-01"}
    model = [{"Input": "Who came in the 1990s?", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
              "Results": [{"Text": "the 1990s", "Start": 12, "End": 20, "TypeName": "datetimeV2.daterange",
                           "Resolution": {"values": [decade]}}]},
             {"Input": "at 7pm", "Results": [{"Text": "7pm", "Start": 3, "End": 5,
                                              "TypeName": "datetimeV2.time", "Resolution": {"values": []}}]}]
    (tmp_path / "DateParser.json").write_text(json.dumps(parser), encoding="utf-8-sig")
    (tmp_path / "DateTimeModel.json").write_text(json.dumps(model), encoding="utf-8-sig")
    (p_case,) = timex.read_cases(tmp_path, "DateParser")
    assert (p_case.expected[0].start, p_case.expected[0].end, p_case.supported) == (13, 19, False)
    assert p_case.alternatives[0] == ((dt.date(2016, 10, 2), dt.date(2016, 10, 3)),
                                      (dt.date(2017, 10, 2), dt.date(2017, 10, 3)))
    (m_case,) = timex.read_cases(tmp_path, "DateTimeModel")  # the time-of-day case is out of scope
    assert m_case.text[m_case.expected[0].start:m_case.expected[0].end] == "the 1990s"
    assert value_matches(m_case.expected[0].value, m_case.alternatives[0], "199X")


def test_evaluate_timex_reports_unsupported_cases_apart():
    ref = dt.date(2016, 11, 7)
    results = [(Case("DateParser", "", ref, (), (), True, True), True),
               (Case("DateParser", "", ref, (), (), True, True), False),
               (Case("DateParser", "", ref, (), (), False, True), False)]
    scores = {s.metric: (s.value, s.n) for s in timex.recognizer_scores(results)}
    assert scores == {"DateParser_accuracy": (0.5, 2), "DateParser_accuracy_not_supported": (0.0, 1)}


@pytest.mark.slow
def test_evaluate_timex_meantime_dev_meets_the_value_floor():
    data = needs_shared("data", "timex-meantime-en").parent
    scores = {s.metric: s for s in timex.run(data, tasks=("meantime",))}
    assert scores["value_accuracy"].value >= 0.90
    assert scores["relaxed_f1"].value >= 0.80
    assert "CREATION_TIME" in scores["strict_f1"].note


@pytest.mark.slow
def test_evaluate_timex_recognizers_text_scores_every_kind():
    data = needs_shared("data", "timex-recognizers-text-en").parent
    scores = {s.metric: s for s in timex.run(data, tasks=("recognizers-text",))}
    assert {f"{kind}_accuracy" for kind in timex.KINDS} <= set(scores)
    assert scores["DurationParser_accuracy"].value >= 0.7
