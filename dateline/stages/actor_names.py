"""Known names in a text: the knowledge base's names, found by a fast scan, and abbreviations.

Names match case-insensitively, except abbreviations, which match only in capitals ("WHO",
not "who"); a country or capital inside a longer organisation or place name ("the Washington
Post", "the South China Sea") is not a mention of that country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors_kb import ActorKnowledge, Entry, name_key
from .tokens import doc_ents, doc_tokens


def kb_matches(doc: Doc, kb: ActorKnowledge) -> dict[int, tuple[int, int, tuple[Entry, ...]]]:
    """Known names in the text, longest first and left to right, keyed by their head token."""
    tokens = doc_tokens(doc)
    texts = [t.text for t in tokens]
    keys = [_token_key(text) for text in texts]
    ents = doc_ents(doc)
    any_stem = kb.first_words.get("*", 0)
    out: dict[int, tuple[int, int, tuple[Entry, ...]]] = {}
    i, n = 0, len(doc)
    while i < n:
        most = max(kb.first_words.get(keys[i], 0), any_stem)
        if not most or not texts[i][:1].isupper():
            i += 1
            continue
        words, ends, j = [], [], i
        while j < n and len(words) < most:  # the words a name could span: "El - Sisi" is "el sisi"
            if keys[j]:
                words.append(keys[j])
                ends.append(j + 1)
            elif texts[j] not in NAME_PUNCT:
                break
            j += 1
        found = None
        for size in range(len(words), 0, -1):
            key = " ".join(words[:size])
            entries = kb.lookup(key)
            if entries and _case_fits(doc[i:ends[size - 1]], key, kb) and \
                    not _inside_name(ents, i, ends[size - 1], entries):
                found = (i, ends[size - 1], entries)
                break
        if found:
            out[doc[found[0]:found[1]].root.i] = found
            i = found[1]
        else:
            i += 1
    return out


NAME_PUNCT = frozenset({"-", "'", "\u2019", "."})


def _token_key(text: str) -> str:
    """``name_key`` of one token, without the regex for plain words."""
    if text.isalpha():
        low = text.lower()
        return "" if low == "the" else low
    return name_key(text) if text.strip() else ""


def abbreviates(abbreviation: str, words: list[str]) -> bool:
    """Do the initials of the words just before spell the abbreviation ("Libyan National Army", LNA)?"""
    letters = [c for c in abbreviation if c.isalpha()]
    initials = [w[0].upper() for w in words]
    for start in range(len(initials)):
        if initials[start] != letters[0] or not words[start][0].isupper():
            continue
        rest = iter(initials[start + 1:])
        if all(letter in rest for letter in letters[1:]):  # in order; "of", "the" may be skipped
            return True
    return False


# "-led" and "-based" say whose a force is; "-backed" says who supports it, which is another actor.
LED = frozenset({"led", "based", "run", "controlled", "dominated"})


def against(token: Token) -> bool:
    """Is this name the object of "anti-" or "pro-" ("anti-Syria", "pro-Kremlin")?"""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "pro")


def _inside_name(ents: list[Span], start: int, end: int, entries: tuple[Entry, ...]) -> bool:
    """Is a place name only part of a longer organisation name ("the Washington Post")?"""
    if entries[0].kind not in ("country", "capital"):
        return False
    ent = next((e for e in ents if e.start <= start < e.end), None)
    return ent is not None and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "LOC") and ent.end > end


def _case_fits(span: Span, key: str, kb: ActorKnowledge) -> bool:
    """Abbreviations match only in capitals ("WHO", not "who")."""
    return key not in kb.abbreviations or span.text.replace(".", "").isupper()
