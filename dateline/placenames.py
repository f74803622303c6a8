"""How place names are compared: one normal form for the index and for the text."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_APOSTROPHES = re.compile(r"['’`‘ʻʼ]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Abbreviations that GeoNames spells out ("St. Marys River" is "Saint Marys River").
_WORD_FORMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "mtn": "mountain"}
_LAST_WORD_FORMS = {"co": "county", "twp": "township"}  # "Loudon Co."
# Words that name the kind of an administrative area ("Rapides Parish", "Idlib Governorate").
GENERIC_SUFFIXES = (
    "county", "parish", "province", "governorate", "oblast", "region", "district", "state",
    "municipality", "department", "prefecture", "wilayat", "borough", "township", "raion",
    "rayon", "emirate", "territory", "canton", "voivodeship", "krai", "kray", "okrug", "division",
    "shi", "sheng", "ostan", "respublika",
)
_GENERIC_RE = re.compile(
    r"^(?:(?:the\s+)?(?:state|province|governorate|department|region|county|prefecture|emirate|republic)\s+of\s+"
    r"|respublika\s+|ostan-e\s+|muhafazat\s+)"
    r"|\s+(?:" + "|".join(GENERIC_SUFFIXES) + r")$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, no accents, no punctuation, common abbreviations spelled out, no leading "the"."""
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    folded = _NON_ALNUM.sub(" ", _APOSTROPHES.sub("", folded)).strip()
    words = [_WORD_FORMS.get(w, w) for w in folded.split()]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] in _LAST_WORD_FORMS:
        words[-1] = _LAST_WORD_FORMS[words[-1]]
    return " ".join(words)


def name_key(normalized: str) -> int:
    """A stable 64-bit key for a normalised name (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).digest(), "little")


def strip_generic(name: str) -> str:
    """The name without its administrative kind ("Rapides Parish" -> "Rapides"), or "" if it has none."""
    stripped = _GENERIC_RE.sub("", name).strip()
    return stripped if stripped and stripped != name.strip() else ""


def generic_kind(name: str) -> str | None:
    """The administrative kind a name states ("Idlib province" -> "province"), if any."""
    match = _GENERIC_RE.search(name)
    if not match:
        return None
    words = match.group(0).strip().lower().split()
    return next((w for w in words if w in GENERIC_SUFFIXES), None)
