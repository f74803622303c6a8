"""One real-world event, many mentions: link coded events to deduplicated events.

Two mentions report the same event when they share the event type, the source
and target actors (country and sector), the location (GeoNames id, or none),
whether they are asserted, negated or hypothetical, and their dates are at most
a day apart. Matching is incremental: a batch is compared only with stored
events of the same key within a day of its dates.

Events are rebuilt from their mentions after every batch, reading only narrow
integer columns of ``mentions`` (a columnar store reads whole columns, so wide
text columns are never scanned for this); the representative mention's text
fields come from the batch in hand, and from the table only in the rare case
that re-coding removed an event's representative.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from .model import Actor, Event, Place

WINDOW = dt.timedelta(days=1)
# A source's confidence is capped below 1 so that ln(1 - c) stays finite.
MAX_SOURCE_CONFIDENCE = 0.999
# Event columns copied from the representative mention (the most confident one).
REPRESENTED = (
    "dedup_key", "event_type", "mode", "cameo", "quad_class", "intensity",
    "source_name", "source_country", "source_sector", "source_code",
    "target_name", "target_country", "target_sector", "target_code",
    "place_name", "geonameid", "place_country", "admin1", "lat", "lon", "feature_code",
    "negated", "hypothetical", "lead", "mention_id", "article_id", "sentence", "url", "article_source",
)
AGGREGATES = ("date", "num_mentions", "num_articles", "num_sources", "confidence", "first_reported",
              "added_at", "mention_key")


def key(text: str) -> int:
    """A signed 64-bit hash of a string: joins on it read 8 bytes a row instead of the string."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def event_key(event: Event) -> int:
    """The dedup key of a coded event."""
    flag = "negated" if event.negated else "hypothetical" if event.hypothetical else "asserted"
    return key("|".join((event.event_type, flag, _actor_key(event.source), _actor_key(event.target),
                         _place_key(event.location))))


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
    for k, date, event_id in candidates:
        events.setdefault(k, []).append((date, event_id))
    links: list[int] = []
    created = 0
    for k, date in mentions:
        found = _nearest(events.get(k, ()), date)
        if found is None:
            created += 1
            found = -created  # a placeholder until the ids are drawn, all at once
            events.setdefault(k, []).append((date, found))
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


CANDIDATES_SQL = """
    SELECT e.dedup_key, e.date, e.event_id
    FROM events e JOIN batch_keys k ON e.dedup_key = k.dedup_key
    WHERE e.date BETWEEN k.date - INTERVAL 1 DAY AND k.date + INTERVAL 1 DAY
"""

# Aggregates of the touched events, from narrow columns only.
_AGGREGATE_SQL = f"""
    WITH m AS (
        SELECT event_id, article_key, outlet_key, confidence, date, published, added_at, mention_key
        FROM mentions WHERE event_id IN (SELECT event_id FROM touched)
    ),
    per_outlet AS (SELECT event_id, outlet_key, max(confidence) AS c FROM m GROUP BY event_id, outlet_key),
    sources AS (
        SELECT event_id, count(*) AS num_sources,
               round(1 - exp(sum(ln(1 - least(c, {MAX_SOURCE_CONFIDENCE})))), 4) AS confidence
        FROM per_outlet GROUP BY event_id
    ),
    days AS (
        SELECT event_id, date, count(*) AS n, max(count(*)) OVER (PARTITION BY event_id) AS top
        FROM m GROUP BY event_id, date
    ),
    day AS (SELECT event_id, min(date) AS date FROM days WHERE n = top GROUP BY event_id),
    counts AS (
        SELECT event_id, count(*) AS num_mentions, count(DISTINCT article_key) AS num_articles,
               min(published) AS first_reported, min(added_at) AS added_at
        FROM m GROUP BY event_id
    ),
    rep AS (
        SELECT event_id, mention_key FROM m QUALIFY row_number() OVER (
            PARTITION BY event_id ORDER BY confidence DESC, published, mention_key) = 1
    )
    SELECT event_id, day.date, num_mentions, num_articles, num_sources, sources.confidence, first_reported,
           counts.added_at, rep.mention_key
    FROM rep JOIN day USING (event_id) JOIN counts USING (event_id) JOIN sources USING (event_id)
"""


