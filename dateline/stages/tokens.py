"""Fast access to a parsed Doc's words by part of speech.

Stages look at few of an article's words (nouns for actors, verbs and nouns for events);
reading the tags as one array finds them without making a Token object for every word.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.attrs import POS
from spacy.tokens import Doc, Span

HEAD_POS = ("NOUN", "PROPN", "PRON", "ADJ", "X")  # words that can head an actor's phrase
TRIGGER_POS = ("VERB", "AUX", "NOUN", "PROPN")  # words that can report an act


def words_with_pos(doc: Doc, tags: tuple[str, ...]) -> list[int]:
    """Indices of the Doc's words with one of these parts of speech, in order."""
    ids = [doc.vocab.strings[tag] for tag in tags]
    return np.flatnonzero(np.isin(doc.to_array([POS]).ravel(), ids)).tolist()


def in_span(indices: list[int], span: Span) -> list[int]:
    """The indices (sorted) that fall inside a span."""
    return indices[bisect_left(indices, span.start):bisect_left(indices, span.end)]


# The Doc whose text and entities were last asked for, with them: spaCy builds both anew, a Token
# per word, on every access, and four stages ask for them. (One entry: a run codes a Doc at a time.)
_last: tuple[Doc, str, tuple[Span, ...]] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _cached(doc)[1]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    return _cached(doc)[2]


def _cached(doc: Doc) -> tuple[Doc, str, tuple[Span, ...]]:
    global _last
    last = _last
    if last is None or last[0] is not doc:
        last = _last = (doc, doc.text, tuple(doc.ents))
    return last
