"""Stage ``places``: find the place names of an article and resolve each to GeoNames.

Mentions come from spaCy's GPE/LOC/FAC entities, from names the small model misses but the
gazetteer knows where the text marks them as places ("clashes in Sirte"), and from proper names
followed by a place noun ("Al-Maghaweer camp"). Demonyms are actors, not places. A toponym used as
an actor ("Cairo rejected ...") is still a place mention here; ``location.locate_event`` decides
whether an event happened there. The dateline's place is resolved first and anchors the rest.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..geocode import Context, Mention, resolve
from ..gazetteer import ADMIN1, COUNTRY, Gazetteer
from ..model import CodedArticle, Place
from ..resources import Resources

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that make the proper name before them a place: "Al-Maghaweer camp", "Idlib province".
PLACE_NOUNS = {
    "camp", "province", "governorate", "district", "county", "parish", "region", "village", "town",
    "city", "valley", "border", "crossing", "airport", "airbase", "base", "port", "harbour", "harbor",
    "island", "islands", "river", "mountains", "mountain", "desert", "oasis", "neighbourhood",
    "neighborhood", "suburb", "square", "prison", "strait", "gulf", "sea", "lake", "state",
    "municipality", "subdistrict", "township", "peninsula", "plain", "plateau", "coast", "oblast",
}
# Nouns that stay outside the span: "the city of X", "in X province" (kept: the kind is part of it).
_OF_NOUNS = {"city", "town", "village", "province", "region", "district", "governorate", "state",
             "island", "port", "capital", "county", "municipality", "area", "suburb", "camp"}
# Prepositions that put the noun after them somewhere.
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "into", "from", "to", "toward", "towards",
            "off", "around", "throughout", "within", "between", "through", "along", "via", "over",
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_QUALIFIER = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?)(?:\s*[A-Z][A-Za-z]*\.?){0,2})")
# Proper nouns the gazetteer knows but that rarely name places in news; only tagged entities pass.
_MIN_POPULATION_UNCUED = 50_000


def find_places(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``places`` (every place mention, resolved where possible) and ``dateline_place``."""
    gaz = res.gazetteer
    article = coded.article
    spans = place_spans(doc, gaz)
    dateline = _dateline_mention(gaz, article.text, article.dateline_start, article.dateline_end)
    if dateline is not None:
        spans = [s for s in spans if s[1] <= dateline.start or s[0] >= dateline.end]
    mentions = [Mention(article.text[s:e], s, e, qualifier=qualifier_after(gaz, article.text, e))
                for s, e in spans]
    if dateline is not None:
        mentions.insert(0, dateline)
    rows = resolve(gaz, mentions, _context(coded, dateline, gaz))
    places = tuple(sorted((_place(gaz, m, row) for m, row in zip(mentions, rows)), key=lambda p: p.start))
    dateline_place = next((p for p in places if dateline is not None and p.start == dateline.start), None)
    return coded.replace(places=places, dateline_place=dateline_place)


def place_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the place mentions in a parsed text, in order, without overlaps."""
    found: list[tuple[int, int]] = []
    taken = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not gaz.is_demonym(ent.text):
            span = _extend_with_kind(_trim(ent))
            if span is not None:
                found.append((span.start_char, span.end_char))
                for i in range(span.start, span.end):
                    taken[i] = True
    for span in _unlabelled_names(doc, taken):
        if _looks_like_place(span, gaz):
            found.append((span.start_char, span.end_char))
    return sorted(found)


def qualifier_after(gaz: Gazetteer, text: str, end: int) -> int:
    """Row of the state or country named right after a place ("Paris, Texas", "Alexandria, La.")."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not match:
        return -1
    words = match.group(1).split()
    for n in range(len(words), 0, -1):  # the longest reading first: "New South Wales"
        name = " ".join(words[:n])
        row = gaz.abbreviation(name)
        if row >= 0:
            return row
        rows, _ = gaz.lookup(name)
        areas = [int(r) for r in rows if gaz.level[r] in (COUNTRY, ADMIN1)]
        if areas:
            return max(areas, key=lambda r: (gaz.level[r] == COUNTRY, gaz.pop[r]))
    return -1


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end] if end > start else None


