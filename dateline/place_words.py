"""The words around a name that say it is a place, and the shapes of place names.

Vocabularies (kind nouns, frames, locative prepositions, words that open Arabic place names)
and tests on the parsed text alone, with no gazetteer: "the town of X", "in X", "X Air Base",
"Mr. X". ``toponyms`` combines them with what the gazetteer knows.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from .stages.tokens import doc_tokens, span_text, words

# Nouns that make the proper name before them a place: "Al-Maghaweer camp", "Idlib province".
PLACE_NOUNS = {
    "camp", "province", "governorate", "district", "county", "parish", "region", "village", "town",
    "valley", "crossing", "airport", "airbase", "port", "harbour", "harbor", "island", "islands",
    "river", "mountains", "desert", "oasis", "neighbourhood", "neighborhood", "suburb", "square",
    "strait", "gulf", "sea", "lake", "municipality", "subdistrict", "township", "peninsula",
    "plateau", "oblast", "prefecture", "governorates", "provinces", "city", "sector",
}

# Kind words of administrative areas that end their names: "Walker County", "Rapides Parish".
ADMIN_KINDS = {"county", "parish", "province", "district", "governorate", "borough", "township",
               "oblast", "prefecture", "municipality"}

# Kinds of site whose capitalised name is a place: "Tishreen Power Plant", "Kweyris Air Base".
FACILITY_NOUNS = {
    "airport", "airbase", "base", "prison", "dam", "bridge", "checkpoint", "refinery", "plant", "field",
    "fields", "station", "street", "road", "avenue", "boulevard", "highway", "palace", "mosque", "church",
    "cathedral", "stadium", "market", "quarter", "hill", "hills", "mountain", "mountains", "ridge",
    "pass", "gorge", "valley", "canal", "hospital", "barracks", "compound", "harbour", "harbor",
}

# First words of Arabic place names: "village", "monastery", "hill", "spring", "house", "well",
# "valley", "mountain", "cape", "ruin", "castle" ("Kafr Nabl", "Deir ez-Zor", "Tal Abyad").
TOPONYM_OPENINGS = {"kafr", "kfar", "deir", "dayr", "tal", "tell", "tel", "ain", "ein", "ayn", "beit", "bayt",
                    "bir", "wadi", "jabal", "jebel", "ras", "khirbet", "khirbat", "qasr", "hayy"}

# Verbs whose direct object is a place when its name is one: "recaptured Kafr Saghir".
PLACE_VERBS = {"capture", "recapture", "seize", "storm", "shell", "bomb", "bombard", "enter", "invade",
               "raid", "besiege", "liberate", "retake", "overrun", "occupy", "patrol", "evacuate",
               "encircle", "surround", "reach"}

# Generic nouns after a name that make it a place's ("the Nabi Yunis area", "Palouch village").
KIND_AFTER = PLACE_NOUNS | {"area", "areas", "villages", "towns", "districts", "suburbs", "commune",
                            "junction", "border-crossing", "locality", "settlement", "quarter",
                            "farms", "neighbourhoods", "neighborhoods", "constituency", "border"}
# Verbs whose object is a place and seldom a person: "stormed Najarah", "entered Zabdeen".
PLACE_ONLY_VERBS = {"storm", "enter", "shell", "overrun", "besiege", "liberate", "bombard", "invade"}
# Nouns of assaults, whose target after "on" is a place when its name is one: "an attack on Azaz".
ASSAULT_NOUNS = {"attack", "assault", "offensive", "raid", "strike", "airstrike", "air-strike", "bombing",
                 "bombardment", "shelling", "advance", "push", "counter-offensive", "counteroffensive"}
# People named by where they live: "residents of Kasumbalesa".
DWELLERS = {"residents", "inhabitants", "villagers", "natives", "townspeople"}
# Passive verbs whose subject is a place and seldom a person: "Jaffna was recaptured".
TAKEN_PLACE_VERBS = PLACE_ONLY_VERBS | {"retake", "recapture"}

# Kind words that belong to the name when they follow it ("Idlib province", "Ain al-Hilweh camp").
KIND_SUFFIX = PLACE_NOUNS - {"river", "sea", "lake", "islands", "island", "mountains"}

# "the city of Sirte", "the town of Rafah": nouns whose "of" introduces a place.
OF_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate", "state",
            "island", "port", "capital", "county", "municipality", "area", "suburb", "camp",
            "outskirts", "coast", "streets", "centre", "center", "heart", "north", "south", "east",
            "west", "part", "parts", "capitals", "neighbourhood", "neighborhood", "perimeter", "vicinity",
            "entrance", "environs", "countryside", "edge", "edges", "siege", "stronghold", "farms"}

# Prepositions after which a person's name is rare and a place's common.
SETTING_PREPOSITIONS = {"in", "near", "outside", "inside", "throughout", "across", "around"}

# Prepositions that put the noun after them somewhere.
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "into", "from", "to", "toward",
            "towards", "off", "around", "throughout", "within", "through", "along", "via", "onto",
            "out", "beyond", "nearby", "outskirts", "over", "between", "among"}

# Words spaCy now and then tags as places that the gazetteer would happily resolve.
NOT_PLACES = {"god", "allah", "jesus", "christ", "lord", "heaven", "hell", "paradise", "earth",
              "internet", "web", "mother", "father", "union", "city", "metro", "federal", "first",
              "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "central", "midwest", "police", "army", "navy", "government", "parliament", "congress",
              "senate", "court", "university", "college", "church", "mission", "embassy", "ministry",
              "council", "party", "state", "republic", "kingdom", "capital", "town", "village",
              # common words and groups that are also names of small places
              "day", "act", "best", "lot", "region", "refuge", "delta", "olympic", "olympics", "titan",
              "hamas", "hezbollah", "taliban", "ismaili", "january", "february", "march", "april", "june",
              "july", "august", "september", "october", "november", "december"}

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}

NAME_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "az", "ash"}

TITLES = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Brig.",
    "Lt.", "Sgt.", "Capt.", "Prof.", "Rev.", "Maj.", "Adm.", "Cpl.", "Pvt.", "Fr.", "President", "Minister",
    "King", "Queen", "Prince", "Sheikh", "Coach", "Judge", "Officer",
}

# Abbreviations that stand before a number: "No. 4", "Nos. 3 and 4".
NUMBER_SIGNS = {"No.", "Nos."}

ACTOR_PREPOSITIONS = {"from", "to", "toward", "towards", "between", "among", "over"}

COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
           "southeastern", "southwestern", "upper", "lower", "greater"}


def cued(span: Span, strict: bool = False) -> bool:
    """Whether the words before the name mark it as a place ("in Sirte", "the city of Sirte").

    ``strict`` leaves out prepositions that as often introduce actors ("from Hamas", "to Fatah").
    """
    tokens = doc_tokens(span.doc)
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in OF_NOUNS:  # "in the capital, Colombo"
        return True
    i = span.start - 1
    while i >= 0 and (tokens[i].lower_ in DETERMINERS or tokens[i].pos_ == "ADJ"):
        i -= 1
    if i < 0:
        return False
    before = tokens[i]
    if before.lower_ in LOCATIVE and before.pos_ in ("ADP", "ADV"):
        return not strict or before.lower_ not in ACTOR_PREPOSITIONS
    return before.lower_ == "of" and i >= 1 and tokens[i - 1].lower_ in OF_NOUNS


def site(span: Span) -> bool:
    """A capitalised name ending in a kind of site ("Tishreen Power Plant", "Rustaveli Avenue"), or
    opening with a word that only place names open with ("Kafr Nabl", "Deir Hafer")."""
    if len(span) < 2:
        return False
    name = words(span)
    first, last = name[0], name[-1]
    if not first.text[:1].isupper():
        return False
    return (last.lower_ in FACILITY_NOUNS and last.text[:1].isupper()) or first.lower_ in TOPONYM_OPENINGS


def name_word(tok: Token) -> bool:
    """A word of a proper name, hyphens and Arabic articles included ("Al - Amarah")."""
    return tok.pos_ == "PROPN" or tok.text == "-" or tok.lower_ in NAME_ARTICLES


def framed(span: Span) -> bool:
    """Whether the text says the name is a settlement or area: "the town of Tuz Khurmatu", "the
    capital Grozny", "the villages of Fuah and Kafraya" (the second of a pair counts too)."""
    doc = span.doc
    tokens = doc_tokens(doc)
    i = span.start - 1
    if i >= 1 and tokens[i].text in ("‘", "'") and not tokens[i].whitespace_:
        i -= 1  # "the town of ‘Ibta": the quote mark is a letter of the name
    if i >= 1 and tokens[i].lower_ == "of" and tokens[i - 1].lower_ in FRAMES:
        return True
    if i >= 2 and tokens[i].lower_ == "as" and tokens[i - 1].lower_ == "known" \
            and tokens[i - 2].lower_ in FRAMES:
        return True  # "two areas known as Al-Karra’a and Al-Dayyatha"
    if i >= 1 and tokens[i].lower_ in APPOSITION_FRAMES and tokens[i].pos_ == "NOUN" \
            and _opens_frame(tokens[i - 1]) \
            and all(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in words(span)):
        return True  # "the capital Grozny", "the northern town Afrin", "Yemen's capital Sanaa"
    j = span.end
    n = len(tokens)
    if j + 1 < n and tokens[j].text == "," and tokens[j + 1].lower_ in ("a", "an", "the"):
        k = j + 2
        while k < n and k < j + 6 and tokens[k].pos_ in ("ADJ", "NOUN", "PROPN") \
                and tokens[k].lower_ not in APPOSITION_FRAMES:
            k += 1
        if k < n and tokens[k].lower_ in APPOSITION_FRAMES:
            return True  # "Ngabe, a village in the central Plateau"
    if span.start == 0 or tokens[span.start - 1].lower_ not in ("and", "or", ","):
        return False  # (before finding the root: spaCy makes Tokens to do so)
    root = span.root
    if root.dep_ == "conj" and root.head.i < span.start:
        first = root.head
        left = first.left_edge.i if first.left_edge.i >= first.i - 3 else first.i
        return framed(doc[left:first.i + 1]) or framed(doc[first.i:first.i + 1])
    return False


