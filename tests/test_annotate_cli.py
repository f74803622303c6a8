"""``dateline annotate`` through click's CliRunner: output contract, rejects and exit status."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import app

KEYS = {"id", "date", "actors", "places", "times", "events"}
GOOD = [
    {"id": "a1", "date": "2020-12-07", "title": "Haftar in Cairo",
     "text": "CAIRO: The commander of the Libyan National Army arrived in Cairo on Sunday for talks "
             "with Egyptian officials."},
    {"id": "a2", "date": "2020-12-08",
     "text": "PARIS (Dateline Wire) - Egypt's president met his French counterpart in Paris on Monday."},
]


@pytest.fixture(scope="module")
def runner(resources) -> CliRunner:
    # ``resources`` loads the spaCy model once per session; the command reuses it.
    return CliRunner()


@pytest.fixture
def batch(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(GOOD[0]), '{"id": "broken", "date": "2020-12-07", "text": ', json.dumps(GOOD[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def output_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_annotate_cli_writes_one_line_per_good_article_and_exits_3(runner, batch, tmp_path):
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = runner.invoke(app, ["annotate", str(batch), "-o", str(out), "--rejects", str(rejects)])
    assert result.exit_code == 3, result.output
    coded = output_lines(out.read_text(encoding="utf-8"))
    assert [c["id"] for c in coded] == ["a1", "a2"]
    assert [c["date"] for c in coded] == ["2020-12-07", "2020-12-08"]
    for c in coded:
        assert KEYS <= set(c)
        assert all(isinstance(c[k], list) for k in ("actors", "places", "times", "events"))
        assert "text" not in c
    assert coded[0]["title"] == "Haftar in Cairo"
    assert f"rejected: {batch}:2: malformed JSON" in result.stderr
    assert "2 articles annotated, 1 rejected" in result.stderr


def test_annotate_cli_rejects_file_names_file_and_line(runner, batch, tmp_path):
    rejects = tmp_path / "rejects.jsonl"
    result = runner.invoke(app, ["annotate", str(batch), "--rejects", str(rejects), "--quiet"])
    assert result.exit_code == 3
    (reject,) = output_lines(rejects.read_text(encoding="utf-8"))
    assert reject["origin"] == f"{batch}:2"
    assert reject["reason"].startswith("malformed JSON")
    # Without -o the JSON lines go to stdout, messages to stderr only.
    assert [c["id"] for c in output_lines(result.stdout)] == ["a1", "a2"]


def test_annotate_cli_exits_0_when_nothing_is_rejected(runner, tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOOD), encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    result = runner.invoke(app, ["annotate", str(path), "--rejects", str(rejects), "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(output_lines(result.stdout)) == 2
    assert rejects.read_text(encoding="utf-8") == ""


def test_annotate_cli_with_text_keeps_offsets_valid(runner, tmp_path):
    path = tmp_path / "good.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOOD), encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(path), "--with-text", "--quiet"])
    assert result.exit_code == 0, result.output
    for coded, given in zip(output_lines(result.stdout), GOOD, strict=True):
        assert coded["text"] == given["text"]
        for layer in ("actors", "places", "times"):
            for span in coded[layer]:
                assert coded["text"][span["start"]:span["end"]] == span["text"]
        for event in coded["events"]:
            assert coded["text"][event["start"]:event["end"]] == event["trigger"]


def test_annotate_cli_reads_stdin_with_a_default_date(runner):
    story = "KYIV — Russian drones hit a power station in Kharkiv on Sunday, officials said."
    result = runner.invoke(app, ["annotate", "-", "--date", "2024-12-16", "--format", "txt", "--quiet"],
                           input=story)
    assert result.exit_code == 0, result.output
    (coded,) = output_lines(result.stdout)
    assert coded["date"] == "2024-12-16" and KEYS <= set(coded)


def test_annotate_cli_stdin_without_a_date_is_rejected(runner):
    result = runner.invoke(app, ["annotate", "-", "--format", "txt", "--quiet"], input="No date here.")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "rejected: <stdin>: no date" in result.stderr


def test_annotate_cli_sample_codes_every_bundled_article(runner):
    result = runner.invoke(app, ["annotate", "--sample", "--quiet"])
    assert result.exit_code == 0, result.output
    coded = output_lines(result.stdout)
    assert len(coded) >= 24
    assert coded[0]["id"] == "sample-001"
    assert all(KEYS <= set(c) for c in coded)


def test_annotate_cli_without_inputs_is_a_usage_error(runner):
    result = runner.invoke(app, ["annotate"])
    assert result.exit_code == 2
    assert "give input files" in result.stderr
