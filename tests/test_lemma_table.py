"""The memoised lemmatizer gives exactly the lemmas spaCy's rule lemmatizer gives."""

from __future__ import annotations

import spacy
from conftest import real_texts

from dateline.lemma_table import LemmaTable
from dateline.nlp import load_model


def _texts() -> list[str]:
    texts = real_texts()
    # inflections, base forms, words the attribute ruler lemmatises, a word with no POS
    texts.append("The ministers were meeting; she's gone, they'd met. Better, best, worse.\n\n  ~~~ ")
    return texts


def test_lemma_table_matches_spacy_on_every_token(spacy_nlp):
    lemmatizer = spacy_nlp.get_pipe("lemmatizer")
    table = LemmaTable(lemmatizer)
    with spacy_nlp.select_pipes(disable=["lemmatizer", "ner"]):
        parsed = list(spacy_nlp.pipe(_texts()))
    checked = 0
    for _ in range(2):  # the second pass answers from the memo
        for doc in parsed:
            theirs, ours = lemmatizer(doc.copy()), table(doc.copy())
            assert [t.lemma_ for t in theirs] == [t.lemma_ for t in ours]
            checked += len(doc)
    assert checked > 10000


def test_lemma_table_replaces_the_lemmatizer_in_dateline_model():
    nlp = load_model()
    assert "lemmatizer" in nlp.pipe_names
    assert not isinstance(nlp.get_pipe("lemmatizer"), spacy.pipeline.Lemmatizer)
    doc = nlp("The rebels were shelling the towns they had seized.")
    assert [t.lemma_ for t in doc][:5] == ["the", "rebel", "be", "shell", "the"]
    assert doc[6].lemma_ == "they" and doc[8].lemma_ == "seize"
