"""Tasks ``lgl`` and ``geowebnews``: toponym recognition and GeoNames resolution (rule 8).

Each article is parsed once and run through the ``actors`` and ``places`` stages. Figures:

- recognition, apart from resolution: span precision, recall and F1, exact (same offsets) and
  overlapping (spans paired one to one, longest overlap first). LGL annotates demonyms
  ("Russian", "American") as toponyms; dateline treats them as actors, never places, so recall is
  also given without them. For GeoWebNews only the types that carry coordinates are toponyms
  (Literal, Literal_Modifier, Metonymic, Mixed, Coercion, Embedded_Literal, Embedded_Non_Lit,
  Non_Literal_Modifier), with recall per type beside the totals.
- resolution on gold spans: the gold spans of each article are resolved together, with the
  article's dateline and actors as context, exactly as ``find_places`` resolves found ones.
  ``exact`` is the share of gold toponyms with a GeoNames id that get that id; ``acc161`` the
  share within 161 km (an identical GeoNames id counts 0 km: dateline's points for countries
  and regions are centres of their towns, not GeoNames' own point); median and mean error in km;
  ``auc``, the area under the curve of log errors (0 best, 1 worst). Toponyms without
  coordinates are left out.
- end to end: the same figures for the found places that overlap a gold toponym
  (``e2e_*_found``), and the share of all gold toponyms found and resolved right (``e2e_*_all``).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..model import CodedArticle, Place
from . import Score
from .common import as_article, pair_by_overlap, prf, quick_subset, ratio, read_jsonl

LGL, GWN = "lgl", "geowebnews"
FILES = {LGL: Path("geo-lgl") / "lgl.jsonl", GWN: Path("geo-geowebnews") / "gwn.jsonl"}
GWN_TYPES = frozenset({"Literal", "Literal_Modifier", "Metonymic", "Mixed", "Coercion", "Embedded_Literal",
                       "Embedded_Non_Lit", "Non_Literal_Modifier"})
EARTH_KM = 6371.0
MAX_ERROR_KM = 20_039.0  # half the Earth's circumference: the largest possible error


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold toponym: offsets, text, and where it is (GeoNames id and point, where known)."""

    start: int
    end: int
    text: str = ""
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str = ""  # GeoWebNews type


@dataclass(frozen=True, slots=True)
class Guess:
    """A predicted place, reduced to what is scored."""

    start: int
    end: int
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def of(cls, place: Place) -> Guess:
        return cls(place.start, place.end, place.geonameid, place.lat, place.lon)


def run(data_dir: Path, *, quick: bool = False, tasks: Sequence[str] = (LGL, GWN)) -> list[Score]:
    scores = []
    for task in (LGL, GWN):
        if task in tasks:
            scores.extend(score_task(task, Path(data_dir) / FILES[task], quick))
    return scores


def score_task(task: str, path: Path, quick: bool) -> list[Score]:
    """Parse the task's articles, run the places stage and score it on gold and found spans."""
    from ..nlp import parse
    from ..resources import Resources
    from ..stages.actors import find_actors
    from ..stages.places import demonym_spans, find_places, resolve_spans

    records = quick_subset(read_jsonl(path), quick)
    res = Resources.load()
    gaz = res.gazetteer
    golds, found, on_gold = [], [], []
    items = ((r["text"], (r, as_article((r["id"], r["text"])))) for r in records)
    for doc, (record, article) in parse(res.nlp, items, batch_size=res.settings.batch_size):
        coded = find_places(doc, find_actors(doc, CodedArticle(article), res), res)
        gold = gold_toponyms(record, task)
        resolved, _ = resolve_spans(gaz, article, [(t.start, t.end) for t in gold], coded.actors,
                                    demonym_spans(doc, gaz))
        by_span = {(p.start, p.end): Guess.of(p) for p in resolved}
        golds.append(gold)
        found.append([Guess.of(p) for p in coded.places])
        on_gold.append([by_span.get((t.start, t.end)) for t in gold])
    demonyms = [[t for t in doc_gold if gaz.is_demonym(t.text)] for doc_gold in golds]
    return task_scores(task, golds, found, on_gold, demonyms)


def gold_toponyms(record: dict, task: str) -> list[Toponym]:
    out = []
    for t in record["toponyms"]:
        if task == GWN and t.get("type") not in GWN_TYPES:
            continue
        gid = int(t["geonameid"]) if t.get("geonameid") else None
        out.append(Toponym(t["start"], t["end"], t["text"], gid, t.get("lat"), t.get("lon"),
                           t.get("type") or ""))
    return out


