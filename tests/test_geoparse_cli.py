"""``dateline geoparse`` through click's CliRunner: one line of places per article, rejects, stdin."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import app

PLACE_KEYS = {"text", "start", "end", "name", "geonameid", "country", "admin1", "lat", "lon",
              "feature_code", "precision"}
ARTICLES = [
    {"id": "a1", "date": "2020-12-07",
     "text": "CAIRO: The Libyan commander arrived in Cairo on Sunday before heading to Paris."},
    {"id": "a2", "text": "Fighting resumed near Sirte and in Idlib province, officials said."},  # no date
]


@pytest.fixture(scope="module")
def runner(resources) -> CliRunner:
    return CliRunner()  # ``resources`` has loaded the model and the index once for the session


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_geoparse_cli_writes_the_places_of_each_article(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    result = runner.invoke(app, ["geoparse", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    records = lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["a1", "a2"]
    assert set(records[0]) == {"id", "places"}
    first = records[0]["places"]
    assert all(set(p) == PLACE_KEYS for p in first)
    assert [(p["text"], p["geonameid"]) for p in first] == [("CAIRO", 360630), ("Cairo", 360630),
                                                            ("Paris", 2988507)]
    second = {p["text"]: p for p in records[1]["places"]}
    assert second["Sirte"]["country"] == "LBY"
    assert second["Idlib province"]["precision"] == "admin1"


def test_geoparse_cli_reports_bad_lines_and_goes_on(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    body = json.dumps(ARTICLES[0]) + "\n{broken\n" + json.dumps(ARTICLES[1]) + "\n"
    source.write_text(body, encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    result = runner.invoke(app, ["geoparse", str(source), "--rejects", str(rejects), "-q"])
    assert result.exit_code == 3
    assert [r["id"] for r in lines(result.stdout)] == ["a1", "a2"]
    assert "in.jsonl:2" in result.stderr and "malformed JSON" in result.stderr
    assert len(lines(rejects.read_text(encoding="utf-8"))) == 1


def test_geoparse_cli_reads_plain_text_from_stdin(runner):
    result = runner.invoke(app, ["geoparse", "-", "--format", "txt", "-q"],
                           input="Clashes erupted in Sirte on Sunday.\n")
    assert result.exit_code == 0, result.output
    (record,) = lines(result.stdout)
    assert [p["geonameid"] for p in record["places"]] == [2210554]


def test_geoparse_cli_help_has_an_example(runner):
    result = runner.invoke(app, ["geoparse", "--help"])
    assert result.exit_code == 0 and "Example" in result.output and "geonameid" in result.output
