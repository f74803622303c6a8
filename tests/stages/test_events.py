"""The event coder on sentences written for these tests: one behaviour per test."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import ontology
from dateline.model import STATEMENT, Article
from dateline.pipeline import code_articles


def events_of(resources, text: str, day: dt.date = dt.date(2021, 3, 1)):
    """The PLOVER events coded from the text (its statements, CAMEO 01, are tests/stages/test_statements.py's)."""
    (coded,) = code_articles([Article("t", text, day)], resources)
    assert not coded.errors
    return tuple(e for e in coded.events if e.event_type != STATEMENT)


def summary(events):
    """(type, source code, target code) of each event, in order."""
    return [(e.event_type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events]


def test_events_subject_verb_object(resources):
    events = events_of(resources, "Syrian troops attacked Turkish positions near the border on Monday.")
    assert summary(events) == [("ASSAULT", "SYRMIL", "TUR")]
    assert events[0].cameo[:2] == "19" and events[0].quad_class == 4


def test_events_passive_with_agent(resources):
    events = events_of(resources, "Kenyan police officers were attacked by Somali militants on Monday.")
    assert summary(events) == [("ASSAULT", "SOMREB", "KENCOP")]


def test_events_reported_speech_codes_the_reported_act(resources):
    events = events_of(resources, "Egyptian officials said Israeli jets bombed Gaza on Friday.")
    assert [(t, s) for t, s, _ in summary(events)] == [("ASSAULT", "ISRMIL")]
    assert events[0].target.country == "PSE"


def test_events_accusation_is_the_act_not_what_it_alleges(resources):
    events = events_of(resources, "Iran accused Israel of attacking its nuclear facility.")
    assert summary(events) == [("ACCUSE", "IRN", "ISR")]
    assert events[0].cameo.startswith("112")


def test_events_reported_allegation_is_an_accusation(resources):
    events = events_of(resources, "Greek officials said Turkey was undermining stability in the region.")
    assert summary(events) == [("ACCUSE", "GRCGOV", "TUR")]


def test_events_reported_obligation_is_a_demand(resources):
    events = events_of(resources, "The European Union said Russia must withdraw its forces from Moldova.")
    assert summary(events) == [("REQUEST", "IGOEUR", "RUS")]
    assert events[0].cameo == "1056"  # demand de-escalation, from "withdraw"


def test_events_compound_actors_give_one_event_each(resources):
    events = events_of(resources, "Egypt and France condemned the bombing of the embassy.")
    assert sorted(summary(events)) == [("ACCUSE", "EGY", None), ("ACCUSE", "FRA", None)]


def test_events_symmetric_events_are_coded_once_per_pair(resources):
    events = events_of(resources, "Russian and Chinese officials held talks in Beijing on Tuesday.")
    assert summary(events) == [("CONSULT", "RUSGOV", "CHNGOV")]


def test_events_light_verb_and_event_noun(resources):
    events = events_of(resources, "Indian Prime Minister Narendra Modi held talks with Japanese officials.")
    assert summary(events) == [("CONSULT", "INDGOV", "JPNGOV")]


def test_events_event_noun_with_possessor(resources):
    events = events_of(resources, "Modi's visit to Washington was postponed.")
    assert summary(events) == [("CONSULT", "INDGOV", "USAGOV")]
    assert events[0].mode == "visit"


def test_events_negated_events_are_flagged(resources):
    (event,) = events_of(resources, "Pakistani troops did not attack Indian posts on Sunday.")
    assert event.negated and event.event_type == "ASSAULT"


def test_events_hypothetical_events_are_flagged(resources):
    (event,) = events_of(resources, "Ethiopian troops could attack Eritrean positions.")
    assert event.hypothetical and not event.negated


def test_events_future_cooperation_is_an_intent_not_hypothetical(resources):
    (event,) = events_of(resources, "France will send humanitarian aid to Lebanon.")
    assert (event.event_type, event.source.code, event.target.code) == ("AGREE", "FRA", "LBN")
    assert event.cameo == "0333" and not event.hypothetical


def test_events_future_force_with_a_condition_is_a_threat(resources):
    (event,) = events_of(resources, "Iran will strike Israeli ships if the blockade continues.")
    assert event.event_type == "THREATEN" and event.cameo.startswith("138")


def test_events_control_verb_codes_the_agreement_not_the_withdrawal(resources):
    events = events_of(resources, "Serbia agreed to withdraw its troops from the border.")
    assert [(e.event_type, e.cameo) for e in events] == [("AGREE", "0356")]


def test_events_refused_acceptance_is_a_rejection(resources):
    (event,) = events_of(resources, "Hungary said it will not accept any more refugees.")
    assert event.event_type == "REJECT" and not event.negated


def test_events_opinion_is_not_an_event(resources):
    text = "The minister said the political settlement is the only way to achieve stability in the region."
    assert events_of(resources, text) == ()


def test_events_unknown_verbs_give_nothing(resources):
    assert events_of(resources, "Brazilian officials sneezed at Argentine diplomats.") == ()


def test_events_without_actors_give_nothing(resources):
    assert events_of(resources, "The weather improved and the harvest was good.") == ()


def test_events_records_are_consistent_and_stable(resources):
    text = "Sudanese rebels shelled the town of Kadugli on Sunday, killing five civilians."
    first, second = events_of(resources, text), events_of(resources, text)
    assert [e.event_id for e in first] == [e.event_id for e in second]
    for event in first:
        record = ontology.cameo(event.cameo)
        assert event.quad_class == ontology.quad_class(event.event_type)
        assert event.intensity == record.intensity and 0 <= event.confidence <= 1
        assert text[event.start:event.end] == event.trigger
        assert event.sentence == text[event.sentence_start:event.sentence_start + len(event.sentence)]
        assert isinstance(event.date, dt.date) and event.date_precision in ("day", "week", "month", "year")


@pytest.mark.parametrize("text, expected", [
    ("Turkish police arrested 40 students in Ankara.", "COERCE"),
    ("Thousands of protesters rallied outside the Kenyan parliament.", "PROTEST"),
    ("The United States imposed sanctions on Venezuelan officials.", "SANCTION"),
    ("Indonesia granted asylum to three Australian activists.", "AID"),
    ("Colombian rebels released two kidnapped soldiers.", "RETREAT"),
    ("North Korea threatened to attack South Korean islands.", "THREATEN"),
    ("Lebanon rejected an Israeli proposal for a ceasefire.", "REJECT"),
    ("Chile and Peru signed a trade agreement.", "SUPPORT"),
    ("Russia deployed tanks to the Ukrainian border.", "MOBILIZE"),
    ("The Nigerian government lifted the curfew in Lagos.", "CONCEDE"),
    ("Ghana urged Togo to release the detained journalists.", "REQUEST"),
    ("French and German warships held joint exercises.", "COOPERATE"),
])
def test_events_one_sentence_per_type(resources, text, expected):
    events = [e for e in events_of(resources, text) if not e.negated]
    assert max(events, key=lambda e: e.confidence).event_type == expected


def test_events_undergone_attack_makes_the_subject_the_target(resources):
    (event,) = events_of(resources, "A Turkish army base came under attack by Syrian militants on Friday.")
    assert (event.event_type, event.source.code, event.target.country) == ("ASSAULT", "SYRREB", "TUR")


def test_events_a_worry_is_not_a_threat_but_a_warning_to_someone_is(resources):
    assert events_of(resources, "The United Nations warned that the fighting threatens aid deliveries.") == ()
    (event,) = events_of(resources, "Iran warned Israel that it would retaliate against any attack.")
    assert (event.event_type, event.source.code, event.target.code) == ("THREATEN", "IRN", "ISR")


def test_events_protesters_who_storm_are_rioting(resources):
    (event,) = events_of(resources, "Lebanese protesters stormed the parliament building in Beirut.")
    assert (event.event_type, event.mode) == ("PROTEST", "riot")


def test_events_arrival_in_a_capital_visits_its_government(resources):
    events = events_of(resources, "Japan's prime minister arrived in New Delhi on Sunday for talks.")
    assert ("CONSULT", "JPNGOV", "INDGOV") in summary(events)
    assert events[0].mode == "visit"


def test_events_a_protest_absorbs_its_demand(resources):
    events = events_of(resources, "Serbian students staged a demonstration demanding the resignation of the minister.")
    assert [(e.event_type, e.cameo) for e in events] == [("PROTEST", "1411")]


def test_events_missile_fired_into_the_sea_is_a_show_of_force(resources):
    (event,) = events_of(resources, "North Korea fired a ballistic missile into the sea on Tuesday.")
    assert (event.event_type, event.mode) == ("MOBILIZE", "weapons")


def test_events_weapon_as_subject_codes_the_forces_behind_it(resources):
    (event,) = events_of(resources, "A Turkish drone killed four fighters near the town on Friday, officials said.")
    assert (event.event_type, event.source.code) == ("ASSAULT", "TURMIL")


def test_events_weapon_with_no_owner_is_an_attack_by_no_one_named(resources):
    (event,) = events_of(resources, "A car bomb exploded outside a police station in Mogadishu on Monday.")
    assert (event.event_type, event.cameo, event.source.sector) == ("ASSAULT", "1832", "UAF")
    assert event.target is not None and event.target.country == "SOM"
    (event,) = events_of(resources, "A car bomb exploded on Monday.")
    assert (event.event_type, event.source, event.target) == ("ASSAULT", None, None)


def test_events_agentless_passive_of_a_legal_act_keeps_its_recipient(resources):
    (event,) = events_of(resources, "A former Kenyan minister was sentenced to ten years in prison on Monday.")
    assert (event.event_type, event.source, event.target.country) == ("SANCTION", None, "KEN")


def test_events_toll_since_a_war_began_is_not_an_event(resources):
    assert events_of(resources, "More than 2,000 Yemeni civilians have been killed since the war began.") == ()


@pytest.mark.parametrize("text, reciprocal", [
    ("Egypt's foreign minister met his Sudanese counterpart in Cairo.", True),
    ("Chile and Peru signed a trade agreement on Monday.", True),
    ("Kenya agreed with Uganda to reopen the border crossing.", True),
    ("Israeli officials shared intelligence with the United States.", False),
    ("Russia offered to negotiate with the president of Georgia.", False),
    ("France will send humanitarian aid to Lebanon.", False),
])
def test_events_symmetric_acts_are_marked_reciprocal(resources, text, reciprocal):
    events = [e for e in events_of(resources, text) if e.target is not None]
    assert events and all(e.reciprocal == reciprocal for e in events)


def test_events_exchange_between_compound_actors_is_between_them(resources):
    (event,) = events_of(resources, "Israel and Hamas exchanged prisoners on Sunday.")
    assert (event.source.country, event.target.country, event.reciprocal) == ("ISR", "PSE", True)


def test_events_timetabled_acts_are_hypothetical_not_intents(resources):
    (event,) = events_of(resources, "The Kenyan president is due to travel to Addis Ababa on Friday.")
    assert (event.event_type, event.mode, event.hypothetical) == ("CONSULT", "visit", True)
    (event,) = events_of(resources, "Egypt is expected to sign the agreement with Sudan next week.")
    assert (event.source.country, event.target.country, event.hypothetical) == ("EGY", "SDN", True)


def test_events_the_story_verb_the_parser_hangs_on_the_dateline_is_the_main_act(resources):
    text = ("PESHAWAR: A US drone killed three suspected militants in an attack on a compound "
            "on Friday, officials said, in the first strike since the president vowed to crack down.")
    assert ("ASSAULT", "USAMIL") in [(e.event_type, e.source.code if e.source else None)
                                     for e in events_of(resources, text)]


def test_events_armed_forces_entering_a_place_attack_it_but_refugees_do_not(resources):
    (event,) = events_of(resources, "Russian troops entered the town of Marinka on Monday.")
    assert (event.event_type, event.source.code) == ("ASSAULT", "RUSMIL")
    assert events_of(resources, "Thousands of refugees crossed into Kenya on Monday.") == ()


def test_events_capturing_a_named_place_is_force_capturing_a_title_is_nothing(resources):
    (event,) = events_of(resources, "Ethiopian troops captured Mekelle after heavy fighting.")
    assert (event.event_type, event.cameo) == ("ASSAULT", "190")
    assert events_of(resources, "The Kenyan runner captured the world title in Berlin.") == ()


def test_events_weapon_in_a_passive_or_a_misread_participle_is_a_bombing(resources):
    (event,) = events_of(resources, "The bomb was detonated by remote control near a market in Baghdad.")
    assert (event.event_type, event.source.code) == ("ASSAULT", "IRQUAF")
    text = "In neighbouring Khost province, a remotely-controlled bomb detonated on Sunday, wounding two policemen."
    assert any(e.event_type == "ASSAULT" for e in events_of(resources, text))


def test_events_subject_the_parser_hung_on_a_place_is_recovered(resources):
    text = "After the summit in Ufa, Pakistan and India formally agreed to resume the dialogue."
    events = events_of(resources, text)
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("PAK", "IND")}
    assert events_of(resources, "The talks were held in Geneva and Amman last week.") == ()


def test_events_unnamed_protesters_are_the_subject_of_the_country_they_protest_in(resources):
    (event,) = events_of(resources, "Some 60 people demonstrated in Kiev last week against the French decision.")
    assert (event.event_type, event.source.code, event.target.country) == ("PROTEST", "UKRCVL", "FRA")
    (event,) = events_of(resources, "More than 200 cyclists demonstrated in Nantes on Saturday.")
    assert event.source.country == "FRA" and "cyclists" in event.source.text


def test_events_use_of_force_is_the_means_not_an_armed_force(resources):
    (event,) = events_of(resources, "North Korea threatened to use force against South Korea.")
    assert (event.event_type, event.source.code, event.target.code) == ("THREATEN", "PRK", "KOR")


def test_events_unattributed_bombing_is_by_unidentified_men_of_the_country_it_struck(resources):
    (event,) = events_of(resources, "Two soldiers were killed by a roadside bomb outside the Afghan city of Kandahar.")
    assert (event.source.code, event.source.name, event.target.sector) == ("AFGUAF", "unidentified attackers", "MIL")


def test_events_victims_joined_to_a_passive_are_victims(resources):
    events = events_of(resources, "In Mogadishu, 20 Somali civilians were killed or wounded on Sunday.")
    assert all(e.source is None or e.source.sector == "UAF" for e in events)
    assert all(e.target is not None and e.target.country == "SOM" for e in events)


def test_events_acts_joined_by_and_stay_apart_and_unplaced_victims_join_the_named(resources):
    text = "Afghan rebels kidnapped two Russian engineers and bombed a police post in Kandahar."
    assert {e.cameo[:3] for e in events_of(resources, text)} >= {"181", "183"}
    text = "Sudanese rebels shelled the Libyan town of Kufra on Sunday, killing about 20 people."
    assert [e.target.country for e in events_of(resources, text)] == ["LBY"]


def test_events_complaints_aim_at_what_they_are_about_not_whom_they_address(resources):
    (event,) = events_of(resources, "Syria complained to the United Nations over Turkish air raids on Friday.")
    assert (event.event_type, event.source.code, event.target.country) == ("ACCUSE", "SYR", "TUR")


def test_events_a_protests_stated_disapproval_gives_its_target(resources):
    text = "Students in Dhaka blocked a highway to show their anger at India's border policy."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.source.country, event.target.country) == ("PROTEST", "BGD", "IND")
    (event,) = events_of(resources, "NATO tightened the blockade of Serbia with Albania's help.")
    assert event.target.country == "SRB"


