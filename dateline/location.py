"""Where did the event of this trigger happen? The place its own words put it, else none.

Each place named in the trigger's sentence is weighed by how the text ties it to the event: a
locative phrase on the trigger ("clashes in Sirte", "a visit to Paris", "off the coast of
Sirte", "arrived to Cairo") counts most, then a locative phrase elsewhere in its clause, then
mere nearness. A toponym used as an actor ("Cairo rejected", "Turkey's actions") or as an
adjective ("U.S. forces") does not locate an event. With no place in its sentence, an event
takes the dateline's place only when the article is plausibly reporting it from there.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Span, Token

from .location_model import Ranker, load_ranker
from .location_words import (
    ABOUT,
    ACTOR_DEPS,
    ACTOR_NOUNS,
    AREA_NOUNS,
    CLAUSE_DEPS,
    FRAME_NOUNS,
    LOCAL_FORCES,
    LOCATIVE,
    MEETING,
    MOTION,
    OBJECT_IS_PLACE,
    SPEECH,
    TOPIC,
    TRAVEL,
    VIOLENT,
)
from .model import CodedArticle, Place
from .stages.tokens import children_of, doc_heads, doc_memo, doc_tokens, sentence_of

# What the ranker reads about each place in the trigger's sentence, beside its ``pattern_keys``
# (weights, pair weights and key weights in ``location_model``): the place with the highest
# positive score wins; with none above zero, the sentence does not say.
FEATURES = (
    "bias", "tie_direct", "tie_clause", "tie_other", "locative_before", "motion_before", "frame_of",
    "nearness", "before_trigger", "speech_trigger", "place_object_trigger", "noun_trigger",
    "adjectival", "precision", "unresolved", "modifier", "object", "places_in_sentence", "possessive",
    "closest", "violent_trigger", "facility", "sentence_opening", "holds_another", "inside_another",
    "from_before", "travel_trigger", "meeting_trigger", "subject_phrase", "clauses_between",
    "finer_elsewhere", "tie_below",
)
FINER_ELSEWHERE = FEATURES.index("finer_elsewhere")


def locate_event(trigger: Token, coded: CodedArticle, ranker: Ranker | None = None) -> Place | None:
    """The place where the event this trigger reports happened, or None if the article does not say."""
    found = candidates(trigger, coded)
    if found:
        ranker = ranker or load_ranker(FEATURES)
        scores = ranker.scores(np.array(feature_rows(trigger, found)), pattern_rows(trigger, found))
        best = int(np.argmax(scores))
        if scores[best] > 0.0:
            return found[best][1]
    sent = sentence_of(trigger)
    if not any(sent.start_char <= p.start < sent.end_char for p in coded.places):
        return _dateline_place(trigger, coded)
    return None


def candidates(trigger: Token, coded: CodedArticle) -> list[tuple[Span, Place]]:
    """The places of the trigger's sentence that could be where its event happened (not actors)."""
    sent = sentence_of(trigger)
    out = []
    for place in coded.places:
        if sent.start_char <= place.start < sent.end_char:
            span = trigger.doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and not is_actor(span, coded) and not _topic(trigger, span):
                out.append((span, place))
    return out


def _topic(trigger: Token, span: Span) -> bool:
    """A place inside what a meeting is about: "to discuss the latest developments in Libya",
    "talks with Hamas on a ceasefire in Gaza"."""
    lemma = trigger.lemma_.lower()
    if lemma not in TOPIC | MEETING:
        return False
    path = _path_up(span.root, trigger)
    if not path:
        return False
    top = path[-1]
    return (lemma in TOPIC and top.dep_ in ("dobj", "obj")) \
        or (top.dep_ == "prep" and top.lower_ in ABOUT)


