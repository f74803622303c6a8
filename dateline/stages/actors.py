"""Stage: find the political actors an article mentions and resolve each to country and sector.

A mention is a noun phrase whose head is a known name (knowledge base), a named entity, a
role noun ("officials", "the army") or a pronoun. Its country and sector come from the
knowledge base and from the phrase itself: nationality adjectives and titles ("Egyptian
President ..."), "of" and "in" phrases ("commander of the LNA", "police in Jericho"),
appositions, and organisations the article defines ("Libyan National Army (LNA)").
Later mentions of the same actor ("Haftar", "he", "the commander") share its entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors_kb import ActorKnowledge, Entry, make_code, name_key
from ..model import Actor, CodedArticle
from ..resources import Resources
from .actor_names import LED, abbreviates, against, kb_matches
from .actor_words import is_former, org_words, role_name, role_sector, title_sector
from .coref import Antecedents, is_pronoun
from .lead import lead_span
from .parse_repair import stranded_words
from .peoples import Peoples
from .places import dateline_country
from .tokens import (
    HEAD_POS,
    children_of,
    doc_ents,
    doc_heads,
    doc_tokens,
    head_of,
    sentence_of,
    words_with_pos,
)

NAMED = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
# Objects of these prepositions are places, not actors ("talks in Cairo").
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "into",
            "around", "off", "along", "beyond", "onto", "via", "through"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "flat", "nummod"}
# Phrases after a role noun that tell whose it is: "commander of the LNA", "police in Jericho".
ROLE_PREPS = {"of", "in", "from", "throughout", "across", "inside"}
# Words that tie a group to another actor: "militants loyal to X", "workers affiliated with Y".
ALLEGIANCE = {"loyal", "affiliate", "affiliated", "allied", "linked", "belonging", "close", "attached"}
# People who follow another actor: "supporters of X" share X's country, not X's office.
FOLLOWERS = {"supporter", "follower", "loyalist", "sympathizer", "sympathiser", "backer", "admirer"}
# Who speak for another: "a spokesman for the defence ministry" is the ministry's voice.
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
# People fleeing a country or a war in it are of that country: "refugees fleeing the war in Liberia".
FLEEING = {"flee", "escape"}
# Words that make an armed force an international one.
INTERNATIONAL_FORCE = {"international", "multinational", "regional", "joint", "allied", "coalition"}
# Nouns for places inside a country: "activists in the Indian state of X" are of that country.
PLACE_NOUNS = {"state", "province", "region", "city", "town", "village", "district", "capital", "county",
               "area", "territory", "governorate", "prefecture", "municipality", "island", "enclave"}
# "-style", "-like": a kind of thing, not the country named.
LIKENESS = {"style", "like", "type", "esque", "era"}


@dataclass
class Resolved:
    """What a phrase stands for, so far."""

    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    kind: str = "role"  # person, org, country, capital, gov, role, pronoun
    entry: Entry | None = None
    generic: bool = False  # a head that gives way to a telling modifier: "rebel leader"

    @property
    def known(self) -> bool:
        return bool(self.country or self.sector or self.code)


def find_actors(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``coded.actors`` with every actor mention, resolved and grouped into entities."""
    article = coded.article
    lead = range(*lead_span(doc, article.dateline_start, article.dateline_end))
    dateline = doc[lead.start:lead.stop].text if lead else article.dateline  # "PORT SUDAN, Sudan (AP) -"
    # the dateline's country: a capital or country the knowledge base knows, else its town in the gazetteer
    home = _dateline_country(dateline, res.actors) or dateline_country(res.gazetteer, article)
    finder = _Finder(doc, res.actors, article.date, home, lead, res.gazetteer.knows)
    return coded.replace(actors=tuple(finder.run()))


def _dateline_country(dateline: str | None, kb: ActorKnowledge) -> str | None:
    """The country of the article's dateline ("NAIROBI, Kenya (AP) -"), when it names a capital or country."""
    if not dateline:
        return None
    for part in dateline.replace("(", ",").split(","):
        for entry in kb.lookup(name_key(part)):
            if entry.kind in ("country", "capital"):
                return entry.roles[0].country
    return None


