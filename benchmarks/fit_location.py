"""Fit the weights of ``location.FEATURES`` on the Halterman event-location dev set.

The ranker is a softmax over the places of the trigger's sentence and "nowhere" (score 0):
each item's loss is minus the log of the probability given to the right answers (a place
matching a gold location by name, rule 7, or "nowhere" when the gold has none). Items whose
gold place was never recognised are left out: no weight can make them right. The fit is then
polished by a coordinate search on accuracy. Prints the
weights and the 2-fold cross-validated accuracy beside the in-sample one, so overfitting shows.

    python benchmarks/fit_location.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import numpy as np

from dateline.evaluate.common import DUMMY_DATE, read_jsonl
from dateline.evaluate.location import FILE, Span, matches
from dateline.location import FEATURES, WEIGHTS, candidates, feature_rows, locate_event
from dateline.model import Article, CodedArticle
from dateline.nlp import parse
from dateline.resources import Resources
from dateline.stages.actors import find_actors
from dateline.stages.places import find_places

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def collect(data: Path) -> list[dict]:
    """For every item: the feature matrix of its places, which are right, and whether none is."""
    items = read_jsonl(data / FILE)
    by_text: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        by_text[item["text"]].append(item)
    res = Resources.load()
    out = []
    for doc, text in parse(res.nlp, ((t, t) for t in by_text), batch_size=res.settings.batch_size):
        coded = CodedArticle(Article(id=text[:40], text=text, date=DUMMY_DATE))
        coded = find_places(doc, find_actors(doc, coded, res), res)
        out.extend(item_rows(doc, coded, item) for item in by_text[text])
    return out


def item_rows(doc, coded: CodedArticle, item: dict) -> dict:
    """One item's feature matrix (a row per place of the sentence), which places are right,
    whether "nowhere" is, and whether the current weights get it right."""
    gold = [Span(g["start"], g["end"], g["text"]) for g in item["locations"]]
    verb = doc.char_span(item["verb"]["start"], item["verb"]["end"], alignment_mode="expand")
    if verb is None:
        return {"none": not gold, "now": not gold, "has_places": False, "trainable": False}
    trigger = verb.root
    found = candidates(trigger, coded)
    x = np.array(feature_rows(trigger, found)).reshape(len(found), len(FEATURES))
    right = np.array([any(matches(g, Span(p.start, p.end, p.text), "name") for g in gold)
                      for _, p in found], dtype=bool)
    guess = locate_event(trigger, coded)
    now = (not gold and guess is None) or (bool(gold) and guess is not None and any(
        matches(g, Span(guess.start, guess.end, guess.text), "name") for g in gold))
    has_places = len(found) > 0
    return {"x": x, "right": right, "none": not gold, "now": now, "has_places": has_places,
            "trainable": has_places and (not gold or bool(right.any()))}


def stack(items: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All items' options as one matrix (each item's places, then a zero row for "nowhere"),
    which options are right, and where each item's rows start."""
    xs, good, starts, n = [], [], [], 0
    for it in items:
        starts.append(n)
        xs += [it["x"], np.zeros((1, it["x"].shape[1]))]
        good += [it["right"], [it["none"]]]
        n += len(it["x"]) + 1
    return np.vstack(xs), np.concatenate(good).astype(float), np.array(starts)


def loss_and_grad(w: np.ndarray, data: tuple, l2: float) -> tuple[float, np.ndarray]:
    """Mean of minus the log probability of the right options, and its gradient."""
    x, good, starts = data
    owner = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))
    scores = x @ w
    scores -= np.maximum.reduceat(scores, starts)[owner]
    p = np.exp(scores)
    p /= np.add.reduceat(p, starts)[owner]
    mass = np.add.reduceat(p * good, starts) + 1e-12
    q = p * good / mass[owner]
    n = len(starts)
    return -np.log(mass).sum() / n + l2 * float(w @ w), (p - q) @ x / n + 2 * l2 * w


def fit(items: list[dict], start: np.ndarray, l2: float = 1e-3, steps: int = 1500) -> np.ndarray:
    """Adam on the full batch: enough steps to settle two dozen weights."""
    data = stack(items)
    w, m, v = start.astype(float).copy(), np.zeros(len(start)), np.zeros(len(start))
    for t in range(1, steps + 1):
        _, g = loss_and_grad(w, data, l2)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.02 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def accuracy(w: np.ndarray, items: list[dict]) -> float:
    """Share right: the best place if its score is above 0, else nowhere (items the ranker can
    reach; the others count as they are now)."""
    right = 0
    for it in items:
        if "x" not in it or not it["has_places"]:
            right += it["now"]
            continue
        scores = it["x"] @ w
        best = int(np.argmax(scores))
        right += bool(it["right"][best]) if scores[best] > 0 else it["none"]
    return right / len(items)


def polish(w: np.ndarray, items: list[dict], rounds: int = 3) -> np.ndarray:
    """Coordinate search on accuracy itself, from the fitted weights: the log loss is only a
    smooth stand-in for it. Small steps, few rounds, so it stays close to the fit."""
    w, best = w.copy(), accuracy(w, items)
    for _ in range(rounds):
        improved = False
        for j in range(len(w)):
            for step in (-0.5, -0.2, -0.1, 0.1, 0.2, 0.5):
                trial = w.copy()
                trial[j] += step
                score = accuracy(trial, items)
                if score > best + 1e-9:
                    best, w, improved = score, trial, True
        if not improved:
            break
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args()
    items = collect(args.data)
    trainable = [it for it in items if it["trainable"]]
    start = np.array(WEIGHTS, dtype=float)
    print(f"{len(items)} items, {len(trainable)} the ranker can get right; "
          f"current weights: {accuracy(start, items):.3f}")
    w = polish(fit(trainable, start, args.l2), items)
    print(f"fitted on all: {accuracy(w, items):.3f}")
    rng = np.random.default_rng(0)
    fold = rng.integers(0, 2, len(items))
    cv = []
    for k in (0, 1):
        train = [it for it, f in zip(items, fold) if f != k]
        test = [it for it, f in zip(items, fold) if f == k]
        weights = polish(fit([it for it in train if it["trainable"]], start, args.l2), train)
        cv.append(accuracy(weights, test) * len(test))
    print(f"2-fold cross-validated: {sum(cv) / len(items):.3f}")
    print("WEIGHTS = (")
    for name, value in zip(FEATURES, w):
        print(f"    {value:.2f},  # {name}")
    print(")")


if __name__ == "__main__":
    main()
