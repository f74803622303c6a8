"""Public statements: CAMEO's root 01, which PLOVER leaves out.

CAMEO, and the datasets coded in it (GDELT, ICEWS), count "X said ...", "X spoke at a news
conference", "X declined to comment" as events: 010 make a statement, 011 decline to comment,
012 and 013 pessimistic and optimistic comment, 015 acknowledge responsibility. PLOVER has
no type for them, so a statement's ``event_type`` is STATEMENT; its CAMEO code says which.
The ``statements`` setting turns them off for PLOVER-only data.

A statement is coded when an actor is its speaker and the speech is the sentence's own news:
- not when it only attributes the act the sentence reports ("three soldiers were killed,
  officials said": the killing is the event, the officials its source);
- not when the speech verb is itself a coded act ("warned", "accused") or explains one
  ("ridiculed the call, saying ...": the ridicule is the event);
- not when what the speaker says is the speaker's own coded act: "X said it would send
  troops" is X's intent (CAMEO codes the statement by what it commits to); what others did,
  reported by the speaker, leaves the statement standing ("prosecutors said a man was
  detained": the statement, and the detention);
- not when it is background ("the man who said", "after he said").

Its confidence is high: the act is the speech verb itself and its speaker is named.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from ..lexicon import EventLexicon
from ..model import Actor, CodedArticle
from .event_context import is_habit, out_of_date, stale
from .event_syntax import ActorIndex, is_passive, modality, sources_of
from .tokens import children_of, doc_memo, doc_tokens, in_span

MAKE_STATEMENT = "010"
DECLINE_COMMENT = "011"
PESSIMISTIC = "012"
OPTIMISTIC = "013"
ACKNOWLEDGE = "015"
# Clauses a speech verb may head and still be the sentence's news: the main clause, or a clause
# joined to it (not "the man who said", "after he said").
MAIN_DEPS = frozenset({"ROOT", "conj"})
# Clauses that say what was said.
SAID_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Verbs of saying whose object is whom they address: "told reporters", "assured Iran that".
ADDRESSING = frozenset({"tell", "inform", "assure", "remind"})
# Sectors whose statements are political events (not civilians, clergy, teachers, business, media).
POLITICAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "OPP", "REB", "SPY", "UAF", "PRM", "PTY",
                       "IGO", "NGO", "IMG", "LAB", "HRI", "SEP", "INS"})
# Words of labour organisations, whose statements are political (a worker's alone are not).
LABOUR_BODIES = ("union", "confederation", "federation", "syndicate", "congress")
# Sectors that speak for their state.
STATE_VOICES = frozenset({"GOV", "MIL", "LEG", "ELI"})


class Statement(NamedTuple):
    word: Token  # the speech verb, or the noun of "delivered remarks"
    verb: Token  # the clause's verb: the word itself, or "delivered"
    code: str  # CAMEO 01x
    speakers: list[Actor]
    addressees: list[Actor]


class StatementFinder:
    """Finds the statements of a sentence, given the words that already carry coded acts."""

    def __init__(self, lexicon: EventLexicon, index: ActorIndex, coded: CodedArticle) -> None:
        self.lex, self.index, self.coded = lexicon, index, coded
        self.verbs = lexicon.words("statement_verbs")  # a verb, or a verb and its particle ("point out")
        self.nouns = lexicon.words("statement_nouns")
        self.light_verbs = lexicon.words("statement_light_verbs")
        self.optimism = lexicon.words("optimism_words")
        self.pessimism = lexicon.words("pessimism_words")
        self.undisclosed = lexicon.words("undisclosed_words")
        self.admissions = lexicon.words("admission_verbs")
        self.refusals = lexicon.words("failure_verbs")
        self.standing = lexicon.words("standing_speech")

    def find(self, sent: Span, acts: Mapping[int, list[Actor | None]]) -> list[Statement]:
        """The statements of the sentence.

        ``acts`` maps the positions of words that carry coded acts (their triggers and anchors)
        to those acts' doers (None where no doer is named).
        """
        found = []
        tokens = doc_tokens(sent.doc)
        for i in in_span(self._candidates(sent.doc), sent):
            token = tokens[i]
            verb = self._speech_verb(token)
            if verb is None or verb.i in acts or token.i in acts or not self._main(verb, acts):
                continue
            if self._attribution(verb) or self._not_news(verb):
                continue
            speakers = self._speakers(verb)
            code = self._code(verb) if speakers else None
            if code is None or code != ACKNOWLEDGE and self._own_act(verb, speakers, acts):
                continue  # (an admission is about the speaker's own act)
            found.append(Statement(token, verb, code, speakers, self._addressees(verb)))
        return found

    def _candidates(self, doc: Doc) -> list[int]:
        """The article's words whose lemma is a word of speech (listed once per article, without
        making a Token per word)."""
        memo = doc_memo(doc, "speech_words")
        if "found" not in memo:
            ids = {doc.vocab.strings[w.split()[0]] for w in self.verbs | self.nouns}
            memo["found"] = [i for i, lemma in enumerate(doc.to_array(LEMMA).tolist()) if lemma in ids]
        return memo["found"]

    def _speech_verb(self, token: Token) -> Token | None:
        """The verb of a statement this word reports: "said", or "delivers" in "delivers remarks"."""
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and (lemma in self.verbs or any(
                c.dep_ == "prt" and f"{lemma} {c.lower_}" in self.verbs for c in children_of(token))):
            return token
        if token.pos_ == "NOUN" and lemma in self.nouns and token.dep_ == "dobj" \
                and token.head.lemma_.lower() in self.light_verbs:
            return token.head  # "delivers remarks", "issued a statement", "held a news conference"
        return None

    def _main(self, verb: Token, acts: Collection[int]) -> bool:
        """Is the verb the sentence's own news, not background or an act's explanation?"""
        node = verb
        while node.dep_ == "conj":
            node = node.head
            if node.i in acts:
                return False  # "defended the right ... and insisted that ...": one act, told twice
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in self.refusals:
            node = node.head  # "declined to comment"
        # (not "ridiculed the call, saying ...", which explains an act, nor "Speaking at a rally,
        # the president said ...", one statement told twice)
        return node.dep_ in MAIN_DEPS and node.i not in acts

    def _not_news(self, verb: Token) -> bool:
        """A habit, a standing position or history: "has repeatedly said", "China claims the reef",
        "said in 2019"."""
        return is_habit(verb) or stale(verb, self.standing) or out_of_date(verb, self.coded)

    def _attribution(self, verb: Token) -> bool:
        """Does the speech only source what the sentence reports before it ("..., officials said")?

        A speech verb attributes a report when it says nothing after itself and a clause comes
        before its speaker (the parser does not always hang that clause on the verb:
        "PESHAWAR: A drone killed ..., officials said"). A quotation before it is the speaker's
        own words, a statement: "'We will not yield,' the minister said".
        """
        if any(c.dep_ in CLAUSE_DEPS and c.i > verb.i for c in children_of(verb)):
            return False
        clause = verb.head if verb.dep_ == "xcomp" else verb  # "X declined to comment": X's clause
        speaker = _speaker(clause)
        start = min(clause.i, speaker.left_edge.i) if speaker is not None else clause.i
        before = verb.doc[verb.sent.start:start]
        # a quotation closes just before the speaker ('...," the minister said'); scare quotes inside
        # a report ('drove at "unsafe speeds" ..., the sheriff said') do not make it one
        if any(t.is_quote and t.tag_ != "POS" for t in before[-3:]):
            return False
        return any(t.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSE_DEPS and t.head.i == verb.i for t in before)

    def _own_act(self, verb: Token, speakers: list[Actor], acts: Mapping[int, list[Actor | None]]) -> bool:
        """Is what the speaker says, or does by saying it, an act of the speaker's own ("said it
        would send troops", "wrote to Bush urging him to ...", "the minister said Vietnam is
        committed to ...")?"""
        said = [t.i for c in children_of(verb) if c.dep_ not in SUBJECT_DEPS for t in c.subtree]
        return any(_speaks_for(s, doer) for i in said for doer in acts.get(i, ()) for s in speakers)

    def _speakers(self, verb: Token) -> list[Actor]:
        """Who made the statement: states and political actors only; "her mother said", "a teacher
        said" or a name the knowledge base cannot place is a quote, not an event."""
        if is_passive(verb):  # "employees were told", "it should be noted": only "by" names the speaker
            speakers = self.index.in_prep(verb, ("by",))
        elif verb.lemma_.lower() == "quote":  # "Kyodo quoted a source as saying": the source speaks
            speakers = [a for c in children_of(verb) if c.dep_ == "dobj" for a in self.index.at(c)]
        else:
            speakers = self.index.at(_speaker(verb)) or sources_of(self.index, verb)
        return [a for a in speakers if a.sector in POLITICAL and not _lone_worker(a) or a.country and not a.sector]

    def _addressees(self, verb: Token) -> list[Actor]:
        """Whom the speech was addressed to: "told Iran that ...", "Kenyan police were told by ..."."""
        if verb.lemma_.lower() not in ADDRESSING:
            return []
        roles = ("nsubjpass",) if is_passive(verb) else ("dobj", "dative")  # "the police were told by"
        return [a for c in children_of(verb) if c.dep_ in roles for a in self.index.at(c) if a.country or a.sector]

    def _code(self, verb: Token) -> str | None:
        """010 a statement; 011 a refusal to comment, 012/013 gloomy or hopeful, 015 an admission."""
        if modality(verb, self.lex).negated:
            # "declined to comment", "would not reveal": a refusal to comment; "did not say that
            # ..." is no statement
            return DECLINE_COMMENT if verb.lemma_.lower() in self.undisclosed else None
        if verb.lemma_.lower() in self.admissions or verb.lemma_.lower() == "claim" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in children_of(verb)):
            return ACKNOWLEDGE  # "admitted that its troops fired", "claimed responsibility for"
        complement = {verb.lemma_.lower()} | {t.lemma_.lower() for c in children_of(verb) if c.dep_ in SAID_DEPS
                                              for t in c.subtree}
        if complement & self.optimism:
            return OPTIMISTIC
        if complement & self.pessimism:
            return PESSIMISTIC
        return MAKE_STATEMENT


def _lone_worker(actor: Actor) -> bool:
    """A worker quoted on what they saw ("said a dock worker") is no union speaking."""
    return actor.sector == "LAB" and not any(word in actor.text.lower() for word in LABOUR_BODIES)


def _speaker(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearer ("Youths threw stones, officials said": officials)."""
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _speaks_for(speaker: Actor, doer: Actor | None) -> bool:
    """Does the speaker speak for the doer: the same actor, or a voice of the doer's state?"""
    if doer is None:
        return False
    if speaker.entity is not None and speaker.entity == doer.entity:
        return True
    if not doer.country or doer.sector and doer.code != speaker.code:
        return False
    # a state's own voice: its officials, or an official the text gives no country ("the minister
    # said Vietnam is committed to ...")
    return doer.country == speaker.country or not speaker.country and speaker.sector in STATE_VOICES
