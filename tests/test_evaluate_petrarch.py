"""The PETRARCH-2 unit-test scorer: reading the XML and comparing codings."""

from __future__ import annotations

from conftest import needs_shared
from evaluate_cases import actor, event

from dateline.evaluate.petrarch import read_records, scorable, score_petrarch

# Written for the test, in the unit-test file's shape (comments, spacing, single quotes).
XML = """<Validation>
<!-- a comment with <Sentence> inside -->
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor will restore ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date = "19950102" id ="T-02"  category="COMPOUND" sentence="true">
<EventCoding sourcecode='"THE COUNCIL"' targetcode="GON" eventcode="032"></EventCoding>
<EventCoding sourcecode="ARNGOV" targetcode="---" eventcode="023"></EventCoding>
<Text>The council and Arnor praised Gondor.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950101" id="T-04" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor will restore ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="T-05" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Arnor will restore the golf cup to Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def records(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(XML, encoding="utf-8")
    return read_records(path)


def test_petrarch_reads_records_with_odd_attribute_quoting(tmp_path):
    recs = {r.id: r for r in records(tmp_path)}
    assert set(recs) == {"T-01", "T-02", "T-03", "T-04", "T-05"}
    assert recs["T-01"].text == "Arnor will restore ties with Gondor."
    assert recs["T-01"].date.isoformat() == "1995-01-01"
    assert recs["T-02"].codings == {("THE COUNCIL", "GON", "032"), ("ARNGOV", "---", "023")}
    assert recs["T-03"].codings == frozenset()
    assert not scorable(recs["T-04"])  # tests PETRARCH's parse-tree input, not coding
    assert scorable(recs["T-05"]) and recs["T-05"].discard and not recs["T-05"].codings


def test_petrarch_perfect_and_partial_codings(tmp_path):
    recs = [r for r in records(tmp_path) if scorable(r)]
    perfect = [[event("CONSULT", actor(None, None, "ARN"), actor(None, None, "GON"), cameo="064")],
               [event("SUPPORT", actor(None, None, '"THE COUNCIL"'), actor(None, None, "GON"), cameo="032"),
                event("REQUEST", actor(None, "GOV", "ARNGOV"), None, cameo="023")],
               [], []]
    s = {x.metric: x for x in score_petrarch(recs, perfect)}
    assert s["records_reproduced"].value == 1.0
    assert s["coding_recall"].value == 1.0 and s["coding_precision"].value == 1.0

    partial = [[event("CONSULT", actor(None, None, "ARN"), actor(None, None, "GON"), cameo="061")],
               [event("REQUEST", actor(None, "GOV", "ARNGOV"), None, cameo="023")],
               [event("ASSAULT", actor(None, None, "ARN"), None, cameo="190")], []]
    s = {x.metric: x for x in score_petrarch(recs, partial)}
    assert s["records_reproduced"].value == 0.25  # only the golf discard
    assert s["records_reproduced_root"].value == 0.5
    assert s["coding_recall"].value == 1 / 3
    assert s["dyad_recall"].value == 2 / 3
    assert s["dyad_recall_country"].value == 2 / 3
    assert s["no_event_records_correct"].value == 0.5


def test_petrarch_sector_only_actor_coded_with_dashes(tmp_path):
    recs = [r for r in records(tmp_path) if r.id == "T-02"]
    predicted = [[event("SUPPORT", actor(None, None, '"THE COUNCIL"'), actor(None, None, "GON"), cameo="032"),
                  event("REQUEST", actor("ARN", "GOV", code=""), None, cameo="023")]]
    # the importer may leave code empty: country + sector stand in for it
    s = {x.metric: x for x in score_petrarch(recs, predicted)}
    assert s["records_reproduced"].value == 1.0


def test_petrarch_reads_the_shared_unit_tests():
    recs = read_records(needs_shared("data", "petrarch2-unittests", "PETR.UnitTest.records.xml"))
    assert len(recs) == 284
    assert sum(len(r.codings) for r in recs) == 359
    assert sum(not scorable(r) for r in recs) == 3


def test_petrarch_country_dyads_forgive_agent_codes(tmp_path):
    recs = [r for r in records(tmp_path) if r.id == "T-01"]
    predicted = [[event("CONSULT", actor(None, None, "ARNGOVFRM"), actor(None, None, "GONMIL"), cameo="064")]]
    s = {x.metric: x for x in score_petrarch(recs, predicted)}
    assert s["dyad_recall"].value == 0.0
    assert s["dyad_recall_country"].value == 1.0
