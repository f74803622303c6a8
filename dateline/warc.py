"""News pages from WARC files (as in Common Crawl's CC-NEWS), as articles.

Each HTTP response that holds an HTML page becomes an article: text, title and
date extracted by trafilatura, the date from the page's own metadata, else the
day it was crawled (WARC-Date). A crawl is mostly pages that are not articles
(images, scripts, errors, index pages); those are skipped and counted by
reason, not rejected. Records are numbered from 1 in file order; the number is
the article's position ("file.warc.gz:17"), which checkpoints resume from.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, Any
from urllib.parse import urlsplit

from .errors import DatelineError
from .model import Article, Reject

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'dateline[warc]'"
MIN_WORDS = 50  # less extracted text is an index page, a stub or a paywall teaser
MAX_PAGE_BYTES = 5_000_000  # larger responses are not news pages; do not hold them in memory
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")

Item = Article | Reject
MakeArticle = Callable[[dict[str, Any], str], Item]


def read_warc(stream: IO[bytes], origin: str, make_article: MakeArticle, *,
              skipped: Counter | None = None, after: int = 0) -> Iterator[Item]:
    """Articles (and rejects) from one WARC stream, plain or gzipped.

    ``make_article(record, where)`` validates a record dict (``id``, ``text``,
    ``date``, ...) the way every other input format is validated. Records
    numbered ``after`` or lower were committed by an earlier run and are passed
    over without extraction. Skips are added to ``skipped`` by reason.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise DatelineError(f"reading WARC files needs warcio and trafilatura; run: {INSTALL_HINT}") from exc
    here: Counter = Counter()
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if number <= after or record.rec_type not in PAGE_RECORDS:
                continue
            reason, fields = _page(record)
            if reason:
                here[reason] += 1
                continue
            yield make_article(fields, f"{origin}:{number}")
    except ArchiveLoadFailed as exc:
        yield Reject(f"{origin}:{number + 1}", f"not a readable WARC record ({exc}); stopped reading this file")
    if here:
        log.info("%s: skipped %s", origin, ", ".join(f"{n:,} {why}" for why, n in here.most_common()))
    if skipped is not None:
        skipped.update(here)


def _page(record: Any) -> tuple[str | None, dict[str, Any]]:
    """(reason to skip, None) or (None, article fields) for one response record."""
    http = record.http_headers
    if http is not None:
        if http.get_statuscode() != "200":
            return "not HTTP 200", {}
        content_type = (http.get_header("Content-Type") or "").lower()
    else:  # a resource record carries its type in the WARC header
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return "not HTML", {}
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        return "over 5 MB", {}
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = _day(record.rec_headers.get_header("WARC-Date"))
    page = _extract(body, url, crawled)
    if page is None or not (page.text or "").strip():
        return "no article text", {}
    text = _without_headline(page.text.strip(), page.title)
    if len(text.split()) < MIN_WORDS:
        return f"under {MIN_WORDS} words", {}
    return None, {
        "id": url or _record_id(record),
        "text": text,
        "date": page.date or crawled,
        "title": page.title,
        "url": url,
        "source": page.sitename or (urlsplit(url).hostname if url else None),
    }


def _extract(body: bytes, url: str | None, crawled: str | None) -> Any:
    import trafilatura

    # A page cannot be published after it was crawled; this also stops htmldate
    # from taking a "last updated" or copyright year in the future.
    dates = {"original_date": True, "extensive_search": False}
    if crawled:
        dates["max_date"] = crawled
    try:
        return trafilatura.bare_extraction(body, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, date_extraction_params=dates)
    except Exception:  # trafilatura raises many kinds of errors on broken markup
        log.debug("extraction failed for %s", url, exc_info=True)
        return None


def _without_headline(text: str, title: str | None) -> str:
    """The body without a leading headline, so a dateline ("CAIRO:") starts the text."""
    first, _, rest = text.partition("\n")
    if title and rest and first.strip().casefold() == title.strip().casefold():
        return rest.lstrip()
    return text


def _day(warc_date: str | None) -> str | None:
    return warc_date[:10] if warc_date else None


def _record_id(record: Any) -> str | None:
    rid = record.rec_headers.get_header("WARC-Record-ID") or ""
    return rid.strip("<>").removeprefix("urn:uuid:") or None
