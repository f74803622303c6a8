"""Stage placeholder: to be written (see issue 2)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import CodedArticle
from ..resources import Resources


def find_actors(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    return coded
