"""Code a stream of inputs into the store, one transaction per batch.

Re-running on the same input adds nothing: articles already stored with the same
content are skipped before parsing. After each batch's transaction the runner
records, per input file, the position (line, or WARC record) up to which the
file is committed (``checkpoints.py``), so a run that was killed resumes after
its last committed batch without re-reading what came before. Coding happens in this process, in local
worker processes or on a Dask cluster (``backends.py``); only this process
writes the store.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .backends import code_jobs
from .checkpoints import Checkpoints, positions
from .ingest import read_articles
from .model import Article, CodedArticle, Reject
from .settings import Settings
from .store import Store


@dataclass
class RunSummary:
    """What a run did, for the summary line and the ``runs`` table."""

    articles_read: int = 0
    articles_skipped: int = 0  # already in the store, unchanged
    articles_coded: int = 0
    rejected: int = 0
    events_coded: int = 0
    stage_errors: int = 0
    pages_skipped: int = 0  # WARC records that are not articles
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        pages = f", {self.pages_skipped:,} non-article pages skipped" if self.pages_skipped else ""
        return (f"{self.articles_read:,} articles read, {self.rejected:,} rejected, "
                f"{self.articles_skipped:,} unchanged, {self.articles_coded:,} coded, "
                f"{self.events_coded:,} events{pages}, {self.seconds:.1f} s")


@dataclass
class Batch:
    """What travels with a batch's articles and is committed with its results."""

    rejects: list[Reject]
    read: int = 0
    skipped: int = 0
    positions: dict[str, int] = field(default_factory=dict)  # file -> last position in the batch


OnBatch = Callable[[list[CodedArticle], list[Reject]], None]


def run(sources: Iterable[str | Path], db: str | Path, settings: Settings | None = None, *,
        default_date=None, fmt: str | None = None, batch_size: int = 64, workers: int = 1,
        cluster: str | None = None, on_batch: OnBatch | None = None) -> RunSummary:
    """Read, code and store everything in ``sources``; returns the run's summary.

    ``workers`` > 1 codes batches in that many local processes; ``cluster``
    (``tcp://host:8786``) sends them to a Dask scheduler instead.
    """
    settings = settings or Settings()
    sources = [str(s) for s in sources]
    summary = RunSummary()
    started = time.perf_counter()
    pages_skipped: Counter = Counter()
    if cluster:
        from . import cluster as _  # noqa: F401 - fail now, with the install line, if Dask is missing
    with Store(db) as store:
        run_id = store.start_run(settings.to_dict(), sources)
        marks = Checkpoints(store, run_id, reading=f"{default_date}|{fmt}|{settings.max_article_chars}")
        items = read_articles(sources, max_chars=settings.max_article_chars, default_date=default_date,
                              fmt=fmt, resume=marks.resumable(), skipped=pages_skipped)
        jobs = _jobs(items, store, batch_size)
        pending: list[tuple[list[CodedArticle], list[Reject], Batch]] = []  # coded, failed, batch
        for (coded, failed), batch in code_jobs(jobs, settings, workers=workers, cluster=cluster):
            pending.append((coded, failed, batch))
            # Batches are committed together (settings.commit_every): a transaction costs about as
            # much for 64 articles as for 256, and a stopped run loses only uncommitted work.
            if sum(b.read + len(b.rejects) for _, _, b in pending) >= settings.commit_every:
                _commit(pending, store, run_id, marks, summary, on_batch)
                pending = []
        _commit(pending, store, run_id, marks, summary, on_batch)
        summary.pages_skipped = sum(pages_skipped.values())
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.to_dict())
    return summary


def _commit(pending: list[tuple[list[CodedArticle], list[Reject], Batch]], store: Store, run_id: int,
            marks: Checkpoints, summary: RunSummary, on_batch: OnBatch | None) -> None:
    """Write coded batches in one transaction, then move their files' checkpoints past them."""
    if not pending:
        return
    store.write([c for coded, _, _ in pending for c in coded],
                [r for _, failed, batch in pending for r in batch.rejects + failed], run_id)
    for coded, failed, batch in pending:
        rejects = batch.rejects + failed
        marks.hold(failed)  # articles that could not be coded are read again next run
        marks.record(batch.positions)
        summary.articles_read += batch.read
        summary.articles_skipped += batch.skipped
        summary.articles_coded += len(coded)
        summary.rejected += len(rejects)
        summary.events_coded += sum(len(c.events) for c in coded)
        summary.stage_errors += sum(bool(c.errors) for c in coded)
        if on_batch:
            on_batch(coded, rejects)


def _jobs(items: Iterable[Article | Reject], store: Store, size: int) -> Iterator[tuple[list[Article], Batch]]:
    """Batches of articles not yet stored, each with its rejects and input positions."""
    for chunk in _batched(items, size):
        articles = _last_of_each_id(item for item in chunk if isinstance(item, Article))
        todo = store.filter_new(articles)
        yield todo, Batch(rejects=[item for item in chunk if isinstance(item, Reject)],
                          read=len(articles), skipped=len(articles) - len(todo),
                          positions=positions(chunk))


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _last_of_each_id(articles: Iterable[Article]) -> list[Article]:
    """One article per id within a batch: a later copy replaces an earlier one."""
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.pop(article.id, None)
        by_id[article.id] = article
    return list(by_id.values())
