"""One event per act: the (source, target) pairs an act gives, and readings told twice merged."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Actor, Event, make_event_id
from .event_targets import is_implied

# Links that start a clause of its own: acts in them are not retellings of their head's act.
CLAUSE_BOUNDS = frozenset({"conj", "ccomp", "relcl", "parataxis", "ROOT"})


def pairs(sources: list[Actor], targets: list[Actor], symmetric: bool):
    """One (source, target) per pair; "X and Y met" is one event between them, as reported."""
    if targets:
        return [(s, t) for s in sources or [None] for t in targets if s is None or s.entity != t.entity
                or s.entity is None]
    if symmetric and len(sources) > 1:
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if a.country != b.country
                or a.code != b.code] or [(sources[0], None)]
    return [(s, None) for s in sources] or [(None, None)]  # "a bomb exploded": no one named


def dedupe(events: list[Event], doc: Doc) -> list[Event]:
    """The same act told twice in a clause ("arrived in Cairo to hold talks") is one event.

    Readings of one type by one source in one clause collapse to the surest one per target; a
    surer reading that names no target lends its code to the one that does ("began a hunger
    strike to protest against Sweden's decision": a hunger strike against Sweden), and victims
    with no country are taken to be the named ones ("shelled Juba, killing 20 people"). Acts
    joined by "and" are acts of their own ("kidnapped advisers and exploded bombs").
    """
    clauses: dict[tuple[int, int], int] = {}  # by trigger: the readings of one trigger share it

    def clause_of(event: Event) -> int:
        key = (event.start, event.end)
        if key not in clauses:
            clauses[key] = _clause(doc, event)
        return clauses[key]

    groups: dict[tuple, list[Event]] = {}
    for event in events:
        key = (event.event_type, event.source.entity if event.source else None, clause_of(event))
        groups.setdefault(key, []).append(event)
    out = []
    for group in groups.values():
        placed = any(e.target is not None and e.target.country and not is_implied(e.target) for e in group)
        by_target: dict[object, Event] = {}
        for event in group:  # an implied target, or an unplaced one beside a placed one, ranks with none
            target = event.target
            weak = target is None or is_implied(target) or placed and not target.country \
                and not (target.code or "").startswith(("IGO", "NGO"))
            # one trigger's targets with one code are one party to the act ("released the prime minister and
            # members of his government", both FJIGOV): one event, as event data counts them
            key = None if weak else ((event.start, target.code) if target.code and target.country
                                     else target.entity or target.start)
            if key not in by_target or event.confidence > by_target[key].confidence:
                by_target[key] = event
        bare = by_target.pop(None, None)
        if bare is not None and len(by_target) == 1:
            (only,) = by_target.values()
            if bare.confidence > only.confidence:
                by_target = {0: replace(bare, target=only.target, event_id=make_event_id(
                    bare.article_id, bare.start, bare.event_type, bare.source, only.target))}
        elif bare is not None and not by_target:
            by_target = {None: bare}
        out.extend(by_target.values())
    best: dict[tuple, Event] = {}  # across clauses, one event per type, source and named target
    for event in out:
        target = event.target
        key = (event.event_type, event.source.entity if event.source else None,
               target.entity or target.start if target is not None else ("clause", clause_of(event)))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.start, e.event_id))


def _clause(doc: Doc, event: Event) -> int:
    """The clause an event's trigger belongs to: the verb that heads it, up to "and" or a new clause."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    node = span.root if span is not None else None
    for _ in range(8):
        if node is None or node.dep_ in CLAUSE_BOUNDS or node.head.i == node.i:
            break
        node = node.head
    return node.i if node is not None else -1
