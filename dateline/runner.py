"""Code a stream of inputs into the store, one transaction per batch.

Re-running on the same input adds nothing: articles already stored with the same
content are skipped before parsing, so a run that was killed picks up where its
last committed batch ended.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from .ingest import read_articles
from .model import Article, CodedArticle, Reject
from .pipeline import code_articles
from .resources import Resources
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
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return (f"{self.articles_read:,} articles read, {self.rejected:,} rejected, "
                f"{self.articles_skipped:,} unchanged, {self.articles_coded:,} coded, "
                f"{self.events_coded:,} events, {self.seconds:.1f} s")


OnBatch = Callable[[list[CodedArticle], list[Reject]], None]


def run(sources: Iterable[str | Path], db: str | Path, settings: Settings | None = None, *,
        default_date=None, fmt: str | None = None, batch_size: int = 64,
        on_batch: OnBatch | None = None) -> RunSummary:
    """Read, code and store everything in ``sources``; returns the run's summary."""
    settings = settings or Settings()
    sources = [str(s) for s in sources]
    summary = RunSummary()
    started = time.perf_counter()
    res = Resources.load(settings)
    with Store(db) as store:
        run_id = store.start_run(settings.to_dict(), sources)
        items = read_articles(sources, max_chars=settings.max_article_chars,
                              default_date=default_date, fmt=fmt)
        for chunk in _batched(items, batch_size):
            rejects = [item for item in chunk if isinstance(item, Reject)]
            articles = _last_of_each_id(item for item in chunk if isinstance(item, Article))
            todo = store.filter_new(articles)
            coded = list(code_articles(todo, res))
            store.write(coded, rejects, run_id)
            summary.articles_read += len(articles)
            summary.articles_skipped += len(articles) - len(todo)
            summary.articles_coded += len(coded)
            summary.rejected += len(rejects)
            summary.events_coded += sum(len(c.events) for c in coded)
            summary.stage_errors += sum(bool(c.errors) for c in coded)
            if on_batch:
                on_batch(coded, rejects)
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.to_dict())
    return summary


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
