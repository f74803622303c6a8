"""Task ``petrarch2``: the PETRARCH-2 unit-test records, a behaviour check, not an accuracy claim.

The 284 records (``petrarch2-unittests/PETR.UnitTest.records.xml``) are stylised
sentences about fictional actors (Arnor, Gondor, ...). dateline codes each as its
own article dated by the record, with the records' own actor and agent
dictionaries (``PETR.Validate.actors.txt``, ``PETR.Validate.agents.txt``) loaded
through ``Settings(actor_dictionaries=...)``; the verb dictionary is not used:
dateline keeps its own event lexicon, so CAMEO codes can differ where PETRARCH's
test verbs are idiosyncratic.

A predicted coding is (source code, target code, CAMEO code) of a kept
(non-negated) event; an actor's code is its ``code`` (``---`` + sector for a
sector-only actor, ``---`` for none). Records that expect an error test
PETRARCH's own input handling (a bad parse tree, a dateline left in the text)
and are left out; the four "discard" records (sports, weather) expect no event
and are scored as such.

- ``records_reproduced``: records whose set of codings equals the expected set
  (no event where none is expected). ``records_reproduced_root``: the same
  comparing CAMEO roots only.
- ``coding_recall`` / ``coding_precision``: expected codings found exactly, and
  predicted codings that were expected; ``*_root`` compare roots.
- ``dyad_recall``: expected (source, target) pairs found with any code, the
  check of compound actors, passives and agents apart from the verb;
  ``dyad_recall_country`` compares the codes' first three letters only.
- ``no_event_records_correct``: records expecting no event where none is coded.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatelineError
from ..model import Actor, Event
from ..settings import Settings
from . import Score
from .common import code_sentences, kept, prf, quick_subset, ratio

TASK = "petrarch2"
FOLDER = Path("petrarch2-unittests")
RECORDS_FILE = FOLDER / "PETR.UnitTest.records.xml"
DICTIONARIES = (FOLDER / "PETR.Validate.actors.txt", FOLDER / "PETR.Validate.agents.txt")
NO_ACTOR = "---"

Coding = tuple[str, str, str]


@dataclass(frozen=True)
class Record:
    id: str
    category: str
    date: dt.date
    text: str
    codings: frozenset[Coding]  # empty: no event expected
    error: str | None = None  # the error PETRARCH is expected to raise, if any
    discard: bool = False


def run(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    """Code every record (every 3rd when quick) with the records' own dictionaries and score them."""
    data_dir = Path(data_dir)
    records = quick_subset([r for r in read_records(data_dir / RECORDS_FILE) if scorable(r)], quick)
    settings = Settings(actor_dictionaries=tuple(str(data_dir / path) for path in DICTIONARIES))
    events = code_sentences(((r.id, r.text, r.date) for r in records), settings=settings)
    predicted = [events.get(r.id, []) for r in records]
    if details is not None:
        details.extend({"task": TASK, "id": r.id, "category": r.category, "text": r.text,
                        "gold": sorted(r.codings), "predicted": sorted(predicted_codings(evs)),
                        "reproduced": set(r.codings) == predicted_codings(evs)}
                       for r, evs in zip(records, predicted))
    return score_petrarch(records, predicted)


def read_records(path: Path) -> list[Record]:
    """Parse the unit-test XML (comments, parse trees, single-quoted attributes and all)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DatelineError(f"{path}: not readable as XML ({exc})") from None
    return [_record(node) for node in root.iter("Sentence")]


def _record(node: ET.Element) -> Record:
    codings, error = set(), None
    for coding in node.iter("EventCoding"):
        attrs = {k.strip().lower(): v.strip() for k, v in coding.attrib.items()}
        if "error" in attrs:
            error = attrs["error"]
        elif "eventcode" in attrs:
            codings.add((_norm(attrs.get("sourcecode")), _norm(attrs.get("targetcode")), attrs["eventcode"]))
    attrs = {k.strip().lower(): v.strip() for k, v in node.attrib.items()}
    raw_date = attrs.get("date", "")
    try:
        date = dt.datetime.strptime(raw_date, "%Y%m%d").date()
    except ValueError:
        date = dt.date(2000, 1, 1)
    discard = bool(error and "discard" in error)
    return Record(id=attrs.get("id", ""), category=attrs.get("category", ""), date=date,
                  text=" ".join((node.findtext("Text") or "").split()), codings=frozenset(codings),
                  error=None if discard else error, discard=discard)


def _norm(code: str | None) -> str:
    code = (code or "").strip().strip("\"'").upper()
    return code or NO_ACTOR


def scorable(record: Record) -> bool:
    """Records that test PETRARCH's input handling, not coding, are left out."""
    return record.error is None and bool(record.text)


def actor_code(actor: Actor | None) -> str:
    if actor is None:
        return NO_ACTOR
    if actor.code:
        return _norm(actor.code)
    return _norm((actor.country or NO_ACTOR) + (actor.sector or ""))


def predicted_codings(events: Sequence[Event]) -> set[Coding]:
    return {(actor_code(e.source), actor_code(e.target), e.cameo) for e in kept(events)}


def _root(codings: set[Coding] | frozenset[Coding]) -> set[Coding]:
    return {(s, t, code[:2]) for s, t, code in codings}


def score_petrarch(records: Sequence[Record], predicted: Sequence[Sequence[Event]]) -> list[Score]:
    """Compare each record's expected codings with what dateline coded."""
    gold = [set(r.codings) for r in records]
    pred = [predicted_codings(events) for events in predicted]
    n = len(records)
    exact = sum(g == p for g, p in zip(gold, pred))
    root = sum(_root(g) == _root(p) for g, p in zip(gold, pred))
    scores = [
        Score(TASK, "records_reproduced", ratio(exact, n), n, f"{exact} of {n} records"),
        Score(TASK, "records_reproduced_root", ratio(root, n), n, f"{root} of {n} records, CAMEO roots"),
    ]
    for suffix, view in (("", lambda c: c), ("_root", _root)):
        tp = sum(len(view(g) & view(p)) for g, p in zip(gold, pred))
        fp = sum(len(view(p) - view(g)) for g, p in zip(gold, pred))
        fn = sum(len(view(g) - view(p)) for g, p in zip(gold, pred))
        precision, recall, _ = prf(tp, fp, fn)
        scores.append(Score(TASK, f"coding_recall{suffix}", recall, tp + fn, "expected codings"))
        scores.append(Score(TASK, f"coding_precision{suffix}", precision, tp + fp, "predicted codings"))
    for suffix, width in (("", None), ("_country", 3)):
        dyads = [({(s[:width], t[:width]) for s, t, _ in g}, {(s[:width], t[:width]) for s, t, _ in p})
                 for g, p in zip(gold, pred)]
        found = sum(len(g & p) for g, p in dyads)
        total = sum(len(g) for g, _ in dyads)
        scores.append(Score(TASK, f"dyad_recall{suffix}", ratio(found, total), total,
                            "expected (source, target) pairs" + (", first 3 letters" if width else "")))
    empty = [not p for g, p in zip(gold, pred) if not g]
    scores.append(Score(TASK, "no_event_records_correct", ratio(sum(empty), len(empty)), len(empty),
                        "records expecting no event (incl. sports/weather discards)"))
    return scores
