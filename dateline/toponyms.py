"""Find the place names in a parsed text: spaCy's entities, corrected with the gazetteer.

The small English model tags most places GPE, LOC or FAC, but also tags many as ORG or PERSON
("Gainesville Police", "born in Cancun") and misses others ("clashes in Sirte"). A name counts
as a place when spaCy says so and either the gazetteer knows it or the text marks it as one; a
name spaCy files elsewhere counts when the gazetteer knows a real place by it and the text
agrees. Demonyms ("Libyan") are actors, never places.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, PRIMARY, REGION, Gazetteer
from .geocode import candidates
from .placenames import normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that make the proper name before them a place: "Al-Maghaweer camp", "Idlib province".
PLACE_NOUNS = {
    "camp", "province", "governorate", "district", "county", "parish", "region", "village", "town",
    "valley", "crossing", "airport", "airbase", "port", "harbour", "harbor", "island", "islands",
    "river", "mountains", "desert", "oasis", "neighbourhood", "neighborhood", "suburb", "square",
    "strait", "gulf", "sea", "lake", "municipality", "subdistrict", "township", "peninsula",
    "plateau", "oblast", "prefecture", "governorates", "provinces", "city",
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
# Kind words that belong to the name when they follow it ("Idlib province", "Ain al-Hilweh camp").
_KIND_SUFFIX = PLACE_NOUNS - {"river", "sea", "lake", "islands", "island", "mountains"}
# "the city of Sirte", "the town of Rafah": nouns whose "of" introduces a place.
OF_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate", "state",
            "island", "port", "capital", "county", "municipality", "area", "suburb", "camp",
            "outskirts", "coast", "streets", "centre", "center", "heart", "north", "south", "east",
            "west", "part", "parts", "capitals", "neighbourhood", "neighborhood"}
# Prepositions after which a person's name is rare and a place's common.
_SETTING_PREPOSITIONS = {"in", "near", "outside", "inside", "throughout", "across", "around"}
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
              "council", "party", "state", "republic", "kingdom", "capital", "town", "village"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_NAME_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "az", "ash"}
_TITLES = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Brig.",
    "Lt.", "Sgt.", "Capt.", "Prof.", "Rev.", "Maj.", "Adm.", "Cpl.", "Pvt.", "Fr.", "President", "Minister",
    "King", "Queen", "Prince", "Sheikh", "Coach", "Judge", "Officer",
}
_ACTOR_PREPOSITIONS = {"from", "to", "toward", "towards", "between", "among", "over"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
           "southeastern", "southwestern", "upper", "lower", "greater"}
# How large a town must be for a bare or mis-filed name to count as it without other evidence.
_MIN_POPULATION_BARE = 50_000


def place_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the place mentions in a parsed text, in order, without overlaps."""
    ents = doc.ents  # built anew on every access: once
    # Last words of people's full names: "Ripley" alone is someone, not the town.
    surnames = Counter(ent[-1].lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1)
    found = [span for ent in ents if ent.label_ in PLACE_LABELS
             for span in [_place_entity(ent, gaz)]
             if span is not None and not _person_like(span, surnames)]
    # Names the article itself uses as places: where else they appear, they are places too.
    places = {normalize(span.text) for span in found if _known(span.text, gaz)}
    for ent in ents:
        if ent.label_ == "ORG":
            found.extend(_inside_organisation(ent, gaz, places, surnames))
        elif ent.label_ in ("PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "NORP"):
            span = _mistagged(ent, gaz, places, surnames)
            found.extend([span] if span is not None else [])
    taken = [False] * len(doc)
    for span in found:
        for i in range(span.start, span.end):
            taken[i] = True
    found.extend(_listed_with(found, taken, gaz, surnames))
    found.extend(span for span in _unlabelled_names(doc, taken)
                 if not _title_abbreviation(span) and _bare_name_is_place(span, gaz, places))
    text = doc.text
    found = [_joined(_without_party(span), gaz) for span in found]
    spans = sorted({(s.start_char, _with_abbreviation_dot(text, s, gaz)) for s in found})
    return [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1]]


