"""Fast access to a parsed Doc: its words by part of speech, and what spaCy rebuilds on every access.

Stages look at few of an article's words (nouns for actors, verbs and nouns for events);
reading the tags as one array finds them without making a Token object for every word. spaCy
also makes a new Token on every ``doc[i]``, ``.head``, ``.children``, ``.sent`` and ``span.text``;
the Doc's tokens, text, entities, heads, children and sentences are built here once per Doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import HEAD, POS
from spacy.tokens import Doc, Span, Token

HEAD_POS = ("NOUN", "PROPN", "PRON", "ADJ", "X")  # words that can head an actor's phrase
TRIGGER_POS = ("VERB", "AUX", "NOUN", "PROPN")  # words that can report an act


def words_with_pos(doc: Doc, tags: tuple[str, ...]) -> list[int]:
    """Indices of the Doc's words with one of these parts of speech, in order."""
    ids = {doc.vocab.strings[tag] for tag in tags}
    return [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in ids]


def in_span(indices: list[int], span: Span) -> list[int]:
    """The indices (sorted) that fall inside a span."""
    return indices[bisect_left(indices, span.start):bisect_left(indices, span.end)]


# What was last built for one Doc: spaCy builds a Doc's text, entities and Token objects anew,
# a Token per word, on every access, and the stages ask for them many times. One Doc at a
# time: a run codes one Doc after another.
_last: _Built | None = None


class _Built:
    __slots__ = ("children", "doc", "ents", "heads", "memos", "sent_starts", "sents", "text", "tokens")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.ents = tuple(doc.ents)
        self.tokens: list[Token] | None = None
        self.heads: list[int] | None = None
        self.children: list[list[Token]] | None = None
        self.sents: list[Span] | None = None
        self.sent_starts: list[int] = []
        self.memos: dict[str, dict] = {}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _built(doc).text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    return _built(doc).ents


def words(span: Span) -> list[Token]:
    """The span's words (``list(span)``), from the Doc's Token list built once."""
    return doc_tokens(span.doc)[span.start:span.end]


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text built once (``span.text`` makes a Token per word)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built once per Doc: index it instead of ``doc[i]`` in hot loops."""
    built = _built(doc)
    if built.tokens is None:
        built.tokens = list(doc)
    return built.tokens


def children_of(token: Token) -> list[Token]:
    """``list(token.children)``, listed for all the Doc's words at once from their heads (do not change it)."""
    doc, built = token.doc, _last
    if built is None or built.doc is not doc:  # (_built's check inlined: this is called very often)
        built = _built(doc)
    if built.children is None:
        tokens = doc_tokens(doc)
        listed: list[list[Token]] = [[] for _ in tokens]
        for i, head in enumerate(doc_heads(doc)):
            if head != i:
                listed[head].append(tokens[i])
        built.children = listed
    return built.children[token.i]


def sentence_of(token: Token) -> Span:
    """``token.sent``, looked up among the Doc's sentences listed once (spaCy scans for the bounds each time)."""
    built = _built(token.doc)
    if built.sents is None:
        sents = list(built.doc.sents)
        built.sent_starts = [sent.start for sent in sents]
        built.sents = sents  # (last: a reader that sees the sentences sees their starts)
    return built.sents[bisect_right(built.sent_starts, token.i) - 1]


def doc_memo(doc: Doc, name: str) -> dict:
    """A dict, one per name and Doc, to remember answers about the Doc's words (a stage asks some many times)."""
    memos = _built(doc).memos
    memo = memos.get(name)
    if memo is None:
        memo = memos[name] = {}
    return memo


def head_of(token: Token) -> Token:
    """``token.head``, from the Doc's Token list (spaCy makes a new Token each time)."""
    return doc_tokens(token.doc)[doc_heads(token.doc)[token.i]]


def doc_heads(doc: Doc) -> list[int]:
    """Each word's head as an index (``token.head.i``), read once per Doc without making Tokens."""
    built = _built(doc)
    if built.heads is None:  # spaCy stores each head as an offset from its word
        offsets = doc.to_array([HEAD]).ravel().view(np.int64)
        built.heads = (np.arange(len(doc)) + offsets).tolist()
    return built.heads


def _built(doc: Doc) -> _Built:
    global _last
    last = _last
    if last is None or last.doc is not doc:
        last = _last = _Built(doc)
    return last
