"""The bundled sample corpus and its hand-coded gold stay well-formed and consistent."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import pytest

from dateline.cli.common import sample_path
from dateline.ingest import read_articles
from dateline.model import PLOVER_TYPES, PRECISIONS, Article, Reject

EXPECTATIONS = Path(__file__).parent / "data" / "sample_expectations.jsonl"

# Modes per type, from the PLOVER 2.0 manual (types without modes take none).
PLOVER_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "CVL", "BUS", "MED", "JRN", "EDU",
           "REL", "LAB", "AGR", "REF", "CRM", "UAF", "IGO", "NGO"}
EVENT_FIELDS = {"article_id", "expect", "sentence", "trigger", "trigger_start", "trigger_end", "event_type",
                "mode", "source_country", "source_sector", "target_country", "target_sector", "location",
                "date", "date_precision", "negated", "hypothetical", "optional", "same_event"}
ALT_FIELDS = {"event_type", "mode", "source_country", "source_sector", "target_country", "target_sector",
              "location", "date", "hypothetical"}


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    items = list(read_articles([sample_path()]))
    assert [i for i in items if isinstance(i, Reject)] == []
    return {a.id: a for a in items}


@pytest.fixture(scope="module")
def expectations() -> list[dict]:
    return [json.loads(line) for line in EXPECTATIONS.read_text(encoding="utf-8").splitlines()]


def events(expectations, *, required=False):
    return [e for e in expectations if e["expect"] == "event" and not (required and e["optional"])]


def test_samples_ship_as_readable_articles_with_datelines(articles):
    assert sample_path().is_file()
    assert len(articles) >= 24
    for article in articles.values():
        assert 150 <= len(article.text.split()) <= 600, article.id
        assert article.dateline, f"{article.id} has no dateline"
        assert article.title and article.source and article.url.startswith("https://example.org/")
        assert dt.date(2024, 1, 1) <= article.date <= dt.date(2025, 12, 31)


def test_samples_sources_and_dates_are_spread(articles):
    assert len({a.source for a in articles.values()}) >= 3
    dates = sorted(a.date for a in articles.values())
    assert (dates[-1] - dates[0]).days >= 21


def test_samples_every_article_has_gold_with_and_without_events(articles, expectations):
    kinds = defaultdict(set)
    for e in expectations:
        assert e["article_id"] in articles
        kinds[e["article_id"]].add(e["expect"])
    assert set(kinds) == set(articles)
    assert all(k == {"event", "none"} for k in kinds.values())


def test_samples_gold_points_into_the_texts(articles, expectations):
    for e in expectations:
        text = articles[e["article_id"]].text
        start = text.find(e["sentence"])
        assert start >= 0, e["sentence"]
        if e["expect"] == "event":
            assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
            assert start <= e["trigger_start"] < e["trigger_end"] <= start + len(e["sentence"])


def test_samples_gold_uses_plover_types_modes_actors_and_dates(articles, expectations):
    for e in events(expectations):
        assert EVENT_FIELDS <= set(e), e
        assert e["event_type"] in PLOVER_TYPES
        assert e["mode"] is None or e["mode"] in PLOVER_MODES.get(e["event_type"], set()), e
        for role in ("source", "target"):
            country, sector = e[f"{role}_country"], e[f"{role}_sector"]
            assert country is None or pycountry.countries.get(alpha_3=country), country
            assert sector is None or sector in SECTORS, sector
        assert e["source_country"] or e["source_sector"], "every event has an actor"
        assert e["date_precision"] in PRECISIONS
        date = dt.date.fromisoformat(e["date"])
        if not e["hypothetical"]:
            assert date <= articles[e["article_id"]].date, e
        for alt in e.get("alt", []):
            assert set(alt) <= ALT_FIELDS, alt


def test_samples_gold_covers_every_plover_type(expectations):
    counts = Counter(e["event_type"] for e in events(expectations, required=True)
                     if not (e["negated"] or e["hypothetical"]))
    assert set(counts) == set(PLOVER_TYPES)
    assert min(counts.values()) >= 3, counts


def test_samples_gold_has_flagged_and_compound_events(expectations):
    gold = events(expectations)
    assert any(e["negated"] for e in gold) and any(e["hypothetical"] for e in gold)
    by_trigger = Counter((e["article_id"], e["trigger_start"], e["event_type"]) for e in gold)
    assert any(n >= 2 for n in by_trigger.values()), "compound actors give one event per actor"


def test_samples_same_event_is_reported_by_several_articles_alike(articles, expectations):
    groups = defaultdict(list)
    for e in events(expectations):
        if e["same_event"]:
            groups[e["same_event"]].append(e)
    assert len(groups) >= 5
    for key, members in groups.items():
        assert len({m["article_id"] for m in members}) >= 2, key
        assert len({articles[m["article_id"]].source for m in members}) >= 2, key
        for field in ("event_type", "date", "location", "source_country"):
            assert len({m[field] for m in members}) == 1, (key, field)
