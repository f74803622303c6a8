"""The actor knowledge base: who names, roles and adjectives stand for, and since when.

Built once per process from dateline's own YAML files (``data/actors/``), then the user's
dictionaries (``Settings.actor_dictionaries``: YAML, CSV or CAMEO/TABARI ``.txt``) on top:
a name a user dictionary defines replaces what the built-in files say about it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from .errors import DatelineError
from .settings import Settings

# Codes that stand for an international actor, not a country (PLOVER's non-state "countries").
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"})
# Sector codes (PLOVER's, and CAMEO's that PLOVER folded into them).
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "CVL", "BUS", "MED", "EDU", "REL", "LAB", "REF",
    "CRM", "UAF", "ELI", "AGR", "JRN", "PRM", "PRE", "SOC", "UNK", "NGO", "IGO", "HLH", "INS", "SEP", "MOD", "RAD"})
# CAMEO's non-ISO country codes.
CAMEO_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UAR": "EGY", "BUL": "BGR"}

_KEY_SPLIT = re.compile(r"[^\w.'&]+")


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked for the same words again and again
def name_key(text: str) -> str:
    """How a name is looked up: lowercase words, hyphens and most punctuation dropped, no "the"."""
    words = []
    for word in _KEY_SPLIT.split(text.replace("\u2019", "'").lower()):
        word = (word.removesuffix("'s")).strip("'")
        if word:
            words.append(word)
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Role:
    """One code an actor holds, between two dates (None: open)."""

    country: str | None
    sector: str | None
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor: a country, capital, person or organisation, with its dated roles."""

    name: str
    kind: str  # country, capital, gov, person, org
    roles: tuple[Role, ...]

    @property
    def is_state(self) -> bool:
        """Does the name stand for a country (or its capital), as user dictionaries' bare country codes do?"""
        return self.kind in ("country", "capital") or any(r.country and not r.sector for r in self.roles)

    def at(self, day: dt.date | None) -> Role:
        """The role held on ``day``; a person past every role is a former official (ELI)."""
        if day is None or all(r.start is None and r.end is None for r in self.roles):
            return self.roles[-1]
        current = [r for r in self.roles if r.covers(day)]
        if current:
            return max(current, key=lambda r: r.start or dt.date.min)
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if self.kind == "person":
            if past:
                last = max(past, key=lambda r: r.end)
                return Role(last.country, "ELI", make_code(last.country, "ELI"), last.end, None)
            first = min(self.roles, key=lambda r: r.start or dt.date.min)
            return Role(first.country, None, make_code(first.country, None))
        return max(past, key=lambda r: r.end) if past else self.roles[0]


