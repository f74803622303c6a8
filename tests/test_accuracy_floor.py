"""CI accuracy floors: the ``--quick`` subsets must not score below the figures last measured on them.

Each floor sits a little under the figure ``dateline evaluate --quick`` gave when
docs/accuracy.md was last regenerated, so a change that loses accuracy fails CI.
When accuracy improves, raise the floors in the same commit. Owners of other
scorers add their tasks' floors here the same way.
"""

from __future__ import annotations

import pytest
from conftest import needs_shared

from dateline.evaluate.runner import OK, run_tasks

# task -> metric -> lowest acceptable value on the quick subset
FLOORS: dict[str, dict[str, float]] = {
    "plover-gsr": {"event_type_accuracy": 0.94, "event_type_macro_f1": 0.95, "triple_f1": 0.80,
                   "source_country_accuracy": 0.96, "target_country_accuracy": 0.90},
    "cameo-examples": {"root_accuracy": 0.97, "plover_type_accuracy": 0.97, "cameo3_accuracy": 0.87},
    "conflibert": {"relevance_f1": 0.95, "cameo_root_accuracy": 0.85},
    "petrarch2": {"records_reproduced": 0.04, "dyad_recall": 0.24},
    "meantime": {"value_accuracy": 0.90, "type_accuracy": 0.92, "relaxed_f1": 0.85, "strict_f1": 0.84},
    "lgl": {"gold_spans_exact": 0.845, "gold_spans_acc161": 0.88, "e2e_found_exact": 0.82,
            "e2e_found_acc161": 0.86, "recognition_overlap_f1": 0.77},
    "geowebnews": {"gold_spans_exact": 0.83, "gold_spans_acc161": 0.82, "e2e_found_exact": 0.85,
                   "e2e_found_acc161": 0.875, "recognition_overlap_f1": 0.77},
    "event-location": {"accuracy_name": 0.79, "has_location_f1": 0.78},
    "recognizers-text": {"DateParser_accuracy": 0.35, "DatePeriodParser_accuracy": 0.28,
                         "DurationParser_accuracy": 0.65, "DateTimeModel_accuracy": 0.44},
}
# task -> metric -> highest acceptable value (figures where less is better)
CEILINGS: dict[str, dict[str, float]] = {
    "plover-gsr": {"extra_events_per_sentence": 0.17},
}


@pytest.fixture(scope="module")
def quick_scores() -> dict[str, dict[str, float]]:
    runs = run_tasks(needs_shared("data"), list(FLOORS), quick=True)
    failed = [f"{r.module}: {r.status} {r.message}" for r in runs if r.status != OK]
    assert not failed, failed
    out: dict[str, dict[str, float]] = {}
    for run in runs:
        for score in run.scores:
            out.setdefault(score.task, {})[score.metric] = score.value
    return out


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_accuracy_floor_quick_subset_holds(task, quick_scores):
    figures = quick_scores[task]
    below = {m: (round(figures[m], 3), floor) for m, floor in FLOORS[task].items() if figures[m] < floor}
    above = {m: (round(figures[m], 3), ceiling) for m, ceiling in CEILINGS.get(task, {}).items()
             if figures[m] > ceiling}
    assert not below, f"{task}: below the floor (figure, floor): {below}"
    assert not above, f"{task}: above the ceiling (figure, ceiling): {above}"
