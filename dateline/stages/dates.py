"""Stage placeholder: to be written (see issue 2)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import CodedArticle
from ..resources import Resources


def resolve_dates(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    return coded


def date_event(trigger, coded: CodedArticle) -> tuple:
    """(date, precision, value) of the event whose trigger is this token."""
    return coded.article.date, "day", None