def _opens_frame(tok: Token) -> bool:
    """A word before a kind noun that makes the name after it that kind's: "the", "northern", the
    "'s" of "Yemen's capital Sanaa", an adjective ("the war-ravaged capital Grozny")."""
    return tok.lower_ in DETERMINERS or tok.lower_ in COMPASS or tok.tag_ in ("POS", "JJ", "VBN")


FRAMES = {"city", "town", "village", "villages", "towns", "cities", "district", "province", "region",
           "governorate", "neighbourhood", "neighborhood", "suburb", "camp", "area", "settlement",
           "municipality", "county", "island", "port", "outskirts", "capital", "hamlet", "districts",
           "provinces", "neighbourhoods", "neighborhoods", "suburbs", "settlements", "camps", "enclave",
           "governorates", "areas", "regions", "hamlets", "islands", "township", "localities", "locality",
           "hometown", "outpost", "communities", "community", "commune"}

# Kind nouns a name may directly follow as its apposition: "the capital Grozny".
APPOSITION_FRAMES = {"capital", "city", "town", "village", "port", "hamlet", "enclave", "district",
                      "province", "region", "suburb", "neighbourhood", "neighborhood", "camp"}


def title_abbreviation(span: Span) -> bool:
    """"Brig." in "Brig. Khaled El-Mahgoub": a rank, not the Swiss town; "No." in "No. 4": a number."""
    tokens = doc_tokens(span.doc)
    if len(span) != 1 or span.end >= len(tokens) or tokens[span.end].text != ".":
        return False
    abbreviation = f"{span_text(span)}."
    return abbreviation in TITLES or abbreviation in NUMBER_SIGNS


