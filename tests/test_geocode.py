"""Disambiguation rules that read the words around a place name."""

from dateline.gazetteer import ADMIN1, ADMIN2, CITY
from dateline.geocode import stated_level
from dateline.model import Article
from dateline.stages.places import resolve_spans


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_geocode_names_listed_before_counties_are_counties():
    text = "Fires burned in Barrow, Jackson and Madison counties and from Ellsworth to Riley counties."
    assert [stated_level(text, s, e) for s, e in _spans(text, "Barrow", "Jackson", "Ellsworth")] == [ADMIN2] * 3
    assert stated_level("He lives in Paris, Texas, now.", 12, 17) is None
    assert stated_level("born in Kermanshah province in 1923", 8, 18) == ADMIN1


def test_geocode_a_capitalised_dateline_names_a_town():
    assert stated_level("NEW YORK (AP) — Police said", 0, 8) == CITY
    assert stated_level("Council meets. MANSFIELD — The council", 15, 24) == CITY
    assert stated_level("Talks with the USA - the EU", 15, 18) is None
    assert stated_level("The Jordan City Council met.", 4, 10) == CITY
    assert stated_level("told The Washington Post on Monday", 9, 19) == CITY


def test_geocode_resolves_listed_counties_and_dateline_towns(resources):
    gaz = resources.gazetteer
    text = "NEW YORK (AP) — The unemployment rate in Clarke, Madison and Oglethorpe counties of Georgia fell."
    article = Article(id="t", text=text, date="2020-01-01", origin="t")
    places, _ = resolve_spans(gaz, article, _spans(text, "NEW YORK", "Madison", "Oglethorpe", "Georgia"))
    by_text = {p.text: p for p in places}
    assert by_text["NEW YORK"].precision == "city"
    assert by_text["Madison"].precision == "admin2" and by_text["Madison"].admin1 == "Georgia"
    assert by_text["Oglethorpe"].precision == "admin2"


def test_geocode_a_feature_is_not_read_as_the_generic_word_of_its_name(resources):
    gaz = resources.gazetteer
    text = "Boats sank on Lake Lanier and fog hid the Farallon Islands from Squirrel Hill."
    article = Article(id="t", text=text, date="2020-01-01", origin="t")
    places, _ = resolve_spans(gaz, article, _spans(text, "Lake Lanier", "Farallon Islands", "Squirrel Hill"))
    assert [p.name for p in places if p.geonameid is not None and p.country != "USA"] == []
    assert not any(p.name in ("Lake County", "Islands", "Al Hillah") for p in places)


def test_geocode_a_state_outweighs_a_village_named_after_it(resources):
    gaz = resources.gazetteer
    text = "Storms hit Peoria and Joliet before they moved on to Kansas."
    article = Article(id="t", text=text, date="2020-01-01", origin="t")
    places, _ = resolve_spans(gaz, article, _spans(text, "Peoria", "Joliet", "Kansas"))
    assert {p.text: p.precision for p in places}["Kansas"] == "admin1"


def test_geocode_flags_villages_named_like_a_state_but_not_big_cities(resources):
    from dateline.geocode import _town_of_namesake_area, candidates

    gaz = resources.gazetteer

    def flagged(name: str) -> set[str]:
        rows, flags, _ = candidates(gaz, name)
        marks = _town_of_namesake_area(gaz, rows, gaz.level[rows], flags)
        return {gaz.fields(r)["admin1"] or "" for r, f in zip(rows, marks) if f}

    assert "Illinois" in flagged("Kansas")  # Kansas, Illinois: a village of a few hundred
    assert "District of Columbia" not in flagged("Washington")  # the capital is no village


def test_geocode_reads_compass_abbreviations(resources):
    from dateline.geocode import candidates

    gaz = resources.gazetteer
    rows, _, _ = candidates(gaz, "N. Little Rock")
    assert {gaz.names[r] for r in rows} == {"North Little Rock"}


def test_geocode_tells_a_towns_initialism_from_a_state_abbreviation(resources):
    from dateline.geocode import Mention, resolve

    gaz = resources.gazetteer
    for text, expected in (("L.A.", "Los Angeles"), ("NYC", "New York City"), ("La.", "Louisiana"), ("D.C.", "District of Columbia")):
        assert gaz.names[resolve(gaz, [Mention(text)])[0]] == expected
