"""Peoples as actors: ethnic groups and minorities, placed where their sentence says they live.

"Karen rebels" are Burmese, "Hutu militias" in a sentence about Burundi are Burundian,
"ethnic Albanians in Macedonia" Macedonian; the table (``data/actors/ethnic_groups.yaml``)
lists where each group mostly lives, the usual country first.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors_kb import ActorKnowledge, Entry, name_key
from .tokens import sentence_of


class Peoples:
    """Ethnic groups in one article, and the countries its sentences name."""

    def __init__(self, kb: ActorKnowledge, matches: dict[int, tuple[int, int, tuple[Entry, ...]]],
                 lead: range) -> None:
        self.kb, self.matches, self.lead = kb, matches, lead
        self.named: dict[int, set[str]] = {}  # sentence start -> countries it names

    def is_group(self, token: Token, name_words: int, known: bool) -> bool:
        """Is the word an ethnic group: "Kurds", "Tamils", or a name like "Karen" the tagger took for a person?"""
        if known or not token.text[:1].isupper() or name_key(token.text) not in self.kb.ethnic:
            return False
        return token.tag_ in ("NNS", "NNPS") or token.pos_ == "PROPN" and name_words == 1

    def country(self, token: Token, minority: bool = False) -> str | None:
        """Where the group the word names lives: the country its sentence names, else (not for
        minorities, who are "ethnic" because they live elsewhere) the usual one."""
        table = self.kb.minorities if minority else self.kb.ethnic
        countries = table.get(name_key(token.text))
        if not countries or not token.text[:1].isupper():
            return None
        named = self._named(sentence_of(token))
        return next((c for c in countries if c in named), None if minority else countries[0])

    def _named(self, sent: Span) -> set[str]:
        if sent.start not in self.named:
            found = {self.kb.country_of(t.text) for t in sent if t.pos_ in ("ADJ", "PROPN", "NOUN")
                     and t.i not in self.lead}
            found |= {entries[0].roles[0].country for start, _end, entries in self.matches.values()
                      if sent.start <= start < sent.end and entries[0].is_state and start not in self.lead}
            self.named[sent.start] = found - {None}
        return self.named[sent.start]
