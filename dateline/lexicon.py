"""The event lexicon: which words report which events, compiled once for fast matching.

Loaded from dateline's data files (``data/events/verbs.yaml``, ``nouns.yaml`` and
``grammar.yaml``); see those files for the pattern notation. Matching a token costs one
dict lookup plus a check of its few children.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Token

from .ontology import cameo, frame_table
from .settings import Settings
from .stages.tokens import children_of, doc_memo

_PATTERN_WORD = re.compile(r"[^\s{]*\{[^}]*\}|\S+")
# Key of patterns for uses of trigger words that report no event ("kick off", "hail from").
NOT_AN_EVENT = "-"
# Object word that stands for any named place: "captured {@place}" (Kabul, East Jerusalem, 70% of Bosnia).
PLACE = "@place"
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "governorate", "county",
                         "capital", "port", "island", "enclave", "suburb", "neighbourhood", "neighborhood"})
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")

MAX_REMEMBERED_FORMS = 100_000  # word forms whose senses are kept (about 20 MB) before starting afresh


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word with the modifiers it must have: "martial law", "state of emergency"."""

    head: str
    modifiers: tuple[str, ...] = ()
    of: str | None = None  # the object of its "of" phrase

    def matches(self, token: Token) -> bool:
        if self.head == "*":  # any object at all: "strike {*}" is an attack, "strike" alone a walkout
            return True
        if self.head == PLACE:
            return is_place_phrase(token)
        if token.lemma_.lower() != self.head and token.lower_ != self.head:
            return False
        return qualified(token, self.modifiers, self.of)


def qualified(token: Token, modifiers: tuple[str, ...], of: str | None) -> bool:
    """Does the word have these modifiers before it and this word in its "of" phrase?"""
    if modifiers:
        # (with the modifiers' own compounds: "air" in "air defence system" hangs on "defence")
        lefts = {w for c in children_of(token) if c.i < token.i
                 for m in (c, *(g for g in children_of(c) if g.dep_ == "compound" and g.i < c.i))
                 for w in (m.lower_, m.lemma_.lower())}
        if not all(m in lefts for m in modifiers):
            return False
    if of:
        return any(c.lower_ == "of" and any(g.lemma_.lower() == of or g.lower_ == of for g in children_of(c))
                   for c in children_of(token))
    return True


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a trigger word: its CAMEO code, PLOVER type and mode, and its conditions."""

    code: str
    plover: str
    mode: str | None
    pattern: str
    kind: str  # verb, event (a noun that reports an event), content (a noun that names one)
    particles: tuple[str, ...] = ()
    objects: tuple[Phrase, ...] = ()
    preps: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()
    modifiers: tuple[str, ...] = ()  # nouns: "hunger" in "hunger strike"
    of: str | None = None

    @property
    def specificity(self) -> int:
        objects = 0 if not self.objects else 1 if self.objects[0].head == "*" else 2
        return len(self.particles) + objects + 2 * len(self.preps) + len(self.modifiers) + bool(self.of)

    def thing(self, token: Token, objects: list[Token]) -> Token | None:
        """The object this sense names ("talks" in "held talks with X"): what is done, not to whom."""
        return next((c for c in objects for p in self.objects if p.matches(c)), None)

    def detail(self, objects: list[Token]) -> int:
        """How much of the text a match uses: "send {humanitarian aid}" beats "send {aid}"."""
        return max((len(p.modifiers) + bool(p.of) for c in objects for p in self.objects if p.matches(c)),
                   default=0)

    def matches(self, token: Token, objects: list[Token]) -> bool:
        children = children_of(token) if self.particles or self.preps else ()
        # A phrasal verb's particle follows it closely ("called for", "broke off") or right after its object
        # ("forced the agency, UNHCR, out"); an adverb may stand just before it ("sexually abused").
        for word in self.particles:
            if not any(c.lower_ == word and c.dep_ in ("prt", "prep", "agent", "advmod", "dative")
                       and (0 < c.i - token.i <= 3 or c.dep_ == "advmod" and -2 <= c.i - token.i < 0
                            or word in SPLIT_PARTICLES and c.i in _object_ends(children))
                       for c in children):
                return False
        if self.objects and not any(p.matches(c) for c in objects for p in self.objects):
            return False
        for prep, phrases in self.preps:
            if not any(c.lower_ == prep and any(p.matches(g) for g in children_of(c) for p in phrases)
                       for c in children if c.dep_ in ("prep", "agent", "dative", "prt")):
                return False
        return qualified(token, self.modifiers, self.of)  # "hunger strike", "state of emergency"


# Particles that may follow a phrasal verb's object: "kicked the envoy out", "called the talks off".
SPLIT_PARTICLES = frozenset({"out", "off", "back", "away", "up", "down"})


def _object_ends(children: list[Token]) -> set[int]:
    """Where the verb's direct objects end: a split particle stands right there."""
    return {c.right_edge.i + 1 for c in children if c.dep_ == "dobj"}


