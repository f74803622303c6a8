"""The geoparsing and event-location scorers: pure scoring on hand-made cases, slow runs on dev data."""

from __future__ import annotations

import pytest
from conftest import needs_shared

from dateline.evaluate import geo, location
from dateline.evaluate.common import pair_by_overlap
from dateline.evaluate.geo import Guess, Toponym, auc, km, score_recognition, score_resolution
from dateline.evaluate.location import Span, matches, score_locations

CAIRO = Toponym(0, 5, "Cairo", 360630, 30.06, 31.25)
PARIS = Toponym(10, 15, "Paris", 2988507, 48.85, 2.35)
NO_ID = Toponym(20, 28, "Old City", None, 31.78, 35.23)


def test_evaluate_geo_perfect_recognition_scores_one():
    counts = score_recognition([[CAIRO, PARIS]], [[Guess(0, 5), Guess(10, 15)]])
    scores = {s.metric: s.value for s in geo.recognition_scores("lgl", counts)}
    assert scores["recognition_exact_f1"] == 1.0 and scores["recognition_overlap_f1"] == 1.0


def test_evaluate_geo_overlap_counts_what_exact_does_not():
    counts = score_recognition([[CAIRO, PARIS]], [[Guess(0, 4), Guess(30, 35)]])
    assert counts == {"gold": 2, "predicted": 2, "exact": 0, "overlap": 1}
    scores = {s.metric: s.value for s in geo.recognition_scores("lgl", counts)}
    assert scores["recognition_exact_f1"] == 0.0
    assert scores["recognition_overlap_precision"] == 0.5 and scores["recognition_overlap_recall"] == 0.5


def test_evaluate_geo_pairs_one_to_one_largest_overlap_first():
    gold = [Toponym(0, 10), Toponym(12, 20)]
    assert pair_by_overlap(gold, [Guess(0, 20)]) == [(gold[0], Guess(0, 20))]


def test_evaluate_geo_perfect_resolution_scores_one():
    counts = score_resolution([(CAIRO, Guess(0, 5, 360630, 30.06, 31.25)),
                               (PARIS, Guess(10, 15, 2988507, 48.8, 2.3))])
    scores = {s.metric: s.value for s in geo.resolution_scores("lgl", "gold_spans", counts)}
    assert scores["gold_spans_exact"] == 1.0 and scores["gold_spans_acc161"] == 1.0
    assert scores["gold_spans_median_km"] == 0.0 and scores["gold_spans_auc"] == 0.0


def test_evaluate_geo_wrong_namesake_scores_less():
    paris_texas = Guess(10, 15, 4717560, 33.66, -95.56)
    counts = score_resolution([(CAIRO, Guess(0, 5, 360630, 30.06, 31.25)), (PARIS, paris_texas)])
    scores = {s.metric: s.value for s in geo.resolution_scores("lgl", "gold_spans", counts)}
    assert scores["gold_spans_exact"] == 0.5 and scores["gold_spans_acc161"] == 0.5
    assert scores["gold_spans_mean_km"] == pytest.approx(km(48.85, 2.35, 33.66, -95.56) / 2)
    assert 0.0 < scores["gold_spans_auc"] < 1.0


def test_evaluate_geo_scores_places_without_an_id_by_distance_only():
    near = Guess(20, 28, None, 31.77, 35.22)
    counts = score_resolution([(NO_ID, near), (Toponym(0, 3, "Nowhere"), None)])  # no coordinates: skipped
    assert counts["with_id"] == 0 and counts["n"] == 1 and counts["within_161"] == 1


def test_evaluate_geo_an_unresolved_name_is_as_wrong_as_can_be():
    counts = score_resolution([(CAIRO, None)])
    assert counts["exact"] == 0 and counts["errors"] == [geo.MAX_ERROR_KM]
    assert auc(counts["errors"]) == pytest.approx(1.0)


def test_evaluate_geo_distances():
    assert km(30.06, 31.25, 30.06, 31.25) == 0.0
    assert km(48.85, 2.35, 51.51, -0.13) == pytest.approx(343, abs=5)  # Paris - London


def test_evaluate_location_matches_by_offsets_overlap_and_name():
    gold = Span(25, 31, "Nablus")
    assert matches(gold, Span(25, 31, "Nablus"), "exact")
    assert matches(gold, Span(13, 31, "city of Nablus"), "overlap")
    assert not matches(gold, Span(13, 31, "city of Nablus"), "exact")
    assert matches(Span(0, 14, "town of Rafah"), Span(40, 45, "RAFAH"), "name")  # rule 7
    assert not matches(gold, Span(40, 45, "Jenin"), "name")


def test_evaluate_location_counts_no_location_as_a_class():
    perfect = [([Span(0, 5, "Sirte")], Span(0, 5, "Sirte")), ([], None)]
    scores = {s.metric: s.value for s in location.location_scores(score_locations(perfect))}
    assert scores["accuracy_exact"] == 1.0 and scores["accuracy_name"] == 1.0
    assert scores["has_location_f1"] == 1.0 and scores["no_location_recall"] == 1.0
    sirte, cairo = Span(0, 5, "Sirte"), Span(8, 13, "Cairo")
    wrong = [([sirte], None), ([], cairo), ([sirte], cairo)]
    scores = {s.metric: s.value for s in location.location_scores(score_locations(wrong))}
    assert scores["accuracy_name"] == 0.0 and scores["has_location_precision"] == 0.0
    assert scores["no_location_recall"] == 0.0


@pytest.mark.slow
def test_evaluate_geo_lgl_quick_meets_the_floors():
    data = needs_shared("data", "geo-lgl", "lgl.jsonl").parents[1]
    scores = {s.metric: s.value for s in geo.run(data, quick=True, tasks=["lgl"])}
    assert scores["gold_spans_exact"] >= 0.845  # 0.862 when raised
    assert scores["gold_spans_acc161"] >= 0.88  # 0.897
    assert scores["recognition_overlap_f1"] >= 0.77  # 0.788
    assert scores["e2e_found_exact"] >= 0.82  # 0.835


@pytest.mark.slow
def test_evaluate_location_quick_runs_on_the_dev_set():
    data = needs_shared("data", "event-location-halterman", "event_location.dev.jsonl").parents[1]
    scores = {s.metric: s.value for s in location.run(data, quick=True)}
    assert scores["accuracy_name"] >= 0.74  # 0.769 when raised
