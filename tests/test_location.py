"""Where an event happened: the place its own words put it, metonymy, the dateline."""

from __future__ import annotations

import datetime as dt

from dateline.ingest import find_dateline
from dateline.location import is_actor, locate_event
from dateline.model import Actor, Article, CodedArticle
from dateline.stages.places import find_places


def locate(text: str, trigger: str, nlp, resources, actors=()):
    span = find_dateline(text)
    article = Article(id="t", text=text, date=dt.date(2020, 12, 7),
                      dateline_start=span[0] if span else None, dateline_end=span[1] if span else None)
    doc = nlp(text)
    coded = find_places(doc, CodedArticle(article, actors=tuple(actors)), resources)
    token = next(t for t in doc if t.text == trigger)
    place = locate_event(token, coded)
    return place.text if place is not None else None


def test_location_takes_the_place_of_a_locative_phrase(nlp, resources):
    assert locate("Heavy clashes erupted in Sirte on Sunday.", "clashes", nlp, resources) == "Sirte"
    assert locate("Haftar has arrived to Cairo to hold talks.", "arrived", nlp, resources) == "Cairo"


def test_location_takes_the_destination_of_a_visit(nlp, resources):
    text = "El-Sisi began an official visit to Paris to meet Macron."
    assert locate(text, "visit", nlp, resources) == "Paris"


def test_location_reads_through_frame_nouns(nlp, resources):
    text = "The army detected five Turkish ships off the coast of the city of Sirte."
    assert locate(text, "detected", nlp, resources) == "Sirte"


def test_location_prefers_the_finer_of_nested_places(nlp, resources):
    text = "A Palestinian man was shot dead in the West Bank city of Nablus on Saturday."
    assert locate(text, "shot", nlp, resources) == "Nablus"


def test_location_skips_a_capital_used_as_an_actor(nlp, resources):
    assert locate("Cairo rejected the proposal on Monday.", "rejected", nlp, resources) is None


def test_location_skips_a_country_whose_actions_are_meant(nlp, resources):
    assert locate("He said Turkey's actions were destabilising.", "said", nlp, resources) is None


def test_location_is_none_when_the_sentence_names_no_place(nlp, resources):
    assert locate("At least 22 fighters were killed in the clashes.", "killed", nlp, resources) is None


def test_location_falls_back_on_the_dateline_for_a_domestic_event(nlp, resources):
    text = "CAIRO: The Egyptian government announced new measures on Sunday."
    assert locate(text, "announced", nlp, resources) == "CAIRO"


def test_location_keeps_the_dateline_away_from_a_foreign_actor(nlp, resources):
    text = "CAIRO: The French president announced new measures on Sunday."
    french = [Actor("The French president", 7, 27, "President of France", country="FRA", sector="GOV")]
    assert locate(text, "announced", nlp, resources, french) is None


def test_location_prefers_the_sentence_over_the_dateline(nlp, resources):
    text = "CAIRO: Militants attacked a checkpoint in Sirte on Sunday."
    assert locate(text, "attacked", nlp, resources) == "Sirte"


def test_location_reads_through_a_frame_noun_of_the_phrase(nlp, resources):
    text = "A man was killed by a roadside bomb near the oil refinery town of Baiji on Sunday."
    assert locate(text, "killed", nlp, resources) == "Baiji"


def test_location_takes_the_area_a_name_qualifies(nlp, resources):
    text = "Riot police patrolled Bangladesh's cities and towns on Saturday."
    assert locate(text, "patrolled", nlp, resources) == "Bangladesh"


def test_location_model_scores_features_and_their_pairs():
    import numpy as np
    import pytest

    from dateline.errors import DatelineError
    from dateline.location import FEATURES
    from dateline.location_model import Ranker, load_ranker

    ranker = Ranker(("bias", "near", "violent"), {"bias": -1.0, "near": 2.0}, [("near", "violent", 0.5)])
    rows = np.array([[1.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
    assert ranker.scores(rows).tolist() == [1.5, -1.0, 1.0]
    patterned = Ranker(("bias", "near", "violent"), {"bias": -1.0, "near": 2.0}, [],
                       {"b=in": 0.25, "t=kill": 1.0})
    keys = [["b=in", "t=kill"], ["b=of", "t=kill"], ["b=in", "unseen"]]
    assert patterned.scores(rows, keys).tolist() == [2.25, 0.0, 1.25]  # unseen keys weigh nothing
    assert patterned.scores(rows).tolist() == [1.0, -1.0, 1.0]
    with pytest.raises(DatelineError, match="refit"):
        Ranker(("bias",), {"bias": 1.0, "gone": 1.0}, [])
    shipped = load_ranker(FEATURES)  # the shipped weights name only features that exist
    assert len(shipped.linear) == len(FEATURES) and len(shipped.pair_weights) > 0 and shipped.patterns


def test_location_takes_a_place_that_was_taken(nlp, resources):
    text = "Gaza and the West Bank were captured by Israel in 1967."
    assert locate(text, "captured", nlp, resources) in ("Gaza", "West Bank")


def test_location_shares_a_place_between_coordinated_verbs(nlp, resources):
    text = "No foreign fighters have been captured or killed in southern Thailand."
    assert locate(text, "captured", nlp, resources) == "Thailand"


def test_location_takes_an_unknown_name_the_text_calls_a_place(nlp, resources):
    text = "Gunmen shot two farmers in the Wardogo area on Monday."
    assert "Wardogo" in locate(text, "shot", nlp, resources)
    text = "The rebels stormed Qarabilah after a week of fighting."
    assert locate(text, "stormed", nlp, resources) == "Qarabilah"


def test_location_takes_a_town_that_qualifies_the_setting(nlp, resources):
    assert locate("The writer died in a Paris hospital on Monday.", "died", nlp, resources) == "Paris"
    doc = nlp("Dallas police shot a man on Monday.")
    coded = find_places(doc, CodedArticle(Article(id="t", text=doc.text, date=dt.date(2020, 12, 7))), resources)
    assert not is_actor(doc[0:1], coded)  # a town's police act in it: a candidate, not an actor


def test_location_leaves_out_what_a_meeting_is_about(nlp, resources):
    assert locate("Egyptian and Qatari officials held talks on the fighting in Gaza.", "talks",
                  nlp, resources) is None
    text = "The ministers will meet in Brussels next week for talks about the war in Ukraine."
    assert locate(text, "talks", nlp, resources) == "Brussels"


def test_location_leaves_out_the_country_spoken_to(nlp, resources):
    text = "In March, Washington asked Hanoi to return to the negotiations on the old terms."
    assert locate(text, "return", nlp, resources) is None
