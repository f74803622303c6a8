"""``dateline events``: filter the store's events and export them."""

from __future__ import annotations

import sys

import click

from ..export import FORMATS, export
from ..queries import EventFilter, FilterError
from ..store import Store
from .options import db_option, quiet_option


@click.command()
@db_option
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--country", metavar="CODES", help="Source, target or place country: LBY, EG, Libya (comma-separated).")
@click.option("--actor", help="An actor code (EGYGOV) or part of an actor's name (Haftar).")
@click.option("--type", "event_type", metavar="TYPES", help="PLOVER event types or STATEMENT (CAMEO 01), comma-separated (ASSAULT,PROTEST).")
@click.option("--quad-class", metavar="1-4", help="Quad classes, comma-separated: 1 verbal cooperation, "
                                                  "2 material cooperation, 3 verbal conflict, 4 material conflict.")
@click.option("--place", help="A GeoNames id or part of a place name.")
@click.option("--bbox", metavar="W,S,E,N", help="Only events located in this box (degrees).")
@click.option("--search", "q", metavar="TEXT", help="Words in a sentence, actor or place name.")
@click.option("--min-sources", type=click.IntRange(min=1), help="Reported by at least this many outlets.")
@click.option("--include-flagged", is_flag=True, help="Also negated and hypothetical events (left out by default).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv, jsonl, parquet; gdelt (GDELT 2.0 event table), polecat (TSV), plover (JSON lines).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here instead of stdout (required for parquet).")
@quiet_option
def events(db, since, until, country, actor, event_type, quad_class, place, bbox, q, min_sources,
           include_flagged, fmt, output, quiet):
    """Export events from the store, one row per real-world event, oldest first.

    Negated and hypothetical events are left out unless --include-flagged.

    \b
    Example:
      dateline events --country LBY --since 2020-12-01 --format csv -o events.csv
      dateline events --type ASSAULT,COERCE --min-sources 2 --format gdelt > events.tsv
      dateline events --format parquet -o events.parquet
    """
    try:
        where = EventFilter.parse(since=since, until=until, country=country, actor=actor,
                                  event_type=event_type, quad_class=quad_class, place=place, bbox=bbox,
                                  q=q, min_sources=min_sources, include_flagged=include_flagged)
    except FilterError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "parquet" and output in (None, "-"):
        raise click.UsageError("parquet is a binary format: give a file with -o events.parquet")
    with Store(db, read_only=True) as store:
        count = export(store.cursor(), where, fmt, out=sys.stdout, path=output)
    if not quiet:
        click.echo(f"{count:,} events ({fmt}){f' -> {output}' if output and output != '-' else ''}", err=True)
