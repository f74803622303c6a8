"""Placeholder: to be written (see issue 4). Where did the event of this trigger happen?"""

from __future__ import annotations

from spacy.tokens import Token

from .model import CodedArticle, Place


def locate_event(trigger: Token, coded: CodedArticle) -> Place | None:
    return None
