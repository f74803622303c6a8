"""Stage: code the events each sentence reports, from its dependency parse.

For every sentence: find the words that report an act (``lexicon``); let a verbal act take
its code from the act it is about ("threatened to impose a curfew", ``ontology.refine``);
read modality (negated, future, hypothetical); turn future cooperation into intent (AGREE)
and future force into threats (THREATEN), as PLOVER asks; find source and target actors by
syntax (``event_syntax``); then one event per (source, target) pair. Statements that are not
acts, and words the lexicon does not know, give nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import ontology
from ..lexicon import EventLexicon, Sense
from ..location import locate_event
from ..model import Actor, CodedArticle, Event, make_event_id
from ..resources import Resources
from . import dates
from .event_syntax import ActorIndex, Modality, clause_subject_actors, modality, sources_of, targets_of

# Dependency links along which one act is what another is about ("agreed to withdraw",
# "demanded the withdrawal of", "rejected a proposal for a ceasefire").
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "compound",
                          "nsubjpass", "advcl"})
GENERIC_FRAMES = frozenset({"020", "030", "100", "120", "130", "036"})
MIN_CONFIDENCE = 0.2


@dataclass
class _Trigger:
    """A word that reports an act, and what the sentence makes of it."""

    token: Token  # the word with the meaning (verb or event noun)
    anchor: Token  # the clause word that carries tense, negation and the subject
    sense: Sense
    code: str
    content: _Trigger | None = None
    suppressed: bool = False
    speaker: Token | None = None  # reporting verb whose subject demanded this act ("must")


def code_events(doc: Doc, coded: CodedArticle, res: Resources) -> CodedArticle:
    """Fill ``coded.events`` from the sentences of the article."""
    coder = _Coder(doc, coded, res.lexicon)
    return coded.replace(events=tuple(coder.run()))


class _Coder:
    def __init__(self, doc: Doc, coded: CodedArticle, lexicon: EventLexicon) -> None:
        self.doc, self.coded, self.lex = doc, coded, lexicon
        self.index = ActorIndex(doc, coded.actors)
        self.support = lexicon.words("support_verbs")
        self.reporting = lexicon.words("reporting_verbs")

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            triggers = self._triggers(sent)
            if not triggers:
                continue
            self._link_content(triggers)
            coded = [e for t in triggers.values() if not t.suppressed for e in self._events(t, sent)]
            events.extend(_dedupe(coded))
        return events

    # -- finding triggers ----------------------------------------------------------------------

    def _triggers(self, sent: Span) -> dict[int, _Trigger]:
        found: dict[int, _Trigger] = {}
        for token in sent:
            sense = self.lex.match(token)
            if sense is None:
                continue
            anchor = token
            if sense.kind != "verb":
                governor = self._support_verb(token)
                if governor is not None:
                    anchor = governor
                elif sense.kind == "content" and not self._is_content_of_frame(token):
                    continue
            found[token.i] = _Trigger(token, anchor, sense, sense.code)
        # A verb whose own pattern names the noun ("hold {talks}") carries it: the noun is not a second event.
        for trigger in list(found.values()):
            if trigger.anchor is not trigger.token and trigger.anchor.i in found:
                trigger.suppressed = True
        return found

    def _support_verb(self, noun: Token) -> Token | None:
        """The light verb that makes an event noun an act: "held talks", "engaged in fighting"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.head.pos_ == "VERB":
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "conj"):
            return None
        if noun.dep_ == "conj":
            return self._support_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
        return head if head.pos_ == "VERB" and head.lemma_.lower() in self.support else None

    def _is_content_of_frame(self, noun: Token) -> bool:
        node = noun
        for _ in range(4):
            if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
                return False
            node = node.head
            sense = self.lex.match(node)
            if sense is not None:
                return ontology.is_verbal(sense.plover)
        return False

    # -- what acts are about ---------------------------------------------------------------------

    def _link_content(self, triggers: dict[int, _Trigger]) -> None:
        """A trigger inside a verbal act's complement is what that act is about, not an event."""
        for trigger in sorted(triggers.values(), key=lambda t: -t.token.i):
            frame = self._frame_of(trigger, triggers)
            if frame is None:
                continue
            trigger.suppressed = True
            if frame.content is None:
                frame.content = trigger
        for trigger in sorted(triggers.values(), key=lambda t: t.token.i):
            if trigger.content is not None and not trigger.suppressed:
                trigger.code = self._refined(trigger)

    def _frame_of(self, trigger: _Trigger, triggers: dict[int, _Trigger]) -> _Trigger | None:
        node = trigger.anchor
        for _ in range(6):
            if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
                return None
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return None  # "before", "after", "because" clauses are acts of their own
            node = node.head
            frame = triggers.get(node.i) or next((t for t in triggers.values() if t.anchor.i == node.i
                                                  and t is not trigger), None)
            if frame is not None and frame is not trigger:
                return frame if ontology.is_verbal(frame.sense.plover) and frame.sense.kind != "event" \
                    or frame.sense.plover == "CONSULT" and trigger.sense.plover == "CONSULT" else None
            if node.lemma_.lower() in self.reporting and node.pos_ == "VERB":
                return None  # "X said Y attacked Z": Y's act is reported, not X's
        return None

    def _refined(self, trigger: _Trigger) -> str:
        content = trigger.content
        while content.content is not None and content.code in GENERIC_FRAMES:
            content = content.content  # "rejected a proposal for a ceasefire": the ceasefire
        code = self._refined(content) if content.content is not None else content.code
        if trigger.sense.plover == "AGREE" and trigger.code in GENERIC_FRAMES:
            return ontology.future_code(code) or trigger.code  # "vowed to fight" is a threat
        return ontology.refine(trigger.code, code)

    # -- events --------------------------------------------------------------------------------

    def _events(self, trigger: _Trigger, sent: Span) -> list[Event]:
        anchor = trigger.anchor
        mood = modality(anchor, self.lex)
        code, mood = self._adjust(trigger, mood)
        if code is None:
            return []
        record = ontology.cameo(code)
        plover = trigger.sense.plover if code == trigger.sense.code else record.plover
        mode = trigger.sense.mode if code == trigger.sense.code else record.mode
        sources = sources_of(self.index, anchor if trigger.token.pos_ == "VERB" or anchor is not trigger.token
                             else trigger.token)
        if trigger.token is not anchor and not sources:
            sources = sources_of(self.index, trigger.token)
        targets = self._targets(trigger, sources)
        if trigger.sense.code == "042" and trigger.sense.particles and not targets:
            return []  # "arrived in" is a visit only when it names whom it visits
        if not sources and not targets:
            return []
        confidence = self._confidence(trigger, mood, sources, targets)
        if confidence < MIN_CONFIDENCE:
            return []
        return [self._event(trigger, sent, code, plover, mode, src, tgt, mood, confidence)
                for src, tgt in _pairs(sources, targets, plover in self.lex.words("symmetric_types"))]

    def _adjust(self, trigger: _Trigger, mood: Modality) -> tuple[str | None, Modality]:
        """Negated acceptance is rejection; future cooperation is intent, future force a threat."""
        code = trigger.code
        lemma = trigger.anchor.lemma_.lower()
        if mood.negated and lemma in self.lex.words("negated_as_reject"):
            return ontology.refine("120", code), replace(mood, negated=False, future=False)
        if mood.future and not mood.negated:
            converted = ontology.future_code(code)
            if converted is not None:
                return converted, replace(mood, future=False)
            return code, replace(mood, hypothetical=True)
        return code, mood

    def _targets(self, trigger: _Trigger, sources: list[Actor]) -> list[Actor]:
        token = trigger.token
        found = targets_of(self.index, token, sources)
        if not found and trigger.anchor is not token:
            found = targets_of(self.index, trigger.anchor, sources)
        content = trigger.content
        while not found and content is not None:  # "demanded that Hamas renounce ..."
            found = clause_subject_actors(self.index, content.anchor) if content.anchor.pos_ in ("VERB", "AUX") \
                else sources_of(self.index, content.token)
            found = found or targets_of(self.index, content.token, sources)
            content = content.content
        entities = {a.entity for a in sources}
        return [a for a in found if a.entity is None or a.entity not in entities]

    def _confidence(self, trigger: _Trigger, mood: Modality, sources: list, targets: list) -> float:
        score = 0.55 + 0.08 * min(trigger.sense.specificity, 3)
        if trigger.sense.kind != "verb":
            score -= 0.05 if trigger.anchor is not trigger.token else 0.15
        if trigger.content is not None:
            score += 0.1
        score *= 1.0 if sources and targets else 0.85 if sources else 0.6
        anchor = trigger.anchor
        if anchor.dep_ in ("relcl", "acl") or anchor.dep_ == "advcl" and any(c.dep_ == "mark" for c in anchor.children):
            score *= 0.7  # background: "whom they had taken hostage", "after the attack"
        if mood.negated or mood.hypothetical:
            score *= 0.8
        return max(0.0, min(1.0, score))

    def _event(self, trigger: _Trigger, sent: Span, code: str, plover: str, mode: str | None,
               source: Actor | None, target: Actor | None, mood: Modality, confidence: float) -> Event:
        article = self.coded.article
        token = trigger.token
        day, precision, value = dates.date_event(trigger.anchor, self.coded)
        text = sent.text
        stripped = text.lstrip()
        start = token.idx
        return Event(
            event_id=make_event_id(article.id, start, plover, source, target),
            article_id=article.id, date=day, date_precision=precision, date_value=value,
            event_type=plover, mode=mode, cameo=code, quad_class=ontology.quad_class(plover),
            intensity=ontology.cameo(code).intensity, source=source, target=target,
            location=locate_event(trigger.anchor, self.coded), sentence=stripped.rstrip(),
            sentence_start=sent.start_char + len(text) - len(stripped), start=start, end=start + len(token.text),
            trigger=token.text, negated=mood.negated, hypothetical=mood.hypothetical,
            confidence=confidence)


def _pairs(sources: list[Actor], targets: list[Actor], symmetric: bool):
    """One (source, target) per pair; "X and Y met" is one event between them, as reported."""
    if targets:
        return [(s, t) for s in sources or [None] for t in targets if s is None or s.entity != t.entity
                or s.entity is None]
    if symmetric and len(sources) > 1:
        return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if a.country != b.country
                or a.code != b.code] or [(sources[0], None)]
    return [(s, None) for s in sources]


def _dedupe(events: list[Event]) -> list[Event]:
    """The same act told twice in a sentence ("arrived in Cairo to hold talks") is one event."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.event_type, event.source.entity if event.source else None)
        other = best.get(key)
        if other is None:
            best[key] = event
            continue
        if (event.target is not None, event.confidence) > (other.target is not None, other.confidence):
            if other.target is None or event.target is None or other.target.entity == event.target.entity:
                best[key] = event
                continue
        if event.target is not None and other.target is not None and event.target.entity != other.target.entity:
            best[key + (event.target.entity, event.start)] = event
    return sorted(best.values(), key=lambda e: (e.start, e.event_id))