class EventLexicon:
    """Trigger words and the grammar words the event coder needs."""

    def __init__(self, verbs: dict[str, list[Sense]], nouns: dict[str, list[Sense]], grammar: dict,
                 idioms: dict[str, list[tuple[tuple[str, ...], Sense]]] | None = None) -> None:
        # Most specific senses first, so the first match is the best one.
        self.verbs = {k: tuple(sorted(v, key=lambda s: -s.specificity)) for k, v in verbs.items()}
        self.nouns = {k: tuple(sorted(v, key=lambda s: -s.specificity)) for k, v in nouns.items()}
        self.grammar = {k: frozenset(v) for k, v in grammar.items()}
        # First word's lemma -> (the other words, longest first; the sense): "take" -> ("a", "swipe", "at").
        self.idioms = {k: sorted(v, key=lambda x: -len(x[0])) for k, v in (idioms or {}).items()}
        # A word form's senses, by (verbal?, lemma id, lowercase id): looked up once per form.
        self._by_word: dict[tuple[bool, int, int], tuple[tuple[Sense, ...] | None, bool]] = {}

    @classmethod
    def load(cls, settings: Settings | None = None) -> EventLexicon:
        return _load()

    def match(self, token: Token) -> Sense | None:
        """The best sense of a token as an event trigger, or None."""
        senses = doc_memo(token.doc, "senses")  # (the coder asks about a word several times)
        i = token.i
        if i not in senses:
            senses[i] = self._match(token)
        return senses[i]

    def _match(self, token: Token) -> Sense | None:
        pos = token.pos  # (ids, not strings: spaCy looks each string up anew)
        if pos == VERB or pos == AUX and token.lemma_ != "be":
            verbal = True
        elif pos == NOUN or pos == PROPN:
            verbal = False
        else:
            return None
        key = (verbal, token.lemma, token.lower)
        found = self._by_word.get(key)
        if found is None:
            if len(self._by_word) >= MAX_REMEMBERED_FORMS:  # a corpus's vocabulary has no end
                self._by_word.clear()
            found = self._by_word[key] = self._senses(verbal, token.lemma_, token.lower_)
        senses, has_objects = found
        if not senses:
            return None
        objects = self.objects(token) if has_objects else []
        best = self._best(token, senses, objects)
        return None if best is None or best.code == NOT_AN_EVENT else best

    def _senses(self, verbal: bool, lemma: str, word: str) -> tuple[tuple[Sense, ...] | None, bool]:
        """A word's senses as a verb or a noun, and whether any of them needs objects."""
        if verbal:
            senses = self.verbs.get(lemma.lower()) or next(
                (self.verbs[k] for k in _verb_keys(lemma, word) if k in self.verbs), None)
        else:
            senses = self.nouns.get(lemma.lower()) or self.nouns.get(word)
        return senses, any(s.objects for s in senses or ())

    @staticmethod
    def _best(token: Token, senses: tuple[Sense, ...], objects: list[Token]) -> Sense | None:
        best, rank = None, None
        for sense in senses:  # most specific first; among equals, the one that uses more words
            if rank is not None and sense.specificity < rank[0]:
                break
            if sense.matches(token, objects):
                this = (sense.specificity, sense.detail(objects))
                if rank is None or this > rank:
                    best, rank = sense, this
        return best

    def idiom(self, token: Token) -> tuple[Sense, int] | None:
        """The fixed expression starting at the token, if any: its sense and its length in words."""
        entries = self.idioms.get(token.lemma_.lower())
        if not entries:
            return None
        doc = token.doc
        for rest, sense in entries:
            end = token.i + 1 + len(rest)
            if end <= len(doc) and all(doc[token.i + 1 + k].lower_ == word for k, word in enumerate(rest)):
                return sense, len(rest) + 1
        return None

    def thing(self, token: Token, sense: Sense) -> Token | None:
        """The object a sense's pattern names, if it names one."""
        return sense.thing(token, self.objects(token)) if sense.objects else None

    def lemma(self, token: Token) -> str:
        """A verb's lemma as the lexicon knows it (the tagger's lemma is sometimes wrong: "staged" -> "stag")."""
        return next((k for k in verb_keys(token) if k in self.verbs or k in self.grammar["support_verbs"]),
                    token.lemma_.lower())

    def objects(self, token: Token) -> list[Token]:
        """A verb's objects, looking through measures and frames: "700 kg of medicine", "mediation efforts"."""
        known = doc_memo(token.doc, "objects")  # (the matcher and the coder both ask)
        key = (token.i, self)
        if key not in known:
            known[key] = self._objects(token)
        return list(known[key])

    def _objects(self, token: Token) -> list[Token]:
        measure, light = self.grammar["measure_nouns"], self.grammar["light_nouns"]
        found = []
        for child in children_of(token):
            if child.dep_ in ("ccomp", "xcomp"):  # "allowed inspectors to visit": whom it allowed
                found += [g for g in children_of(child) if g.dep_ == "nsubj"]
            if child.dep_ not in OBJECT_DEPS:
                continue
            found.append(child)
            lemma = child.lemma_.lower()
            if lemma in measure or child.pos_ == "NUM" or child.lower_ == "$":  # "700 kg of", "$10 million in"
                found += [g for c in children_of(child) if c.lower_ in ("of", "in")
                          for g in children_of(c) if g.dep_ == "pobj"]
            if lemma in light:
                found += [c for c in children_of(child) if c.dep_ in ("compound", "amod", "nmod")]
        return found

    def words(self, name: str) -> frozenset[str]:
        return self.grammar[name]


