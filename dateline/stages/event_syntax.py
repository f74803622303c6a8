"""What the dependency parse says about a trigger: who did it, to whom, and whether it happened.

Helpers for the event coder. Actors are found through the tokens that head actor mentions
(``ActorIndex``); roles follow English syntax: subjects and passive agents are sources,
objects and "with/against/on/to" phrases are targets; a verb without a subject takes the
subject of the verb it depends on ("agreed to withdraw", "X kidnapped ... and exploded").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import EventLexicon
from ..model import Actor
from .parse_repair import stranded_object, stranded_subject
from .tokens import children_of, doc_memo, doc_tokens, sentence_of

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
# Prepositions that introduce the target of an act, most telling first.
TARGET_PREPS = ("against", "with", "on", "upon", "at", "into", "toward", "towards", "to", "for", "from", "over",
                "between", "among", "in")
# Nouns that stand for a part or number of an actor: "a number of officials", "dozens of rebels".
QUANTITY = frozenset({"number", "group", "some", "many", "dozen", "dozens", "hundred", "hundreds",
    "thousand", "thousands", "one", "two", "three", "four", "five", "several", "all", "most",
    "part", "third", "half", "majority", "member", "members", "delegation", "team", "contingent",
    "unit", "band", "scores", "score", "wave", "crowd", "leader", "leaders", "head", "chief",
    "representative", "representatives", "deployment", "detachment", "convoy", "column", "squad"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Nouns for an unnamed person who speaks from inside an actor: "a source in the government",
# "sources within the ministry", "an insider at the embassy", "sources close to the president".
INSIDER_NOUNS = frozenset({"source", "insider"})
INSIDE_PREPS = frozenset({"in", "within", "inside", "at", "from"})
# Nouns for what an actor thinks, which do nothing themselves: "the Egyptian and French stances agree".
OPINION_NOUNS = frozenset({"help", "support", "backing", "assistance", "blessing", "approval", "consent",
    "stance", "position", "view", "opinion", "attitude", "policy",
    "approach", "interest", "concern", "belief", "vision", "thinking", "perspective", "goal",
    "aim", "objective", "priority", "relation", "relations", "tie", "ties"})
# Participles that name a third party to an act: "talks mediated by Egypt", "a summit hosted by Qatar".
GO_BETWEENS = frozenset({"mediate", "host", "broker", "sponsor", "organize", "organise", "facilitate", "chair",
                         "moderate", "convene", "arrange", "back", "support", "fund", "monitor", "observe"})
# Nouns for another's help: "with Albania's help" names a helper, not a target.
HELP_NOUNS = frozenset({"help", "support", "backing", "assistance", "blessing", "approval", "consent", "aid",
                        "cooperation", "participation", "mediation"})
# Nouns for what is meant to be done: "a decision to expel", "a plan to attack".
PLAN_NOUNS = frozenset({"decision", "plan", "bid", "intention", "proposal", "offer", "move", "effort", "pledge",
    "promise", "commitment", "readiness", "willingness", "determination", "threat", "order"})
# Participles that follow a noun as a passive: "two men accused of spying", "activists detained on Monday".
REDUCED_PASSIVES = frozenset({"accuse", "suspect", "charge", "convict", "sentence", "detain", "arrest", "jail",
                              "indict", "imprison"})
# Arms, which act only for whoever uses them: "the sale of fighter jets" names no party.
EQUIPMENT = frozenset({"jet", "aircraft", "warplane", "plane", "helicopter", "tank", "warship", "vessel", "submarine",
                       "missile", "drone", "gunship", "gunboat", "bomber", "fighter"})
# Nouns for what is asked of someone: "insisted on its demands that X grant ...".
DEMAND_NOUNS = frozenset({"demand", "call", "request", "condition", "insistence", "appeal", "ultimatum"})
# Nouns for where something happens: "on the Thai border" places an act, it does not aim it at Thailand.
WHERE_NOUNS = frozenset({"border", "frontier", "coast", "waters", "side", "boundary", "line", "shore"})
# Nouns whose modifiers name no one who acts: opinions and places.
NOT_ACTING = OPINION_NOUNS | WHERE_NOUNS


class ActorIndex:
    """Actor mentions keyed by the token that heads them."""

    def __init__(self, doc: Doc, actors: Iterable[Actor]) -> None:
        self.by_head: dict[int, list[Actor]] = {}
        self.equipment: set[tuple[int, int]] = set()  # mentions of arms: "the sale of fighter jets"
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.by_head.setdefault(span.root.i, []).append(actor)
            if span.root.lemma_.lower() in EQUIPMENT:
                self.equipment.add((actor.start, actor.end))
        # Answers already given, by word (and prepositions): the coder asks about the same phrases
        # for many triggers. Copies go out, so callers may extend them.
        self._at: dict[int, list[Actor]] = {}
        self._in_prep: dict[tuple, list[Actor]] = {}
        self.sources: dict[int, list[Actor]] = {}  # ``sources_of``'s answers, by word

    def at(self, token: Token | None, depth: int = 0) -> list[Actor]:
        """Actors a phrase headed by ``token`` stands for, with its conjuncts ("Egypt and France")."""
        if token is None or depth > 4:
            return []
        if depth:
            return self._at_phrase(token, depth)
        found = self._at.get(token.i)
        if found is None:
            found = self._at[token.i] = self._at_phrase(token, 0)
        return list(found)

    def _at_phrase(self, token: Token, depth: int) -> list[Actor]:
        found = list(self.by_head.get(token.i, ()))
        word, pos = token.lower_, token.pos_
        if not found and word in RELATIVE and token.head.dep_ == "relcl":
            found = self.at(token.head.head, depth + 1)  # "rebels who attacked": the rebels
        if not found and pos == "VERB":  # "The Red Cross operating in Iraq said": a misread participle
            found = self.at(subject(token), depth + 1) or self.modifiers_of(token, ("compound", "nmod"))
        if not found and (word in QUANTITY or token.lemma_.lower() in QUANTITY):
            for child in children_of(token):  # "a number of officials"
                if child.dep_ == "prep" and child.lower_ == "of":
                    found = [a for obj in children_of(child) if obj.dep_ == "pobj" for a in self.at(obj, depth + 1)]
        if not found and token.lemma_.lower() in INSIDER_NOUNS:
            found = self._insiders_of(token, depth)
        children = [(child, child.dep_) for child in children_of(token)]
        if not found:
            for child, dep in children:
                if dep == "appos":
                    found = self.at(child, depth + 1)
                    if found:
                        break
        if not found and pos == "NOUN" and token.lemma_.lower() not in NOT_ACTING:
            # "the UNITA militarist wing", "the Bosnian town" (but "the Egyptian stance" acts on nothing)
            found = self.modifiers_of(token, ("compound", "nmod", "poss", "amod"))
        # Conjuncts are more actors ("Egypt and France"); "Washington along with its allies" is only Washington.
        for child, dep in children:
            if dep == "conj":
                found += self.at(child, depth + 1)
        return _unique(found)

    def _insiders_of(self, source: Token, depth: int) -> list[Actor]:
        """The actor a source speaks from inside: "in the government", "close to the president"."""
        found = []
        for child in children_of(source):
            preps = [child] if child.dep_ == "prep" and child.lower_ in INSIDE_PREPS else [
                p for p in children_of(child) if p.dep_ == "prep" and p.lower_ == "to"
            ] if child.lower_ == "close" else []
            found += [a for p in preps for obj in children_of(p) if obj.dep_ == "pobj" for a in self.at(obj, depth + 1)]
        return found

    def modifiers_of(self, token: Token, deps: tuple[str, ...] = ("poss", "compound", "amod", "nmod")) -> list[Actor]:
        """Actors among a noun's modifiers: "Haftar's visit", "Israeli air raids", "a U.S. request"."""
        found = []
        for child in children_of(token):
            if child.dep_ in deps:
                found += self.at(child)
        return _unique(found)

    def in_prep(self, token: Token, preps: Iterable[str], deep: bool = True) -> list[Actor]:
        """Actors in a phrase with one of these prepositions, in the given order of preference."""
        preps = tuple(preps)
        key = (token.i, preps, deep)
        found = self._in_prep.get(key)
        if found is None:
            found = self._in_prep[key] = self._in_prep_phrase(token, preps, deep)
        return list(found)

    def _in_prep_phrase(self, token: Token, preps: tuple[str, ...], deep: bool) -> list[Actor]:
        found = []
        # The prepositions, read once (each preposition asked would read every child's strings again).
        children = [(c, c.lower_) for c in children_of(token) if c.dep_ in ("prep", "agent", "dative")]
        for prep in preps:
            for child, word in children:
                if word == prep:
                    objects = children_of(child)
                    # (a preposition with an object has none stranded: no need to look)
                    stranded = None if any(o.dep_ in ("pobj", "pcomp") for o in objects) else stranded_object(child)
                    for obj in [*objects, *((stranded,) if stranded is not None else ())]:
                        if obj.dep_ in ("pobj", "pcomp") or obj is stranded:
                            # "conceded to demands from UNITA": whose demands
                            found += self.at(obj) or (self.modifiers_of(obj, ("poss",)) if obj.lemma_.lower()
                                                      not in HELP_NOUNS else []) or \
                                [a for a in (self.in_prep(obj, ("from", "by", "of"), False) if deep else [])
                                 if (a.start, a.end) not in self.equipment] or \
                                (_acl_agents(self, obj) if deep else [])  # "into crimes committed by X"
            if found:
                return _unique(found)
        return []


