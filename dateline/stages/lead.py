"""The lead of a news story: the dateline and credit before its first words.

"CAIRO, Dec 16 (Reuters) - ...", "Raipur, India - ...", "Fethi Belaid, AFP | ...", "KYIV — ...".
The place a lead names says where the story was filed; it is never an actor, and the parser,
which reads it as part of the first sentence, often hangs the main verb on it
("PESHAWAR: A US drone killed ..." parsed as "PESHAWAR (that) killed").
"""

from __future__ import annotations

from spacy.tokens import Doc

from .tokens import span_text

# Marks that end a lead: dashes, a colon, a bar; "--" and "—" need no spaces around them.
SEPARATORS = frozenset({"-", "--", "---", "—", "–", ":", "|", "_"})
BARE_SEPARATORS = frozenset({"--", "---", "—", "–", "|"})
MAX_LEAD = 14  # tokens before the separator


def lead_span(doc: Doc, dateline_start: int | None = None, dateline_end: int | None = None) -> tuple[int, int]:
    """Token span (start, end) of the story's lead; (0, 0) when it has none.

    The lead opens the text, or the line the reader found the dateline on (after a title).
    """
    starts = [0]
    if dateline_start is not None:
        starts = [next((t.sent.start for t in doc if t.idx >= dateline_start), 0)]
    elif len(doc) and _title_first(doc):  # a title line first: the lead may open the next line
        starts.append(doc[0].sent.end)
    for start in starts:
        end = _lead_from(doc, start)
        if end:
            return start, end
    if dateline_end is not None:  # the reader found a dateline the marks above do not close
        return starts[0], next((t.i + 1 for t in doc if t.idx + len(t.text) >= dateline_end), starts[0])
    return 0, 0


def _lead_from(doc: Doc, start: int) -> int:
    for i, token in enumerate(doc[start:start + MAX_LEAD + 1], start):
        if i > start and _separates(doc, i):
            return i + 1
        if token.is_space:
            continue
        if not (token.is_punct or token.like_num or token.text[:1].isupper() or token.ent_type_ == "DATE"):
            return 0  # a lowercase word: the story has begun ("former Iraqi minister, speaks")
    return 0


def _separates(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.is_space:
        return len(token.text) >= 2 and "\n" not in token.text  # "Raqqa     A high-ranking official ..."
    if token.text not in SEPARATORS:
        return False
    spaced = bool(token.whitespace_) or bool(doc[i - 1].whitespace_)
    return token.text in BARE_SEPARATORS or spaced or token.text == ":"


def _title_first(doc: Doc) -> bool:
    """Whether the first sentence holds a line break (its text sliced, not built a Token per word)."""
    return "\n" in span_text(doc[0].sent)
