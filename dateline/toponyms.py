"""Find the place names in a parsed text: spaCy's entities, corrected with the gazetteer.

The small English model tags most places GPE, LOC or FAC, but also tags many as ORG or PERSON
("Gainesville Police", "born in Cancun") and misses others ("clashes in Sirte"). A name counts
as a place when spaCy says so and either the gazetteer knows it or the text marks it as one; a
name spaCy files elsewhere counts when the gazetteer knows a real place by it and the text
agrees ("killed in Jezzine"), when the text says what it is ("the town of Tuz Khurmatu", "Kweyris
Air Base", "Ngabe, a village"), when it is listed with places, or when a county opens it
("Alachua County Sheriff's Office"). Demonyms ("Libyan") are actors, never places. The word
lists and text-only tests are in ``place_words``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np
from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, ORTH, POS
from spacy.tokens import Doc, Span, Token

from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, PRIMARY, REGION, Gazetteer
from .geocode import candidates
from .place_words import (
    ACTOR_PREPOSITIONS,
    ADMIN_KINDS,
    ASSAULT_NOUNS,
    COMPASS,
    DWELLERS,
    KIND_AFTER,
    LOCATIVE,
    NOT_PLACES,
    OF_NOUNS,
    PLACE_NOUNS,
    PLACE_ONLY_VERBS,
    PLACE_VERBS,
    SETTING_PREPOSITIONS,
    TAKEN_PLACE_VERBS,
    TITLES,
    capitalised,
    cued,
    extend_with_kind,
    framed,
    modifies_common_noun,
    name_word,
    person_like,
    site,
    title_abbreviation,
    trim,
    without_party,
)
from .placenames import normalize
from .stages.tokens import doc_ents, doc_text, doc_tokens, span_text, words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# How large a town must be for a bare or mis-filed name to count as it without other evidence.
_MIN_POPULATION_BARE = 50_000


def place_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the place mentions in a parsed text, in order, without overlaps."""
    ents = doc_ents(doc)  # (spaCy builds doc.ents and doc.text anew on every access)
    tokens = doc_tokens(doc)
    # Last words of people's full names: "Ripley" alone is someone, not the town.
    surnames = Counter(tokens[ent.end - 1].lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1)
    found = [span for ent in ents if ent.label_ in PLACE_LABELS
             for span in [_place_entity(ent, gaz)]
             if span is not None and not person_like(span, surnames)]
    # Names the article itself uses as places: where else they appear, they are places too.
    places = {normalize(name) for name in map(span_text, found) if _known(name, gaz)}
    for ent in ents:
        if ent.label_ == "ORG":
            found.extend(_inside_organisation(ent, gaz, places, surnames))
        elif ent.label_ in ("PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "NORP"):
            span = _mistagged(ent, gaz, places, surnames)
            found.extend([span] if span is not None else [])
    taken = [False] * len(tokens)
    for span in found:
        for i in range(span.start, span.end):
            taken[i] = True
    found.extend(_listed_with(found, taken, gaz, surnames))
    found.extend(span for span in _unlabelled_names(doc, taken)
                 if not title_abbreviation(span)
                 and (_bare_name_is_place(span, gaz, places) or _named_as_place(span, gaz, surnames)))
    found.extend(_misread_names(doc, taken, gaz))
    text = doc_text(doc)
    found = [_joined(without_party(span), gaz) for span in found]
    spans = sorted({(s.start_char, _with_abbreviation_dot(text, s, gaz)) for s in found})
    return [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1]]


def _place_entity(ent: Span, gaz: Gazetteer) -> Span | None:
    span = extend_with_kind(trim(ent))
    if span is None:
        return None
    text = span_text(span)
    if text.lower() in NOT_PLACES or gaz.is_demonym(text):
        return None
    name = words(span)
    if _known(text, gaz) or name[-1].lower_ in PLACE_NOUNS or site(span):
        return span
    if cued(span, strict=True):
        return span if any(t.text[:1].isupper() for t in name) else None  # not "prayers in mosques"
    if len(span) > 1 and name[0].lower_ in COMPASS and _known(span_text(span[1:]), gaz):
        return span[1:]  # "North Texas": the part the gazetteer knows
    return _admin_prefix(span, gaz)