def subject(token: Token) -> Token | None:
    for child in children_of(token):
        if child.dep_ in SUBJECT_DEPS:
            return child
    # A name left of the verb that the parser did not call its subject ("Minister Samuel Kiptoo accused").
    return next((c for c in token.lefts if c.dep_ in ("npadvmod", "nmod") and c.pos_ == "PROPN"
                 and not any(g.dep_ == "nsubj" for g in children_of(token))), None) or stranded_subject(token)


# Marks that end a sentence (headlines have none).
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019"})
# Participles that read as passives but are states of the subject: "is committed to", "is prepared to".
ACTIVE_PARTICIPLES = frozenset({"commit", "prepare", "determine", "dedicate", "resolve", "set", "poise", "schedule",
                                "engage", "involve"})


def is_passive(token: Token) -> bool:
    passives = doc_memo(token.doc, "is_passive")  # (asked about the same verbs by many rules)
    found = passives.get(token.i)
    if found is None:
        found = passives[token.i] = _is_passive(token)
    return found


def _is_passive(token: Token) -> bool:
    if token.lemma_.lower() in ACTIVE_PARTICIPLES and any(c.dep_ in ("xcomp", "prep") for c in children_of(token)):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(token)):
        return True
    if _headline_passive(token):
        return True
    # "were killed or wounded": a participle joined to a passive shares its "were"
    return token.dep_ == "conj" and token.tag_ == "VBN" and token.head.i != token.i and \
        not any(c.dep_ in ("nsubj", "aux") for c in children_of(token)) and \
        any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(token.head))


