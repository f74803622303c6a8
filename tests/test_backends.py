"""Local worker processes and a Dask cluster code the same batches as one process, in order."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dateline.backends import InProcess, LocalPool, code_batch, code_jobs
from dateline.cli.common import sample_path
from dateline.errors import DatelineError
from dateline.ingest import read_articles
from dateline.model import Actor, Article, CodedArticle, Event, Place, Reject, TimeRef, make_event_id
from dateline.resources import Resources
from dateline.runner import run
from dateline.settings import Settings

MISSING_MODEL = Settings(model="no_such_spacy_model")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [a for a in read_articles([sample_path()]) if isinstance(a, Article)][:12]


@pytest.fixture(scope="module")
def pool():
    pool = LocalPool(Settings(), workers=2)
    yield pool
    pool.close()


def _jobs(articles: list[Article], size: int = 4) -> list[tuple[list[Article], int]]:
    jobs = [(articles[i:i + size], i) for i in range(0, len(articles), size)]
    return jobs[:1] + [([], "nothing new")] + jobs[1:]  # an all-stored batch in the middle


def test_backends_pool_codes_like_one_process_in_input_order(articles, pool, resources):
    jobs = _jobs(articles)
    expected = [(code_batch(batch, Settings()), tag) for batch, tag in jobs]
    assert list(pool.map(jobs)) == expected
    assert [tag for _, tag in expected] == [0, "nothing new", 4, 8]
    assert [c.article.id for (coded, _), _ in expected for c in coded] == [a.id for a in articles]


def test_backends_pool_holds_a_bounded_number_of_batches(articles, pool):
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield articles[:2], i

    results = pool.map(endless())
    first = list(itertools.islice(results, 3))
    results.close()
    assert [tag for _, tag in first] == [0, 1, 2]
    assert pulled <= 3 + pool.in_flight


def test_backends_in_process_pulls_one_batch_at_a_time(articles, resources):
    pulled = []
    jobs = ((articles[:1], i) for i in itertools.count() if not pulled.append(i))
    results = InProcess(Settings()).map(jobs)
    list(itertools.islice(results, 2))
    assert pulled == [0, 1]


def test_backends_workers_find_the_models_loaded_once(resources):
    # Each task brings its own unpickled copy of the settings; it must hit the same cache entry.
    settings = pickle.loads(pickle.dumps(resources.settings))
    assert settings is not resources.settings
    assert Resources.load(settings) is resources


def test_backends_coded_articles_travel_between_processes(articles, resources):
    coded = code_batch(articles[:4], Settings())[0]
    actor = Actor("Cairo", 0, 5, "Egypt", "EGY", "GOV", "EGYGOV", 1)
    place = Place("Cairo", 0, 5, "Cairo", 360630, "EGY", "Cairo Governorate", 30.06, 31.25, "PPLC", "city")
    event = Event(make_event_id("x", 0, "CONSULT", actor, None), "x", dt.date(2020, 12, 6), "day", "CONSULT",
                  "visit", "040", 1, 1.0, actor, None, place, "Cairo met.", 0, 5, "met")
    full = CodedArticle(articles[0], (actor,), (place,), (TimeRef("Sunday", 0, 6, "2020-12-06", "day"),),
                        (event,), place, ("places: TypeError: example",))
    for record in [*coded, full]:
        assert pickle.loads(pickle.dumps(record)) == record


def test_backends_article_that_breaks_the_parser_alone_becomes_a_reject(articles, resources):
    huge = Article("huge", "word " * 250_000, dt.date(2021, 1, 1), origin="big.jsonl:7")  # over nlp.max_length
    coded, rejects = code_batch([articles[0], huge, articles[1]], Settings())
    assert [c.article.id for c in coded] == [articles[0].id, articles[1].id]
    assert rejects == [Reject("big.jsonl:7", rejects[0].reason, "huge")]
    assert rejects[0].reason.startswith("could not be coded: ValueError")


def test_backends_stored_input_never_loads_a_model():
    jobs = [([], i) for i in range(3)]
    assert [tag for _, tag in code_jobs(jobs, MISSING_MODEL, workers=2)] == [0, 1, 2]


def test_backends_one_batch_is_coded_in_process(articles):
    # A pool would report "a worker could not start"; in-process the model error comes as is.
    with pytest.raises(DatelineError, match="no_such_spacy_model") as error:
        list(code_jobs([(articles[:2], 0)], MISSING_MODEL, workers=4))
    assert "worker" not in str(error.value)


def test_backends_worker_that_cannot_load_the_model_stops_the_run_with_the_fix(articles):
    with pytest.raises(DatelineError, match=r"a worker could not start: .*no_such_spacy_model.*pip install"):
        list(code_jobs(_jobs(articles), MISSING_MODEL, workers=2))


def _store_contents(db: Path) -> tuple[list, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT article_id, content_hash FROM articles ORDER BY 1").fetchall()
        mentions = con.execute("SELECT mention_id, article_id, event_type, trigger_start FROM mentions "
                               "ORDER BY 1").fetchall()
    return articles, mentions


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, resources):
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    summary = run([sample_path()], db, batch_size=8, workers=1)
    assert summary.articles_coded > 8  # several batches, so a pool gets used below
    return summary, _store_contents(db)


def test_backends_workers_write_the_same_store_as_one_process(tmp_path, one_process):
    two = run([sample_path()], tmp_path / "two.duckdb", batch_size=8, workers=2)
    one, stored = one_process
    assert (two.articles_coded, two.events_coded) == (one.articles_coded, one.events_coded)
    assert _store_contents(tmp_path / "two.duckdb") == stored


def test_backends_dask_local_cluster_codes_into_the_same_store(tmp_path, one_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        dask = run([sample_path()], tmp_path / "dask.duckdb", batch_size=8, cluster=cluster.scheduler_address)
        # How many times each worker built the resources, over all the batches it coded.
        loads = client.run(lambda: __import__("dateline.resources", fromlist=["_load"])._load.cache_info().misses)
    one, stored = one_process
    assert (dask.articles_coded, dask.events_coded) == (one.articles_coded, one.events_coded)
    assert _store_contents(tmp_path / "dask.duckdb") == stored
    assert sorted(loads.values()) == [1, 1]


def test_backends_cluster_without_dask_names_the_install_line(tmp_path):
    script = ("import sys; sys.modules['distributed'] = None; from dateline.cli import main; "
              f"sys.argv = ['dateline', 'run', '--sample', '--db', {str(tmp_path / 'x.duckdb')!r}, "
              "'--cluster', 'tcp://127.0.0.1:8786']; main()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 1
    assert "pip install 'dateline[dask]'" in done.stderr

