"""``dateline geoparse``: the places of each article, resolved to GeoNames, as JSON lines."""

from __future__ import annotations

import datetime as dt
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
@settings_options
@quiet_option
def geoparse(inputs, sample, rejects_path, input_format, default_date, output, set_, config, quiet):
    """Find the places each article names and resolve them to GeoNames, offline.

    Writes one JSON object per article: {"id", "places": [...]}, each place with its text,
    offsets, name, geonameid, country (ISO alpha-3), admin1, lat, lon, feature_code and
    precision; unresolved names have a null geonameid. Articles need no date here.

    \b
    Example:
      dateline geoparse articles.jsonl -o places.jsonl
      echo "Clashes erupted in Sirte on Sunday." | dateline geoparse - --format txt
    """
    settings = build_settings(set_, config)
    sources = resolve_inputs(inputs, sample)
    report = RejectReport(rejects_path)
    progress = Progress(quiet)
    res = Resources.load(settings)
    items = read_articles(sources, max_chars=settings.max_article_chars, fmt=input_format,
                          default_date=as_date(default_date) or dt.date.today())
    places = 0
    with output_stream(output) as out:
        for coded in code_articles(split_items(items, report), res, until="places"):
            record = {"id": coded.article.id, "places": [p.to_dict() for p in coded.places]}
            if coded.errors:
                record["errors"] = list(coded.errors)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            places += len(coded.places)
            progress.tick(1)
    progress.done()
    report.close()
    if not quiet:
        click.echo(f"{progress.articles:,} articles geoparsed, {places:,} places, {report.count:,} rejected, "
                   f"{progress.seconds:.1f} s", err=True)
    exit_status(EXIT_REJECTS if report.count else 0)

