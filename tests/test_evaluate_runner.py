"""The evaluation runner and ``dateline evaluate``: task selection, failures kept apart, output formats."""

from __future__ import annotations

import json
import sys
import types

import pytest
from click.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.evaluate import SCORERS, Score
from dateline.evaluate import runner as runner_mod
from dateline.evaluate.runner import FAILED, MISSING, NO_DATA, OK, format_markdown, format_table, run_tasks


@pytest.fixture
def fake_scorers(monkeypatch):
    """Three scorer modules: one that works (two tasks), one that crashes, one that is not there."""
    good = types.ModuleType("dateline.evaluate._good")

    def good_run(data_dir, *, quick=False):
        n = 2 if quick else 10
        return [Score("good-a", "accuracy", 0.75, n, "a note"), Score("good-b", "f1", 0.5, n)]

    good.run = good_run
    bad = types.ModuleType("dateline.evaluate._bad")

    def bad_run(data_dir, *, quick=False):
        raise ValueError("boom")

    bad.run = bad_run
    monkeypatch.setitem(sys.modules, "dateline.evaluate._good", good)
    monkeypatch.setitem(sys.modules, "dateline.evaluate._bad", bad)
    table = {"good-a": "_good", "good-b": "_good", "bad": "_bad", "absent": "_absent_scorer"}
    monkeypatch.setattr(runner_mod, "SCORERS", table)
    return table


def test_runner_reports_missing_and_failing_scorers_without_stopping(fake_scorers, tmp_path):
    runs = run_tasks(tmp_path, ["good-a", "good-b", "bad", "absent"], quick=True)
    status = {r.module: r for r in runs}
    assert status["_good"].status == OK and len(status["_good"].scores) == 2
    assert status["_good"].scores[0].n == 2
    assert status["_bad"].status == FAILED and "boom" in status["_bad"].message
    assert status["_absent_scorer"].status == MISSING


def test_runner_keeps_only_the_tasks_asked_for(fake_scorers, tmp_path):
    (run,) = run_tasks(tmp_path, ["good-b"])
    assert [s.task for s in run.scores] == ["good-b"]


def test_runner_select_tasks_checks_names(fake_scorers):
    assert runner_mod.select_tasks(["good-b,good-a"]) == ["good-a", "good-b"]
    assert runner_mod.select_tasks([]) == list(fake_scorers)
    with pytest.raises(DatelineError, match="unknown task nope"):
        runner_mod.select_tasks(["nope"])


def test_runner_formats_table_and_markdown(fake_scorers, tmp_path):
    runs = run_tasks(tmp_path, list(fake_scorers))
    table = format_table(runs)
    assert "good-a" in table and "0.750" in table and "a note" in table
    assert "not available" in table and "failed" in table
    markdown = format_markdown(runs)
    assert markdown.startswith("| task | metric | value | n | note |")
    assert "| good-b | f1 | 0.500 | 10 |" in markdown


def test_runner_missing_data_is_reported_not_raised(tmp_path):
    (run,) = run_tasks(tmp_path, ["plover-gsr"])
    assert run.status == NO_DATA and "gsr.dev.jsonl" in run.message


def test_evaluate_cli_json_and_exit_status(fake_scorers, tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--data", str(tmp_path), "--only", "good-a", "--json",
                                      "--quiet"], standalone_mode=False)
    assert result.exception is None, result.output
    assert result.return_value == 0
    data = json.loads(result.output)
    assert data["scores"][0] == {"task": "good-a", "metric": "accuracy", "value": 0.75, "n": 10,
                                 "note": "a note"}
    assert data["quick"] is False
    result = CliRunner().invoke(app, ["evaluate", "--data", str(tmp_path), "--only", "bad", "--quiet"],
                                standalone_mode=False)
    assert result.return_value == 1


def test_evaluate_cli_rejects_bad_arguments(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "not found" in result.output
    result = CliRunner().invoke(app, ["evaluate", "--data", str(tmp_path), "--only", "nope"])
    assert result.exit_code == 2 and "plover-gsr" in result.output


def test_evaluate_every_present_scorer_follows_the_contract():
    import importlib
    import inspect

    for task, module in SCORERS.items():
        try:
            scorer = importlib.import_module(f"dateline.evaluate.{module}")
        except ModuleNotFoundError:
            continue  # written by another engineer; the runner reports it as not available
        params = inspect.signature(scorer.run).parameters
        assert "quick" in params and params["quick"].kind is inspect.Parameter.KEYWORD_ONLY, task


def test_evaluate_cli_writes_per_item_errors(tmp_path):
    data = tmp_path / "data" / "cameo-conflibert-annotations"
    data.mkdir(parents=True)
    votes = [{"coder": c, "relevant": False, "actions": []} for c in "123"]
    item = {"id": "c-1", "text": "The weather was mild on Tuesday.", "relevance": False, "cameo_root": None,
            "cameo_roots_any_action": [], "votes": votes,
            "has_majority": {"relevance": True, "pentaclass": True, "cameo_root": True}}
    (data / "conflibert_setA.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    errors = tmp_path / "items.jsonl"
    result = CliRunner().invoke(app, ["evaluate", "--data", str(tmp_path / "data"), "--only", "conflibert",
                                      "--errors", str(errors), "--quiet"], standalone_mode=False)
    assert result.exception is None and result.return_value == 0
    (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert record["id"] == "c-1" and record["task"] == "conflibert" and "events" in record
    assert "relevance_f1" in result.output