def _admin_prefix(span: Span, gaz: Gazetteer) -> Span | None:
    """The county or province that opens a longer name: "Guernsey County" of "the Guernsey County
    Common Pleas Court", "Rapides Parish" of "Rapides Parish Fire District 2"."""
    name = words(span)
    for end in range(min(len(span) - 1, 4), 1, -1):
        if name[end - 1].lower_ in ADMIN_KINDS and all(name_word(t) for t in name[:end]) \
                and _known(span_text(span[:end]), gaz):
            return span[:end]
    return None


def _inside_organisation(ent: Span, gaz: Gazetteer, places: set[str], surnames: Counter[str]) -> list[Span]:
    """Places named by or inside an organisation's name: "Gainesville Police", "University of Texas"."""
    span = trim(ent)
    if span is None:
        return []
    name = words(span)
    text = span_text(span)
    proper = [name_word(t) for t in name]
    with_kind = extend_with_kind(span)
    if all(proper) and len(span) <= 3 and len(with_kind) > len(span) and not gaz.is_demonym(text):
        return [with_kind]  # "Talacogon town", "the Zahra neighborhood"
    if all(proper) and len(span) <= 4 and (framed(span) or site(span)):
        return [span]  # "the capital Grozny", "the town of Al-Amarah", "Tishreen Power Plant"
    if all(proper) and len(span) <= 3 and _placed(span, gaz, surnames):
        return [span]  # "near Murphy", "captured Das", "stormed Dahiyat Al-Assad"
    if all(proper) and len(span) <= 2 and not text.isupper() and _setting(span, surnames):
        return [span]  # "killed at Ejule": organisations are rarely "in" or "near" anything
    whole_cue = cued(span) or (len(span) == 1 and modifies_common_noun(name[0]))
    if all(proper) and len(span) <= 3 and _place_name(span, gaz, places, cue=whole_cue):
        return [span]  # "Russia", "Gainesville man": a place the model filed as an organisation
    out = []
    for end in range(min(len(span) - 1, 3), 0, -1):  # the longest known prefix: "Texas Fire Service"
        if all(proper[:end]) and _place_name(span[:end], gaz, places):
            out.append(span[:end])
            break
    for i, tok in enumerate(name[:-1]):  # "University of Texas", "Bank of America"
        if tok.lower_ == "of" and all(proper[i + 1:]):
            if _place_name(span[i + 1:], gaz, places):
                out.append(span[i + 1:])
            break
    return out


