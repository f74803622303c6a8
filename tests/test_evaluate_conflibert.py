"""The ConfliBERT scorer and the coders' agreement figures on hand-made votes."""

from __future__ import annotations

from evaluate_cases import event

from dateline.evaluate.conflibert import coder_root, pairwise_agreement, score_conflibert


def vote(coder: str, *roots: str) -> dict:
    return {"coder": coder, "relevant": bool(roots),
            "actions": [{"pentaclass": 4, "cameo_root": r} for r in roots]}


def sentence(votes: list[dict], relevance: bool, root: str | None, roots_any: list[str]) -> dict:
    return {"id": "s", "text": "", "relevance": relevance, "cameo_root": root,
            "cameo_roots_any_action": roots_any, "votes": votes,
            "has_majority": {"relevance": True, "pentaclass": True, "cameo_root": True}}


GOLD = [
    sentence([vote("1", "18"), vote("2", "18"), vote("3", "18", "01"), vote("4", "19")], True, "18", ["18"]),
    sentence([vote("1", "17"), vote("2", "17"), vote("3", "17"), vote("4")], True, "17", ["17"]),
    sentence([vote("1"), vote("2"), vote("3"), vote("4")], False, None, []),
]


def scores_of(predicted) -> dict:
    return {s.metric: s for s in score_conflibert(GOLD, predicted)}


def test_conflibert_perfect_prediction_scores_one():
    s = scores_of([[event("ASSAULT", cameo="183")], [event("COERCE", cameo="173")], []])
    for metric in ("relevance_precision", "relevance_recall", "relevance_f1", "cameo_root_accuracy",
                   "cameo_root_macro_f1", "cameo_roots_multilabel_f1"):
        assert s[metric].value == 1.0, metric
    assert s["cameo_root_accuracy"].n == 2


def test_conflibert_wrong_predictions_score_less():
    s = scores_of([[event("ASSAULT", cameo="190")], [], [event("PROTEST", cameo="141")]])
    assert s["relevance_precision"].value == 0.5
    assert s["relevance_recall"].value == 0.5
    assert s["cameo_root_accuracy"].value == 0.0
    assert s["cameo_roots_multilabel_f1"].value == 0.0


def test_conflibert_negated_events_make_no_relevance():
    s = scores_of([[event("ASSAULT", cameo="183")], [event("COERCE", cameo="173")],
                   [event("PROTEST", cameo="141", negated=True)]])
    assert s["relevance_precision"].value == 1.0


def test_conflibert_pairwise_agreement_counts_coder_pairs():
    # first sentence: coders 1-2-3 say 18, coder 4 says 19: 3 of 6 pairs agree
    assert pairwise_agreement(GOLD[:1], coder_root) == 0.5
    # second: three say 17, one no action: 3 of 6
    assert pairwise_agreement(GOLD[1:2], coder_root) == 0.5
    assert pairwise_agreement(GOLD[2:], coder_root) == 1.0


def test_conflibert_notes_carry_the_human_agreement():
    s = scores_of([[event("ASSAULT", cameo="183")], [event("COERCE", cameo="173")], []])
    assert "coders' pairwise agreement 0.500" in s["cameo_root_accuracy"].note
    assert "system-coder agreement 0.750" in s["cameo_root_accuracy"].note