def cued(span: Span, strict: bool = False) -> bool:
    """Whether the words before the name mark it as a place ("in Sirte", "the city of Sirte").

    ``strict`` leaves out prepositions that as often introduce actors ("from Hamas", "to Fatah").
    """
    doc = span.doc
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in OF_NOUNS:  # "in the capital, Colombo"
        return True
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in _DETERMINERS or doc[i].pos_ == "ADJ"):
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in LOCATIVE and doc[i].pos_ in ("ADP", "ADV"):
        return not strict or doc[i].lower_ not in _ACTOR_PREPOSITIONS
    return doc[i].lower_ == "of" and i >= 1 and doc[i - 1].lower_ in OF_NOUNS


def _place_entity(ent: Span, gaz: Gazetteer) -> Span | None:
    span = _extend_with_kind(_trim(ent))
    if span is None or span.text.lower() in NOT_PLACES or gaz.is_demonym(span.text):
        return None
    if _known(span.text, gaz) or span[-1].lower_ in PLACE_NOUNS or _site(span) or cued(span, strict=True):
        return span
    if len(span) > 1 and span[0].lower_ in COMPASS and _known(span[1:].text, gaz):
        return span[1:]  # "North Texas": the part the gazetteer knows
    return _admin_prefix(span, gaz)


def _admin_prefix(span: Span, gaz: Gazetteer) -> Span | None:
    """The county or province that opens a longer name: "Guernsey County" of "the Guernsey County
    Common Pleas Court", "Rapides Parish" of "Rapides Parish Fire District 2"."""
    for end in range(min(len(span) - 1, 4), 1, -1):
        if span[end - 1].lower_ in ADMIN_KINDS and all(_name_word(t) for t in span[:end]) \
                and _known(span[:end].text, gaz):
            return span[:end]
    return None


def _inside_organisation(ent: Span, gaz: Gazetteer, places: set[str], surnames: Counter[str]) -> list[Span]:
    """Places named by or inside an organisation's name: "Gainesville Police", "University of Texas"."""
    span = _trim(ent)
    if span is None:
        return []
    proper = [_name_word(t) for t in span]
    with_kind = _extend_with_kind(span)
    if all(proper) and len(span) <= 3 and len(with_kind) > len(span) and not gaz.is_demonym(span.text):
        return [with_kind]  # "Talacogon town", "the Zahra neighborhood"
    if all(proper) and len(span) <= 4 and (_framed(span) or _site(span)):
        return [span]  # "the capital Grozny", "the town of Al-Amarah", "Tishreen Power Plant"
    if all(proper) and len(span) <= 3 and _placed(span, gaz, surnames):
        return [span]  # "near Murphy", "captured Das"
    if all(proper) and len(span) <= 2 and not span.text.isupper() and _setting(span, surnames):
        return [span]  # "killed at Ejule": organisations are rarely "in" or "near" anything
    whole_cue = cued(span) or (len(span) == 1 and _modifies_common_noun(span[0]))
    if all(proper) and len(span) <= 3 and _place_name(span, gaz, places, cue=whole_cue):
        return [span]  # "Russia", "Gainesville man": a place the model filed as an organisation
    out = []
    for end in range(min(len(span) - 1, 3), 0, -1):  # the longest known prefix: "Texas Fire Service"
        if all(proper[:end]) and _place_name(span[:end], gaz, places):
            out.append(span[:end])
            break
    for i, tok in enumerate(span[:-1]):  # "University of Texas", "Bank of America"
        if tok.lower_ == "of" and all(proper[i + 1:]):
            if _place_name(span[i + 1:], gaz, places):
                out.append(span[i + 1:])
            break
    return out