def _with_plurals(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Name keys of a group and its regular plural ("kurd", "kurds") -> its countries."""
    out = {}
    for name, countries in table.items():
        key = name_key(name)
        out[key] = tuple(countries)
        if key[-1] not in "sxz":
            out[key + "s"] = tuple(countries)
    return out


def make_code(country: str | None, sector: str | None) -> str | None:
    """Country + sector ("EGYGOV"); None without a country, where the first letters would mislead."""
    return country + (sector or "") if country else None


def parse_code(code: str) -> tuple[str | None, str | None, str]:
    """(country, sector, code) of a CAMEO-style actor code: "EGYGOV", "IGOUNO", "IMGREB", "~GOV".

    The sector is the first known sector among the 3-letter groups after the country
    ("PSEHMSGOV" is GOV), else the first group.
    """
    code = code.strip().upper().lstrip("~")
    head = CAMEO_COUNTRY_FIXES.get(code[:3], code[:3])
    groups = [code[i:i + 3] for i in range(3, len(code) - 2, 3)]
    rest = next((g for g in groups if g in SECTORS), groups[0] if groups else None)
    if head in ("IGO", "NGO", "MNC"):
        return None, head, code
    if head in ("UNO", "EUR"):
        return None, "IGO", "IGO" + head
    if head in ("IMG", "ISM"):
        return None, rest, code
    return head, rest, head + code[3:]


def parse_date(value) -> dt.date | None:
    if value in (None, "", "-"):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    return dt.date.fromisoformat(text)


def parse_role(spec: str) -> Role:
    """A role from "EGYGOV 2014-06-08 -" (dates optional)."""
    parts = spec.split()
    country, sector, code = parse_code(parts[0])
    start = parse_date(parts[1]) if len(parts) > 1 else None
    end = parse_date(parts[2]) if len(parts) > 2 else None
    return Role(country, sector, code, start, end)


@dataclass
class ActorKnowledge:
    """Names, adjectives, role nouns and titles, and what each stands for."""

    names: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    stems: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # TABARI stems: "argentin"
    adjectives: dict[str, str] = field(default_factory=dict)  # "egyptian" -> EGY
    roles: dict[str, str] = field(default_factory=dict)  # "riot police" -> COP
    generic: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)  # "gen." -> MIL
    org_words: dict[str, str] = field(default_factory=dict)  # "army" -> MIL
    former: frozenset[str] = frozenset()
    abbreviations: set[str] = field(default_factory=set)  # keys that match only in capitals
    mixed_case: set[str] = field(default_factory=set)  # keys also written in lower case
    countries: frozenset[str] = frozenset()
    # Ethnic groups -> the countries they mostly live in, usual first ("karen" -> MMR, THA); and
    # nationalities that name minorities elsewhere when called "ethnic" ("albanian" -> MKD, SRB, ...).
    ethnic: dict[str, tuple[str, ...]] = field(default_factory=dict)
    minorities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    max_name_words: int = 1
    first_words: dict[str, int] = field(default_factory=dict)  # a name's first word -> most words after it

    @classmethod
    def load(cls, settings: Settings | None = None) -> ActorKnowledge:
        """The built-in knowledge base with the settings' dictionaries applied over it."""
        kb = cls()
        kb._load_builtin()
        for path in (settings.actor_dictionaries if settings else ()):
            kb.apply_dictionary(path)
        return kb

    # -- queries ---------------------------------------------------------------------------------

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Entries a name key stands for ("" if none), exact names first, then TABARI stems."""
        found = self.names.get(key)
        if found or not self.stems:
            return found or ()
        for size in range(len(key), 2, -1):
            found = self.stems.get(key[:size])
            if found:
                return found
        return ()

    def country_of(self, word: str) -> str | None:
        """The country of a nationality adjective or demonym ("Egyptian", "Egyptians")."""
        return self.adjectives.get(name_key(word))

    def sector_of_role(self, phrase: str) -> str | None:
        return self.roles.get(phrase)

    # -- building --------------------------------------------------------------------------------

    def add(self, key_text: str, entry: Entry, *, replace: bool = False, stem: bool = False,
            cased: bool = True) -> None:
        """Register a name; ``cased`` names written in capitals are abbreviations ("UN")."""
        key = name_key(key_text)
        if not key:
            return
        if cased and key_text.replace(".", "").isupper() and len(key_text) <= 6:
            if key not in self.mixed_case:
                self.abbreviations.add(key)
        elif cased:  # "Hamas" as well as "HAMAS": any case will do
            self.mixed_case.add(key)
            self.abbreviations.discard(key)
        words = key.split(" ")
        first = words[0] if not stem or len(words) > 1 else "*"  # one-word stems match any word
        self.first_words[first] = max(self.first_words.get(first, 0), len(words))
        if stem:  # a TABARI stem: "ARGENTIN" matches Argentina and Argentine
            self.stems[key] = (entry,) if replace else self.stems.get(key, ()) + (entry,)
            return
        old = () if replace else tuple(e for e in self.names.get(key, ()) if e.name != entry.name)
        self.names[key] = old + (entry,)
        self.max_name_words = max(self.max_name_words, key.count(" ") + 1)

    def add_role(self, phrase: str, sector: str) -> None:
        self.roles[name_key(phrase)] = sector

    def _load_builtin(self) -> None:
        data = resources.files("dateline").joinpath("data/actors")
        self._load_countries(yaml.safe_load(data.joinpath("countries.yaml").read_text("utf-8")))
        for item in yaml.safe_load(data.joinpath("people.yaml").read_text("utf-8")):
            self._add_named(item, "person")
        for item in yaml.safe_load(data.joinpath("organisations.yaml").read_text("utf-8")):
            self._add_named(item, "org")
        self._load_roles(yaml.safe_load(data.joinpath("roles.yaml").read_text("utf-8")))
        groups = yaml.safe_load(data.joinpath("ethnic_groups.yaml").read_text("utf-8"))
        self.ethnic, self.minorities = _with_plurals(groups["groups"]), _with_plurals(groups["minorities"])

    def _load_countries(self, table: dict) -> None:
        self.countries = frozenset(table) | {c.alpha_3 for c in pycountry.countries}
        for iso3, info in table.items():
            info = info or {}
            country = pycountry.countries.get(alpha_3=iso3)
            official = [getattr(country, a) for a in ("name", "common_name", "official_name")
                        if country is not None and getattr(country, a, None) and "," not in getattr(country, a)]
            canonical = (info.get("names") or official or [iso3])[0]
            state = Entry(canonical, "country", (Role(iso3, None, iso3),))
            for name in [*info.get("names", []), *official, *info.get("former", [])]:
                self.add(name, state)
            nationality = Entry(canonical, "adjective", (Role(iso3, None, iso3),))
            for adj in info.get("adj", []):
                forms = [adj, adj + "s"] if adj[-1] in "ni" else [adj]  # Egyptian -> Egyptians
                for form in forms:
                    self.adjectives[name_key(form)] = iso3
                    if " " in form:  # "Sri Lankan", "South Koreans": found in the text like names
                        self.add(form, nationality)
            for word in info.get("people", []):
                self.adjectives[name_key(word)] = iso3
            government = Role(iso3, "GOV", iso3 + "GOV")
            for capital in info.get("capital", []):
                self.add(capital, Entry(capital, "capital", (government,)))
            for name, sector in (info.get("gov") or {}).items():
                self.add(name, Entry(name, "gov", (Role(iso3, sector, iso3 + sector),)))

    def _add_named(self, item: dict, kind: str, *, replace: bool = False) -> None:
        specs = item.get("roles") or item.get("codes") or [item["code"]]
        entry = Entry(item["name"], kind, tuple(parse_role(s) for s in specs))
        for name in [item["name"], *(item.get("aka") or [])]:
            self.add(name, entry, replace=replace)

    def _load_roles(self, table: dict) -> None:
        for sector, phrases in table["roles"].items():
            for phrase in phrases:
                self.add_role(phrase, sector)
        self.generic = frozenset(name_key(w) for w in table["generic"])
        self.titles = {name_key(t): s for s, titles in table["titles"].items() for t in titles}
        self.org_words = {name_key(w): s for s, words in table["org_words"].items() for w in words}
        self.former = frozenset(name_key(w) for w in table["former"])

    # -- user dictionaries -----------------------------------------------------------------------

    def apply_dictionary(self, path: str | Path) -> None:
        """Add a user dictionary over what is known: YAML, CSV, or CAMEO/TABARI text."""
        path = Path(path)
        if not path.is_file():
            raise DatelineError(f"actor dictionary {path} not found")
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            self._apply_items(yaml.safe_load(path.read_text("utf-8")) or [], path)
        elif suffix == ".csv":
            with path.open(newline="", encoding="utf-8") as fh:
                self._apply_items(list(csv.DictReader(fh)), path)
        else:
            from .tabari import read_tabari

            for item in read_tabari(path):
                if item.agent:
                    for name, _stem in item.names:
                        self.add_role(name, item.roles[0].sector or item.roles[0].code)
                else:
                    entry = Entry(item.names[0][0], "org", tuple(item.roles))
                    for name, is_stem in item.names:
                        self.add(name, entry, replace=True, stem=is_stem, cased=False)

    def _apply_items(self, items: Iterable[dict], path: Path) -> None:
        for number, item in enumerate(items, 1):
            try:
                self._apply_item({k.strip(): v for k, v in item.items() if v not in (None, "")})
            except (KeyError, ValueError, TypeError) as exc:
                raise DatelineError(f"{path}: entry {number} is not a valid actor ({exc}); "
                                    "expected name and code, or name, country and sector") from None

    def _apply_item(self, item: dict) -> None:
        if "role" in item:  # a role noun: {role: "coast guard", sector: MIL}
            self.add_role(item["role"], item["sector"])
            return
        if "code" not in item and "roles" not in item:
            item["code"] = make_code(item.get("country"), item.get("sector"))
        aka = item.get("aka") or item.get("aliases") or []
        if isinstance(aka, str):
            aka = [a.strip() for a in aka.split(";") if a.strip()]
        if "roles" not in item and ("from" in item or "to" in item):
            item["roles"] = [f"{item['code']} {item.get('from') or '-'} {item.get('to') or '-'}"]
        self._add_named({**item, "aka": aka}, item.get("kind", "org"), replace=True)
