"""``dateline run``: code articles into the event store."""

from __future__ import annotations

import click

from ..backends import default_workers
from ..runner import run as run_articles
from ..settings import Settings
from .common import EXIT_REJECTS, Progress, RejectReport, as_date, input_options, resolve_inputs
from .options import build_settings, db_option, quiet_option, settings_options


def _show_settings(ctx: click.Context, _param, value: bool) -> None:
    if value:
        for name, text in Settings.help().items():
            click.echo(f"{name} (default {getattr(Settings(), name)!r}): {text}")
        ctx.exit()


@click.command()
@input_options
@db_option
@settings_options
@quiet_option
@click.option("--workers", "-w", type=click.IntRange(min=1), default=default_workers, show_default="all cores",
              help="Local worker processes, each loading the models once; 1 codes in this process.")
@click.option("--cluster", metavar="tcp://HOST:8786",
              help="Send batches to this Dask scheduler instead of local workers.")
@click.option("--help-settings", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_settings, help="List every setting with its default, then exit.")
def run(inputs, sample, rejects_path, input_format, default_date, db, set_, config, quiet, workers,
        cluster):
    """Code articles (files, folders, .gz, or - for stdin) into the event store.

    Articles already in the store with the same content are skipped; changed
    ones replace their earlier events. Rejected items are reported on stderr,
    stored in the `rejects` table, and the exit status is 3. A run that was
    stopped (even killed) resumes where it stopped when started again.

    \b
    Example:
      dateline run --sample
      dateline run my_articles/ --db news.duckdb
      dateline run wire.jsonl.gz --rejects rejects.jsonl
      dateline run CC-NEWS-20201207.warc.gz --workers 4
      dateline run crawl/ --cluster tcp://scheduler:8786
    """
    settings = build_settings(set_, config)
    sources = resolve_inputs(inputs, sample)
    report = RejectReport(rejects_path)
    progress = Progress(quiet)

    def on_batch(coded, rejects):
        for reject in rejects:
            report.add(reject)
        progress.tick(len(coded), sum(len(c.events) for c in coded))

    summary = run_articles(sources, db, settings, default_date=as_date(default_date),
                           fmt=input_format, workers=workers, cluster=cluster, on_batch=on_batch)
    progress.done()
    report.close()
    if not quiet:
        click.echo(f"{summary.line()} -> {db}", err=True)
    return EXIT_REJECTS if summary.rejected else 0
