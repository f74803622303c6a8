"""Reading past the parser's errors, on parses built by hand (the model's mistakes vary by sentence)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.stages.parse_repair import stranded_object


def test_parse_repair_a_preposition_left_empty_takes_the_subject_of_the_clause_after_it():
    words = ["Peru", "granted", "asylum", "to", "five", "officers", "holed", "up", "."]
    heads = [1, 1, 1, 1, 5, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert stranded_object(doc[3]).text == "officers"


def test_parse_repair_a_preposition_with_its_object_is_left_alone():
    words = ["Peru", "granted", "asylum", "to", "officers", "who", "hid", "."]
    heads = [1, 1, 1, 1, 3, 6, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "nsubj", "relcl", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert stranded_object(doc[3]) is None
