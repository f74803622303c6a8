"""``dateline geoparse``: the places of each article, resolved to GeoNames, as JSON lines."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator

import click

from ..ingest import read_articles
from ..model import Article, CodedArticle
from ..nlp import parse
from ..resources import Resources
from ..stages.actors import find_actors
from ..stages.places import find_places
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

log = logging.getLogger(__name__)


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
        for coded in geoparse_articles(split_items(items, report), res):
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


def geoparse_articles(articles: Iterable[Article], res: Resources) -> Iterator[CodedArticle]:
    """Parse articles in batches and run only the stages places need (actors give context)."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in parse(res.nlp, pairs, batch_size=res.settings.batch_size):
        coded = CodedArticle(article)
        for name, stage in (("actors", find_actors), ("places", find_places)):
            try:
                coded = stage(doc, coded, res)
            except Exception as exc:  # one bad article must not stop a batch
                log.exception("stage %s failed on article %s (%s)", name, article.id, article.origin)
                coded = coded.replace(errors=coded.errors + (f"{name}: {type(exc).__name__}: {exc}",))
        yield coded
