"""The CAMEO codebook-examples scorer and the crosswalk reader on hand-made cases."""

from __future__ import annotations

from conftest import needs_shared
from evaluate_cases import actor, event

from dateline.evaluate.cameo import code_matches, score_cameo
from dateline.evaluate.common import cameo_to_plover, load_crosswalk

# A few crosswalk rows, written for the test (the real table is read by path below).
CROSSWALK = {"042": "CONSULT", "0831": "CONCEDE", "190": "ASSAULT", "1823": "ASSAULT", "112": "ACCUSE"}


def item(code: str, plover: str | None) -> dict:
    return {"id": f"CAMEO-{code}", "text": "", "cameo": code, "cameo_root": code[:2], "plover_type": plover}


GOLD = [item("042", "CONSULT"), item("1823", "ASSAULT"), item("010", None)]


def scores_of(predicted, gold=GOLD) -> dict:
    return {s.metric: s for s in score_cameo(gold, predicted, CROSSWALK)}


def test_cameo_perfect_prediction_scores_one():
    predicted = [[event("CONSULT", actor("EGY"), actor("FRA"), cameo="042")],
                 [event("ASSAULT", actor("SDN"), actor("SDN"), cameo="1823")],
                 []]
    s = scores_of(predicted)
    for metric in ("root_accuracy", "cameo3_accuracy", "cameo4_accuracy", "plover_type_accuracy",
                   "plover_type_accuracy_own"):
        assert s[metric].value == 1.0, metric
    assert s["cameo4_accuracy"].n == 1


def test_cameo_levels_score_partial_matches():
    predicted = [[event("CONSULT", cameo="043")], [event("ASSAULT", cameo="1822")], []]
    s = scores_of(predicted)
    assert s["root_accuracy"].value == 1.0
    assert s["cameo3_accuracy"].value == 2 / 3  # 043 vs 042 misses; 1822 vs 1823 agree on 182
    assert s["cameo4_accuracy"].value == 0.0


def test_cameo_statement_items_accept_no_event_or_a_statement_code():
    assert code_matches("010", None, 4)
    assert code_matches("010", "023", 3)  # 01x/02x are all "no event" (rule 2)
    assert not code_matches("010", "042", 2)
    assert not code_matches("042", "010", 2)  # a statement is no event, so a miss on a codable item
    assert not code_matches("042", None, 2)


def test_cameo_plover_type_goes_through_the_crosswalk():
    # dateline's own type disagrees with its CAMEO code: the crosswalk figure follows the code
    predicted = [[event("COOPERATE", cameo="042")], [], [event("REQUEST", cameo="021")]]
    s = scores_of(predicted)
    assert s["plover_type_accuracy"].value == 2 / 3
    assert s["plover_type_accuracy_own"].value == 0.0


def test_cameo_best_event_decides_and_negated_is_ignored():
    predicted = [[event("ACCUSE", cameo="112", confidence=0.9, negated=True),
                  event("CONSULT", cameo="042", confidence=0.3)], [], []]
    s = scores_of(predicted)
    assert s["root_accuracy"].value == 2 / 3


def test_cameo_crosswalk_read_from_shared_table():
    table = load_crosswalk(needs_shared("data", "plover-gsr", "CAMEO2PLOVER-2021.txt"))
    assert cameo_to_plover("1823", table) == "ASSAULT"
    assert cameo_to_plover("042", table) == "CONSULT"
    assert cameo_to_plover("10", table) == "REQUEST"
    assert cameo_to_plover("010", table) is None
    assert cameo_to_plover("0211", table) is None
