"""`dateline events`: filters and exports from the command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from eventdata import ASSERTED_EVENTS, build_store

from dateline.cli import app
from dateline.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("cli") / "events.duckdb")


def _run(*args: str):
    return CliRunner().invoke(app, ["events", *args], catch_exceptions=False)


def test_events_cli_filters_and_writes_csv_to_stdout(db):
    result = _run("--db", str(db), "--country", "LBY", "--since", "2024-03-04", "--quiet")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["event_type"] for r in rows} == {"ACCUSE", "PROTEST", "ASSAULT", "AID", "AGREE"}
    assert all(r["date"] >= "2024-03-04" for r in rows)


def test_events_cli_writes_a_file_and_reports_on_stderr(db, tmp_path):
    out = tmp_path / "events.jsonl"
    result = _run("--db", str(db), "--type", "consult", "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == "" and "2 events (jsonl) -> " in result.stderr
    assert [json.loads(line)["place_name"] for line in out.read_text().splitlines()] == ["Cairo", "Paris"]


def test_events_cli_parquet_needs_a_file(db, tmp_path):
    result = _run("--db", str(db), "--format", "parquet")
    assert result.exit_code == 2 and "give a file with -o" in result.stderr
    out = tmp_path / "events.parquet"
    assert _run("--db", str(db), "--format", "parquet", "-o", str(out), "-q").exit_code == 0
    assert pq.read_table(out).num_rows == ASSERTED_EVENTS


def test_events_cli_flagged_events_only_on_request(db):
    plain = _run("--db", str(db), "--format", "plover", "-q").stdout.splitlines()
    flagged = _run("--db", str(db), "--format", "plover", "--include-flagged", "-q").stdout.splitlines()
    assert len(plain) == ASSERTED_EVENTS and len(flagged) == ASSERTED_EVENTS + 2


@pytest.mark.parametrize("args, message", [
    (["--since", "03/04/2024"], "since must be a date YYYY-MM-DD"),
    (["--type", "FIGHT"], "unknown event type 'FIGHT'"),
    (["--country", "Narnia"], "unknown country 'Narnia'"),
    (["--format", "xlsx"], "Invalid value for '--format'"),
])
def test_events_cli_bad_options_are_usage_errors(db, args, message):
    result = _run("--db", str(db), *args)
    assert result.exit_code == 2 and message in result.stderr


def test_events_cli_reads_while_leaving_the_store_unchanged(db):
    with Store(db, read_only=True) as store:
        before = store.counts()
    assert _run("--db", str(db), "--format", "gdelt", "-q").exit_code == 0
    with Store(db, read_only=True) as store:
        assert store.counts() == before


def test_events_cli_missing_store_is_one_clear_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dateline", "events", "--db", str(tmp_path / "none.duckdb")],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: no store at {tmp_path / 'none.duckdb'}; create one with `dateline run`"]


def test_events_cli_help_has_an_example():
    result = _run("--help")
    assert "Example:" in result.stdout and "dateline events --country LBY" in result.stdout
