"""The event ontology: PLOVER 2.0 types and modes, the CAMEO codes dateline emits, and how they relate.

The CAMEO table (``data/events/cameo.tsv``) gives, for every code dateline can emit, its
PLOVER type, mode and intensity. The frame table (``data/events/frames.yaml``) says how a
verbal act refines its code from the act it is about: "threatened to impose a curfew" is
THREATEN 1323, "agreed to provide aid" AGREE 033.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from .model import PLOVER_TYPES, STATEMENT

# PLOVER quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# PLOVER 2.0 modes per type (the manual's tables).
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}

# Cooperative acts announced for the future are intents (AGREE, CAMEO 03); force and coercion
# announced for the future are threats (THREATEN, CAMEO 13). Verbal acts and announced cuts in
# relations (SANCTION: "announced it would suspend aid") keep their type.
INTENT_FRAME = "030"
THREAT_FRAME = "130"
FUTURE_AS_INTENT = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
FUTURE_AS_THREAT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code and the PLOVER type, mode and intensity dateline gives it."""

    code: str
    name: str
    plover: str | None  # None for statements (root 01): event type STATEMENT
    mode: str | None
    intensity: float

    @property
    def root(self) -> str:
        return self.code[:2]


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code dateline knows, keyed by code ("042")."""
    text = resources.files("dateline").joinpath("data/events/cameo.tsv").read_text("utf-8")
    rows = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    table = {}
    for code, plover, mode, intensity, name in csv.reader(rows, delimiter="\t"):
        plover_type = None if plover == "-" else plover
        if plover_type is not None and plover_type not in PLOVER_TYPES:
            raise ValueError(f"cameo.tsv: {code} has unknown PLOVER type {plover}")
        table[code] = CameoCode(code, name, plover_type, None if mode == "-" else mode, float(intensity))
    return table


def cameo(code: str) -> CameoCode:
    """The record of a CAMEO code; KeyError names the code if dateline does not know it."""
    return cameo_table()[code]


def quad_class(event_type: str) -> int:
    """The quad class of a PLOVER type; CAMEO puts statements (root 01) with verbal cooperation."""
    return 1 if event_type == STATEMENT else QUAD_CLASS[event_type]


def is_verbal(event_type: str) -> bool:
    """Verbal acts (quad classes 1 and 3) can be about another act: "threatened to attack".

    A symbolic act (CAMEO 017, type STATEMENT) is done, not said: what it honours is no content of it.
    """
    return event_type != STATEMENT and QUAD_CLASS[event_type] in (1, 3)


@functools.cache
def frame_table() -> dict[str, dict[str, str]]:
    """Frame root -> {content code prefix -> refined code}."""
    text = resources.files("dateline").joinpath("data/events/frames.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    table = {str(root): {str(k): str(v) for k, v in (rows or {}).items()} for root, rows in raw.items()}
    for rows in table.values():
        for code in rows.values():
            cameo(code)  # fail at load time on a typo, not mid-article
    return table


def refine(frame_code: str, content_code: str) -> str:
    """The code of a verbal act given the act it is about (longest matching prefix), else the frame's."""
    rows = frame_table().get(frame_code[:3]) or frame_table().get(frame_code[:2])  # "141" before "14"
    if not rows:
        return frame_code
    generic = len(frame_code) == 3 and (frame_code.endswith("0") or frame_code in frame_table())
    for size in range(len(content_code), 0, -1):
        refined = rows.get(content_code[:size])
        # A frame more specific than its root ("vetoed" 129) keeps its code unless refined below it.
        if refined and (generic or refined.startswith(frame_code)):
            return refined
    return frame_code


# Announced resignations are resignations (PLOVER GSR practice), not intents.
FUTURE_KEEPS = frozenset({"0831"})


def future_code(code: str) -> str | None:
    """The code a future act becomes (intent or threat), or None if it stays as it is."""
    if code in FUTURE_KEEPS:
        return None
    plover = cameo(code).plover
    if plover in FUTURE_AS_INTENT:
        return refine(INTENT_FRAME, code)
    if plover in FUTURE_AS_THREAT:
        return refine(THREAT_FRAME, code)
    return None
