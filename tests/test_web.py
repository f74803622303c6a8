"""The web explorer in a real headless Chromium: views, shared filters, event detail, safe rendering."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from eventdata import A4, ASSERTED_EVENTS, CORPUS, article, build_store, coded, event
from liveserver import live_server

from dateline.api import create_app
from dateline.model import Actor

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SAMPLES = Path(__file__).resolve().parents[1] / "dateline" / "samples" / "articles.jsonl"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium (/usr/bin/chromium) is not installed"),
]

HOSTILE = "<img src=x onerror=\"window.__pwned = 1\">"


def _hostile_article():
    """An article whose every field tries to inject markup or script."""
    text = (f"BENGHAZI: {HOSTILE} gunmen attacked Turkey's consulate. "
            "<script>window.__pwned = 2</script> Officials condemned it.")
    art = article("hostile", "2024-03-07", text, source="<b>Evil</b> Times", url="javascript:window.__pwned=3",
                  title="<img src=x onerror=alert(1)>")
    sentence = f"BENGHAZI: {HOSTILE} gunmen attacked Turkey's consulate."
    base = event(art, sentence, "attacked", "ASSAULT", target="Turkey", confidence=0.66)
    start = art.text.index(HOSTILE)
    gunmen = Actor(text=HOSTILE + " gunmen", start=start, end=start + len(HOSTILE) + 7,
                   name=HOSTILE + " gunmen", country="LBY", sector="REB", code="LBYREB")
    return coded(art, dataclasses.replace(base, source=gunmen))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("web") / "events.duckdb", CORPUS + [_hostile_article()])
    with live_server(create_app(db, read_only=True)) as url:
        yield url


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.errors = []
    page.dialogs = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    # Fully offline: any request that leaves the server fails the test.
    page.outside = []
    page.route("**/*", lambda route: (page.outside.append(route.request.url), route.abort())
               if not route.request.url.startswith("http://127.0.0.1") else route.continue_())
    yield page
    page.close()


def _rows(page):
    return page.locator("#events tbody tr")


def _ready(page, rows: int):
    page.wait_for_function(
        "n => document.body.dataset.state === 'ready' && "
        "document.querySelectorAll('#events tbody tr').length === n", arg=rows, timeout=15_000)


def test_web_explorer_loads_filters_and_shows_the_sentence(page, base_url, tmp_path):
    page.goto(base_url)
    _ready(page, ASSERTED_EVENTS + 1)
    assert page.locator("#summary").inner_text().startswith(f"{ASSERTED_EVENTS + 1} events")
    assert page.locator("#map path.country").count() > 150  # the offline basemap
    assert page.locator("#map circle.event-mark").count() == 5  # Cairo, Tripoli, Sirte, Geneva, Paris
    assert page.locator("#timeline rect").count() >= 6
    assert page.locator("#network .node").count() >= 8 and page.locator("#network path.edge").count() >= 6
    screenshot = tmp_path / "explorer.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 20_000
    if os.environ.get("DATELINE_SCREENSHOT"):  # to refresh docs/explorer.png
        page.screenshot(path=os.environ["DATELINE_SCREENSHOT"], full_page=True)

    # A filter changes the table and the map together.
    page.select_option("select[name=event_type]", "PROTEST")
    page.click("button[type=submit]")
    _ready(page, 1)
    marks = page.locator("#map circle.event-mark")
    assert marks.count() == 1 and marks.first.get_attribute("data-place") == "2210247"
    assert "PROTEST" in _rows(page).first.inner_text()
    assert "event_type=PROTEST" in page.url

    # Clicking the event opens its article with the trigger, actors and place highlighted.
    _rows(page).first.click()
    page.wait_for_selector("#article mark.trigger")
    assert page.locator("#mentions .mention-sentence").first.inner_text() == \
        "TRIPOLI: Hundreds of protesters rallied against the government in Tripoli on Tuesday."
    assert page.locator("#article mark.trigger").inner_text() == "rallied"
    assert page.locator("#article mark.actor").all_inner_texts() == ["protesters", "the government"]
    assert page.locator("#article mark.place").all_inner_texts() == ["Tripoli"]
    # The whole sentence is marked, in pieces around the highlighted words.
    assert "".join(page.locator("#article .sentence").all_inner_texts()) == \
        "TRIPOLI: Hundreds of protesters rallied against the government in Tripoli on Tuesday."
    assert not page.errors and not page.outside


def test_web_map_and_network_clicks_narrow_every_view(page, base_url):
    page.goto(base_url)
    _ready(page, ASSERTED_EVENTS + 1)
    page.locator("#map circle.event-mark[data-place='2210554']").click()  # Sirte
    _ready(page, 1)
    assert page.input_value("input[name=place]") == "2210554"
    assert "ASSAULT" in _rows(page).first.inner_text() and page.locator("#map circle.event-mark").count() == 1
    page.click("button[type=reset]")
    _ready(page, ASSERTED_EVENTS + 1)
    page.locator("#network .node[data-actor='EGYGOV'] circle").click()
    _ready(page, 2)
    assert page.input_value("input[name=actor]") == "EGYGOV"
    assert page.locator("#timeline rect").count() == 2
    assert not page.errors


def test_web_bad_filter_shows_the_api_message(page, base_url):
    page.goto(base_url)
    _ready(page, ASSERTED_EVENTS + 1)
    page.fill("input[name=country]", "Atlantis")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-state=error]")
    assert "unknown country 'Atlantis'" in page.inner_text("#status")


def test_web_renders_hostile_content_as_text(page, base_url):
    page.goto(base_url)
    _ready(page, ASSERTED_EVENTS + 1)
    row = page.locator("#events tbody tr", has_text="consulate")
    assert HOSTILE in row.inner_text()
    row.click()
    page.wait_for_selector("#article mark.trigger")
    article = page.locator("#article")
    assert "<script>window.__pwned = 2</script>" in article.inner_text()
    assert article.locator("script, img").count() == 0 and page.locator("#detail img").count() == 0
    assert page.inner_text("#article-title") == "<img src=x onerror=alert(1)>"
    assert page.locator("#article-meta a").count() == 0  # a javascript: URL is not made a link
    assert page.locator("#article mark.actor").first.inner_text() == HOSTILE + " gunmen"
    assert page.evaluate("window.__pwned") is None and not page.dialogs and not page.errors


@pytest.mark.skipif(not SAMPLES.exists(), reason="the sample corpus is not in this checkout")
def test_web_explorer_shows_the_coded_sample_corpus(page, tmp_path, resources):
    from dateline.runner import run
    from dateline.store import Store

    db = tmp_path / "sample.duckdb"
    run([str(SAMPLES)], db, resources.settings)
    with Store(db, read_only=True) as store:
        total = store.stats()["total"]
        articles = store.counts()["articles"]
    assert articles == sum(1 for line in SAMPLES.read_text().splitlines() if line.strip())
    with live_server(create_app(db, read_only=True)) as url:
        page.goto(url)
        _ready(page, min(total, 50))
        assert page.locator("#summary").inner_text().startswith(f"{total:,} events")
        if os.environ.get("DATELINE_SCREENSHOT") and total >= 10:  # real output beats hand-made
            page.screenshot(path=os.environ["DATELINE_SCREENSHOT"], full_page=True)
        if total:
            _rows(page).first.click()
            page.wait_for_selector("#article mark.trigger")
            sentence = page.locator("#mentions .mention-sentence").first.inner_text()
            assert sentence and sentence in page.inner_text("#article")
    assert not page.errors and not page.outside


def test_web_hostile_fixture_is_what_the_store_holds(tmp_path):
    # Guard for the test above: the hostile strings really reach the store unescaped.
    db = build_store(tmp_path / "h.duckdb", [_hostile_article(), coded(A4)])
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        assert store.article("hostile")["title"] == "<img src=x onerror=alert(1)>"
        assert store.events()["events"][0]["source_name"] == HOSTILE + " gunmen"