def _mistagged(ent: Span, gaz: Gazetteer, places: set[str], surnames: Counter[str]) -> Span | None:
    """A name filed as a person or a work that is a place: "Al-Maghaweer camp", "in Cancun"."""
    span = trim(ent)
    if span is None:
        return None
    last = doc_tokens(ent.doc)[ent.end - 1].lower_
    if ent.label_ == "PERSON" and len(ent) > 1 and surnames[last] == 1:
        surnames = surnames - Counter({last: 1})  # its own last word is no evidence against it
    prefix = _admin_prefix(span, gaz)
    if prefix is not None:
        return prefix  # "Alachua County" of "Alachua County Sheriff's Office" (filed as a person)
    text = span_text(span)
    with_kind = extend_with_kind(span)
    if len(with_kind) > len(span) and not gaz.is_demonym(text):
        return with_kind
    if len(span) <= 4 and (framed(span) or site(span)) and not gaz.is_demonym(text):
        return span  # "the town of Tuz Khurmatu", "Kweyris Air Base": the text says what it is
    if len(span) <= 3 and _placed(span, gaz, surnames):
        return span  # "in Jezzine", "recaptured Kafr Saghir", "residents of Kasumbalesa"
    if ent.label_ == "PERSON" and len(span) <= 2 and _setting(span, surnames):
        return span  # "killed in Mayangose": people are rarely "in" someone
    if _area_name(span, gaz, min_words=1 if ent.label_ == "NORP" else 2):
        return span  # "Tamil Nadu, which filed ..." (a person?), "eastern Ghouta" (a people?)
    word = words(span)[0]
    if len(span) <= 3 and _taken_subject(span) and _known(text, gaz, _MIN_POPULATION_BARE):
        return span  # "Jaffna was captured by government forces"
    if len(span) != 1 or word.dep_ in ("nsubj", "nsubjpass"):
        return None
    if normalize(text) in places:
        return span
    possessive = span.end < len(ent.doc) and doc_tokens(ent.doc)[span.end].tag_ == "POS"
    if cued(span, strict=True) and _place_name(span, gaz, places, cue=not possessive):
        return span  # "in Malawi's capital", "in the capital, Sana"; not "in Anderson's apartment"
    if modifies_common_noun(word) and _place_name(span, gaz, places, cue=True):
        return span  # "a Gainesville restaurant", "the Gainesville sewer system"
    return None


def _taken_subject(span: Span) -> bool:
    """A name that is the passive subject of a verb of taking or striking a place: "Jaffna was
    captured", "Grozny was shelled"."""
    root = span.root
    return root.dep_ == "nsubjpass" and root.head.lemma_.lower() in TAKEN_PLACE_VERBS


