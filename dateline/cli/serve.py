"""``dateline serve``: the REST API and the web explorer on one port."""

from __future__ import annotations

import click

from .options import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option("--token", envvar="DATELINE_TOKEN", metavar="SECRET",
              help="Token for POST /articles (and for reads with --private); or set DATELINE_TOKEN.")
@click.option("--private", is_flag=True, help="Reads need the token too (default: reads are open).")
@click.option("--read-only", is_flag=True, help="Open the store read-only; POST /articles is refused.")
@click.option("--cache-size", default=256, show_default=True, type=click.IntRange(min=0),
              help="Read answers kept until the store changes (0: none).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="warning", show_default=True, help="Server log level.")
def serve(db, host, port, token, private, read_only, cache_size, log_level):
    """Serve the REST API and the web explorer over the event store.

    Open http://HOST:PORT/ for the explorer; the API's OpenAPI schema is at
    /openapi.json. Reads are open unless --private; POST /articles needs the token.

    \b
    Example:
      dateline serve --db dateline.duckdb
      DATELINE_TOKEN=secret dateline serve --port 8080
      curl -H 'Authorization: Bearer secret' -H 'Content-Type: application/json' \\
           -d '{"articles": [{"text": "...", "date": "2024-03-04"}]}' http://127.0.0.1:8080/articles
    """
    import uvicorn

    from ..api import create_app

    if private and not token:
        raise click.UsageError("--private needs a token: give --token or set DATELINE_TOKEN")
    app = create_app(db, token=token, public=not private, read_only=read_only, cache_size=cache_size)
    events = app.state.store.stats()["total"]
    click.echo(f"dateline: {events:,} events in {db}; explorer at http://{host}:{port}/ "
               f"(API schema at /openapi.json; Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
