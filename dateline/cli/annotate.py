"""``dateline annotate``: every layer of every article as JSON lines, without a store."""

from __future__ import annotations

import json

import click

from ..ingest import read_articles
from ..pipeline import code_articles
from ..resources import Resources
from .common import (
    EXIT_REJECTS,
    Progress,
    RejectReport,
    as_date,
    exit_status,
    input_options,
    output_stream,
    resolve_inputs,
    split_items,
)
from .options import build_settings, quiet_option, settings_options


@click.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write JSONL here instead of stdout.")
@click.option("--with-text", is_flag=True, help="Include each article's text (offsets point into it).")
@settings_options
@quiet_option
def annotate(inputs, sample, rejects_path, input_format, default_date, output, with_text,
             set_, config, quiet):
    """Write actors, places, times and events of each article as one JSON line.

    Negated and hypothetical events are kept, with their flags.

    \b
    Example:
      dateline annotate articles.jsonl -o annotated.jsonl
      cat story.txt | dateline annotate - --date 2020-12-07
    """
    settings = build_settings(set_, config)
    sources = resolve_inputs(inputs, sample)
    report = RejectReport(rejects_path)
    progress = Progress(quiet)
    res = Resources.load(settings)
    items = read_articles(sources, max_chars=settings.max_article_chars,
                          default_date=as_date(default_date), fmt=input_format)
    errors = 0
    with output_stream(output) as out:
        for coded in code_articles(split_items(items, report), res):
            out.write(json.dumps(coded.to_dict(with_text=with_text), ensure_ascii=False) + "\n")
            errors += bool(coded.errors)
            progress.tick(1, len(coded.events))
    progress.done()
    report.close()
    if not quiet:
        click.echo(f"{progress.articles:,} articles annotated, {report.count:,} rejected, "
                   f"{progress.events:,} events, {errors:,} with stage errors, "
                   f"{progress.seconds:.1f} s", err=True)
    exit_status(EXIT_REJECTS if report.count else 0)
