"""Stage: code the events each sentence reports, from its dependency parse.

For every sentence: find the words that report an act (``lexicon``); let a verbal act take
its code from the act it is about ("threatened to impose a curfew", ``ontology.refine``);
read modality (negated, future, hypothetical); turn future cooperation into intent (AGREE)
and future force into threats (THREATEN), as PLOVER asks; find source and target actors by
syntax (``event_syntax``); then one event per (source, target) pair. Statements that are not
acts, and words the lexicon does not know, give nothing; neither do habits, tallies, standing
positions and history (``event_context``).

An act whose doer is not told is kept with no source when the act is clear and someone
suffered it ("three soldiers were killed", "was sentenced to death") or a weapon did it ("a
roadside bomb exploded"); bombings are then coded, as event data does, to unidentified armed
men (UAF) of the country struck. Its confidence is lower: an event is surest with both actors
named (x1.0), then with its doer alone (x0.85), its recipient alone (x0.8), neither (x0.75).
Acts the two sides do together (meetings, agreements, exchanges) are coded once, in the
reported direction, with ``reciprocal`` set.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .. import ontology
from ..actors_kb import ActorKnowledge
from ..lexicon import EventLexicon, Sense
from ..location import locate_event
from ..model import STATEMENT, Actor, CodedArticle, Event, make_event_id
from ..resources import Resources
from . import dates
from .actor_words import role_sector
from .event_context import in_circumstance, is_background, is_habit, is_tally, out_of_date, stale
from .event_merge import dedupe, pairs
from .event_syntax import (
    ActorIndex,
    Modality,
    clause_subject_actors,
    instrument_subject,
    is_passive,
    modality,
    passive_subject,
    sources_of,
    subject,
)
from .event_targets import VICTIM_TYPES, TargetFinder, domestic, is_implied
from .event_triggers import CONFLICT_ROOTS, Trigger, TriggerFinder
from .lead import lead_span
from .statements import StatementFinder
from .tokens import children_of, span_text

MIN_CONFIDENCE = 0.4  # below this a reading is more often wrong than right (dev data)
# Force and pressure made conditional on the other side's conduct are threats ("may halt ... if").
CONDITIONAL_THREATS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"})
# Words for crowds whose violence is rioting rather than assault.
CROWD_WORDS = ("protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher")
# A state's organs: their obstructions are restrictions, not protests.
STATE_ORGANS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
# Prepositions that aim a weapon at something: "missiles at power plants", "rockets into Israel".
AIMED = frozenset({"at", "on", "into", "against", "toward", "towards", "upon"})
# Weapons whose launch at no one is a show of arms (PLOVER MOBILIZE weapons), not an attack.
MISSILES = frozenset({"missile", "rocket", "projectile", "warhead"})
# Sectors of armed actors, whose moves into a place are attacks.
ARMED = frozenset({"MIL", "REB", "UAF", "PRM", "SPY", "COP"})
# Sectors that fight wars: their force is CAMEO 19 (fight). CAMEO keeps 19 for organised armed
# groups, so shooting or attacks by anyone else, or by no one named, are 18 (assault,
# unconventional violence): "a man was shot by police", "the building was struck".
WARRING = frozenset({"MIL", "REB", "UAF", "PRM", "SPY"})
# Conventional-force codes that, used by police, civilians or criminals, are unconventional violence.
FIGHT_AS_ASSAULT = {"190": "180", "193": "180"}
# A state's justice: the criminal charges it brings are legal action (CAMEO 173), not accusations.
JUSTICE = frozenset({"JUD", "COP"})
# Types that need a recipient (PLOVER manual): without one they are not coded.
NEEDS_TARGET = frozenset({"AID", "COOPERATE", "SANCTION"})
# CAMEO's generic appeal (cooperative toward its target) and demand (not).
APPEAL, DEMAND = "020", "100"
# Codes of force that say nothing of the weapon: a weapon named in the act's phrase refines them.
WEAPONLESS = frozenset({"180", "182", "186", "190"})
SUICIDE_BOMBING = "1831"
# CAMEO 017, a symbolic act: a ceremony, like a protest, is held by the people where it is held.
SYMBOLIC_ACT = "017"
# A statement with its speaker named is the plainest reading a sentence has (the act is the verb
# itself); told to someone named, plainer still.
STATEMENT_CONFIDENCE = 0.8
ADDRESSED_STATEMENT_CONFIDENCE = 0.85


def code_events(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``coded.events`` from the sentences of the article."""
    coder = _Coder(doc, coded, res.lexicon, res.actors, res.gazetteer.knows, statements=res.settings.statements)
    return coded.replace(events=tuple(coder.run()))