def task_scores(task: str, golds: list[list[Toponym]], found: list[list[Guess]],
                on_gold: list[list[Guess | None]], demonyms: list[list[Toponym]]) -> list[Score]:
    """Every figure of one task from gold toponyms, found places and gold-span resolutions per article."""
    scores = recognition_scores(task, score_recognition(golds, found))
    without = [[t for t in g if t not in set(d)] for g, d in zip(golds, demonyms)]
    n_dem = sum(map(len, demonyms))
    if n_dem:
        counts = score_recognition(without, found)
        scores.append(Score(task, "recall_overlap_without_demonyms", ratio(counts["overlap"], counts["gold"]),
                            counts["gold"], f"{n_dem} gold demonyms left out: dateline codes them as actors"))
    if task == GWN:
        scores.extend(recall_by_type(task, golds, found))
    pairs = [(t, g) for doc_gold, doc_guess in zip(golds, on_gold) for t, g in zip(doc_gold, doc_guess)]
    scores.extend(resolution_scores(task, "gold_spans", score_resolution(pairs)))
    matched, total = [], 0
    for doc_gold, doc_found in zip(golds, found):
        for t, g in pair_by_overlap(doc_gold, doc_found):
            matched.append((t, g))
        total += sum(t.lat is not None for t in doc_gold)
    e2e = score_resolution(matched)
    scores.extend(resolution_scores(task, "e2e_found", e2e))
    scores.append(Score(task, "e2e_exact_all", ratio(e2e["exact"], _with_ids(golds)), _with_ids(golds),
                        "gold toponyms with a GeoNames id found and resolved to it"))
    scores.append(Score(task, "e2e_acc161_all", ratio(e2e["within_161"], total), total,
                        "gold toponyms with coordinates found and resolved within 161 km"))
    return scores


def _with_ids(golds: list[list[Toponym]]) -> int:
    return sum(t.geonameid is not None and t.lat is not None for g in golds for t in g)


def score_recognition(golds: Iterable[Sequence[Toponym]], predicted: Iterable[Sequence[Guess]]) -> dict:
    """Counts for span precision and recall: gold, predicted, exact and overlapping matches."""
    counts = {"gold": 0, "predicted": 0, "exact": 0, "overlap": 0}
    for gold, guess in zip(golds, predicted):
        counts["gold"] += len(gold)
        counts["predicted"] += len(guess)
        counts["exact"] += len({(t.start, t.end) for t in gold} & {(p.start, p.end) for p in guess})
        counts["overlap"] += len(pair_by_overlap(gold, guess))
    return counts


def recognition_scores(task: str, counts: dict) -> list[Score]:
    out = []
    for kind in ("exact", "overlap"):
        hits = counts[kind]
        p, r, f = prf(hits, counts["predicted"] - hits, counts["gold"] - hits)
        out += [Score(task, f"recognition_{kind}_precision", p, counts["predicted"]),
                Score(task, f"recognition_{kind}_recall", r, counts["gold"]),
                Score(task, f"recognition_{kind}_f1", f, counts["gold"])]
    return out


def recall_by_type(task: str, golds: list[list[Toponym]], found: list[list[Guess]]) -> list[Score]:
    """GeoWebNews taxonomy: how many toponyms of each type were found (overlapping spans)."""
    hits: dict[str, int] = {}
    totals: dict[str, int] = {}
    for gold, guess in zip(golds, found):
        found_spans = {(t.start, t.end) for t, _ in pair_by_overlap(gold, guess)}
        for t in gold:
            totals[t.kind] = totals.get(t.kind, 0) + 1
            hits[t.kind] = hits.get(t.kind, 0) + ((t.start, t.end) in found_spans)
    return [Score(task, f"recall_overlap_{kind}", ratio(hits[kind], totals[kind]), totals[kind])
            for kind in sorted(totals)]


def score_resolution(pairs: Iterable[tuple[Toponym, Guess | None]]) -> dict:
    """Exact GeoNames matches and distance errors of predictions for gold toponyms with coordinates."""
    with_id = exact = 0
    errors = []
    for gold, guess in pairs:
        if gold.lat is None or gold.lon is None:
            continue  # rule 8: recognition only
        same = guess is not None and gold.geonameid is not None and guess.geonameid == gold.geonameid
        if gold.geonameid is not None:
            with_id += 1
            exact += same
        if same:
            errors.append(0.0)
        elif guess is None or guess.lat is None or guess.lon is None:
            errors.append(MAX_ERROR_KM)  # unresolved: as wrong as can be
        else:
            errors.append(km(gold.lat, gold.lon, guess.lat, guess.lon))
    return {"with_id": with_id, "exact": exact, "n": len(errors), "within_161": sum(e <= 161 for e in errors),
            "errors": errors}


def resolution_scores(task: str, where: str, counts: dict) -> list[Score]:
    errors = counts["errors"]
    return [
        Score(task, f"{where}_exact", ratio(counts["exact"], counts["with_id"]), counts["with_id"],
              "GeoNames id equal to the gold one"),
        Score(task, f"{where}_acc161", ratio(counts["within_161"], counts["n"]), counts["n"]),
        Score(task, f"{where}_median_km", statistics.median(errors) if errors else 0.0, counts["n"]),
        Score(task, f"{where}_mean_km", statistics.fmean(errors) if errors else 0.0, counts["n"]),
        Score(task, f"{where}_auc", auc(errors), counts["n"],
              "area under the log-error curve; lower is better"),
    ]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: Sequence[float]) -> float:
    """Area under the curve of sorted log(1 + error), scaled to 0 (all exact) .. 1 (all antipodal)."""
    if not errors:
        return 0.0
    logs = sorted(math.log(1.0 + e) for e in errors)
    top = math.log(1.0 + MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / top
    area = sum((a + b) / 2 for a, b in pairwise(logs)) / (len(logs) - 1)
    return area / top
