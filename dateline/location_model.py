"""The fitted ranker behind ``location.locate_event``: weights of features and of feature pairs.

A place's score is ``x . linear + sum(w * x[a] * x[b] for each weighted pair a, b)`` plus the
weights of the place's patterns (``location.pattern_keys``: the preposition before it, its tree
path to the trigger, the trigger's word, ...); "nowhere" scores 0. The weights live in
``data/places/location_ranker.json``, written by ``benchmarks/fit_location.py`` from the Halterman
event-location dev set (MIT licence).
"""

from __future__ import annotations

import functools
import json
from importlib import resources as importlib_resources
from pathlib import Path

import numpy as np

from .errors import DatelineError


class Ranker:
    """Scores rows of feature values; built from the JSON the fitting script writes."""

    def __init__(self, features: tuple[str, ...], linear: dict[str, float],
                 pairs: list[tuple[str, str, float]], patterns: dict[str, float] | None = None):
        index = {name: i for i, name in enumerate(features)}
        unknown = (set(linear) | {a for a, _, _ in pairs} | {b for _, b, _ in pairs}) - set(index)
        if unknown:
            raise DatelineError(f"location ranker names unknown features: {sorted(unknown)}; "
                                f"refit it with benchmarks/fit_location.py")
        self.features = features
        self.linear = np.array([linear.get(name, 0.0) for name in features])
        self.first = np.array([index[a] for a, _, _ in pairs], dtype=np.int64)
        self.second = np.array([index[b] for _, b, _ in pairs], dtype=np.int64)
        self.pair_weights = np.array([w for _, _, w in pairs])
        self.patterns = dict(patterns or {})

    def scores(self, rows: np.ndarray, patterns: list[list[str]] | None = None) -> np.ndarray:
        """One score per row (a row of feature values per place, with its patterns if given)."""
        if not len(rows):
            return np.zeros(0)
        out = rows @ self.linear + (rows[:, self.first] * rows[:, self.second]) @ self.pair_weights
        if patterns is not None:
            out += np.array([sum(self.patterns.get(key, 0.0) for key in keys) for keys in patterns])
        return out

    def to_dict(self) -> dict:
        return {
            "linear": {name: round(float(w), 3) for name, w in zip(self.features, self.linear)},
            "pairs": [[self.features[a], self.features[b], round(float(w), 3)]
                      for a, b, w in zip(self.first, self.second, self.pair_weights)],
            "patterns": {key: round(float(w), 3) for key, w in sorted(self.patterns.items())},
        }

    @classmethod
    def from_dict(cls, features: tuple[str, ...], data: dict) -> Ranker:
        return cls(features, data["linear"], [(a, b, float(w)) for a, b, w in data["pairs"]],
                   {key: float(w) for key, w in data.get("patterns", {}).items()})


def ranker_path() -> Path:
    return Path(str(importlib_resources.files("dateline") / "data" / "places" / "location_ranker.json"))


@functools.lru_cache(maxsize=1)
def load_ranker(features: tuple[str, ...]) -> Ranker:
    """The shipped ranker for these feature names, read once per process."""
    path = ranker_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(f"cannot read the location ranker {path} ({exc})") from exc
    return Ranker.from_dict(features, data)