def _headline_passive(token: Token) -> bool:
    """"Egypt activist released in case ...": a headline's participle with no "was" is a passive
    (read as the main verb, or as a participle of the noun that heads a verbless headline)."""
    if token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in children_of(token)):
        return False
    sent = sentence_of(token)
    last = next((t for t in reversed(doc_tokens(token.doc)[sent.start:sent.end]) if not t.is_space), None)
    if last is not None and last.text in SENTENCE_ENDS:
        return False  # a sentence, not a headline: "Trump offered ..." mis-tagged as a participle
    if token.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in children_of(token))
    return token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN")


def passive_subject(token: Token) -> Token | None:
    """Who underwent a passive act: its own subject, or that of the passive it is joined to."""
    own = next((c for c in children_of(token) if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and _headline_passive(token)),
               None)
    if own is None and token.dep_ == "acl" and _headline_passive(token):
        own = token.head  # "Kenyan journalist arrested in Nairobi"
    if own is None and token.dep_ == "conj":
        own = next((c for c in children_of(token.head) if c.dep_ == "nsubjpass"), None)
    return own


def sources_of(index: ActorIndex, token: Token, depth: int = 0) -> list[Actor]:
    """Who did the act a verb or event noun reports."""
    if depth:
        return _sources_of(index, token, depth)
    found = index.sources.get(token.i)
    if found is None:
        found = index.sources[token.i] = _sources_of(index, token, 0)
    return list(found)


