"""Whom an act was done to, when the sentence does not say it plainly.

Beyond the syntax (``event_syntax.targets_of``): the subject of a demanded or threatened act
("demanded that Hamas renounce"), whoever must meet a threat's condition ("unless Baghdad
accepts"), the government of a trip's destination, the people of the place where force or
restrictions were used ("a curfew in Abidjan"), and, for unnamed groups facing a state's
organs, that state ("Turkish police arrested students": Turkish students).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors_kb import ActorKnowledge, name_key
from ..lexicon import PLACE_NOUNS, EventLexicon, Sense, is_place_phrase
from ..model import Actor, CodedArticle
from .actor_words import from_elsewhere, said_local
from .event_syntax import ActorIndex, clause_subject_actors, sources_of, targets_of
from .event_triggers import Trigger
from .tokens import children_of

# Complaints and protests are aimed at what they are about ("over", "against"), not at whom they are
# addressed ("complained to the United Nations over Israeli air raids").
GRIEVANCE_ROOTS = frozenset({"11", "14"})
GRIEVANCE_PREPS = ("against", "over", "about")
# Acts of giving: their direct object is what is given, never to whom.
GIVING = frozenset({"AID", "COOPERATE"})
# Acts done to a place's people when no one else is named: aid, force posture, restrictions, force.
PLACE_TARGET_ROOTS = frozenset({"07", "15", "17", "18", "19"})
PLACE_TARGET_CODES = frozenset({"081", "132", "191", "141", "145"})
PLACE_PREPS = frozenset({"in", "at", "on", "across", "throughout", "inside", "through", "around", "outside"})
# Force whose object or destination is a place is done to its people: "shelled areas of Aleppo", "into Somalia".
FORCE_ROOTS = frozenset({"18", "19"})
PLACE_PREPS_AID = frozenset({"to", "in", "into"})  # aid delivered "to Mekelle" is for the people there
# Prepositions that take "of" before the place: "outside of Basra".
OUTSIDE = frozenset({"outside", "inside", "north", "south", "east", "west"})
# Types whose event nouns take their recipient in an "of" phrase: "the arrest of X", "the killing of X".
PATIENT_OF = frozenset({"COERCE", "ASSAULT", "RETREAT", "SANCTION"})
# Acts whose object, when it is an actor, is whom they are done to ("expelled two journalists").
PATIENT_ROOTS = frozenset({"17", "18"})
# Sectors of groups that act where they live ("opposition leaders agreed in Baku": Azerbaijanis).
LOCAL_SECTORS = frozenset({"OPP", "CVL", "PTY", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED"})
# Armed groups are of the country they fight in when the clause names it ("militants ... in northern Mali"),
# not of the country the story is filed from.
INSURGENTS = frozenset({"REB"})
# State organs that act at home: unplaced, they are of the country the story is filed from.
HOME_ORGANS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Words of a place phrase that may name the place: "the central Poltava region", "the capital, Kabul".
PLACE_PARTS = frozenset({"compound", "poss", "amod", "appos", "nmod"})
# Acts whose target is where they happen: asylum or refuge "in Germany".
IN_TARGET_CODES = frozenset({"075", "1033"})
# Acts worth coding with only their victims known: "three soldiers were killed", "40 were arrested".
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
VICTIM_SECTORS = frozenset({"CVL", "JRN", "REF", "EDU", "MED", "LAB", "REL", "BUS", "AGR", "CRM"})
# Restrictions a government imposes on its own people: curfews, martial law, bans.
RESTRICTIONS = frozenset({"172", "132", "081"})
# A state's own organs, and the groups inside a state they usually deal with.
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "SPY"})
DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "REB", "EDU", "LAB", "CRM", "PTY", "MED", "JRN", "REL",
                              "BUS", "AGR", "UAF", "ELI", "SOC", "NGO", "COP", "JUD", "LEG", "GOV", "MIL"})


class TargetFinder:
    """Targets of acts, from syntax first and the rules above after."""

    def __init__(self, doc: Doc, coded: CodedArticle, lexicon: EventLexicon, kb: ActorKnowledge,
                 index: ActorIndex) -> None:
        self.doc, self.coded, self.lex, self.kb, self.index = doc, coded, lexicon, kb, index
        self._places: dict[tuple, tuple[Token, str] | None] = {}  # _place's answers: asked for several rules

    def targets(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """The actors an act was done to (none may be found: most acts need no recipient)."""
        token = trigger.token
        found = clause_subject_actors(self.index, trigger.clause) if trigger.clause is not None else []
        if trigger.last is not None:  # "took a swipe at X": X, wherever the parser hung it
            found = [a for c in children_of(trigger.last) if c.dep_ == "pobj" for a in self.index.at(c)]
        if not found and trigger.code[:2] in GRIEVANCE_ROOTS:  # "complained to the UN over Israeli raids": Israel
            found = [a for a in self.index.in_prep(trigger.anchor, GRIEVANCE_PREPS) if a.entity not in
                     {s.entity for s in sources if s.entity is not None}]
        if not found and trigger.code in self.lex.words("handover_codes"):
            found = self.index.in_prep(trigger.anchor, ("to",))  # "extradited X to the United States"
        found = found or targets_of(self.index, token, sources, self._things(token, trigger.sense))
        if not found and token.pos_ == "NOUN" and trigger.sense.plover in PATIENT_OF:
            found = self.index.in_prep(token, ("of",))  # "the arrest of tycoons", "the release of prisoners"
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
            if not found and content.anchor.i != content.token.i:  # "agreed to provide $70 million of aid for X"
                found = targets_of(self.index, content.anchor, sources,
                                   [content.token] + self.lex.objects(content.anchor))
            found = [a for a in found if a.entity is None or a.entity not in entities]
            # "rejected calls for an inquiry into the killing of civilians": what the rejected call was
            # about is no party to the rejection
            content = content.content if trigger.sense.plover != "REJECT" else None
        if not found and (trigger.sense.plover == "THREATEN" or trigger.code[:2] == "13"):
            found = self._condition_target(trigger, entities)
        if trigger.undergone:  # "the base came under attack": the base
            found = clause_subject_actors(self.index, trigger.anchor)
        if not found and trigger.sense.code == "042" and trigger.sense.particles:
            found = self._destination(trigger)
        if not found and trigger.code in IN_TARGET_CODES:  # "sought refuge in Germany": of Germany's state
            found = self.index.in_prep(trigger.anchor, ("in",)) or self._state_of_place(trigger)
        found = found or self.place_target(trigger)
        if not found and trigger.sense.plover == "PROTEST":  # "threw stones during demonstrations against X"
            found = self._protest_aim(trigger, sources)
        if not found and trigger.sense.plover == "PROTEST" and trigger.anchor.pos_ == "VERB":
            # Protesters with no named target protest against their own state (PLOVER GSR practice).
            found = _implied(sources, None)
        if not found and trigger.code[:3] in RESTRICTIONS:  # martial law is imposed on one's own people
            found = _implied(sources, "CVL")
        return found

    def _state_of_place(self, trigger: Trigger) -> list[Actor]:
        found = self._place(trigger, frozenset({"in", "to"}))
        if found is None:
            return []
        token, country = found
        return [Actor(token.text, token.idx, token.idx + len(token.text), token.text, country, "GOV", country + "GOV")]

    def _protest_aim(self, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
        """What a protest named beside the act is against: "rioted during demonstrations against the army"."""
        entities = {a.entity for a in sources if a.entity is not None}
        for token in near(trigger.anchor, 3):
            sense = self.lex.match(token) if token.pos_ == "NOUN" else None
            if sense is not None and sense.plover == "PROTEST":
                found = [a for a in self.index.in_prep(token, GRIEVANCE_PREPS) if a.entity not in entities]
                if found:
                    return found
        return []

    def _destination(self, trigger: Trigger) -> list[Actor]:
        """Whom a trip visits: the government of the capital or country it goes to ("arrived in New Delhi")."""
        for prep in children_of(trigger.anchor):
            if prep.dep_ == "prep" and prep.lower_ in trigger.sense.particles:
                for obj in children_of(prep):
                    entries = self.kb.lookup(name_key(obj.text)) if obj.text[:1].isupper() else ()
                    entry = next((e for e in entries if e.is_state), None)
                    if entry is not None:
                        span = self.doc[obj.left_edge.i:obj.i + 1]
                        country = entry.roles[0].country
                        return [Actor(span.text, span.start_char, span.end_char, entry.name, country, "GOV",
                                      country + "GOV")]
        return []

    def _condition_target(self, trigger: Trigger, sources: set) -> list[Actor]:
        """A threat is aimed at whoever must meet its condition: "... unless Baghdad accepts"."""
        node: Trigger | None = trigger
        while node is not None:
            for clause in children_of(node.anchor):
                marks = {c.lower_ for c in children_of(clause) if c.dep_ == "mark"}
                if clause.dep_ == "advcl" and marks & self.lex.words("conditional_marks"):
                    found = [a for a in clause_subject_actors(self.index, clause) if a.entity not in sources]
                    if found:
                        return found
            node = node.content
        return []

    def place_target(self, trigger: Trigger) -> list[Actor]:
        """A curfew or raid "in Abidjan" is done to the people there (PLOVER GSR practice)."""
        if trigger.code[:2] not in PLACE_TARGET_ROOTS and trigger.code[:3] not in PLACE_TARGET_CODES:
            return []
        force = trigger.code[:2] in FORCE_ROOTS
        found = self._place(trigger, PLACE_PREPS_AID if trigger.code[:2] == "07" else
                            PLACE_PREPS | {"into"} if force else PLACE_PREPS)
        if found is None and force:  # "bombarded rebel-held areas of Aleppo": the people there
            found = next(((o, c) for o in children_of(trigger.anchor) if o.dep_ == "dobj"
                          for c in (self._country_of_place(o),) if c), None)
        # protests are against the state there; force and restrictions hit its people
        return _people_of(found, None if trigger.code[:2] == "14" else "CVL")

    def place_people(self, trigger: Trigger) -> list[Actor]:
        """The people of the place where the act was done: who held "a memorial service in Kigali"."""
        return _people_of(self._place(trigger, PLACE_PREPS), "CVL")

    def place_country(self, trigger: Trigger) -> str | None:
        """The country where the act took place, if its clause names a place ("agreed ... in Baku")."""
        found = self._place(trigger, PLACE_PREPS)
        return found[1] if found else None

    def _place(self, trigger: Trigger, preps: frozenset[str]) -> tuple[Token, str] | None:
        heads = [trigger.anchor, trigger.token] + ([trigger.content.anchor] if trigger.content else [])
        if trigger.anchor.dep_ == "advcl" and trigger.anchor.tag_ == "VBG":
            heads.append(trigger.anchor.head)  # "struck a house in Khan Younis, killing five": there too
        key = (tuple(h.i for h in heads), preps)
        if key not in self._places:
            self._places[key] = self._place_near(heads, preps)
        return self._places[key]

    def _place_near(self, heads: list[Token], preps: frozenset[str]) -> tuple[Token, str] | None:
        for head in heads:
            for token in near(head, 4):
                if token.dep_ != "pobj":
                    continue
                word = token.head.lower_
                prep = token.head.head if word == "of" else token.head  # "outside of Basra"
                if word not in preps and prep.lower_ not in OUTSIDE:
                    continue
                country = self._country_of_place(token)
                if country:
                    return token, country
        return None

    def local(self, trigger: Trigger | None, actors: list[Actor]) -> list[Actor]:
        """Unplaced domestic actors (opposition, civilians, parties, unions; police, courts, officials)
        are of the place their phrase names ("the government of Sindh province"), else of the
        country they act in, else of the country the story is filed from. (With no trigger, as for
        a statement's speakers: no country they act in.)"""
        if not any(a.country is None and a.sector in LOCAL_SECTORS | HOME_ORGANS | INSURGENTS for a in actors):
            return actors
        here = self.place_country(trigger) if trigger is not None else None
        home = self.coded.dateline_place.country if self.coded.dateline_place is not None else None

        def placed(actor: Actor) -> Actor:
            if actor.country is not None or (actor.code or "").startswith(("IGO", "NGO")) or from_elsewhere(actor.text):
                return actor  # ("foreign militias" in talks at the Elysee are not French)
            country = self._own_place(actor) if actor.sector in LOCAL_SECTORS | HOME_ORGANS else None
            country = country or (here if actor.sector in LOCAL_SECTORS | INSURGENTS else None)
            if actor.sector in LOCAL_SECTORS | HOME_ORGANS and not said_local(actor.text):
                country = country or home
            return replace(actor, country=country, code=country + actor.sector) if country else actor
        return [placed(a) for a in actors]

    def _own_place(self, actor: Actor) -> str | None:
        """The country of a place in the actor's "of"/"in" phrase, as the places stage resolved it."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            return None
        for prep in children_of(span.root):
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                for obj in children_of(prep):
                    country = self._country_of_place(obj) if obj.dep_ == "pobj" else None
                    if country:
                        return country
        return None

    def victims_place(self, trigger: Trigger, targets: list[Actor]) -> list[Actor]:
        """Unnamed victims of force in a place are taken to be of that place ("a journalist ... in Beirut")."""
        if trigger.sense.plover not in VICTIM_TYPES or all(t.country for t in targets):
            return targets
        place = self.place_target(trigger)
        if not place:
            return targets
        country = place[0].country
        return [replace(t, country=country, code=country + (t.sector or ""))
                if not t.country and t.sector in VICTIM_SECTORS and not (t.code or "").startswith(("IGO", "NGO"))
                else t for t in targets]

    def _country_of_place(self, token: Token) -> str | None:
        """The country of a place phrase: "Kabul", "the central Poltava region", "the city of Kharkiv"."""
        words = [token] + [c for c in children_of(token) if c.dep_ in PLACE_PARTS] + \
            [g for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"]
        for word in words:  # a country's own name first: "Western Cambodia" is in Cambodia whatever else it names
            if word.dep_ == "amod" and token.lemma_.lower() in PLACE_NOUNS and self.kb.country_of(word.text):
                return self.kb.country_of(word.text)  # "the Iraqi city of Basra" (not "Israeli airstrikes")
            for entry in self.kb.lookup(name_key(word.text)):
                if entry.is_state and word.text[:1].isupper():
                    return entry.roles[0].country
            for place in self.coded.places:
                if place.start <= word.idx < place.end and place.country:
                    return place.country
        return None

    def _things(self, token: Token, sense: Sense) -> list[Token]:
        """Objects that are what is done ("sent 700 kg of medicine"), not to whom it is done."""
        if not sense.objects:
            if sense.plover not in GIVING:
                return []
            # what is given is a thing too ("donated food aid to refugees"), not whom or where it helps
            return [o for o in self.lex.objects(token) if not self.index.at(o) and not is_place_phrase(o)]
        objects = self.lex.objects(token)
        if sense.code[:2] in PATIENT_ROOTS:  # "expelled two journalists from Kosovo": the journalists suffer it
            return [o for o in objects if not self.index.at(o)]
        return objects


def domestic(sources: list[Actor], targets: list[Actor], plover: str) -> tuple[list[Actor], list[Actor]]:
    """An unnamed group facing a state's government, police or courts is taken to be of that state.

    "Turkish police prevented the demonstration staged by students": Turkish students. Armies
    fight abroad, so their force implies this only when they coerce (arrests, detentions).
    """
    state = STATE_SECTORS | ({"MIL"} if plover == "COERCE" else set())

    def country_of_state(actors: list[Actor]) -> str | None:
        countries = {a.country for a in actors if a.country and (a.sector in state or a.sector is None)}
        return countries.pop() if len(countries) == 1 else None

    def fill(actors: list[Actor], country: str | None) -> list[Actor]:
        if country is None:
            return actors
        return [replace(a, country=country, code=country + a.sector)
                if a.country is None and a.sector in DOMESTIC_SECTORS and not from_elsewhere(a.text)
                and not (a.code or "").startswith(("IGO", "NGO", "IMG"))
                else a for a in actors]

    if plover in ("MOBILIZE", "AID", "COOPERATE") or plover == "ASSAULT" and any(a.sector == "MIL" for a in sources):
        return sources, targets
    return fill(sources, country_of_state(targets)), fill(targets, country_of_state(sources))


def _implied(sources: list[Actor], sector: str | None) -> list[Actor]:
    """The sources' own state or people, as a target no phrase names; the sources' mention implies it."""
    countries = {a.country for a in sources if a.country}
    if len(countries) != 1:
        return []
    country = countries.pop()
    by = next(a for a in sources if a.country == country)
    return [Actor(by.text, by.start, by.end, f"{country} (implied)", country, sector, country + (sector or ""))]


def is_implied(actor: Actor | None) -> bool:
    return actor is not None and actor.name.endswith("(implied)")


def near(head: Token, depth: int = 3):
    """Tokens in the clause of ``head``, a few links down, not into other clauses."""
    frontier = [head]
    for _ in range(depth):
        frontier = [c for t in frontier for c in children_of(t) if c.dep_ not in ("ccomp", "advcl", "relcl", "conj")]
        yield from frontier


def _people_of(found: tuple[Token, str] | None, sector: str | None) -> list[Actor]:
    """The people (or, with no sector, the state) of a place found in the text."""
    if found is None:
        return []
    token, country = found
    return [Actor(token.text, token.idx, token.idx + len(token.text), token.text, country, sector,
                  country + (sector or ""))]
