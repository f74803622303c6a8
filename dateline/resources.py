"""Everything a pipeline stage reads besides the document, built once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from .actors_kb import ActorKnowledge
    from .gazetteer import Gazetteer
    from .lexicon import EventLexicon


@dataclass(frozen=True)
class Resources:
    """The spaCy model, gazetteer, actor knowledge base and event lexicon, with settings."""

    settings: Settings
    nlp: Language
    gazetteer: Gazetteer
    actors: ActorKnowledge
    lexicon: EventLexicon

    @classmethod
    def load(cls, settings: Settings | None = None) -> Resources:
        """Build (or reuse, within this process) the resources for these settings."""
        return _load(settings or Settings())


@functools.lru_cache(maxsize=2)
def _load(settings: Settings) -> Resources:
    from .actors_kb import ActorKnowledge
    from .gazetteer import Gazetteer
    from .lexicon import EventLexicon
    from .nlp import load_model

    return Resources(
        settings=settings,
        nlp=load_model(settings.model),
        gazetteer=Gazetteer.load(settings),
        actors=ActorKnowledge.load(settings),
        lexicon=EventLexicon.load(settings),
    )
