"""The ``dateline`` command: a thin shell over the library.

Each command lives in its own module here and is imported only when used, so
``dateline --help`` stays fast and one command's dependencies never slow another.
Data goes to stdout or ``-o``; progress, messages and summaries go to stderr.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import DatelineError
from ..version import __version__

# name -> (module, function, one-line help). Help is repeated here so that
# `dateline --help` does not import every command.
COMMANDS = {
    "run": ("run", "run", "Code articles into the event store (DuckDB)."),
    "annotate": ("annotate", "annotate", "Write every layer per article as JSONL, no store."),
    "events": ("events", "events", "Filter and export events from the store."),
    "geoparse": ("geoparse", "geoparse", "Find and resolve the places in articles."),
    "evaluate": ("evaluate", "evaluate", "Score dateline against human-coded gold data."),
    "serve": ("serve", "serve", "Serve the REST API and the web explorer."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)

    def invoke(self, ctx: click.Context):
        # Commands return their exit status; click would drop it outside main().
        code = super().invoke(ctx)
        if isinstance(code, int) and code:
            ctx.exit(code)
        return code

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, text) for name, (_, _, text) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def app() -> None:
    """dateline: dated news articles in, geolocated PLOVER/CAMEO event data out.

    \b
    Example:
      dateline run --sample                 # code the bundled sample articles
      dateline run my_articles/             # files or folders: .jsonl .csv .txt (.gz)
      dateline events --country LBY --since 2020-12-01 --format csv -o events.csv
    """


def main() -> None:
    try:
        code = app.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DatelineError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
