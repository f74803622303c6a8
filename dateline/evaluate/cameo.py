"""Task ``cameo-examples``: the CAMEO codebook's example sentences (dev half).

Each sentence (``cameo-codebook-examples/cameo_examples.dev.jsonl``, one per CAMEO
code) is coded as its own article by the full pipeline; its predicted event is
the kept (non-negated) event with the highest confidence, or none.

Figures, over sentences:

- ``root_accuracy``, ``cameo3_accuracy``: the predicted CAMEO code's first 2 (3)
  digits equal the gold code's; ``cameo4_accuracy``: exact code, over the items
  whose gold code has 4 digits. Rule 2: CAMEO 01x (statements) and 02x (appeals)
  have no PLOVER type and count as "no event", so on a gold 01x/02x item a
  prediction of no event, or of any 01x/02x code, is right at every level (and a
  01x/02x prediction on a gold item of another root is a miss, like no event).
  The note gives the same figure over the codable items (gold root not 01/02).
- ``plover_type_accuracy``: rule 2 applied to the output: the predicted CAMEO
  code mapped to PLOVER with ``plover-gsr/CAMEO2PLOVER-2021.txt`` (read at run
  time, exact lookup) against the gold ``plover_type`` (null = no event).
- ``plover_type_accuracy_own``: the same with dateline's own ``event_type`` in
  place of the mapped code, a check that its two codings agree with the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model import PLOVER_TYPES, Event
from . import Score
from .common import (
    best_event,
    cameo_to_plover,
    code_sentences,
    describe,
    is_statement,
    load_crosswalk,
    quick_subset,
    ratio,
    read_jsonl,
)

TASK = "cameo-examples"
GOLD_FILE = Path("cameo-codebook-examples") / "cameo_examples.dev.jsonl"
CROSSWALK_FILE = Path("plover-gsr") / "CAMEO2PLOVER-2021.txt"


def run(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    """Code every example sentence (every 3rd when quick) and score it; per-item records go to ``details``."""
    data_dir = Path(data_dir)
    gold = quick_subset(read_jsonl(data_dir / GOLD_FILE), quick)
    crosswalk = load_crosswalk(data_dir / CROSSWALK_FILE)
    events = code_sentences((item["id"], item["text"]) for item in gold)
    predicted = [events.get(item["id"], []) for item in gold]
    if details is not None:
        for item, evs in zip(gold, predicted):
            best = best_event(evs)
            details.append({"task": TASK, "id": item["id"], "text": item["text"],
                            "gold": {"cameo": item["cameo"], "type": item.get("plover_type")},
                            "best": describe(best) if best else None, "events": [describe(e) for e in evs],
                            "root_correct": code_matches(item["cameo"], best.cameo if best else None, 2)})
    return score_cameo(gold, predicted, crosswalk)


def code_matches(gold: str, predicted: str | None, digits: int) -> bool:
    """Do the codes agree on their first ``digits`` digits, with rule 2 for 01x/02x?"""
    if is_statement(gold):
        return predicted is None or is_statement(predicted)
    return predicted is not None and not is_statement(predicted) and predicted[:digits] == gold[:digits]


def score_cameo(gold: Sequence[dict], predicted: Sequence[Sequence[Event]],
                crosswalk: dict[str, str]) -> list[Score]:
    """Score each example against the events dateline coded from its sentence."""
    codes = [e.cameo if (e := best_event(events)) else None for events in predicted]
    # a statement (CAMEO 01) has no PLOVER type
    own_types = [e.event_type if (e := best_event(events)) and e.event_type in PLOVER_TYPES else None
                 for events in predicted]
    gold_codes = [item["cameo"] for item in gold]
    codable = [i for i, code in enumerate(gold_codes) if not is_statement(code)]
    scores = []
    for metric, digits in (("root_accuracy", 2), ("cameo3_accuracy", 3)):
        hits = [code_matches(g, p, digits) for g, p in zip(gold_codes, codes)]
        scores.append(Score(TASK, metric, ratio(sum(hits), len(hits)), len(hits),
                            f"codable items only: {ratio(sum(hits[i] for i in codable), len(codable)):.3f} "
                            f"(n={len(codable)})"))
    four = [(g, p) for g, p in zip(gold_codes, codes) if len(g) == 4]
    scores.append(Score(TASK, "cameo4_accuracy", ratio(sum(code_matches(g, p, 4) for g, p in four), len(four)),
                        len(four), "items with a 4-digit gold code"))
    gold_types = [item.get("plover_type") for item in gold]
    mapped = [cameo_to_plover(code, crosswalk) for code in codes]
    scores.append(Score(TASK, "plover_type_accuracy", ratio(sum(g == p for g, p in zip(gold_types, mapped)),
                                                            len(gold)), len(gold),
                        "predicted CAMEO mapped with CAMEO2PLOVER-2021.txt; no type = no event"))
    scores.append(Score(TASK, "plover_type_accuracy_own",
                        ratio(sum(g == p for g, p in zip(gold_types, own_types)), len(gold)), len(gold),
                        "dateline's own event_type"))
    no_event = sum(code is None for code in codes)
    scores.append(Score(TASK, "no_event_rate", ratio(no_event, len(gold)), len(gold),
                        f"{sum(is_statement(g) for g in gold_codes)} gold items are 01x/02x"))
    return scores