def feature_rows(trigger: Token, found: list[tuple[Span, Place]]) -> list[list[float]]:
    """The values of ``FEATURES`` for each place of the trigger's sentence."""
    closest = min((abs(span.root.i - trigger.i) for span, _ in found), default=0)
    spans = [span for span, _ in found]
    outer = [_outer(span, spans) for span in spans]
    rows = []
    finest = max(_PRECISION_RANK.get(p.precision or "finer", 5) for _, p in found) if found else 0
    for (span, place), is_outer in zip(found, outer):
        inner = any(o and _outer(other, [span]) for other, o in zip(spans, outer) if other is not span)
        row = features(trigger, span, place, len(found), closest, (inner, is_outer))
        row[FINER_ELSEWHERE] = float(_PRECISION_RANK.get(place.precision or "finer", 5) < finest)
        rows.append(row)
    return rows


def pattern_rows(trigger: Token, found: list[tuple[Span, Place]]) -> list[list[str]]:
    """The ``pattern_keys`` of each place of the trigger's sentence."""
    return [pattern_keys(trigger, span) for span, _ in found]


def pattern_keys(trigger: Token, span: Span) -> list[str]:
    """Words and tree shapes that tie a place to an event, as keys the ranker may weigh: the
    preposition before the place, its dependency, the path of dependencies between it and the
    trigger, the trigger's word and its role in the sentence, and some pairs of these."""
    tok = _anchor(span.root)
    before = _word_before(span) or _word_before(tok.doc[tok.left_edge.i:tok.i + 1]) or "-"
    common = _common_ancestor(tok, trigger)
    path = "none"
    if common is not None:
        up = [t.dep_ for t in (_path_up(tok, common) or [])][:4]
        down = [t.dep_ for t in (_path_up(trigger, common) or [])][:3]
        path = "/".join(up) + "^" + "/".join(down)
    tie, lemma = _tie(tok, trigger), trigger.lemma_.lower()
    attached = tok.head.head.lemma_.lower() if tok.dep_ == "pobj" else "-"  # "killed" of "killed in X"
    return [f"b={before}", f"dep={tok.dep_}", f"path={path}", f"t={lemma}", f"tie={tie}|b={before}",
            f"tp={trigger.pos_}|dep={tok.dep_}", f"ph={attached}|b={before}", f"td={trigger.dep_}",
            f"ent={tok.ent_type_}|b={before}", f"t={lemma}|tie={tie}"]


def _outer(span: Span, others: list[Span]) -> bool:
    """Whether the place is named as where another place of the sentence lies: Baghdad in
    "Baghdad's Dora district", Riyom in "the Rim district of Riyom", Aleppo in "al-Rai in Aleppo"."""
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
        for other in others:
            if other is not span and (other.start <= tok.i < other.end or any(
                    other.start <= c.i < other.end for c in children_of(tok)
                    if c.dep_ in ("compound", "poss", "nmod", "amod"))):
                return True
    return False


def features(trigger: Token, span: Span, place: Place, n_places: int = 1, closest: int = 0,
             nesting: tuple[bool, bool] = (False, False)) -> list[float]:
    """The values of ``FEATURES`` for one place of the trigger's sentence; ``nesting`` says whether
    another place of the sentence lies in it, and whether it lies in another (see ``_outer``)."""
    tok = _anchor(span.root)
    lemma = trigger.lemma_.lower()
    tie = _tie(tok, trigger)
    before = _word_before(span) or _word_before(tok.doc[tok.left_edge.i:tok.i + 1])
    return [
        1.0,
        float(tie == "direct"),
        float(tie == "clause"),
        float(tie == "other"),
        float(before in LOCATIVE),
        float(before in MOTION),
        float(before == "of"),
        max(0.0, 1.0 - abs(tok.i - trigger.i) / 20.0),
        float(tok.i < trigger.i),
        float(lemma in SPEECH and tie != "direct"),
        float(lemma in OBJECT_IS_PLACE),
        float(trigger.pos_ == "NOUN"),
        float(_adjectival(tok, place)),
        _PRECISION_RANK.get(place.precision or "finer", 5) / 5.0,
        float(place.lat is None),
        float(tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i),
        float(tok.dep_ in ("dobj", "obj") and tok.head.i == trigger.i),
        min(n_places, 5) / 5.0,
        float(tok.dep_ == "poss"),
        float(abs(tok.i - trigger.i) == closest),
        float(lemma in VIOLENT),
        float(tok.ent_type_ == "FAC"),
        float(before in LOCATIVE and tok.i < trigger.i and _opens_sentence(span)),
        float(nesting[0]),
        float(nesting[1]),
        float(before == "from"),
        float(lemma in TRAVEL),
        float(lemma in MEETING),
        float(_in_subject(tok, trigger)),
        min(_clauses_between(tok, trigger), 2) / 2.0,
        0.0,  # finer_elsewhere: set by feature_rows, which sees all the sentence's places
        float(tie == "none" and _tie_below(tok, trigger)),
    ]


