"""Task ``conflibert``: real news sentences coded by several human coders (ConfliBERT set A).

Each sentence (``cameo-conflibert-annotations/conflibert_setA.jsonl``) is coded as
its own article by the full pipeline; negated events are dropped.

Figures, each printed beside the human coders' own agreement on the same
sentences (rule 10). "Pairwise agreement" is the share of (sentence, coder pair)
comparisons that agree, from the ``votes``; "system-coder" is the share of
(sentence, coder) comparisons where dateline agrees with that coder, the
like-for-like number to set beside it.

- ``relevance_precision/recall/f1`` (positive = relevant), on sentences with a
  majority. dateline calls a sentence relevant when it codes at least one kept
  event of any kind: coders count statements (CAMEO 01) as relevant too.
- ``cameo_root_accuracy``: the root of dateline's predicted event (highest
  confidence, or none) equals the majority root of the first action, on the
  sentences that have one. The root is compared as it is: 01 (statement) is a
  class here, matched by dateline's statements (event type STATEMENT). ``cameo_root_macro_f1``
  averages F1 over the gold roots; the note gives gold/predicted/correct counts.
- ``cameo_roots_multilabel_f1``: micro P/R/F1 of the set of roots of all kept
  events against ``cameo_roots_any_action`` (roots a majority named in any
  action slot), over all sentences; coders: micro F1 between the root sets of
  each pair of coders.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from ..model import Event
from . import Score
from .common import (
    best_event,
    cameo_root,
    code_sentences,
    describe,
    kept,
    macro_f1,
    per_class_f1,
    prf,
    quick_subset,
    ratio,
    read_jsonl,
)

TASK = "conflibert"
GOLD_FILE = Path("cameo-conflibert-annotations") / "conflibert_setA.jsonl"


def run(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    """Code every sentence of set A (every 3rd when quick) and score it; per-item records go to ``details``."""
    gold = quick_subset(read_jsonl(Path(data_dir) / GOLD_FILE), quick)
    events = code_sentences((item["id"], item["text"]) for item in gold)
    predicted = [events.get(item["id"], []) for item in gold]
    if details is not None:
        details.extend({"task": TASK, "id": item["id"], "text": item["text"],
                        "gold": {"relevance": item["relevance"], "cameo_root": item.get("cameo_root"),
                                 "roots_any": item.get("cameo_roots_any_action")},
                        "events": [describe(e) for e in evs]} for item, evs in zip(gold, predicted))
    return score_conflibert(gold, predicted)


def coder_relevance(vote: dict) -> bool:
    return bool(vote.get("relevant"))


def coder_root(vote: dict) -> str | None:
    """A coder's root for the first action, or None for "no action"."""
    actions = vote.get("actions") or []
    return actions[0].get("cameo_root") if actions else None


def coder_roots(vote: dict) -> set[str]:
    return {a["cameo_root"] for a in vote.get("actions") or [] if a.get("cameo_root")}


def pairwise_agreement(items: Sequence[dict], label) -> float:
    """Share of (sentence, coder pair) comparisons where ``label(vote)`` agrees."""
    pairs = [label(a) == label(b) for item in items for a, b in combinations(item["votes"], 2)]
    return ratio(sum(pairs), len(pairs))


def system_coder_agreement(items: Sequence[dict], predicted: Sequence, label) -> float:
    """Share of (sentence, coder) comparisons where dateline's label equals the coder's."""
    hits = [p == label(v) for item, p in zip(items, predicted) for v in item["votes"]]
    return ratio(sum(hits), len(hits))


def _set_f1(pairs: Sequence[tuple[set, set]]) -> tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in pairs)
    return prf(tp, sum(len(p - g) for g, p in pairs), sum(len(g - p) for g, p in pairs))


def score_conflibert(gold: Sequence[dict], predicted: Sequence[Sequence[Event]]) -> list[Score]:
    """Score each sentence against the events dateline coded from it."""
    kept_events = [kept(events) for events in predicted]
    relevant = [bool(events) for events in kept_events]
    roots = [cameo_root(e.cameo) if (e := best_event(events)) else None for events in kept_events]
    root_sets = [{cameo_root(e.cameo) for e in events if e.cameo} for events in kept_events]
    return (_relevance(gold, relevant) + _root(gold, roots)
            + _multilabel(gold, root_sets))


def _relevance(gold: Sequence[dict], relevant: Sequence[bool]) -> list[Score]:
    idx = [i for i, item in enumerate(gold) if item["has_majority"]["relevance"]]
    items = [gold[i] for i in idx]
    pred = [relevant[i] for i in idx]
    tp = sum(p and g["relevance"] for g, p in zip(items, pred))
    fp = sum(p and not g["relevance"] for g, p in zip(items, pred))
    fn = sum(not p and g["relevance"] for g, p in zip(items, pred))
    p, r, f = prf(tp, fp, fn)
    human = pairwise_agreement(items, coder_relevance)
    system = system_coder_agreement(items, pred, coder_relevance)
    n = len(items)
    return [
        Score(TASK, "relevance_precision", p, tp + fp, "sentences dateline calls relevant"),
        Score(TASK, "relevance_recall", r, tp + fn, "majority-relevant sentences"),
        Score(TASK, "relevance_f1", f, n,
              f"coders' pairwise agreement {human:.3f}; system-coder agreement {system:.3f}"),
    ]


def _root(gold: Sequence[dict], roots: Sequence[str | None]) -> list[Score]:
    idx = [i for i, item in enumerate(gold) if item.get("cameo_root")]
    items = [gold[i] for i in idx]
    pred = [roots[i] for i in idx]
    gold_roots = [item["cameo_root"] for item in items]
    hits = [g == p for g, p in zip(gold_roots, pred)]
    non_statement = [h for g, h in zip(gold_roots, hits) if g not in ("01", "02")]
    human = pairwise_agreement(items, coder_root)
    system = system_coder_agreement(items, pred, coder_root)
    per_class = per_class_f1(gold_roots, [p or "none" for p in pred])
    counts = ", ".join(f"{c} {ng}/{np}/{tp}" for c, (ng, np, tp, _f) in per_class.items())
    n = len(items)
    return [
        Score(TASK, "cameo_root_accuracy", ratio(sum(hits), n), n,
              f"coders' pairwise agreement {human:.3f}; system-coder agreement {system:.3f}; "
              f"on roots other than 01/02: {ratio(sum(non_statement), len(non_statement)):.3f} "
              f"(n={len(non_statement)})"),
        Score(TASK, "cameo_root_macro_f1", macro_f1(per_class), n,
              f"per root gold/predicted/correct: {counts}"),
    ]


def _multilabel(gold: Sequence[dict], root_sets: Sequence[set[str]]) -> list[Score]:
    pairs = [(set(item.get("cameo_roots_any_action") or []), pred) for item, pred in zip(gold, root_sets)]
    p, r, f = _set_f1(pairs)
    coder_pairs = [(coder_roots(a), coder_roots(b)) for item in gold for a, b in combinations(item["votes"], 2)]
    system_pairs = [(coder_roots(v), pred) for item, pred in zip(gold, root_sets) for v in item["votes"]]
    return [Score(TASK, "cameo_roots_multilabel_f1", f, len(gold),
                  f"P {p:.3f} R {r:.3f}; coders' pairwise F1 {_set_f1(coder_pairs)[2]:.3f}; "
                  f"system-coder F1 {_set_f1(system_pairs)[2]:.3f}")]
