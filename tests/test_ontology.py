"""The event ontology and lexicon: CAMEO codes, PLOVER types, how verbal acts take their codes."""

from __future__ import annotations

import pytest

from dateline import ontology
from dateline.lexicon import NOT_AN_EVENT, EventLexicon
from dateline.model import PLOVER_TYPES, STATEMENT


def test_ontology_every_code_has_a_valid_type_mode_and_intensity():
    table = ontology.cameo_table()
    assert len(table) > 200
    for code, record in table.items():
        assert code.isdigit() and len(code) in (3, 4)
        assert -10 <= record.intensity <= 10
        if record.plover is None:
            assert record.root == "01"  # only statements have no PLOVER type
            continue
        assert record.plover in PLOVER_TYPES
        assert record.mode is None or record.mode in ontology.MODES[record.plover], code


def test_ontology_covers_all_twenty_cameo_roots_and_sixteen_types():
    table = ontology.cameo_table()
    assert {r.root for r in table.values()} == {f"{i:02d}" for i in range(1, 21)}
    assert {r.plover for r in table.values() if r.plover} == set(PLOVER_TYPES)


@pytest.mark.parametrize("event_type, quad", [("AGREE", 1), ("AID", 2), ("ACCUSE", 3), ("ASSAULT", 4)])
def test_ontology_quad_class(event_type, quad):
    assert ontology.quad_class(event_type) == quad


@pytest.mark.parametrize("frame, content, expected", [
    ("130", "1723", "1323"),  # threatened to impose a curfew
    ("030", "074", "0334"),  # agreed to send peacekeepers
    ("030", "073", "0333"),  # pledged food aid
    ("120", "0871", "1246"),  # rejected a ceasefire
    ("100", "0841", "1053"),  # demanded the release
    ("129", "04", "129"),  # a specific frame keeps its own code
    ("111", "190", "111"),  # frames without refinements keep theirs
])
def test_ontology_refine_verbal_act_by_its_content(frame, content, expected):
    assert ontology.refine(frame, content) == expected


@pytest.mark.parametrize("code, expected_type", [
    ("073", "AGREE"),  # will send food aid: an intent
    ("042", "AGREE"),  # will visit
    ("190", "THREATEN"),  # will attack: a threat
    ("1723", "THREATEN"),  # will impose a curfew
])
def test_ontology_future_acts_become_intents_or_threats(code, expected_type):
    assert ontology.cameo(ontology.future_code(code)).plover == expected_type


@pytest.mark.parametrize("code", ["111", "100", "160", "0831"])
def test_ontology_future_verbal_acts_and_sanctions_keep_their_code(code):
    assert ontology.future_code(code) is None


def test_lexicon_loads_and_every_sense_has_a_known_code():
    lexicon = EventLexicon.load()
    table = ontology.cameo_table()
    senses = [s for group in (lexicon.verbs, lexicon.nouns) for senses in group.values() for s in senses]
    assert len(senses) > 700
    for sense in senses:
        if sense.code == NOT_AN_EVENT:
            continue  # a use of the word that reports no event ("kick off")
        assert sense.code in table, sense.pattern
        # a symbolic act (CAMEO 017) is a statement, which PLOVER has no type for
        assert sense.plover in PLOVER_TYPES or sense.plover == STATEMENT and sense.code[:2] == "01", sense.pattern


def test_lexicon_matches_patterns_with_objects_and_particles(nlp):
    lexicon = EventLexicon.load()
    doc = nlp("The army imposed a curfew and rebels opened fire on the convoy.")
    found = {t.text: lexicon.match(t).code for t in doc if lexicon.match(t)}
    assert found["imposed"] == "1723"
    assert found["opened"] == "193"  # "opened fire": small-arms fire
    assert "army" not in found


def test_lexicon_looks_through_measures_to_the_real_object(nlp):
    lexicon = EventLexicon.load()
    doc = nlp("Swiss doctors handed over 700 kg of medicine to the hospital.")
    handed = next(t for t in doc if t.text == "handed")
    assert lexicon.match(handed).code == "073"


def test_lexicon_uses_that_report_no_event_give_no_trigger(nlp):
    lexicon = EventLexicon.load()
    doc = nlp("The mayor kicked off her campaign and the police released a statement on the attack.")
    found = {t.text for t in doc if lexicon.match(t)}
    assert "kicked" not in found and "released" not in found
    assert "attack" in found
    assert lexicon.match(nlp("Soldiers kicked the prisoner.")[1]).plover == "ASSAULT"