def _anchor(tok: Token) -> Token:
    """The word that stands for the place in the sentence's structure: the first of a list
    ("between Israel and the Gaza Strip"), the area noun a name qualifies ("Bangladesh's cities",
    "Venezuela's Portuguesa state")."""
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in FRAME_NOUNS \
                and tok.head.head.i < tok.i:
            tok = tok.head.head  # "the village of Abadam was bombed": the frame noun stands for it
            continue
        listed = tok.dep_ in ("conj", "appos") and tok.head.i < tok.i
        qualifies = tok.dep_ in ("compound", "poss", "nmod", "amod") and tok.head.i > tok.i \
            and tok.head.lower_ in AREA_NOUNS
        if not (listed or qualifies):
            break
        tok = tok.head
    return tok


def _tie_below(tok: Token, trigger: Token) -> bool:
    """Whether the place is in a locative phrase of a clause under the trigger, which often says
    where it happened too: "killed when a bomb struck near the town of Baiji", "shot as he
    walked up the steps of his Miami home"."""
    path = _path_up(tok, trigger)
    if not path:
        return False
    k = next((i for i, t in enumerate(path) if t.dep_ in ("advcl", "xcomp", "conj", "relcl", "acl")), None)
    return k is not None and k > 0 and path[k].pos_ in ("VERB", "AUX") \
        and _locative_path(path[:k], path[k]) and not any(t.dep_ in ACTOR_DEPS for t in path[:k])


def _in_subject(tok: Token, trigger: Token) -> bool:
    """Whether the place is inside the trigger's subject: "Supporters of Bhutto in Lahore clashed"."""
    path = _path_up(tok, trigger)
    return bool(path) and path[-1].dep_ in ACTOR_DEPS


def _clauses_between(tok: Token, trigger: Token) -> int:
    """How many clause boundaries the shortest tree path from the place to the trigger crosses."""
    common = _common_ancestor(tok, trigger)
    if common is None:
        return 3
    steps = (_path_up(tok, common) or []) + (_path_up(trigger, common) or [])
    return sum(t.dep_ in CLAUSE_DEPS for t in steps)


def _opens_sentence(span: Span) -> bool:
    """Whether the place's phrase opens its sentence: "In Sirte, ..." sets the scene for all of it."""
    tokens = doc_tokens(span.doc)
    start, end = sentence_of(tokens[span.start]).start, sentence_of(tokens[span.end - 1]).end  # as span.sent
    after = tokens[span.end:min(span.end + 4, end)]
    return span.start - start <= 6 and any(t.text == "," for t in after)


def _tie(tok: Token, trigger: Token) -> str:
    """How the place hangs on the trigger: "direct", "clause", "other" or "none"."""
    ties = doc_memo(tok.doc, "location_tie")  # (the features and the pattern keys both ask)
    key = (tok.i, trigger.i)
    tie = ties.get(key)
    if tie is None:
        tie = ties[key] = _find_tie(tok, trigger)
    return tie


