"""Stage: code the events each sentence reports, from its dependency parse.

For every sentence: find the words that report an act (``lexicon``); let a verbal act take
its code from the act it is about ("threatened to impose a curfew", ``ontology.refine``);
read modality (negated, future, hypothetical); turn future cooperation into intent (AGREE)
and future force into threats (THREATEN), as PLOVER asks; find source and target actors by
syntax (``event_syntax``); then one event per (source, target) pair. Statements that are not
acts, and words the lexicon does not know, give nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import ontology
from ..actors_kb import ActorKnowledge, name_key
from ..lexicon import EventLexicon, Sense
from ..location import locate_event
from ..model import Actor, CodedArticle, Event, make_event_id
from ..resources import Resources
from . import dates
from .event_syntax import (
    ActorIndex,
    Modality,
    clause_subject_actors,
    modality,
    sources_of,
    subject,
    targets_of,
)

# Dependency links along which one act is what another is about ("agreed to withdraw",
# "demanded the withdrawal of", "rejected a proposal for a ceasefire").
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "compound",
                          "nsubjpass", "advcl"})
GENERIC_FRAMES = frozenset({"020", "030", "100", "120", "130", "036"})
MIN_CONFIDENCE = 0.4  # below this a reading is more often wrong than right (dev data)
# Speech that is an act: "X said Y must ..." demands it; "X said Y was undermining ..." accuses Y.
DEMAND = Sense("100", "REQUEST", None, "(said ... must)", "verb")
ALLEGATION = Sense("112", "ACCUSE", "allege", "(said ... was undermining)", "verb")
REJECTION = Sense("120", "REJECT", None, "(said ... is out of the question)", "verb")
# Force and pressure made conditional on the other side's conduct are threats ("may halt ... if").
CONDITIONAL_THREATS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"})
# Acts worth coding with only their victims known: "three soldiers were killed", "40 were arrested".
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
VICTIM_SECTORS = frozenset({"CVL", "JRN", "REF", "EDU", "MED", "LAB", "REL", "BUS", "AGR", "CRM"})
# Types that need a recipient (PLOVER manual): without one they are not coded.
NEEDS_TARGET = frozenset({"AID", "COOPERATE", "SANCTION"})


@dataclass
class _Trigger:
    """A word that reports an act, and what the sentence makes of it."""

    token: Token  # the word with the meaning (verb or event noun)
    anchor: Token  # the clause word that carries tense, negation and the subject
    sense: Sense
    code: str
    content: _Trigger | None = None
    suppressed: bool = False
    clause: Token | None = None  # a speech act's clause: its subject is the target ("said X must ...")
    undergone: bool = False  # "the base came under attack": the subject is the target


def code_events(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``coded.events`` from the sentences of the article."""
    coder = _Coder(doc, coded, res.lexicon, res.actors)
    return coded.replace(events=tuple(coder.run()))


