"""WARC input: news pages become articles, everything else is skipped and counted."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import read_articles
from dateline.model import Article, Reject

# Pages written for these tests (fictional outlets and events).
TALKS = """<html><head><title>Ministers agree to reopen border crossing</title>
<meta property="article:published_time" content="2021-03-14T09:30:00Z">
<meta property="og:site_name" content="Harbour Post"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ministers agree to reopen border crossing</h1>
<p>AMMAN: The foreign ministers of Jordan and Iraq met in Amman on Saturday and agreed to reopen
the main border crossing between the two countries to trucks carrying food and medicine.</p>
<p>The crossing has been closed since a dispute over customs fees last autumn, and traders on both
sides have complained about losses. The ministers said a joint committee would review the fees
before the end of the month and report to both governments.</p>
<p>Officials from the two ministries will also discuss a plan to extend the railway line that links
the border towns, according to a joint statement released after the meeting.</p></article>
<footer>Copyright Harbour Post</footer></body></html>"""

PROTEST = """<html><head><title>Teachers march over unpaid wages</title></head><body>
<article><h1>Teachers march over unpaid wages</h1>
<p>Several thousand teachers marched through the centre of the capital on Monday to demand wages
that they say have not been paid for three months, blocking traffic for most of the afternoon.</p>
<p>Union leaders said the strike would continue until the education ministry publishes a timetable
for the payments. Police watched the march but made no arrests, witnesses said, and the crowd
dispersed peacefully in the evening after speeches outside the parliament building.</p>
</article></body></html>"""

INDEX = """<html><head><title>World news</title></head><body>
<ul><li><a href="/a">Ministers agree</a></li><li><a href="/b">Teachers march</a></li></ul>
</body></html>"""


def _write_warc(path: Path, gz: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(url, body, content_type="text/html; charset=utf-8", status="200 OK",
                     date="2021-03-15T06:00:00Z"):
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=http,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)

        writer.write_record(writer.create_warc_record(
            "https://news.example/world/talks", "request", payload=io.BytesIO(b"GET /world/talks HTTP/1.1\r\n\r\n"),
            warc_content_type="application/http; msgtype=request"))
        response("https://news.example/world/talks", TALKS.encode())  # record 2
        response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        response("https://news.example/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
        response("https://news.example/world", INDEX.encode())
        response("https://news.example/labour/teachers", PROTEST.encode(), date="2021-03-16T02:00:00Z")  # 6


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc_file(tmp_path: Path, request) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    _write_warc(path, gz=request.param)
    return path


def test_warc_news_pages_become_articles(warc_file: Path):
    skipped: Counter = Counter()
    items = list(read_articles([warc_file], skipped=skipped))
    assert all(isinstance(item, Article) for item in items), items
    talks, protest = items
    assert talks.id == "https://news.example/world/talks"
    assert talks.url == talks.id
    assert talks.title == "Ministers agree to reopen border crossing"
    assert talks.date == dt.date(2021, 3, 14)  # from the page's metadata, not the crawl
    assert talks.source == "Harbour Post"
    assert talks.origin == f"{warc_file}:2"
    # The headline is the title, not the first line of the text, so the dateline is found.
    assert talks.text.startswith("AMMAN: The foreign ministers")
    assert talks.dateline == "AMMAN"
    assert "Home" not in talks.text and "Copyright" not in talks.text
    assert protest.date == dt.date(2021, 3, 16)  # no date on the page: the crawl date
    assert protest.source == "news.example"
    assert skipped == {"not HTML": 1, "not HTTP 200": 1, "under 50 words": 1}


def test_warc_found_in_folders_and_by_content(tmp_path: Path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    _write_warc(folder / "CC-NEWS-20210315.warc.gz", gz=True)
    assert [a.title for a in read_articles([folder])] == [
        "Ministers agree to reopen border crossing", "Teachers march over unpaid wages"]
    odd_name = tmp_path / "crawl.dat"
    _write_warc(odd_name, gz=False)
    assert len([a for a in read_articles([odd_name]) if isinstance(a, Article)]) == 2


def test_warc_resume_passes_over_committed_records(warc_file: Path):
    items = list(read_articles([warc_file], resume={os.path.abspath(warc_file): 2}))
    assert [a.title for a in items] == ["Teachers march over unpaid wages"]


def test_warc_corrupt_record_rejects_the_rest_and_keeps_what_was_read(tmp_path: Path):
    whole = tmp_path / "whole.warc"
    _write_warc(whole, gz=False)
    data = whole.read_bytes()
    corrupt = tmp_path / "corrupt.warc"
    corrupt.write_bytes(data[:data.rindex(b"WARC/1.")] + b"<html>not a record</html>\r\n\r\n" * 3)
    items = list(read_articles([corrupt]))
    assert [type(i) for i in items] == [Article, Reject]
    assert items[1].origin == f"{corrupt}:6"
    assert "not a readable WARC record" in items[1].reason


def test_warc_oversized_article_text_is_rejected_like_any_input(warc_file: Path):
    items = list(read_articles([warc_file], max_chars=300))
    assert all(isinstance(i, Reject) and "max_article_chars" in i.reason for i in items)
    assert {i.article_id for i in items} == {"https://news.example/world/talks",
                                             "https://news.example/labour/teachers"}
