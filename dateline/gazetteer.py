"""Placeholder: to be written (see issue 2)."""

from __future__ import annotations

from .settings import Settings


class Gazetteer:
    @classmethod
    def load(cls, settings: Settings) -> Gazetteer:
        return cls()
