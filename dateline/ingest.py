"""Read articles from files, folders, ``.gz`` and stdin, as a stream.

Supported inputs:

- JSONL, one article per line: ``id``, ``text``, ``date`` (YYYY-MM-DD), optional
  ``title``, ``url``, ``source``;
- CSV with the same columns (a header row);
- plain ``.txt``, one article per file, with a leading ``date YYYY-MM-DD`` marker;
- WARC files of news pages (``.warc``, ``.warc.gz``; see ``warc.py``);
- folders of these (recursively), ``.gz`` of any, and ``-`` for stdin.

Anything that cannot be read becomes a ``Reject`` naming the file and line, and
the stream goes on. Articles without an id get a stable content hash.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .model import Article, Reject

FORMATS = ("jsonl", "csv", "txt", "warc")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".txt": "txt",
              ".warc": "warc"}
DATE_KEYS = ("date", "published", "publication_date", "pub_date")
DEFAULT_MAX_CHARS = 200_000
CSV_FIELD_LIMIT = 1 << 27  # characters in one CSV cell

Item = Article | Reject

# "date 2020-12-07" at the very start of a text file, on its own line or before the text.
# The value must start with a digit, so a story opening "Date palm growers ..." is not a marker.
DATE_MARKER = re.compile(r"\A\s*date[ \t:]+(\d\S*)[ \t]*\n?[ \t]*", re.IGNORECASE)
# A dateline: "CAIRO:", "BAGHDAD, March 3 (Reuters) -", "GAZA CITY (AP) --", "Kyiv, Ukraine (AFP) —".
_CAPS_PLACE = r"[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z.'\-]+(?: [A-Z][a-z.'\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2})?"
_DAY = r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_AGENCY = r"\s*\([A-Za-z][\w .&'\-]{0,30}\)"
_SEP = r"\s*(?::|--|-|\u2013|\u2014)\s+"
DATELINE = re.compile(
    rf"\A(?P<place>{_CAPS_PLACE}{_REGION}){_DAY}(?:{_AGENCY})?{_SEP}"
    rf"|\A(?P<tplace>{_TITLE_PLACE}{_REGION}){_DAY}{_AGENCY}{_SEP}"
)


def read_articles(sources: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS,
                  default_date: dt.date | None = None, fmt: str | None = None,
                  resume: Mapping[str, int] | None = None, skipped: Counter | None = None) -> Iterator[Item]:
    """Articles and rejects from files, folders or ``-`` (stdin), in order.

    ``default_date`` is used for articles that carry no date; ``fmt`` forces a
    format (``jsonl``, ``csv``, ``txt`` or ``warc``) instead of guessing from the name.
    ``resume`` maps absolute file paths to the position (line, or WARC record)
    up to which an earlier run committed them; those items are passed over
    unread. WARC records that are not articles are counted in ``skipped``.
    """
    reader = _Reader(max_chars=max_chars, default_date=default_date, resume=resume or {},
                     skipped=skipped)
    for source in sources:
        source = str(source)
        if source == "-":
            yield from reader.stream(sys.stdin.buffer, "<stdin>", fmt)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            if not files:
                yield Reject(str(path), "folder holds no files")
            for file in files:
                file_fmt = fmt or _format_of(file)
                if file_fmt is None:
                    yield Reject(str(file), f"unsupported file type; expected one of "
                                            f"{', '.join(sorted(EXTENSIONS))} (optionally .gz)")
                    continue
                yield from reader.file(file, file_fmt)
        elif path.is_file():
            yield from reader.file(path, fmt or _format_of(path))
        else:
            yield Reject(source, "no such file or folder")


def article_id(text: str, date: dt.date) -> str:
    """The id of an article that has none: a hash of its text and date."""
    return hashlib.sha1(f"{date.isoformat()}\x1f{text}".encode()).hexdigest()[:16]


def find_dateline(text: str) -> tuple[int, int] | None:
    """Span of the place named in a leading dateline ("CAIRO" in "CAIRO: ..."), or None."""
    match = DATELINE.match(text)
    if not match:
        return None
    group = "place" if match.group("place") else "tplace"
    start, end = match.span(group)
    if text[start:end].strip(".'-") in _NOT_PLACES:
        return None
    return start, end


# Capitalised openers that are not places ("UPDATE:", "BREAKING -").
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL",
               "CORRECTION", "WATCH", "LIVE", "VIDEO", "PHOTOS", "NOTE", "A", "I", "THE"}


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


class _Reader:
    def __init__(self, max_chars: int, default_date: dt.date | None, resume: Mapping[str, int],
                 skipped: Counter | None):
        self.max_chars = max_chars
        self.default_date = default_date
        self.resume = resume
        self.skipped = skipped

    def file(self, path: Path, fmt: str | None) -> Iterator[Item]:
        try:
            raw = path.open("rb")
        except OSError as exc:
            yield Reject(str(path), f"cannot open: {exc.strerror or exc}")
            return
        after = self.resume.get(os.path.abspath(path), 0)
        with raw:
            yield from self.stream(raw, str(path), fmt, gz=path.suffix.lower() == ".gz", after=after)

    def stream(self, raw: IO[bytes], origin: str, fmt: str | None, gz: bool = False,
               after: int = 0) -> Iterator[Item]:
        """Items from one byte stream; sniffs gzip and, if ``fmt`` is None, the format."""
        buffered = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
        head = buffered.peek(4096)[:4096]
        if gz or head[:2] == b"\x1f\x8b":
            buffered = io.BufferedReader(gzip.GzipFile(fileobj=buffered))  # type: ignore[arg-type]
            try:
                head = buffered.peek(4096)[:4096]
            except (OSError, EOFError) as exc:
                yield Reject(origin, f"not a readable gzip file ({exc})")
                return
        if not head.strip():
            yield Reject(origin, "empty file")
            return
        if fmt is None and head.startswith(b"WARC/"):
            fmt = "warc"
        if fmt != "warc" and b"\x00" in head:  # WARC holds binary payloads
            yield Reject(origin, "binary file (NUL bytes); expected UTF-8 text")
            return
        fmt = fmt or _sniff(head)
        readers = {"jsonl": self._jsonl, "csv": self._csv, "txt": self._txt, "warc": self._warc}
        try:
            yield from readers[fmt](buffered, origin, after)
        except (OSError, EOFError) as exc:  # truncated gzip and the like, mid-stream
            yield Reject(origin, f"read error: {exc}")

    def _jsonl(self, stream: IO[bytes], origin: str, after: int = 0) -> Iterator[Item]:
        for number, line in enumerate(stream, 1):
            where = f"{origin}:{number}"
            if number <= after or not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield Reject(where, f"not UTF-8 ({exc.reason} at byte {exc.start}); re-save the file as UTF-8")
                continue
            except json.JSONDecodeError as exc:
                # colno restarts after the line's own newline; some messages already end in "at"
                yield Reject(where, f"malformed JSON: {exc.msg.removesuffix(' at')} at column {exc.pos + 1}")
                continue
            if not isinstance(record, dict):
                yield Reject(where, f"expected a JSON object, got {type(record).__name__}")
                continue
            yield self._article(record, where)

    def _csv(self, stream: IO[bytes], origin: str, after: int = 0) -> Iterator[Item]:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        # Far above max_chars, so an oversized article is parsed and rejected on its own line
        # instead of a csv.Error that would end the file.
        csv.field_size_limit(max(self.max_chars * 4, CSV_FIELD_LIMIT))
        reader = csv.DictReader(text)
        try:
            header = reader.fieldnames or []
        except UnicodeDecodeError as exc:
            yield Reject(origin, f"not UTF-8 ({exc.reason}); re-save the file as UTF-8")
            return
        except csv.Error as exc:
            yield Reject(f"{origin}:1", f"malformed CSV header: {exc}")
            return
        if "text" not in header:
            yield Reject(f"{origin}:1", f"CSV header has no 'text' column (found: {', '.join(header)})")
            return
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield Reject(f"{origin}:{line}", f"not UTF-8 ({exc.reason}); re-save the file as UTF-8")
                return
            except csv.Error as exc:
                yield Reject(f"{origin}:{line}", f"malformed CSV: {exc}")
                return
            if line <= after:
                continue
            if None in row:  # more fields than the header has
                yield Reject(f"{origin}:{line}", f"row has {len(header) + len(row[None])} fields, "
                                                 f"header has {len(header)}")
                continue
            yield self._article({k: v for k, v in row.items() if v not in (None, "")}, f"{origin}:{line}")

    def _warc(self, stream: IO[bytes], origin: str, after: int = 0) -> Iterator[Item]:
        from .warc import read_warc  # trafilatura is slow to import

        yield from read_warc(stream, origin, self._article, skipped=self.skipped, after=after)

    def _txt(self, stream: IO[bytes], origin: str, after: int = 0) -> Iterator[Item]:
        data = stream.read(self.max_chars * 4 + 1)
        if len(data) > self.max_chars * 4:
            yield Reject(origin, f"article is over {self.max_chars * 4:,} bytes; the limit is "
                                 f"{self.max_chars:,} characters (setting max_article_chars)")
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Reject(origin, f"not UTF-8 ({exc.reason} at byte {exc.start}); re-save the file as UTF-8")
            return
        record: dict[str, Any] = {}
        marker = DATE_MARKER.match(text)
        if marker:
            record["date"] = marker.group(1)
            text = text[marker.end():]
        record["text"] = text.strip()
        yield self._article(record, origin)

    def _article(self, record: dict[str, Any], where: str) -> Item:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            return Reject(where, "no text" if text in (None, "") else "text is empty or not a string",
                          _str(record.get("id")))
        if len(text) > self.max_chars:
            return Reject(where, f"article is {len(text):,} characters, over the limit of "
                                 f"{self.max_chars:,} (setting max_article_chars)", _str(record.get("id")))
        if "\x00" in text:
            return Reject(where, "text contains NUL bytes (binary data?)", _str(record.get("id")))
        raw_date = next((record[k] for k in DATE_KEYS if record.get(k) not in (None, "")), None)
        date = _parse_date(raw_date) if raw_date is not None else self.default_date
        if date is None:
            why = (f"unparseable date {raw_date!r}; expected YYYY-MM-DD" if raw_date is not None
                   else "no date; give a 'date' field (YYYY-MM-DD), a 'date YYYY-MM-DD' marker, or --date")
            return Reject(where, why, _str(record.get("id")))
        span = find_dateline(text)
        return Article(
            id=_str(record.get("id")) or article_id(text, date),
            text=text,
            date=date,
            title=_str(record.get("title")),
            url=_str(record.get("url")),
            source=_str(record.get("source")),
            origin=where,
            dateline_start=span[0] if span else None,
            dateline_end=span[1] if span else None,
        )


def _sniff(head: bytes) -> str:
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if first.startswith(b"{"):
        return "jsonl"
    first_line = first.split(b"\n", 1)[0].lower()
    if b"," in first_line and re.search(rb"(^|,)\s*\"?text\"?\s*(,|$)", first_line):
        return "csv"
    return "txt"


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, (int, float)) or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:  # full ISO timestamps with a zone ("2020-12-07T10:00:00Z": Python 3.11 reads the "Z")
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)