class _Coder:
    def __init__(self, doc: Doc, coded: CodedArticle, lexicon: EventLexicon, kb: ActorKnowledge) -> None:
        self.doc, self.coded, self.lex, self.kb = doc, coded, lexicon, kb
        self.index = ActorIndex(doc, coded.actors)
        self.support = lexicon.words("support_verbs")
        self.reporting = lexicon.words("reporting_verbs")
        self.reporting_nouns = lexicon.words("reporting_nouns")
        self.circumstance = lexicon.words("circumstance_preps")
        self.measure = lexicon.words("measure_nouns")
        self.undergo = lexicon.words("undergo_verbs")

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            triggers = self._triggers(sent)
            self._speech_acts(sent, triggers)
            if not triggers:
                continue
            self._link_content(triggers)
            # Background clauses weigh less only beside a main-clause act ("A man died after he was shot").
            self.foreground = any(not t.suppressed and not _background(t.anchor) for t in triggers.values())
            coded = [e for t in triggers.values() if not t.suppressed for e in self._events(t, sent)]
            events.extend(_dedupe(coded))
        return events

    # -- finding triggers ----------------------------------------------------------------------

    def _triggers(self, sent: Span) -> dict[int, _Trigger]:
        found: dict[int, _Trigger] = {}
        for token in sent:
            sense = self.lex.match(token)
            if sense is None:
                continue
            anchor, undergone = token, False
            if sense.kind != "verb":
                governor = self._support_verb(token)
                sufferer = self._undergo_verb(token) if governor is None else None
                if governor is not None or sufferer is not None:
                    anchor, undergone = governor or sufferer, sufferer is not None
                elif sense.kind == "content" and not self._is_content_of_frame(token):
                    continue
            found[token.i] = _Trigger(token, anchor, sense, sense.code, undergone=undergone)
        # A verb whose own pattern names the noun ("hold {talks}") carries it: the noun is not a second event.
        for trigger in list(found.values()):
            if trigger.anchor.i != trigger.token.i and trigger.anchor.i in found:
                trigger.suppressed = True
        return found

    def _support_verb(self, noun: Token) -> Token | None:
        """The light verb that makes an event noun an act: "held talks", "engaged in fighting"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.measure:
            return self._support_verb(head.head)  # "adopted a package of sanctions"
        if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.head.pos_ == "VERB":
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "conj"):
            return None
        if noun.dep_ == "conj":
            return self._support_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
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

    def _speech_acts(self, sent: Span, triggers: dict[int, _Trigger]) -> None:
        """Reported demands and accusations: "said forces must withdraw", "said Turkey was undermining"."""
        for token in sent:
            is_verb = token.pos_ == "VERB" and token.lemma_.lower() in self.reporting
            is_noun = token.pos_ == "NOUN" and token.lemma_.lower() in self.reporting_nouns
            if not (is_verb or is_noun) or token.i in triggers:
                continue
            clauses = [c for c in token.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
            clauses += [g for c in clauses for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")]
            for clause in clauses:
                content = triggers.get(clause.i)
                sense = self._speech_sense(clause, content)
                if sense is None:
                    continue
                if sense is REJECTION:  # "removing the sanctions is out of the question"
                    content = next((t for t in triggers.values() if t.clause is None and any(
                        c.dep_ in ("csubj", "nsubj") and c.is_ancestor(t.anchor) or c.i == t.anchor.i
                        for c in clause.children)), None)
                for inner in triggers.values():  # what is demanded or alleged did not happen
                    if clause.is_ancestor(inner.anchor) or inner.anchor.i == clause.i:
                        inner.suppressed = True
                act = _Trigger(clause, token, sense, sense.code,
                               content=content if sense is not ALLEGATION else None, clause=clause)
                if act.content is not None:
                    act.code = self._refined(act)
                triggers[-1 - clause.i] = act

    def _speech_sense(self, clause: Token, trigger: _Trigger | None) -> Sense | None:
        mood = modality(clause, self.lex)
        if mood.obligation and not mood.negated and clause_subject_actors(self.index, clause):
            return DEMAND
        if clause.lemma_ == "be" and not mood.negated:
            said = " ".join(t.lower_ for t in clause.subtree)
            if any(phrase in said for phrase in self.lex.words("rejection_phrases")):
                return REJECTION
        weak = trigger is None or trigger.code in self.lex.words("allegation_codes")
        if weak and clause.lemma_.lower() in self.lex.words("allegation_predicates") and not mood.negated:
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            if clause_subject_actors(self.index, clause) and not any(self.index.at(o) for o in objects):
                return ALLEGATION
        return None

    # -- what acts are about ---------------------------------------------------------------------

    def _link_content(self, triggers: dict[int, _Trigger]) -> None:
        """A trigger inside a verbal act's complement is what that act is about, not an event."""
        links = []
        for trigger in triggers.values():
            if trigger.clause is not None:
                continue
            found = self._frame_of(trigger, triggers)
            if found is not None:
                links.append((found[1], trigger.token.i, trigger, found[0]))
        for _distance, _i, trigger, frame in sorted(links, key=lambda x: x[:2]):
            trigger.suppressed = True
            if frame.content is None:
                frame.content = trigger  # the nearest act is what the frame is about
        self._drop_protest_demands(triggers)
        for trigger in sorted(triggers.values(), key=lambda t: t.token.i):
            if trigger.content is not None and not trigger.suppressed and trigger.clause is None:
                trigger.code = self._refined(trigger)

    def _frame_of(self, trigger: _Trigger, triggers: dict[int, _Trigger]) -> tuple[_Trigger, int] | None:
        node = trigger.anchor
        for distance in range(1, 7):
            if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
                return None
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return None  # "before", "after", "because" clauses are acts of their own
            if node.dep_ == "pobj" and node.head.lower_ in self.circumstance:
                return None  # "offered to negotiate following the invasion"
            node = node.head
            frame = triggers.get(node.i) or next((t for t in triggers.values() if t.anchor.i == node.i
                                                  and t is not trigger and t.clause is None), None)
            if frame is not None and frame is not trigger:
                # Verbal acts are about their complement; a meeting is about its topic ("talks on a truce").
                verbal = ontology.is_verbal(frame.sense.plover) and frame.sense.kind != "event" \
                    or frame.sense.plover == "CONSULT"
                return (frame, distance) if verbal else None
            if node.lemma_.lower() in self.reporting and node.pos_ == "VERB":
                return None  # "X said Y attacked Z": Y's act is reported, not X's
        return None

    def _drop_protest_demands(self, triggers: dict[int, _Trigger]) -> None:
        """The demand a protest makes is its topic, not an event of its own (PLOVER)."""
        protests = {t.anchor.i for t in triggers.values() if t.sense.plover == "PROTEST"} | \
            {t.token.i for t in triggers.values() if t.sense.plover == "PROTEST"}
        for trigger in triggers.values():
            if trigger.sense.plover != "REQUEST" or trigger.suppressed:
                continue
            node = trigger.anchor
            for _ in range(3):
                if node.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "pobj", "relcl") or node.head.i == node.i:
                    break
                node = node.head
                if node.i in protests:
                    trigger.suppressed = True
                    protest = next(t for t in triggers.values() if node.i in (t.anchor.i, t.token.i))
                    protest.content = protest.content or trigger  # whom the protest is against
                    break

    def _refined(self, trigger: _Trigger) -> str:
        content = trigger.content
        while content.content is not None and content.code in GENERIC_FRAMES:
            content = content.content  # "rejected a proposal for a ceasefire": the ceasefire
        code = self._refined(content) if content.content is not None else content.code
        if trigger.sense.plover == "AGREE" and trigger.code in GENERIC_FRAMES:
            return ontology.future_code(code) or trigger.code  # "vowed to fight" is a threat
        return ontology.refine(trigger.code, code)

    # -- events --------------------------------------------------------------------------------

    def _events(self, trigger: _Trigger, sent: Span) -> list[Event]:
        anchor = trigger.anchor
        mood = modality(anchor, self.lex)
        code, mood = self._adjust(trigger, mood)
        if code is None:
            return []
        record = ontology.cameo(code)
        plover = trigger.sense.plover if code == trigger.sense.code else record.plover
        mode = trigger.sense.mode if code == trigger.sense.code else record.mode
        sources = sources_of(self.index, anchor if trigger.token.pos_ == "VERB" or anchor.i != trigger.token.i
                             else trigger.token) if not trigger.undergone else sources_of(self.index, trigger.token)
        if not sources and anchor.pos_ == "NOUN":  # "issued a stern reminder that ...": who issued it
            verb = self._support_verb(anchor)
            sources = sources_of(self.index, verb) if verb is not None else []
        if trigger.token.i != anchor.i and not sources and trigger.clause is None:
            sources = sources_of(self.index, trigger.token)
        targets = self._targets(trigger, sources)
        if trigger.sense.code == "042" and trigger.sense.particles and not targets:
            return []  # "arrived in" is a visit only when it names whom it visits
        if self._worry(trigger, targets):
            return []  # "warned that the fighting threatens aid": a worry voiced, not a threat made
        if not sources and plover == "PROTEST":  # "a protest was held in Mombasa": people there protested
            sources = [replace(a, sector="CVL", code=a.country + "CVL") for a in self._place_target(trigger)]
        if not sources and targets and not self._suffered(trigger):
            return []  # "the war has displaced millions": no one is said to have done it
        symmetric = (plover in self.lex.words("symmetric_types") or code in self.lex.words("symmetric_codes")) \
            and len(sources) > 1
        if plover in NEEDS_TARGET and not targets and not symmetric:
            return []
        if not sources and not (targets and plover in VICTIM_TYPES):
            return []  # an act nobody is said to have done is news only when someone suffered it
        sources, targets = _domestic(sources, self._victims_place(trigger, targets), plover)
        confidence = self._confidence(trigger, mood, sources, targets)
        if confidence < MIN_CONFIDENCE:
            return []
        return [self._event(trigger, sent, code, plover, mode, src, tgt, mood, confidence)
                for src, tgt in _pairs(sources, targets, symmetric)]

    def _adjust(self, trigger: _Trigger, mood: Modality) -> tuple[str | None, Modality]:
        """Negated acceptance is rejection; future cooperation is intent, future force a threat."""
        code = trigger.code
        lemma = trigger.anchor.lemma_.lower()
        if mood.negated and not mood.past and lemma in self.lex.words("negated_as_reject"):
            return ontology.refine("120", code), replace(mood, negated=False, future=False)
        plover = ontology.cameo(code).plover
        if mood.conditional and (mood.future or mood.hypothetical) and plover in CONDITIONAL_THREATS \
                and not mood.negated:
            return ontology.refine("130", code), replace(mood, future=False, hypothetical=False)
        if code == "042" and trigger.sense.particles:
            code = self._arrival(trigger)
        if mood.future and not mood.negated and not mood.conditioned:
            converted = ontology.future_code(code)
            if converted is not None:
                return converted, replace(mood, future=False)
            return code, replace(mood, hypothetical=True)
        return code, mood

    def _targets(self, trigger: _Trigger, sources: list[Actor]) -> list[Actor]:
        token = trigger.token
        found = clause_subject_actors(self.index, trigger.clause) if trigger.clause is not None else []
        found = found or targets_of(self.index, token, sources, self._things(token, trigger.sense))
        if not found and trigger.anchor.i != token.i:
            found = targets_of(self.index, trigger.anchor, sources, [token] + self.lex.objects(trigger.anchor))
        content = trigger.content
        if len(sources) > 1 and trigger.sense.plover in self.lex.words("symmetric_types"):
            content = None  # "X and Y agreed that their countries should cooperate": between them
        entities = {a.entity for a in sources}
        found = [a for a in found if a.entity is None or a.entity not in entities]
        while not found and content is not None:  # "demanded that Hamas renounce ..."
            found = clause_subject_actors(self.index, content.anchor) if content.anchor.pos_ in ("VERB", "AUX") \
                else sources_of(self.index, content.token)
            found = [a for a in found if a.entity is None or a.entity not in entities] or \
                targets_of(self.index, content.token, sources, self._things(content.token, content.sense))
            if not found and content.token.dep_ == "dobj":  # "threatened to deliver blows to X"
                found = targets_of(self.index, content.token.head, sources, [content.token])
            found = [a for a in found if a.entity is None or a.entity not in entities]
            content = content.content
        if not found and (trigger.sense.plover == "THREATEN" or trigger.code[:2] == "13"):
            found = self._condition_target(trigger, entities)
        if trigger.undergone:  # "the base came under attack": the base
            found = clause_subject_actors(self.index, trigger.anchor)
        if not found and trigger.sense.code == "042" and trigger.sense.particles:
            found = self._destination(trigger)
        if not found and trigger.code in IN_TARGET_CODES:
            found = self.index.in_prep(trigger.anchor, ("in",))
        found = found or self._place_target(trigger)
        if not found and trigger.sense.plover == "PROTEST":
            # Protesters with no named target protest against their own state (PLOVER GSR practice).
            countries = {a.country for a in sources if a.country}
            if len(countries) == 1:  # the state is implied; the protesters' mention is what implies it
                country = countries.pop()
                by = next(a for a in sources if a.country == country)
                found = [Actor(by.text, by.start, by.end, f"{country} (implied)", country, None, country)]
        return found

    def _destination(self, trigger: _Trigger) -> list[Actor]:
        """Whom a trip visits: the government of the capital or country it goes to ("arrived in New Delhi")."""
        for prep in trigger.anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in trigger.sense.particles:
                for obj in prep.children:
                    entries = self.kb.lookup(name_key(obj.text)) if obj.text[:1].isupper() else ()
                    entry = next((e for e in entries if e.kind in ("country", "capital")), None)
                    if entry is not None:
                        span = self.doc[obj.left_edge.i:obj.i + 1]
                        country = entry.roles[0].country
                        return [Actor(span.text, span.start_char, span.end_char, entry.name, country, "GOV",
                                      country + "GOV")]
        return []

    def _worry(self, trigger: _Trigger, targets: list[Actor]) -> bool:
        """A warning is a threat when aimed at someone or it says what the speaker will do."""
        if trigger.anchor.lemma_.lower() not in self.lex.words("warning_verbs") or targets:
            return False
        clauses = [c for c in trigger.anchor.children if c.dep_ == "ccomp"]
        if not clauses:
            return False
        speaker = {a.entity for a in sources_of(self.index, trigger.anchor)}
        return not any({a.entity for a in clause_subject_actors(self.index, c)} & speaker for c in clauses)

    def _suffered(self, trigger: _Trigger) -> bool:
        """Is an act told by its victims alone ("were killed", "the killing of")? Then it needs no doer."""
        anchor = trigger.anchor
        return trigger.undergone or anchor.pos_ in ("NOUN", "PROPN") or any(
            c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children) or subject(anchor) is None

    def _condition_target(self, trigger: _Trigger, sources: set) -> list[Actor]:
        """A threat is aimed at whoever must meet its condition: "... unless Baghdad accepts"."""
        node: _Trigger | None = trigger
        while node is not None:
            for clause in node.anchor.children:
                marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
                if clause.dep_ == "advcl" and marks & self.lex.words("conditional_marks"):
                    found = [a for a in clause_subject_actors(self.index, clause) if a.entity not in sources]
                    if found:
                        return found
            node = node.content
        return []

    def _place_target(self, trigger: _Trigger) -> list[Actor]:
        """A curfew or raid "in Abidjan" is done to the people there (PLOVER GSR practice)."""
        if trigger.code[:2] not in PLACE_TARGET_ROOTS and trigger.code[:3] not in PLACE_TARGET_CODES:
            return []
        heads = [trigger.anchor, trigger.token] + ([trigger.content.anchor] if trigger.content else [])
        preps = PLACE_PREPS_AID if trigger.code[:2] == "07" else PLACE_PREPS
        for head in heads:
            for token in _near(head):
                if token.dep_ != "pobj" or token.head.lower_ not in preps:
                    continue
                country = self._country_of_place(token)
                if country:  # protests are against the state there; force and restrictions hit its people
                    sector = None if trigger.code[:2] == "14" else "CVL"
                    return [Actor(token.text, token.idx, token.idx + len(token.text), token.text, country, sector,
                                  country + (sector or ""))]
        return []

    def _victims_place(self, trigger: _Trigger, targets: list[Actor]) -> list[Actor]:
        """Unnamed victims of force in a place are taken to be of that place ("a journalist ... in Beirut")."""
        if trigger.sense.plover not in VICTIM_TYPES or all(t.country for t in targets):
            return targets
        place = self._place_target(trigger)
        if not place:
            return targets
        country = place[0].country
        return [replace(t, country=country, code=country + (t.sector or ""))
                if not t.country and t.sector in VICTIM_SECTORS and not (t.code or "").startswith(("IGO", "NGO"))
                else t for t in targets]

    def _country_of_place(self, token: Token) -> str | None:
        for place in self.coded.places:
            if place.start <= token.idx < place.end and place.country:
                return place.country
        for entry in self.kb.lookup(name_key(token.text)):
            if entry.kind in ("country", "capital") and token.text[:1].isupper():
                return entry.roles[0].country
        return None

    def _arrival(self, trigger: _Trigger) -> str:
        """Troops arriving somewhere deploy there (peacekeepers: aid); a commander arriving visits."""
        subjects = sources_of(self.index, trigger.anchor)
        units = [a for a in subjects if a.sector in ("MIL", "REB", "PRM") and self._plural(a)]
        if subjects and len(units) == len(subjects):
            words = " ".join(t.lower_ for t in trigger.anchor.subtree)
            return "074" if "peacekeep" in words else "154"
        return "042"

    def _plural(self, actor: Actor) -> bool:
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and span.root.tag_ in ("NNS", "NNPS")

    def _things(self, token: Token, sense: Sense) -> list[Token]:
        """Objects that are what is done ("sent 700 kg of medicine"), not to whom it is done."""
        return self.lex.objects(token) if sense.objects else []

    def _confidence(self, trigger: _Trigger, mood: Modality, sources: list, targets: list) -> float:
        score = 0.55 + 0.08 * min(trigger.sense.specificity, 3)
        if trigger.sense.kind != "verb":
            score -= 0.05 if trigger.anchor.i != trigger.token.i else 0.15
        if trigger.content is not None:
            score += 0.1
        # Attacks are often told by their victims alone ("three soldiers were killed").
        score *= 1.0 if sources and targets else 0.85 if sources else 0.75 if trigger.sense.plover in VICTIM_TYPES \
            else 0.6
        anchor = trigger.anchor
        if _background(anchor) and self.foreground:
            # background: "whom they had taken hostage", "after the attack", "as the opposition threatened"
            pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children)
            score *= 0.6 if pluperfect else 0.7
        if anchor.dep_ in ("pobj", "pcomp") and anchor.head.lower_ in self.circumstance:
            score *= 0.6  # an event named as circumstance: "since last month's invasion"
        if mood.negated or mood.hypothetical:
            score *= 0.8
        return max(0.0, min(1.0, score))

    def _event(self, trigger: _Trigger, sent: Span, code: str, plover: str, mode: str | None,
               source: Actor | None, target: Actor | None, mood: Modality, confidence: float) -> Event:
        article = self.coded.article
        token = trigger.token
        day, precision, value = dates.date_event(trigger.anchor, self.coded)
        text = sent.text
        stripped = text.lstrip()
        start = token.idx
        return Event(
            event_id=make_event_id(article.id, start, plover, source, target),
            article_id=article.id, date=day, date_precision=precision, date_value=value,
            event_type=plover, mode=mode, cameo=code, quad_class=ontology.quad_class(plover),
            intensity=ontology.cameo(code).intensity, source=source, target=target,
            location=locate_event(trigger.anchor, self.coded), sentence=stripped.rstrip(),
            sentence_start=sent.start_char + len(text) - len(stripped), start=start, end=start + len(token.text),
            trigger=token.text, negated=mood.negated, hypothetical=mood.hypothetical,
            confidence=confidence)


