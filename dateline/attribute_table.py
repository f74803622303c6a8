"""A table-driven stand-in for spaCy's attribute ruler, compiled from the model's own rules.

en_core_web_sm's ``attribute_ruler`` maps tags (and a few words and dependency
labels) to coarse POS, morphology and lemma exceptions with a token Matcher that
runs all of its ~180 patterns over every token: about a tenth of the parse. For
a one-token rule the outcome depends only on the token's (tag, word, dependency,
is-space), so the table works each combination out once and remembers it; the
few two-token rules are checked where their word occurs. The result is
identical (``tests/test_attribute_table.py`` compares every attribute on real
articles); if a model's rules use anything the table cannot express, the
original component is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
READ = [TAG, LOWER, DEP, IS_SPACE]
WRITE = [POS, MORPH, LEMMA, TAG, DEP]  # columns of an outcome, in this order
MEMO_LIMIT = 500_000  # remembered combinations before the memo starts afresh


class Unsupported(ValueError):
    """A rule the table cannot express; the spaCy component stays."""


@dataclass(frozen=True)
class _Test:
    column: int  # index into READ
    kind: str  # eq, in, not_in, regex
    value: object

    def passes(self, row, strings) -> bool:
        got = row[self.column]
        if self.kind == "eq":
            return got == self.value
        if self.kind == "in":
            return got in self.value
        if self.kind == "not_in":
            return got not in self.value
        return got != -1 and bool(self.value.search(strings[got]))  # -1: no rule's word


@dataclass(frozen=True, eq=False)
class _Rule:
    order: int  # later rules override earlier ones, as in spaCy
    tokens: tuple[tuple[_Test, ...], ...]
    index: int  # which token of the match takes the attributes
    outcome: tuple  # values for WRITE, None where the rule leaves a column alone

    @property
    def receiver(self) -> tuple[_Test, ...]:
        return self.tokens[self.index]

    def matches_at(self, rows: list, i: int, strings) -> bool:
        """Whether the rule matches with its receiving token at ``i``."""
        start = i - (self.index if self.index >= 0 else len(self.tokens) + self.index)
        if start < 0 or start + len(self.tokens) > len(rows):
            return False
        return all(test.passes(rows[start + j], strings)
                   for j, tests in enumerate(self.tokens) for test in tests)


class AttributeTable:
    """Applies an AttributeRuler's rules by lookup; called on a Doc like the component."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        rules = [self._compile(order, entry, pattern)
                 for order, entry in enumerate(ruler.patterns) for pattern in entry["patterns"]]
        self.single = [r for r in rules if len(r.tokens) == 1]
        self.multi = [r for r in rules if len(r.tokens) > 1]
        # Words and labels no rule names all behave alike, so the memo keys them as one (-1).
        tests = [t for r in rules for token in r.tokens for t in token]
        self._named = {c: {v for t in tests if t.column == c and t.kind != "regex"
                           for v in (t.value if t.kind in ("in", "not_in") else [t.value])} for c in (1, 2)}
        self._regexes = [t for t in tests if t.kind == "regex"]
        self._words: dict[int, int] = {}  # word id -> its memo key
        self._memo: dict[tuple, tuple] = {}

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        rows = doc.to_array(READ).tolist()
        out = doc.to_array(WRITE)
        changed = []
        words, named_deps = self._words, self._named[2]
        for i, row in enumerate(rows):
            word = words.get(row[1])
            if word is None:
                word = self._word_key(row[1], strings)
            key = (row[0], word, row[2] if row[2] in named_deps else -1, row[3])
            known = self._memo.get(key)
            if known is None:
                known = self._remember(key, strings)
            outcome, multi = known
            if multi:
                extra = [r for r in multi if r.matches_at(rows, i, strings)]
                if extra:
                    outcome = self._merge(self._single_matches(row, strings) + extra)
            if outcome is not None:
                changed.append(i)
                for column, value in enumerate(outcome):
                    if value is not None:
                        out[i, column] = value
        if changed:
            self._write(doc, out, changed)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _word_key(self, word: int, strings) -> int:
        if len(self._words) >= MEMO_LIMIT:
            self._words.clear()
        named = word in self._named[1] or any(t.passes((0, word), strings) for t in self._regexes)
        self._words[word] = key = word if named else -1
        return key

    def _remember(self, key: tuple, strings) -> tuple:
        """The merged outcome of the one-token rules, and the longer rules that may apply here."""
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        multi = tuple(r for r in self.multi if all(t.passes(key, strings) for t in r.receiver))
        known = self._memo[key] = (self._merge(self._single_matches(key, strings)), multi)
        return known

    def _single_matches(self, row, strings) -> list[_Rule]:
        return [r for r in self.single if all(t.passes(row, strings) for t in r.tokens[0])]

    @staticmethod
    def _merge(rules: list[_Rule]) -> tuple | None:
        if not rules:
            return None
        merged = [None] * len(WRITE)
        for rule in sorted(rules, key=lambda r: r.order):
            for column, value in enumerate(rule.outcome):
                if value is not None:
                    merged[column] = value
        return tuple(merged)

    @staticmethod
    def _write(doc: Doc, out, changed: list[int]) -> None:
        # TAG and DEP change only on whitespace tokens; DEP cannot be set through from_array
        # without heads, so those few go through the Token API.
        doc.from_array(WRITE[:3], out[:, :3].copy())
        for i in changed:
            token = doc[i]
            if token.tag != out[i, 3]:
                token.tag = int(out[i, 3])
            if token.dep != out[i, 4]:
                token.dep = int(out[i, 4])

    def _compile(self, order: int, entry: dict, pattern: list[dict]) -> _Rule:
        strings = self.vocab.strings
        tokens = tuple(tuple(_test(key, value, strings) for key, value in token.items()) for token in pattern)
        outcome = [None] * len(WRITE)
        for name, value in entry["attrs"].items():
            if name == "MORPH":
                outcome[1] = self.vocab.morphology.add(value)
            elif name in ("POS", "LEMMA", "TAG", "DEP"):
                outcome[{"POS": 0, "LEMMA": 2, "TAG": 3, "DEP": 4}[name]] = strings.add(value)
            else:
                raise Unsupported(f"attribute {name}")
        return _Rule(order, tokens, entry.get("index", 0), tuple(outcome))


def _test(key: str, value, strings) -> _Test:
    if key not in KEYS:
        raise Unsupported(f"key {key}")
    column = KEYS[key]

    def as_id(v):
        return int(v) if key == "IS_SPACE" else strings.add(v)

    if not isinstance(value, dict):
        return _Test(column, "eq", as_id(value))
    if len(value) != 1:
        raise Unsupported(f"{key}: {value}")
    (op, arg), = value.items()
    if op == "IN":
        return _Test(column, "in", frozenset(as_id(v) for v in arg))
    if op == "NOT_IN":
        return _Test(column, "not_in", frozenset(as_id(v) for v in arg))
    if op == "REGEX" and key == "LOWER":
        return _Test(column, "regex", re.compile(arg))
    raise Unsupported(f"{key}: {op}")


def use_attribute_table(nlp: Language) -> bool:
    """Swap the model's attribute ruler for the table; False (and no change) if it cannot."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        table = AttributeTable(nlp.get_pipe("attribute_ruler"))
    except Unsupported:
        return False
    name = f"dateline_attribute_table_{id(table)}"
    Language.component(name, func=table)
    nlp.replace_pipe("attribute_ruler", name)
    return True
