"""Public statements (CAMEO root 01) on sentences written for these tests: one behaviour per test."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.model import STATEMENT, Article
from dateline.pipeline import code_articles
from dateline.settings import Settings


def coded_events(resources, text: str):
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1))], resources)
    assert not coded.errors
    return coded.events


def statements_of(resources, text: str):
    """(CAMEO code, speaker code, addressee code) of each statement."""
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coded_events(resources, text) if e.event_type == STATEMENT]


def acts_of(resources, text: str):
    return [e.event_type for e in coded_events(resources, text) if e.event_type != STATEMENT]


def test_statements_a_named_speaker_makes_a_statement(resources):
    (event,) = coded_events(resources, "The Egyptian foreign minister said on Monday that the economy was recovering.")
    assert (event.event_type, event.cameo, event.source.code, event.target) == (STATEMENT, "010", "EGYGOV", None)
    assert (event.quad_class, event.trigger, event.date) == (1, "said", dt.date(2021, 3, 1))
    assert event.sentence.startswith("The Egyptian foreign minister said")


def test_statements_a_trailing_attribution_only_sources_the_act(resources):
    text = "Gunmen killed four villagers in northern Nigeria on Sunday, police said."
    assert statements_of(resources, text) == []
    assert acts_of(resources, text) == ["ASSAULT"]


def test_statements_a_quotation_before_the_speaker_is_a_statement(resources):
    text = '"The situation in the city is calm now," the Nigerian army spokesman said.'
    assert statements_of(resources, text) == [("010", "NGAMIL", None)]
    # words in scare quotes inside a report do not make it a quotation
    text = 'Gunmen killed four "suspected informers" in northern Nigeria on Sunday, police said.'
    assert statements_of(resources, text) == []


def test_statements_what_the_speaker_commits_to_is_the_act_not_a_statement(resources):
    text = "The Turkish government said it would send aid to Syria."
    assert statements_of(resources, text) == []
    assert acts_of(resources, text) == ["AGREE"]


def test_statements_what_others_did_leaves_the_statement_standing(resources):
    text = "Kenyan police said gunmen had kidnapped two aid workers near the border."
    assert statements_of(resources, text) == [("010", "KENCOP", None)]
    assert acts_of(resources, text) == ["ASSAULT"]


def test_statements_declining_to_comment_is_a_statement_not_a_rejection(resources):
    text = "The Pentagon declined to comment on the report."
    assert statements_of(resources, text) == [("011", "USAMIL", None)]
    assert acts_of(resources, text) == []
    assert statements_of(resources, "The Brazilian president did not say whether he would attend.") == [
        ("011", "BRAGOV", None)]


def test_statements_optimism_and_admissions_have_their_own_codes(resources):
    assert statements_of(resources, "The Indian prime minister said he was confident the talks would succeed.") \
        == [("013", "INDGOV", None)]
    assert statements_of(resources, "The Pakistani Taliban claimed responsibility for the bombing.") == [
        ("015", "PAKREB", None)]
    # an admission is about the speaker's own act: both are coded
    text = "The Israeli army admitted that its troops had fired on the convoy."
    assert statements_of(resources, text) == [("015", "ISRMIL", None)]
    assert acts_of(resources, text) == ["ASSAULT"]


def test_statements_a_warning_that_threatens_nothing_is_a_pessimistic_comment(resources):
    text = "The United Nations warned that the fighting threatens aid deliveries in Sudan."
    assert statements_of(resources, text) == [("012", "IGOUNO", None)]
    text = "Iran warned Israel that it would respond to any attack."
    assert statements_of(resources, text) == []
    assert acts_of(resources, text) == ["THREATEN"]


def test_statements_a_speech_verb_may_take_its_particle(resources):
    text = "The Russian foreign minister pointed out that the sanctions had failed."
    assert statements_of(resources, text) == [("010", "RUSGOV", None)]
    assert statements_of(resources, "The Russian army pointed its guns at the border.") == []


def test_statements_whom_it_was_told_to_is_the_target(resources):
    text = "The French president told the Iranian foreign minister that the talks had gone well."
    assert statements_of(resources, text) == [("010", "FRAGOV", "IRNGOV")]


def test_statements_one_statement_told_twice_or_explaining_an_act_is_not_another(resources):
    text = "Speaking at a rally in Nairobi, the Kenyan president said the tax would be reviewed."
    assert statements_of(resources, text) == [("010", "KENGOV", None)]
    text = "Iran accused Israel of attacking its nuclear facility, saying the strike was a crime."
    assert statements_of(resources, text) == []
    assert acts_of(resources, text) == ["ACCUSE"]


def test_statements_habits_and_standing_positions_are_not_statements_made(resources):
    assert statements_of(resources, "China claims almost all of the South China Sea.") == []
    assert statements_of(resources, "The African Union has repeatedly said there is no military solution.") == []
    assert statements_of(resources, "Gaza's health ministry says more than 45,000 people have been killed.") == [
        ("010", "PSEGOV", None)]


def test_statements_a_worker_quoted_is_no_union_speaking(resources):
    assert statements_of(resources, '"We heard three explosions," said a Sudanese dock worker.') == []
    text = "The Kenya Transport Workers Union said on Monday that the strike would go ahead."
    assert [s[:2] for s in statements_of(resources, text)] == [("010", "KENLAB")]


def test_statements_need_a_speaker(resources):
    assert statements_of(resources, "It was said that the harvest was good.") == []
    # the subject of a passive speech verb is whom it was told to
    assert statements_of(resources, "Egyptian officials were told on Monday that the talks would resume.") == []
    text = "Kenyan police were told by the Kenyan interior ministry that the protest was banned."
    assert statements_of(resources, text) == [("010", "KENGOV", "KENCOP")]


def test_statements_unnamed_insiders_speak_for_the_actor_they_are_inside(resources):
    text = "A source in the Japanese government said on Friday there was no direct threat to the country."
    assert statements_of(resources, text) == [("010", "JPNGOV", None)]
    text = '"There is no direct threat to our country," Kyodo quoted a source in the Japanese government as saying.'
    assert statements_of(resources, text) == [("010", "JPNGOV", None)]
    # a source in a place is no one's voice
    assert statements_of(resources, "A source in the village said the soldiers had left on Monday.") == []


def test_statements_spokespeople_the_news_names_alone_speak_for_their_state(resources):
    text = '"The messages were sent on Friday," Peskov said.'
    assert statements_of(resources, text) == [("010", "RUSGOV", None)]


def test_statements_the_chief_executive_of_a_territory_is_its_government(resources):
    text = "The chief executive of Hong Kong said on Saturday that the city would recover."
    assert [s[:2] for s in statements_of(resources, text)] == [("010", "HKGGOV")]
    # a company's chief executive is business, whose statements are no political event
    assert statements_of(resources, "The chief executive of the company said on Saturday that profits would recover.") == []


def test_statements_the_setting_turns_them_off(resources):
    plover_only = dataclasses.replace(resources, settings=Settings(statements=False))
    text = "Kenyan police said gunmen had kidnapped two aid workers near the border."
    assert [e.event_type for e in coded_events(plover_only, text)] == ["ASSAULT"]


def test_statements_a_spokeswoman_named_after_the_act_speaks_for_its_doer(resources):
    text = ("MANILA, Jan 17 (Dateline Wire) - The Philippine foreign ministry summoned China's ambassador on Friday, "
            "spokeswoman Teresa Lim said. \"These dangerous actions must stop,\" she said.")
    assert ("010", "PHLGOV", None) in statements_of(resources, text)


def test_statements_unplaced_speakers_at_home_are_of_the_dateline(resources):
    text = "CARACAS, Jan 3 (Dateline Wire) - The opposition says at least 30 of its members have been detained."
    (coded,) = code_articles([Article("t", text, dt.date(2021, 3, 1), dateline_start=0, dateline_end=31)], resources)
    assert [(e.cameo, e.source.code) for e in coded.events if e.event_type == STATEMENT] == [("010", "VENOPP")]


def symbolic_acts_of(resources, text: str):
    """(source code, target code) of each symbolic act (CAMEO 017)."""
    return [(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coded_events(resources, text) if e.cameo == "017"]


def test_statements_commemorations_done_are_symbolic_acts(resources):
    assert symbolic_acts_of(resources, "The Kenyan president laid a wreath at the memorial on Monday.") == [("KENGOV", None)]
    events = coded_events(resources, "Japan's prime minister visited the Yasukuni shrine on Sunday.")
    assert [(e.event_type, e.cameo, e.source.code) for e in events] == [(STATEMENT, "017", "JPNGOV")]
    assert events[0].quad_class == 1
    # (a visit to a shrine honours the dead; it visits no one)
    assert "CONSULT" not in acts_of(resources, "Japan's prime minister visited the Yasukuni shrine on Sunday.")


def test_statements_a_ceremony_held_is_held_by_the_people_of_its_place(resources):
    assert symbolic_acts_of(resources, "A memorial service was held in Kigali on Sunday.") == [("RWACVL", None)]
    # a vigil is a symbolic act in the CAMEO codebook, not a protest
    events = coded_events(resources, "A vigil was held outside the embassy in Paris on Sunday.")
    assert [(e.event_type, e.cameo, e.source.code) for e in events] == [(STATEMENT, "017", "FRACVL")]
    # a ceremony is news by itself though the text names no one who held it
    events = coded_events(resources, "The opening of a new synagogue in Mainz is a sign of a growing community.")
    assert [(e.cameo, e.source.code) for e in events] == [("017", "DEUCVL")]


def test_statements_what_merely_commemorates_or_is_no_ceremony_is_no_symbolic_act(resources):
    assert symbolic_acts_of(resources, "The plaque commemorating the victims was stolen on Sunday.") == []
    assert symbolic_acts_of(resources, "The company marked its 50th anniversary with a party.") == []
    # what a minute of silence honours is not its content: the act stands as a symbolic act
    (event,) = [e for e in coded_events(resources, "Officials observed a minute of silence for the victims of the attack.")
                if e.cameo == "017"]
    assert event.source.sector == "GOV"


def test_statements_symbolic_acts_are_off_with_statements(resources):
    plover_only = dataclasses.replace(resources, settings=Settings(statements=False))
    assert coded_events(plover_only, "The Kenyan president laid a wreath at the memorial on Monday.") == ()


def test_statements_accusations_denied_are_denials_of_responsibility(resources):
    events = coded_events(resources, "Hamas denied responsibility for the attack on Tuesday.")
    assert [(e.event_type, e.cameo, e.source.code) for e in events] == [("REJECT", "016", "PSEREB")]
    events = coded_events(resources, "Beijing rejected Washington's accusations of espionage.")
    assert [(e.cameo, e.source.code, e.target.code) for e in events] == [("016", "CHNGOV", "USAGOV")]
