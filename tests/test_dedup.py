"""One event, many mentions: deduplication across articles, batches and re-coding."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from eventdata import article, coded, event

from dateline import dedup
from dateline.queries import EventFilter
from dateline.store import Store

SENTENCE = "Turkish drones struck positions of the Libyan National Army near Sirte."


def _report(article_id: str, published: str, *, source: str | None, sentence: str = SENTENCE,
            date: str | None = None, where: str | None = "Sirte", confidence: float = 0.6, **kwargs):
    art = article(article_id, published, f"Report. {sentence}", source=source,
                  url=f"https://{(source or 'x').lower().replace(' ', '-')}.example/{article_id}")
    ev = event(art, sentence, "struck", "ASSAULT", source="Turkish drones", target="Libyan National Army",
               where=where, date=date, confidence=confidence, **kwargs)
    return coded(art, ev)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "dedup.duckdb") as s:
        yield s


def _events(store, **raw):
    return store.events(EventFilter.parse(**raw), limit=100)["events"]


def test_dedup_same_event_in_several_outlets_is_one_event(store):
    store.write([_report("a", "2024-03-06", source="Outlet A", confidence=0.6),
                 _report("b", "2024-03-06", source="Outlet B", confidence=0.6),
                 _report("c", "2024-03-07", source="Outlet C", date="2024-03-07", confidence=0.5)], [], None)
    [merged] = _events(store)
    assert (merged["num_mentions"], merged["num_articles"], merged["num_sources"]) == (3, 3, 3)
    # Independent sources raise confidence: 1 - 0.4 * 0.4 * 0.5
    assert merged["confidence"] == pytest.approx(0.92)
    assert merged["date"] == "2024-03-06"  # the day most mentions give
    assert len(store.event(merged["event_id"])["mentions"]) == 3


def test_dedup_same_outlet_twice_counts_as_one_source(store):
    store.write([_report("a", "2024-03-06", source="Outlet A", confidence=0.6),
                 _report("b", "2024-03-06", source="Outlet A", confidence=0.7)], [], None)
    [merged] = _events(store)
    assert (merged["num_mentions"], merged["num_articles"], merged["num_sources"]) == (2, 2, 1)
    assert merged["confidence"] == pytest.approx(0.7)


def test_dedup_outlet_falls_back_on_the_url_host(store):
    store.write([_report("a", "2024-03-06", source=None), _report("b", "2024-03-06", source=None)], [], None)
    [merged] = _events(store)
    assert merged["num_sources"] == 1  # both from https://x.example/


def test_dedup_twice_in_one_article_is_one_event(store):
    text = f"{SENTENCE} Witnesses said: {SENTENCE}"
    art = article("twice", "2024-03-06", text, source="Outlet A")
    first = event(art, SENTENCE, "struck", "ASSAULT", source="Turkish drones", target="Libyan National Army",
                  where="Sirte")
    second_start = text.rindex(SENTENCE)
    second = dataclasses.replace(first, event_id="second", sentence_start=second_start,
                                 start=first.start + second_start, end=first.end + second_start)
    store.write([coded(art, first, second)], [], None)
    [merged] = _events(store)
    assert (merged["num_mentions"], merged["num_articles"], merged["num_sources"]) == (2, 1, 1)


@pytest.mark.parametrize("change, merges", [
    ({"date": "2024-03-07"}, True),   # a day apart
    ({"date": "2024-03-08"}, False),  # two days apart
    ({"where": None}, False),         # no location vs Sirte
    ({"where": "Tripoli", "sentence": "Turkish drones struck positions of the Libyan National Army "
                                      "near Tripoli."}, False),
])
def test_dedup_merges_only_within_a_day_and_at_the_same_place(store, change, merges):
    store.write([_report("a", "2024-03-06", source="Outlet A")], [], None)
    store.write([_report("b", "2024-03-06", source="Outlet B", **change)], [], None)
    assert len(_events(store)) == (1 if merges else 2)


def test_dedup_different_sector_or_type_stays_apart(store):
    art = article("sector", "2024-03-06", "Report. Turkey struck Libyan National Army positions near Sirte.",
                  source="Outlet B")
    sentence = "Turkey struck Libyan National Army positions near Sirte."
    government = event(art, sentence, "struck", "ASSAULT", source="Turkey", target="Libyan National Army",
                       where="Sirte")
    threat = dataclasses.replace(government, event_id="t", event_type="THREATEN", quad_class=3)
    store.write([_report("a", "2024-03-06", source="Outlet A"), coded(art, government, threat)], [], None)
    assert len(_events(store)) == 3  # TUR MIL assault, TUR GOV assault, TUR GOV threat


def test_dedup_is_incremental_and_keeps_event_ids(store):
    store.write([_report("a", "2024-03-06", source="Outlet A")], [], None)
    [first] = _events(store)
    store.write([_report("b", "2024-03-07", source="Outlet B", date="2024-03-07")], [], None)
    [merged] = _events(store)
    assert merged["event_id"] == first["event_id"] and merged["num_articles"] == 2
    # Re-coding article a (changed text, same event) keeps the event and its id.
    reworded = SENTENCE.replace("Sirte.", "Sirte on Wednesday.")
    store.write([_report("a", "2024-03-06", source="Outlet A", sentence=reworded)], [], None)
    [again] = _events(store)
    assert again["event_id"] == first["event_id"] and again["num_mentions"] == 2


def test_dedup_recoding_moves_a_mention_and_empty_events_vanish(store):
    store.write([_report("a", "2024-03-06", source="Outlet A")], [], None)
    [old] = _events(store)
    store.write([_report("a", "2024-03-06", source="Outlet A", date="2024-03-01")], [], None)
    [new] = _events(store)
    assert new["date"] == "2024-03-01" and new["event_id"] != old["event_id"]
    assert store.event(old["event_id"]) is None
    assert store.counts()["events"] == 1


def test_dedup_flagged_mentions_form_their_own_flagged_events(store):
    store.write([_report("a", "2024-03-06", source="Outlet A"),
                 _report("b", "2024-03-06", source="Outlet B", negated=True)], [], None)
    assert [e["num_mentions"] for e in _events(store)] == [1]
    everything = store.events(EventFilter(include_flagged=True))["events"]
    assert sorted(e["negated"] for e in everything) == [False, True]


def test_dedup_unresolved_actors_merge_only_by_name():
    art = article("u", "2024-03-06", "Gunmen attacked a convoy. Bandits attacked a convoy.")
    base = event(art, "Gunmen attacked a convoy.", "attacked", "ASSAULT", source=None)
    from dateline.model import Actor

    gunmen = dataclasses.replace(base, source=Actor("Gunmen", 0, 6, "gunmen"))
    bandits = dataclasses.replace(base, source=Actor("Bandits", 26, 33, "bandits"))
    assert dedup.event_key(gunmen) != dedup.event_key(bandits)
    assert dedup.event_key(gunmen) == dedup.event_key(dataclasses.replace(gunmen, event_id="other", start=3))


def test_dedup_link_prefers_the_nearest_event_and_numbers_new_ones_in_one_draw():
    day = dt.date(2024, 3, 6)
    stored = [(1, day - dt.timedelta(days=1), 10), (1, day + dt.timedelta(days=1), 11), (2, day, 12)]
    draws = []

    def new_ids(n):
        draws.append(n)
        return list(range(100, 100 + n))

    mentions = [(1, day + dt.timedelta(days=1)), (2, day + dt.timedelta(days=3)), (3, day),
                (2, day + dt.timedelta(days=4)), (1, day - dt.timedelta(days=2))]
    assert dedup.link(mentions, stored, new_ids) == [11, 100, 101, 100, 10]
    assert draws == [2]
