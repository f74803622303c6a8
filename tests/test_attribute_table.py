"""The table-driven attribute ruler gives exactly what spaCy's own attribute ruler gives."""

from __future__ import annotations

import spacy
from conftest import real_texts

from dateline.attribute_table import AttributeTable
from dateline.nlp import load_model

ATTRS = ("pos_", "tag_", "dep_", "lemma_")


def _texts() -> list[str]:
    texts = real_texts()
    # words the two-token and regular-expression rules name
    texts.append("There is gon na be trouble, y'all ain't seen nothin' yet; let's go, c'mon.")
    return texts


def test_attribute_table_matches_spacy_on_every_token(spacy_nlp):
    ruler = spacy_nlp.get_pipe("attribute_ruler")
    table = AttributeTable(ruler)
    with spacy_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(spacy_nlp.pipe(_texts()))
    checked = 0
    for doc in parsed:
        theirs, ours = ruler(doc.copy()), table(doc.copy())
        for a, b in zip(theirs, ours):
            assert [getattr(a, x) for x in ATTRS] + [str(a.morph)] == \
                   [getattr(b, x) for x in ATTRS] + [str(b.morph)], (a.text, a.i)
            checked += 1
    assert checked > 5000


def test_attribute_table_replaces_the_ruler_in_dateline_model():
    nlp = load_model()
    assert "attribute_ruler" in nlp.pipe_names
    assert not isinstance(nlp.get_pipe("attribute_ruler"), spacy.pipeline.AttributeRuler)
    doc = nlp("There is no deal, the minister said.")
    assert doc[1].pos_ == "VERB"  # the two-token rule: 'is' after an expletive 'there'
    assert doc[0].pos_ == "PRON" and doc[6].pos_ == "NOUN"