def refresh(con: duckdb.DuckDBPyConnection, touched: set[int], batch: pa.Table) -> None:
    """Rebuild the touched events from their mentions; events left with none disappear.

    ``batch`` holds this batch's mention rows with ``url`` and ``article_source``
    (the representative's fields are taken from it whenever they can be).
    """
    con.register("touched", pa.table({"event_id": pa.array(sorted(touched), pa.int64())}))
    try:
        aggregates = con.sql(_AGGREGATE_SQL).to_arrow_table()
        stored = dict(con.execute(
            "SELECT event_id, mention_key FROM events WHERE event_id IN (SELECT event_id FROM touched)").fetchall())
    finally:
        con.unregister("touched")
    kept = dict(zip(aggregates.column("event_id").to_pylist(), aggregates.column("mention_key").to_pylist(),
                    strict=True))
    gone = [e for e in stored if e not in kept]
    same = [e for e, rep in kept.items() if stored.get(e) == rep]
    changed = [e for e, rep in kept.items() if stored.get(e) != rep]
    _delete(con, gone + [e for e in changed if e in stored])
    con.register("aggregates", aggregates)
    try:
        if same:
            _update_counts(con, same)
        if changed:
            _insert_events(con, changed, kept, batch)
    finally:
        con.unregister("aggregates")


def _delete(con: duckdb.DuckDBPyConnection, ids: list[int]) -> None:
    if ids:
        con.register("doomed", pa.table({"event_id": pa.array(ids, pa.int64())}))
        try:
            con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM doomed)")
        finally:
            con.unregister("doomed")


def _update_counts(con: duckdb.DuckDBPyConnection, ids: list[int]) -> None:
    """The representative did not change: update the numbers in place."""
    con.register("same", pa.table({"event_id": pa.array(ids, pa.int64())}))
    try:
        sets = ", ".join(f"{c} = a.{c}" for c in AGGREGATES if c != "mention_key")
        con.execute(f"UPDATE events SET {sets}, updated_at = now()::TIMESTAMP FROM aggregates a "
                    "WHERE events.event_id = a.event_id AND a.event_id IN (SELECT event_id FROM same)")
    finally:
        con.unregister("same")


def _insert_events(con: duckdb.DuckDBPyConnection, ids: list[int], reps: dict[int, int], batch: pa.Table) -> None:
    """New events, and events whose representative changed: write whole rows."""
    wanted = {reps[e] for e in ids}
    in_batch = set(batch.column("mention_key").to_pylist()) & wanted
    rows = [batch.filter(pc.is_in(batch.column("mention_key"),
                                          value_set=pa.array(sorted(in_batch), pa.int64())))] if in_batch else []
    missing = wanted - in_batch
    if missing:  # re-coding removed the representative: fetch the new one (rare, and slower)
        con.register("missing", pa.table({"mention_key": pa.array(sorted(missing), pa.int64())}))
        try:
            old = con.sql(
                "SELECT m.*, a.url, a.source AS article_source FROM mentions m JOIN articles a USING (article_key) "
                "WHERE m.mention_key IN (SELECT mention_key FROM missing)").to_arrow_table()
        finally:
            con.unregister("missing")
        rows.append(old)
    names = ["mention_key", *REPRESENTED]
    chosen = pa.concat_tables([r.select(names).cast(rows[0].select(names).schema) for r in rows])
    con.register("chosen", chosen)
    con.register("fresh", pa.table({"event_id": pa.array(ids, pa.int64())}))
    try:
        columns = ", ".join(f"r.{c}" for c in REPRESENTED)
        con.execute(f"""
            INSERT INTO events BY NAME
            SELECT a.event_id, {", ".join(f"a.{c}" for c in AGGREGATES)}, {columns},
                   now()::TIMESTAMP AS updated_at
            FROM aggregates a JOIN chosen r ON r.mention_key = a.mention_key
            WHERE a.event_id IN (SELECT event_id FROM fresh)
            ORDER BY a.date, a.event_id""")
    finally:
        con.unregister("chosen")
        con.unregister("fresh")
