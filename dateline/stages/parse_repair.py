"""Reading past the small parser's commonest errors in news syntax.

"In Ufa, Pakistan and India decided to resume talks": the parser joins "Pakistan and India" to
"Ufa" as more places and leaves "decided" with no subject. A finite main verb with no subject,
right after a noun phrase that follows a comma, has that phrase as its subject.

"granted asylum to five officers holed up in ...": the parser reads "officers holed up" as a
clause and leaves "to" with no object; the clause's subject right after it is its object.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .tokens import sentence_of

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Words that may stand between a subject and its verb: "formally decided", "have also agreed".
BETWEEN = frozenset({"advmod", "aux", "neg", "auxpass"})


def stranded_subject(verb: Token) -> Token | None:
    """The first word of the noun phrase that is the verb's subject though the parser hung it elsewhere."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if verb.tag_ not in FINITE and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    i, start = verb.i - 1, sentence_of(verb).start
    while i >= start and verb.doc[i].dep_ in BETWEEN and verb.doc[i].head.i == verb.i:
        i -= 1
    if i <= start:
        return None
    last = verb.doc[i]
    if last.pos_ not in ("NOUN", "PROPN") or last.head.i == verb.i:
        return None
    node = last
    while True:  # back along the coordination to the word after the comma: "Ufa, [Pakistan] and India"
        if node.left_edge.i > start and verb.doc[node.left_edge.i - 1].text == ",":
            return node
        if node.dep_ != "conj":
            return None
        node = node.head


def stranded_words(sent: Span) -> set[int]:
    """Indices of the words of every stranded subject in the sentence (the phrase and its conjuncts)."""
    start = stranded_subject(sent.root)
    if start is None:
        return set()
    words, frontier = {start.i}, [start]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        words.update(t.i for t in frontier)
    return words


def stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left empty, made subject of a clause right after it."""
    if prep.i + 1 >= len(prep.doc) or any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    for clause in prep.head.children:
        if clause.i > prep.i and clause.dep_ in ("advcl", "ccomp", "acl", "relcl", "conj"):
            for subj in clause.children:
                if subj.dep_ == "nsubj" and subj.left_edge.i == prep.i + 1:
                    return subj
    return None