def _extend_with_kind(span: Span | None) -> Span | None:
    """Take in a kind word right after the name ("Idlib" + "province")."""
    if span is None:
        return None
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in PLACE_NOUNS and doc[span.end].pos_ == "NOUN" \
            and doc[span.end].lower_ not in ("border", "coast", "city", "town", "village"):
        return doc[span.start:span.end + 1]
    return span


def _unlabelled_names(doc: Doc, taken: list[bool]):
    """Runs of capitalised proper-noun tokens that no place entity covers."""
    i = 0
    while i < len(doc):
        if taken[i] or not _capitalised(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and not taken[j] and (_capitalised(doc[j]) or _joiner(doc, j)):
            j += 1
        while j > i and not _capitalised(doc[j - 1]):
            j -= 1
        if j < len(doc) and doc[j].lower_ in PLACE_NOUNS and doc[j].pos_ == "NOUN" and not taken[j]:
            j += 1  # "Al-Maghaweer camp"
        yield doc[i:j]
        i = max(j, i + 1)


def _capitalised(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha or (
        tok.pos_ == "PROPN" and "-" in tok.text and tok.text[:1].isupper())


def _joiner(doc: Doc, j: int) -> bool:
    """A hyphen inside a name ("Al - Maghaweer" as tokens) continues it."""
    return doc[j].text == "-" and j + 1 < len(doc) and _capitalised(doc[j + 1]) and not doc[j].whitespace_


def _looks_like_place(span: Span, gaz: Gazetteer) -> bool:
    """A name spaCy did not tag as a place: keep it where the text or the gazetteer says it is one."""
    if not len(span):
        return False
    last = span[-1]
    ent = span[0].ent_type_
    if last.lower_ in PLACE_NOUNS and len(span) > 1:
        return ent not in ("PERSON", "NORP") and not gaz.is_demonym(span[:-1].text)
    if ent in ("PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL") or gaz.is_demonym(span.text):
        return False
    rows, _ = gaz.lookup(span.text)
    if not len(rows):
        return False
    if _cued(span):
        return True
    return ent == "" and float(gaz.pop[rows].max()) >= _MIN_POPULATION_UNCUED and span[0].i > span.sent.start


def _cued(span: Span) -> bool:
    """Whether the words before the name mark it as a place ("in Sirte", "the city of Sirte")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None:
        return False
    if prev.lower_ in LOCATIVE and prev.pos_ == "ADP":
        return True
    if prev.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lower_ in _OF_NOUNS:
        return True
    return False


def _dateline_mention(gaz: Gazetteer, text: str, start: int | None, end: int | None) -> Mention | None:
    """The dateline's place ("CAIRO", "Kyiv, Ukraine"), resolved on its own: it anchors the rest."""
    if start is None or end is None:
        return None
    name, _, rest = text[start:end].partition(",")
    name_end = start + len(name.rstrip())
    qualifier = qualifier_after(gaz, text, name_end) if rest.strip() else -1
    mention = Mention(text[start:name_end], start, name_end, qualifier=qualifier)
    row = resolve(gaz, [mention])[0]
    mention.fixed = row
    return mention


def _context(coded: CodedArticle, dateline: Mention | None, gaz: Gazetteer) -> Context:
    countries: dict[str, float] = {}
    for actor in coded.actors:
        if actor.country:
            countries[actor.country] = countries.get(actor.country, 0.0) + 0.3
    if dateline is not None and dateline.fixed >= 0 and gaz.country[dateline.fixed] >= 0:
        code = gaz.alpha3[int(gaz.country[dateline.fixed])]
        countries[code] = countries.get(code, 0.0) + 1.0
    return Context(countries={k: min(v, 2.0) for k, v in countries.items()})


def _place(gaz: Gazetteer, m: Mention, row: int) -> Place:
    if row < 0:
        return Place(text=m.text, start=m.start, end=m.end, name=m.text)
    return Place(text=m.text, start=m.start, end=m.end, **gaz.fields(row))
