"""Choose the GeoNames entry each place mention of an article means.

Every candidate gets a score from what it is (population, capital, country or state, the name's
own form) and from what the article says around it: the countries the other places, the actors
and the dateline belong to, a qualifier right after the name ("Paris, Texas"), and whether some
reading of each other name lies inside it, around it, in its state or county, or near it. Each
name is first scored on its own; then every name is read in the light of the others' readings.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, DEMONYM, PRIMARY, REGION, Gazetteer
from .placenames import generic_kind, normalize, strip_generic

MAX_CANDIDATES = 80
_SMOOTHING = 0.5  # pseudo-count for a country no other place of the article supports
# Which level a stated administrative kind points at ("Idlib province" -> admin1).
_KIND_LEVEL = {
    "county": ADMIN2, "parish": ADMIN2, "borough": ADMIN2, "township": ADMIN2, "district": ADMIN2,
    "raion": ADMIN2, "rayon": ADMIN2, "municipality": ADMIN2, "division": ADMIN2,
    "province": ADMIN1, "governorate": ADMIN1, "state": ADMIN1, "oblast": ADMIN1, "region": ADMIN1,
    "prefecture": ADMIN1, "emirate": ADMIN1, "territory": ADMIN1, "canton": ADMIN1,
    "voivodeship": ADMIN1, "krai": ADMIN1, "okrug": ADMIN1, "department": ADMIN1, "wilayat": ADMIN1,
}
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
_COMPASS_ABBREVIATIONS = {"N.": "North", "S.": "South", "E.": "East", "W.": "West"}
_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "at ", "az ", "ash ")


@dataclass(frozen=True)
class Weights:
    """How much each piece of evidence counts (tuned on the LGL and GeoWebNews dev sets)."""

    population: float = 1.0  # per factor of 10
    primary: float = 2.6  # the place's own name rather than an alternate one
    capital: float = 1.5
    country: float = 2.8
    admin1: float = 0.5
    region: float = 2.0
    hint: float = 3.0  # the stated kind matches ("X County" -> admin2)
    qualifier: float = 8.0  # "Paris, Texas"
    namesake_area: float = 4.0  # an area named like a city inside it yields to the city
    context_country: float = 4.0
    inside: float = 1.5  # another name's place contains this one, or lies in it
    same_admin1: float = 0.65
    same_admin2: float = 1.0
    proximity: float = 2.0
    deficit: float = 0.5  # cost per point an agreeing reading of another name lacks against its best
    neighbour: float = 0.5  # share of a bordering country's support that a country gets
    derived: float = 0.2  # context weight of a name read through the place it is named after
    temperature: float = 1.0  # how much the other readings of a name still count as context
    rounds: int = 1
    namesake_town: float = 3.0  # a village named like a country or state yields to it


@dataclass
class Mention:
    """A place name in the text, with what the text says about its kind and whereabouts."""

    text: str
    start: int = 0
    end: int = 0
    qualifier: int = -1  # row of the state or country named right after it
    fixed: int = -1  # row already decided (e.g. by the dateline)
    hint: int | None = None  # level the text around it points at ("Clay and Becker counties")


@dataclass
class _Candidates:
    rows: np.ndarray
    base: np.ndarray
    derived: bool = False  # read through the place the name is named after ("Bank of Japan")

    def __post_init__(self):
        self.rows.setflags(write=False)  # remembered (``_score_alone``) and shared by articles
        self.base.setflags(write=False)


@dataclass
class Context:
    """What the article says about where it is, apart from its place names."""

    countries: dict[str, float] = field(default_factory=dict)  # alpha-3 -> weight (actors, dateline)


@functools.lru_cache(maxsize=16384)  # an article asks about its few names many times; so do articles
def candidates(gaz: Gazetteer, text: str) -> tuple[np.ndarray, np.ndarray, int | None]:
    """Candidate rows for a name, their flags (arrays not to be modified), and the level its
    stated kind points at."""
    key = normalize(text)
    hint = None
    kind = generic_kind(text)
    if kind and not text.lower().startswith("the "):
        hint = _KIND_LEVEL.get(kind)
    if key.startswith("city of "):
        key, hint = key[8:], CITY
    rows, flags = gaz.lookup_normalized(key)
    abbr = gaz.abbreviation(text) if "." in text or text.isupper() else -1
    own = (flags & PRIMARY) > 0
    if abbr >= 0 and "." in text and _INITIALISM.match(text) and own.any():  # "L.A.": a town's own short name
        rows, flags = np.append(rows[own], abbr).astype(np.int32), np.append(flags[own], PRIMARY).astype(np.int8)
    elif abbr >= 0 and "." in text:  # "W.Va.", "Tenn.", "D.C.": written as an abbreviation
        rows, flags = np.array([abbr], dtype=np.int32), np.array([PRIMARY], dtype=np.int8)
    elif abbr >= 0 and not (gaz.level[rows] == COUNTRY).any():  # "TX"; but "US" stays the country
        rows, flags = np.append(rows, abbr).astype(np.int32), np.append(flags, PRIMARY).astype(np.int8)
    if not len(rows) and kind:
        rows, flags = gaz.lookup_normalized(normalize(strip_generic(text)))
    if not len(rows) and key.endswith(" city"):  # "Kirkuk City", "Idlib city"
        rows, flags = gaz.lookup_normalized(key[:-5])
        hint = CITY
    if not len(rows) and key.startswith(_ARTICLES):  # "Al-Maghaweer" / "Maghaweer"
        rows, flags = gaz.lookup_normalized(key.split(" ", 1)[1])
    if not len(rows) and text[:2] in _COMPASS_ABBREVIATIONS and text[2:3] in (" ", ""):  # "W. Columbia"
        rows, flags = gaz.lookup_normalized(normalize(_COMPASS_ABBREVIATIONS[text[:2]] + text[2:]))
    rows.setflags(write=False)  # remembered and shared by every caller
    flags.setflags(write=False)
    return rows, flags, hint


# A list of names closed by a plural kind: "Barrow, Jackson and Madison counties", "from
# Ellsworth to Riley counties". Each name of the list is of that kind.
_LISTED_KIND = re.compile(r"(?:(?:,|,? and|,? or| to| &)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})*"
                          r"\s+(counties|parishes|provinces|states|governorates|districts|oblasts)\b")
_PLURAL_KIND = {"counties": "county", "parishes": "parish", "provinces": "province", "states": "state",
                "governorates": "governorate", "districts": "district", "oblasts": "oblast"}


# What follows a dateline's town: "NEW YORK (AP) --", "MANSFIELD -- ", "DAYTON, Ohio —".
_DATELINE_END = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:--|[-\u2013\u2014:])\s")


# Nouns of a town's own institutions and newspapers after its name: "Paris City Council", "Jordan
# Elementary", "The Washington Post".
_TOWN_INSTITUTION = re.compile(r"(?:'s|\u2019s)?\s+(?:city\s+|town\s+)?(?:council|councilman|councilwoman|mayor|"
                               r"high\s+school|elementary|middle\s+school|school\s+board|fire\s+department|"
                               r"firefighters|city\s+hall|selectmen|aldermen|public\s+library|police|times|post|globe|tribune|chronicle)\b",
                               re.IGNORECASE)


# A kind written in lower case right after a name: "Kermanshah province", "Washington state".
_KIND_AFTER = re.compile(r"\s+(" + "|".join(sorted(_KIND_LEVEL)) + r"|city|town|village)\b")


def stated_level(text: str, start: int, end: int) -> int | None:
    """The level the words around a name point at: a plural kind closing the list it is in
    ("Clay and Becker counties"), or a town for a dateline in capitals ("NEW YORK (AP) --")."""
    match = _LISTED_KIND.match(text, end, min(len(text), end + 200))
    if match:
        return _KIND_LEVEL.get(_PLURAL_KIND[match.group(1)])
    match = _KIND_AFTER.match(text, end, min(len(text), end + 20))
    if match:
        return _KIND_LEVEL.get(match.group(1), CITY)
    opens = start == 0 or text[start - 1] in "\n(" or text[max(0, start - 2):start] == ". "
    if opens and text[start:end].isupper() and _DATELINE_END.match(text, end, min(len(text), end + 40)):
        return CITY
    if _TOWN_INSTITUTION.match(text, end, min(len(text), end + 30)):
        return CITY
    return None


def _named_after(gaz: Gazetteer, text: str) -> tuple[np.ndarray, np.ndarray]:
    """For a name the index does not know, the candidates of the place it is named after: its
    longest capitalised part that is a place ("Walker County Sheriff's Office" -> Walker County,
    "Bank of Japan" -> Japan); a single word only if it names a country, a state, a people or a
    large town, or opens the name of a local site ("Cottonport Fire Station")."""
    words = [w for w in text.replace("'s", "").split() if w]
    if not words or words[-1].lower().rstrip(".") in _STREETS:
        return _EMPTY_ROWS, _EMPTY_FLAGS  # "Washington Drive" is not in Washington
    local = words[-1].lower() in _LOCAL_SITES
    for n in range(min(len(words) - 1, 4), 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i:i + n]
            if not part[0][:1].isupper() or (n == 1 and part[0].lower() in _NOT_NAMED_AFTER) \
                    or (n == 1 and part[0].lower() in _FEATURES) or part[0].lower() in _FEATURE_FIRST:
                continue
            rows, flags = gaz.lookup(" ".join(part))
            if not len(rows):
                continue
            level = gaz.level[rows]
            big = (level <= ADMIN1) | ((flags & DEMONYM) > 0) | (gaz.pop[rows] >= 100_000)
            if n > 1 or (local and i == 0):
                return rows, flags
            if big.any():
                return rows[big], flags[big]
    return _EMPTY_ROWS, _EMPTY_FLAGS


# Words of organisations' names that are also names of small places ("Union", "Federal").
_NOT_NAMED_AFTER = {"university", "college", "bank", "national", "federal", "central", "state", "city",
                    "union", "council", "house", "senate", "court", "school", "new", "united", "royal", "general",
                    "international", "republic", "democratic", "people", "north", "south", "east", "west"}
_STREETS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard", "blvd", "lane", "ln",
            "way", "highway", "hwy", "parkway", "pkwy", "ct", "place", "pl", "circle", "square",
            "trail", "pike", "route", "expressway", "freeway", "turnpike", "alley", "terrace"}
# Words of features' names that never name the place a feature is named after ("Lake Lanier" is
# not in Lake County, "Squirrel Hill" not in Hill).
_FEATURES = {"lake", "lakes", "river", "creek", "falls", "island", "islands", "mountain", "mountains", "hill",
             "hills", "valley", "bay", "sea", "gulf", "ocean", "beach", "colony", "forest", "canyon", "desert",
             "peninsula", "reservoir", "springs", "ridge", "coast", "heights", "side", "shore", "woods", "park", "bend"}
_FEATURE_FIRST = {"lake", "mount", "mt", "mt.", "cape", "isle", "national"}
# Sites that take the name of the town they serve: "Paris Community Hospital", "Sligo Town Hall".
_LOCAL_SITES = {"hospital", "hall", "court", "courthouse", "station", "jail", "school", "library", "airport",
                "department", "office", "market", "center", "centre", "cemetery", "marina", "common",
                "police", "stadium", "prison", "church", "inn", "hotel", "park", "museum", "college"}
_EMPTY_ROWS = np.zeros(0, dtype=np.int32)
_EMPTY_FLAGS = np.zeros(0, dtype=np.int8)


def resolve(gaz: Gazetteer, mentions: list[Mention], context: Context | None = None,
            weights: Weights | None = None) -> list[int]:
    """The row each mention resolves to, or -1 where no candidate is known."""
    w = weights or Weights()
    keys = [(normalize(m.text), m.qualifier) for m in mentions]
    # What the words around one mention say of its kind holds for the name's other mentions.
    hints: dict[tuple[str, int], int] = {}
    for m, key in zip(mentions, keys):
        if m.hint is not None:
            hints.setdefault(key, m.hint)
    names: dict[tuple[str, int], _Candidates] = {}
    for m, key in zip(mentions, keys):
        if key not in names:
            names[key] = _score_alone(gaz, m.text, m.qualifier, w, hints.get(key))
        if m.fixed >= 0:  # decided already (the dateline): the other mentions read it as certain
            names[key] = _Candidates(np.array([m.fixed], dtype=np.int32), np.zeros(1))
    counts = Counter(keys)
    live = [k for k, c in names.items() if len(c.rows)]
    # Repeats count, diminishingly; a name read through another ("Bank of Japan") counts less.
    weight = {k: (1.0 + 0.5 * math.log(counts[k])) * (w.derived if names[k].derived else 1.0) for k in live}
    external = _external_countries(gaz, context or Context())
    score = {k: names[k].base for k in live}
    for _ in range(w.rounds):  # each round reads every name in the light of the others' last reading
        country = _country_context(gaz, names, score, weight, external, w)
        alone = {k: names[k].base + country[k] for k in live}
        pairs = _agreement(gaz, names, alone, weight, w)
        score = {k: alone[k] + pairs[k] for k in live}
    return [int(names[k].rows[int(np.argmax(score[k]))]) if k in score else -1 for k in keys]


@functools.lru_cache(maxsize=4096)  # the same names recur across articles
def _score_alone(gaz: Gazetteer, text: str, qualifier: int, w: Weights, stated: int | None) -> _Candidates:
    """A name's candidates scored on what they are and what the words around it say (shared:
    not to be modified)."""
    rows, flags, hint = candidates(gaz, text)
    if hint is None:
        hint = stated
    derived = not len(rows)
    if derived:
        rows, flags = _named_after(gaz, text)
    if not len(rows):
        return _Candidates(rows, np.zeros(0))
    if len(rows) > MAX_CANDIDATES:
        keep = np.argsort(-gaz.pop[rows], kind="stable")[:MAX_CANDIDATES]
        if qualifier >= 0:
            inside = np.flatnonzero(_within(gaz, rows, qualifier))
            keep = np.union1d(keep, inside)
        rows, flags = rows[keep], flags[keep]
    level = gaz.level[rows]
    score = w.population * gaz.log_pop[rows]
    score += w.primary * (flags & PRIMARY)
    score += w.capital * (gaz.fcode_is(rows, "PPLC"))
    score += w.country * (level == COUNTRY) + w.admin1 * (level == ADMIN1) + w.region * (level == REGION)
    if hint is not None:
        score += np.where(level == hint, w.hint, -w.hint)
    if qualifier >= 0:
        score += np.where(_within(gaz, rows, qualifier), w.qualifier, -w.qualifier)
    score -= w.namesake_area * _area_of_namesake_city(gaz, rows, level, flags) * (hint is None)
    score -= w.namesake_town * _town_of_namesake_area(gaz, rows, level, flags) * (qualifier < 0) * (hint is None)
    return _Candidates(rows, score.astype(np.float64), derived)


def _within(gaz: Gazetteer, rows: np.ndarray, area: int) -> np.ndarray:
    """Whether each row lies in ``area`` (a country, state or county row)."""
    lvl = gaz.level[area]
    if lvl == COUNTRY:
        return gaz.country[rows] == gaz.country[area]
    if lvl == ADMIN1:
        return gaz.adm1[rows] == area
    return gaz.adm2[rows] == area


def _area_of_namesake_city(gaz: Gazetteer, rows: np.ndarray, level: np.ndarray,
                           flags: np.ndarray) -> np.ndarray:
    """True for a state or county whose namesake city (in it) is also a candidate: "Paris", "Idlib"."""
    cities = rows[(level == CITY) & ((flags & PRIMARY) > 0)]
    if not len(cities):
        return np.zeros(len(rows), dtype=bool)
    parents = np.concatenate([gaz.adm1[cities], gaz.adm2[cities]])
    return ((level == ADMIN1) | (level == ADMIN2)) & (rows[:, None] == parents[None, :]).any(axis=1)


def _town_of_namesake_area(gaz: Gazetteer, rows: np.ndarray, level: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """True for a small town named like a country or state that is also a candidate: "Kansas",
    "Florida", "Wales" name the area, not the village of a few thousand named after it."""
    areas = ((level == COUNTRY) | (level == ADMIN1)) & ((flags & PRIMARY) > 0)
    if not areas.any():
        return np.zeros(len(rows), dtype=bool)
    largest = float(gaz.pop[rows[areas]].max())
    return (level >= CITY) & (gaz.pop[rows] * _NAMESAKE_RATIO < largest)


_NAMESAKE_RATIO = 1000.0  # "small": under a thousandth of the area's population


def _softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    e = np.exp((scores - scores.max()) / temperature)
    return e / e.sum()


def _external_countries(gaz: Gazetteer, context: Context) -> np.ndarray:
    support = np.zeros(len(gaz.alpha3))
    for code, weight in context.countries.items():
        row = gaz.country_row(code)
        if row >= 0:
            support[int(gaz.country[row])] += weight
    return support


def _country_context(gaz: Gazetteer, names: dict, score: dict, weight: dict, external: np.ndarray,
                     w: Weights) -> dict:
    """Log-odds of each candidate's country given the article's other places, actors and dateline.

    0 when the rest of the article agrees, down to about -1.3 (times the weight) when ten other
    places point elsewhere; a bordering country's places count for a share.
    """
    own, located = {}, {}
    for k, s in score.items():
        countries = gaz.country[names[k].rows]
        ok = located[k] = countries >= 0
        own[k] = np.bincount(countries[ok], _softmax(s, w.temperature)[ok] * weight[k], len(gaz.alpha3))
    others_all = sum(own.values(), external.copy())
    others_all += w.neighbour * (gaz.neighbour_matrix @ others_all)
    total = sum(weight.values()) + float(external.sum())
    out = {}
    for k in score:
        countries = np.maximum(gaz.country[names[k].rows], 0)
        mine = own[k]
        used = np.flatnonzero(mine)
        bordering = gaz.neighbour_matrix[countries[:, None], used] @ mine[used]
        own_support = mine[countries] + w.neighbour * bordering
        support = np.where(located[k], others_all[countries] - own_support, 0.0)
        out[k] = w.context_country * np.log10((np.maximum(support, 0.0) + _SMOOTHING)
                                              / (total - weight[k] + _SMOOTHING))
    return out


def _agreement(gaz: Gazetteer, names: dict, alone: dict, weight: dict, w: Weights) -> dict:
    """For each candidate, how well the most agreeable reading of every other name fits with it.

    Fitting means lying inside it or around it ("Richmond" and "Madison County" in Kentucky),
    sharing its state or county, or lying near it; a reading that is unlikely on its own costs
    what it lacks against that name's best reading. All names' shortlists are compared at once.
    """
    keys = list(alone)
    out = {k: np.zeros(len(alone[k])) for k in keys}
    if len(keys) < 2:
        return out
    picks = [_shortlist(alone[k]) for k in keys]
    rows = np.concatenate([names[k].rows[idx] for k, idx in zip(keys, picks)])
    picked = [alone[k][idx] for k, idx in zip(keys, picks)]
    deficit = np.concatenate([scores.max() - scores for scores in picked])
    sizes = [len(idx) for idx in picks]
    starts = np.cumsum([0] + sizes[:-1])
    owner = np.repeat(np.arange(len(keys)), sizes)
    geo = _Geo(gaz, rows)
    fit = geo.fit(geo, w) - w.deficit * deficit[None, :]
    best = np.maximum(np.maximum.reduceat(fit, starts, axis=1), 0.0)  # candidate x name
    best[np.arange(len(rows)), owner] = 0.0  # a name does not vouch for itself
    gain = best @ np.array([weight[k] for k in keys])
    for i, (k, idx) in enumerate(zip(keys, picks)):
        out[k][idx] = gain[starts[i]:starts[i] + sizes[i]]
    return out


def _shortlist(scores: np.ndarray, size: int = 30, within: float = 6.0) -> np.ndarray:
    """Indexes of the candidates worth pairing: the best few, within a plausible distance of the best."""
    order = np.argsort(-scores, kind="stable")[:size]
    return order[scores[order] >= scores[order[0]] - within]


class _Geo:
    """Columns of a set of candidate rows, for comparing two sets at once."""

    def __init__(self, gaz: Gazetteer, rows: np.ndarray):
        self.rows = rows
        self.adm1 = gaz.adm1[rows]
        self.adm2 = gaz.adm2[rows]
        self.point = gaz.level[rows] >= ADMIN2  # towns and counties: precise enough to measure from
        self.lat = np.radians(gaz.lat[rows].astype(np.float64))
        self.lon = np.radians(gaz.lon[rows].astype(np.float64))

    def fit(self, other: _Geo, w: Weights) -> np.ndarray:
        """Matrix of how well each of these rows fits each of the other rows."""
        r, o = self.rows[:, None], other.rows[None, :]
        inside = ((self.adm1[:, None] == o) | (self.adm2[:, None] == o) | (r == other.adm1[None, :])
                  | (r == other.adm2[None, :]) | (r == o))
        same1 = (self.adm1[:, None] == other.adm1[None, :]) & (self.adm1[:, None] >= 0)
        same2 = (self.adm2[:, None] == other.adm2[None, :]) & (self.adm2[:, None] >= 0)
        cos = (np.sin(self.lat)[:, None] * np.sin(other.lat)[None, :] + np.cos(self.lat)[:, None]
               * np.cos(other.lat)[None, :] * np.cos(self.lon[:, None] - other.lon[None, :]))
        km = 6371.0 * np.arccos(np.clip(cos, -1.0, 1.0))
        both_points = self.point[:, None] & other.point[None, :]
        near = np.clip(1.0 - np.log10(1.0 + km) / 3.0, 0.0, 1.0) * both_points
        return w.inside * inside + w.same_admin1 * same1 + w.same_admin2 * same2 + w.proximity * near
