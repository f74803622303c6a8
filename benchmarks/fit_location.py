"""Fit the event-location ranker (``location_model``) on the Halterman event-location dev set.

The ranker is a softmax over the places of the trigger's sentence and "nowhere" (score 0), with
a weight per feature of ``location.FEATURES``, per pair of features (a quadratic model) and per
pattern key of ``location.pattern_keys`` seen at least ``--min-count`` times (L2-regularised).
Each item's loss is minus the log of the probability given to the right answers (a place
matching a gold location by name, rule 7, or "nowhere" when the gold has none); items
whose gold place was never recognised are left out, as no weight can make them right, and so are
the items of the batches named by ``--skip-source``: by default ``Masdar_RA``, whose annotator gave
a location to 9% of its 914 "killed" items where every other batch gives one to 67-87% (a
convention of its own that a model with the trigger's word as a key would learn as "killings
happen nowhere"). Every item is still scored. Prints the in-sample accuracy beside the
cross-validated one (5 folds by sentence), so overfitting shows; ``--write`` saves the weights
to ``dateline/data/places/location_ranker.json``.

    python benchmarks/fit_location.py [--data ../shared/data] [--docs /tmp/evloc.spacy] [--write]
                                      [--folds 5] [--l2 1e-3] [--min-count 10] [--skip-source NAME]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from dateline.evaluate.common import DUMMY_DATE, read_jsonl
from dateline.evaluate.location import FILE, Span, matches
from dateline.location import FEATURES, candidates, feature_rows, locate_event, pattern_rows
from dateline.location_model import Ranker, load_ranker, ranker_path
from dateline.model import Article, CodedArticle
from dateline.nlp import parse
from dateline.resources import Resources
from dateline.stages.actors import find_actors
from dateline.stages.places import find_places

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def collect(data: Path, docs_cache: Path | None = None) -> list[dict]:
    """For every item: the feature matrix of its places, which are right, and whether none is."""
    items = read_jsonl(data / FILE)
    by_text: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        by_text[item["text"]].append(item)
    res = Resources.load()
    out = []
    for doc, text in parsed(res, list(by_text), docs_cache):
        coded = CodedArticle(Article(id=text[:40], text=text, date=DUMMY_DATE))
        coded = find_places(doc, find_actors(doc, coded, res), res)
        out.extend(item_rows(doc, coded, item) for item in by_text[text])
    return out


def parsed(res: Resources, texts: list[str], cache: Path | None):
    """The texts parsed, read from ``cache`` (a spaCy DocBin) when it holds them, else parsed and
    saved there: refitting after a change to places or features need not parse again."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(res.nlp.vocab))
        if [d.text for d in docs] == texts:
            return zip(docs, texts)
    docs = [doc for doc, _ in parse(res.nlp, ((t, t) for t in texts), batch_size=res.settings.batch_size)]
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return zip(docs, texts)


