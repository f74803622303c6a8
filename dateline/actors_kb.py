"""Placeholder: to be written (see issue 2)."""

from __future__ import annotations

from .settings import Settings


class ActorKnowledge:
    @classmethod
    def load(cls, settings: Settings) -> ActorKnowledge:
        return cls()
