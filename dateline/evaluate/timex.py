"""Tasks ``meantime`` and ``recognizers-text``: time expressions found and normalised.

``meantime`` (``timex-meantime-en/meantime.dev.jsonl``), TempEval-3 style (rule 9):
each article is parsed and ``stages.dates.find_timexes`` resolves its expressions
against the article's ``dct`` (for the one article without a dct, the date its
dateline line names). Gold and predicted spans are paired one to one, longest
overlap first. Figures: strict (same offsets) and relaxed (overlapping) span
precision, recall and F1; ``type_accuracy`` and ``value_accuracy`` over the
relaxed matches. The CREATION_TIME expression (the dateline on line 2) is left
out of every extraction figure, gold and predicted alike. MEANTIME annotates
only the title, the dateline and the first four sentences (lines 1-6; no gold
expression lies beyond), so only predictions there are scored. Values are compared
after one spelling fix: decades and centuries written with trailing X's
("199X", dateline's style) equal the bare TIMEX3 form ("199").

``recognizers-text`` (``timex-recognizers-text-en/*.json``): Microsoft's English
DateTime specification cases, conversational unit checks rather than a news
benchmark. One accuracy per kind (file) in scope: the date, date-period,
duration, set and holiday extractors and parsers, and the end-to-end
``DateTimeModel`` cases whose expected results are all dates, date ranges,
durations or sets. A case is right when dateline's expressions of the kind's
types have exactly the expected spans and, for parsers, values: the expected
TIMEX, or for an underspecified one ("XXXX-10-02") the days of its past or
future resolution. Cases upstream marks NotSupported are scored apart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..timex.values import interval
from . import Score
from .common import pair_by_overlap, prf, quick_subset, ratio, read_jsonl

MEANTIME = "meantime"
RECOGNIZERS = "recognizers-text"
MEANTIME_FILE = Path("timex-meantime-en") / "meantime.dev.jsonl"
RECOGNIZERS_DIR = Path("timex-recognizers-text-en")
# Kind (file stem) -> dateline TIMEX types it is scored on.
KINDS = {
    "DateExtractor": ("DATE",), "DateParser": ("DATE",),
    "DatePeriodExtractor": ("DATE",), "DatePeriodParser": ("DATE",),
    "DurationExtractor": ("DURATION",), "DurationParser": ("DURATION",),
    "SetExtractor": ("SET",), "SetParser": ("SET",),
    "HolidayExtractor": ("DATE",), "HolidayParser": ("DATE",),
    "DateTimeModel": ("DATE", "DURATION", "SET"),
}
MODEL_TYPES = {"date": "DATE", "daterange": "DATE", "duration": "DURATION", "set": "SET"}
ANNOTATED_LINES = 6  # MEANTIME's annotators covered the title, the dateline and four sentences
DEFAULT_REFERENCE = dt.date(2016, 11, 7)  # the reference date of the upstream extractor cases


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression, gold or predicted: offsets, TIMEX type and value."""

    start: int
    end: int
    type: str
    value: str


def run(data_dir: Path, *, quick: bool = False, tasks: Sequence[str] = (MEANTIME, RECOGNIZERS),
        details: list | None = None) -> list[Score]:
    """Score the time-expression tasks asked for (every 3rd item when quick)."""
    data_dir = Path(data_dir)
    scores: list[Score] = []
    if MEANTIME in tasks:
        scores += run_meantime(data_dir, quick=quick, details=details)
    if RECOGNIZERS in tasks:
        scores += run_recognizers(data_dir, quick=quick, details=details)
    return scores


# ---------------------------------------------------------------- MEANTIME