def _setting(span: Span, surnames: Counter[str]) -> bool:
    """A name, known or not, that a setting preposition ("in", "near") governs."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in SETTING_PREPOSITIONS \
        and _placed(span, None, surnames, known=False)


def _area_name(span: Span, gaz: Gazetteer, min_words: int) -> bool:
    """Whether a name of at least ``min_words`` words is, as written, that of a country, a state or
    province, a region, or a town of some size: no person or people is called that."""
    text = span_text(span)
    if len(span) < min_words or len(span) > 4 or gaz.is_demonym(text) \
            or text.lower() in NOT_PLACES or not words(span)[-1].is_alpha:
        return False
    return _own_name(text, gaz, min_population=10_000)


def _own_name(text: str, gaz: Gazetteer, min_population: float) -> bool:
    """Whether a country, a state or province, a region, or a town of at least ``min_population``
    is called by this very name (its own, not an alternate spelling or an abbreviation)."""
    rows, flags = gaz.lookup(text)
    own = (flags & PRIMARY) > 0
    return bool((own & ((gaz.level[rows] <= ADMIN1) | (gaz.pop[rows] >= min_population))).any())


def _listed_with(found: list[Span], taken: list[bool], gaz: Gazetteer, surnames: Counter[str]) -> list[Span]:
    """Names listed with places ("Harasta, Kabun and Douma", "Kanyabayonga and Alimbongo") are
    places too; marks them taken."""
    doc = found[0].doc if found else None
    tokens = doc_tokens(doc) if found else []
    out: list[Span] = []
    for span in found:
        for tok in [*span.root.conjuncts]:
            if taken[tok.i] or not capitalised(tok):
                continue
            start, end = tok.i, tok.i + 1
            while start > 0 and not taken[start - 1] and capitalised(tokens[start - 1]) \
                    and tokens[start - 1].head.i == tok.i:
                start -= 1
            name = doc[start:end]
            text = span_text(name)
            if tokens[end - 1].lower_ in surnames or gaz.is_demonym(text) or text.lower() in NOT_PLACES \
                    or tokens[start].ent_type_ in ("PERSON", "ORG", "NORP", "DATE") and not _known(text, gaz):
                continue
            for i in range(start, end):
                taken[i] = True
            out.append(name)
    return out


def _placed(span: Span, gaz: Gazetteer | None, surnames: Counter[str], known: bool = True) -> bool:
    """A name the gazetteer knows (unless not ``known`` is asked) that the sentence uses as a place:
    governed by a locative preposition ("killed in Jezzine") or the object of a verb of taking or
    striking a place ("recaptured Kafr Saghir"); or any name that only a place could be there
    (``_only_a_place``); not someone's surname or possession ("in Clinton's speech")."""
    text = span_text(span)
    tokens = doc_tokens(span.doc)
    if tokens[span.end - 1].lower_ in surnames or text.lower() in NOT_PLACES \
            or (gaz is not None and gaz.is_demonym(text)):
        return False
    nxt = tokens[span.end] if span.end < len(tokens) else None
    if nxt is not None and (nxt.tag_ == "POS" or (nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos")):
        return False  # "in Clinton's speech", "in Obama administration"
    root = span.root
    head = root.head
    governed = root.dep_ == "pobj" and head.i == span.start - 1 and (
        head.lower_ in LOCATIVE - ACTOR_PREPOSITIONS
        or (head.lower_ == "to" and head.head.lower_ in ("close", "next"))  # "close to Jaffna"
        or (head.lower_ in ("on", "at") and head.head.lemma_.lower() in ASSAULT_NOUNS))  # "an attack on Azaz"
    taken = root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS
    if (governed or taken) and (not known or _known(text, gaz)):
        return True
    return gaz is not None and _only_a_place(span, nxt, gaz)


def _only_a_place(span: Span, nxt: Token | None, gaz: Gazetteer) -> bool:
    """A name, known or not, that only a place could be in its sentence: the object of storming or
    shelling ("stormed Dahiyat Al-Assad"), or whose residents are spoken of ("residents of
    Kasumbalesa"); not a people's ("stormed the Syrian Arab Army") nor one that goes on ("entered
    Sadr City")."""
    tokens = doc_tokens(span.doc)
    if gaz.is_demonym(tokens[span.start].text) or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN")):
        return False
    root = span.root
    stormed = root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_ONLY_VERBS
    dwellers = span.start >= 2 and tokens[span.start - 1].lower_ == "of" \
        and tokens[span.start - 2].lower_ in DWELLERS
    return stormed or dwellers


def _place_name(span: Span, gaz: Gazetteer, places: set[str], cue: bool = False) -> bool:
    """Whether a name filed as something else is a place: one the article uses as a place elsewhere,
    a country or state, or (where the text puts it somewhere) a sizeable town."""
    text = span_text(span)
    last = words(span)[-1]
    if text.lower() in NOT_PLACES or gaz.is_demonym(text) or not last.is_alpha:
        return False
    if normalize(text) in places:
        return True
    rows, _ = gaz.lookup(text)  # the name itself: "Ohio Department" is no place name
    if not len(rows) and gaz.abbreviation(text) >= 0:
        return True
    level = gaz.level[rows]
    if ((level == COUNTRY) | (level == ADMIN1)).any():
        return True
    if last.lower_ in ADMIN_KINDS and (level == ADMIN2).any():
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


def _joined(span: Span, gaz: Gazetteer) -> Span:
    """The whole of a hyphenated name the gazetteer knows ("Batesburg-Leesville", "Miami-Dade",
    "Riviere-du-Loup")."""
    doc = span.doc
    tokens = doc_tokens(doc)
    end, best = span.end, span
    for _ in range(3):  # up to three more parts, the last of them capitalised
        if not (end + 1 < len(tokens) and tokens[end].text == "-" and not tokens[end - 1].whitespace_
                and not tokens[end].whitespace_ and tokens[end + 1].is_alpha):
            break
        end += 2
        whole = doc[span.start:end]
        if tokens[end - 1].text[:1].isupper() and _known(span_text(whole), gaz):
            best = whole
    return best


def _with_abbreviation_dot(text: str, span: Span, gaz: Gazetteer) -> int:
    """End of the span, taking in the full stop of an abbreviation the tokenizer split off ("W.Va.")."""
    end = span.end_char
    name = text[span.start_char:end]
    short = "." in name or len(name) <= 4
    if short and end < len(text) and text[end] == "." and gaz.abbreviation(name + ".") >= 0:
        return end + 1
    return end


def _unlabelled_names(doc: Doc, taken: list[bool]) -> Iterator[Span]:
    """Runs of capitalised proper-noun tokens that no entity taken as a place covers."""
    tokens = doc_tokens(doc)
    cap = [False] * len(tokens)
    for i in _name_like(doc):  # a name word is a proper noun or an article before a hyphen
        # (not a day or month: "in Sanaa Friday" names Sanaa)
        tok = tokens[i]
        cap[i] = (capitalised(tok) or _glottal_name(tok)) and tok.ent_type_ not in ("DATE", "TIME")
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


def _misread_names(doc: Doc, taken: list[bool], gaz: Gazetteer) -> list[Span]:
    """Names the tagger read as adjectives or common nouns: a sizeable town or an area the
    gazetteer knows ("the southern Aleppo districts"), or a name after a glued opening quote that
    the text frames as a place ("the key town of ‘Ibta", where "‘" stands for an Arabic letter)."""
    tokens = doc_tokens(doc)
    strings = doc.vocab.strings
    pos, title, alpha, ent = doc.to_array([POS, IS_TITLE, IS_ALPHA, ENT_TYPE]).T
    maybe = ((pos == strings["ADJ"]) | (pos == strings["NOUN"])) & (title == 1) & (alpha == 1) & (ent == 0)
    out = []
    for i in np.flatnonzero(maybe).tolist():  # (read from the arrays: few words pass)
        tok = tokens[i]
        if i == 0 or taken[i] or tok.is_sent_start:
            continue
        span = doc[i:i + 1]
        text = tok.text
        if len(text) < 4 or tok.lower_ in NOT_PLACES or tok.lower_ in COMPASS or gaz.is_demonym(text):
            continue  # not "Rs 80,000", "No. 4", "Western"
        quoted = tokens[i - 1].text in ("‘", "'") and not tokens[i - 1].whitespace_
        if (quoted and (framed(span) or cued(span, strict=True))) or _own_name(text, gaz, _MIN_POPULATION_BARE):
            out.append(span)
    return out


def _name_like(doc: Doc) -> list[int]:
    """Indices of a Doc's proper nouns and of its words before a hyphen (the "al" of "al-Rai")."""
    strings = doc.vocab.strings
    words = doc.to_array([POS, ORTH])
    found = words[:, 0] == strings["PROPN"]
    found[:-1] |= words[1:, 1] == strings["-"]
    return np.flatnonzero(found).tolist()


_NOT_NAMES = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "LANGUAGE", "LAW"}


def _named_as_place(span: Span, gaz: Gazetteer, surnames: Counter[str]) -> bool:
    """A name the gazetteer need not know that the sentence plainly uses as a place, whatever spaCy
    filed it as: a kind noun follows it ("the Tadjentat area"), a verb of storming a place takes
    it ("stormed Najarah"), a locative phrase holds it and the gazetteer knows it ("in eastern
    Ghouta"), or, untagged, a setting preposition governs it ("in Adhaim")."""
    name = words(span)
    kind_ends = name[-1].lower_ in PLACE_NOUNS and len(span) > 1
    if kind_ends and name[-1].pos_ == "PROPN" and not cued(span) \
            and not (span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in PLACE_VERBS):
        return False  # a capitalised kind word ends organisations' names too: "Soft Water City"
    if kind_ends:
        span, name = span[:-1], name[:-1]  # "the Dara’a Governorate"
    text = span_text(span)
    if len(span) > 4 or len(text) < 3 or any(t.ent_type_ in _NOT_NAMES for t in name) \
            or name[0].text in TITLES or name[0].lower_ in KIND_AFTER or text.lower() in NOT_PLACES \
            or gaz.is_demonym(text) or gaz.is_demonym(name[0].text) or name[-1].lower_ in surnames:
        return False  # "Syrian Arab Army": a name that opens with a people's is theirs
    tokens = doc_tokens(span.doc)
    nxt = tokens[span.end] if span.end < len(tokens) else None
    if nxt is not None and nxt.lower_ in KIND_AFTER and (nxt.pos_ == "NOUN" or kind_ends):
        # not "an Islamic State camp" (theirs), nor "the West Bank town of Bethlehem" (another name's)
        owned = span.start > 0 and tokens[span.start - 1].lower_ in ("a", "an")
        # "the West Bank town of Bethlehem": a known area before a kind noun holds the next name;
        # an unknown one is the small place itself ("the Chattar area of Dera")
        holds = nxt.i + 2 < len(tokens) and tokens[nxt.i + 1].lower_ == "of" and capitalised(tokens[nxt.i + 2]) \
            and (_known(text, gaz) or name[0].ent_type_ == "NORP")  # "the Sunni neighbourhood of X"
        return not owned and not holds
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_ONLY_VERBS:
        return nxt is None or nxt.tag_ != "POS"
    if nxt is not None and _name_goes_on(nxt):
        return False
    if cued(span, strict=True) and _known(text, gaz):
        return True  # "in western Palmyra", "the city of Palmyra": a known place, whatever spaCy filed it as
    if span.start >= 2 and tokens[span.start - 1].lower_ == "of" \
            and tokens[span.start - 2].lower_ in (OF_NOUNS - {"part", "parts", "heart"}) | DWELLERS:
        return True  # "to the east of Khan Al-Sheih", "the outskirts of Saraf", "residents of Agasha"
    return not name[0].ent_type_ and len(span) <= 3 and _setting(span, surnames)


def _name_goes_on(nxt: Token) -> bool:
    """Whether the word after a name shows it is part of a longer one or qualifies a noun: "Royal
    Jordanian", "Terminal 4", "Taliban-held", "the Bank of England", "in Clinton's speech", "in Obama administration"."""
    if nxt.ent_type_ in ("DATE", "TIME"):
        return False  # "in Aleppo Thursday"
    if nxt.lower_ in ("of", "de", "des", "du", "del"):
        return True  # "the Bank of England", "the Summit of the Americas", "the Palais des Nations"
    return nxt.text[:1].isupper() or nxt.like_num or nxt.text in ("-", "'", "’") or nxt.tag_ == "POS" \
        or (nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos")


def _glottal_name(tok: Token) -> bool:
    """A transliterated name written with an apostrophe for a glottal stop: "Dara’a", "Ma’an"."""
    text = tok.text
    return tok.pos_ == "PROPN" and text[:1].isupper() and ("’" in text or "'" in text) \
        and text.replace("’", "").replace("'", "").replace("-", "").isalpha() and tok.tag_ != "POS"


def _bare_name_is_place(span: Span, gaz: Gazetteer, places: set[str]) -> bool:
    """A name spaCy did not tag at all: a place where the text says so or the gazetteer knows it well."""
    name = words(span)
    if name[0].ent_type_ in ("PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORG"):
        return False
    if name[-1].lower_ in PLACE_NOUNS and len(span) > 1:
        return not gaz.is_demonym(span_text(span[:-1]))
    text = span_text(span)
    if text.lower() in NOT_PLACES or gaz.is_demonym(text):
        return False
    if not _known(text, gaz):  # "the village of Kafr Saghir": unknown, but the text says what it is
        return framed(span) or site(span)
    if cued(span) or normalize(text) in places:
        return True
    return _known(text, gaz, _MIN_POPULATION_BARE) and span.start > span.sent.start
