"""The in-memory event index answers exactly what the SQL queries answer."""

from __future__ import annotations

import dataclasses
import random

import pytest
from eventdata import CORPUS, build_store

from dateline.queries import SORTS, EventFilter, FilterError
from dateline.serving import EventIndex, Served
from dateline.store import Store

FILTERS = [
    {}, {"include_flagged": True}, {"since": "2024-03-05"}, {"until": "2024-03-04"},
    {"since": "2024-03-04", "until": "2024-03-06"}, {"country": "LBY"}, {"country": "egypt,fr"},
    {"actor": "LBYMIL"}, {"actor": "egy"}, {"actor": "el-sisi"}, {"actor": "nobody"},
    {"event_type": "CONSULT,ASSAULT"}, {"quad_class": "1,4"}, {"place": "2210554"}, {"place": "tri"},
    {"bbox": "10,30,35,50"}, {"bbox": "170,-10,20,60"}, {"q": "drones"}, {"q": "TROOPS"},
    {"q": "sisi", "include_flagged": True}, {"q": "impose", "include_flagged": True}, {"min_sources": 2},
    {"country": "LBY", "quad_class": "4", "since": "2024-03-01"},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    # The corpus twice over, on shifted days and from other outlets, so sorts and pages have ties to break.
    shifted = [dataclasses.replace(c, article=dataclasses.replace(c.article, id=c.article.id + "-b",
                                                                  source="Other"),
                                   events=tuple(dataclasses.replace(e, confidence=round(e.confidence - .1, 2))
                                                for e in c.events)) for c in CORPUS]
    db = build_store(tmp_path_factory.mktemp("serving") / "events.duckdb", CORPUS + shifted)
    with Store(db, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def index(store):
    return EventIndex(store.cursor())


@pytest.mark.parametrize("raw", FILTERS, ids=[str(f) for f in FILTERS])
def test_serving_index_filters_like_the_store(store, index, raw):
    where = EventFilter.parse(**raw)
    assert index.events(where, limit=100) == store.events(where, limit=100)


@pytest.mark.parametrize("sort", [f"{sign}{field}" for field in SORTS for sign in ("", "-")])
def test_serving_index_sorts_and_pages_like_the_store(store, index, sort):
    rng = random.Random(sort)
    for _ in range(4):
        where = EventFilter.parse(**rng.choice(FILTERS))
        limit, offset = rng.choice([1, 3, 50]), rng.choice([0, 1, 4])
        assert index.events(where, limit=limit, offset=offset, sort=sort) == \
            store.events(where, limit=limit, offset=offset, sort=sort)


def test_serving_index_refuses_what_the_store_refuses(index):
    with pytest.raises(FilterError, match="cannot sort by"):
        index.events(EventFilter(), sort="--date")
    with pytest.raises(FilterError, match="limit"):
        index.events(EventFilter(), limit=5000)


def test_serving_index_is_rebuilt_after_a_write(tmp_path):
    with Store(build_store(tmp_path / "e.duckdb", CORPUS[:2])) as store:
        served = Served(store)
        before = served.get().events(EventFilter())["total"]
        store.write(CORPUS[2:], [], None)
        assert served.get().events(EventFilter())["total"] == store.events()["total"] > before


def test_serving_page_finds_the_same_rows_as_a_full_scan():
    import numpy as np

    from dateline.serving import _page

    rng = np.random.default_rng(5)
    for size, density in [(100_000, 0.3), (70_001, 0.001), (5, 1.0), (65_536, 0.0)]:
        mask = rng.random(size) < density
        every = np.flatnonzero(mask)
        for offset, limit in [(0, 50), (1, 3), (every.size - 2, 50), (every.size + 5, 50), (12_345, 7), (0, 0)]:
            page, total = _page(mask, max(offset, 0), limit, block=4096)
            assert total == every.size
            assert page.tolist() == every[max(offset, 0):max(offset, 0) + limit].tolist()
