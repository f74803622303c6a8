"""Score dateline against human-coded gold data (see ``../shared/data/README.md``).

One scorer module per task. Each exposes ``run(data_dir, *, quick=False) -> list[Score]``
that reads its set from ``data_dir`` (the folder holding ``plover-gsr/``, ``geo-lgl/``, ...),
runs dateline on it and scores it; ``quick`` scores a small fixed subset for CI.
Two keywords are optional and passed only to a ``run`` that declares them:
``tasks`` (the task names asked for, so a module scoring several can skip the
rest) and ``details`` (a list to extend with one record per scored item, gold
beside prediction, for ``dateline evaluate --errors``).
Scoring helpers that do not run dateline (``score_*`` functions) are pure and
tested on hand-made cases.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    """One figure of one task: ``plover-gsr / event_type_accuracy = 0.86 (n=167)``."""

    task: str  # the data set, e.g. "plover-gsr"
    metric: str  # e.g. "event_type_accuracy"
    value: float
    n: int  # items the figure is computed over
    note: str = ""  # e.g. "human pairwise agreement 0.82"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# task name -> module in this package that scores it (imported on demand)
SCORERS: dict[str, str] = {
    "plover-gsr": "events",
    "cameo-examples": "cameo",
    "conflibert": "conflibert",
    "petrarch2": "petrarch",
    "event-location": "location",
    "lgl": "geo",
    "geowebnews": "geo",
    "meantime": "timex",
    "recognizers-text": "timex",
}