def _sources_of(index: ActorIndex, token: Token, depth: int) -> list[Actor]:
    if depth > 5:
        return []
    if token.pos_ in ("NOUN", "PROPN"):
        # The one whose act it is: "Haftar's visit", "a visit by X", "Israeli air raids",
        # "the demonstration staged by students"; "travelled to Cairo for talks": the traveller.
        found = index.modifiers_of(token, ("poss",)) or index.in_prep(token, ("by", "between", "among")) \
            or index.modifiers_of(token, ("compound", "amod", "nmod")) or _acl_agents(index, token)
        if not found and token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.pos_ == "VERB":
            found = sources_of(index, token.head.head, depth + 1)
        return found
    if is_passive(token):
        # the parser may hang the agent on the object of a passive with two objects: "were
        # denied visas by the ministry"
        return index.in_prep(token, ("by",)) or [
            a for c in children_of(token) if c.dep_ == "dobj" for a in index.in_prep(c, ("by",), False)]
    subjects = [c for c in children_of(token) if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"] or \
        [s for s in (subject(token),) if s is not None]
    for subj in subjects:  # the first subject that is an actor ("ADDIS ABABA, Jan 9 - Ethiopia's government")
        found = index.at(subj)
        if found:
            return found
    if subjects:
        return []
    if token.dep_ == "conj" and is_passive(token.head):  # "was indicted ... and will resign"
        return index.at(next((c for c in children_of(token.head) if c.dep_ == "nsubjpass"), None))
    if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp") and token.head.i != token.i:
        head = token.head.head if token.head.pos_ == "ADP" else token.head
        if token.dep_ == "xcomp" and head.pos_ == "ADJ":  # "is ready to send": the subject of "is"
            head = head.head
        controller = _object_control(head) if token.dep_ == "xcomp" else None
        if controller is not None and index.at(controller):  # "urged Uganda to repatriate": Uganda
            return index.at(controller)  # (but "used tear gas to disperse": whoever used it)
        if token.dep_ == "xcomp" and is_passive(head):  # "Egypt is expected to sign": Egypt signs
            return index.at(next((c for c in children_of(head) if c.dep_ == "nsubjpass"), None))
        return sources_of(index, head, depth + 1)
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in REDUCED_PASSIVES:
        # "men accused of spying": done to them, by whoever (the parser reads other verbs so by mistake)
        return index.in_prep(token, ("by",))
    if token.dep_ in ("acl", "relcl"):  # "demonstrators protesting ...": the demonstrators
        return index.at(token.head)
    return []


def instrument_subject(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of a verb when it is a weapon or an event, not a doer: "a roadside bomb killed",
    "violence killed", "rockets struck"; also the agent or subject of a passive ("killed by a car
    bomb", "the bomb was detonated by remote control")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if is_passive(verb):  # "killed by a car bomb", "the bomb was detonated by remote control", "killed in an airstrike"
        candidates = [o for c in children_of(verb) if c.dep_ == "agent" for o in children_of(c) if o.dep_ == "pobj"]
        candidates += [c for c in children_of(verb) if c.dep_ == "nsubjpass"]
        candidates += [o for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in ("in", "by", "during")
                       for o in children_of(c) if o.dep_ == "pobj"]
    else:
        candidates = [subject(verb)]
    if candidates == [None] and verb.dep_ == "acl":  # "a bomb detonated on Sunday" read as a participle of "bomb"
        candidates = [verb.head]
    weapons = lexicon.words("instrument_nouns")
    for subj in candidates:
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        if subj.lemma_.lower() in weapons or subj.lower_ in weapons or subj.lower_.removesuffix("s") in weapons:
            return subj  # "Rockets struck" (tagged a name at the start of a sentence)
        sense = lexicon.match(subj)
        if sense is not None and sense.kind == "event" and sense.plover == "ASSAULT":
            return subj
    return None


def _acl_agents(index: ActorIndex, noun: Token) -> list[Actor]:
    """Who did what a noun names, from a participle after it: "crimes committed by Croat forces"
    (not "talks mediated by Egypt": a go-between is not a party)."""
    for child in children_of(noun):
        if child.dep_ == "acl" and child.lemma_.lower() not in GO_BETWEENS:
            found = index.in_prep(child, ("by",), deep=False)
            if found:
                return found
    return []


def _object_control(verb: Token) -> Token | None:
    """"urged Uganda to repatriate": Uganda does the repatriating."""
    for child in children_of(verb):
        if child.dep_ == "dobj":
            return child
    return None


def targets_of(index: ActorIndex, token: Token, sources: list[Actor], things: list[Token] = ()) -> list[Actor]:
    """To whom the act was done; ``things`` are objects that are what is done ("sent troops to X")."""
    source_entities = {a.entity for a in sources if a.entity is not None}

    def others(actors: list[Actor]) -> list[Actor]:  # "insisted on its demands that X ...": not "its"
        return [a for a in actors if a.entity is None or a.entity not in source_entities]

    found: list[Actor] = []
    if token.pos_ in ("NOUN", "PROPN"):
        found = others(index.in_prep(token, TARGET_PREPS[:-1]))
        for prep in (c for c in children_of(token) if c.lower_ == "of" and not found):  # "suspension of links with X"
            found = others([a for obj in children_of(prep) for a in index.in_prep(obj, TARGET_PREPS[:-1], deep=False)])
        for clause in (c for c in children_of(token) if c.dep_ in ("acl", "ccomp") and not found):
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in children_of(clause)):
                found = others(clause_subject_actors(index, clause))  # "accusations that Uganda armed ...": Uganda
    elif is_passive(token):
        found = others(index.at(passive_subject(token)))
    if not found and token.pos_ not in ("NOUN", "PROPN"):
        objects = [c for c in children_of(token) if c.dep_ in ("dobj", "dative", "iobj", "attr")] + _up_to(token)
        if things:  # "held talks with X", "sent troops to X", "tightened the blockade of X"
            for thing in things:
                found = found or others(index.in_prep(thing, TARGET_PREPS[:-1])) or \
                    [a for a in others(index.in_prep(thing, ("of",), deep=False)) if a.sector is None and a.country]
            found = found or others(index.in_prep(token, TARGET_PREPS[:-1]))
        for obj in [*objects, *things]:  # "attacked X", "rejected a U.S. request", "Turkey's efforts"
            if found:
                break
            found = others(index.at(obj) or index.modifiers_of(obj) or index.in_prep(obj, ("of", "from", "by"))
                           or _acl_agents(index, obj))  # "prevented the demonstration staged by students"
        found = found or others(index.in_prep(token, TARGET_PREPS[:-1]))
        if not found:  # "allowed Ouattara to run", "demanded that Hamas renounce", "insisted on demands that X"
            clauses = [c for c in children_of(token) if c.dep_ in ("ccomp", "xcomp")]
            clauses += [g for c in children_of(token) if c.dep_ == "prep" for o in children_of(c) if o.dep_ == "pobj"
                        and o.lemma_.lower() in DEMAND_NOUNS for g in children_of(o) if g.dep_ in ("acl", "ccomp")]
            found = next((f for f in (others(index.at(subject(c))) for c in clauses if subject(c) is not None) if f),
                         [])
    return found


def _up_to(verb: Token) -> list[Token]:
    """"kidnapped up to 16 advisers": the parser reads "up" as a particle and the object as its phrase."""
    return [o for p in children_of(verb) if p.dep_ == "prt" and p.lower_ == "up" for t in children_of(p)
            if t.lower_ == "to" for o in children_of(t) if o.dep_ == "pobj" and any(c.dep_ == "nummod" for c in children_of(o))]


def clause_subject_actors(index: ActorIndex, token: Token) -> list[Actor]:
    """The subject of a clause an act is about: "demanded that Hamas renounce"."""
    subj = subject(token)
    return index.at(subj) if subj is not None else []


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    obligation: bool = False  # "must", "should": a demand when someone says it
    conditional: bool = False  # the act depends on an "if"/"unless" clause: a threat when it is force
    conditioned: bool = False  # the act is inside an "if"/"whether" clause: only supposed
    past: bool = False


def modality(token: Token, lexicon: EventLexicon) -> Modality:
    """Negation, future/intent, hypothetical and obligation marks on a trigger's clause."""
    moods = doc_memo(token.doc, "modality")  # (asked again for clauses that several acts share)
    key = (token.i, lexicon)
    found = moods.get(key)
    if found is None:
        found = moods[key] = _modality(token, lexicon)
    return found


def _modality(token: Token, lexicon: EventLexicon) -> Modality:
    words = lexicon.words
    negations, conditions = words("negations"), words("conditional_marks")
    chain = [token]
    node = token
    while node.dep_ in ("xcomp", "acomp", "pcomp") and node.head.i != node.i and len(chain) < 5:
        node = node.head
        chain.append(node)
        if node.pos_ == "ADP":
            continue
    negated = hypothetical = obligation = conditional = False
    future = token.dep_ == "acl" and token.head.lemma_.lower() in PLAN_NOUNS  # "a decision to expel": not yet done
    # What a thing or an act is for is not an act done: "more systems to protect its cities",
    # "needed more systems to protect its cities" (an aim of a coded act is absorbed into it instead)
    purpose = not future and (token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN")
                              or token.dep_ == "advcl") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(token))
    for i, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if i and lemma in words("intent_verbs") | words("intent_adjectives"):
            future = True
        if i and lemma in words("schedule_words"):
            hypothetical = True  # "is due to head to Paris": planned by a timetable, not yet done
        if i and lemma in words("wish_verbs"):
            hypothetical = True
        if i and lemma in words("failure_verbs"):
            negated = True
        for child in children_of(node):
            low, dep = child.lower_, child.dep_
            if dep == "neg" or low in negations and dep in ("advmod", "det", "neg"):
                negated = True
            elif dep == "aux":
                if low in words("future_auxiliaries"):
                    future = True
                elif low in words("obligation_modals"):
                    obligation = True
                elif low in words("hypothetical_modals"):
                    hypothetical = True
            elif dep == "mark" and low in conditions:
                hypothetical = True
            elif dep == "advcl" and any(g.dep_ == "mark" and g.lower_ in conditions for g in children_of(child)):
                conditional = True
        if node.lemma_ in ("need", "have") and i:
            obligation = True
    conditioned = _in_condition(token, lexicon)
    past = token.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in children_of(token))
    return Modality(negated, future, hypothetical or conditioned or purpose, obligation, conditional,
                    conditioned, past)


def _in_condition(token: Token, lexicon: EventLexicon) -> bool:
    """Is the trigger inside an "if"/"unless" clause?"""
    node = token
    conditions = lexicon.words("conditional_marks")
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in conditions for c in children_of(node)):
            return True
        if node.head.i == node.i or node.dep_ in ("ccomp",):
            return False
        node = node.head
    return False


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for actor in actors:
        key = (actor.start, actor.code)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out
