"""Reading articles: formats, datelines, folders, gzip, stdin, ids, and every kind of bad input."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import needs_shared

from dateline.ingest import article_id, find_dateline, read_articles
from dateline.model import Article, Reject

DAY = dt.date(2020, 12, 7)
STORY = "CAIRO: Egypt's foreign minister met his French counterpart in Paris on Sunday."


def read(*sources, **kwargs) -> tuple[list[Article], list[Reject]]:
    items = list(read_articles([str(s) for s in sources], **kwargs))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)]


def jsonl(path: Path, *records) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in records),
                    encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def gzipped(path: Path) -> Path:
    target = path.with_name(path.name + ".gz")
    target.write_bytes(gzip.compress(path.read_bytes()))
    path.unlink()
    return target


def names_file(reject: Reject, path: Path, line: int | None = None) -> bool:
    where = f"{path}:{line}" if line else str(path)
    return reject.origin == where and str(reject).startswith(where + ": ")


# ---------------------------------------------------------------- formats

def test_ingest_reads_jsonl_fields_and_origin(tmp_path):
    path = jsonl(tmp_path / "a.jsonl",
                 {"id": "a1", "date": "2020-12-07", "title": "T", "url": "https://example.org/1",
                  "source": "Wire", "text": STORY},
                 "\n",
                 {"id": "a2", "published": "2020-12-08T09:30:00Z", "text": "Second story."})
    articles, rejects = read(path)
    assert rejects == []
    first, second = articles
    assert (first.id, first.date, first.title, first.url, first.source) == (
        "a1", DAY, "T", "https://example.org/1", "Wire")
    assert first.text == STORY and first.origin == f"{path}:1"
    assert first.dateline == "CAIRO"
    assert (second.id, second.date, second.origin) == ("a2", dt.date(2020, 12, 8), f"{path}:3")
    assert second.dateline is None


def test_ingest_reads_jsonl_with_byte_order_mark(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "x", "date": "2020-12-07", "text": STORY}).encode())
    articles, rejects = read(path)
    assert rejects == [] and articles[0].id == "x"


def test_ingest_reads_csv_with_multiline_text(tmp_path):
    path = write_csv(tmp_path / "a.csv", [
        ["id", "date", "title", "text"],
        ["c1", "2020-12-07", "One", "BAGHDAD, March 3 (Reuters) - Rockets hit a base.\n\nPolice arrested two."],
        ["c2", "2020-12-08", "", "Plain text, no dateline."],
    ])
    articles, rejects = read(path)
    assert rejects == []
    assert [a.id for a in articles] == ["c1", "c2"]
    assert articles[0].text.endswith("Police arrested two.") and articles[0].dateline == "BAGHDAD"
    assert articles[1].title is None  # empty cells are absent, not ""
    assert articles[1].origin == f"{path}:5"  # the quoted text spans lines 2-4


@pytest.mark.parametrize("content", [
    "date 2020-12-07\nCAIRO: The commander arrived in Cairo.\n",
    " date 2020-12-07 CAIRO: The commander arrived in Cairo.",
    "Date: 2020-12-07\n\nCAIRO: The commander arrived in Cairo.\n",
], ids=["own-line", "inline", "colon"])
def test_ingest_reads_txt_date_marker(tmp_path, content):
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")
    articles, rejects = read(path)
    assert rejects == []
    (article,) = articles
    assert article.date == DAY
    assert article.text == "CAIRO: The commander arrived in Cairo."
    assert article.dateline == "CAIRO" and (article.dateline_start, article.dateline_end) == (0, 5)
    assert article.origin == str(path)


def test_ingest_txt_starting_with_the_word_date_is_not_a_marker(tmp_path):
    path = tmp_path / "palms.txt"
    path.write_text("Date palm growers in Basra protested on Monday.\n", encoding="utf-8")
    articles, rejects = read(path, default_date=DAY)
    assert rejects == []
    assert articles[0].text.startswith("Date palm growers") and articles[0].date == DAY


def test_ingest_reads_the_real_example_article():
    path = needs_shared("examples", "arabnews-2020-12-07-haftar-cairo.txt")
    articles, rejects = read(path)
    assert rejects == []
    (article,) = articles
    assert article.date == DAY
    assert article.text.startswith("CAIRO: The general commander of the Libyan National Army")
    assert article.dateline == "CAIRO"


def test_ingest_format_option_overrides_the_file_name(tmp_path):
    path = tmp_path / "articles.data"
    path.write_text(json.dumps({"id": "f", "date": "2020-12-07", "text": STORY}) + "\n", encoding="utf-8")
    articles, rejects = read(path, fmt="jsonl")
    assert rejects == [] and articles[0].id == "f"


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("text, place", [
    ("CAIRO: The minister said.", "CAIRO"),
    ("BAGHDAD, March 3 (Reuters) - Rockets hit a base.", "BAGHDAD"),
    ("GAZA CITY (AP) -- An air strike hit a house.", "GAZA CITY"),
    ("Kyiv, Ukraine (AFP) — Missiles hit power plants.", "Kyiv, Ukraine"),
    ("KYIV — Missiles hit power plants.", "KYIV"),
    ("NEW YORK, Jan. 5, 2021 (AP) — The council met.", "NEW YORK"),
    ("NAIROBI, Dec 23 (Dateline Wire) - Thousands marched.", "NAIROBI"),
    ("PORT SUDAN, Sudan (Dateline Wire) — A depot was hit.", "PORT SUDAN, Sudan"),
])
def test_ingest_find_dateline_recognises_datelines(text, place):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == place


@pytest.mark.parametrize("text", [
    "UPDATE: Rockets hit a base near Baghdad.",
    "BREAKING - Rockets hit a base.",
    "The minister said: talks will resume.",
    "Officials in Cairo said on Monday - without giving details - that talks would resume.",
    "Cairo: the talks will resume, officials said.",
    "EXCLUSIVE-Iran offers talks.",
    "",
])
def test_ingest_find_dateline_ignores_other_openings(text):
    assert find_dateline(text) is None


# ---------------------------------------------------------------- folders, gzip, stdin

def test_ingest_reads_folders_recursively_in_sorted_order(tmp_path):
    jsonl(tmp_path / "b.jsonl", {"id": "b", "date": "2020-12-07", "text": "B."})
    (tmp_path / "a").mkdir()
    write_csv(tmp_path / "a" / "z.csv", [["id", "date", "text"], ["az", "2020-12-07", "AZ."]])
    (tmp_path / "a" / "m.txt").write_text("date 2020-12-07\nAM.", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    jsonl(tmp_path / ".hidden" / "x.jsonl", {"id": "hidden", "date": "2020-12-07", "text": "H."})
    jsonl(tmp_path / ".dotfile.jsonl", {"id": "dot", "date": "2020-12-07", "text": "D."})
    articles, rejects = read(tmp_path)
    assert rejects == []
    assert [a.text for a in articles] == ["AM.", "AZ.", "B."]


def test_ingest_rejects_unsupported_file_in_folder_and_reads_the_rest(tmp_path):
    jsonl(tmp_path / "a.jsonl", {"id": "a", "date": "2020-12-07", "text": "A."})
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    articles, rejects = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    (reject,) = rejects
    assert names_file(reject, tmp_path / "notes.pdf") and "unsupported file type" in reject.reason


def test_ingest_rejects_empty_folder(tmp_path):
    articles, rejects = read(tmp_path)
    assert articles == [] and names_file(rejects[0], tmp_path)


@pytest.mark.parametrize("name, content", [
    ("a.jsonl", json.dumps({"id": "g", "date": "2020-12-07", "text": STORY}) + "\n"),
    ("a.csv", f'id,date,text\ng,2020-12-07,"{STORY}"\n'),
    ("a.txt", f"date 2020-12-07\n{STORY}\n"),
])
def test_ingest_reads_gzip_of_each_format(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    articles, rejects = read(gzipped(path))
    assert rejects == []
    (article,) = articles
    assert article.text == STORY and article.date == DAY and article.dateline == "CAIRO"


def test_ingest_reads_gzip_in_folders(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"id": "g", "date": "2020-12-07", "text": STORY})
    gzipped(path)
    articles, rejects = read(tmp_path)
    assert rejects == [] and [a.id for a in articles] == ["g"]


class FakeStdin:
    """Stands in for sys.stdin; ``raw.tell()`` shows how far it was read."""

    def __init__(self, data: bytes):
        self.raw = io.BytesIO(data)
        self.buffer = io.BufferedReader(self.raw)


def test_ingest_reads_stdin(monkeypatch):
    lines = [{"id": "s1", "date": "2020-12-07", "text": STORY}, "{broken\n",
             {"id": "s2", "date": "2020-12-08", "text": "Two."}]
    data = "".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in lines).encode()
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    articles, rejects = read("-")
    assert [a.id for a in articles] == ["s1", "s2"]
    assert articles[0].origin == "<stdin>:1"
    assert [r.origin for r in rejects] == ["<stdin>:2"]


def test_ingest_reads_gzipped_text_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(gzip.compress(f"date 2020-12-07\n{STORY}".encode())))
    articles, rejects = read("-")
    assert rejects == [] and articles[0].text == STORY


# ---------------------------------------------------------------- ids

def test_ingest_missing_id_is_a_stable_content_hash(tmp_path):
    one = jsonl(tmp_path / "one.jsonl", {"date": "2020-12-07", "text": STORY})
    two = tmp_path / "two.txt"
    two.write_text(f"date 2020-12-07\n{STORY}\n", encoding="utf-8")
    other_day = jsonl(tmp_path / "three.jsonl", {"date": "2020-12-08", "text": STORY})
    (a,), _ = read(one)
    (b,), _ = read(two)
    (c,), _ = read(other_day)
    (again,), _ = read(one)
    assert a.id == b.id == again.id == article_id(STORY, DAY)
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert c.id != a.id


def test_ingest_keeps_given_ids_as_strings(tmp_path):
    (article,), _ = read(jsonl(tmp_path / "n.jsonl", {"id": 42, "date": "2020-12-07", "text": STORY}))
    assert article.id == "42"


# ---------------------------------------------------------------- bad input

def test_ingest_malformed_json_line_is_rejected_and_the_rest_read(tmp_path):
    path = jsonl(tmp_path / "bad.jsonl",
                 {"id": "ok1", "date": "2020-12-07", "text": "One."},
                 '{"id": "broken", "date": "2020-12-07", "text": "unterminated\n',
                 "[1, 2, 3]\n",
                 {"id": "ok2", "date": "2020-12-07", "text": "Two."})
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert names_file(rejects[0], path, 2) and "malformed JSON" in rejects[0].reason
    # The string runs into the line's end (column 61), which is not "column 1" of a next line.
    assert rejects[0].reason == "malformed JSON: Invalid control character at column 61"
    assert names_file(rejects[1], path, 3) and "JSON object" in rejects[1].reason


@pytest.mark.parametrize("record, reason", [
    ({"id": "m", "text": STORY}, "no date"),
    ({"id": "u", "date": "yesterday", "text": STORY}, "unparseable date 'yesterday'"),
    ({"id": "u2", "date": "2020-13-45", "text": STORY}, "unparseable date"),
    ({"id": "n", "date": 20201207, "text": STORY}, "unparseable date"),
    ({"id": "t", "date": "2020-12-07"}, "no text"),
    ({"id": "e", "date": "2020-12-07", "text": "   "}, "text is empty"),
    ({"id": "s", "date": "2020-12-07", "text": ["not", "a", "string"]}, "not a string"),
])
def test_ingest_rejects_records_without_usable_date_or_text(tmp_path, record, reason):
    path = jsonl(tmp_path / "r.jsonl", {"id": "ok", "date": "2020-12-07", "text": "Fine."}, record)
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok"]
    (reject,) = rejects
    assert names_file(reject, path, 2) and reason in reject.reason
    assert reject.article_id == record["id"]


def test_ingest_default_date_fills_missing_dates_only(tmp_path):
    path = jsonl(tmp_path / "d.jsonl", {"id": "m", "text": STORY}, {"id": "g", "date": "2021-01-01", "text": STORY})
    articles, rejects = read(path, default_date=DAY)
    assert rejects == [] and [a.date for a in articles] == [DAY, dt.date(2021, 1, 1)]


def test_ingest_txt_without_date_marker_is_rejected(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("CAIRO: No marker here.", encoding="utf-8")
    articles, rejects = read(path)
    assert articles == [] and names_file(rejects[0], path) and "no date" in rejects[0].reason


@pytest.mark.parametrize("name, data", [
    ("empty.jsonl", b""),
    ("blank.txt", b"  \n\n \t\n"),
    ("empty.csv", b""),
])
def test_ingest_rejects_empty_files(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    articles, rejects = read(path)
    assert articles == [] and names_file(rejects[0], path) and "empty" in rejects[0].reason


@pytest.mark.parametrize("name", ["image.jsonl", "image.txt", "image.csv"])
def test_ingest_rejects_binary_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 10)
    articles, rejects = read(path)
    assert articles == [] and names_file(rejects[0], path) and "binary" in rejects[0].reason


def test_ingest_latin1_jsonl_line_is_rejected_and_the_rest_read(tmp_path):
    path = tmp_path / "latin1.jsonl"
    good = json.dumps({"id": "ok", "date": "2020-12-07", "text": "Fine."}).encode()
    bad = '{"id": "bad", "date": "2020-12-07", "text": "Bogotá"}'.encode("latin-1")
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n")
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok", "ok2"]
    assert names_file(rejects[0], path, 2) and "not UTF-8" in rejects[0].reason


@pytest.mark.parametrize("name, content", [
    ("latin1.txt", "date 2020-12-07\nBOGOTÁ: El ejército liberó a los soldados."),
    ("latin1.csv", "id,date,text\nl,2020-12-07,BOGOTÁ: liberó\n"),
])
def test_ingest_rejects_wrongly_encoded_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    articles, rejects = read(path)
    assert articles == []
    (reject,) = rejects
    assert reject.origin.startswith(str(path)) and "not UTF-8" in reject.reason


TEN_MB = 10 * 1024 * 1024


def test_ingest_rejects_a_10mb_jsonl_article_and_reads_the_rest(tmp_path):
    path = jsonl(tmp_path / "big.jsonl",
                 {"id": "big", "date": "2020-12-07", "text": "war " * (TEN_MB // 4)},
                 {"id": "ok", "date": "2020-12-07", "text": "Fine."})
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok"]
    (reject,) = rejects
    assert names_file(reject, path, 1) and "over the limit" in reject.reason and reject.article_id == "big"


def test_ingest_rejects_a_10mb_csv_article_and_reads_the_rest(tmp_path):
    path = write_csv(tmp_path / "big.csv", [["id", "date", "text"], ["big", "2020-12-07", "war " * (TEN_MB // 4)],
                                            ["ok", "2020-12-07", "Fine."]])
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok"]
    (reject,) = rejects
    assert names_file(reject, path, 2) and "over the limit" in reject.reason


def test_ingest_rejects_a_10mb_txt_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"date 2020-12-07\n" + b"war " * (TEN_MB // 4))
    articles, rejects = read(path)
    assert articles == [] and names_file(rejects[0], path) and "limit" in rejects[0].reason


def test_ingest_does_not_read_a_10mb_txt_article_whole(monkeypatch):
    stdin = FakeStdin(b"date 2020-12-07\n" + b"war " * (TEN_MB // 4))
    monkeypatch.setattr(sys, "stdin", stdin)
    articles, rejects = read("-", max_chars=100_000)
    assert articles == [] and rejects[0].origin == "<stdin>" and "limit" in rejects[0].reason
    assert stdin.raw.tell() < 1024 * 1024  # stopped soon after the limit


def test_ingest_csv_ragged_row_is_rejected_and_the_rest_read(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("id,date,text\nr1,2020-12-07,One.\nr2,2020-12-07,Two.,extra,cells\nr3,2020-12-07,Three.\n",
                    encoding="utf-8")
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["r1", "r3"]
    (reject,) = rejects
    assert names_file(reject, path, 3) and "5 fields" in reject.reason


def test_ingest_csv_short_row_is_rejected_for_missing_text(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("id,date,text\ns1,2020-12-07\ns2,2020-12-07,Two.\n", encoding="utf-8")
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["s2"]
    assert names_file(rejects[0], path, 2) and "no text" in rejects[0].reason


def test_ingest_csv_without_text_column_is_rejected(tmp_path):
    path = write_csv(tmp_path / "notext.csv", [["id", "date", "body"], ["a", "2020-12-07", "Body."]])
    articles, rejects = read(path)
    assert articles == []
    (reject,) = rejects
    assert names_file(reject, path, 1) and "no 'text' column" in reject.reason and "body" in reject.reason


def test_ingest_truncated_gzip_keeps_what_was_read_and_rejects_the_file(tmp_path):
    records = [{"id": f"t{i}", "date": "2020-12-07", "text": f"Story number {i}. " * 20} for i in range(2000)]
    path = jsonl(tmp_path / "t.jsonl", *records)
    full = gzip.compress(path.read_bytes())
    path.unlink()
    truncated = tmp_path / "t.jsonl.gz"
    truncated.write_bytes(full[: len(full) // 2])
    articles, rejects = read(truncated)
    assert 0 < len(articles) < len(records)
    assert [a.id for a in articles] == [r["id"] for r in records[:len(articles)]]
    (reject,) = rejects
    assert reject.origin.startswith(str(truncated))


def test_ingest_not_gzip_despite_the_name_is_rejected(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_text(json.dumps({"id": "x", "date": "2020-12-07", "text": STORY}), encoding="utf-8")
    articles, rejects = read(path)
    assert articles == [] and names_file(rejects[0], path) and "gzip" in rejects[0].reason


def test_ingest_nonexistent_path_is_rejected_and_others_read(tmp_path):
    good = jsonl(tmp_path / "good.jsonl", {"id": "g", "date": "2020-12-07", "text": STORY})
    missing = tmp_path / "missing.jsonl"
    articles, rejects = read(missing, good)
    assert [a.id for a in articles] == ["g"]
    assert names_file(rejects[0], missing) and "no such file" in rejects[0].reason


def test_ingest_reject_report_round_trips_as_json(tmp_path):
    path = jsonl(tmp_path / "r.jsonl", "{nope\n")
    _, (reject,) = read(path)
    assert json.loads(json.dumps(reject.to_dict())) == {
        "origin": f"{path}:1", "reason": reject.reason, "article_id": None}