def _find_tie(tok: Token, trigger: Token) -> str:
    path = _path_up(tok, trigger)
    if path is not None:
        return "direct" if _locative_path(path, trigger) else "none"
    head = trigger
    for _ in range(2):  # "hold talks" in "arrived to Cairo to hold talks": up the chain of clauses
        above = _clause_head(head)
        if above.i == head.i:
            break
        head = above
        path = _path_up(tok, head)
        if path is not None and not any(t.dep_ in CLAUSE_DEPS for t in path):
            return "clause" if _locative_path(path, head) else "none"
    common = _common_ancestor(tok, trigger)
    return "other" if common is not None and _crosses_clause(trigger, common) else "none"


def _locative_path(path: list[Token], top: Token) -> bool:
    """Whether a path of heads from the place up to a verb or event noun is a locative phrase."""
    if not path:
        return True
    if len(path) == 1 and _taken_place(path[0]):
        return path[0].head.i == top.i  # "Gaza was captured"
    if path[-1].dep_ == "conj" and path[-1].pos_ == "VERB" and len(path) > 1:
        return _locative_path(path[:-1], path[-1])  # "captured or killed in Thailand"
    if any(t.dep_ in CLAUSE_DEPS for t in path) or path[0].dep_ in ACTOR_DEPS:
        return False
    last = path[-1]
    if last.dep_ in ("dobj", "obj") and (len(path) == 1 or last.lower_ in FRAME_NOUNS):
        return top.lemma_.lower() in OBJECT_IS_PLACE  # "stormed Kabul", "captured the Golan area"
    # "near the town of Baiji": the "of" of a frame noun is part of the name's phrase
    preps = [t for t in path if t.dep_ == "prep" and not (t.lower_ == "of" and t.head.lower_ in FRAME_NOUNS)]
    if last.dep_ == "prep" and (last.lower_ in LOCATIVE or last.lower_ in MOTION):
        return True
    if last.dep_ == "prep" and last.lower_ == "of" and top.pos_ == "NOUN":
        return top.lemma_.lower() not in SPEECH  # "the bombing of Aleppo"
    if last.dep_ in ("npadvmod", "compound", "nmod", "amod") and len(path) == 1:
        return top.pos_ == "NOUN"  # "the Kabul bombing"
    # "killed a man in Kabul": a locative phrase on the trigger's object (not "discussed the
    # situation in Libya", which is what they talked about)
    return bool(preps) and preps[0].lower_ in LOCATIVE and top.lemma_.lower() not in SPEECH | TOPIC


def _path_up(tok: Token, top: Token) -> list[Token] | None:
    """Tokens from ``tok`` up to (not including) ``top`` through heads, or None if ``top`` is not above it."""
    heads, tokens = doc_heads(tok.doc), doc_tokens(tok.doc)  # (spaCy makes a new Token per .head)
    i, stop = tok.i, top.i
    path = []
    while i != stop:
        head = heads[i]
        if head == i:
            return None
        path.append(tokens[i])
        i = head
    return path


