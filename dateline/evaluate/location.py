"""Task ``event-location``: where did the event of this verb happen? (Halterman 2019; rule 7).

Each distinct sentence is parsed once and run through the ``actors`` and ``places`` stages; for
every (sentence, verb) item ``location.locate_event`` is asked about the verb's token. "No
location" is a class of its own: an item is right when both say none, or when the predicted
place matches one of the gold spans. Three ways to match a place: ``exact`` (same offsets),
``overlap`` (the spans share a character) and ``name`` (rule 7: one name contains the other,
case-insensitively). Beside the accuracies, precision and recall of "has a location" and the
counts per class.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, CodedArticle
from . import Score
from .common import DUMMY_DATE, prf, quick_subset, ratio, read_jsonl

TASK = "event-location"
FILE = Path("event-location-halterman") / "event_location.dev.jsonl"
MATCHES = ("exact", "overlap", "name")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def run(data_dir: Path, *, quick: bool = False) -> list[Score]:
    from ..location import locate_event
    from ..nlp import parse
    from ..resources import Resources
    from ..stages.actors import find_actors
    from ..stages.places import find_places

    items = quick_subset(read_jsonl(Path(data_dir) / FILE), quick)
    by_text: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        by_text[item["text"]].append(item)
    res = Resources.load()
    pairs = []
    stream = ((text, text) for text in by_text)
    for doc, text in parse(res.nlp, stream, batch_size=res.settings.batch_size):
        coded = CodedArticle(Article(id=text[:40], text=text, date=DUMMY_DATE))
        coded = find_places(doc, find_actors(doc, coded, res), res)
        for item in by_text[text]:
            verb = doc.char_span(item["verb"]["start"], item["verb"]["end"], alignment_mode="expand")
            place = locate_event(verb.root, coded) if verb is not None else None
            guess = Span(place.start, place.end, place.text) if place is not None else None
            pairs.append(([Span(g["start"], g["end"], g["text"]) for g in item["locations"]], guess))
    return location_scores(score_locations(pairs))


def matches(gold: Span, guess: Span, how: str) -> bool:
    """Whether a predicted place matches a gold span: same offsets, overlapping, or by name."""
    if how == "exact":
        return (gold.start, gold.end) == (guess.start, guess.end)
    if how == "overlap":
        return gold.start < guess.end and guess.start < gold.end
    a, b = gold.text.strip().lower(), guess.text.strip().lower()
    return bool(a and b) and (a in b or b in a)


def score_locations(pairs: Iterable[tuple[Sequence[Span], Span | None]]) -> dict:
    """Counts over (gold spans, predicted span or None) items; an empty gold list means "no location"."""
    counts = {"n": 0, "gold_none": 0, "predicted_none": 0, "both_none": 0}
    counts.update({f"right_{how}": 0 for how in MATCHES})
    counts.update({f"located_{how}": 0 for how in MATCHES})
    for gold, guess in pairs:
        counts["n"] += 1
        counts["gold_none"] += not gold
        counts["predicted_none"] += guess is None
        if not gold and guess is None:
            counts["both_none"] += 1
        for how in MATCHES:
            hit = (not gold and guess is None) or (
                bool(gold) and guess is not None and any(matches(g, guess, how) for g in gold))
            counts[f"right_{how}"] += hit
            counts[f"located_{how}"] += hit and bool(gold)
    return counts


def location_scores(c: dict) -> list[Score]:
    n, gold_loc, pred_loc = c["n"], c["n"] - c["gold_none"], c["n"] - c["predicted_none"]
    out = [Score(TASK, f"accuracy_{how}", ratio(c[f"right_{how}"], n), n,
                 '"no location" counts as a class' + (" (rule 7)" if how == "name" else ""))
           for how in MATCHES]
    hits = c["located_name"]
    p, r, f = prf(hits, pred_loc - hits, gold_loc - hits)
    out += [
        Score(TASK, "has_location_precision", p, pred_loc, "predicted places matching a gold span by name"),
        Score(TASK, "has_location_recall", r, gold_loc),
        Score(TASK, "has_location_f1", f, gold_loc),
        Score(TASK, "no_location_recall", ratio(c["both_none"], c["gold_none"]), c["gold_none"],
              f"gold: {gold_loc} with a location, {c['gold_none']} without"),
    ]
    return out