def test_events_forces_demobilized_or_withdrawn_are_the_ones_retreating(resources):
    (event,) = events_of(resources, "Hundreds of Colombian rebels have been demobilized this year.")
    assert (event.event_type, event.mode, event.source.code) == ("RETREAT", "disarm", "COLREB")


def test_events_the_aim_of_a_material_act_is_its_topic_not_a_second_act(resources):
    (event,) = events_of(resources, "Norway will send equipment to help defend Estonia, its foreign minister said.")
    assert (event.event_type, event.source.country, event.target.country) == ("AGREE", "NOR", "EST")


def test_events_refuge_in_a_country_is_sought_from_its_state(resources):
    (event,) = events_of(resources, "Thousands of Afghan families sought refuge in Pakistan last month.")
    assert (event.event_type, event.source.country, event.target.code) == ("REQUEST", "AFG", "PAKGOV")


def test_events_rioting_during_protests_against_someone_is_aimed_at_them(resources):
    text = "Kenyan students threw stones during demonstrations against the Ugandan army on Monday."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.mode, event.target.country) == ("PROTEST", "riot", "UGA")


@pytest.mark.parametrize("text", [
    "Egypt, which hosts thousands of Sudanese refugees, called for talks.",
    "The two governments have clashed repeatedly over budgets, but have cooperated on security.",
    "Polls suggest most French voters support the farmers.",
    "The war began after the attack on southern Israel on October 7, 2023.",
])
def test_events_habits_positions_and_history_are_not_news(resources, text):
    day = dt.date(2025, 1, 15)
    kept = [e for e in events_of(resources, text, day) if e.trigger in ("hosts", "clashed", "cooperated", "support",
                                                                      "attack")]
    assert kept == []


