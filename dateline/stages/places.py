"""Stage ``places``: find the place names of an article and resolve each to GeoNames.

Mentions come from ``toponyms.place_spans`` (spaCy's entities corrected with the gazetteer). A
toponym used as an actor ("Cairo rejected ...") is still a place mention here;
``location.locate_event`` decides whether an event happened there. The dateline's place is
resolved first and anchors the rest, with the countries of the article's actors.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from ..gazetteer import ADMIN1, CITY, COUNTRY, DEMONYM, Gazetteer
from ..geocode import Context, Mention, resolve, stated_level
from ..model import Actor, Article, CodedArticle, Place
from ..resources import Resources
from ..toponyms import place_spans
from .tokens import doc_ents, doc_text

# How much an actor of a country, and the dateline, count as a place of that country (a place
# name counts 1); many actors of one country count at most ``MAX_COUNTRY_WEIGHT``.
ACTOR_WEIGHT, DEMONYM_WEIGHT, DATELINE_WEIGHT, MAX_COUNTRY_WEIGHT = 0.3, 0.5, 1.0, 3.0
_QUALIFIER = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?)(?:\s*[A-Z][A-Za-z]*\.?){0,2})")


def find_places(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``places`` (every place mention, resolved where possible) and ``dateline_place``."""
    gaz = res.gazetteer
    places, dateline_place = resolve_spans(gaz, coded.article, place_spans(doc, gaz), coded.actors,
                                           demonym_spans(doc, gaz))
    return coded.replace(places=places, dateline_place=dateline_place)


def demonym_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Spans of the peoples' names of the text ("Russian", "Texans"): where the article is, too."""
    text = doc_text(doc)
    return [(ent.start_char, ent.end_char) for ent in doc_ents(doc)
            if ent.label_ == "NORP" and gaz.is_demonym(text[ent.start_char:ent.end_char])]


def resolve_spans(gaz: Gazetteer, article: Article, spans: list[tuple[int, int]],
                  actors: tuple[Actor, ...] = (), demonyms: list[tuple[int, int]] = (),
                  ) -> tuple[tuple[Place, ...], Place | None]:
    """Resolve given place spans of an article together, with its dateline, actors and the
    peoples it names (``demonym_spans``) as context.

    Returns the places in text order (the dateline's first among them, if it has one) and the
    dateline's place. Scorers call this with gold spans; ``find_places`` with found ones.
    """
    dateline = _dateline_mention(gaz, article.text, article.dateline_start, article.dateline_end)
    if dateline is not None:
        spans = [s for s in spans if s[1] <= dateline.start or s[0] >= dateline.end]
    mentions = [Mention(article.text[s:e], s, e, qualifier=qualifier_after(gaz, article.text, e),
                        hint=stated_level(article.text, s, e)) for s, e in spans]
    if dateline is not None:
        mentions.insert(0, dateline)
    # Actors named by a place name ("Egypt said") get their country from that name: only the
    # others ("the Libyan army", "Egyptian President El-Sisi") tell where the article is.
    # Pronouns ("it", "its") take their country from an antecedent that may be just such a name.
    others = tuple(a for a in actors if a.text[:1].isupper()
                   and not any(a.start < m.end and m.start < a.end for m in mentions))
    peoples = [article.text[s:e] for s, e in demonyms
               if not any(s < m.end and m.start < e for m in mentions)]
    rows = resolve(gaz, mentions, _context(others, dateline, gaz, peoples))
    places = tuple(sorted((_place(gaz, m, row) for m, row in zip(mentions, rows)), key=lambda p: p.start))
    dateline_place = next((p for p in places if dateline is not None and p.start == dateline.start), None)
    return places, dateline_place


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


def _dateline_mention(gaz: Gazetteer, text: str, start: int | None, end: int | None) -> Mention | None:
    """The dateline's place ("CAIRO", "Kyiv, Ukraine"), resolved on its own: it anchors the rest."""
    if start is None or end is None:
        return None
    name, _, rest = text[start:end].partition(",")
    name_end = start + len(name.rstrip())
    qualifier = qualifier_after(gaz, text, name_end) if rest.strip() else -1
    mention = Mention(text[start:name_end], start, name_end, qualifier=qualifier, hint=CITY)  # datelines name towns
    mention.fixed = _dateline_row(gaz, mention.text, qualifier)
    return mention


def dateline_country(gaz: Gazetteer, article: Article) -> str | None:
    """The country of the article's dateline town ("PORT SUDAN (Reuters) -"), resolved on its own."""
    mention = _dateline_mention(gaz, article.text, article.dateline_start, article.dateline_end)
    if mention is None or mention.fixed < 0 or gaz.country[mention.fixed] < 0:
        return None
    return gaz.alpha3[int(gaz.country[mention.fixed])]


@functools.lru_cache(maxsize=1024)  # an outlet's articles share a few datelines
def _dateline_row(gaz: Gazetteer, name: str, qualifier: int) -> int:
    """The row a dateline's town resolves to on its own (-1 if none)."""
    return resolve(gaz, [Mention(name, qualifier=qualifier, hint=CITY)])[0]


def _context(actors: tuple[Actor, ...], dateline: Mention | None, gaz: Gazetteer,
             peoples: list[str] = ()) -> Context:
    """Countries the article is about apart from its place names: its actors', its peoples' and
    its dateline's."""
    countries: dict[str, float] = {}
    for actor in actors:
        if actor.country:
            countries[actor.country] = countries.get(actor.country, 0.0) + ACTOR_WEIGHT
    for name in peoples:
        rows, flags = gaz.lookup(name)
        for c in {int(gaz.country[r]) for r, f in zip(rows, flags) if f & DEMONYM and gaz.country[r] >= 0}:
            code = gaz.alpha3[c]
            countries[code] = countries.get(code, 0.0) + DEMONYM_WEIGHT
    if dateline is not None and dateline.fixed >= 0 and gaz.country[dateline.fixed] >= 0:
        code = gaz.alpha3[int(gaz.country[dateline.fixed])]
        countries[code] = countries.get(code, 0.0) + DATELINE_WEIGHT
    return Context(countries={k: min(v, MAX_COUNTRY_WEIGHT) for k, v in countries.items()})


def _place(gaz: Gazetteer, m: Mention, row: int) -> Place:
    if row < 0:
        return Place(text=m.text, start=m.start, end=m.end, name=m.text)
    return Place(text=m.text, start=m.start, end=m.end, **gaz.fields(row))