# Acts done to a place's people when no one else is named: restrictions, force, concessions.
PLACE_TARGET_ROOTS = frozenset({"07", "15", "17", "18", "19"})
PLACE_PREPS = frozenset({"in", "at", "on", "across", "throughout", "inside"})
PLACE_PREPS_AID = frozenset({"to", "in", "into"})  # aid delivered "to Mekelle" is for the people there
# Acts whose target is where they happen: asylum or refuge "in Germany".
IN_TARGET_CODES = frozenset({"075", "1033"})
PLACE_TARGET_CODES = frozenset({"081", "132", "191", "141", "145"})
# A state's own organs, and the groups inside a state they usually deal with.
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "SPY"})
DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "REB", "EDU", "LAB", "REF", "CRM", "PTY", "MED", "JRN", "REL",
                              "BUS", "AGR", "UAF", "ELI", "SOC", "NGO", "COP", "JUD", "LEG", "GOV", "MIL"})


def _domestic(sources: list[Actor], targets: list[Actor], plover: str) -> tuple[list[Actor], list[Actor]]:
    """An unnamed group facing a state's government, police or courts is taken to be of that state.

    "Turkish police prevented the demonstration staged by students": Turkish students. Armies
    fight abroad, so military force does not imply this.
    """
    def country_of_state(actors: list[Actor]) -> str | None:
        countries = {a.country for a in actors if a.country and (a.sector in STATE_SECTORS or a.sector is None)}
        return countries.pop() if len(countries) == 1 else None

    def fill(actors: list[Actor], country: str | None) -> list[Actor]:
        if country is None:
            return actors
        return [replace(a, country=country, code=country + a.sector)
                if a.country is None and a.sector in DOMESTIC_SECTORS and "foreign" not in a.text.lower().split()
                and not (a.code or "").startswith(("IGO", "NGO", "IMG"))
                else a for a in actors]

    if plover in ("ASSAULT", "MOBILIZE", "AID", "COOPERATE"):
        return sources, targets
    return fill(sources, country_of_state(targets)), fill(targets, country_of_state(sources))