def test_events_a_dated_act_of_this_year_is_news(resources):
    (event,) = events_of(resources, "Turkish jets struck Kurdish positions on January 10, 2025.", dt.date(2025, 1, 15))
    assert event.event_type == "ASSAULT"


def test_events_missiles_fired_at_no_one_are_a_show_of_arms_at_someone_an_attack(resources):
    (event,) = events_of(resources, "North Korea fired a ballistic missile on Tuesday.")
    assert (event.event_type, event.mode) == ("MOBILIZE", "weapons")
    (event,) = events_of(resources, "Hamas fired rockets at Tel Aviv on Monday.")
    assert (event.event_type, event.target.country) == ("ASSAULT", "ISR")


def test_events_defending_no_one_is_no_act(resources):
    assert events_of(resources, "Mexico's president said Mexico would defend its economy.") == ()


def test_events_sanctions_targeting_officials_are_not_an_attack(resources):
    text = "The European Union adopted new sanctions against Russia on Thursday, targeting dozens of officials."
    assert [e.event_type for e in events_of(resources, text)] == ["SANCTION"]


def test_events_a_state_that_blocks_access_restricts_protesters_who_block_roads_obstruct(resources):
    (event,) = events_of(resources, "Venezuela's telecommunications regulator blocked access to two news websites.")
    assert event.event_type == "COERCE"
    (event,) = events_of(resources, "French farmers blocked motorways around Paris on Tuesday.")
    assert (event.event_type, event.mode) == ("PROTEST", "obstruct")


