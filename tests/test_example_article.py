"""The real article in ../shared/examples (Arab News, 2020-12-07: Khalifa Haftar in Cairo), end to end."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import needs_shared

from dateline.ingest import read_articles
from dateline.model import Article
from dateline.pipeline import code_articles

CAIRO, PARIS = 360630, 2988507
OPINION = "the political settlement is the only way to achieve stability in Libya"


@pytest.fixture(scope="module")
def coded(resources):
    path = needs_shared("examples", "arabnews-2020-12-07-haftar-cairo.txt")
    (article,) = [a for a in read_articles([path]) if isinstance(a, Article)]
    (result,) = code_articles([article], resources)
    assert not result.errors
    return result


def located(coded) -> bool:
    """Whether the places and event-location steps placed anything in this article."""
    return bool(coded.places) and any(e.location is not None for e in coded.events)


def kept(coded):
    return [e for e in coded.events if not e.negated]


def test_example_article_haftar_visits_cairo(coded):
    visits = [e for e in kept(coded) if e.event_type == "CONSULT" and e.mode == "visit"
              and e.source.country == "LBY" and e.target and e.target.country == "EGY"]
    assert visits, [(e.event_type, e.source, e.target) for e in coded.events]
    assert any(e.source.sector == "MIL" for e in visits)
    assert all(e.date in (dt.date(2020, 12, 6), dt.date(2020, 12, 7)) for e in visits)
    if located(coded):
        assert any(e.location and e.location.geonameid == CAIRO for e in visits)


def test_example_article_sisi_talks_with_macron_in_paris(coded):
    talks = [e for e in kept(coded) if e.event_type == "CONSULT" and e.target is not None
             and {e.source.country, e.target.country} == {"EGY", "FRA"}]
    assert talks
    if located(coded):
        assert any(e.location and e.location.geonameid == PARIS for e in talks)


def test_example_article_lna_side_accuses_turkey(coded):
    assert any(e.event_type == "ACCUSE" and e.source.country == "LBY" and e.target and e.target.country == "TUR"
               for e in kept(coded))


def test_example_article_no_event_from_the_opinion(coded):
    start = coded.article.text.index(OPINION)
    end = start + len(OPINION)
    assert not [e for e in coded.events if start <= e.start < end]


def test_example_article_actors_resolve_with_coreference(coded):
    haftar = [a for a in coded.actors if a.name == "Khalifa Haftar"]
    assert len(haftar) >= 4 and len({a.entity for a in haftar}) == 1
    assert {a.code for a in coded.actors if a.text == "LNA"} == {"LBYMIL"}
    assert any(a.text == "Egyptian President Abdel Fattah El-Sisi" and a.code == "EGYGOV" for a in coded.actors)


def test_example_article_planned_trip_to_paris_is_hypothetical(coded):
    start = coded.article.text.index("Haftar is due to head")
    end = coded.article.text.index(".", start)
    planned = [e for e in coded.events if start <= e.start < end]
    assert planned and all(e.hypothetical for e in planned)
