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
@click.option("--read-only", is_flag=True,
              help="Open the store read-only (the default without a token); POST /articles is refused.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Server processes, each with its own in-memory index; above 1 needs --read-only.")
@click.option("--cache-size", default=256, show_default=True, type=click.IntRange(min=0),
              help="Read answers kept until the store changes (0: none).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="warning", show_default=True, help="Server log level.")
def serve(db, host, port, token, private, read_only, workers, cache_size, log_level):
    """Serve the REST API and the web explorer over the event store.

    Open http://HOST:PORT/ for the explorer; the API's OpenAPI schema is at
    /openapi.json. Reads are open unless --private; POST /articles needs the token
    (without one the store is opened read-only).

    \b
    Example:
      dateline serve --db dateline.duckdb
      DATELINE_TOKEN=secret dateline serve --port 8080
      curl -H 'Authorization: Bearer secret' -H 'Content-Type: application/json' \\
           -d '{"articles": [{"text": "...", "date": "2024-03-04"}]}' http://127.0.0.1:8080/articles
    """
    import json
    import os

    import uvicorn

    from ..api import SERVE_ENV, create_app

    if private and not token:
        raise click.UsageError("--private needs a token: give --token or set DATELINE_TOKEN")
    # Without a token nothing can be posted, so open the store read-only: other read-only
    # processes (`dateline events`, more servers) can then use it at the same time.
    read_only = read_only or not token
    if workers > 1 and not read_only:
        raise click.UsageError("--workers above 1 needs --read-only: only one process can write a DuckDB file")
    options = {"db_path": db, "token": token, "public": not private, "read_only": read_only,
               "cache_size": cache_size}
    app = create_app(**options, index=workers == 1)  # checks the store; the workers build their own
    events = app.state.store.stats()["total"]
    click.echo(f"dateline: {events:,} events in {db}; explorer at http://{host}:{port}/ "
               f"(API schema at /openapi.json; Ctrl-C to stop)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    app.state.store.close()
    os.environ[SERVE_ENV] = json.dumps(options)
    uvicorn.run("dateline.api:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level=log_level)
