"""An in-memory index of the events table, so the API answers `/events` pages in milliseconds.

A columnar store scans every row for each query, which is fine for exports and
charts but not for many readers paging through a million events at once. The
index holds the filter columns as numpy arrays in the default order (newest
first) and the display columns as one Arrow table; a page is a few vectorised
comparisons and a ``take`` of 50 rows. It answers exactly what
``queries.events`` answers (a test checks the two against each other) and is
rebuilt after the store changes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .queries import EVENT_COLUMNS, MAX_LIMIT, EventFilter, FilterError, _sort

_NEEDLES = 32  # text searches whose matches are kept (each costs one byte per event)


class Served:
    """The index of a store, rebuilt on first use after the store changed (this process writes it)."""

    def __init__(self, store):
        self.store = store
        self._index: EventIndex | None = None
        self._writes = -1
        self._lock = threading.Lock()

    def get(self) -> EventIndex:
        if self._writes != self.store.writes:
            with self._lock:
                if self._writes != self.store.writes:
                    writes = self.store.writes  # read first: a write during the build triggers another
                    self._index = EventIndex(self.store.cursor())
                    self._writes = writes
        return self._index


class EventIndex:
    """The events table in memory, ordered by date and id, newest first."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        table = con.sql(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                        "ORDER BY date DESC, event_id DESC").to_arrow_table().combine_chunks()
        self.rows = table
        self.size = table.num_rows
        col = self._numpy
        self.event_id = col("event_id", np.int64)
        self.date = col("date", np.int32, cast=pa.int32())
        self._newest_first = -self.date  # ascending, for searchsorted
        self.asserted = ~(col("negated", np.bool_) | col("hypothetical", np.bool_))
        self.quad = col("quad_class", np.int8)
        self.num_sources = col("num_sources", np.int64)
        self.geonameid = col("geonameid", np.int64, fill=-1)
        self.lat = col("lat", np.float64, fill=np.nan)
        self.lon = col("lon", np.float64, fill=np.nan)
        self.types = _Codes(table.column("event_type"))
        self.countries = _Codes(*(table.column(c) for c in ("source_country", "target_country", "place_country")))
        self.codes = _Codes(table.column("source_code"), table.column("target_code"))
        self.names = _Codes(table.column("source_name"), table.column("target_name"))
        self.places = _Codes(table.column("place_name"))
        self._mentions = con.sql("SELECT event_id, lower(sentence) AS sentence FROM mentions").to_arrow_table()
        self._orders: dict[str, np.ndarray] = {}
        self._needles: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _numpy(self, name: str, kind: type, cast: pa.DataType | None = None, fill: Any = None) -> np.ndarray:
        column = self.rows.column(name)
        if cast is not None:
            column = column.cast(cast)
        if fill is not None:
            column = column.fill_null(fill)
        return column.to_numpy().astype(kind, copy=False)

    # -- answering -----------------------------------------------------------------------

    def events(self, where: EventFilter, *, limit: int = 50, offset: int = 0, sort: str = "-date",
               total: bool = True) -> dict[str, Any]:
        """What ``queries.events`` answers for the same arguments."""
        if not 0 <= limit <= MAX_LIMIT:
            raise FilterError(f"limit must be between 0 and {MAX_LIMIT}, got {limit}")
        if offset < 0:
            raise FilterError(f"offset must be 0 or more, got {offset}")
        mask = self.mask(where)
        order = self._order(*_sort(sort))
        if order is None:
            page, count = _page(mask, offset, limit)
        else:
            page, count = _page(mask[order], offset, limit)
            page = order[page]
        rows = self.rows.take(pa.array(page, pa.int64())).to_pylist()
        for row in rows:
            for name in ("date", "first_reported"):
                if row[name] is not None:
                    row[name] = row[name].isoformat()
        out: dict[str, Any] = {"limit": limit, "offset": offset, "sort": sort, "events": rows}
        if total:
            out["total"] = count
        return out

    def mask(self, where: EventFilter) -> np.ndarray:
        """The events that pass the filter, as a boolean array in index order."""
        mask = np.ones(self.size, np.bool_) if where.include_flagged else self.asserted.copy()
        if where.since or where.until:
            # Newest first: the days in range are one slice of the index.
            start = np.searchsorted(self._newest_first, -_days(where.until)) if where.until else 0
            stop = (np.searchsorted(self._newest_first, -_days(where.since), side="right") if where.since
                    else self.size)
            mask[:start] = False
            mask[stop:] = False
        if where.country:
            mask &= self.countries.any_equal(where.country)
        if where.actor:
            mask &= (self.codes.any_equal([where.actor.upper()])
                     | self.names.any_containing(where.actor.lower()))
        if where.event_type:
            mask &= self.types.any_equal(where.event_type)
        if where.quad_class:
            wanted = np.zeros(5, np.bool_)
            wanted[list(where.quad_class)] = True
            mask &= wanted[self.quad]
        if where.place:
            mask &= (self.geonameid == int(where.place) if where.place.isdigit()
                     else self.places.any_containing(where.place.lower()))
        if where.bbox:
            min_lon, min_lat, max_lon, max_lat = where.bbox
            lon = ((self.lon >= min_lon) & (self.lon <= max_lon) if min_lon <= max_lon
                   else (self.lon >= min_lon) | (self.lon <= max_lon))
            mask &= lon & (self.lat >= min_lat) & (self.lat <= max_lat)
        if where.q:
            mask &= self._text(where.q.lower())
        if where.min_sources:
            mask &= self.num_sources >= where.min_sources
        return mask

    def _order(self, field: str, direction: str) -> np.ndarray | None:
        """Index positions in the requested order (None: the index's own order)."""
        if field in ("date", "event_id") and direction == "DESC":
            return None  # by date, then id, newest first: how the index is laid out
        with self._lock:
            if field not in self._orders:
                values = self.rows.column(field).to_numpy()
                # Ascending by the field, ties by ascending id; descending is the exact reverse.
                self._orders[field] = np.lexsort((self.event_id, values)).astype(np.int64)
            ascending = self._orders[field]
        return ascending if direction == "ASC" else ascending[::-1]

    def _text(self, needle: str) -> np.ndarray:
        with self._lock:
            found = self._needles.get(needle)
            if found is not None:
                self._needles.move_to_end(needle)
                return found
        found = (self.names.any_containing(needle) | self.places.any_containing(needle))
        hits = pc.match_substring(self._mentions.column("sentence"), needle).fill_null(False)
        ids = np.unique(self._mentions.column("event_id").filter(hits).to_numpy())
        found |= np.isin(self.event_id, ids)
        with self._lock:
            self._needles[needle] = found
            while len(self._needles) > _NEEDLES:
                self._needles.popitem(last=False)
        return found


