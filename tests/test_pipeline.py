"""The pipeline runs its stages in order, can stop early, and survives a failing stage."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import pipeline
from dateline.model import Article

ARTICLE = Article(id="p1", date=dt.date(2020, 12, 7),
                  text="Egyptian troops shelled rebel positions near Sirte on Sunday, the army said.")


def test_pipeline_codes_every_layer_by_default(resources):
    (coded,) = pipeline.code_articles([ARTICLE], resources)
    assert coded.actors and coded.places and coded.times and coded.events
    assert not coded.errors


def test_pipeline_until_places_skips_dates_and_events(resources):
    (coded,) = pipeline.code_articles([ARTICLE], resources, until="places")
    assert coded.actors and [p.name for p in coded.places] == ["Sirte"]
    assert not coded.times and not coded.events


def test_pipeline_rejects_an_unknown_stage_name():
    with pytest.raises(ValueError, match="unknown stage 'geo'"):
        pipeline.stages_until("geo")


def test_pipeline_records_a_failing_stage_and_runs_the_rest(resources, monkeypatch):
    def broken(doc, coded, res):
        raise RuntimeError("boom")

    stages = tuple((name, broken if name == "dates" else fn, reads, fills)
                   for name, fn, reads, fills in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    monkeypatch.setattr(pipeline.code_doc, "__defaults__", (stages,))
    (coded,) = pipeline.code_articles([ARTICLE], resources)
    assert coded.errors == ("dates: RuntimeError: boom",)
    assert coded.events  # the events stage still ran, with the publication date
