"""The event store: one DuckDB file, written one transaction per batch.

Tables, one per concept: ``articles``; ``mentions`` (one row per coded event
in an article, with its sentence and offsets); ``events`` (deduplicated
real-world events, rebuilt from their mentions, see ``dedup``); the article
layers ``actors``, ``places`` and ``times``; ``rejects``; ``runs``.

``Store.write`` is the only writer. Reads go through the ``queries`` module,
shared by the CLI, the API and the explorer; ``Store`` exposes them with a
per-thread cursor so a server can read from many threads at once.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from . import dedup, queries
from .errors import StoreError
from .model import Article, CodedArticle, Event, Reject
from .version import __version__

# Offsets in the article text are 0-based and end-exclusive, like the model's.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "runs": [
        ("run_id", "BIGINT"), ("version", "VARCHAR"), ("model", "VARCHAR"),
        ("model_version", "VARCHAR"), ("settings", "JSON"), ("inputs", "JSON"),
        ("started_at", "TIMESTAMP"), ("finished_at", "TIMESTAMP"), ("summary", "JSON"),
    ],
    "articles": [
        ("article_id", "VARCHAR"), ("article_key", "BIGINT"), ("date", "DATE"), ("title", "VARCHAR"),
        ("url", "VARCHAR"), ("source", "VARCHAR"), ("origin", "VARCHAR"), ("content_hash", "VARCHAR"),
        ("content_key", "BIGINT"), ("text", "VARCHAR"),
        ("dateline_start", "INTEGER"), ("dateline_end", "INTEGER"), ("errors", "VARCHAR[]"),
        ("run_id", "BIGINT"), ("coded_at", "TIMESTAMP"),
    ],
    "mentions": [
        ("mention_id", "VARCHAR"), ("mention_key", "BIGINT"), ("event_id", "BIGINT"), ("dedup_key", "BIGINT"),
        ("article_id", "VARCHAR"), ("article_key", "BIGINT"), ("outlet_key", "BIGINT"), ("published", "DATE"),
        ("date", "DATE"), ("date_precision", "VARCHAR"),
        ("date_value", "VARCHAR"), ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"),
        ("quad_class", "TINYINT"), ("intensity", "DOUBLE"),
        ("source_text", "VARCHAR"), ("source_name", "VARCHAR"), ("source_country", "VARCHAR"),
        ("source_sector", "VARCHAR"), ("source_code", "VARCHAR"),
        ("source_start", "INTEGER"), ("source_end", "INTEGER"),
        ("target_text", "VARCHAR"), ("target_name", "VARCHAR"), ("target_country", "VARCHAR"),
        ("target_sector", "VARCHAR"), ("target_code", "VARCHAR"),
        ("target_start", "INTEGER"), ("target_end", "INTEGER"),
        ("place_text", "VARCHAR"), ("place_name", "VARCHAR"), ("geonameid", "BIGINT"),
        ("place_country", "VARCHAR"), ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("feature_code", "VARCHAR"), ("place_start", "INTEGER"), ("place_end", "INTEGER"),
        ("sentence", "VARCHAR"), ("sentence_start", "INTEGER"), ("trigger", "VARCHAR"),
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("lead", "BOOLEAN"),
        ("negated", "BOOLEAN"), ("hypothetical", "BOOLEAN"), ("confidence", "DOUBLE"),
        ("run_id", "BIGINT"), ("added_at", "TIMESTAMP"),
    ],
    "events": [
        ("event_id", "BIGINT"), ("dedup_key", "BIGINT"), ("date", "DATE"), ("event_type", "VARCHAR"),
        ("mode", "VARCHAR"), ("cameo", "VARCHAR"), ("quad_class", "TINYINT"), ("intensity", "DOUBLE"),
        ("source_name", "VARCHAR"), ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"),
        ("source_code", "VARCHAR"),
        ("target_name", "VARCHAR"), ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"),
        ("target_code", "VARCHAR"),
        ("place_name", "VARCHAR"), ("geonameid", "BIGINT"), ("place_country", "VARCHAR"),
        ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature_code", "VARCHAR"),
        ("negated", "BOOLEAN"), ("hypothetical", "BOOLEAN"), ("lead", "BOOLEAN"),
        ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
        ("confidence", "DOUBLE"),
        ("mention_id", "VARCHAR"), ("mention_key", "BIGINT"), ("article_id", "VARCHAR"), ("sentence", "VARCHAR"),
        ("url", "VARCHAR"), ("article_source", "VARCHAR"), ("first_reported", "DATE"), ("added_at", "TIMESTAMP"),
        ("updated_at", "TIMESTAMP"),
    ],
    "actors": [
        ("article_id", "VARCHAR"), ("article_key", "BIGINT"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"), ("code", "VARCHAR"),
        ("entity", "INTEGER"),
    ],
    "places": [
        ("article_id", "VARCHAR"), ("article_key", "BIGINT"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"), ("geonameid", "BIGINT"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature_code", "VARCHAR"), ("precision", "VARCHAR"),
    ],
    "times": [
        ("article_id", "VARCHAR"), ("article_key", "BIGINT"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
        ("value", "VARCHAR"), ("precision", "VARCHAR"), ("date", "DATE"),
    ],
    "rejects": [
        ("origin", "VARCHAR"), ("reason", "VARCHAR"), ("article_id", "VARCHAR"), ("run_id", "BIGINT"),
        ("rejected_at", "TIMESTAMP"),
    ],
}
# Tables that hold one article's layers: re-coding the article replaces its rows.
ARTICLE_TABLES = ("mentions", "actors", "places", "times", "articles")

_ARROW = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
    "TINYINT": pa.int8(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
}
# The lead of an article (roughly its first paragraph), for GDELT's IsRootEvent.
LEAD_CHARS = 400


class Store:
    """A DuckDB event store; creates the schema when opened for writing."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and str(path) != ":memory:" and not self.path.exists():
            raise StoreError(f"no store at {self.path}; create one with `dateline run`")
        try:
            self._con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_error(self.path, exc)) from None
        self._lock = threading.Lock()  # one writer at a time within this process
        self.writes = 0  # committed writes by this process; readers use it to tell stale answers
        self._local = threading.local()
        if not read_only:
            self._create_schema()
        else:
            self._check_schema()

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _create_schema(self) -> None:
        statements = ["CREATE SEQUENCE IF NOT EXISTS run_ids START 1",
                      "CREATE SEQUENCE IF NOT EXISTS event_ids START 1"]
        for table, columns in SCHEMA.items():
            cols = ", ".join(f"{name} {kind}" for name, kind in columns)
            statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        try:
            for statement in statements:
                self._con.execute(statement)
        except duckdb.Error as exc:
            raise StoreError(f"cannot create the store schema in {self.path}: {exc}") from None
        self._check_schema()

    def _check_schema(self) -> None:
        found = {row[0] for row in self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        missing = [table for table in SCHEMA if table not in found]
        if missing:
            raise StoreError(f"{self.path} is not a dateline store (no table {', '.join(missing)})")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection for the calling thread (DuckDB connections are not shared across threads)."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._con.cursor()
        return cursor

    # -- runs --------------------------------------------------------------

    def start_run(self, settings: dict[str, Any], inputs: list[str]) -> int:
        """Record a run (version, spaCy model, settings, inputs); returns its id."""
        model = settings.get("model")
        with self._lock:
            row = self._con.execute(
                "INSERT INTO runs (run_id, version, model, model_version, settings, inputs, started_at) "
                "VALUES (nextval('run_ids'), ?, ?, ?, ?, ?, now()::TIMESTAMP) RETURNING run_id",
                [__version__, model, _package_version(model), json.dumps(settings, default=str),
                 json.dumps(list(inputs))]).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self._lock:
            self._con.execute("UPDATE runs SET finished_at = now()::TIMESTAMP, summary = ? WHERE run_id = ?",
                              [json.dumps(summary, default=str), run_id])

    # -- writing -----------------------------------------------------------

    def filter_new(self, articles: list[Article]) -> list[Article]:
        """The articles not already stored with the same id and content."""
        if not articles:
            return []
        keys = [(dedup.key(a.id), dedup.key(a.content_hash)) for a in articles]
        batch = pa.table({"article_key": pa.array([k for k, _ in keys], pa.int64()),
                          "content_key": pa.array([c for _, c in keys], pa.int64())})
        cursor = self.cursor()
        cursor.register("batch_hashes", batch)
        try:
            stored = set(cursor.execute(
                "SELECT a.article_key, a.content_key FROM articles a JOIN batch_hashes b "
                "ON a.article_key = b.article_key AND a.content_key = b.content_key").fetchall())
        finally:
            cursor.unregister("batch_hashes")
        return [a for a, k in zip(articles, keys, strict=True) if k not in stored]

    def write(self, coded: list[CodedArticle], rejects: list[Reject], run_id: int | None) -> None:
        """Store a batch in one transaction: articles and their layers replace earlier copies."""
        by_id = {c.article.id: c for c in coded}  # the last copy of an id wins
        with self._lock:
            con = self._con
            con.begin()
            try:
                if by_id:
                    self._write_articles(con, list(by_id.values()), run_id)
                if rejects:
                    self._insert(con, "rejects", _reject_columns(rejects, run_id))
                con.commit()
                self.writes += 1
            except BaseException as exc:
                con.rollback()
                if isinstance(exc, duckdb.Error):
                    raise StoreError(f"could not write to {self.path}: {exc}") from exc
                raise

    def _write_articles(self, con: duckdb.DuckDBPyConnection, coded: list[CodedArticle],
                        run_id: int | None) -> None:
        now = dt.datetime.now()
        stale = self._remove_stored(con, [dedup.key(c.article.id) for c in coded])
        mentions = _mention_columns(coded, run_id, now)
        mentions["event_id"] = self._link(con, mentions["dedup_key"], mentions["date"])
        self._insert(con, "articles", _article_columns(coded, run_id, now))
        batch = self._insert(con, "mentions", mentions)
        for table, columns in _layer_columns(coded).items():
            self._insert(con, table, columns)
        touched = set(stale) | set(mentions["event_id"])
        if touched:
            origin = {c.article.id: (c.article.url, c.article.source) for c in coded}
            ids = mentions["article_id"]
            batch = batch.append_column("url", pa.array([origin[i][0] for i in ids], pa.string()))
            batch = batch.append_column("article_source", pa.array([origin[i][1] for i in ids], pa.string()))
            dedup.refresh(con, touched, batch)

    def _remove_stored(self, con: duckdb.DuckDBPyConnection, keys: list[int]) -> list[int]:
        """Delete the stored copies of these articles (by key); returns the events their mentions were in."""
        con.register("batch_ids", pa.table({"article_key": pa.array(keys, pa.int64())}))
        try:
            stored = con.execute("SELECT article_key FROM articles "
                                 "WHERE article_key IN (SELECT article_key FROM batch_ids)").fetchall()
        finally:
            con.unregister("batch_ids")
        if not stored:  # the usual case: all new, nothing to replace
            return []
        con.register("stored_ids", pa.table({"article_key": pa.array([r[0] for r in stored], pa.int64())}))
        try:
            stale = [r[0] for r in con.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE article_key IN (SELECT article_key FROM stored_ids)"
            ).fetchall()]
            for table in ARTICLE_TABLES:
                con.execute(f"DELETE FROM {table} WHERE article_key IN (SELECT article_key FROM stored_ids)")
        finally:
            con.unregister("stored_ids")
        return stale

    def _link(self, con: duckdb.DuckDBPyConnection, keys: list[int], dates: list[dt.date]) -> list[int]:
        if not keys:
            return []
        wanted = pa.table({"dedup_key": pa.array(keys, pa.int64()), "date": pa.array(dates, pa.date32())})
        con.register("batch_keys", wanted)
        try:
            candidates = con.execute(dedup.CANDIDATES_SQL).fetchall()
        finally:
            con.unregister("batch_keys")

        def new_ids(n: int) -> list[int]:
            return [r[0] for r in con.execute("SELECT nextval('event_ids') FROM range(?)", [n]).fetchall()]

        return dedup.link(list(zip(keys, dates, strict=True)), candidates, new_ids)

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list]) -> pa.Table:
        kinds = dict(SCHEMA[table])
        batch = pa.table({name: pa.array(values, _ARROW[kinds[name]]) for name, values in columns.items()})
        if batch.num_rows:
            con.register("batch_rows", batch)
            try:
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")
            finally:
                con.unregister("batch_rows")
        return batch

    # -- reading (see ``queries``) -----------------------------------------

    def events(self, where: queries.EventFilter | None = None, **options: Any) -> dict[str, Any]:
        return queries.events(self.cursor(), where or queries.EventFilter(), **options)

    def event(self, event_id: int) -> dict[str, Any] | None:
        return queries.event(self.cursor(), event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.article(self.cursor(), article_id)

    def actors(self, where: queries.EventFilter | None = None, limit: int = 100) -> list[dict[str, Any]]:
        return queries.actors(self.cursor(), where or queries.EventFilter(), limit)

    def places(self, where: queries.EventFilter | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        return queries.places(self.cursor(), where or queries.EventFilter(), limit)

    def network(self, where: queries.EventFilter | None = None, limit: int = 60) -> dict[str, Any]:
        return queries.network(self.cursor(), where or queries.EventFilter(), limit)

    def stats(self, where: queries.EventFilter | None = None) -> dict[str, Any]:
        return queries.stats(self.cursor(), where or queries.EventFilter())

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        cursor = self.cursor()
        return {table: cursor.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in SCHEMA}


# -- turning records into columns -------------------------------------------


def _article_columns(coded: Sequence[CodedArticle], run_id: int | None, now: dt.datetime) -> dict[str, list]:
    arts = [c.article for c in coded]
    return {
        "article_id": [a.id for a in arts], "article_key": [dedup.key(a.id) for a in arts],
        "content_key": [dedup.key(a.content_hash) for a in arts], "date": [a.date for a in arts],
        "title": [a.title for a in arts], "url": [a.url for a in arts], "source": [a.source for a in arts],
        "origin": [a.origin for a in arts], "content_hash": [a.content_hash for a in arts],
        "text": [a.text for a in arts], "dateline_start": [a.dateline_start for a in arts],
        "dateline_end": [a.dateline_end for a in arts], "errors": [list(c.errors) for c in coded],
        "run_id": [run_id] * len(arts), "coded_at": [now] * len(arts),
    }


def _unique_events(coded: CodedArticle) -> Iterable[Event]:
    seen: set[str] = set()
    for event in coded.events:
        if event.event_id not in seen:  # the coder's id is stable: the same id is the same mention
            seen.add(event.event_id)
            yield event


def _mention_columns(coded: Sequence[CodedArticle], run_id: int | None, now: dt.datetime) -> dict[str, list]:
    names = [name for name, _ in SCHEMA["mentions"]]
    columns: dict[str, list] = {name: [] for name in names}
    for c in coded:
        a = c.article
        lead_end = _lead_end(a.text)
        article_key, outlet_key = dedup.key(a.id), dedup.key(outlet(a))
        for e in _unique_events(c):
            s, t, p = e.source, e.target, e.location
            row = (
                e.event_id, dedup.key(f"{a.id}\x1f{e.event_id}"), None, dedup.event_key(e), a.id, article_key,
                outlet_key, a.date, e.date, e.date_precision, e.date_value, e.event_type, e.mode, e.cameo,
                e.quad_class, e.intensity, *_actor_fields(s), *_actor_fields(t),
                *((p.text, p.name, p.geonameid, p.country, p.admin1, p.lat, p.lon, p.feature_code,
                   p.start, p.end) if p else (None,) * 10),
                e.sentence, e.sentence_start, e.trigger, e.start, e.end, e.sentence_start < lead_end,
                e.negated, e.hypothetical, e.confidence, run_id, now,
            )
            for name, value in zip(names, row, strict=True):
                columns[name].append(value)
    return columns


def outlet(article: Article) -> str:
    """Who published an article, for counting independent sources: its source, else its URL's host."""
    if article.source:
        return article.source.strip().casefold()
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else f"article:{article.id}"


def _actor_fields(actor: Any) -> tuple:
    if actor is None:
        return (None,) * 7
    return (actor.text, actor.name, actor.country, actor.sector, actor.code, actor.start, actor.end)


def _lead_end(text: str) -> int:
    """Where the lead ends: the first line break after the opening text, at most LEAD_CHARS in."""
    body = len(text) - len(text.lstrip())
    newline = text.find("\n", body)
    return min(newline if newline > 0 else len(text), body + LEAD_CHARS)


def _layer_columns(coded: Sequence[CodedArticle]) -> dict[str, dict[str, list]]:
    out: dict[str, dict[str, list]] = {}
    layers = {
        "actors": lambda a: (a.start, a.end, a.text, a.name, a.country, a.sector, a.code, a.entity),
        "places": lambda p: (p.start, p.end, p.text, p.name, p.geonameid, p.country, p.admin1, p.lat,
                             p.lon, p.feature_code, p.precision),
        "times": lambda t: (t.start, t.end, t.text, t.value, t.precision, t.date),
    }
    for table, fields in layers.items():
        names = [name for name, _ in SCHEMA[table]]
        columns: dict[str, list] = {name: [] for name in names}
        for c in coded:
            article_key = dedup.key(c.article.id)
            for item in getattr(c, table):
                for name, value in zip(names, (c.article.id, article_key, *fields(item)), strict=True):
                    columns[name].append(value)
        out[table] = columns
    return out


def _reject_columns(rejects: Sequence[Reject], run_id: int | None) -> dict[str, list]:
    now = dt.datetime.now()
    return {"origin": [r.origin for r in rejects], "reason": [r.reason for r in rejects],
            "article_id": [r.article_id for r in rejects], "run_id": [run_id] * len(rejects),
            "rejected_at": [now] * len(rejects)}


def _package_version(name: str | None) -> str | None:
    if not name:
        return None
    for candidate in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(candidate)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _open_error(path: Path, exc: duckdb.Error) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return (f"cannot open the store {path}: another process is using it "
                f"(a running `dateline run` or `dateline serve`?); wait for it or use another --db")
    if "not a valid DuckDB" in text or "database file" in text.lower():
        return f"cannot open the store {path}: it is not a DuckDB database file"
    return f"cannot open the store {path}: {text}"
