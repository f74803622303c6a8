"""Builders for hand-made predictions in the scorer tests (no gold sentences here)."""

from __future__ import annotations

import datetime as dt

from dateline.model import Actor, Event, Place


def actor(country: str | None, sector: str | None = None, code: str | None = None) -> Actor:
    code = code if code is not None else ((country or "") + (sector or "")) or None
    return Actor(text=code or "someone", start=0, end=1, name=code or "someone",
                 country=country, sector=sector, code=code)


def event(event_type: str = "ASSAULT", source: Actor | None = None, target: Actor | None = None, *,
          cameo: str = "190", mode: str | None = None, confidence: float = 0.5, start: int = 0,
          negated: bool = False, hypothetical: bool = False, place: str | None = None,
          reciprocal: bool = False) -> Event:
    location = Place(text=place, start=0, end=len(place), name=place) if place else None
    return Event(event_id=f"e{start}", article_id="a", date=dt.date(2000, 1, 1), date_precision="day",
                 event_type=event_type, mode=mode, cameo=cameo, quad_class=4, intensity=-10.0,
                 source=source, target=target, location=location, sentence="", start=start, end=start + 1,
                 negated=negated, hypothetical=hypothetical, reciprocal=reciprocal, confidence=confidence)


def gold_actor(country: str, sector: str | None = None) -> dict:
    return {"text": country, "code": country + (sector or ""), "country": country, "sector": sector,
            "sector_raw": sector}


def gsr_item(event_type: str, sources: list[dict], targets: list[dict], *, mode: str | None = None,
             reciprocal: bool = False, location: str | None = None, item_id: str = "x") -> dict:
    return {"id": item_id, "text": "", "event_type": event_type, "mode": mode, "source": sources,
            "target": targets, "reciprocal": reciprocal,
            "location": {"name": location, "country": None} if location else None}