class _Finder:
    def __init__(self, doc: Doc, kb: ActorKnowledge, day, home: str | None = None, lead: range = range(0),
                 is_place_name=lambda text: False) -> None:
        self.doc, self.kb, self.day, self.home, self.lead = doc, kb, day, home, lead
        self.tokens = doc_tokens(doc)  # index this, not the Doc: doc[i] makes a new Token each time
        self.is_place_name = is_place_name
        self.matches = kb_matches(doc, kb)  # head token index -> (start, end, entries)
        self.covered = {i: head for head, (s, e, _) in self.matches.items() for i in range(s, e)}
        self.defined: dict[str, Resolved] = {}  # abbreviations the article defines: "LNA"
        self.memo: dict[int, Resolved | None] = {}
        ents = doc_ents(doc)
        self.entity_of = {i: ent for ent in ents if ent.label_ in NAMED for i in range(ent.start, ent.end)}
        self.pronouns: dict[int, Actor] = {}  # resolved pronouns, for "their forces"
        self.antecedents: Antecedents | None = None  # the mentions so far, while ``run`` reads the article
        self.stranded: dict[int, set[int]] = {}  # sentence start -> words of a subject the parser misplaced
        self.peoples = Peoples(kb, self.matches, lead)
        self.titles: dict[int, str | None] = {}  # name start -> sector of the title before it
        self.roles: dict[tuple[int, bool], str | None] = {}  # (word, alone) -> sector of the role it names
        # Surnames of the people the article names, so "Sabry" is found where the tagger misses it.
        self.surnames = {name_key(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1}

    def run(self) -> list[Actor]:
        self._find_definitions()
        antecedents = self.antecedents = Antecedents(self.kb, self.home)
        actors: list[Actor] = []
        tokens = self.tokens
        for i in words_with_pos(self.doc, HEAD_POS):  # (nouns, names, pronouns, adjectives: a tenth of the cost of all words)
            token = tokens[i]
            if not self._is_head(token):
                continue
            if is_pronoun(token):
                for found in antecedents.resolve_pronoun(token):
                    actor = replace(found, text=token.text, start=token.idx, end=token.idx + len(token.text))
                    antecedents.remember_pronoun(actor, token)
                    actors.append(actor)
                    self.pronouns.setdefault(token.i, actor)
                continue
            resolved = self.resolve(token)
            if resolved is None or not resolved.known and resolved.kind != "person":
                continue
            for span, one in self._expand(token, resolved):
                actor = antecedents.add(span, one, token)
                named = one.kind == "person" and token.pos_ == "PROPN" and span.text[:1].isupper()
                if actor.code or actor.country or actor.sector or named:
                    actors.append(actor)  # a named person is an actor even when we cannot place them
        return actors

    # -- candidates ------------------------------------------------------------------------------

    def _is_head(self, token: Token) -> bool:
        """Does this token head an actor phrase of its own (not a modifier of another one)?"""
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
            return False
        if token.i in self.lead:
            return False  # "CAIRO, Egypt (AP) -" says where the story was filed
        tokens = self.tokens
        if token.i + 2 < len(tokens) and tokens[token.i + 1].text == "-" and tokens[token.i + 2].lower_ in LIKENESS:
            return False  # "a Bosnia-style war" is about a kind of war, not about Bosnia
        if token.pos_ == "ADJ" and not self.kb.country_of(token.text):
            return False
        if token.dep_ == "compound" and token.pos_ == "NOUN" and not self._role_sector(head_of(token)) \
                and token.i not in self.matches and head_of(token).lemma_.lower() not in self.kb.generic \
                and head_of(token).pos_ != "VERB":  # (a noun the parser hung on a verb heads its own phrase)
            return False  # "press conference", "police station": a modifier, not an actor
        if token.i in self.covered and self.covered[token.i] != token.i:
            return False
        if token.i not in self.matches and token.i in self.entity_of and self.entity_of[token.i].root != token:
            return False
        first = token
        heads = doc_heads(self.doc)
        while first.dep_ == "conj" and heads[first.i] != first.i:  # "in Geneva and Amman", "US and British forces"
            first = self.tokens[heads[first.i]]
        if first.dep_ in MODIFIER_DEPS and heads[first.i] != first.i and self._absorbs(head_of(first), token):
            return False
        return not (first.dep_ == "pobj" and head_of(first).lower_ in LOCATIVE and self._is_place(token)) \
            or token.i in self._stranded(sentence_of(token))  # "In Ufa, Pakistan and India decided": subjects

    def _stranded(self, sent: Span) -> set[int]:
        if sent.start not in self.stranded:
            self.stranded[sent.start] = stranded_words(sent)
        return self.stranded[sent.start]

    def _absorbs(self, head: Token, modifier: Token) -> bool:
        """Is the modifier just information about its head ("Egyptian" in "Egyptian army")?"""
        entries = self._entries(modifier)
        if entries and entries[0].kind in ("person", "org"):
            return False  # a named person or organisation is a mention of its own
        if modifier.dep_ == "poss" and not self._role_sector(head):
            return False  # "Turkey's efforts": Turkey is the actor
        return bool(self._role_sector(head) or self._entries(head) or head.ent_type_ in NAMED)

    def _is_place(self, token: Token) -> bool:
        entries = self._entries(token)
        if token.ent_type_ == "PERSON" and not entries:  # "demonstrated in Lyon": the tagger's "person" is a town
            return name_key(token.text) not in self.surnames and self.is_place_name(self._entity_span(token).text)
        return (token.ent_type_ in ("GPE", "LOC", "FAC") or bool(entries)) and \
            not (entries and entries[0].kind in ("person", "org"))

    # -- resolution ------------------------------------------------------------------------------

    def resolve(self, token: Token) -> Resolved | None:
        if token.i not in self.memo:
            self.memo[token.i] = None  # guards against cycles in odd parses
            self.memo[token.i] = self._resolve(token)
        return self.memo[token.i]

    def _resolve(self, token: Token) -> Resolved | None:
        entries = self._entries(token)
        if entries:
            out = self._from_entry(entries[0], token)
        elif token.text in self.defined:
            out = replace(self.defined[token.text])
        elif token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and name_key(token.text) in self.surnames:
            out = Resolved(token.text, kind="person", sector=self._title_sector(token))
        elif self._group(token):  # "the Kurds", "Hutus": a people, placed by the sentence
            out = Resolved(token.text, sector="CVL")
        elif token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or self._role_sector(token) \
                or token.pos_ == "ADJ" and self.kb.country_of(token.text):
            out = self._from_phrase(token)
        else:
            return None
        self._add_context(token, out)
        if not out.country and out.kind == "role" and self._group(token):
            out.country = self.peoples.country(token)
            out.code = make_code(out.country, out.sector)
        return out

    def _from_entry(self, entry: Entry, token: Token) -> Resolved:
        role = entry.at(self.day)
        out = Resolved(entry.name, role.country, role.sector, role.code, entry.kind, entry)
        title = self._title_sector(token)
        if entry.kind == "person" and title and (role.sector in (None, "ELI") and not is_former(self.kb, token)):
            out.sector = title  # the text says what the person is now
            out.code = make_code(out.country, title)
        if entry.kind == "country" and self._role_sector(token):
            out.sector = self._role_sector(token)
        return out

    def _from_phrase(self, token: Token) -> Resolved:
        span = self._entity_span(token)
        kind = {"PERSON": "person", "ORG": "org"}.get(token.ent_type_, "role")
        name = span.text if kind != "role" else role_name(token)
        # A generic head gives way to a telling modifier, unless they make a role together ("border patrol agents").
        generic = token.lemma_.lower() in self.kb.generic and \
            self._role_sector(token) == self._role_sector(token, alone=True)
        out = Resolved(name, kind=kind, generic=generic)
        if token.ent_type_ == "NORP" or token.pos_ == "ADJ" or kind == "org" and self.kb.country_of(token.text):
            out.country = self.kb.country_of(token.text)  # ("Greek Cypriots", tagged an organisation: Cypriots)
            if out.country:
                out.kind, out.sector = "country", None
        out.sector = out.sector or self._role_sector(token) or self._title_sector(token)
        if out.kind == "org":
            out.country, org_sector = org_words(self.kb, span)
            out.sector = out.sector or org_sector
        return out

    def _group(self, token: Token) -> bool:
        if token.lower_ not in self.kb.ethnic or not token.text[:1].isupper():
            return False  # (most words: a dict lookup and done)
        return self.peoples.is_group(token, len(self._entity_span(token)), bool(self._entries(token)))

    def _add_context(self, token: Token, out: Resolved) -> None:
        """Fill what the phrase itself says: modifiers, "of"/"in" phrases, appositions."""
        if out.entry is not None and out.entry.kind == "gov":
            # an organ named as the knowledge base's country names its own ("Congress") is another
            # country's when its phrase says so: "Peru's Congress", "the Philippine Congress"
            owner = next((info.country for c in children_of(token) if c.dep_ in ("poss", "amod", "compound")
                          for info in (self._modifier_info(c),) if info is not None and info.country), None)
            if owner and owner != out.country:
                out.country, out.code = owner, make_code(owner, out.sector)
        if out.kind == "country" and out.entry is None:  # a people: "Egyptians", "ethnic Albanians"
            if any(c.lower_ == "ethnic" for c in children_of(token)):
                out.kind = "role"  # an ethnic group, of whichever country it lives in, if the sentence names it
                out.country = self.peoples.country(token, minority=True)
            if token.tag_ in ("NNS", "NNPS") or out.kind == "role":
                out.sector = out.sector or "CVL"
                for child in children_of(token):  # "the Albanians of southern Serbia": where they live
                    if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                        place = next((self._pp_info(o, "in") for o in children_of(child) if o.dep_ == "pobj"), None)
                        if place is not None and place.country:
                            out.country = place.country
        # "Bosnian Serbs": a people named where they live; "Greek Cypriots": a nation's community
        people = name_key(token.text) in self.kb.minorities or name_key(token.text) in self.kb.ethnic
        for child in children_of(token):
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos" and out.kind != "country":
                if child.dep_ == "poss" and out.kind in ("person", "country"):
                    continue
                info = self._modifier_info(child)
                if info is not None and out.kind == "country" and out.entry is None and not people and out.country:
                    continue
                self._merge(out, info, country_only=child.dep_ == "poss" and out.kind == "org")
            elif child.dep_ == "prep" and out.kind in ("role",) and (child.lower_ in ROLE_PREPS or (
                    child.lower_ == "for" and token.lemma_.lower() in SPOKESPEOPLE)):
                prep = "of" if child.lower_ == "for" else child.lower_  # "a spokesman for X" speaks as X's
                follower = token.lemma_.lower() in FOLLOWERS  # "supporters of X" are not what X is
                for obj in children_of(child):
                    if obj.dep_ == "pobj":
                        self._merge(out, self._pp_info(obj, prep), country_only=prep != "of" or follower)
        if out.kind in ("role", "person") and out.sector in ("GOV", None) and (is_former(self.kb, token) or any(
                c.dep_ in ("compound", "amod", "appos") and is_former(self.kb, c) for c in children_of(token))):
            out.sector = "ELI"  # "former Kenyan minister Ruth Wanjiku": the title is hers no more
            if out.code and out.country and out.code[:3] == out.country:
                out.code = make_code(out.country, "ELI")
        if out.kind == "role" and not out.country and out.sector == "MIL" and any(
                c.dep_ == "amod" and c.lower_ in INTERNATIONAL_FORCE for c in children_of(token)):
            out.code = "IGO" + out.sector  # "a regional peacekeeping force", "multinational troops"
        if not out.country and out.kind == "role":  # "militants loyal to Zarqawi", "workers affiliated with X"
            for child in children_of(token):
                if child.dep_ in ("amod", "acl") and child.lemma_.lower() in ALLEGIANCE:
                    for prep in (c for c in children_of(child) if c.dep_ == "prep"):
                        for obj in (o for o in children_of(prep) if o.dep_ == "pobj"):
                            self._merge(out, self.resolve(obj), country_only=True)
        if not out.country and out.kind == "role":
            self._merge(out, self._fled(token), country_only=True)
        part = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
        if not out.country and part.dep_ == "conj" and out.kind == "role":
            head = self.resolve(part.head)  # "Fabius and a group of deputies": French deputies
            out.country = head.country if head is not None else None
        international = bool(out.code and out.code[:3] in ("IGO", "NGO", "IMG"))
        if (out.entry is None or out.entry.kind == "country" and out.sector) and not international:
            out.code = make_code(out.country, out.sector)

    def _fled(self, token: Token) -> Resolved | None:
        """Where people flee from: "refugees fleeing Syria", "civilians escaping the fighting in Sudan"."""
        for verb in children_of(token):
            if verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in FLEEING:
                objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
                preps = [c for t in (verb, *objects) for c in children_of(t) if c.dep_ == "prep" and c.lower_ in
                         ("in", "from")]
                places = objects + [o for p in preps for o in children_of(p) if o.dep_ == "pobj"]
                for place in places:
                    found = self._pp_info(place, "in")
                    if found is not None and found.country:
                        return found
        return None

    def _modifier_info(self, child: Token) -> Resolved | None:
        if is_pronoun(child) and (child.head.lemma_.lower() == "counterpart" or any(
                c.dep_ in ("amod", "compound") and self.kb.country_of(c.text) for c in children_of(child.head))):
            return None  # "his Iranian counterpart": the nationality says whose; a counterpart is the other side's
        if child.i not in self.pronouns and is_pronoun(child) and self.antecedents is not None:
            found = self.antecedents.resolve_pronoun(child)  # "its soldiers": "its" is no mention of its own
            if found:
                self.pronouns[child.i] = found[0]
        if child.i in self.pronouns:  # "their forces": the forces of whoever "their" is
            actor = self.pronouns[child.i]
            international = actor.code if actor.code and actor.code[:3] in ("IGO", "NGO", "IMG") else None
            return Resolved(actor.name, actor.country, None, international, "pronoun")
        if against(child):
            return None  # "an anti-Syria journalist" is not Syrian
        entries = self._entries(child)
        if entries:
            return self._from_entry(entries[0], child)
        if child.text in self.defined:
            return self.defined[child.text]
        if any(g.lower_ == "ethnic" for g in children_of(child)):  # "ethnic Albanian guerrillas in Macedonia"
            country = self.peoples.country(child, minority=True)
        else:  # "Egyptian troops", "Karen rebels" (but not "Karen Bass")
            one_name = child.i in self.entity_of and self.entity_of.get(child.head.i) is self.entity_of[child.i]
            country = self.kb.country_of(child.text) or (self.peoples.country(child) if not one_name else None)
        # an apposition is a whole role phrase ("X, chief financial officer of ..."); a modifier one word
        sector = self._role_sector(child, alone=child.dep_ != "appos") or self.kb.titles.get(name_key(child.text))
        info = Resolved(child.text, country, sector)
        for grandchild in children_of(child):  # "Hungarian and Romanian": only the first here
            if grandchild.dep_ in ("compound", "amod", "nmod") and not info.country:
                info.country = self.kb.country_of(grandchild.text)
                owner = self._entries(grandchild)  # "Arab League Secretary-General X": the League's
                if owner and owner[0].kind in ("org", "country") and not info.country:
                    role = owner[0].at(self.day)
                    info.country = role.country
                    if role.code.startswith(("IGO", "NGO")):
                        info.code = role.code  # "the EU's ambassador": the EU's (the sector says GOV)
            elif grandchild.dep_ == "npadvmod" and child.lower_ in LED and not info.country:
                info.country = self.kb.country_of(grandchild.text)  # "Vietnamese-led forces"
        return info if info.known else None

    def _pp_info(self, obj: Token, prep: str) -> Resolved | None:
        if prep not in ("of", "from") and not self._is_place_like(obj):
            return None  # "police in Jericho" says where they are from; "rebels in the hills" does not
        found = self.resolve(obj)
        if found is None:  # "inhabitants of the Syrian Golan Heights": the place's country
            countries = {self.kb.country_of(c.text) for c in children_of(obj) if c.dep_ in ("amod", "compound")}
            countries.discard(None)
            found = Resolved(obj.text, countries.pop()) if len(countries) == 1 else None
        return found

    def _is_place_like(self, obj: Token) -> bool:
        entries = self._entries(obj)
        if obj.lemma_.lower() in PLACE_NOUNS:  # "the Indian state of Chhattisgarh", "the city of Aleppo"
            return any(c.dep_ in ("amod", "compound") and self.kb.country_of(c.text) or c.dep_ == "prep"
                       and c.lower_ == "of" for c in children_of(obj))
        return bool(entries and entries[0].is_state) or obj.ent_type_ == "GPE"

    def _merge(self, out: Resolved, info: Resolved | None, country_only: bool = False) -> None:
        if info is None:
            return
        if out.kind == "country" and info.country and out.entry is None:
            out.country = info.country  # "Bosnian Serbs": where they are from, not who they are
        out.country = out.country or info.country
        if country_only:
            return
        if info.sector and (not out.sector or out.generic and info.sector != "GOV" and out.kind == "role"):
            out.sector = info.sector
        if info.code and info.code.startswith(("IGO", "NGO", "IMG")) and not out.country:
            out.code = info.code  # "EU foreign ministers", "UN peacekeepers": the organisation's code

    # -- helpers ---------------------------------------------------------------------------------

    def _entries(self, token: Token) -> tuple[Entry, ...]:
        head = self.covered.get(token.i)
        if head is None:
            return ()
        return self.matches[head][2] if head == token.i else ()

    def _entity_span(self, token: Token) -> Span:
        return self.entity_of.get(token.i) or self.doc[token.i:token.i + 1]

    def _role_sector(self, token: Token, alone: bool = False) -> str | None:
        key = (token.i, alone)
        if key not in self.roles:
            self.roles[key] = role_sector(self.kb, token, alone)
        return self.roles[key]

    def _title_sector(self, token: Token) -> str | None:
        start = self._entity_span(token).start
        if start not in self.titles:
            self.titles[start] = title_sector(self.kb, self.doc, start)
        return self.titles[start]

    def _find_definitions(self) -> None:
        """"Libyan National Army (LNA)": the abbreviation stands for the name before it."""
        tokens = self.tokens
        for i in range(1, len(tokens) - 2):
            if tokens[i].text == "(" and tokens[i + 2].text == ")" and tokens[i + 1].is_upper \
                    and len(tokens[i + 1]) > 1:
                abbreviation, words = tokens[i + 1].text, [w.text for w in tokens[max(0, i - 8):i] if w.is_alpha]
                if not abbreviates(abbreviation, words):
                    continue  # "Kenya (AP)" is a credit, not a definition
                resolved = self._resolve_name_before(tokens[i - 1])
                if resolved is not None and resolved.known:
                    self.defined[abbreviation] = resolved

    def _resolve_name_before(self, last: Token) -> Resolved | None:
        head = self.covered.get(last.i)
        if head is not None:
            return self._from_entry(self.matches[head][2][0], self.doc[head])
        if last.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
            span = self._entity_span(last)
            country, sector = org_words(self.kb, span)
            if country is None:  # "South Korea's Joint Chiefs of Staff (JCS)": the owner's country
                owners = [self._entries(c) for c in children_of(span.root) if c.dep_ == "poss"]
                country = next((e[0].roles[0].country for e in owners if e and e[0].kind == "country"), None)
            return Resolved(span.text, country, sector, make_code(country, sector), "org")
        return None

    def _expand(self, token: Token, resolved: Resolved):
        """One (span, resolution) per country of coordinated modifiers ("Hungarian and Romanian officials")."""
        start, end = self._mention_bounds(token)
        yield self.doc[start:end], resolved
        for child in children_of(token):
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                for conj in children_of(child):
                    if conj.dep_ == "conj":
                        country = self.kb.country_of(conj.text)
                        if country and country != resolved.country:
                            other = replace(resolved, country=country, code=make_code(country, resolved.sector),
                                            name=f"{conj.text} {resolved.name.split()[-1]}")
                            yield self.doc[conj.i:end], other

    def _mention_bounds(self, token: Token) -> tuple[int, int]:
        if token.i in self.matches:
            start, end, _ = self.matches[token.i]
        else:
            span = self._entity_span(token)
            start, end = span.start, span.end
        for child in children_of(token):
            if child.i >= token.i:
                break
            if child.dep_ in ("compound", "amod", "nmod", "flat") and child.i < start and not self._is_head(child):
                start = child.left_edge.i if child.left_edge.dep_ != "det" else child.i
        if token.i >= self.lead.stop:
            start = max(start, self.lead.stop)  # "Raipur, India - Rights activists": not "India - Rights"
        return start, end
