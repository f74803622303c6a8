"""Helpers the commands share: reading inputs, progress on stderr, the rejects report."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources as importlib_resources
from pathlib import Path

import click

from ..model import Reject

EXIT_REJECTS = 3  # finished, but some input was rejected


def exit_status(code: int) -> None:
    """End the command with this status (click drops a returned one under CliRunner or ``app()``)."""
    if code:
        raise click.exceptions.Exit(code)


def sample_path() -> Path:
    """The bundled sample articles (written for dateline, fictional)."""
    return Path(str(importlib_resources.files("dateline") / "samples" / "articles.jsonl"))


def input_options(fn):
    fn = click.option("--date", "default_date", type=click.DateTime(["%Y-%m-%d"]),
                      help="Publication date for articles that carry none.")(fn)
    fn = click.option("--format", "input_format", type=click.Choice(["jsonl", "csv", "txt", "warc"]),
                      help="Input format, instead of guessing from file names.")(fn)
    fn = click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False),
                      help="Also write rejected items to this JSONL report.")(fn)
    fn = click.option("--sample", is_flag=True, help="Add the bundled sample articles to the inputs.")(fn)
    fn = click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))(fn)
    return fn


def resolve_inputs(inputs: tuple[str, ...], sample: bool) -> list[str]:
    sources = list(inputs) + ([str(sample_path())] if sample else [])
    if not sources:
        raise click.UsageError("give input files or folders (or - for stdin), or --sample")
    return sources


def as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


class RejectReport:
    """Prints each reject as one line on stderr and, if asked, writes it to a JSONL file."""

    def __init__(self, path: str | None):
        self.count = 0
        # open for the whole run, one line per reject as it comes; ``close`` ends it
        self._fh = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115

    def add(self, reject: Reject) -> None:
        self.count += 1
        click.echo(f"rejected: {reject}", err=True)
        if self._fh:
            self._fh.write(json.dumps(reject.to_dict(), ensure_ascii=False) + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh:
            self._fh.close()


class Progress:
    """A one-line counter on stderr (articles, events, rate), quiet when not a terminal."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()
        self.start = time.perf_counter()
        self.articles = 0
        self.events = 0
        self._shown = 0.0

    def tick(self, articles: int = 0, events: int = 0) -> None:
        self.articles += articles
        self.events += events
        now = time.perf_counter()
        if self.enabled and now - self._shown > 0.2:
            self._shown = now
            rate = self.articles / max(now - self.start, 1e-9)
            click.echo(f"\r  {self.articles:,} articles, {self.events:,} events, {rate:.1f} articles/s",
                       err=True, nl=False)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start

    def done(self) -> None:
        if self.enabled:
            click.echo("\r" + " " * 70 + "\r", err=True, nl=False)


@contextmanager
def output_stream(path: str | None) -> Iterator:
    if path in (None, "-"):
        yield sys.stdout
    else:
        with open(path, "w", encoding="utf-8") as fh:
            yield fh


def split_items(items: Iterable, report: RejectReport) -> Iterator:
    """Pass articles through; send rejects to the report."""
    for item in items:
        if isinstance(item, Reject):
            report.add(item)
        else:
            yield item
