"""One real-world event, many mentions: link coded events to deduplicated events.

Two mentions report the same event when they share the event type, the source
and target actors (country and sector), the location (GeoNames id, or none),
whether they are asserted, negated or hypothetical, and their dates are at most
a day apart. Matching is incremental: a batch is compared only with stored
events of the same key within a day of its dates, so the cost grows with the
batch, not with the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable

from .model import Actor, Event, Place

WINDOW = dt.timedelta(days=1)
# A source's confidence is capped below 1 so that ln(1 - c) stays finite.
MAX_SOURCE_CONFIDENCE = 0.999


def event_key(event: Event) -> int:
    """The dedup key of a coded event, as a signed 64-bit hash (cheap to index and join)."""
    flag = "negated" if event.negated else "hypothetical" if event.hypothetical else "asserted"
    parts = (event.event_type, flag, _actor_key(event.source), _actor_key(event.target),
             _place_key(event.location))
    digest = hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    if actor.country or actor.sector:
        return f"{actor.country or ''}/{actor.sector or ''}"
    # Nothing resolved: fall back on the name so unrelated unknown actors do not merge.
    return "name:" + actor.name.casefold()


def _place_key(place: Place | None) -> str:
    if place is None:
        return "-"
    if place.geonameid is not None:
        return str(place.geonameid)
    return "name:" + place.name.casefold()


def link(mentions: list[tuple[int, dt.date]], candidates: Iterable[tuple[int, dt.date, int]],
         new_ids: Callable[[int], list[int]]) -> list[int]:
    """The event id of each (key, date) mention: the nearest same-key event within a day, else a new one.

    ``candidates`` are stored (key, date, event_id) triples; events started by
    earlier mentions of the same batch are candidates too. ``new_ids(n)`` draws n fresh ids.
    """
    events: dict[int, list[tuple[dt.date, int]]] = {}
    for key, date, event_id in candidates:
        events.setdefault(key, []).append((date, event_id))
    links: list[int] = []
    created = 0
    for key, date in mentions:
        found = _nearest(events.get(key, ()), date)
        if found is None:
            created += 1
            found = -created  # a placeholder until the ids are drawn, all at once
            events.setdefault(key, []).append((date, found))
        links.append(found)
    ids = new_ids(created) if created else []
    return [ids[-found - 1] if found < 0 else found for found in links]


def _nearest(events: Iterable[tuple[dt.date, int]], date: dt.date) -> int | None:
    best = None
    for event_date, event_id in events:
        gap = abs(event_date - date)
        # Nearest first; on a tie, a stored event before one started in this batch.
        rank = (gap, event_id < 0, abs(event_id))
        if gap <= WINDOW and (best is None or rank < best[0]):
            best = (rank, event_id)
    return best[1] if best else None


def candidates_sql(keys_table: str) -> str:
    """Stored events that a batch's mentions may join (same key, within a day of the batch's dates)."""
    return f"""
        SELECT e.dedup_key, e.date, e.event_id
        FROM events e JOIN {keys_table} k ON e.dedup_key = k.dedup_key
        WHERE e.date BETWEEN k.date - INTERVAL 1 DAY AND k.date + INTERVAL 1 DAY
    """


def refresh_sql(ids_table: str) -> list[str]:
    """Statements that rebuild the given events from their mentions; events left with none vanish."""
    return [
        f"DELETE FROM events WHERE event_id IN (SELECT event_id FROM {ids_table})",
        f"""
        INSERT INTO events BY NAME
        WITH m AS (
            SELECT m.*, a.date AS published, a.url, a.source AS article_source,
                   coalesce(a.source, nullif(regexp_extract(a.url, '^[a-zA-Z]+://([^/]+)', 1), ''),
                            a.article_id) AS outlet
            FROM mentions m JOIN articles a USING (article_id)
            WHERE m.event_id IN (SELECT event_id FROM {ids_table})
        ),
        per_outlet AS (
            SELECT event_id, outlet, max(confidence) AS c FROM m GROUP BY event_id, outlet
        ),
        sources AS (
            SELECT event_id, count(*) AS num_sources,
                   1 - exp(sum(ln(1 - least(c, {MAX_SOURCE_CONFIDENCE})))) AS confidence
            FROM per_outlet GROUP BY event_id
        ),
        days AS (
            SELECT event_id, date, count(*) AS n,
                   max(count(*)) OVER (PARTITION BY event_id) AS top
            FROM m GROUP BY event_id, date
        ),
        day AS (SELECT event_id, min(date) AS date FROM days WHERE n = top GROUP BY event_id),
        counts AS (
            SELECT event_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                   min(published) AS first_reported, min(added_at) AS added_at
            FROM m GROUP BY event_id
        ),
        rep AS (
            SELECT * FROM m QUALIFY row_number() OVER (
                PARTITION BY event_id ORDER BY confidence DESC, published, mention_id) = 1
        )
        SELECT rep.event_id, rep.dedup_key, day.date, rep.event_type, rep.mode, rep.cameo,
               rep.quad_class, rep.intensity,
               rep.source_name, rep.source_country, rep.source_sector, rep.source_code,
               rep.target_name, rep.target_country, rep.target_sector, rep.target_code,
               rep.place_name, rep.geonameid, rep.place_country, rep.admin1, rep.lat, rep.lon,
               rep.feature_code, rep.negated, rep.hypothetical, rep.lead,
               counts.num_mentions, counts.num_articles, sources.num_sources,
               round(sources.confidence, 4) AS confidence,
               rep.mention_id, rep.article_id, rep.sentence, rep.url, rep.article_source,
               counts.first_reported, counts.added_at, now()::TIMESTAMP AS updated_at
        FROM rep JOIN day USING (event_id) JOIN counts USING (event_id) JOIN sources USING (event_id)
        ORDER BY day.date, rep.event_id
        """,
    ]
