"""Where batches are coded: in this process, in local worker processes, or on a Dask cluster.

Every backend maps a stream of jobs ``(articles, tag)`` to ``((coded, rejects), tag)``
in the same order, with a bounded number of batches in flight, so memory stays
flat whatever the corpus size. Workers load ``Resources`` once and send back plain
picklable records; only the caller writes the store. The tag never leaves this
process: it carries whatever the caller needs to commit the batch.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import queue
import signal
import traceback
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from .errors import DatelineError
from .model import Article, CodedArticle, Reject
from .pipeline import code_articles
from .resources import Resources
from .settings import Settings

log = logging.getLogger(__name__)

BatchResult = tuple[list[CodedArticle], list[Reject]]
Job = tuple[list[Article], Any]


def code_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Code one batch; if the batch fails as a whole, code its articles one by one.

    An article that still fails alone becomes a reject, so it is neither lost
    (the next run tries it again) nor allowed to sink the rest of its batch.
    """
    res = Resources.load(settings)
    try:
        return list(code_articles(articles, res)), []
    except Exception:
        log.exception("batch of %d articles failed; coding them one by one", len(articles))
    coded: list[CodedArticle] = []
    rejects: list[Reject] = []
    for article in articles:
        try:
            coded.extend(code_articles([article], res))
        except Exception as exc:
            log.exception("article %s (%s) could not be coded", article.id, article.origin)
            rejects.append(Reject(article.origin, f"could not be coded: {type(exc).__name__}: {exc}",
                                  article.id))
    return coded, rejects


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Backend(Protocol):
    def map(self, jobs: Iterable[Job]) -> Iterator[tuple[BatchResult, Any]]: ...

    def close(self, graceful: bool = True) -> None: ...


def code_jobs(jobs: Iterable[Job], settings: Settings, *, workers: int = 1,
              cluster: str | None = None) -> Iterator[tuple[BatchResult, Any]]:
    """Code every job in order, starting a backend only once there is work for it.

    Jobs with no articles (all already stored) pass straight through, so a
    re-run over unchanged input never loads a model. Local workers start only
    when there is more than one batch to code: one batch is faster in-process.
    """
    jobs = iter(jobs)
    for job in jobs:
        if job[0]:
            break
        yield ([], []), job[1]
    else:
        return
    ahead = [job]
    if cluster:
        backend: Backend = _dask_backend(settings, cluster)
    elif workers > 1:
        ahead += list(itertools.islice(jobs, 1))
        backend = LocalPool(settings, workers) if len(ahead) > 1 else InProcess(settings)
    else:
        backend = InProcess(settings)
    try:
        yield from backend.map(itertools.chain(ahead, jobs))
    except BaseException:  # an error, Ctrl-C, or the caller stopped early: do not finish queued work
        backend.close(graceful=False)
        raise
    backend.close()


def _dask_backend(settings: Settings, address: str) -> Backend:
    from .cluster import DaskBackend  # Dask is optional and slow to import

    return DaskBackend(settings, address)


class InProcess:
    """Code batches in this process (``--workers 1``)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        Resources.load(settings)

    def map(self, jobs: Iterable[Job]) -> Iterator[tuple[BatchResult, Any]]:
        for articles, tag in jobs:
            yield (code_batch(articles, self.settings) if articles else ([], [])), tag

    def close(self, graceful: bool = True) -> None:
        pass


class LocalPool:
    """N worker processes on this machine, each loading the resources once.

    Workers are spawned (not forked) so they never inherit the parent's open
    store or threads. Results come back in input order; at most ``in_flight``
    batches are queued or held at any time.
    """

    def __init__(self, settings: Settings, workers: int, in_flight: int | None = None):
        ctx = multiprocessing.get_context("spawn")
        self.in_flight = in_flight or 2 * workers
        self._tasks = ctx.Queue()
        self._results = ctx.Queue()
        self._procs = [
            ctx.Process(target=_worker_main, args=(settings, self._tasks, self._results),
                        name=f"dateline-worker-{i + 1}", daemon=True)
            for i in range(workers)
        ]
        for proc in self._procs:
            proc.start()
        try:
            for _ in self._procs:  # every worker has loaded the models before work starts
                kind, _, payload = self._next_result()
                if kind == "failed":
                    raise DatelineError(f"a worker could not start: {payload}")
        except BaseException:
            self.close(graceful=False)
            raise

    def map(self, jobs: Iterable[Job]) -> Iterator[tuple[BatchResult, Any]]:
        jobs = iter(jobs)
        tags: dict[int, Any] = {}
        done: dict[int, BatchResult] = {}
        sent = returned = 0
        while True:
            while sent - returned < self.in_flight:
                job = next(jobs, None)
                if job is None:
                    break
                articles, tags[sent] = job
                if articles:
                    self._tasks.put((sent, articles))
                else:
                    done[sent] = ([], [])
                sent += 1
            if returned == sent:
                return
            while returned not in done:
                kind, seq, payload = self._next_result()
                if kind == "error":
                    raise DatelineError(f"a worker failed:\n{payload}")
                done[seq] = payload
            yield done.pop(returned), tags.pop(returned)
            returned += 1

    def _next_result(self) -> tuple[str, int, Any]:
        while True:
            try:
                return self._results.get(timeout=1.0)
            except queue.Empty:
                for proc in self._procs:
                    if proc.exitcode is not None:
                        raise DatelineError(
                            f"{proc.name} stopped (exit code {proc.exitcode}); out of memory? "
                            f"Try fewer --workers. Stored batches are kept; run again to resume.")

    def close(self, graceful: bool = True) -> None:
        if graceful:
            for _ in self._procs:
                self._tasks.put(None)
        for proc in self._procs:
            if graceful:
                proc.join(timeout=10)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
        self._tasks.cancel_join_thread()  # nothing left to deliver to dead workers
        self._results.cancel_join_thread()


def _worker_main(settings: Settings, tasks: Any, results: Any) -> None:
    """A worker: load the resources once, then code batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        Resources.load(settings)
    except Exception as exc:  # noqa: BLE001 - the parent reports it and stops
        results.put(("failed", os.getpid(), f"{type(exc).__name__}: {exc}"))
        return
    results.put(("ready", os.getpid(), None))
    parent = multiprocessing.parent_process()
    while parent is None or parent.is_alive():  # a killed parent must not leave workers behind
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            continue
        if task is None:
            return
        seq, articles = task
        try:
            results.put(("done", seq, code_batch(articles, settings)))
        except Exception:  # noqa: BLE001 - the parent reports it and stops
            results.put(("error", seq, traceback.format_exc()))
    results.cancel_join_thread()  # nobody will read what is still unsent; exit without waiting
