"""Which words of a sentence report acts, and which acts are only what another act is about.

A trigger is a word the lexicon knows (a verb, or an event noun carried by a light verb:
"held talks"). A verbal act takes the act in its complement as its content ("threatened to
impose a curfew", "rejected a proposal for a ceasefire"): the content is not an event of its
own but refines the act's code. Reported speech can be an act too: "X said Y must withdraw" is
a demand, "X said Y was undermining peace" an accusation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import ontology
from ..lexicon import NOT_AN_EVENT, EventLexicon, Sense
from .event_syntax import ActorIndex, clause_subject_actors, modality
from .tokens import TRIGGER_POS, children_of, doc_tokens, in_span, words_with_pos

# Dependency links along which one act is what another is about ("agreed to withdraw",
# "demanded the withdrawal of", "rejected a proposal for a ceasefire").
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "compound",
                          "nsubjpass", "advcl"})
# Prepositions of what a protest is against: the act they name is its grievance, not a new report.
GRIEVANCE = frozenset({"against", "over"})
# Marks of a clause that tells how long another act goes on: "fight until they gain control".
UNTIL = frozenset({"until", "till", "unless"})
# Where a participle with a determiner is a noun: "the wounded", "the accused".
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos"})
GENERIC_FRAMES = frozenset({"020", "030", "100", "120", "130", "036"})
# Appeals and demands, and the roots of the conflict acts they may ask for or ask to end.
APPEAL_ROOTS = frozenset({"02", "10"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Speech that is an act: "X said Y must ..." demands it; "X said Y was undermining ..." accuses Y.
DEMAND = Sense("100", "REQUEST", None, "(said ... must)", "verb")
ALLEGATION = Sense("112", "ACCUSE", "allege", "(said ... was undermining)", "verb")
REJECTION = Sense("120", "REJECT", None, "(said ... is out of the question)", "verb")


@dataclass
class Trigger:
    """A word that reports an act, and what the sentence makes of it."""

    token: Token  # the word with the meaning (verb or event noun)
    anchor: Token  # the clause word that carries tense, negation and the subject
    sense: Sense
    code: str
    content: Trigger | None = None
    suppressed: bool = False
    clause: Token | None = None  # a speech act's clause: its subject is the target ("said X must ...")
    undergone: bool = False  # "the base came under attack": the subject is the target
    last: Token | None = None  # the last word of a fixed expression ("at" in "took a swipe at")


class TriggerFinder:
    """Finds a sentence's triggers and links each verbal act to what it is about."""

    def __init__(self, lexicon: EventLexicon, index: ActorIndex) -> None:
        self.lex, self.index = lexicon, index
        self.support = lexicon.words("support_verbs")
        self.reporting = lexicon.words("reporting_verbs")
        self.reporting_nouns = lexicon.words("reporting_nouns")
        self.circumstance = lexicon.words("circumstance_preps")
        self.measure = lexicon.words("measure_nouns")
        self.undergo = lexicon.words("undergo_verbs")
        self._doc, self._words = None, []

    def find(self, sent: Span) -> dict[int, Trigger]:
        """The sentence's triggers, speech acts included, with their contents linked."""
        triggers = self._triggers(sent)
        self._speech_acts(sent, triggers)
        if triggers:
            self._link_content(triggers)
        return triggers

    def _triggers(self, sent: Span) -> dict[int, Trigger]:
        found: dict[int, Trigger] = {}
        inside = -1  # last word of a fixed expression: its words trigger nothing of their own
        doc = sent.doc
        tokens = doc_tokens(doc)
        for i in in_span(self._candidates(doc), sent):
            if i <= inside:
                continue
            token = tokens[i]
            pos = token.pos_
            idiom = self.lex.idiom(token) if pos == "VERB" or pos == "AUX" else None
            if idiom is not None:  # "took a parting shot at": criticism, not gunfire
                sense, length = idiom
                inside = token.i + length - 1
                if sense.code != NOT_AN_EVENT:
                    found[token.i] = Trigger(token, token, sense, sense.code, last=tokens[inside])
                continue
            if token.dep_ == "amod":
                continue  # a participle describing a noun is not a report of an act: "the besieged town"
            if token.tag_ == "VBN" and token.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in children_of(token)):
                continue  # a participle used as a noun names people, not an act: "evacuated the wounded"
            sense = self.lex.match(token)
            if sense is None:
                continue
            anchor, undergone = token, False
            if sense.kind != "verb":
                governor = self.support_verb(token)
                sufferer = self._undergo_verb(token) if governor is None else None
                if governor is not None or sufferer is not None:
                    anchor, undergone = governor or sufferer, sufferer is not None
                elif sense.kind == "content" and not self._is_content_of_frame(token):
                    continue
            found[token.i] = Trigger(token, anchor, sense, sense.code, undergone=undergone)
        # A verb whose own pattern names the noun ("hold {talks}") carries it: the noun is not a second event.
        for trigger in list(found.values()):
            if trigger.anchor.i != trigger.token.i and trigger.anchor.i in found:
                trigger.suppressed = True
        return found

    def _candidates(self, doc) -> list[int]:
        """The article's verbs and nouns (computed once per article)."""
        if self._doc is not doc:
            self._doc, self._words = doc, words_with_pos(doc, TRIGGER_POS)
        return self._words

    def support_verb(self, noun: Token) -> Token | None:
        """The light verb that makes an event noun an act: "held talks", "engaged in fighting"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.measure:
            return self.support_verb(head.head)  # "adopted a package of sanctions"
        if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.head.pos_ == "VERB":
            if head.lower_ in self.circumstance and head.lower_ != "in":
                return None  # "issued after a phone call": the call is when, not what was issued
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "conj"):
            return None
        if noun.dep_ == "conj":
            return self.support_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
        return head if head.pos_ == "VERB" and self.lex.lemma(head) in self.support else None

    def _undergo_verb(self, noun: Token) -> Token | None:
        """The verb whose subject suffers what the noun names: "came under fire", "faced shelling"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "under":
            head = head.head
        elif noun.dep_ != "dobj":
            return None
        return head if head.pos_ == "VERB" and self.lex.lemma(head) in self.undergo else None

    def _is_content_of_frame(self, noun: Token) -> bool:
        node = noun
        for _ in range(4):
            if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
                return False
            node = node.head
            sense = self.lex.match(node)
            if sense is not None:
                return ontology.is_verbal(sense.plover)
        return False

    def _speech_acts(self, sent: Span, triggers: dict[int, Trigger]) -> None:
        """Reported demands and accusations: "said forces must withdraw", "said Turkey was undermining"."""
        doc = sent.doc
        tokens = doc_tokens(doc)
        for i in in_span(self._candidates(doc), sent):
            token = tokens[i]
            pos = token.pos_
            if pos != "VERB" and pos != "NOUN":
                continue
            is_verb = pos == "VERB" and token.lemma_.lower() in self.reporting
            is_noun = pos == "NOUN" and token.lemma_.lower() in self.reporting_nouns
            if not (is_verb or is_noun) or token.i in triggers:
                continue
            clauses = [c for c in children_of(token) if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
            clauses += [g for c in clauses for g in children_of(c) if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")]
            for clause in clauses:
                content = triggers.get(clause.i)
                sense = self._speech_sense(clause, content)
                if sense is None:
                    continue
                if sense is REJECTION:  # "removing the sanctions is out of the question"
                    content = next((t for t in triggers.values() if t.clause is None and any(
                        c.dep_ in ("csubj", "nsubj") and c.is_ancestor(t.anchor) or c.i == t.anchor.i
                        for c in children_of(clause))), None)
                for inner in triggers.values():  # what is demanded or alleged did not happen
                    if clause.is_ancestor(inner.anchor) or inner.anchor.i == clause.i:
                        inner.suppressed = True
                act = Trigger(clause, token, sense, sense.code,
                               content=content if sense is not ALLEGATION else None, clause=clause)
                if act.content is not None:
                    act.code = self._refined(act)
                triggers[-1 - clause.i] = act

    def _speech_sense(self, clause: Token, trigger: Trigger | None) -> Sense | None:
        mood = modality(clause, self.lex)
        if mood.obligation and not mood.negated and clause_subject_actors(self.index, clause):
            return DEMAND
        if clause.lemma_ == "be" and not mood.negated:
            said = " ".join(t.lower_ for t in clause.subtree)
            if any(phrase in said for phrase in self.lex.words("rejection_phrases")):
                return REJECTION
        weak = trigger is None or trigger.code in self.lex.words("allegation_codes")
        if weak and clause.lemma_.lower() in self.lex.words("allegation_predicates") and not mood.negated:
            objects = [c for c in children_of(clause) if c.dep_ == "dobj"]
            if clause_subject_actors(self.index, clause) and not any(self.index.at(o) for o in objects):
                return ALLEGATION
        return None

    def _link_content(self, triggers: dict[int, Trigger]) -> None:
        """A trigger inside a verbal act's complement is what that act is about, not an event."""
        links = []
        for trigger in triggers.values():
            if trigger.clause is not None:
                continue
            found = self._frame_of(trigger, triggers)
            if found is not None:
                links.append((found[1], trigger.token.i, trigger, found[0], found[2]))
        for _distance, _i, trigger, frame, aside in sorted(links, key=lambda x: x[:2]):
            trigger.suppressed = True
            if frame.content is None and not aside:
                frame.content = trigger  # the nearest act is what the frame is about
        self._drop_protest_demands(triggers)
        for trigger in sorted(triggers.values(), key=lambda t: t.token.i):
            if trigger.content is not None and not trigger.suppressed and trigger.clause is None:
                trigger.code = self._refined(trigger)

    def _frame_of(self, trigger: Trigger, triggers: dict[int, Trigger]) -> tuple[Trigger, int, bool] | None:
        """The verbal act this trigger is part of, how far up, and whether it is only a circumstance of it."""
        node = trigger.anchor
        if node.dep_ == "conj" and node.tag_ == "VB" and _infinitive(node.head) and (
                node.head.dep_ in CONTENT_DEPS or node.head.dep_ == "relcl"):
            node = node.head  # "demanded a force to protect them and prevent a war": both what is demanded
        purpose = until = grievance = aim = False
        for distance in range(1, 7):
            # "a force to protect civilians" (read as a relative clause): what the force is for
            if node.dep_ not in CONTENT_DEPS and not (node.dep_ == "relcl" and _infinitive(node)) \
                    or node.head.i == node.i:
                return None
            marks = {c.lower_ for c in children_of(node) if c.dep_ == "mark"} if node.dep_ == "advcl" else set()
            if marks and not marks <= UNTIL:
                return None  # "before", "after", "because" clauses are acts of their own
            until = until or bool(marks)
            purpose = purpose or node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                              for c in children_of(node))
            aim = aim or node.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(node))
            if node.dep_ == "pobj" and node.head.lower_ in self.circumstance or node.lower_ == "according":
                return None  # "offered to negotiate following the invasion"; "according to a statement"
            grievance = grievance or node.dep_ == "pobj" and node.head.lower_ in GRIEVANCE
            node = node.head
            frame = triggers.get(node.i) or next((t for t in triggers.values() if t.anchor.i == node.i
                                                  and t is not trigger and t.clause is None), None)
            if frame is not None and frame is not trigger:
                # Verbal acts are about their complement; a meeting is about its topic ("talks on a truce").
                verbal = ontology.is_verbal(frame.sense.plover) and frame.sense.kind != "event" \
                    or frame.sense.plover == "CONSULT"
                # What a material act is done for is its aim, not a second act ("sent arms to help defend X").
                if frame.sense.plover == trigger.sense.plover == "CONSULT" and any(
                        c.lower_ == "with" for c in children_of(trigger.token)):
                    return None  # "travelled to Cairo for talks with Hamas": talks with someone else
                # "adopted sanctions ..., targeting dozens of officials": whom the sanctions aim at
                aims = trigger.anchor.lemma_.lower() in ("target", "aim") and trigger.anchor.tag_ == "VBG"
                if grievance and frame.sense.plover == "PROTEST" and trigger.token.pos_ == "NOUN":
                    return frame, distance, True  # "protested against the occupation": what it is against
                if (until or aim) and not verbal:
                    # "vowed to fight until they gain control": the gain is vowed too; "accused X of
                    # targeting infrastructure to cut supplies": the cut is alleged too (but "used tear
                    # gas to disperse students" reports the dispersal as well)
                    return (frame, distance, True) if frame is not trigger and self._frame_of(frame, triggers) \
                        else None
                return (frame, distance, until) if verbal or aims or purpose and frame.sense.plover != "PROTEST" \
                    else None
            if node.lemma_.lower() in self.reporting and node.pos_ == "VERB":
                return None  # "X said Y attacked Z": Y's act is reported, not X's
        return None

    def _drop_protest_demands(self, triggers: dict[int, Trigger]) -> None:
        """The demand a protest makes is its topic, not an event of its own (PLOVER)."""
        protests = {t.anchor.i for t in triggers.values() if t.sense.plover == "PROTEST"} | \
            {t.token.i for t in triggers.values() if t.sense.plover == "PROTEST"}
        for trigger in triggers.values():
            if trigger.suppressed or not (trigger.sense.plover == "REQUEST" or trigger.code[:2] == "11"
                                          and trigger.anchor.dep_ in ("advcl", "xcomp")):
                continue  # (what protesters demand or disapprove of, in a purpose clause)
            node = trigger.anchor
            for _ in range(3):
                if node.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "pobj", "relcl") or node.head.i == node.i:
                    break
                node = node.head
                if node.i in protests:
                    trigger.suppressed = True
                    matching = [t for t in triggers.values() if node.i in (t.anchor.i, t.token.i)
                                or t.token.i in {m.anchor.i for m in triggers.values() if m.token.i == node.i}]
                    protest = min(matching, key=lambda t: t.suppressed)  # the one that is coded
                    protest.content = protest.content or trigger  # whom the protest is against
                    break

    def _refined(self, trigger: Trigger) -> str:
        content = trigger.content
        while content.content is not None and content.code in GENERIC_FRAMES:
            content = content.content  # "rejected a proposal for a ceasefire": the ceasefire
        code = self._refined(content) if content.content is not None else content.code
        if trigger.sense.plover == "AGREE" and trigger.code in GENERIC_FRAMES:
            return ontology.future_code(code) or trigger.code  # "vowed to fight" is a threat
        if trigger.code[:2] in APPEAL_ROOTS and code[:2] in CONFLICT_ROOTS and not self._ended(content, trigger):
            return trigger.code  # "called for the arrest of the general": the act asked for, not its end
        return ontology.refine(trigger.code, code)

    def _ended(self, content: Trigger, frame: Trigger) -> bool:
        """Is what the frame asks for the content's end: "an end to the violence", "to stop attacks",
        "not to invade"?"""
        if any(c.dep_ == "neg" for c in children_of(content.anchor)):
            return True
        node = content.token
        for _ in range(8):
            if node.i in (frame.token.i, frame.anchor.i) or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.lex.words("ending_words"):
                return True
        return False


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