def _mistagged(ent: Span, gaz: Gazetteer, places: set[str], surnames: Counter[str]) -> Span | None:
    """A name filed as a person or a work that is a place: "Al-Maghaweer camp", "in Cancun"."""
    span = _trim(ent)
    if span is None:
        return None
    if ent.label_ == "PERSON" and len(ent) > 1 and surnames[ent[-1].lower_] == 1:
        surnames = surnames - Counter({ent[-1].lower_: 1})  # its own last word is no evidence against it
    prefix = _admin_prefix(span, gaz)
    if prefix is not None:
        return prefix  # "Alachua County" of "Alachua County Sheriff's Office" (filed as a person)
    with_kind = _extend_with_kind(span)
    if len(with_kind) > len(span) and not gaz.is_demonym(span.text):
        return with_kind
    if len(span) <= 4 and (_framed(span) or _site(span)) and not gaz.is_demonym(span.text):
        return span  # "the town of Tuz Khurmatu", "Kweyris Air Base": the text says what it is
    if len(span) <= 3 and _placed(span, gaz, surnames):
        return span  # "in Jezzine", "recaptured Kafr Saghir"
    if ent.label_ == "PERSON" and len(span) <= 2 and _setting(span, surnames):
        return span  # "killed in Mayangose": people are rarely "in" someone
    if _area_name(span, gaz, min_words=1 if ent.label_ == "NORP" else 2):
        return span  # "Tamil Nadu, which filed ..." (a person?), "eastern Ghouta" (a people?)
    if len(span) != 1 or span[0].dep_ in ("nsubj", "nsubjpass"):
        return None
    if normalize(span.text) in places or (cued(span, strict=True) and _place_name(span, gaz, places)):
        return span
    if _modifies_common_noun(span[0]) and _place_name(span, gaz, places, cue=True):
        return span  # "a Gainesville restaurant", "the Gainesville sewer system"
    return None


