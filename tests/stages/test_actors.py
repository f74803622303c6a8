"""The actor stage on sentences written for these tests: how mentions resolve to country and sector."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dateline.actors_kb import ActorKnowledge
from dateline.model import Article, CodedArticle
from dateline.pipeline import code_articles
from dateline.settings import Settings
from dateline.stages.actors import find_actors


def actors_of(resources, text: str, day: dt.date = dt.date(2021, 3, 1)):
    doc = resources.nlp(text)
    coded = find_actors(doc, CodedArticle(Article("t", text, day)), resources)
    return coded.actors


def by_text(actors):
    return {a.text: a for a in actors}


def test_actors_nationality_and_title_make_one_mention(resources):
    actors = by_text(actors_of(resources, "Kenyan President William Ruto met the envoy on Monday."))
    ruto = actors["Kenyan President William Ruto"]
    assert (ruto.country, ruto.sector, ruto.code) == ("KEN", "GOV", "KENGOV")
    assert ruto.name == "William Ruto"


def test_actors_plural_titles_name_legislators(resources):
    actors = by_text(actors_of(resources, "Sens. Tim Grendell and Bob Gibbs introduced a resolution on Monday."))
    assert actors["Tim Grendell"].sector == "LEG"


def test_actors_role_nouns_take_country_from_modifiers_and_phrases(resources):
    actors = by_text(actors_of(resources, "Police in Nairobi detained protesters while Ugandan troops and "
                                          "the commander of the Nigerian army watched."))
    assert actors["Police"].code == "KENCOP"
    assert actors["Ugandan troops"].code == "UGAMIL"
    assert actors["commander"].code == "NGAMIL"


def test_actors_coordinated_modifiers_give_one_actor_per_country(resources):
    actors = actors_of(resources, "Senior Danish and Norwegian officials agreed on a plan.")
    assert sorted(a.code for a in actors if a.sector == "GOV") == ["DNKGOV", "NORGOV"]


def test_actors_organisation_defined_in_the_article(resources):
    text = ("The Chadian Liberation Front (CLF) attacked a convoy on Monday. "
            "On Tuesday the CLF said it would keep fighting.")
    clf = [a for a in actors_of(resources, text) if a.text == "CLF"]
    assert clf and all((a.country, a.sector) == ("TCD", "REB") for a in clf)


def test_actors_coreference_surname_pronoun_share_the_entity(resources):
    text = ("Libyan commander Khalifa Haftar arrived in Cairo on Sunday. "
            "Haftar met Egyptian officials. He said talks went well.")
    actors = actors_of(resources, text, dt.date(2020, 12, 7))
    haftar = [a for a in actors if a.name == "Khalifa Haftar"]
    assert [a.text for a in haftar] == ["Libyan commander Khalifa Haftar", "Haftar", "He"]
    assert len({a.entity for a in haftar}) == 1
    assert all(a.code == "LBYMIL" for a in haftar)


def test_actors_titled_person_takes_country_from_the_article(resources):
    text = "The Libyan National Army said it repelled an attack. Brig. Omar Salem said the army was ready."
    salem = next(a for a in actors_of(resources, text) if "Salem" in a.text)
    assert (salem.country, salem.sector) == ("LBY", "MIL")


def test_actors_capital_as_actor_is_the_government_and_places_are_not_actors(resources):
    actors = actors_of(resources, "Cairo said it would host talks in Geneva and Amman next week.")
    assert by_text(actors)["Cairo"].code == "EGYGOV"
    assert "Amman" not in by_text(actors)  # a place where something happens, not an actor


def test_actors_international_organisations(resources):
    actors = by_text(actors_of(resources, "The United Nations and NATO condemned the attack."))
    assert (actors["United Nations"].country, actors["United Nations"].code) == (None, "IGOUNO")
    assert actors["NATO"].sector == "IGO"


def test_actors_an_organisations_people_keep_its_code(resources):
    text = ("The World Health Organization (WHO) sent doctors. European Union foreign ministers met on Monday. "
            "Russia summoned the EU's ambassador. A United Nations aid convoy reached the town.")
    actors = by_text(actors_of(resources, text))
    assert actors["World Health Organization"].code == "IGOWHO"
    assert actors["foreign ministers"].code == "IGOEUR"
    assert (actors["ambassador"].sector, actors["ambassador"].code) == ("GOV", "IGOEUR")
    assert (actors["aid convoy"].sector, actors["aid convoy"].code) == ("NGO", "IGOUNO")


def test_actors_a_general_after_a_title_is_no_soldier(resources):
    actors = by_text(actors_of(resources, "The agency's director general met the minister on Monday."))
    assert actors["director general"].sector == "GOV"


def test_actors_the_government_is_the_one_named_before_not_the_latest_official(resources):
    text = ("Ethiopia's government released 120 people on Wednesday. An African Union envoy, former Kenyan "
            "minister Ruth Wanjiku, met Tigrayan leaders. The government also allowed aid convoys into the region. "
            "The junta did not comment.")
    actors = actors_of(resources, text)
    assert [a.code for a in actors if a.text in ("government", "junta")] == ["ETHGOV", "ETHGOV", "ETHGOV"]


def test_actors_a_former_title_before_a_name_makes_a_former_official(resources):
    actors = by_text(actors_of(resources, "Former Kenyan minister Ruth Wanjiku met Ethiopian leaders on Monday."))
    assert actors["Former Kenyan minister Ruth Wanjiku"].code == "KENELI"
    actors = by_text(actors_of(resources, "Kenyan minister Ruth Wanjiku met Ethiopian leaders on Monday."))
    assert actors["Kenyan minister Ruth Wanjiku"].code == "KENGOV"


def test_actors_an_abbreviation_keeps_the_country_of_the_name_it_stands_for(resources):
    text = ("North Korea fired a missile into the sea, South Korea's Joint Chiefs of Staff (JCS) said. "
            "The JCS said it had raised its readiness posture.")
    codes = {a.text: a.code for a in actors_of(resources, text)}
    assert (codes["Joint Chiefs of Staff"], codes["JCS"], codes["it"]) == ("KORMIL", "KORMIL", "KORMIL")


def test_actors_unplaced_organs_belong_to_a_dateline_town_the_gazetteer_knows(resources):
    text = "PORT SUDAN (Harbor Post) -- The army-aligned government met on Monday. The army accused rebels of looting."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1), dateline_start=0, dateline_end=10)],
                             resources)
    army = [a for a in coded.actors if a.text == "army"][-1]
    assert army.code == "SDNMIL"
    # a state's own forces are the dateline state's, as its officials are
    text = "ADDIS ABABA (Dateline Wire) - Federal forces withdrew. Government troops shelled Axum. Rebels fled."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1), dateline_start=0, dateline_end=11)],
                             resources)
    codes = {a.text: a.code for a in coded.actors}
    assert (codes["Federal forces"], codes["Government troops"], codes["Rebels"]) == ("ETHMIL", "ETHMIL", None)
    # officials said to be local are of the event's place, not the dateline's
    text = "ISTANBUL (Harbor Post) -- Local officials said the rally was peaceful."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1), dateline_start=0, dateline_end=8)], resources)
    assert next(a for a in coded.actors if a.text == "Local officials").country is None


def test_actors_whose_forces_a_possessive_pronoun_says(resources):
    text = ("The Israeli military said its soldiers had fired warning shots. The United Nations Interim Force "
            "in Lebanon (UNIFIL) said its peacekeepers were patrolling.")
    codes = {a.text: a.code for a in actors_of(resources, text)}
    assert (codes["soldiers"], codes["peacekeepers"]) == ("ISRMIL", "IGOUNO")
    # a counterpart is the other side's, and a nationality says whose
    codes = {a.text: a.code for a in actors_of(resources, "Iraq's foreign minister spoke with his Iranian counterpart.")}
    assert codes["Iranian counterpart"] == "IRNGOV"


def test_actors_abbreviations_match_only_in_capitals(resources):
    actors = actors_of(resources, "Doctors who treated the wounded said the WHO sent supplies.")
    assert [a.text for a in actors if a.code and a.code.startswith("IGO")] == ["WHO"]


def test_actors_dated_roles_follow_the_article_date(resources):
    text = "President Barack Obama spoke on Monday."
    assert actors_of(resources, text, dt.date(2012, 1, 1))[0].code == "USAGOV"
    assert actors_of(resources, "Barack Obama spoke on Monday.", dt.date(2020, 1, 1))[0].code == "USAELI"


def test_actors_user_dictionary_overrides_the_knowledge_base(resources, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- {name: Khalifa Haftar, aka: [Haftar], code: LBYREB}\n"
                    "- {name: Northern Shield Brigade, code: SOMREB}\n", encoding="utf-8")
    kb = ActorKnowledge.load(Settings(actor_dictionaries=(str(path),)))
    custom = dataclasses.replace(resources, actors=kb)
    actors = by_text(actors_of(custom, "Haftar met the Northern Shield Brigade.", dt.date(2020, 1, 1)))
    assert actors["Haftar"].code == "LBYREB"
    assert actors["Northern Shield Brigade"].code == "SOMREB"


@pytest.mark.parametrize("text", ["", "   ", "1234 5678.", "lorem ipsum dolor sit amet"])
def test_actors_text_without_actors_gives_none(resources, text):
    assert actors_of(resources, text) == ()


@pytest.mark.parametrize("text", [
    "Raipur, India - Rights activists in the state of Chhattisgarh called for an inquiry.",
    "KYIV — Rights activists in Kharkiv called for an inquiry.",
    "Fethi Belaid, AFP | Rights activists in Tunis called for an inquiry.",
])
def test_actors_the_dateline_lead_is_never_an_actor(resources, text):
    actors = actors_of(resources, text)
    lead_end = max(text.find(" - "), text.find(" — "), text.find(" | ")) + 3
    assert actors and all(a.start >= lead_end for a in actors)
    assert actors[0].text == "Rights activists"


def test_actors_unnamed_state_organs_belong_to_the_datelines_country(resources):
    actors = by_text(actors_of(resources, "NAIROBI, Kenya - Police fired tear gas at protesters and "
                                          "authorities said 40 people were arrested."))
    assert actors["Police"].code == "KENCOP" and actors["authorities"].code == "KENGOV"


def test_actors_groups_in_a_countrys_province_are_of_that_country(resources):
    actors = by_text(actors_of(resources, "Activists in the Indian state of Assam called for a strike."))
    assert actors["Activists"].country == "IND"


def test_actors_supporters_share_their_leaders_country_not_office(resources):
    text = "Supporters of Prime Minister Imran Khan marched in Lahore."
    supporters = by_text(actors_of(resources, text, dt.date(2020, 1, 1)))["Supporters"]
    assert (supporters.country, supporters.sector) == ("PAK", "CVL")


def test_actors_a_town_the_tagger_calls_a_person_is_not_an_actor(resources):
    actors = actors_of(resources, "More than 200 cyclists demonstrated in Lyon on Saturday.")
    assert "Lyon" not in by_text(actors)


@pytest.mark.parametrize("text, mention, code", [
    ("Karen rebels attacked an army post near the border.", "Karen rebels", "MMRREB"),
    ("Tamil refugees arrived in Chennai.", "Tamil refugees", "LKAREF"),
    ("Kurds protested against the Syrian government.", "Kurds", "SYRCVL"),
    ("Ethnic Albanians in Macedonia demanded more rights.", "Ethnic Albanians", "MKDCVL"),
])
def test_actors_ethnic_groups_live_where_the_sentence_says_else_where_most_do(resources, text, mention, code):
    assert by_text(actors_of(resources, text))[mention].code == code


def test_actors_a_first_name_that_is_also_a_people_is_a_name(resources):
    assert by_text(actors_of(resources, "Karen Bass said the bill would pass."))["Karen Bass"].country is None


def test_actors_a_regional_or_multinational_force_is_international(resources):
    actors = by_text(actors_of(resources, "The rebels opposed the deployment of a regional peacekeeping force."))
    assert actors["regional peacekeeping force"].code == "IGOMIL"


def test_actors_a_plural_role_opening_a_sentence_is_still_a_role(resources):
    actors = by_text(actors_of(resources, "Rebels of the Chadian Liberation Front attacked a convoy. "
                                          "Authorities said two soldiers died."))
    assert actors["Rebels"].sector == "REB" and actors["Authorities"].sector == "GOV"


def test_actors_people_fleeing_a_war_are_of_its_country(resources):
    actors = by_text(actors_of(resources, "The Red Cross delivered medicine to families fleeing the fighting in Sudan."))
    assert actors["families"].code == "SDNCVL"


def test_actors_three_word_roles_make_one_mention(resources):
    actors = by_text(actors_of(resources, "Israeli border patrol agents detained two Palestinian youths."))
    assert actors["Israeli border patrol agents"].code == "ISRCOP"
    assert "border patrol" not in actors


def test_actors_a_group_joined_to_a_named_actor_shares_its_country(resources):
    actors = by_text(actors_of(resources, "Chancellor Olaf Scholz and a delegation of ministers met Chinese officials."))
    assert actors["ministers"].code == "DEUGOV"


def test_actors_a_nations_community_is_of_that_nation(resources):
    actors = by_text(actors_of(resources, "Turkish Cypriots voted on Sunday while Bosnian Serbs boycotted the poll."))
    assert actors["Turkish Cypriots"].country == "CYP"
    assert actors["Bosnian Serbs"].country == "BIH"


def test_actors_an_apposition_is_read_as_a_whole_role_phrase(resources):
    # "chief financial officer" is a business role, not an army officer
    actors = by_text(actors_of(resources, "Don Reimer, chief financial officer of the Ohio Health Consortium, spoke."))
    assert actors["Don Reimer"].sector == "BUS"
    actors = by_text(actors_of(resources, "John Smith, a police officer, said the road was closed."))
    assert actors["John Smith"].sector == "COP"


def test_actors_a_firm_or_people_from_abroad_do_not_place_an_unplaced_official(resources):
    # "the minister" takes the country the sentence is about; a Chinese firm is not what it is about
    actors = by_text(actors_of(resources, "The minister denied allegations that he took bribes from a Chinese firm."))
    assert (actors["minister"].country, actors["Chinese firm"].code) == (None, "CHNBUS")
    actors = by_text(actors_of(resources, "President Dos Santos conceded to demands from UNITA."))
    assert actors["President Dos Santos"].code == "AGOGOV"


def test_actors_an_organ_named_as_one_country_names_it_is_anothers_when_its_phrase_says_so(resources):
    # "Congress" alone is the US Congress; Peru and the Philippines have one too
    actors = by_text(actors_of(resources, "Peru's Congress voted to remove the president."))
    assert (actors["Congress"].code, actors["president"].code) == ("PERLEG", "PERGOV")
    assert by_text(actors_of(resources, "The Philippine Congress approved the budget."))["Philippine Congress"].code \
        == "PHLLEG"
    assert by_text(actors_of(resources, "Congress passed the bill on Monday."))["Congress"].code == "USALEG"


def test_actors_a_spokesman_for_an_actor_speaks_as_it(resources):
    actors = by_text(actors_of(resources, "A spokesman for the Russian defence ministry said the strikes hit bases."))
    assert actors["spokesman"].code == "RUSGOV"
    actors = by_text(actors_of(resources, "A spokesman for the Kenyan army said the operation would go on."))
    assert actors["spokesman"].code == "KENMIL"
    # a Secretary-General is no general, hyphen or not
    actors = by_text(actors_of(resources, "The UN Secretary-General said the organisation was concerned."))
    assert (actors["Secretary-General"].code, actors["Secretary-General"].sector) == ("IGOUNO", "GOV")