def test_events_a_visit_for_talks_with_another_party_is_two_meetings(resources):
    text = "An Israeli delegation travelled to Cairo on Saturday for talks with Hamas, mediated by Egypt and Qatar."
    found = {(e.mode, e.source.country, e.target.country) for e in events_of(resources, text)}
    assert found == {("visit", "ISR", "EGY"), (None, "ISR", "PSE")}


def test_events_the_attribution_of_a_statement_is_no_part_of_the_act(resources):
    text = ("Egypt and Saudi Arabia rejected any foreign interference in Sudan, according to a joint "
            "statement issued after a phone call between their leaders.")
    events = events_of(resources, text)
    assert {(e.event_type, e.source.country, e.target) for e in events} == {("REJECT", "EGY", None),
                                                                            ("REJECT", "SAU", None)}


def test_events_unplaced_officials_and_people_take_the_datelines_country(resources):
    text = "PORT SUDAN, Sudan (Harbor Post) - Authorities imposed a curfew after residents protested on Monday."
    found = {(e.event_type, e.source.country) for e in events_of(resources, text)}
    assert ("COERCE", "SDN") in found


def test_events_fixed_expressions_mean_what_they_say_as_a_whole(resources):
    (event,) = events_of(resources, "The mayor took a parting shot at the Kenyan government on Wednesday.")
    assert (event.event_type, event.mode, event.target.country) == ("ACCUSE", "disapprove", "KEN")
    assert events_of(resources, "The Kenyan government said it would bite the bullet and raise taxes.") == ()