def _page(mask: np.ndarray, offset: int, limit: int, block: int = 1 << 15) -> tuple[np.ndarray, int]:
    """Positions of the matches numbered offset .. offset+limit-1, and how many match in all.

    Walks the index a block at a time from the top, counting the blocks before the page and
    expanding only those that hold it: most pages are near the top, so most requests touch one.
    """
    total = int(np.count_nonzero(mask))
    if not limit or offset >= total:
        return np.empty(0, np.int64), total
    skip, start = offset, 0
    while True:  # whole blocks before the page
        n = int(np.count_nonzero(mask[start:start + block]))
        if n > skip:
            break
        skip -= n
        start += block
    parts, wanted = [], skip + limit
    while wanted > 0 and start < mask.size:
        found = np.flatnonzero(mask[start:start + block]) + start
        parts.append(found)
        wanted -= found.size
        start += block
    return np.concatenate(parts)[skip:skip + limit], total


class _Codes:
    """One or more string columns as postings: for each distinct value, the rows holding it."""

    def __init__(self, *columns: pa.ChunkedArray):
        values = pa.chunked_array([c.unique() for c in columns]).unique().drop_null()
        self.values = values
        self.lowered = pc.utf8_lower(values)
        self.size = len(columns[0])
        codes = np.concatenate([pc.index_in(c, value_set=values).fill_null(-1).to_numpy().astype(np.int32)
                                for c in columns])
        rows = np.tile(np.arange(self.size, dtype=np.int32), len(columns))
        order = np.argsort(codes, kind="stable")
        self._rows = rows[order]
        # Rows of value v: self._rows[starts[v]:starts[v + 1]] (nulls, code -1, sort first and are skipped).
        self._starts = np.searchsorted(codes[order], np.arange(len(values) + 1))

    def _any(self, codes: np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, np.bool_)
        for code in codes:
            mask[self._rows[self._starts[code]:self._starts[code + 1]]] = True
        return mask

    def any_equal(self, wanted) -> np.ndarray:
        return self._any(np.flatnonzero(pc.is_in(self.values, value_set=pa.array(list(wanted))).to_numpy(
            zero_copy_only=False)))

    def any_containing(self, needle: str) -> np.ndarray:
        return self._any(np.flatnonzero(pc.match_substring(self.lowered, needle).to_numpy(zero_copy_only=False)))


def _days(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days