def _background(anchor: Token) -> bool:
    """Is the act told in a relative or adverbial clause ("whom they had taken", "after the attack")?"""
    return anchor.dep_ in ("relcl", "acl") or anchor.dep_ == "advcl" and any(c.dep_ == "mark" for c in anchor.children)


def _near(head: Token, depth: int = 3):
    """Tokens in the clause of ``head``, a few links down, not into other clauses."""
    frontier = [head]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj")]
        yield from frontier


def _pairs(sources: list[Actor], targets: list[Actor], symmetric: bool):
    """One (source, target) per pair; "X and Y met" is one event between them, as reported."""
    if targets:
        return [(s, t) for s in sources or [None] for t in targets if s is None or s.entity != t.entity
                or s.entity is None]
    if symmetric and len(sources) > 1:
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if a.country != b.country
                or a.code != b.code] or [(sources[0], None)]
    return [(s, None) for s in sources]


def _dedupe(events: list[Event]) -> list[Event]:
    """The same act told twice in a sentence ("arrived in Cairo to hold talks") is one event.

    Readings of one type by one source collapse to the surest one per target; a surer reading
    that names no target lends its code to the one that does ("began a hunger strike to protest
    against Sweden's decision": a hunger strike against Sweden).
    """
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        groups.setdefault((event.event_type, event.source.entity if event.source else None), []).append(event)
    out = []
    for group in groups.values():
        by_target: dict[object, Event] = {}
        for event in group:
            key = None if event.target is None else (event.target.entity or event.target.start)
            if key not in by_target or event.confidence > by_target[key].confidence:
                by_target[key] = event
        bare = by_target.pop(None, None)
        if bare is not None and len(by_target) == 1:
            (only,) = by_target.values()
            if bare.confidence > only.confidence:
                by_target = {0: replace(bare, target=only.target, event_id=make_event_id(
                    bare.article_id, bare.start, bare.event_type, bare.source, only.target))}
        elif bare is not None and not by_target:
            by_target = {None: bare}
        out.extend(by_target.values())
    return sorted(out, key=lambda e: (e.start, e.event_id))