def test_events_headline_participles_are_passives(resources):
    (event,) = events_of(resources, "Kenyan journalist arrested in Nairobi")
    assert (event.event_type, event.source, event.target.code) == ("COERCE", None, "KENJRN")
    (event,) = events_of(resources, "Egyptian activist released after two years in detention")
    assert (event.event_type, event.source, event.target.country) == ("RETREAT", None, "EGY")


def test_events_travel_at_home_visits_no_one(resources):
    assert events_of(resources, "WASHINGTON -- US lawmakers return to Washington on Monday.") == ()
    (event,) = events_of(resources, "Japan's prime minister arrived in New Delhi on Sunday.")
    assert (event.mode, event.target.code) == ("visit", "INDGOV")


def test_events_a_weapons_owner_named_in_its_phrase_is_the_attacker(resources):
    (event,) = events_of(resources, "Three civilians were killed in Israeli airstrikes on Gaza.")
    assert (event.source.code, event.target.country) == ("ISRMIL", "PSE")


def test_events_acts_since_a_recent_day_are_news_not_a_tally(resources):
    (event,) = events_of(resources, "Since Sunday evening, five Croatian towns have been bombed by planes.")
    assert (event.event_type, event.target.country) == ("ASSAULT", "HRV")


def test_events_having_information_is_no_sharing(resources):
    assert events_of(resources, "Kenyan police have information on the involvement of more suspects.") == ()


def test_events_aid_measured_in_money_goes_to_whom_its_phrase_names(resources):
    events = events_of(resources, "Japan agreed on Monday to provide 20 million dollars of aid for Haiti.")
    assert summary(events) == [("AGREE", "JPN", "HTI")]


def test_events_whom_a_demand_noun_asks_is_the_target(resources):
    events = events_of(resources, "The rebel movement insisted on its demand that Kenya's government release "
                                  "all political prisoners.")
    assert [(t, tgt) for t, _, tgt in summary(events)] == [("REQUEST", "KENGOV")]


def test_events_a_unit_of_a_named_province_is_of_its_country(resources):
    events = events_of(resources, "Police in Bavaria arrested two men on Monday.")
    assert summary(events) == [("COERCE", "DEUCOP", "DEUCVL")]


def test_events_the_wounded_are_people_not_an_attack(resources):
    events = events_of(resources, "UN helicopters evacuated the wounded from the besieged Bosnian town of Srebrenica.")
    assert [t for t, _, _ in summary(events)] == ["AID"]


def test_events_what_a_demanded_force_is_for_is_no_event(resources):
    events = events_of(resources, "The opposition demanded an international force to protect civilians and "
                                  "prevent attacks on villages.")
    assert [t for t, _, _ in summary(events)] == ["REQUEST"]


def test_events_who_uses_a_weapon_to_disperse_a_crowd_disperses_it(resources):
    events = events_of(resources, "Kenyan riot police used tear gas to disperse students protesting tuition fees.")
    assert ("COERCE", "KENCOP", "KENEDU") in summary(events)


def test_events_an_earlier_act_told_in_a_pluperfect_relative_clause_is_background(resources):
    events = events_of(resources, "Somali pirates said they will release the crew of the tanker, whom they had "
                                  "taken hostage in May, next week.")
    assert [t for t, _, _ in summary(events)] == ["AGREE"]


def test_events_up_to_a_number_is_the_object(resources):
    events = events_of(resources, "Gunmen abducted up to 20 Nigerian schoolgirls from a village on Monday.")
    assert [(t, tgt) for t, _, tgt in summary(events)] == [("ASSAULT", "NGAEDU")]


def test_events_a_particle_after_the_object_makes_the_phrasal_verb(resources):
    events = events_of(resources, "The junta kicked the French ambassador out of the country.")
    assert [(e.event_type, e.cameo[:3]) for e in events] == [("SANCTION", "166")]


def test_events_an_announced_resignation_is_a_resignation(resources):
    events = events_of(resources, "The interior minister has been questioned by prosecutors and will resign.")
    retreat = [e for e in events if e.event_type == "RETREAT"]
    assert len(retreat) == 1 and not retreat[0].hypothetical


def test_events_what_a_vow_lasts_until_is_vowed_too(resources):
    events = events_of(resources, "Ethnic Karen rebels have sworn to fight until they gain control of the border "
                                  "villages, Thai officials said.")
    assert [t for t, _, _ in summary(events)] == ["THREATEN"]
    events = events_of(resources, "Opposition leaders have promised to keep up the pressure until the levy is "
                                  "withdrawn.")
    assert [e.cameo for e in events] == ["030"]


def test_events_whom_force_is_used_on_is_its_object_not_where_from(resources):
    events = events_of(resources, "Serbian police expelled two American journalists from Kosovo.")
    assert summary(events) == [("COERCE", "SRBCOP", "USAJRN")]


