"""Task ``plover-gsr``: event type, actors and modes against the PLOVER Gold Standard Records.

Each of the 167 dev sentences (``plover-gsr/gsr.dev.jsonl``) is coded as its own
article (date 2000-01-01) by the full pipeline. Negated events are dropped;
hypothetical and future ones are kept, because the GSR codes intents and threats
("will visit" is AGREE, "threatened to" is THREATEN). The sentence's *predicted
event* is its kept event with the highest confidence (earliest on ties), or none.

Figures (all over sentences unless said otherwise):

- ``event_type_accuracy``: predicted event's PLOVER type == gold ``event_type``
  (no event is wrong). ``event_type_macro_f1``: mean F1 over the gold classes,
  a sentence with no event counting as a miss; one ``event_type_f1:<TYPE>`` row
  per class with its counts (rule 10).
- ``source_country_accuracy`` / ``target_country_accuracy``: the predicted
  event's source (target) country, by rule 3, is among the gold role's
  countries; scored where the gold role has an actor. For reciprocal gold (actors
  all in ``source``, ``target`` empty) both roles are scored against the source
  list. ``*_sector_accuracy``: the same for sectors (rule 4), only where a gold
  actor of the role has a sector.
- ``triple_precision/recall/f1``: micro over sentences, on sets of
  (source country, type, target country) triples (rule 5). Gold: one triple per
  (source, target) pair; empty target and reciprocal, one per ordered pair of
  distinct sources; empty target otherwise, (source, type, none). Predicted: one
  triple per kept event (dateline already splits compound actors), and the
  reverse triple too for a ``reciprocal`` event (a symmetric act, X met Y).
- ``type_set_f1``, ``source_set_f1``, ``target_set_f1``: the event-type-only and
  actor-only (per role) sets of the same triples, scored the same way.
- ``mode_accuracy``: predicted event's mode == gold mode, where the gold mode is
  not null (rule 6; GSR modes are mostly PLOVER 0.5 words).
  ``mode_accuracy_translated``: the same after translating the gold's PLOVER 0.5
  modes into the PLOVER 2.0 words for the same thing (``MODES_05``, from the two
  manuals' mode tables: ``riot-spon`` is ``riot``, ``strike-hun`` ``hunger``, a
  threatened curfew ``restrict``); 0.5's DISAPPROVE type, which the data README
  maps to ACCUSE ``disapprove``, covered accusations too, so ``allege`` matches it.
- ``location_accuracy``: where gold has a location, the predicted event's place
  name matches it (rule 7: case-insensitive, either name containing the other).
- ``extra_events_per_sentence``: kept events beyond the number of gold triples,
  max(0, events - gold triples), averaged over sentences: the over-coding that
  audits of GDELT and PETRARCH count. ``false_triples_per_sentence``: predicted
  triples not in the gold set, averaged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model import PLOVER_TYPES, Event
from . import Score
from .common import (
    NO_EVENT,
    actor_country,
    actor_sector,
    best_event,
    code_sentences,
    describe,
    gold_country,
    gold_sector,
    kept,
    macro_f1,
    per_class_f1,
    prf,
    quick_subset,
    ratio,
    read_jsonl,
)

TASK = "plover-gsr"
GOLD_FILE = Path("plover-gsr") / "gsr.dev.jsonl"

Triple = tuple[str | None, str, str | None]


def run(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    """Code every GSR sentence (every 3rd when quick) and score it; per-item records go to ``details``."""
    gold = quick_subset(read_jsonl(Path(data_dir) / GOLD_FILE), quick)
    events = code_sentences((item["id"], item["text"]) for item in gold)
    predicted = [events.get(item["id"], []) for item in gold]
    if details is not None:
        details.extend(item_details(gold, predicted))
    return score_gsr(gold, predicted)


def item_details(gold: Sequence[dict], predicted: Sequence[Sequence[Event]]) -> list[dict]:
    """Gold and predicted side by side, one record per sentence, for error analysis."""
    out = []
    for item, events in zip(gold, map(plover_events, predicted)):
        best = best_event(events)
        g, p = gold_triples(item), predicted_triples(kept(events))
        out.append({"task": TASK, "id": item["id"], "text": item["text"], "gold": {
            "type": item["event_type"], "mode": item.get("mode"), "triples": sorted(g, key=str),
            "reciprocal": bool(item.get("reciprocal")),
            "location": item["location"]["name"] if item.get("location") else None,
            "source": [(a["text"], a["code"]) for a in item["source"]],
            "target": [(a["text"], a["code"]) for a in item["target"]]},
            "best": describe(best) if best else None, "events": [describe(e) for e in events],
            "type_correct": (best.event_type if best else NO_EVENT) == item["event_type"],
            "missed_triples": sorted(g - p, key=str), "false_triples": sorted(p - g, key=str)})
    return out


def plover_events(events: Sequence[Event]) -> list[Event]:
    """The events with a PLOVER type: a statement (CAMEO 01) counts as no event (rule 2)."""
    return [e for e in events if e.event_type in PLOVER_TYPES]


def score_gsr(gold: Sequence[dict], predicted: Sequence[Sequence[Event]]) -> list[Score]:
    """Score each gold record against the events dateline coded from its sentence."""
    predicted = [plover_events(events) for events in predicted]
    best = [best_event(events) for events in predicted]
    scores = _type_scores(gold, best)
    scores += _actor_scores(gold, best)
    scores += _triple_scores(gold, [kept(events) for events in predicted])
    scores += _mode_and_location(gold, best)
    return scores


def gold_triples(item: dict) -> set[Triple]:
    """Rule 5: the gold event as (source country, type, target country) triples."""
    kind = item["event_type"]
    sources = [gold_country(a) for a in item["source"]] or [None]
    targets = [gold_country(a) for a in item["target"]]
    if targets:
        return {(s, kind, t) for s in sources for t in targets}
    if item.get("reciprocal") and len(sources) > 1:
        return {(s, kind, t) for s in sources for t in sources if s != t}
    return {(s, kind, None) for s in sources}


def predicted_triples(events: Sequence[Event]) -> set[Triple]:
    """Rule 5 for predictions: a reciprocal event (X met Y) holds both ways."""
    triples = set()
    for e in events:
        source, target = actor_country(e.source), actor_country(e.target)
        triples.add((source, e.event_type, target))
        if e.reciprocal and target is not None:
            triples.add((target, e.event_type, source))
    return triples


def _type_scores(gold: Sequence[dict], best: Sequence[Event | None]) -> list[Score]:
    gold_types = [item["event_type"] for item in gold]
    pred_types = [e.event_type if e else NO_EVENT for e in best]
    n = len(gold)
    per_class = per_class_f1(gold_types, pred_types)
    no_event = sum(p == NO_EVENT for p in pred_types)
    scores = [
        Score(TASK, "event_type_accuracy", ratio(sum(g == p for g, p in zip(gold_types, pred_types)), n), n,
              f"{no_event} sentences with no event"),
        Score(TASK, "event_type_macro_f1", macro_f1(per_class), n, f"over {len(per_class)} gold classes"),
    ]
    for cls, (n_gold, n_pred, tp, f1) in per_class.items():
        scores.append(Score(TASK, f"event_type_f1:{cls}", f1, n_gold, f"predicted {n_pred}, correct {tp}"))
    return scores


def _role_gold(item: dict, role: str) -> list[dict]:
    """The gold actors a predicted ``role`` is scored against (reciprocal: the source list)."""
    if role == "target" and item.get("reciprocal") and not item["target"]:
        return item["source"]
    return item[role]


def _actor_scores(gold: Sequence[dict], best: Sequence[Event | None]) -> list[Score]:
    scores = []
    for role in ("source", "target"):
        country_hits = country_n = sector_hits = sector_n = 0
        for item, event in zip(gold, best):
            actors = _role_gold(item, role)
            predicted = getattr(event, role) if event else None
            countries = {gold_country(a) for a in actors} - {None}
            if countries:
                country_n += 1
                country_hits += actor_country(predicted) in countries
            sectors = {gold_sector(a) for a in actors} - {None}
            if sectors:
                sector_n += 1
                sector_hits += actor_sector(predicted) in sectors
        scores.append(Score(TASK, f"{role}_country_accuracy", ratio(country_hits, country_n), country_n))
        scores.append(Score(TASK, f"{role}_sector_accuracy", ratio(sector_hits, sector_n), sector_n,
                            "only where the gold actor has a sector"))
    return scores


def _set_prf(gold_sets: Sequence[set], pred_sets: Sequence[set]) -> tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in zip(gold_sets, pred_sets))
    fp = sum(len(p - g) for g, p in zip(gold_sets, pred_sets))
    fn = sum(len(g - p) for g, p in zip(gold_sets, pred_sets))
    return prf(tp, fp, fn)


def _triple_scores(gold: Sequence[dict], kept_events: Sequence[Sequence[Event]]) -> list[Score]:
    n = len(gold)
    gold_sets = [gold_triples(item) for item in gold]
    pred_sets = [predicted_triples(events) for events in kept_events]
    p, r, f = _set_prf(gold_sets, pred_sets)
    n_gold = sum(map(len, gold_sets))
    scores = [
        Score(TASK, "triple_precision", p, sum(map(len, pred_sets)), "predicted triples"),
        Score(TASK, "triple_recall", r, n_gold, "gold triples, compound and reciprocal actors expanded"),
        Score(TASK, "triple_f1", f, n),
    ]
    for name, part in (("type_set", 1), ("source_set", 0), ("target_set", 2)):
        sp, sr, sf = _set_prf([{t[part] for t in s} for s in gold_sets], [{t[part] for t in s} for s in pred_sets])
        scores.append(Score(TASK, f"{name}_f1", sf, n, f"P {sp:.3f} R {sr:.3f}"))
    extra = sum(max(0, len(events) - len(g)) for events, g in zip(kept_events, gold_sets))
    false = sum(len(p - g) for g, p in zip(gold_sets, pred_sets))
    scores.append(Score(TASK, "extra_events_per_sentence", ratio(extra, n), n,
                        f"{sum(map(len, kept_events))} events kept for {n_gold} gold triples"))
    scores.append(Score(TASK, "false_triples_per_sentence", ratio(false, n), n))
    return scores


def location_matches(predicted: str | None, gold: str | None) -> bool:
    """Rule 7: case-insensitive, one name may contain the other ("town of Rafah" / "Rafah")."""
    if not predicted or not gold:
        return not predicted and not gold
    a, b = predicted.casefold().strip(), gold.casefold().strip()
    return a in b or b in a


# PLOVER 0.5 modes in the GSR -> the PLOVER 2.0 modes that name the same thing, by (type, mode).
MODES_05: dict[tuple[str, str], frozenset[str]] = {
    ("PROTEST", "riot-spon"): frozenset({"riot"}), ("PROTEST", "riot-org"): frozenset({"riot"}),
    ("PROTEST", "demo-spon"): frozenset({"demo"}), ("PROTEST", "demo-org"): frozenset({"demo"}),
    ("PROTEST", "strike-gen"): frozenset({"strike"}), ("PROTEST", "strike-hun"): frozenset({"hunger"}),
    ("ASSAULT", "assassinate"): frozenset({"targeted"}),
    ("THREATEN", "curfew"): frozenset({"restrict"}), ("THREATEN", "martial-law"): frozenset({"restrict"}),
    ("THREATEN", "political"): frozenset({"restrict"}),
    ("COERCE", "ban"): frozenset({"restrict", "censor"}), ("COERCE", "confiscate"): frozenset({"seize"}),
    ("COERCE", "detain"): frozenset({"arrest"}),
    ("ACCUSE", "disapprove"): frozenset({"disapprove", "allege"}),
    # PLOVER 2.0 has no host mode: "visit: actor is visiting, recipient is hosting"
    ("CONSULT", "host"): frozenset({"visit"}),
}


def translated_modes(event_type: str, mode: str) -> frozenset[str]:
    """The PLOVER 2.0 modes a GSR (PLOVER 0.5) mode stands for: itself where the word is the same."""
    return MODES_05.get((event_type, mode), frozenset({mode}))


def _mode_and_location(gold: Sequence[dict], best: Sequence[Event | None]) -> list[Score]:
    mode_pairs = [(item["mode"].casefold(), (e.mode or "").casefold() if e else None)
                  for item, e in zip(gold, best) if item.get("mode")]
    translated = [p in translated_modes(item["event_type"], g)
                  for item, (g, p) in zip((i for i in gold if i.get("mode")), mode_pairs)]
    loc_pairs = []
    for item, event in zip(gold, best):
        if item.get("location"):
            place = event.location if event else None
            loc_pairs.append(location_matches(place.text if place else None, item["location"]["name"])
                             or location_matches(place.name if place else None, item["location"]["name"]))
    return [
        Score(TASK, "mode_accuracy", ratio(sum(g == p for g, p in mode_pairs), len(mode_pairs)),
              len(mode_pairs), "where the gold mode is not null (PLOVER 0.5 vocabulary)"),
        Score(TASK, "mode_accuracy_translated", ratio(sum(translated), len(translated)), len(translated),
              "the gold's PLOVER 0.5 modes put in PLOVER 2.0 words"),
        Score(TASK, "location_accuracy", ratio(sum(loc_pairs), len(loc_pairs)), len(loc_pairs),
              "where the gold event has a location"),
    ]
