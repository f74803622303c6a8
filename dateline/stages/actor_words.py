"""What the words of an actor phrase say: role nouns, titles, "former", organisation names."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors_kb import ActorKnowledge, name_key
from .tokens import children_of, doc_text, doc_tokens

# Words that say an actor is from elsewhere or from many countries: "foreign militias",
# "European diplomats", "Western officials", "international observers". Such actors take no
# country from the dateline or the place they act in.
ELSEWHERE = frozenset({"foreign", "western", "european", "arab", "african", "asian", "international",
                       "multinational", "overseas"})

# ... but a foreign minister, ministry or office is a state's own.
FOREIGN_OFFICES = frozenset({"minister", "ministers", "ministry", "office", "secretary", "affairs", "policy",
                             "service", "relations"})

# Roles that are a government's when a place holds them: "the chief executive of Hong Kong",
# "Macau's chief executive"; a company's executive stays business.
PLACE_HELD_ROLES = frozenset({"executive"})


def role_sector(kb: ActorKnowledge, token: Token, alone: bool = False) -> str | None:
    """Sector of a role noun, trying the compound phrase first ("border patrol agents", "riot police")."""
    lemma = token.lemma_.lower()
    if not alone:
        for child in children_of(token):
            # (next to it, or across a hyphen: "Secretary-General", "vice-president")
            if child.dep_ in ("compound", "amod") and (child.i == token.i - 1 or child.i == token.i - 2
                                                       and token.doc[token.i - 1].text == "-"):
                pair = f"{child.lemma_.lower()} {lemma}"
                for first in children_of(child):
                    if first.dep_ in ("compound", "amod") and first.i == child.i - 1:
                        sector = kb.roles.get(f"{first.lower_} {pair}")
                        if sector:
                            return sector
                sector = kb.roles.get(pair) or kb.roles.get(f"{child.lower_} {lemma}")
                if sector:
                    return sector
    if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "GPE"):
        return None
    if lemma == "force" and token.tag_ == "NN" and not any(c.dep_ in ("det", "compound", "amod", "poss")
                                                           for c in children_of(token)):
        return None  # "use force": the means, not an armed force
    found = kb.roles.get(lemma) or kb.roles.get(token.lower_)
    if found is None and token.pos_ == "PROPN" and token.is_title and token.lower_.endswith("s"):
        found = kb.roles.get(singular(token.lower_))  # "Rebels", "Authorities" opening a sentence
    if lemma in PLACE_HELD_ROLES and held_by_place(token):
        return "GOV"
    if lemma == "general" and token.dep_ == "amod" and token.head.i == token.i - 1:
        # a title with "general" after it ("director general", "secretary general"), not an army's
        return kb.roles.get(f"{token.head.lemma_.lower()} general") or kb.roles.get(f"{token.head.lower_} general")
    return found


def from_elsewhere(text: str) -> bool:
    """Is an actor phrase said to be from elsewhere ("foreign fighters", "European diplomats")?
    (A foreign minister, ministry or office is a state's own.)"""
    words = text.lower().split()
    return any(w in ELSEWHERE and not (w == "foreign" and words[i + 1:i + 2] and words[i + 1] in FOREIGN_OFFICES)
               for i, w in enumerate(words))


def said_local(text: str) -> bool:
    """Is an actor phrase said to be local ("local officials")? It is then of the event's place, not
    of the place the story is filed from."""
    return "local" in text.lower().split()


def held_by_place(token: Token) -> bool:
    """Is the role a place's: "Hong Kong's chief executive", "the chief executive of Macau"?"""
    for child in children_of(token):
        owner = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in children_of(child) if c.dep_ == "pobj"), None)
        if owner is not None and owner.ent_type_ == "GPE":
            return True
    return False


def title_sector(kb: ActorKnowledge, doc: Doc, start: int) -> str | None:
    """A title just before a name that starts at ``start``: "President X", "Gen. X", "Brig. X"."""
    first = max(start - 4, 0)
    before = doc_tokens(doc)[first:start]
    if not before:
        return None
    end = before[-1].idx + len(before[-1])
    text = doc_text(doc)
    for i in range(first, start):  # the longest title first: "Secretary-General"
        words = before[i - first:]
        if words[0].is_punct or any(w.is_punct and w.text not in ".-" for w in words):
            continue
        key = name_key(text[words[0].idx:end])  # the words' span's text
        sector = kb.titles.get(key) or kb.titles.get(key + ".")
        if sector:
            return sector
    return None


def is_former(kb: ActorKnowledge, token: Token) -> bool:
    """"Former", "ex-", "ousted": the role is no longer held."""
    return any(name_key(c.text) in kb.former for c in children_of(token) if c.dep_ in ("amod", "compound"))


def org_words(kb: ActorKnowledge, span: Span) -> tuple[str | None, str | None]:
    """Country and sector an unknown organisation's name tells: "Baghdad University" is IRQ EDU."""
    country = sector = None
    words = [w.text for w in span]
    for i, word in enumerate(words):
        country = country or kb.country_of(word)
        if not country and word[:1].isupper():
            entries = kb.lookup(name_key(word))
            if entries and entries[0].kind in ("country", "capital"):
                country = entries[0].roles[0].country
        # the longest listed words first: "Chiefs of Staff", "Air Force", then "Force"
        sector = sector or next((found for n in (3, 2, 1) if i + n <= len(words)
                                 for found in (kb.org_words.get(name_key(" ".join(words[i:i + n]))),) if found), None)
    return country, sector


def singular(word: str) -> str:
    """A regular plural's singular: "authorities" -> "authority", "rebels" -> "rebel"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "sses")) else word[:-1]


def role_name(token: Token) -> str:
    words = [c.text for c in children_of(token) if c.i < token.i and c.dep_ in ("compound", "amod")] + [token.text]
    return " ".join(words)