def test_events_people_accused_in_a_reduced_relative_are_not_accusers(resources):
    events = events_of(resources, "The Taliban executed two men accused of spying for the United States.")
    assert [t for t, _, _ in summary(events)] == ["ASSAULT"]


def test_events_what_a_protest_is_against_is_its_grievance_not_a_new_event(resources):
    events = events_of(resources, "Greek Cypriots protested against the Turkish occupation of northern Cyprus.")
    assert summary(events) == [("PROTEST", "CYPCVL", "TUR")]


def test_events_unnamed_armed_groups_are_of_the_country_they_fight_in(resources):
    events = events_of(resources, "Islamist militants kidnapped three French aid workers in northern Mali.")
    assert summary(events) == [("ASSAULT", "MLIREB", "FRANGO")]


def test_events_force_against_a_place_is_done_to_its_people(resources):
    events = events_of(resources, "Kenyan troops crossed into Somalia to pursue al-Shabab militants.")
    assert summary(events) == [("ASSAULT", "KENMIL", "SOMCVL")]
    events = events_of(resources, "Syrian government forces bombarded rebel-held areas of Aleppo.")
    assert summary(events) == [("ASSAULT", "SYRMIL", "SYRCVL")]


def test_events_arms_in_a_grievance_are_no_party_to_it(resources):
    events = events_of(resources, "Beijing protested to Washington over the sale of fighter jets to Taiwan.")
    assert summary(events) == [("PROTEST", "CHNGOV", "USAGOV")]


def test_events_what_a_rejected_call_was_about_is_no_party_to_the_rejection(resources):
    events = events_of(resources, "The Sri Lankan government rejected calls for an international inquiry into "
                                  "the killing of civilians.")
    assert summary(events) == [("REJECT", "LKAGOV", None)]


def test_events_a_demand_made_in_a_statement_is_its_authors(resources):
    text = "Kenyan opposition leaders issued a statement demanding the resignation of the interior minister."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.source.code, event.target.code) == ("REQUEST", "KENOPP", "KENGOV")


def test_events_a_criminal_charge_by_the_state_is_legal_action(resources):
    (event,) = events_of(resources, "Kenyan prosecutors indicted two police officers for the killing of a student.")
    assert (event.event_type, event.cameo, event.source.code) == ("ACCUSE", "173", "KENJUD")
    (event,) = events_of(resources, "Two former Kenyan officials were charged with fraud on Monday.")
    assert event.cameo == "173"
    # charges brought by anyone else are accusations
    (event,) = events_of(resources, "The Kenyan opposition charged the finance minister with fraud.")
    assert (event.cameo[:2], event.source.code) == ("11", "KENOPP")


def test_events_a_meeting_decided_on_is_an_intent_to_meet(resources):
    (event,) = events_of(resources, "Pakistan and India decided to resume talks between the two countries.")
    assert (event.event_type, event.cameo) == ("AGREE", "036")
    # an act the decision itself does stays that act
    (event,) = events_of(resources, "The Kenyan supreme court decided to allow the opposition candidate to run.")
    assert event.event_type == "CONCEDE"


def test_events_a_year_that_dates_something_else_leaves_the_act_current(resources):
    text = "A Mexican man was held as a material witness in the 1985 murder of a Kenyan diplomat."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.cameo, event.date) == ("COERCE", "173", dt.date(2021, 3, 1))
    # a year on the act itself is history, not news
    assert events_of(resources, "In 1985, Mexican police held a Kenyan diplomat as a material witness.") == ()


def test_events_visas_denied_or_revoked_reduce_relations(resources):
    text = "Kenyan athletes were denied visas by the British interior ministry."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.cameo, event.source.code, event.target.country) == ("SANCTION", "160", "GBRGOV", "KEN")
    (event,) = events_of(resources, "Russia revoked the visas of two British journalists.")
    assert (event.event_type, event.target.code) == ("SANCTION", "GBRJRN")


def test_events_a_resolution_calling_for_an_act_is_its_adopters_request(resources):
    text = "The UN General Assembly adopted a resolution calling on the United States to lift its embargo on Cuba."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.source.code, event.target.code, event.hypothetical) == (
        "REQUEST", "IGOUNO", "USA", False)
    # a vote still to come only proposes the call
    text = "The UN General Assembly is set to vote on a resolution calling on the United States to lift its embargo."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.source.code, event.hypothetical) == ("REQUEST", "IGOUNO", True)


def test_events_who_did_what_is_investigated_is_the_target(resources):
    text = "Kenyan police launched an investigation into killings committed by Somali militants."
    (event,) = events_of(resources, text)
    assert (event.event_type, event.source.code, event.target.code) == ("ACCUSE", "KENCOP", "SOMREB")