def item_rows(doc, coded: CodedArticle, item: dict) -> dict:
    """One item's feature matrix (a row per place of the sentence), which places are right,
    whether "nowhere" is, and whether the current weights get it right."""
    gold = [Span(g["start"], g["end"], g["text"]) for g in item["locations"]]
    verb = doc.char_span(item["verb"]["start"], item["verb"]["end"], alignment_mode="expand")
    if verb is None:
        return {"none": not gold, "now": not gold, "has_places": False, "trainable": False,
                "text": item["text"]}
    trigger = verb.root
    found = candidates(trigger, coded)
    x = np.array(feature_rows(trigger, found)).reshape(len(found), len(FEATURES))
    right = np.array([any(matches(g, Span(p.start, p.end, p.text), "name") for g in gold)
                      for _, p in found], dtype=bool)
    guess = locate_event(trigger, coded)
    now = (not gold and guess is None) or (bool(gold) and guess is not None and any(
        matches(g, Span(guess.start, guess.end, guess.text), "name") for g in gold))
    has_places = len(found) > 0
    return {"x": x, "patterns": pattern_rows(trigger, found), "right": right, "none": not gold,
            "source": item.get("source"), "text": item["text"],
            "now": now, "has_places": has_places,
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
    """Adam on the full batch: enough steps to settle the weights (cross-validation shows it)."""
    data = stack(items)
    w, m, v = start.astype(float).copy(), np.zeros(len(start)), np.zeros(len(start))
    for t in range(1, steps + 1):
        _, g = loss_and_grad(w, data, l2)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.02 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


PAIRS = [(a, b) for a in range(1, len(FEATURES)) for b in range(a + 1, len(FEATURES))]


def vocabulary(items: list[dict], min_count: int) -> list[str]:
    """The pattern keys that at least ``min_count`` places of these items have."""
    counts = Counter(key for it in items for keys in it["patterns"] for key in set(keys))
    return sorted(key for key, n in counts.items() if n >= min_count)


def expand(items: list[dict], vocab: list[str]) -> list[dict]:
    """The items with a column per pair of features (the products), then one per pattern key,
    after the features."""
    column = {key: i for i, key in enumerate(vocab)}
    out = []
    for it in items:
        x = it["x"]
        products = x[:, [a for a, _ in PAIRS]] * x[:, [b for _, b in PAIRS]]
        keys = np.zeros((len(x), len(vocab)))
        for row, found in enumerate(it["patterns"]):
            keys[row, [column[k] for k in found if k in column]] = 1.0
        out.append({**it, "x": np.hstack([x, products, keys])})
    return out


def to_ranker(w: np.ndarray, vocab: list[str], smallest: float = 0.01) -> Ranker:
    n, m = len(FEATURES), len(FEATURES) + len(PAIRS)
    pairs = [(FEATURES[a], FEATURES[b], float(v)) for (a, b), v in zip(PAIRS, w[n:m]) if abs(v) >= smallest]
    patterns = {key: float(v) for key, v in zip(vocab, w[m:]) if abs(v) >= smallest}
    return Ranker(FEATURES, dict(zip(FEATURES, map(float, w[:n]))), pairs, patterns)


def accuracy(ranker: Ranker, items: list[dict]) -> float:
    """Share right: the best place if its score is above 0, else nowhere (items the ranker cannot
    reach count as they are now)."""
    right = 0
    for it in items:
        if not it["has_places"]:
            right += it["now"]
            continue
        scores = ranker.scores(it["x"], it["patterns"])
        best = int(np.argmax(scores))
        right += bool(it["right"][best]) if scores[best] > 0 else it["none"]
    return right / len(items)


def train(items: list[dict], l2: float, min_count: int, skip: frozenset[str] = frozenset()) -> Ranker:
    trainable = [it for it in items if it["trainable"] and it["source"] not in skip]
    vocab = vocabulary(trainable, min_count)
    weights = fit(expand(trainable, vocab), np.zeros(len(FEATURES) + len(PAIRS) + len(vocab)), l2)
    return to_ranker(weights, vocab)


def cross_validated(items: list[dict], folds: int, l2: float, min_count: int, skip: frozenset[str]) -> float:
    """Accuracy on each fold of a ranker trained on the others; the verbs of one sentence share a
    fold, so no sentence is both learned from and scored."""
    texts = sorted({it["text"] for it in items})
    fold_of = dict(zip(texts, np.random.default_rng(0).integers(0, folds, len(texts))))
    right = 0.0
    for k in range(folds):
        test = [it for it in items if fold_of[it["text"]] == k]
        trained = train([it for it in items if fold_of[it["text"]] != k], l2, min_count, skip)
        right += accuracy(trained, test) * len(test)
    return right / len(items)


def ranker_json(data: dict) -> str:
    """The ranker as JSON, one pair of features a line."""
    head = json.dumps({k: v for k, v in data.items() if k != "pairs"}, indent=1)[:-2]
    pairs = ",\n".join("  " + json.dumps(pair) for pair in data["pairs"])
    return f'{head},\n "pairs": [\n{pairs}\n ]\n}}\n'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--min-count", type=int, default=10, help="fewest places a pattern key needs")
    parser.add_argument("--skip-source", action="append", default=None,
                        help="annotation batch to leave out of training (repeatable; default Masdar_RA)")
    parser.add_argument("--write", action="store_true", help="save the weights fitted on all items")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation")
    parser.add_argument("--docs", type=Path, help="cache of the parsed sentences (a spaCy DocBin file)")
    args = parser.parse_args()
    items = collect(args.data, args.docs)
    print(f"{len(items)} items, {sum(it['trainable'] for it in items)} the ranker can get right; "
          f"shipped ranker: {accuracy(load_ranker(FEATURES), items):.4f}")
    skip = frozenset(["Masdar_RA"] if args.skip_source is None else args.skip_source)
    ranker = train(items, args.l2, args.min_count, skip)
    in_sample = accuracy(ranker, items)
    cv = cross_validated(items, args.folds, args.l2, args.min_count, skip)
    print(f"fitted on all: {in_sample:.4f}; {args.folds}-fold cross-validated: {cv:.4f}")
    if args.write:
        data = {"note": "written by benchmarks/fit_location.py from the Halterman event-location dev set",
                "items": len(items), "trained_without": sorted(skip),
                "accuracy": round(in_sample, 4), "cross_validated": round(cv, 4),
                **ranker.to_dict()}
        ranker_path().write_text(ranker_json(data), encoding="utf-8")
        print(f"wrote {ranker_path()}")


if __name__ == "__main__":
    main()
