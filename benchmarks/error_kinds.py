"""Count the kinds of event-coding errors in a ``dateline evaluate --errors`` file, with an example each.

    dateline evaluate --only plover-gsr,cameo-examples,conflibert --errors items.jsonl
    python benchmarks/error_kinds.py items.jsonl

Each scored item can show several kinds (a wrong target and an extra event).
The kinds are decided by simple rules on the gold beside the prediction, so
the counts are a guide for where to work, not a second score.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator


def gsr_kinds(item: dict) -> Iterator[tuple[str, str]]:
    gold, events = item["gold"], [e for e in item["events"] if not e["negated"]]
    best = item["best"]
    if best is None:
        yield "missed event (no event coded)", f"gold {gold['type']}"
        return
    if best["type"] != gold["type"]:
        yield "event type confused", f"{gold['type']} coded as {best['type']} ('{best['trigger']}')"
    same = [e for e in events if e["type"] == gold["type"]] or [best]
    triples = [tuple(t) for t in gold["triples"]]
    sources = {t[0] for t in triples}
    targets = {t[2] for t in triples} - {None}
    if gold["reciprocal"]:
        targets = sources
    if all(e["source"] is None for e in same) and sources - {None}:
        yield "source not found (passive without agent, nominal event)", f"'{best['trigger']}'"
    elif not any(e["source_country"] in sources for e in same):
        if all(e["source"] and e["source_country"] is None for e in same if e["source"]):
            yield "actor without a country (sector only)", f"source {same[0]['source']}"
        else:
            yield "actor given the wrong country", f"source {same[0]['source']}, gold {sorted(sources, key=str)}"
    if targets:
        if all(e["target"] is None for e in same):
            yield "target not found", f"'{best['trigger']}', gold target {gold['target']}"
        elif not any(e["target_country"] in targets for e in same):
            if all(e["target"] and e["target_country"] is None for e in same if e["target"]):
                yield "actor without a country (sector only)", f"target {same[0]['target']}"
            else:
                yield "wrong participant or country as target", (
                    f"target {same[0]['target']}, gold {gold['target']}")
        elif len(targets) > 1 and not gold["reciprocal"] and not targets <= {e["target_country"] for e in same}:
            yield "compound actor only partly expanded", f"{len(targets)} gold targets"
    if gold["reciprocal"] and 0 < len(item["missed_triples"]) < len(triples):
        yield "reciprocal event coded one way only", f"gold {len(triples)} directions"
    extra = len(events) - len(triples)
    if extra > 0:
        others = [e for e in events if e is not best and e["type"] != gold["type"]]
        what = others[0] if others else events[-1]
        yield "extra event from another clause", f"{what['type']} '{what['trigger']}'"
    if gold["mode"] and (best["mode"] or "").casefold() != gold["mode"].casefold():
        yield "mode differs (PLOVER 0.5 vocabulary in gold)", f"gold {gold['mode']}, coded {best['mode']}"
    if gold["location"] and not best["location"]:
        yield "event location not found", f"gold {gold['location']}"


def cameo_kinds(item: dict) -> Iterator[tuple[str, str]]:
    gold, best = item["gold"], item["best"]
    if item["root_correct"]:
        return
    if best is None:
        yield "missed event (no event coded)", f"gold CAMEO {gold['cameo']}"
    elif gold["cameo"][:2] in ("01", "02"):
        yield "statement or appeal coded as an event", f"gold {gold['cameo']}, coded {best['cameo']}"
    else:
        yield "CAMEO root confused", f"{gold['cameo']} coded as {best['cameo']} ('{best['trigger']}')"


def conflibert_kinds(item: dict) -> Iterator[tuple[str, str]]:
    gold, events = item["gold"], [e for e in item["events"] if not e["negated"]]
    if gold["relevance"] and not events:
        root = gold["cameo_root"] or "no majority"
        kind = "statement not coded (CAMEO 01)" if root == "01" else "missed event (no event coded)"
        yield kind, f"real news, majority root {root}"
    elif gold["relevance"] is False and events:
        yield "event coded in an irrelevant sentence", f"{events[0]['type']} '{events[0]['trigger']}'"
    elif gold["cameo_root"] and events:
        best = max(events, key=lambda e: e["confidence"])
        if best["cameo"][:2] != gold["cameo_root"]:
            yield "CAMEO root confused", f"{gold['cameo_root']} coded as {best['cameo']} ('{best['trigger']}')"


KINDS = {"plover-gsr": gsr_kinds, "cameo-examples": cameo_kinds, "conflibert": conflibert_kinds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("errors", help="JSONL written by dateline evaluate --errors")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    counts: Counter = Counter()
    by_task: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    with open(args.errors, encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            for kind, detail in KINDS.get(item["task"], lambda _i: iter(()))(item):
                counts[kind] += 1
                by_task[kind][item["task"]] += 1
                examples[kind].append((item["task"], item["id"], detail, item["text"]))
    for kind, n in counts.most_common(args.top):
        task, item_id, detail, text = examples[kind][0]
        tasks = ", ".join(f"{task} {k}" for task, k in by_task[kind].most_common())
        print(f"{n:4d}  {kind} ({tasks})\n      e.g. {task} {item_id}: {detail}\n      \"{text[:160]}\"")


if __name__ == "__main__":
    main()