def test_events_force_used_by_aircraft_is_an_attack_from_the_air(resources):
    (event,) = events_of(resources, "Syrian helicopter gunships killed 12 civilians in Idlib on Sunday.")
    assert (event.event_type, event.cameo, event.mode, event.source.code) == ("ASSAULT", "195", "aerial", "SYRMIL")
    (event,) = events_of(resources, "A US drone killed three militants in northern Pakistan.")
    assert (event.cameo, event.mode) == ("195", "drone")
    (event,) = events_of(resources, "Syrian soldiers killed 12 civilians in Idlib on Sunday.")
    assert event.cameo != "195"
    (event,) = events_of(resources, "A suicide bomber killed five people in Peshawar on Sunday.")
    assert event.cameo != "195"


def test_events_foreign_fighters_are_not_of_the_place_they_fight_in(resources):
    (event,) = events_of(resources, "Foreign fighters attacked a checkpoint in northern Mali on Sunday.")
    assert (event.source.country, event.source.sector) == (None, "REB")
    (event,) = events_of(resources, "Rebels attacked a checkpoint in northern Mali on Sunday.")
    assert event.source.code == "MLIREB"


@pytest.mark.parametrize("text, code, source", [
    ("The Kenyan government put police on high alert ahead of the election.", "151", "KENGOV"),
    ("The Kenyan army was put on alert on Monday.", "152", "KENMIL"),
    ("Kenyan opposition parties rallied against the new tax law on Monday.", "113", "KENOPP"),
])
def test_events_alerts_and_rallied_opposition(resources, text, code, source):
    (event,) = events_of(resources, text)
    assert (event.cameo, event.source.code) == (code, source)


def test_events_what_an_alleged_act_was_for_is_alleged_too(resources):
    text = "Sudan's army accused Ethiopian forces of targeting civilian infrastructure to cut fuel supplies to hospitals."
    events = events_of(resources, text)
    assert summary(events) == [("ACCUSE", "SDNMIL", "ETHMIL")]


def test_events_what_a_thing_is_for_is_not_an_act_done(resources):
    text = ("Ukraine's president, speaking in his nightly video address, thanked Germany for the pledge and said "
            "his country needed at least ten more such systems to protect its cities from Russian attacks.")
    assert summary(events_of(resources, text)) == [("SUPPORT", "UKRGOV", "DEU")]


def test_events_weapon_systems_named_by_compounds_are_military_aid(resources):
    (event,) = events_of(resources, "Germany said it would send an additional Patriot air defence system to Ukraine.")
    assert (event.event_type, event.cameo, event.source.code, event.target.code) == ("AGREE", "0332", "DEU", "UKR")


def test_events_victims_of_a_participle_clause_are_of_the_place_of_its_main_clause(resources):
    text = ("DHAKA, Jan 5 (Dateline Wire) - Myanmar military aircraft bombed a village in northern Rakhine state "
            "on Sunday, killing at least 12 people.")
    killing = next(e for e in events_of(resources, text) if e.trigger == "killing")
    assert killing.target.code == "MMRCVL"


def test_events_residents_returning_home_visit_no_one(resources):
    text = "Israeli troops opened fire on Lebanese residents who tried to return to the village of Kfar Kila."
    assert [e.event_type for e in events_of(resources, text)] == ["ASSAULT"]


def test_events_diplomats_from_elsewhere_are_not_of_the_dateline(resources):
    text = "TEHRAN, Jan 23 (Dateline Wire) - European diplomats said Britain and France could seek new sanctions."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1))], resources)
    diplomats = next(a for a in coded.actors if a.text == "European diplomats")
    assert (diplomats.country, diplomats.sector) == (None, "GOV")
    text = "BEIJING, Jan 23 (Dateline Wire) - Foreign ministry spokeswoman Zhang Min urged Manila to stop its provocations."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1))], resources)
    assert next(e for e in coded.events if e.trigger == "urged").source.code == "CHNGOV"


def test_events_responding_is_force_only_against_an_attack(resources):
    assert events_of(resources, "The Kenyan fire department responded to a call about a kitchen fire.") == ()
    (event,) = events_of(resources, "The Sudanese army said it would respond to any further attacks on the city.")
    assert (event.event_type, event.source.code) == ("THREATEN", "SDNMIL")


def test_events_people_hit_by_a_car_suffered_an_accident_not_an_attack(resources):
    assert events_of(resources, "Two Kenyan women were hit by a car when they crossed the road in Nairobi.") == ()
    assert events_of(resources, "Fleeing shoplifting suspect struck by car.") == ()
    (event,) = events_of(resources, "Two Somali soldiers were killed by a car bomb in Mogadishu.")
    assert event.event_type == "ASSAULT"


def test_events_suspects_arrested_are_the_target(resources):
    (event,) = events_of(resources, "Iraqi police arrested three suspects in the nearby town of Hit on Friday.")
    assert (event.event_type, event.target.code) == ("COERCE", "IRQCRM")


def test_events_a_month_is_no_march_and_pulling_a_thing_out_no_withdrawal(resources):
    assert events_of(resources, "Kenyan teachers will hold a public forum on March 31 in Nairobi.") == ()
    assert events_of(resources, "A Kenyan man pulled a knife out of his bag.") == ()
    (event,) = events_of(resources, "Russia pulled its troops out of the Ukrainian town on Monday.")
    assert (event.event_type, event.mode) == ("RETREAT", "withdraw")


