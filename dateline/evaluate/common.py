"""Helpers the event-coding scorers share: reading gold files, running dateline on
sentences, picking a sentence's event, and the fair-scoring conventions of the
data README (country codes, the CAMEO-PLOVER crosswalk, precision/recall/F1).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from ..ingest import find_dateline
from ..model import Actor, Article, Event
from ..settings import Settings

log = logging.getLogger(__name__)

DUMMY_DATE = dt.date(2000, 1, 1)  # the GSR's own (meaningless) date; no scorer here reads dates
QUICK_STEP = 3  # --quick scores every 3rd item of each set

# Rule 3: non-ISO codes used by the gold data, and codes that are not countries but compared as they are.
COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})
# CAMEO roots with no PLOVER type (rule 2): a coder's 01x/02x events count as "no event".
STATEMENT_ROOTS = frozenset({"01", "02"})
NO_EVENT = "none"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def quick_subset(items: Sequence, quick: bool) -> list:
    """Every ``QUICK_STEP``-th item (a fixed, spread-out subset) when quick, else all."""
    return list(items[::QUICK_STEP]) if quick else list(items)


def code_sentences(items: Iterable[tuple], *, settings: Settings | None = None) -> dict[str, list[Event]]:
    """Run the full pipeline on (id, text) or (id, text, date) items, one article each.

    Returns each id's events. Batched through ``pipeline.code_articles`` (one
    ``nlp.pipe`` stream); items without a date get ``DUMMY_DATE``.
    """
    from ..pipeline import code_articles
    from ..resources import Resources

    res = Resources.load(settings or Settings())
    out = {}
    for coded in code_articles(map(as_article, items), res):
        if coded.errors:  # scored as coded so far; said, so a crash never passes for a miss
            log.warning("%s: %s", coded.article.id, "; ".join(coded.errors))
        out[coded.article.id] = list(coded.events)
    return out


def as_article(item: tuple) -> Article:
    """An (id, text[, date]) item as ``read_articles`` would make it, dateline ("WASHINGTON--") found."""
    item_id, text = item[0], item[1]
    span = find_dateline(text)
    return Article(id=item_id, text=text, date=item[2] if len(item) > 2 else DUMMY_DATE, origin=item_id,
                   dateline_start=span[0] if span else None, dateline_end=span[1] if span else None)


def kept(events: Iterable[Event]) -> list[Event]:
    """Events a user of the data keeps: negated ones ("did not attack") are dropped.

    Hypothetical and future events stay: the gold sets code intents and threats
    ("will visit", "threatened to ...") as events.
    """
    return [e for e in events if not e.negated]


def best_event(events: Iterable[Event]) -> Event | None:
    """The sentence's event: the kept one with the highest confidence, the earliest on ties."""
    candidates = kept(events)
    if not candidates:
        return None
    return min(candidates, key=lambda e: (-e.confidence, e.start))


def normalise_country(code: str | None) -> str | None:
    """Rule 3: the first three letters of an actor code, uppercased, non-ISO codes fixed."""
    if not code:
        return None
    head = code.strip().upper()[:3]
    return COUNTRY_FIXES.get(head, head) or None


def actor_country(actor: Actor | None) -> str | None:
    """A predicted actor's country by rule 3: its ``country``, else the head of its code.

    A code that is only the actor's sector ("GOV" for "the government") names no
    country; IGO/NGO/IMG/ISM actors keep that code.
    """
    if actor is None:
        return None
    if actor.country:
        return normalise_country(actor.country)
    if normalise_country(actor.sector) in NON_STATE_CODES:
        return normalise_country(actor.sector)
    if actor.code and not (actor.sector and actor.code.upper().startswith(actor.sector.upper())):
        return normalise_country(actor.code)
    return None


def actor_sector(actor: Actor | None) -> str | None:
    """Rule 4: sectors are compared on their first three letters."""
    if actor is None or not actor.sector:
        return None
    return actor.sector.strip().upper()[:3]


def gold_country(actor: dict) -> str | None:
    return normalise_country(actor.get("country") or actor.get("code"))


def gold_sector(actor: dict) -> str | None:
    sector = actor.get("sector")
    if not sector or sector == "***":
        return None
    return sector.strip().upper()[:3]


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code else None


def is_statement(code: str | None) -> bool:
    return bool(code) and code[:2] in STATEMENT_ROOTS


@lru_cache(maxsize=4)
def load_crosswalk(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type from ``CAMEO2PLOVER-2021.txt`` (``1823: ASSAULT, , # ...``).

    The first line for a code wins when the table repeats one.
    """
    table: dict[str, str] = {}
    line_re = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            match = line_re.match(line.split("#", 1)[0])
            if match:
                table.setdefault(match.group(1), match.group(2))
    return table


def cameo_to_plover(code: str | None, crosswalk: dict[str, str]) -> str | None:
    """Rule 2: exact code lookup; 01x/02x and codes missing from the table give no type."""
    if not code or is_statement(code):
        return None
    return crosswalk.get(code)


def pair_by_overlap(gold: Sequence, predicted: Sequence) -> list[tuple]:
    """Gold and predicted spans (anything with ``start`` and ``end``) paired one to one where they
    overlap, the largest overlap first; in the order of the gold spans."""
    options = sorted(((min(g.end, p.end) - max(g.start, p.start), i, j)
                      for i, g in enumerate(gold) for j, p in enumerate(predicted)
                      if g.start < p.end and p.start < g.end), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in options:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], predicted[j]))
    return sorted(pairs, key=lambda pair: pair[0].start)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def per_class_f1(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, tuple[int, int, int, float]]:
    """For each gold class: (gold count, predicted count, true positives, F1)."""
    out = {}
    for cls in sorted(set(gold)):
        tp = sum(g == p == cls for g, p in zip(gold, predicted))
        n_gold = sum(g == cls for g in gold)
        n_pred = sum(p == cls for p in predicted)
        out[cls] = (n_gold, n_pred, tp, prf(tp, n_pred - tp, n_gold - tp)[2])
    return out


def macro_f1(per_class: dict[str, tuple[int, int, int, float]]) -> float:
    return sum(v[3] for v in per_class.values()) / len(per_class) if per_class else 0.0


def describe(event: Event) -> dict:
    """A predicted event, compactly, for the per-item error report (``--errors``)."""
    def who(actor: Actor | None) -> str | None:
        if actor is None:
            return None
        return f"{actor.text} [{actor.code or (actor.country or '') + (actor.sector or '')}]"

    return {"type": event.event_type, "cameo": event.cameo, "mode": event.mode, "trigger": event.trigger,
            "source": who(event.source), "target": who(event.target),
            "source_country": actor_country(event.source), "target_country": actor_country(event.target),
            "location": event.location.text if event.location else None,
            "confidence": round(event.confidence, 3), "negated": event.negated,
            "hypothetical": event.hypothetical}
