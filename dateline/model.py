"""The data model: plain, immutable records that travel between pipeline stages.

An ``Article`` comes in; each stage adds one layer to a ``CodedArticle``
(actors, places, times, events). Every layer keeps the character offsets of the
text it came from (0-based, end-exclusive, into ``Article.text``), so any row of
the event data can be traced back to its sentence.

``to_dict`` on each record gives the JSON shape of ``dateline annotate`` (the
output contract that tests and outside scorers rely on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)

# CAMEO's public statements (root 01: "X said ..."), which PLOVER has no type for.
STATEMENT = "STATEMENT"
EVENT_TYPES = (*PLOVER_TYPES, STATEMENT)

PRECISIONS = ("day", "week", "month", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class Article:
    """One dated news article, as read from the input."""

    id: str
    text: str
    date: dt.date  # publication date
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # Where it came from, for messages and provenance: "path:line" or "path".
    origin: str = ""
    # Span of the dateline ("CAIRO:", "BAGHDAD, March 3 (Reuters) -") in ``text``; None if absent.
    dateline_start: int | None = None
    dateline_end: int | None = None

    @property
    def content_hash(self) -> str:
        """A digest of what the coder sees: same hash, same events."""
        parts = (self.text, self.date.isoformat(), self.title or "")
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()

    @property
    def dateline(self) -> str | None:
        if self.dateline_start is None or self.dateline_end is None:
            return None
        return self.text[self.dateline_start:self.dateline_end]


@dataclass(frozen=True, slots=True)
class Reject:
    """An input item that could not be read; it goes to the rejects report."""

    origin: str  # "path:line" or "path"
    reason: str
    article_id: str | None = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of a political actor, resolved to country and sector.

    ``code`` is the CAMEO-style actor code, country + sector ("EGYGOV"), or
    the sector alone for actors with no country ("IGO", "NGO").
    ``entity`` groups mentions of the same actor within an article
    (coreference): "Khalifa Haftar", "Haftar" and "he" share it.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector code: GOV, MIL, REB, ...
    code: str | None = None
    entity: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "country": self.country, "sector": self.sector, "code": self.code,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a GeoNames entry (geonameid may be None if unresolved)."""

    text: str
    start: int
    end: int
    name: str
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # name of the first-level subdivision
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None  # GeoNames feature code: PPLC, PPL, ADM1, PCLI, ...
    precision: str | None = None  # country, admin1, admin2, city, finer

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "geonameid": self.geonameid, "country": self.country, "admin1": self.admin1,
            "lat": self.lat, "lon": self.lon, "feature_code": self.feature_code,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression normalised against the publication date.

    ``value`` is an ISO date or a coarser form: "2020-12-06" (day),
    "2020-W49" (week), "2020-12" (month), "2020" (year), "199X" (decade).
    ``date`` is the first day the value covers, for sorting and filtering.
    """

    text: str
    start: int
    end: int
    value: str
    precision: str  # one of PRECISIONS
    date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "value": self.value, "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, from one sentence."""

    event_id: str
    article_id: str
    date: dt.date
    date_precision: str
    event_type: str  # PLOVER 2.0 type, or STATEMENT (CAMEO root 01, which PLOVER lacks)
    mode: str | None
    cameo: str  # CAMEO code as a string, leading zero kept: "042"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    intensity: float  # -10..10 (Goldstein-style)
    source: Actor | None
    target: Actor | None
    location: Place | None
    sentence: str
    start: int  # trigger offsets in the article text
    end: int
    trigger: str = ""
    negated: bool = False
    hypothetical: bool = False
    # A symmetric act between the two ("X and Y agreed", "X met Y"): coded once
    # per pair, direction as reported, but it holds for Y -> X too.
    reciprocal: bool = False
    confidence: float = 0.5
    sentence_start: int = 0  # offset of ``sentence`` in the article text
    date_value: str | None = None  # the normalised time value the date came from

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "trigger": self.trigger,
            "start": self.start,
            "end": self.end,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "reciprocal": self.reciprocal,
            "confidence": round(self.confidence, 3),
        }


def make_event_id(article_id: str, start: int, event_type: str, source: Actor | None,
                  target: Actor | None) -> str:
    """A stable id: the same article, trigger and actors always give the same id."""
    key = "|".join([
        article_id, str(start), event_type,
        str(source.start) if source else "-", str(target.start) if target else "-",
    ])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with every layer the pipeline found in it."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()
    # Place the dateline names, resolved; events reported from there may take it.
    dateline_place: Place | None = None
    errors: tuple[str, ...] = field(default_factory=tuple)

    def replace(self, **changes: Any) -> CodedArticle:
        return dataclasses.replace(self, **changes)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {"id": a.id, "date": a.date.isoformat()}
        for key in ("title", "url", "source"):
            if getattr(a, key):
                out[key] = getattr(a, key)
        if with_text:
            out["text"] = a.text
        out["actors"] = [x.to_dict() for x in self.actors]
        out["places"] = [x.to_dict() for x in self.places]
        out["times"] = [x.to_dict() for x in self.times]
        out["events"] = [x.to_dict() for x in self.events]
        return out