def is_place_phrase(token: Token) -> bool:
    """Does the phrase name a place: "Kabul", "East Jerusalem", "70 percent of Bosnia", "the east of Congo"?"""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    if token.lemma_.lower() in PLACE_NOUNS:  # "the town of Marinka", "the Aleppo Governorate"
        return any(c.dep_ == "compound" and c.pos_ == "PROPN" or c.lower_ == "of" for c in token.children)
    return any(c.lower_ == "of" and any(g.ent_type_ in PLACE_ENTITIES for g in c.children) for c in token.children)


def verb_keys(token: Token) -> list[str]:
    """The tagger's lemma, then the word itself with regular endings taken off."""
    return _verb_keys(token.lemma_, token.lower_)


def _verb_keys(lemma: str, word: str) -> list[str]:
    keys = [lemma.lower(), word]
    if word.endswith("ed"):
        keys += [word[:-1], word[:-2], word[:-3]]  # staged, walked, stopped
    elif word.endswith("ing"):
        keys += [word[:-3] + "e", word[:-3], word[:-4]]  # staging, walking, stopping
    elif word.endswith("s"):
        keys += [word[:-1], word[:-2]]
    return keys


@functools.cache
def _load() -> EventLexicon:
    data = resources.files("dateline").joinpath("data/events")
    verbs: dict[str, list[Sense]] = {}
    for key, patterns in yaml.safe_load(data.joinpath("verbs.yaml").read_text("utf-8")).items():
        for pattern in patterns:
            sense = _verb_sense(str(key), pattern)
            verbs.setdefault(sense.pattern.split()[0], []).append(sense)
    nouns: dict[str, list[Sense]] = {}
    noun_table = yaml.safe_load(data.joinpath("nouns.yaml").read_text("utf-8"))
    for kind in ("events", "content"):
        for key, patterns in noun_table[kind].items():
            for pattern in patterns:
                sense = _noun_sense(str(key), pattern, "event" if kind == "events" else "content")
                nouns.setdefault(sense.pattern.split(" of ")[0].split()[-1], []).append(sense)
    grammar = yaml.safe_load(data.joinpath("grammar.yaml").read_text("utf-8"))
    idioms: dict[str, list[tuple[tuple[str, ...], Sense]]] = {}
    for key, phrases in yaml.safe_load(data.joinpath("idioms.yaml").read_text("utf-8")).items():
        for phrase in phrases:
            first, *rest = phrase.lower().split()
            idioms.setdefault(first, []).append((tuple(rest), _verb_sense(str(key), first)))
    frame_table()  # check the frame refinements now, not in the middle of an article
    return EventLexicon(verbs, nouns, grammar, idioms)


def _code_fields(key: str) -> tuple[str, str, str | None]:
    """"190", or "0831 RETREAT resign": code, PLOVER type, mode (the code's own unless given)."""
    if key == NOT_AN_EVENT:
        return NOT_AN_EVENT, NOT_AN_EVENT, None
    parts = key.split()
    record = cameo(parts[0])
    plover = parts[1] if len(parts) > 1 else record.plover
    mode = parts[2] if len(parts) > 2 else record.mode if len(parts) == 1 else None
    if plover is None:
        raise ValueError(f"lexicon: code {parts[0]} has no PLOVER type and cannot be emitted")
    return parts[0], plover, mode


def _verb_sense(key: str, pattern: str) -> Sense:
    code, plover, mode = _code_fields(key)
    words = _PATTERN_WORD.findall(pattern)
    particles, objects, preps = [], (), []
    for word in words[1:]:
        if word.startswith("{"):
            objects = _phrases(word)
        elif ":{" in word:
            prep, _, alts = word.partition(":")
            preps.append((prep, _phrases(alts)))
        else:
            particles.append(word)
    return Sense(code, plover, mode, pattern, "verb", tuple(particles), objects, tuple(preps))


def _noun_sense(key: str, pattern: str, kind: str) -> Sense:
    code, plover, mode = _code_fields(key)
    phrase = _phrase(pattern)
    return Sense(code, plover, mode, pattern, kind, modifiers=phrase.modifiers, of=phrase.of)


def _phrases(alternatives: str) -> tuple[Phrase, ...]:
    return tuple(_phrase(a) for a in alternatives.strip("{}").split("|"))


def _phrase(text: str) -> Phrase:
    left, _, of = text.strip().partition(" of ")
    words = left.split()
    return Phrase(words[-1], tuple(words[:-1]), of.strip() or None)