def run_meantime(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    docs = quick_subset(read_jsonl(data_dir / MEANTIME_FILE), quick)
    gold, predicted = [], []
    for doc, found in zip(docs, _find(doc["text"] for doc in docs), strict=True):
        ref_found = _reference(doc, found)
        creation = [(t["start"], t["end"]) for t in doc["timexes"] if t["function"] == "CREATION_TIME"]
        annotated_end = _line_end(doc["text"], ANNOTATED_LINES)
        gold.append([Mention(t["start"], t["end"], t["type"], t["value"]) for t in doc["timexes"]
                     if t["function"] != "CREATION_TIME"])
        predicted.append([Mention(t.start, t.end, t.type, t.value) for t in ref_found
                          if t.end <= annotated_end and not _overlaps(t.start, t.end, creation)])
        if details is not None:
            details.append({"task": MEANTIME, "id": doc["id"], "dct": doc["dct"],
                            "gold": [_show(doc["text"], m) for m in gold[-1]],
                            "predicted": [_show(doc["text"], m) for m in predicted[-1]]})
    return meantime_scores(score_mentions(gold, predicted))


def _find(texts: Iterable[str]) -> Iterable:
    """Parse texts in a batch; yield a function from reference date to the resolved expressions."""
    from ..nlp import load_model
    from ..settings import Settings
    from ..stages.dates import find_timexes

    nlp = load_model(Settings().model)
    for doc in nlp.pipe(texts, batch_size=16):
        yield lambda ref, doc=doc: find_timexes(doc, ref)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _line_end(text: str, lines: int) -> int:
    """Offset where the first ``lines`` lines of ``text`` end."""
    end = -1
    for _ in range(lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _reference(doc: dict, found) -> list:
    """The expressions of a MEANTIME article resolved against its dct (or its dateline's date)."""
    if doc["dct"]:
        return found(dt.date.fromisoformat(doc["dct"][:10]))
    from ..timex import normalise

    dateline = doc["text"].split("\n")[1] if doc["text"].count("\n") else ""
    days = [t.point.date for t in normalise(dateline, dt.date.today())
            if t.point and t.point.precision == "day"]
    return found(days[0]) if days else []


def _show(text: str, m: Mention) -> dict:
    return {"text": text[m.start:m.end], "start": m.start, "type": m.type, "value": m.value}


def same_value(gold: str, predicted: str) -> bool:
    """TIMEX3 values equal, reading "199X" (dateline) as "199" (TIMEX3 decade)."""
    def canon(v: str) -> str:
        return re.sub(r"^(\d{2,3})X+$", r"\1", v.strip().upper())
    return canon(gold) == canon(predicted)


def score_mentions(gold: Sequence[Sequence[Mention]],
                   predicted: Sequence[Sequence[Mention]]) -> dict[str, int]:
    """Counts over documents: gold, predicted, strict and relaxed matches, right types and values."""
    counts = dict.fromkeys(("gold", "predicted", "strict", "relaxed", "type", "value"), 0)
    for g_doc, p_doc in zip(gold, predicted, strict=True):
        pairs = pair_by_overlap(g_doc, p_doc)
        counts["gold"] += len(g_doc)
        counts["predicted"] += len(p_doc)
        counts["relaxed"] += len(pairs)
        counts["strict"] += sum((g.start, g.end) == (p.start, p.end) for g, p in pairs)
        counts["type"] += sum(g.type == p.type for g, p in pairs)
        counts["value"] += sum(same_value(g.value, p.value) for g, p in pairs)
    return counts


def meantime_scores(c: dict[str, int]) -> list[Score]:
    note = "CREATION_TIME (dateline) left out; annotated lines 1-6 only"
    out = []
    for kind in ("strict", "relaxed"):
        p, r, f = prf(c[kind], c["predicted"] - c[kind], c["gold"] - c[kind])
        out += [Score(MEANTIME, f"{kind}_precision", p, c["predicted"], note),
                Score(MEANTIME, f"{kind}_recall", r, c["gold"], note),
                Score(MEANTIME, f"{kind}_f1", f, c["gold"], note)]
    for metric in ("type", "value"):
        out.append(Score(MEANTIME, f"{metric}_accuracy", ratio(c[metric], c["relaxed"]), c["relaxed"],
                         "on relaxed matches"))
    return out


# ---------------------------------------------------------------- Recognizers-Text

@dataclass(frozen=True, slots=True)
class Case:
    """One upstream case: input, reference date, expected results, and whether upstream supports it."""

    kind: str
    text: str
    ref: dt.date
    expected: tuple[Mention, ...]
    alternatives: tuple[tuple[tuple[dt.date, dt.date], ...], ...]  # per result: acceptable day ranges
    supported: bool
    parser: bool


def run_recognizers(data_dir: Path, *, quick: bool = False, details: list | None = None) -> list[Score]:
    folder = data_dir / RECOGNIZERS_DIR
    cases = [case for kind in KINDS for case in quick_subset(read_cases(folder, kind), quick)]
    results = []
    for case, found in zip(cases, _find(c.text for c in cases), strict=True):
        predicted = [Mention(t.start, t.end, t.type, t.value) for t in found(case.ref)
                     if t.type in KINDS[case.kind]]
        right = case_correct(case, predicted)
        results.append((case, right))
        if details is not None:
            details.append({"task": RECOGNIZERS, "kind": case.kind, "text": case.text, "correct": right,
                            "expected": [_show(case.text, m) for m in case.expected],
                            "predicted": [_show(case.text, m) for m in predicted]})
    return recognizer_scores(results)


def read_cases(folder: Path, kind: str) -> list[Case]:
    """The cases of one kind; offsets are checked against the text (the files differ in convention)."""
    with open(folder / f"{kind}.json", encoding="utf-8-sig") as fh:
        raw = json.load(fh)
    cases = []
    for item in raw:
        results = item.get("Results") or []
        if kind == "DateTimeModel" and not all(_model_type(r) in MODEL_TYPES for r in results):
            continue
        ref_text = (item.get("Context") or {}).get("ReferenceDateTime")
        ref = dt.date.fromisoformat(ref_text[:10]) if ref_text else DEFAULT_REFERENCE
        expected, alternatives = [], []
        for r in results:
            start, end = _offsets(item["Input"], r)
            timex, ranges = _resolution(r)
            rtype = MODEL_TYPES.get(_model_type(r) or "", KINDS[kind][0])
            expected.append(Mention(start, end, rtype, timex))
            alternatives.append(tuple(ranges))
        supported = not (item.get("NotSupported") or item.get("NotSupportedByDesign"))
        cases.append(Case(kind, item["Input"], ref, tuple(expected), tuple(alternatives), supported,
                          parser=kind.endswith("Parser") or kind == "DateTimeModel"))
    return cases


def _model_type(result: dict) -> str | None:
    name = result.get("TypeName") or result.get("Typename") or result.get("Type") or ""
    return name.removeprefix("datetimeV2.") or None


def _offsets(text: str, result: dict) -> tuple[int, int]:
    start = result["Start"]
    end = start + result["Length"] if "Length" in result else result["End"] + 1
    if text[start:end].lower() != result["Text"].lower():  # fall back on finding the text
        found = text.lower().find(result["Text"].lower())
        start, end = (found, found + len(result["Text"])) if found >= 0 else (start, end)
    return start, end


def _resolution(result: dict) -> tuple[str, list[tuple[dt.date, dt.date]]]:
    """The expected TIMEX and the day ranges its resolutions name (past and future readings)."""
    if "Value" in result and "Timex" in result["Value"]:
        value = result["Value"]
        timex = value["Timex"]
        readings = [value.get("PastResolution") or {}, value.get("FutureResolution") or {}]
    else:
        values = (result.get("Resolution") or result.get("Value") or {}).get("values", [])
        timex = values[0]["timex"] if values else ""
        readings = [{"date": v["value"]} if v.get("type") == "date" and "value" in v
                    else {"startDate": v.get("start"), "endDate": v.get("end")} for v in values]
    ranges = []
    for reading in readings:
        try:
            if reading.get("date"):
                day = dt.date.fromisoformat(reading["date"][:10])
                ranges.append((day, day + dt.timedelta(days=1)))
            elif reading.get("startDate") and reading.get("endDate"):
                ranges.append((dt.date.fromisoformat(reading["startDate"][:10]),
                               dt.date.fromisoformat(reading["endDate"][:10])))
        except ValueError:
            continue
    return timex, ranges


def value_matches(expected: str, ranges: Sequence[tuple[dt.date, dt.date]], predicted: str) -> bool:
    """The expected TIMEX itself, or, when it leaves something open, the days of one of its readings."""
    if same_value(expected, predicted):
        return True
    open_ended = "X" in expected or expected.startswith("(")
    return open_ended and interval(predicted) in set(ranges)


def case_correct(case: Case, predicted: Sequence[Mention]) -> bool:
    """Right spans (all of them, nothing more) and, for parser cases, right values."""
    want = sorted((m.start, m.end) for m in case.expected)
    got = sorted((m.start, m.end) for m in predicted)
    if want != got:
        return False
    if not case.parser:
        return True
    by_span = {(m.start, m.end): m for m in predicted}
    return all(value_matches(m.value, ranges, by_span[(m.start, m.end)].value)
               for m, ranges in zip(case.expected, case.alternatives))


def recognizer_scores(results: Sequence[tuple[Case, bool]]) -> list[Score]:
    out = []
    for kind in KINDS:
        for supported, suffix in ((True, ""), (False, "_not_supported")):
            mine = [right for case, right in results if case.kind == kind and case.supported == supported]
            if not mine:
                continue
            parser = kind.endswith("Parser") or kind == "DateTimeModel"
            note = "cases upstream marks NotSupported" if suffix else (
                "exact spans and values" if parser else "exact spans")
            accuracy = ratio(sum(mine), len(mine))
            out.append(Score(RECOGNIZERS, f"{kind}_accuracy{suffix}", accuracy, len(mine), note))
    return out