def _setting(span: Span, surnames: Counter[str]) -> bool:
    """A name, known or not, that a setting preposition ("in", "near") governs."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPOSITIONS \
        and _placed(span, None, surnames, known=False)


def _area_name(span: Span, gaz: Gazetteer, min_words: int) -> bool:
    """Whether a name of at least ``min_words`` words is, as written, that of a country, a state or
    province, a region, or a town of some size: no person or people is called that."""
    if len(span) < min_words or len(span) > 4 or gaz.is_demonym(span.text) \
            or span.text.lower() in NOT_PLACES or not span[-1].is_alpha:
        return False
    rows, flags = gaz.lookup(span.text)
    level = gaz.level[rows]
    own = (flags & PRIMARY) > 0
    return bool((own & ((level <= ADMIN1) | (gaz.pop[rows] >= 10_000))).any())


def _listed_with(found: list[Span], taken: list[bool], gaz: Gazetteer, surnames: Counter[str]) -> list[Span]:
    """Names listed with places ("Harasta, Kabun and Douma", "Kanyabayonga and Alimbongo") are
    places too; marks them taken."""
    doc = found[0].doc if found else None
    out: list[Span] = []
    for span in found:
        for tok in [*span.root.conjuncts]:
            if taken[tok.i] or not _capitalised(tok):
                continue
            start, end = tok.i, tok.i + 1
            while start > 0 and not taken[start - 1] and _capitalised(doc[start - 1]) \
                    and doc[start - 1].head.i == tok.i:
                start -= 1
            name = doc[start:end]
            if name[-1].lower_ in surnames or gaz.is_demonym(name.text) or name.text.lower() in NOT_PLACES \
                    or name[0].ent_type_ in ("PERSON", "ORG", "NORP", "DATE") and not _known(name.text, gaz):
                continue
            for i in range(start, end):
                taken[i] = True
            out.append(name)
    return out


def _placed(span: Span, gaz: Gazetteer | None, surnames: Counter[str], known: bool = True) -> bool:
    """A name the gazetteer knows (unless not ``known`` is asked) that the sentence uses as a place:
    governed by a locative preposition ("killed in Jezzine") or the object of a verb of taking or
    striking a place ("recaptured Kafr Saghir"); not someone's surname or possession ("in
    Clinton's speech")."""
    root = span.root
    if span[-1].lower_ in surnames or span.text.lower() in NOT_PLACES \
            or (gaz is not None and gaz.is_demonym(span.text)):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and (nxt.tag_ == "POS" or (nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos")):
        return False  # "in Clinton's speech", "in Obama administration"
    governed = (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE - _ACTOR_PREPOSITIONS
                and root.head.i == span.start - 1)
    taken = root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS
    return (governed or taken) and (not known or _known(span.text, gaz))


def _site(span: Span) -> bool:
    """A capitalised name ending in a kind of site ("Tishreen Power Plant", "Rustaveli Avenue"), or
    opening with a word that only place names open with ("Kafr Nabl", "Deir Hafer")."""
    if len(span) < 2 or not span[0].text[:1].isupper():
        return False
    return (span[-1].lower_ in FACILITY_NOUNS and span[-1].text[:1].isupper()) \
        or span[0].lower_ in TOPONYM_OPENINGS


def _name_word(tok: Token) -> bool:
    """A word of a proper name, hyphens and Arabic articles included ("Al - Amarah")."""
    return tok.pos_ == "PROPN" or tok.text == "-" or tok.lower_ in _NAME_ARTICLES


def _framed(span: Span) -> bool:
    """Whether the text says the name is a settlement or area: "the town of Tuz Khurmatu", "the
    capital Grozny", "the villages of Fuah and Kafraya" (the second of a pair counts too)."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _FRAMES:
        return True
    if i >= 1 and doc[i].lower_ in _APPOSITION_FRAMES and doc[i].pos_ == "NOUN" \
            and doc[i - 1].lower_ in _DETERMINERS | COMPASS and all(t.pos_ == "PROPN" for t in span):
        return True  # "the capital Grozny", "the northern town Afrin"
    j = span.end
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an", "the"):
        k = j + 2
        while k < len(doc) and k < j + 6 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") \
                and doc[k].lower_ not in _APPOSITION_FRAMES:
            k += 1
        if k < len(doc) and doc[k].lower_ in _APPOSITION_FRAMES:
            return True  # "Ngabe, a village in the central Plateau"
    root = span.root
    if root.dep_ == "conj" and root.head.i < span.start and doc[span.start - 1].lower_ in ("and", "or", ","):
        first = root.head
        left = first.left_edge.i if first.left_edge.i >= first.i - 3 else first.i
        return _framed(doc[left:first.i + 1]) or _framed(doc[first.i:first.i + 1])
    return False


_FRAMES = {"city", "town", "village", "villages", "towns", "cities", "district", "province", "region",
           "governorate", "neighbourhood", "neighborhood", "suburb", "camp", "area", "settlement",
           "municipality", "county", "island", "port", "outskirts", "capital", "hamlet", "districts",
           "provinces", "neighbourhoods", "neighborhoods", "suburbs", "settlements", "camps", "enclave",
           "governorates", "areas", "regions", "hamlets", "islands", "township", "localities", "locality",
           "hometown", "outpost", "communities", "community", "commune"}
# Kind nouns a name may directly follow as its apposition: "the capital Grozny".
_APPOSITION_FRAMES = {"capital", "city", "town", "village", "port", "hamlet", "enclave", "district",
                      "province", "region", "suburb", "neighbourhood", "neighborhood", "camp"}


def _title_abbreviation(span: Span) -> bool:
    """"Brig." in "Brig. Khaled El-Mahgoub": a rank, not the Swiss town."""
    doc = span.doc
    return len(span) == 1 and f"{span.text}." in _TITLES and span.end < len(doc) and doc[span.end].text == "."


def _modifies_common_noun(tok: Token) -> bool:
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i


def _person_like(span: Span, surnames: Counter[str]) -> bool:
    """A one-word "place" that is someone's name here: "coach Ripley", or a surname used before."""
    if len(span) != 1:
        return False
    tok = span[0]
    if tok.lower_ in surnames:
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return False
    role = prev.pos_ == "NOUN" and prev.is_lower and prev.head.i == tok.i and prev.dep_ == "compound"
    return prev.text in _TITLES or role


def _place_name(span: Span, gaz: Gazetteer, places: set[str], cue: bool = False) -> bool:
    """Whether a name filed as something else is a place: one the article uses as a place elsewhere,
    a country or state, or (where the text puts it somewhere) a sizeable town."""
    text = span.text
    if text.lower() in NOT_PLACES or gaz.is_demonym(text) or not span[-1].is_alpha:
        return False
    if normalize(text) in places:
        return True
    rows, _ = gaz.lookup(text)  # the name itself: "Ohio Department" is no place name
    if not len(rows) and gaz.abbreviation(text) >= 0:
        return True
    level = gaz.level[rows]
    if ((level == COUNTRY) | (level == ADMIN1)).any():
        return True
    if span[-1].lower_ in ADMIN_KINDS and (level == ADMIN2).any():
        return True  # "Madison County" of "the Madison County Health Department"
    return cue and bool(((level == CITY) & (gaz.pop[rows] >= _MIN_POPULATION_BARE)).any())


def _known(text: str, gaz: Gazetteer, min_population: float = 0.0) -> bool:
    """Whether the gazetteer has an area, or a town of at least this size, by this name."""
    rows, _, _ = candidates(gaz, text)
    if not len(rows):
        return False
    if not min_population:
        return True
    level = gaz.level[rows]
    areas = (level == COUNTRY) | (level == ADMIN1) | (level == ADMIN2) | (level == REGION)
    return bool(areas.any() or ((level == CITY) & (gaz.pop[rows] >= min_population)).any())


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or a trailing possessive."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and doc[start].lower_ in _DETERMINERS:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _extend_with_kind(span: Span | None) -> Span | None:
    """Take in a kind word right after the name ("Idlib" + "province")."""
    if span is None:
        return None
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _KIND_SUFFIX and nxt.pos_ == "NOUN" \
            and (after is None or after.lower_ != "of"):
        return doc[span.start:span.end + 1]  # but not "the West Bank town of Bethlehem"
    return span


def _without_party(span: Span) -> Span:
    """"Elbow Lake" of "(R-Elbow Lake)": a politician's party letter is no part of the town."""
    if len(span) > 2 and span[0].text in ("R", "D", "I") and span[1].text == "-" and not span[0].whitespace_:
        return span[2:]
    return span


def _joined(span: Span, gaz: Gazetteer) -> Span:
    """The whole of a hyphenated name the gazetteer knows ("Batesburg-Leesville", "Miami-Dade")."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() \
            and _known(doc[span.start:end + 2].text, gaz):
        return doc[span.start:end + 2]
    return span


def _with_abbreviation_dot(text: str, span: Span, gaz: Gazetteer) -> int:
    """End of the span, taking in the full stop of an abbreviation the tokenizer split off ("W.Va.")."""
    end = span.end_char
    short = "." in span.text or len(span.text) <= 4
    if short and end < len(text) and text[end] == "." and gaz.abbreviation(span.text + ".") >= 0:
        return end + 1
    return end


def _unlabelled_names(doc: Doc, taken: list[bool]) -> Iterator[Span]:
    """Runs of capitalised proper-noun tokens that no entity taken as a place covers."""
    tokens = list(doc)  # one Token object per position (doc[i] makes a new one each time)
    cap = [_capitalised(t) for t in tokens]
    n = len(tokens)
    i = 0
    while i < n:
        if taken[i] or not cap[i]:
            i += 1
            continue
        j = i
        while j < n and not taken[j] and (cap[j] or (tokens[j].text == "-" and j + 1 < n and cap[j + 1]
                                                      and not tokens[j].whitespace_)):
            j += 1  # a hyphen inside a name ("Al - Maghaweer" as tokens) continues it
        if j < n and tokens[j].lower_ in PLACE_NOUNS and tokens[j].pos_ == "NOUN" and not taken[j]:
            j += 1  # "Al-Maghaweer camp"
        yield doc[i:j]
        i = max(j, i + 1)


def _capitalised(tok: Token) -> bool:
    if tok.lower_ in _NAME_ARTICLES and tok.i + 2 < len(tok.doc) and tok.nbor().text == "-" \
            and tok.nbor(2).text[:1].isupper():
        return True  # "al-Rai", "el-Arish"
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text)


def _bare_name_is_place(span: Span, gaz: Gazetteer, places: set[str]) -> bool:
    """A name spaCy did not tag at all: a place where the text says so or the gazetteer knows it well."""
    ent = span[0].ent_type_
    if ent in ("PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORG"):
        return False
    if span[-1].lower_ in PLACE_NOUNS and len(span) > 1:
        return not gaz.is_demonym(span[:-1].text)
    if span.text.lower() in NOT_PLACES or gaz.is_demonym(span.text):
        return False
    if not _known(span.text, gaz):  # "the village of Kafr Saghir": unknown, but the text says what it is
        return _framed(span) or _site(span)
    if cued(span) or normalize(span.text) in places:
        return True
    return _known(span.text, gaz, _MIN_POPULATION_BARE) and span.start > span.sent.start
