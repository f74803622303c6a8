"""Read queries over the event store, shared by the CLI, the API and the explorer.

Every query takes an ``EventFilter``; by default negated and hypothetical events
are left out (they stay in ``mentions`` and ``events``, flagged). Rows come back
as plain dicts ready for JSON (dates as ISO strings).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import duckdb

from .errors import DatelineError
from .model import EVENT_TYPES


class FilterError(DatelineError):
    """A filter or query option is malformed; the message says which and what is expected."""


# What `/events` and the flat exports show, in order.
EVENT_COLUMNS = (
    "event_id", "date", "event_type", "mode", "cameo", "quad_class", "intensity",
    "source_name", "source_country", "source_sector", "source_code",
    "target_name", "target_country", "target_sector", "target_code",
    "place_name", "geonameid", "place_country", "admin1", "lat", "lon", "feature_code",
    "num_mentions", "num_articles", "num_sources", "confidence", "negated", "hypothetical",
    "sentence", "article_id", "url", "article_source", "first_reported",
)
DATE_COLUMNS = {"date", "first_reported", "published"}
SORTS = ("date", "confidence", "num_sources", "num_mentions", "num_articles", "intensity", "event_id")
MAX_LIMIT = 1000


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Empty fields do not filter."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: tuple[str, ...] = ()  # ISO alpha-3: source, target or place country
    actor: str | None = None  # an actor code ("EGYGOV") or part of a name ("Haftar")
    event_type: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    place: str | None = None  # a GeoNames id or part of a place name
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    q: str | None = None  # words in a sentence, an actor or place name
    min_sources: int | None = None
    include_flagged: bool = False  # also negated and hypothetical events

    @classmethod
    def parse(cls, *, since: str | dt.date | None = None, until: str | dt.date | None = None,
              country: str | None = None, actor: str | None = None, event_type: str | None = None,
              quad_class: str | None = None, place: str | None = None, bbox: str | None = None,
              q: str | None = None, min_sources: int | None = None,
              include_flagged: bool = False) -> EventFilter:
        """A filter from user strings (comma-separated lists); raises FilterError with the fix."""
        made = cls(
            since=_date(since, "since"), until=_date(until, "until"),
            country=tuple(_country(c) for c in _items(country)),
            actor=_text(actor), event_type=tuple(_event_type(t) for t in _items(event_type)),
            quad_class=tuple(_quad_class(x) for x in _items(quad_class)),
            place=_text(place), bbox=_bbox(bbox) if bbox else None, q=_text(q),
            min_sources=min_sources, include_flagged=include_flagged,
        )
        if made.since and made.until and made.since > made.until:
            raise FilterError(f"since ({made.since}) is after until ({made.until})")
        return made

    def replace(self, **changes: Any) -> EventFilter:
        return dataclasses.replace(self, **changes)

    def where(self) -> tuple[str, list[Any]]:
        """A SQL condition on ``events`` and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if not self.include_flagged:
            conds.append("NOT negated AND NOT hypothetical")
        if self.since:
            conds.append("date >= ?")
            params.append(self.since)
        if self.until:
            conds.append("date <= ?")
            params.append(self.until)
        if self.country:
            marks = _marks(self.country)
            conds.append(f"(source_country IN {marks} OR target_country IN {marks} OR place_country IN {marks})")
            params += list(self.country) * 3
        if self.actor:
            conds.append("(source_code = ? OR target_code = ? OR contains(lower(source_name), ?) "
                         "OR contains(lower(target_name), ?))")
            params += [self.actor.upper()] * 2 + [self.actor.lower()] * 2
        if self.event_type:
            conds.append(f"event_type IN {_marks(self.event_type)}")
            params += list(self.event_type)
        if self.quad_class:
            conds.append(f"quad_class IN {_marks(self.quad_class)}")
            params += list(self.quad_class)
        if self.place:
            if self.place.isdigit():
                conds.append("geonameid = ?")
                params.append(int(self.place))
            else:
                conds.append("contains(lower(place_name), ?)")
                params.append(self.place.lower())
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            lon = "lon BETWEEN ? AND ?" if min_lon <= max_lon else "(lon >= ? OR lon <= ?)"
            conds.append(f"{lon} AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if self.q:
            needle = self.q.lower()
            conds.append("(contains(lower(source_name), ?) OR contains(lower(target_name), ?) "
                         "OR contains(lower(place_name), ?) OR event_id IN "
                         "(SELECT event_id FROM mentions WHERE contains(lower(sentence), ?)))")
            params += [needle] * 4
        if self.min_sources:
            conds.append("num_sources >= ?")
            params.append(self.min_sources)
        return (" AND ".join(conds) or "TRUE"), params


# -- queries -----------------------------------------------------------------


def events(con: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int = 50, offset: int = 0,
           sort: str = "-date", total: bool = True) -> dict[str, Any]:
    """One page of events, and how many match in all."""
    if not 0 <= limit <= MAX_LIMIT:
        raise FilterError(f"limit must be between 0 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise FilterError(f"offset must be 0 or more, got {offset}")
    cond, params = where.where()
    field, direction = _sort(sort)
    # Sort narrow columns first, then fetch the page's rows: a columnar store reads every selected
    # column of every candidate row, so the wide ones are read for the page only.
    rows = _dicts(con.execute(f"""
        WITH page AS (
            SELECT rowid AS r, {field} AS k, event_id AS i FROM events WHERE {cond}
            ORDER BY {field} {direction}, event_id {direction} LIMIT {limit} OFFSET {offset})
        SELECT {", ".join(f"e.{c}" for c in EVENT_COLUMNS)}
        FROM events e JOIN page ON e.rowid = page.r ORDER BY page.k {direction}, page.i {direction}""",
        params), iso_dates=True)
    out: dict[str, Any] = {"limit": limit, "offset": offset, "sort": sort, "events": rows}
    if total:
        out["total"] = con.execute(f"SELECT count(*) FROM events WHERE {cond}", params).fetchone()[0]
    return out


def event(con: duckdb.DuckDBPyConnection, event_id: int) -> dict[str, Any] | None:
    """One event with every mention: article, outlet, sentence and offsets."""
    found = _dicts(con.execute(
        f"SELECT {select_list(EVENT_COLUMNS + ('mention_id', 'lead', 'added_at', 'updated_at'))} "
        "FROM events WHERE event_id = ?", [event_id]))
    if not found:
        return None
    record = found[0]
    record["mentions"] = _dicts(con.execute(
        f"SELECT {select_list(MENTION_COLUMNS, 'm')}, a.title, a.url, a.source AS article_source, "
        "strftime(a.date, '%Y-%m-%d') AS published FROM mentions m JOIN articles a USING (article_id) "
        "WHERE m.event_id = ? ORDER BY a.date, m.article_id, m.trigger_start", [event_id]))
    return record


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's text with its mentions, actors, places and times (offsets into the text)."""
    found = _dicts(con.execute(
        "SELECT article_id, strftime(date, '%Y-%m-%d') AS date, title, url, source, origin, text, "
        "dateline_start, dateline_end, errors FROM articles WHERE article_id = ?", [article_id]))
    if not found:
        return None
    record = found[0]
    record["mentions"] = _dicts(con.execute(
        f"SELECT {select_list(MENTION_COLUMNS)} FROM mentions WHERE article_id = ? ORDER BY trigger_start",
        [article_id]))
    every = "* EXCLUDE (article_id, article_key)"
    layers = {"actors": every, "places": every, "times": f"{every} REPLACE (strftime(date, '%Y-%m-%d') AS date)"}
    for layer, columns in layers.items():
        record[layer] = _dicts(con.execute(
            f"SELECT {columns} FROM {layer} WHERE article_id = ? ORDER BY start_char", [article_id]))
    return record


def actors(con: duckdb.DuckDBPyConnection, where: EventFilter, limit: int = 100) -> list[dict[str, Any]]:
    """Actors by number of events (as source or target); ``actor`` is the code, else the name."""
    cond, params = where.where()
    return _dicts(con.execute(f"""
        WITH {_roles_cte(cond)}
        SELECT actor, any_value(label) AS name, any_value(code) AS code, any_value(country) AS country,
               any_value(sector) AS sector, count(*) AS events,
               count(*) FILTER (WHERE role = 'source') AS as_source,
               count(*) FILTER (WHERE role = 'target') AS as_target
        FROM roles JOIN labels USING (actor) GROUP BY actor ORDER BY events DESC, actor
        LIMIT {_cap(limit)}""", params))


def network(con: duckdb.DuckDBPyConnection, where: EventFilter, limit: int = 60) -> dict[str, Any]:
    """Who acts on whom: the heaviest source -> target edges (weight = events) and their nodes."""
    cond, params = where.where()
    edges = _dicts(con.execute(f"""
        SELECT coalesce(source_code, source_name) AS source, coalesce(target_code, target_name) AS target,
               count(*) AS events, {_quad_counts()}
        FROM events WHERE {cond} AND source_name IS NOT NULL AND target_name IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT {_cap(limit)}""", params))
    keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = []
    if keys:
        nodes = _dicts(con.execute(f"""
            WITH {_roles_cte(cond)}
            SELECT actor, any_value(label) AS name, any_value(country) AS country,
                   any_value(sector) AS sector, count(*) AS events
            FROM roles JOIN labels USING (actor) WHERE actor IN {_marks(keys)}
            GROUP BY actor ORDER BY events DESC, actor""",
            params + keys))
    return {"nodes": nodes, "edges": edges}


def places(con: duckdb.DuckDBPyConnection, where: EventFilter, limit: int = 1000) -> list[dict[str, Any]]:
    """Located events grouped by place, with counts per quad class."""
    cond, params = where.where()
    return _dicts(con.execute(f"""
        SELECT any_value(place_name) AS name, geonameid, any_value(place_country) AS country,
               any_value(admin1) AS admin1, any_value(feature_code) AS feature_code,
               round(avg(lat), 4) AS lat, round(avg(lon), 4) AS lon, count(*) AS events, {_quad_counts()}
        FROM events WHERE {cond} AND lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY geonameid, CASE WHEN geonameid IS NULL THEN place_name END
        ORDER BY events DESC, name LIMIT {_cap(limit)}""", params))


def stats(con: duckdb.DuckDBPyConnection, where: EventFilter) -> dict[str, Any]:
    """Counts by day (per quad class), by event type and by quad class."""
    cond, params = where.where()
    total, first, last = con.execute(
        f"SELECT count(*), strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') "
        f"FROM events WHERE {cond}", params).fetchone()
    by_day = _dicts(con.execute(
        f"SELECT strftime(date, '%Y-%m-%d') AS date, count(*) AS events, {_quad_counts()} "
        f"FROM events WHERE {cond} GROUP BY events.date ORDER BY events.date", params))
    by_type = _dicts(con.execute(
        f"SELECT event_type, count(*) AS events FROM events WHERE {cond} GROUP BY event_type "
        "ORDER BY events DESC, event_type", params))
    by_quad = _dicts(con.execute(
        f"SELECT quad_class, count(*) AS events FROM events WHERE {cond} GROUP BY quad_class "
        "ORDER BY quad_class", params))
    return {"total": total, "first": first, "last": last, "by_day": by_day, "by_type": by_type,
            "by_quad_class": by_quad}


# -- SQL helpers ---------------------------------------------------------------

MENTION_COLUMNS = tuple(
    name for name in (
        "mention_id", "event_id", "article_id", "date", "date_precision", "date_value", "event_type", "mode",
        "cameo", "quad_class", "intensity", "source_text", "source_name", "source_country", "source_sector",
        "source_code", "source_start", "source_end", "target_text", "target_name", "target_country",
        "target_sector", "target_code", "target_start", "target_end", "place_text", "place_name",
        "geonameid", "place_country", "admin1", "lat", "lon", "feature_code", "place_start", "place_end",
        "sentence", "sentence_start", "trigger", "trigger_start", "trigger_end", "negated", "hypothetical",
        "confidence"))


def select_list(columns: tuple[str, ...], alias: str | None = None) -> str:
    """Columns for a SELECT, dates as ISO strings and timestamps as ISO text."""
    prefix = f"{alias}." if alias else ""
    parts = []
    for name in columns:
        if name in DATE_COLUMNS:
            parts.append(f"strftime({prefix}{name}, '%Y-%m-%d') AS {name}")
        elif name in ("added_at", "updated_at"):
            parts.append(f"strftime({prefix}{name}, '%Y-%m-%dT%H:%M:%S') AS {name}")
        else:
            parts.append(f"{prefix}{name}")
    return ", ".join(parts)


def _sort(sort: str) -> tuple[str, str]:
    """(column, ASC|DESC) from "field" or "-field"; raises FilterError for anything else."""
    field = sort.lstrip("-")
    if field not in SORTS or sort.count("-") > 1:
        raise FilterError(f"cannot sort by {sort!r}; use one of {', '.join(SORTS)} (prefix - for descending)")
    return field, "DESC" if sort.startswith("-") else "ASC"


def _roles_cte(cond: str) -> str:
    return f"""filtered AS (SELECT * FROM events WHERE {cond}),
        roles AS (
            SELECT coalesce(source_code, source_name) AS actor, source_name AS name, source_code AS code,
                   source_country AS country, source_sector AS sector, 'source' AS role
            FROM filtered WHERE source_name IS NOT NULL
            UNION ALL
            SELECT coalesce(target_code, target_name), target_name, target_code, target_country,
                   target_sector, 'target'
            FROM filtered WHERE target_name IS NOT NULL),
        names AS (SELECT actor, name, count(*) AS n FROM roles GROUP BY actor, name),
        -- An actor's label: its most frequent name (ties: alphabetical, so it is stable).
        labels AS (SELECT actor, first(name ORDER BY n DESC, name) AS label FROM names GROUP BY actor)"""


def _quad_counts() -> str:
    return ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))