def _clause_head(trigger: Token) -> Token:
    """What the trigger's clause hangs on: "visit" for "discuss" in "a visit to Paris to discuss"."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "conj", "relcl") \
                or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ not in ("pobj", "dobj")):
            return tok
    return trigger


def _common_ancestor(a: Token, b: Token) -> Token | None:
    heads = doc_heads(a.doc)
    above = set(_up(a.i, heads))
    return next((doc_tokens(a.doc)[i] for i in _up(b.i, heads) if i in above), None)


def _up(i: int, heads: list[int]):
    """The word at ``i`` and its ancestors, as indices (no more than the Doc has words, as spaCy's ``ancestors``)."""
    yield i
    for _ in range(len(heads)):
        if heads[i] == i:
            return
        i = heads[i]
        yield i


def _crosses_clause(trigger: Token, top: Token) -> bool:
    return any(t.dep_ in CLAUSE_DEPS for t in (_path_up(trigger, top) or []))


def _word_before(span: Span) -> str:
    """The preposition that governs the name, past articles, adjectives and frame nouns
    ("in" for "in the northern city of Sirte"; "of" for "the bombing of Aleppo"), or ""."""
    tokens = doc_tokens(span.doc)
    i = span.start - 1
    while i >= max(0, span.start - 7):
        tok = tokens[i]
        if tok.is_space:  # "in the  southern city": a doubled space is no word
            i -= 1
            continue
        if tok.pos_ in ("ADP", "SCONJ") or (tok.pos_ == "ADV" and tok.lower_ in LOCATIVE):
            if tok.lower_ == "of" and i > 0 and tokens[i - 1].lower_ in FRAME_NOUNS:
                i -= 2  # "the city of": look further back for its preposition
                continue
            return tok.lower_
        if not (tok.pos_ in ("DET", "ADJ", "NUM", "PROPN") or tok.lower_ in FRAME_NOUNS or tok.tag_ == "POS"):
            return ""
        i -= 1
    return ""


def _adjectival(tok: Token, place: Place) -> bool:
    """A country named as the adjective of people or forces: "U.S. forces", "Syrian army" (not
    "the Sudan pharmaceutical plant" or "the Riyadh shootout", which happened there)."""
    if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i < tok.i:
        return False
    return tok.head.lower_ in ACTOR_NOUNS and place.precision in ("country", "region", None)


def _taken_place(tok: Token) -> bool:
    """The passive subject of a verb whose object is a place, or listed with one: "Gaza and the
    West Bank were captured"."""
    for _ in range(2):
        if tok.dep_ == "nsubjpass":
            return tok.head.lemma_.lower() in OBJECT_IS_PLACE
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


def is_actor(span: Span, coded: CodedArticle) -> bool:
    """A toponym that stands for its government or people here ("Cairo rejected", "Turkey's actions")."""
    root = span.root
    if _taken_place(root):
        return False  # "Gaza was captured", "Bosnia is patrolled by NATO troops"
    if root.dep_ == "compound" and root.head.dep_ == "pobj" and root.head.head.lower_ in LOCATIVE \
            and root.head.lower_ not in ACTOR_NOUNS:
        return False  # "died in a Paris hospital", "killed outside a Lahore court" (not "the U.S. embassy")
    if root.dep_ == "compound" and root.head.lower_ in LOCAL_FORCES and root.head.i == span.end:
        return False  # "Dallas police shot": a town's police act in it
    if root.dep_ in ACTOR_DEPS:
        return True
    if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in SPEECH:
        return True  # "asked the United States to press Israel": the one spoken to
    if root.dep_ == "poss" and root.head.dep_ in ACTOR_DEPS and root.head.lower_ not in FRAME_NOUNS:
        return True  # "Turkey's actions were ..."; but "in Pakistan's city of Parachinar" places
    if root.dep_ == "compound" and root.head.dep_ in ACTOR_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.lower_ not in FRAME_NOUNS
    # Part of an actor's name ("the Gainesville Police"), not a place in a phrase of it ("troops in Gaza").
    start, end = span.start_char, span.end_char
    if root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    return any(a.start <= start and end <= a.end and a.end - a.start > end - start for a in coded.actors)


_PRECISION_RANK = {"finer": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1, "region": 0}


def _finer(a: Place, b: Place) -> bool:
    """Whether ``a`` is more precise than ``b``: in "the West Bank city of Nablus", Nablus."""
    return _PRECISION_RANK.get(a.precision or "finer", 5) > _PRECISION_RANK.get(b.precision or "finer", 5)


def _dateline_place(trigger: Token, coded: CodedArticle) -> Place | None:
    """The dateline's place, for an event in a sentence that names no place at all.

    Only when no actor of the sentence belongs to another country than the dateline's: a
    foreign leader's statement reported from Cairo did not happen in Cairo.
    """
    place = coded.dateline_place
    if place is None:
        return None
    sent = sentence_of(trigger)
    for actor in coded.actors:
        if sent.start_char <= actor.start < sent.end_char and actor.country and place.country \
                and actor.country != place.country:
            return None
    return place