def modifies_common_noun(tok: Token) -> bool:
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


def person_like(span: Span, surnames: Counter[str]) -> bool:
    """A one-word "place" that is someone's name here: "coach Ripley", or a surname used before."""
    if len(span) != 1:
        return False
    tok = words(span)[0]
    if tok.lower_ in surnames:
        return True
    prev = doc_tokens(span.doc)[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    role = prev.pos_ == "NOUN" and prev.is_lower and prev.head.i == tok.i and prev.dep_ == "compound"
    return prev.text in TITLES or role


def trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or a trailing possessive."""
    doc, start, end = ent.doc, ent.start, ent.end
    tokens = doc_tokens(doc)
    while start < end and tokens[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (tokens[end - 1].tag_ == "POS" or tokens[end - 1].is_punct):
        end -= 1
    if end <= start:
        return None
    return ent if (start, end) == (ent.start, ent.end) else doc[start:end]  # a new Span costs


def extend_with_kind(span: Span | None) -> Span | None:
    """Take in a kind word right after the name ("Idlib" + "province")."""
    if span is None:
        return None
    doc = span.doc
    tokens = doc_tokens(doc)
    nxt = tokens[span.end] if span.end < len(tokens) else None
    after = tokens[span.end + 1] if span.end + 1 < len(tokens) else None
    if nxt is not None and nxt.lower_ in KIND_SUFFIX and nxt.pos_ == "NOUN" \
            and (after is None or after.lower_ != "of"):
        return doc[span.start:span.end + 1]  # but not "the West Bank town of Bethlehem"
    return span


def without_party(span: Span) -> Span:
    """"Elbow Lake" of "(R-Elbow Lake)": a politician's party letter is no part of the town."""
    if len(span) > 2 and span[0].text in ("R", "D", "I") and span[1].text == "-" and not span[0].whitespace_:
        return span[2:]
    return span



def capitalised(tok: Token) -> bool:
    if tok.lower_ in NAME_ARTICLES and tok.i + 2 < len(tok.doc) and tok.nbor().text == "-" \
            and tok.nbor(2).text[:1].isupper():
        return True  # "al-Rai", "el-Arish"
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text)
