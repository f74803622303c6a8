"""Options shared by several commands."""

from __future__ import annotations

import click

from ..settings import Settings


def settings_options(fn):
    """--set key=value and --config FILE, turned into a Settings object named ``settings``."""
    fn = click.option("--set", "set_", multiple=True, metavar="KEY=VALUE",
                      help="Override a setting (repeatable); see `dateline run --help-settings`.")(fn)
    fn = click.option("--config", type=click.Path(exists=True, dir_okay=False),
                      help="TOML file of settings.")(fn)
    return fn


def build_settings(set_: tuple[str, ...], config: str | None) -> Settings:
    return Settings().with_overrides(list(set_), config)


db_option = click.option("--db", default="dateline.duckdb", show_default=True,
                         type=click.Path(dir_okay=False), help="The event store (a DuckDB file).")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
