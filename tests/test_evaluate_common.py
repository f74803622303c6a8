"""Shared scoring conventions: country codes, the crosswalk reader, P/R/F1, quick subsets, articles."""

from __future__ import annotations

import pytest
from evaluate_cases import actor

from dateline.evaluate.common import (
    actor_country,
    as_article,
    load_crosswalk,
    normalise_country,
    prf,
    quick_subset,
)


@pytest.mark.parametrize("code, country", [
    ("JAP", "JPN"), ("ITLGOV", "ITA"), ("vtn", "VNM"), ("USAGOV", "USA"), ("IGOUNO", "IGO"), ("", None),
])
def test_common_country_of_a_code(code, country):
    assert normalise_country(code) == country


def test_common_actor_country_prefers_the_country_field():
    assert actor_country(actor("EGY", "GOV")) == "EGY"
    assert actor_country(actor(None, "NGO", code="NGOMSF")) == "NGO"
    assert actor_country(actor(None, "MIL", code="MIL")) is None
    assert actor_country(None) is None


def test_common_crosswalk_reads_codes_and_keeps_the_first_of_a_repeat(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text("# header\n03: AGREE\n042: CONSULT, visit,   # Make a visit\n"
                    "175: ASSAULT, x, # first\n175: COERCE, y, # repeat\n~~~~~\n", encoding="utf-8")
    assert load_crosswalk(path) == {"03": "AGREE", "042": "CONSULT", "175": "ASSAULT"}


def test_common_prf_handles_empty_sets():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 1, 0) == (0.5, 1.0, pytest.approx(2 / 3))


def test_common_quick_subset_is_fixed_and_spread():
    assert quick_subset(list(range(10)), True) == [0, 3, 6, 9]
    assert quick_subset(list(range(10)), False) == list(range(10))


def test_common_sentences_become_articles_with_their_dateline():
    article = as_article(("x1", "WASHINGTON (AP) -- Officials met on Monday."))
    assert article.dateline == "WASHINGTON"
    assert article.date.isoformat() == "2000-01-01"
    assert as_article(("x2", "Officials met.")).dateline is None