def _marks(values: tuple | list) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def _cap(limit: int) -> int:
    if not 0 < limit <= MAX_LIMIT * 10:
        raise FilterError(f"limit must be between 1 and {MAX_LIMIT * 10}, got {limit}")
    return int(limit)


def _dicts(cursor: duckdb.DuckDBPyConnection, iso_dates: bool = False) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if iso_dates:
        for row in rows:
            for name in DATE_COLUMNS.intersection(row):
                if row[name] is not None:
                    row[name] = row[name].isoformat()
    return rows


# -- parsing user input ----------------------------------------------------------


def _items(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


def _event_type(value: str) -> str:
    upper = value.upper()
    if upper not in EVENT_TYPES:
        raise FilterError(f"unknown event type {value!r}; use one of {', '.join(EVENT_TYPES)}")
    return upper


def _quad_class(value: str) -> int:
    if value not in ("1", "2", "3", "4"):
        raise FilterError(f"quad_class must be 1, 2, 3 or 4, got {value!r}")
    return int(value)


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-180 <= box[0] <= 180 and -180 <= box[2] <= 180
                             and -90 <= box[1] <= box[3] <= 90):
        raise FilterError(f"bbox must be min_lon,min_lat,max_lon,max_lat in degrees, got {value!r}")
    return box  # type: ignore[return-value]


def _country(value: str) -> str:
    code = _country_codes().get(value.casefold())
    if code is None:
        raise FilterError(f"unknown country {value!r}; use an ISO 3166 code (LBY, EG) or a name (Libya)")
    return code


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Alpha-3, alpha-2 and names (casefolded) -> alpha-3."""
    import pycountry

    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for name in ("alpha_3", "alpha_2", "name", "common_name", "official_name"):
            value = getattr(country, name, None)
            if value:
                codes.setdefault(value.casefold(), country.alpha_3)
    codes["xkx"] = codes["kosovo"] = "XKX"  # Kosovo: user-assigned code, widely used
    return codes
