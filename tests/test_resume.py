"""A run that is killed resumes where it stopped: nothing lost, nothing coded twice, little re-read."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import dateline.backends
import dateline.runner
from dateline.runner import run
from dateline.settings import Settings

# Short articles written for these tests: who did what to whom, where, in a few sentences.
ACTORS = [("Egyptian President Abdel Fattah el-Sisi", "Egypt"), ("French President Emmanuel Macron", "France"),
          ("Turkish Foreign Minister Mevlut Cavusoglu", "Turkey"), ("Libyan commander Khalifa Haftar", "Libya"),
          ("Kenyan President William Ruto", "Kenya"), ("Indian Prime Minister Narendra Modi", "India")]
ACTS = ["met {b} in {place} on Sunday to discuss a ceasefire",
        "accused {b} of sending weapons to armed groups, in a speech in {place}",
        "signed a trade agreement with {b} in {place} on Monday",
        "condemned an attack by {b}'s forces near {place}"]
PLACES = ["Cairo", "Paris", "Ankara", "Nairobi", "New Delhi", "Tripoli"]
BAD_EVERY = 40  # a malformed line now and then: rejects must be recorded once per run too


def _article(i: int) -> dict:
    a, a_country = ACTORS[i % len(ACTORS)]
    b, _ = ACTORS[(i * 5 + 1) % len(ACTORS)]
    if b.endswith(a.split()[-1]):
        b, _ = ACTORS[(i + 2) % len(ACTORS)]
    act = ACTS[i % len(ACTS)].format(b=b.split()[-1], place=PLACES[(i // 3) % len(PLACES)])
    text = (f"{a} {act}, officials said. The talks were the {i + 1}th round this year. "
            f"Officials from {a_country} said further meetings would follow next month.")
    day = dt.date(2021, 1, 1) + dt.timedelta(days=i % 300)
    return {"id": f"resume-{i:04d}", "date": day.isoformat(), "text": text}


def _corpus(path: Path, n: int, start: int = 0) -> tuple[set[str], int]:
    """Write n lines (some malformed); returns the ids of the good ones and the count of bad ones."""
    ids, bad = set(), 0
    with path.open("a", encoding="utf-8") as fh:
        for i in range(start, start + n):
            if i % BAD_EVERY == BAD_EVERY - 1:
                fh.write('{"id": "broken", "text": \n')
                bad += 1
            else:
                record = _article(i)
                ids.add(record["id"])
                fh.write(json.dumps(record) + "\n")
    return ids, bad


def _stored(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        def rows(sql):
            return con.execute(sql).fetchall()
        return {
            "ids": [r[0] for r in rows("SELECT article_id FROM articles")],
            "mentions": rows("SELECT article_id, trigger_start, event_type, source_start, target_start "
                             "FROM mentions ORDER BY ALL"),
            "actors": rows("SELECT article_id, start_char, end_char FROM actors ORDER BY ALL"),
            "runs": [json.loads(r[0]) for r in rows("SELECT summary FROM runs ORDER BY run_id")
                     if r[0] is not None],
            "checkpoints": rows("SELECT position FROM checkpoints"),
        }


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:  # not Linux
        return []


def _wait_gone(pids: list[int], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while (alive := [p for p in pids if Path(f"/proc/{p}").exists()]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive, f"worker processes {alive} outlived their killed parent"


def _dateline(*args: str) -> list[str]:
    return [sys.executable, "-c", "from dateline.cli import main; main()", "run", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, set[str], int]:
    path = tmp_path_factory.mktemp("corpus") / "wire.jsonl"
    ids, bad = _corpus(path, 200)
    return path, ids, bad


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory, resources) -> dict:
    db = tmp_path_factory.mktemp("whole") / "whole.duckdb"
    run([corpus[0]], db, batch_size=32)
    return _stored(db)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_resume_after_kill_9_every_article_once(corpus, uninterrupted, tmp_path, workers):
    path, ids, _ = corpus
    db, rejects = tmp_path / "events.duckdb", tmp_path / "rejects.jsonl"
    args = (str(path), "--db", str(db), "--workers", workers, "--rejects", str(rejects), "-q",
            "--set", "commit_every=64")  # a commit per batch of 64, so the kill falls between commits
    first = subprocess.Popen(_dateline(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # The rejects report gains a line only after the batch holding it is committed;
    # the first batch of 64 lines holds one.
    deadline = time.monotonic() + 240
    while first.poll() is None and time.monotonic() < deadline:
        if rejects.exists() and rejects.read_text().count("\n") >= 1:
            break
        time.sleep(0.05)
    assert first.poll() is None, "the run ended before it could be killed; make the corpus longer"
    workers_left = _children(first.pid)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    _wait_gone(workers_left)  # after their current batch, workers see the parent is gone and exit

    before = _stored(db)
    assert 0 < len(before["ids"]) < len(ids), "killed mid-run"
    again = subprocess.run(_dateline(*args), capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 3, again.stderr  # some lines were rejected
    after = _stored(db)
    summary = after["runs"][-1]
    assert summary["articles_coded"] == len(ids) - len(before["ids"])  # none coded twice
    # The checkpoint lags the data by at most one batch: the rest of the file was not re-read.
    assert summary["articles_read"] <= len(ids) - len(before["ids"]) + 64
    assert sorted(after["ids"]) == sorted(ids)  # none lost, each once
    assert after["mentions"] == uninterrupted["mentions"]
    assert after["actors"] == uninterrupted["actors"]


def test_resume_finished_input_is_not_read_again(corpus, tmp_path, resources):
    path, ids, _ = corpus
    db = tmp_path / "events.duckdb"
    first = run([path], db, batch_size=64)
    again = run([path], db, batch_size=64)
    assert first.articles_coded == len(ids)
    assert (again.articles_read, again.articles_coded, again.rejected) == (0, 0, 0)
    assert _stored(db)["checkpoints"] == [(sum(1 for _ in path.open()),)]


def test_resume_changed_file_is_read_again_and_only_new_articles_coded(tmp_path, resources):
    path = tmp_path / "feed.jsonl"
    old, _ = _corpus(path, 30)
    db = tmp_path / "events.duckdb"
    run([path], db, batch_size=8)
    new, _ = _corpus(path, 10, start=30)  # the feed grew
    again = run([path], db, batch_size=8)
    assert again.articles_read == len(old) + len(new)
    assert (again.articles_skipped, again.articles_coded) == (len(old), len(new))


def test_resume_rejected_articles_are_read_again_with_new_reading_options(tmp_path, resources):
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps({k: v for k, v in _article(i).items() if k != "date"}) + "\n"
                            for i in range(5)))
    db = tmp_path / "events.duckdb"
    assert run([path], db).rejected == 5  # no dates
    fixed = run([path], db, default_date=dt.date(2021, 5, 1))
    assert (fixed.rejected, fixed.articles_coded) == (0, 5)


def test_resume_article_that_could_not_be_coded_is_tried_again(tmp_path, resources, monkeypatch):
    path = tmp_path / "wire.jsonl"
    ids, _ = _corpus(path, 20)
    db = tmp_path / "events.duckdb"
    real = dateline.backends.code_articles

    def failing_on_one(articles, res):
        if any(a.id == "resume-0005" for a in articles):
            raise RuntimeError("simulated parser crash")
        return real(articles, res)

    monkeypatch.setattr(dateline.backends, "code_articles", failing_on_one)
    first = run([path], db, batch_size=4)
    assert (first.rejected, first.articles_coded) == (1, len(ids) - 1)
    monkeypatch.setattr(dateline.backends, "code_articles", real)
    again = run([path], db, batch_size=4)
    assert again.articles_coded == 1
    assert sorted(_stored(db)["ids"]) == sorted(ids)


def test_resume_batches_are_committed_together(tmp_path, resources, monkeypatch):
    path = tmp_path / "wire.jsonl"
    ids, bad = _corpus(path, 40)  # 40 lines: 39 articles and a malformed one
    writes = []
    real = dateline.runner.Store.write

    def counted(self, coded, rejects, run_id):
        writes.append((len(coded), len(rejects)))
        return real(self, coded, rejects, run_id)

    monkeypatch.setattr(dateline.runner.Store, "write", counted)
    summary = run([path], tmp_path / "events.duckdb", Settings(commit_every=24), batch_size=8)
    assert writes == [(24, 0), (15, 1)]  # three batches of 8 lines, then the last two
    assert (summary.articles_coded, summary.rejected) == (len(ids), bad)
    assert sorted(_stored(tmp_path / "events.duckdb")["ids"]) == sorted(ids)