class _Coder:
    def __init__(self, doc: Doc, coded: CodedArticle, lexicon: EventLexicon, kb: ActorKnowledge,
                 is_place_name=lambda text: False, statements: bool = True) -> None:
        self.doc, self.coded, self.lex, self.kb = doc, coded, lexicon, kb
        self.is_place_name = is_place_name
        self.index = ActorIndex(doc, coded.actors)
        self.finder = TriggerFinder(lexicon, self.index)
        self.targets = TargetFinder(doc, coded, lexicon, kb, self.index)
        self.statements = StatementFinder(lexicon, self.index, coded) if statements else None
        self.circumstance = lexicon.words("circumstance_preps")
        self.foreground = False
        # The dateline before the story: a verb the parser hangs on it is the story's main verb.
        self.lead = range(*lead_span(doc, coded.article.dateline_start, coded.article.dateline_end))

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            triggers = self.finder.find(sent)
            coded = self._acts(sent, triggers) if triggers else []
            events.extend(coded)
            if self.statements is not None:
                events.extend(self._statements(sent, triggers.values(), coded))
        return events

    def _acts(self, sent: Span, triggers: dict) -> list[Event]:
        # Background clauses weigh less only beside a main-clause act ("A man died after he was shot").
        self.foreground = any(not t.suppressed and not self._background(t.anchor) for t in triggers.values())
        return dedupe([e for t in triggers.values() if not t.suppressed for e in self._events(t, sent)], self.doc)

    def _statements(self, sent: Span, triggers, coded: list[Event]) -> list[Event]:
        """Statements of the sentence (CAMEO 01), given the triggers and the acts coded from them."""
        doers: dict[int, list[Actor | None]] = {}  # trigger start -> the doers coded for it
        for e in coded:
            doers.setdefault(e.start, []).append(e.source)
        acts = {i: doers[t.token.idx] for t in triggers if t.token.idx in doers for i in (t.token.i, t.anchor.i)}
        events = []
        for found in self.statements.find(sent, acts):
            mood = modality(found.verb, self.lex)  # (a refusal to comment is a statement made, not negated)
            confidence = ADDRESSED_STATEMENT_CONFIDENCE if found.addressees else STATEMENT_CONFIDENCE
            speakers = self.targets.local(None, found.speakers)  # "The opposition says": the dateline's
            readings = [(src, tgt, False) for src, tgt in pairs(speakers, found.addressees, False)]
            events.extend(self._coded(found.word, found.verb, sent, found.code, STATEMENT, None,
                                      Modality(hypothetical=mood.future or mood.hypothetical), confidence, readings))
        return events

    def _events(self, trigger: Trigger, sent: Span) -> list[Event]:
        anchor = trigger.anchor
        mood = modality(anchor, self.lex)
        code, mood = self._adjust(trigger, mood)
        if code is None or self._no_comment(anchor):
            return []
        if is_habit(anchor) or stale(anchor, self.lex.words("stance_verbs")) or out_of_date(anchor, self.coded):
            return []  # "have clashed repeatedly", "voters support the farmers", "the attack of October 2023"
        record = ontology.cameo(code)
        plover = trigger.sense.plover if code == trigger.sense.code else record.plover
        mode = trigger.sense.mode if code == trigger.sense.code else record.mode
        sources = sources_of(self.index, anchor if trigger.token.pos_ == "VERB" or anchor.i != trigger.token.i
                             else trigger.token) if not trigger.undergone else \
            sources_of(self.index, trigger.token) or self.index.in_prep(anchor, ("by",))
        if not sources and code[:4] in self.lex.words("own_passives") and is_passive(anchor):
            sources = self.index.at(passive_subject(anchor))  # "guerrillas have been demobilized": they disarmed
        if not sources and anchor.pos_ == "NOUN":  # "issued a stern reminder that ...": who issued it
            verb = self.finder.support_verb(anchor)
            sources = sources_of(self.index, verb) if verb is not None else []
        if not sources and anchor.dep_ == "acl" and anchor.head.lemma_.lower() in self.lex.words("reporting_nouns"):
            # "published a declaration demanding changes": who published it demands them; "voted on a
            # resolution calling for", "said in a statement demanding": who voted, who said
            document = anchor.head
            verb = document.head if document.dep_ == "dobj" else document.head.head if document.dep_ == "pobj" \
                and document.head.head.pos_ == "VERB" else None
            sources = sources_of(self.index, verb) if verb is not None else []
            if sources and modality(verb, self.lex).hypothetical:
                mood = replace(mood, hypothetical=True)  # "is set to vote on a resolution calling for"
        if trigger.token.i != anchor.i and not sources and trigger.clause is None:
            sources = sources_of(self.index, trigger.token)
        targets = self.targets.targets(trigger, sources)
        if plover == "MOBILIZE":  # "deployed 10,000 troops", "deployed tanks": what is moved, not at whom
            homes = {a.country for a in sources}
            targets = [t for t in targets if not (t.sector in ARMED and t.country in homes | {None})]
        if plover == "ASSAULT" and not targets and self._weapon_launch(anchor):
            code, plover, mode = "154", "MOBILIZE", "weapons"  # a missile fired at no one: a show of arms
        elif code in self.lex.words("air_codes") and sources:
            aircraft = self._by_air(anchor)  # "gunships killed 46 civilians": an attack from the air
            if aircraft is not None:
                code, mode = "195", "drone" if aircraft == "drone" else "aerial"
        if trigger.sense.code in self.lex.words("needs_target_codes") and not targets:
            return []  # "would defend its economy": defending no one is no act of support
        if trigger.sense.code == "042" and trigger.sense.particles and (
                not any(t.country or t.sector for t in targets) or sources and all(
                    a.sector in ("CVL", "REF") for a in sources)):
            # "arrived in" is a visit only when it names whom it visits, and only an actor's: residents
            # who return to their village visit no one
            return []
        if code == "042" and trigger.sense.particles and sources and all(
                t.country and t.country in {a.country for a in sources} for t in targets):
            return []  # "lawmakers return to Washington": travel at home visits no one
        if self._worry(trigger, targets):
            return []  # "warned that the fighting threatens aid": a worry voiced, not a threat made
        if trigger.anchor.lemma_.lower() in self.lex.words("armed_moves") and plover == "ASSAULT" \
                and not (sources and all(a.sector in ARMED for a in sources)):
            return []  # troops that enter a town attack it; refugees that cross into Kenya do not
        if trigger.token.ent_type_ in ("DATE", "TIME"):
            return []  # "on March 31": a month, not a march
        if code == "0874" and trigger.sense.particles and any(
                not any(a.sector in ARMED for a in self.index.at(o)) for o in children_of(anchor) if o.dep_ == "dobj"):
            return []  # "pulled the child out of the pool" withdraws no force ("pulled its troops out" does)
        if plover == "ASSAULT" and any(o.lemma_.lower() in self.lex.words("accident_vehicles")
                                       for c in children_of(anchor) if c.dep_ == "agent"
                                       for o in children_of(c) if o.dep_ == "pobj"):
            return []  # "a pedestrian was struck by a car": an accident
        if plover == "PROTEST" and trigger.token.pos_ == "VERB" and any(
                c.dep_ == "agent" for c in children_of(trigger.token)):
            return []  # "a suspect struck by a car": no one is struck or marched by someone as a protest
        if plover == STATEMENT and self.statements is None:
            return []  # symbolic acts are CAMEO statements, off with them
        if plover == "PROTEST" or code == SYMBOLIC_ACT and trigger.anchor.dep_ not in ("acl", "relcl"):
            sources = self._gathered(trigger, plover, sources)  # ("a plaque commemorating the victims": no one)
        instrument = instrument_subject(anchor, self.lex)
        if instrument is not None:
            if sources:
                sources = [_armed(a) for a in sources]  # "a US drone", "Israeli missiles": the state's forces
            weapon = self.lex.match(instrument)  # "a roadside bomb exploded": a roadside bombing
            if weapon is not None and weapon.code[:2] == code[:2] and len(weapon.code) > len(code):
                code, mode = weapon.code, weapon.mode
        if plover == "ASSAULT" and code in WEAPONLESS:
            means = self._means(anchor)  # "wounded two soldiers in a bomb attack": a bombing
            if means is not None:
                code, mode = means.code, means.mode
        if plover == "ASSAULT" and code[:3] != "181" and any("suicide" in f"{a.text} {a.name}".lower()
                                                             for a in sources):
            code, mode = SUICIDE_BOMBING, ontology.cameo(SUICIDE_BOMBING).mode  # "suicide bombers killed 23"
        if not sources and not self._doer_untold(trigger, code, plover, targets, instrument):
            return []  # "the war has displaced millions": no one is said to have done it
        unattributed = not sources and plover == "ASSAULT" and instrument is not None
        if unattributed:
            sources = self._unknown_attackers(trigger, instrument)
        mutual_word = trigger.token.lemma_.lower() in self.lex.words("reciprocal_words")
        symmetric = (plover in self.lex.words("symmetric_types") or code in self.lex.words("symmetric_codes")
                     or mutual_word) and len(sources) > 1
        if symmetric and mutual_word:
            targets = []  # "Israel and Hamas exchanged prisoners": between the two, not to the prisoners
        if plover in NEEDS_TARGET and not targets and not symmetric:
            return []
        if code == APPEAL and targets and all(self._asked_against(trigger, t) for t in targets):
            code, mode = DEMAND, ontology.cameo(DEMAND).mode  # hostile to them: no appeal to them (CAMEO 02)
        sources, targets = domestic(self.targets.local(trigger, sources),
                                    self.targets.local(trigger, self.targets.victims_place(trigger, targets)), plover)
        if code in FIGHT_AS_ASSAULT and all(a.sector and a.sector not in WARRING for a in sources):
            code = FIGHT_AS_ASSAULT[code]  # (the mode stays: "shot by police" is still firearms)
        if code == "1121" and trigger.anchor.lemma_.lower() in self.lex.words("legal_charge_verbs") and all(
                a.sector in JUSTICE for a in sources):
            code = "173"  # "prosecutors indicted two men": charged with legal action
        confidence = self._confidence(trigger, mood, [] if unattributed else sources,
                                      targets or sources[1:] if symmetric else targets)
        if confidence < MIN_CONFIDENCE:
            return []
        readings = [(src, tgt, symmetric or self._mutual(trigger, code, tgt))
                    for src, tgt in pairs(sources, targets, symmetric)]
        return self._coded(trigger.token, trigger.anchor, sent, code, plover, mode, mood, confidence,
                           readings) if readings else []

    def _unknown_attackers(self, trigger: Trigger, instrument: Token) -> list[Actor]:
        """Who used the weapon, if the weapon's phrase says ("killed in Israeli airstrikes", "during
        operations by Iraqi forces"); else, as event data does, unidentified armed men of the
        country where they struck ("a car bomb in Beirut": LBN UAF); with no place, no one."""
        owners = sources_of(self.index, instrument)
        if owners:
            return [_armed(a) for a in owners]
        place = self.targets.place_target(trigger)
        if not place or not place[0].country:
            return []
        span = self.doc[instrument.left_edge.i:instrument.i + 1]
        country = place[0].country
        return [Actor(span.text, span.start_char, span.end_char, "unidentified attackers", country, "UAF",
                      country + "UAF")]

    def _means(self, anchor: Token) -> Sense | None:
        """The armed attack the act was done in or with, if its phrase names one with a weapon: "in a bomb
        attack", "in an air strike", "with mortar fire"."""
        for prep in children_of(anchor):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "with", "by", "during"):
                for obj in children_of(prep):
                    sense = self.lex.match(obj) if obj.dep_ == "pobj" and obj.pos_ == "NOUN" else None
                    if sense is not None and sense.plover == "ASSAULT" and sense.mode and sense.kind == "event":
                        return sense
        return None

    def _asked_against(self, trigger: Trigger, target: Actor) -> bool:
        """Is the target whom the appeal asks to act against, not whom it asks: "called for action against
        the security forces", "called for the arrest of the general"?"""
        span = self.doc.char_span(target.start, target.end, alignment_mode="expand")
        if span is None or is_implied(target):
            return False
        content = trigger.content.token.i if trigger.content is not None \
            and trigger.content.code[:2] in CONFLICT_ROOTS else None
        node = span.root
        for _ in range(8):
            if node.i in (trigger.token.i, trigger.anchor.i) or node.head.i == node.i:
                return False
            if node.dep_ == "pobj" and node.head.lower_ == "against" or node.i == content:
                return True
            node = node.head
        return False

    def _gathered(self, trigger: Trigger, plover: str, sources: list[Actor]) -> list[Actor]:
        """Who protested or held a ceremony: the subject, of the country where they gathered ("200
        neo-Nazis demonstrated in Germany"); with no subject, the people of that place ("a protest was
        held in Mombasa", "a memorial service was held in Kigali")."""
        place = self.targets.place_target(trigger) if plover == "PROTEST" else self.targets.place_people(trigger)
        country = place[0].country if place else None
        if sources:
            return [replace(a, country=country, code=country + (a.sector or "")) if country and not a.country
                    and not (a.code or "").startswith(("IGO", "NGO")) else a for a in sources]
        subj = subject(trigger.anchor) if trigger.anchor.pos_ == "VERB" else None
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in self.lead:
            end = subj.i + 1
            while end < len(self.doc) and not self.doc[end - 1].whitespace_ and self.doc[end].is_alpha | (
                    self.doc[end].text == "-"):
                end += 1  # "neo-Nazis"
            span = self.doc[subj.left_edge.i:end]
            return [Actor(span.text, span.start_char, span.end_char, span.text, country, "CVL",
                          country + "CVL" if country else None)]
        return [replace(a, sector="CVL", code=a.country + "CVL") for a in place]

    def _mutual(self, trigger: Trigger, code: str, target: Actor | None) -> bool:
        """Is the act one the two do together ("met", "held talks with", "signed a pact with")?"""
        if target is None or is_implied(target):
            return False
        if code.startswith(tuple(self.lex.words("reciprocal_codes"))) or \
                trigger.token.lemma_.lower() in self.lex.words("reciprocal_words"):
            return True
        # "agreed with X", "clashes between X and Y": a shared act by its preposition
        span = self.doc.char_span(target.start, target.end, alignment_mode="expand")
        node = span.root if span is not None else None
        for _ in range(4):
            if node is None or node.i in (trigger.anchor.i, trigger.token.i) or node.head.i == node.i:
                return False
            if node.dep_ == "pobj" and node.head.lower_ in ("with", "between", "among") \
                    and node.head.head.i in (trigger.anchor.i, trigger.token.i) \
                    and trigger.sense.plover in self.lex.words("symmetric_types"):
                return True
            node = node.head
        return False

    def _adjust(self, trigger: Trigger, mood: Modality) -> tuple[str | None, Modality]:
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
        if lemma in self.lex.words("territorial_verbs") and code[:2] != "19" and self._takes_place(trigger.anchor):
            code = "190"  # "captured Mekelle": a town taken by force, not a person arrested
        if plover == "ASSAULT" and self._crowd(trigger):
            code = "145"  # protesters who storm or attack are rioting (PLOVER PROTEST riot)
        if code[:3] == "144" and self._by_state(trigger):
            code = "172"  # a regulator that blocks access restricts it; protesters who block a road obstruct
        if plover == "CONSULT" and trigger.anchor.dep_ == "xcomp" \
                and trigger.anchor.head.lemma_.lower() in self.lex.words("decision_verbs"):
            mood = replace(mood, future=True)  # "decided to resume talks": talks to come
        if mood.future and not mood.negated and not mood.conditioned:
            converted = ontology.future_code(code)
            if converted is not None:
                return converted, replace(mood, future=False)
            if code in ontology.FUTURE_KEEPS:  # "will resign": an announced resignation is one
                return code, replace(mood, future=False)
            return code, replace(mood, hypothetical=True)
        return code, mood

    def _no_comment(self, verb: Token) -> bool:
        """Is the verb a refusal to comment ("declined to comment"), a statement (CAMEO 011), not a rejection?"""
        return verb.lemma_.lower() in self.lex.words("failure_verbs") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.words("undisclosed_words") for c in children_of(verb))

    def _worry(self, trigger: Trigger, targets: list[Actor]) -> bool:
        """A warning is a threat when aimed at someone or it says what the speaker will do."""
        if trigger.anchor.lemma_.lower() not in self.lex.words("warning_verbs") or targets:
            return False
        clauses = [c for c in children_of(trigger.anchor) if c.dep_ == "ccomp"]
        if not clauses:
            return False
        speaker = {a.entity for a in sources_of(self.index, trigger.anchor)}
        return not any({a.entity for a in clause_subject_actors(self.index, c)} & speaker for c in clauses)

    def _doer_untold(self, trigger: Trigger, code: str, plover: str, targets: list[Actor],
                     instrument: Token | None) -> bool:
        """Is this an act worth coding though no one is said to have done it?

        Force and coercion told by their victims ("three soldiers were killed", "the killing of")
        or by the weapon ("a roadside bomb killed", "rockets struck the base"), and legal acts,
        releases and expulsions told by whom they were done to ("was sentenced", "were freed").
        """
        if is_tally(trigger.anchor):
            return False  # "have been killed since the war began": a toll, not an act
        if code == SYMBOLIC_ACT and trigger.sense.kind == "event":
            return True  # "dedication ceremonies will be held at 2 p.m.": the ceremony is the news
        if instrument is not None:
            return plover in VICTIM_TYPES
        anchor = trigger.anchor
        suffered = trigger.undergone or anchor.pos_ in ("NOUN", "PROPN") or is_passive(anchor) \
            or subject(anchor) is None
        return suffered and bool(targets) and (
            plover in VICTIM_TYPES or code.startswith(tuple(self.lex.words("victim_codes"))))

    def _arrival(self, trigger: Trigger) -> str:
        """Troops arriving somewhere deploy there (peacekeepers: aid); a commander arriving visits."""
        subjects = sources_of(self.index, trigger.anchor)
        units = [a for a in subjects if a.sector in ("MIL", "REB", "PRM") and self._plural(a)]
        if subjects and len(units) == len(subjects):
            words = " ".join(t.lower_ for t in trigger.anchor.subtree)
            return "074" if "peacekeep" in words else "154"
        return "042"

    def _by_state(self, trigger: Trigger) -> bool:
        sources = sources_of(self.index, trigger.anchor)
        return bool(sources) and all(a.sector in STATE_ORGANS for a in sources)

    def _by_air(self, verb: Token) -> str | None:
        """The aircraft that did it, if its doer is one: "gunships killed", "killed by Israeli jets"."""
        doers = [subject(verb)] if not is_passive(verb) else [
            o for c in children_of(verb) if c.dep_ == "agent" for o in children_of(c) if o.dep_ == "pobj"]
        aircraft = self.lex.words("aircraft_words")
        # (a "suicide bomber" is a person: the phrase's role says so)
        return next((d.lemma_.lower() for d in doers if d is not None and d.lemma_.lower() in aircraft
                     and role_sector(self.kb, d) in (None, "MIL")), None)

    def _weapon_launch(self, verb: Token) -> bool:
        """Is the verb a launch of missiles or rockets ("fired a missile", "the missile was launched")?"""
        objects = self.lex.objects(verb)
        aimed = any(c.dep_ == "prep" and c.lower_ in AIMED and any(g.ent_type_ not in ("DATE", "TIME")
                                                                  for g in children_of(c))
                    for t in [verb, *objects] for c in children_of(t))
        return not aimed and verb.lemma_.lower() in ("launch", "fire", "test", "test-fire") and any(
            o.lemma_.lower() in MISSILES for o in objects)  # (fired "at power plants": an attack)

    def _takes_place(self, verb: Token) -> bool:
        """Is the verb's object a place the article names ("captured Mekelle")?"""
        objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
        named = [o for o in objects if any(p.start <= o.idx < p.end for p in self.coded.places)
                 or o.pos_ == "PROPN" and self.is_place_name(o.text)]  # (the tagger calls many towns people)
        return bool(named) and not any(a.sector or a.country for o in named for a in self.index.at(o))

    def _crowd(self, trigger: Trigger) -> bool:
        """Is the act done by protesters, demonstrators or a mob?"""
        sources = sources_of(self.index, trigger.anchor)
        return bool(sources) and all(any(w in a.text.lower() for w in CROWD_WORDS) for a in sources)

    def _plural(self, actor: Actor) -> bool:
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and span.root.tag_ in ("NNS", "NNPS")

    def _confidence(self, trigger: Trigger, mood: Modality, sources: list, targets: list) -> float:
        score = 0.55 + 0.08 * min(trigger.sense.specificity, 3)
        if trigger.sense.kind != "verb":
            score -= 0.05 if trigger.anchor.i != trigger.token.i else 0.15
        if trigger.content is not None:
            score += 0.1
        # The fewer actors the text names, the less the reading is worth (see the module docstring).
        score *= 1.0 if sources and targets else 0.85 if sources else 0.8 if targets else 0.75
        anchor = trigger.anchor
        if self._background(anchor) and self.foreground:
            # background: "whom they had taken hostage", "after the attack", "as the opposition threatened"
            pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in children_of(anchor))
            score *= 0.5 if pluperfect else 0.7
        if in_circumstance(anchor, self.circumstance):
            score *= 0.6  # an event named as circumstance: "since last month's invasion", "after a week of unrest"
        if mood.negated or mood.hypothetical:
            score *= 0.8
        return max(0.0, min(1.0, score))

    def _background(self, anchor: Token) -> bool:
        return anchor.head.i not in self.lead and is_background(anchor)

    def _coded(self, token: Token, anchor: Token, sent: Span, code: str, plover: str, mode: str | None,
               mood: Modality, confidence: float, readings: list[tuple[Actor | None, Actor | None, bool]]
               ) -> list[Event]:
        """One event per (source, target, reciprocal) reading; its date and place are the anchor's, found once.

        ``token`` is the word with the meaning, ``anchor`` its clause's verb; ``plover`` is the
        PLOVER type, or STATEMENT.
        """
        article = self.coded.article
        day, precision, value = dates.date_event(anchor, self.coded)
        location = locate_event(anchor, self.coded)
        text = span_text(sent)
        stripped = text.lstrip()
        start = token.idx
        return [Event(
            event_id=make_event_id(article.id, start, plover, source, target),
            article_id=article.id, date=day, date_precision=precision, date_value=value,
            event_type=plover, mode=mode, cameo=code, quad_class=ontology.quad_class(plover),
            intensity=ontology.cameo(code).intensity, source=source, target=target,
            location=location, sentence=stripped.rstrip(),
            sentence_start=sent.start_char + len(text) - len(stripped), start=start, end=start + len(token.text),
            trigger=token.text, negated=mood.negated, hypothetical=mood.hypothetical,
            confidence=confidence, reciprocal=reciprocal) for source, target, reciprocal in readings]


def _armed(actor: Actor) -> Actor:
    """The forces behind a weapon: "a US drone" is the US military."""
    if actor.sector or not actor.country:
        return actor
    return replace(actor, sector="MIL", code=actor.country + "MIL")