def test_events_one_acts_targets_with_one_code_are_one_event(resources):
    text = "Fijian rebels released Prime Minister Mahendra Chaudhry and 30 members of his government on Sunday."
    events = events_of(resources, text)
    assert summary(events) == [("RETREAT", "FJIREB", "FJIGOV")]
    # targets with different codes stay apart
    events = events_of(resources, "Fijian rebels released two Australian tourists and a Fijian minister on Sunday.")
    assert sorted(e.target.code for e in events) == ["AUSCVL", "FJIGOV"]


def test_events_an_extradition_cooperates_with_the_state_that_receives(resources):
    (event,) = events_of(resources, "Colombia extradited a senior drug cartel figure to the United States on Friday.")
    assert (event.event_type, event.cameo, event.source.code, event.target.code) == ("COOPERATE", "063", "COL", "USA")


def test_events_what_a_deployment_moves_is_not_its_target(resources):
    (event,) = events_of(resources, "The Mexican government deployed 10,000 National Guard troops to the border.")
    assert (event.event_type, event.source.code, event.target) == ("MOBILIZE", "MEXGOV", None)
    (event,) = events_of(resources, "Russia deployed troops to Belarus on Monday.")
    assert event.target.code == "BLR"


def codes_of(resources, text: str):
    return [(e.cameo, e.target.country if e.target else None) for e in events_of(resources, text)]


def test_events_an_appeal_to_end_force_asks_for_de_escalation_one_for_force_asks_for_force(resources):
    assert codes_of(resources, "The African Union urged Ethiopia to stop attacks on civilians.") == [("0256", "ETH")]
    assert codes_of(resources, "The UN urged Russia not to invade Ukraine.")[0][0] == "0256"
    # asking for an arrest is not asking for a release, nor sanctions asked for their easing
    assert codes_of(resources, "The opposition urged Ghana's government to arrest the general.")[0][0] == "020"
    assert codes_of(resources, "Kenya called for the release of the detained journalists.")[0][0] == "0253"


def test_events_an_appeal_for_action_against_the_target_is_a_demand(resources):
    # CAMEO's appeals (02) are cooperative toward their target; one whose target is to be acted against is not
    assert codes_of(resources, "Activists in Lagos called for the arrest of the Nigerian general.") == [("100", "NGA")]
    events = events_of(resources, "Rights groups in Kenya called for action against the police on Monday.")
    assert [(e.event_type, e.cameo, e.target.code) for e in events] == [("REQUEST", "100", "KENCOP")]
    # whom the appeal is made to is its target, and it stays an appeal
    assert codes_of(resources, "Lawmakers urged the UN to take action against Israel.") == [("020", None)]


def test_events_an_accusation_noun_accuses_the_subject_of_its_that_clause(resources):
    events = events_of(resources, "Kenya's accusations that Uganda armed the rebels strained ties.")
    assert summary(events) == [("ACCUSE", "KEN", "UGA")]


def test_events_an_attack_by_suicide_bombers_is_a_suicide_attack(resources):
    (event,) = events_of(resources, "A suicide bomber killed five soldiers in Kabul on Sunday.")
    assert (event.cameo, event.mode) == ("1831", "suicide-attack")
    events = events_of(resources, "Police arrested a suspected suicide bomber in Kabul on Sunday.")
    assert [e.event_type for e in events] == ["COERCE"]


def test_events_opening_fire_is_a_firearms_attack(resources):
    (event,) = events_of(resources, "Gunmen opened fire on a bus in Kabul on Sunday.")
    assert (event.event_type, event.mode) == ("ASSAULT", "firearms")


@pytest.mark.parametrize("text, code", [
    ("Border guards sexually abused migrants at the crossing.", "1821"),  # an adverb before the verb
    ("The soldiers assaulted two women sexually.", "1821"),
    ("Serb forces ethnically cleansed the region of Albanians.", "203"),
])
def test_events_an_adverb_may_stand_before_or_after_its_verb(resources, text, code):
    assert [e.cameo for e in events_of(resources, text)] == [code]


def test_events_the_weapon_of_the_attack_the_act_was_done_in_gives_its_code(resources):
    (event,) = events_of(resources, "Guerrillas wounded two British soldiers in a bomb attack on Thursday.")
    assert (event.cameo, event.mode) == ("183", "explosives")
    (event,) = events_of(resources, "Rebels killed three policemen in a mortar attack on the base.")
    assert (event.cameo, event.mode) == ("194", "heavy-weapons")
    # a wound alone names no weapon
    (event,) = events_of(resources, "Rebels wounded three policemen on Sunday.")
    assert (event.cameo, event.mode) == ("182", None)


def test_events_what_is_given_is_no_recipient_whom_it_goes_to_is(resources):
    events = events_of(resources, "Saudi Arabia donated food aid to Rohingya refugees on Tuesday.")
    assert [(e.event_type, e.source.code, e.target.sector) for e in events] == [("AID", "SAU", "REF")]
    assert summary(events_of(resources, "Japan donated 5 million dollars to Haiti on Monday.")) == [("AID", "JPN", "HTI")]
