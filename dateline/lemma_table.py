"""A memoised stand-in for spaCy's rule lemmatizer, with the same lemmas.

spaCy's rule lemmatizer makes a Token object for every word and works its lemma
out in Python (with a cache keyed by word, POS and morphology): about a thirtieth
of the parse. Its answer depends on nothing but that key, so this reads the keys
of a whole Doc as one array, answers known keys from a table, asks the
lemmatizer itself only for new ones, and writes the lemmas back in one call.
Words whose lemma an earlier component already set are left alone, as spaCy
does. ``tests/test_lemma_table.py`` compares every lemma on real articles.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

READ = [ORTH, POS, MORPH, LEMMA]
MEMO_LIMIT = 500_000  # remembered keys before the memo starts afresh


class LemmaTable:
    """Applies a rule Lemmatizer by lookup; called on a Doc like the component."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(READ)
        lemmas = rows[:, 3].copy()
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set by the attribute ruler's exceptions
                continue
            key = (orth, pos, morph)
            known = memo.get(key)
            if known is None:
                known = self._remember(key, doc, i)
            lemmas[i] = known
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _remember(self, key: tuple[int, int, int], doc: Doc, i: int) -> int:
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        lemma = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        if key[1]:  # a word without a POS makes spaCy warn each time; let it
            self._memo[key] = lemma
        return lemma


def use_lemma_table(nlp: Language) -> bool:
    """Swap the model's rule lemmatizer for the table; False (and no change) if it cannot."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    table = LemmaTable(lemmatizer)
    name = f"dateline_lemma_table_{id(table)}"
    Language.component(name, func=table)
    nlp.replace_pipe("lemmatizer", name)
    return True
