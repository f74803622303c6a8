"""In-article coreference for actor mentions: surnames, pronouns and definite descriptions.

"Khalifa Haftar ... Haftar ... he ... the commander" become one entity. The rules are the
ones news prose follows: a surname repeats a person named earlier; "he"/"she" is the most
recent person, preferably a subject; "they" the most recent group; "it" the most recent
organisation or country; "the army" an army named before. A titled person or a definite
role with no country takes the country of the latest actor of the same sector ("Brig. X"
in an article about the LNA).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors_kb import ActorKnowledge, make_code, name_key
from ..model import Actor
from .actor_words import from_elsewhere, role_sector, said_local
from .tokens import children_of, sentence_of, span_text

PERSONAL = {"he", "him", "his", "she", "her"}
PLURAL = {"they", "them", "their"}
NEUTER = {"it", "its"}
PRONOUNS = PERSONAL | PLURAL | NEUTER
ARABIC_ARTICLES = ("al ", "el ", "ad ", "as ", "an ", "ar ", "at ")
WINDOW = 3  # sentences a pronoun looks back
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Organs that act at home: unnamed, they are most likely of the country the story is filed from.
HOME_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Sectors of private people and firms.
PRIVATE_SECTORS = frozenset({"BUS", "CVL", "EDU", "MED", "JRN", "REL", "AGR", "LAB", "REF"})
# Words that make armed forces a state's own: "government troops", "federal forces".
STATE_FORCE_WORDS = frozenset({"government", "federal", "state", "regime", "national", "pro-government"})
# Words for a state's government as a whole: "the junta" after "Mali's transitional government" is
# that government, whoever else was named between them.
GOVERNMENTS = frozenset({"government", "junta", "regime", "administration", "authorities", "authority",
                         "cabinet", "presidency", "leadership"})


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS and token.pos_ == "PRON"


@dataclass
class _Mention:
    actor: Actor
    sent: int  # sentence start token, for the look-back window
    order: int
    kind: str
    subject: bool
    plural: bool
    head_lemma: str


class Antecedents:
    """Mentions seen so far in an article, and the entities they belong to."""

    def __init__(self, kb: ActorKnowledge, home: str | None = None) -> None:
        self.kb = kb
        self.home = home  # the dateline's country: where unplaced officials most likely serve
        self.mentions: list[_Mention] = []
        self.by_sentence: dict[int, list[_Mention]] = {}  # sentence start -> its mentions, in order
        self.by_surname: dict[str, Actor] = {}
        self.by_name: dict[str, Actor] = {}  # countries, capitals, organisations: one entity each
        self.sentences: list[int] = []
        self.next_entity = 0

    def add(self, span: Span, resolved, head: Token) -> Actor:
        """Record a mention, joining an earlier entity where it continues one; returns the Actor."""
        actor = Actor(text=span_text(span), start=span.start_char, end=span.end_char, name=resolved.name,
                      country=resolved.country, sector=resolved.sector,
                      code=resolved.code or make_code(resolved.country, resolved.sector))
        earlier = self._earlier(resolved, head)
        if earlier is not None:
            actor = Actor(text=actor.text, start=actor.start, end=actor.end, name=earlier.name,
                          country=actor.country or earlier.country, sector=actor.sector or earlier.sector,
                          code=actor.code if actor.country else earlier.code, entity=earlier.entity)
            if actor.country is None:  # "the army" after an unplaced "army": placed by context now
                actor = self._with_context(actor, resolved, head)
        else:
            actor = self._with_context(actor, resolved, head)
            actor = Actor(**{**_fields(actor), "entity": self._new_entity()})
        if resolved.kind == "person":
            for key in _person_keys(resolved.name):
                self.by_surname[key] = actor
        elif resolved.entry is not None:
            self.by_name.setdefault(resolved.entry.name + "|" + (resolved.code or ""), actor)
        self._remember(actor, resolved.kind, head)
        return actor

    def resolve_pronoun(self, token: Token) -> list[Actor]:
        """The antecedent(s) of a pronoun, or [] if none is clear."""
        word = token.lower_
        window = self._window(token)
        if word in PERSONAL:
            found = self._latest(window, lambda m: m.kind == "person", prefer_subject=True)
        elif word in PLURAL:
            found = self._latest(window, lambda m: m.plural and m.kind in ("role", "org", "country"),
                                 prefer_subject=True, group=True)
        else:
            found = self._latest(window[-2:] if len(window) > 1 else window,
                                 lambda m: m.kind in ("org", "country", "capital", "gov")
                                 or m.kind == "role" and not m.plural, prefer_subject=True)
        return found

    # -- internals -------------------------------------------------------------------------------

    def remember_pronoun(self, actor: Actor, token: Token) -> None:
        """A resolved pronoun is a mention too: "He said ... he added" chains through it."""
        self._remember(actor, "person" if token.lower_ in PERSONAL else "pronoun", token)

    def _earlier(self, resolved, head: Token) -> Actor | None:
        if resolved.entry is not None and resolved.kind != "person":
            return self.by_name.get(resolved.entry.name + "|" + (resolved.code or ""))
        if resolved.kind == "person":
            for key in _person_keys(resolved.name):
                if key in self.by_surname:
                    return self.by_surname[key]
            return None
        if resolved.kind == "role" and _definite(head) and not resolved.country:
            # the same role named before ("the government" after "Ethiopia's government", "the junta"
            # after "Mali's transitional government"), else the latest person or body of its sector
            lemma = head.lemma_.lower()
            same = {lemma} | (GOVERNMENTS if lemma in GOVERNMENTS else set())
            return next((m.actor for m in reversed(self.mentions) if m.head_lemma in same), None) or next(
                (m.actor for m in reversed(self.mentions) if resolved.sector and m.actor.sector == resolved.sector
                 and m.kind in ("person", "org")), None)
        return None

    def _with_context(self, actor: Actor, resolved, head: Token) -> Actor:
        """A titled official or definite role with no country takes one from context.

        First an actor of the same sector named before in the article ("Brig. X" after "the LNA"),
        then, for state offices, the country the sentence is about ("President Dos Santos
        conceded to demands from UNITA").
        """
        if actor.country or not actor.sector or actor.code and actor.code[:3] in ("IGO", "NGO", "IMG") \
                or from_elsewhere(actor.text):
            return actor  # ("European diplomats" in a story from Tehran are not Iranian)
        home_organ = actor.sector in HOME_SECTORS or actor.sector == "MIL" and any(
            c.dep_ in ("amod", "compound") and c.lower_ in STATE_FORCE_WORDS for c in children_of(head))
        if resolved.kind == "role" and not _definite(head) and home_organ and self.home and not said_local(actor.text):
            # "Police fired tear gas", "authorities said": in a story filed from Nairobi, Kenya's
            return Actor(**{**_fields(actor), "country": self.home, "code": make_code(self.home, actor.sector)})
        if resolved.kind not in ("person",) and not (resolved.kind == "role" and _definite(head)):
            return actor
        # (the latest such actor that was a subject first: "The Philippine foreign ministry summoned China's
        # ambassador ..., spokeswoman Teresa Lim said" is the ministry's spokeswoman)
        same = [m for m in reversed(self.mentions) if m.actor.sector == actor.sector and m.actor.country]
        country = next((m.actor.country for m in same if m.subject), None) or next(
            (m.actor.country for m in same), None)
        if country is None and actor.sector in STATE_SECTORS:
            country = self._sentence_country(head) or self.home
        if country is None:
            return actor
        return Actor(**{**_fields(actor), "country": country, "code": make_code(country, actor.sector)})

    def _sentence_country(self, head: Token) -> str | None:
        sent = sentence_of(head)
        countries = {self.kb.country_of(t.text) for t in sent
                     if self.kb.country_of(t.text) and not self._private(t)}
        countries |= {m.actor.country for m in self.mentions if m.sent == sent.start and m.actor.country}
        return countries.pop() if len(countries) == 1 else None

    def _private(self, word: Token) -> bool:
        """Does the country word only say where a firm or people are from ("bribes from a Chinese firm",
        "Chinese tourists")? Those are no sign of the state the sentence is about."""
        if word.dep_ not in ("amod", "compound") or word.head.pos_ != "NOUN":
            return False
        return role_sector(self.kb, word.head, alone=True) in PRIVATE_SECTORS

    def _remember(self, actor: Actor, kind: str, head: Token) -> None:
        sent = sentence_of(head).start
        if not self.sentences or self.sentences[-1] != sent:
            self.sentences.append(sent)
        plural = head.tag_ in ("NNS", "NNPS") or kind in ("country", "org", "capital", "gov")
        mention = _Mention(actor, sent, len(self.mentions), kind, head.dep_ in ("nsubj", "nsubjpass"), plural,
                           head.lemma_.lower())
        self.mentions.append(mention)
        self.by_sentence.setdefault(sent, []).append(mention)

    def _window(self, token: Token) -> list[list[_Mention]]:
        """Mentions before the token, grouped by sentence, the last WINDOW sentences."""
        here = sentence_of(token).start
        starts = [s for s in self.sentences if s <= here][-WINDOW:]
        return [[m for m in self.by_sentence.get(start, ()) if start < here or m.actor.start < token.idx]
                for start in starts]

    def _latest(self, window, accept, prefer_subject: bool, group: bool = False) -> list[Actor]:
        for sentence in reversed(window):
            candidates = [m for m in sentence if accept(m)]
            if not candidates:
                continue
            chosen = next((m for m in reversed(candidates) if m.subject), None) if prefer_subject else None
            chosen = chosen or candidates[-1]
            if group:  # "their countries" after "Hungarian and Romanian officials": both
                return [m.actor for m in candidates if m.actor.end == chosen.actor.end]
            return [chosen.actor]
        return []

    def _new_entity(self) -> int:
        self.next_entity += 1
        return self.next_entity


def _person_keys(name: str) -> list[str]:
    """Keys a later mention of the person may use: the full name and the surname."""
    key = name_key(name)
    keys = [key]
    for article in ARABIC_ARTICLES:
        if key.startswith(article):
            keys.append(key[len(article):])
    words = key.split()
    if len(words) > 1:
        keys.append(words[-1])
        if len(words) > 2 and words[-2] in ("al", "el", "bin", "ben", "abu", "de", "van", "von"):
            keys.append(" ".join(words[-2:]))
    return keys


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children_of(head))


def _fields(actor: Actor) -> dict:
    return {"text": actor.text, "start": actor.start, "end": actor.end, "name": actor.name,
            "country": actor.country, "sector": actor.sector, "code": actor.code, "entity": actor.entity}
