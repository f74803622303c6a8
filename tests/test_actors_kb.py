"""The actor knowledge base: built-in names, dated roles, user dictionaries and the TABARI importer."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import needs_shared

from dateline.actors_kb import ActorKnowledge, name_key, parse_code
from dateline.errors import DatelineError
from dateline.settings import Settings
from dateline.tabari import read_tabari


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return ActorKnowledge.load()


def role_of(kb: ActorKnowledge, name: str, day: dt.date):
    return kb.lookup(name_key(name))[0].at(day)


def test_actors_kb_countries_adjectives_and_capitals(kb):
    assert kb.country_of("Egyptian") == "EGY"
    assert kb.country_of("Egyptians") == "EGY"
    assert kb.country_of("Filipinos") == "PHL"
    assert role_of(kb, "Cairo", dt.date(2020, 1, 1)).code == "EGYGOV"
    assert role_of(kb, "the Kremlin", dt.date(2020, 1, 1)).code == "RUSGOV"
    assert role_of(kb, "U.S.", dt.date(2020, 1, 1)).country == "USA"


def test_actors_kb_people_hold_roles_between_dates(kb):
    assert role_of(kb, "Macron", dt.date(2020, 6, 1)).code == "FRAGOV"
    assert role_of(kb, "Obama", dt.date(2020, 6, 1)).code == "USAELI"  # a former president
    before = role_of(kb, "Zelensky", dt.date(2010, 6, 1))
    assert before.country == "UKR" and before.sector is None


def test_actors_kb_international_organisations_have_their_own_codes(kb):
    un = role_of(kb, "United Nations", dt.date(2020, 1, 1))
    assert (un.country, un.sector, un.code) == (None, "IGO", "IGOUNO")
    assert role_of(kb, "NATO", dt.date(2020, 1, 1)).code == "IGONAT"


@pytest.mark.parametrize("code, expected", [
    ("EGYGOV", ("EGY", "GOV", "EGYGOV")),
    ("PSEHMSGOV", ("PSE", "GOV", "PSEHMSGOV")),  # the first known sector
    ("IGOUNO", (None, "IGO", "IGOUNO")),
    ("JAPGOV", ("JPN", "GOV", "JPNGOV")),  # CAMEO's non-ISO codes
    ("AFG", ("AFG", None, "AFG")),
])
def test_actors_kb_parse_code(code, expected):
    assert parse_code(code) == expected


def test_actors_kb_user_yaml_dictionary_overrides_and_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- {name: Khalifa Haftar, aka: [Haftar], code: LBYREB}\n"
        "- {name: Coastal Defence League, aka: [CDL], country: KEN, sector: REB, from: 2019-01-01}\n"
        "- {role: coastguard, sector: MIL}\n", encoding="utf-8")
    kb = ActorKnowledge.load(Settings(actor_dictionaries=(str(path),)))
    assert role_of(kb, "Haftar", dt.date(2020, 1, 1)).code == "LBYREB"
    assert role_of(kb, "CDL", dt.date(2020, 1, 1)).code == "KENREB"
    assert kb.roles["coastguard"] == "MIL"
    assert role_of(kb, "Cairo", dt.date(2020, 1, 1)).code == "EGYGOV"  # the rest is kept


def test_actors_kb_user_csv_dictionary(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,country,sector\nNorthern Shield Brigade,NSB;Shield Brigade,SOM,REB\n",
                    encoding="utf-8")
    kb = ActorKnowledge.load(Settings(actor_dictionaries=(str(path),)))
    assert role_of(kb, "Shield Brigade", dt.date(2020, 1, 1)).code == "SOMREB"


def test_actors_kb_bad_dictionary_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("- {aka: [nobody]}\n", encoding="utf-8")
    with pytest.raises(DatelineError, match="broken.yaml"):
        ActorKnowledge.load(Settings(actor_dictionaries=(str(path),)))
    with pytest.raises(DatelineError, match="not found"):
        ActorKnowledge.load(Settings(actor_dictionaries=(str(tmp_path / "missing.yaml"),)))


def test_tabari_reads_countries_synonyms_and_dated_codes():
    path = needs_shared("data", "actor-dictionaries", "phoenix-petrarch2", "Phoenix.Countries.actors.txt")
    items = list(read_tabari(path))
    afghanistan = next(i for i in items if ("AFGHANISTAN", False) in i.names)
    assert ("AFGHAN", False) in afghanistan.names and afghanistan.roles[0].code == "AFG"
    shah = next(i for i in items if i.names[0][0] == "MOHAMMAD ZAHIR SHAH")
    codes = {(r.code, r.start, r.end) for r in shah.roles}
    assert ("AFGGOV", dt.date(1933, 11, 8), dt.date(1973, 7, 17)) in codes


def test_tabari_dictionary_applies_over_the_knowledge_base():
    countries = needs_shared("data", "actor-dictionaries", "phoenix-petrarch2", "Phoenix.Countries.actors.txt")
    kb = ActorKnowledge.load(Settings(actor_dictionaries=(str(countries),)))
    assert role_of(kb, "Mohammad Zahir Shah", dt.date(1950, 1, 1)).code == "AFGGOV"
    assert role_of(kb, "Mohammad Zahir Shah", dt.date(1980, 1, 1)).code == "AFGELI"


def test_tabari_validation_actors_and_agents_with_stems_and_substitutions():
    actors = needs_shared("data", "petrarch2-unittests", "PETR.Validate.actors.txt")
    agents = needs_shared("data", "petrarch2-unittests", "PETR.Validate.agents.txt")
    kb = ActorKnowledge.load(Settings(actor_dictionaries=(str(actors), str(agents))))
    hamas = role_of(kb, "Hamas", dt.date(2014, 1, 1))
    assert (hamas.country, hamas.sector) == ("PSE", "REB")
    assert role_of(kb, "Argentina", dt.date(2014, 1, 1)).country == "ARG"  # the stem ARGENTIN
    assert kb.roles["parliamentary opposition"] == "OPP"
    assert kb.roles["minister of silly walks"] == "GOV"  # !MINST! expanded
    assert kb.roles["golden geese"] == "GGS"  # an explicit plural


def test_actors_kb_ethnic_groups_list_where_they_live_with_plurals():
    kb = ActorKnowledge.load()
    assert kb.ethnic["karen"][0] == "MMR" and kb.ethnic["kurds"] == kb.ethnic["kurd"]
    assert "albanian" not in kb.ethnic and "MKD" in kb.minorities["albanians"]
    for countries in [*kb.ethnic.values(), *kb.minorities.values()]:
        assert countries and all(c in kb.countries for c in countries)
