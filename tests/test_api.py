"""The REST API: reads, filters, one error shape, token-protected coding of new articles."""

from __future__ import annotations

import concurrent.futures
import os

import httpx
import pytest
from eventdata import A1, A3, ASSERTED_EVENTS, build_store
from fastapi.testclient import TestClient
from liveserver import live_server

from dateline.api import create_app
from dateline.pipeline import code_articles
from dateline.store import Store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token=TOKEN, read_only=True)) as c:
        yield c


def test_api_events_lists_filters_sorts_and_pages(client):
    body = client.get("/events").json()
    assert body["total"] == ASSERTED_EVENTS and len(body["events"]) == ASSERTED_EVENTS
    assert [e["date"] for e in body["events"]] == sorted((e["date"] for e in body["events"]), reverse=True)
    page = client.get("/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()
    assert [e["date"] for e in page["events"]] == ["2024-03-05", "2024-03-06"] and page["total"] == ASSERTED_EVENTS
    libya = client.get("/events", params={"country": "LBY", "event_type": "ASSAULT,PROTEST"}).json()
    assert {e["place_name"] for e in libya["events"]} == {"Sirte", "Tripoli"}
    boxed = client.get("/events", params={"bbox": "25,25,35,35"}).json()  # around Cairo
    assert [e["place_name"] for e in boxed["events"]] == ["Cairo"]
    found = client.get("/events", params={"q": "ceasefire"}).json()
    assert [e["event_type"] for e in found["events"]] == ["AGREE"]
    flagged = client.get("/events", params={"include_flagged": "true"}).json()
    assert flagged["total"] == ASSERTED_EVENTS + 2


def test_api_event_has_its_mentions_and_sentences(client):
    cairo = client.get("/events", params={"place": "360630"}).json()["events"][0]
    detail = client.get(f"/events/{cairo['event_id']}").json()
    assert detail["num_sources"] == 2 and len(detail["mentions"]) == 2
    for mention in detail["mentions"]:
        article = client.get(f"/articles/{mention['article_id']}").json()
        text = article["text"]
        assert text[mention["trigger_start"]:mention["trigger_end"]] == "met"
        assert mention["sentence"] in text and text[mention["place_start"]:mention["place_end"]] == "Cairo"


def test_api_article_carries_text_and_layers(client):
    article = client.get("/articles/tripoli-2").json()
    assert article["text"] == A3.text and article["title"] == "Protest in Tripoli"
    assert {m["event_type"] for m in article["mentions"]} == {"PROTEST", "MOBILIZE", "SANCTION"}
    assert [p["name"] for p in article["places"]] == ["Tripoli"]
    assert {a["code"] for a in article["actors"]} >= {"LBYCVL", "LBYGOV", "FRAGOV"}


def test_api_actors_places_network_and_stats_share_the_filters(client):
    actors = client.get("/actors").json()["actors"]
    assert actors[0]["events"] >= actors[-1]["events"]
    haftar = next(a for a in actors if a["actor"] == "LBYMIL")
    assert (haftar["as_source"], haftar["as_target"]) == (2, 1)
    places = client.get("/places", params={"quad_class": "4"}).json()["places"]
    assert {p["name"]: (p["q4"], p["events"]) for p in places} == {"Sirte": (1, 1), "Tripoli": (1, 1)}
    network = client.get("/network").json()
    edge = next(e for e in network["edges"] if (e["source"], e["target"]) == ("TURMIL", "LBYMIL"))
    assert edge["events"] == 1 and edge["q4"] == 1
    assert {"TURMIL", "LBYMIL"} <= {n["actor"] for n in network["nodes"]}
    stats = client.get("/stats", params={"since": "2024-03-06"}).json()
    assert stats["total"] == 4 and stats["first"] == "2024-03-06"
    assert {d["date"]: d["events"] for d in stats["by_day"]} == {"2024-03-06": 2, "2024-03-08": 1, "2024-03-10": 1}
    assert sum(t["events"] for t in stats["by_type"]) == sum(q["events"] for q in stats["by_quad_class"]) == 4


@pytest.mark.parametrize("url, status, words", [
    ("/events?since=2024-13-01", 400, "since must be a date"),
    ("/events?until=tomorrow", 400, "until must be a date"),
    ("/events?limit=100000", 400, "limit"),
    ("/events?limit=-1", 400, "limit"),
    ("/events?offset=-5", 400, "offset"),
    ("/events?sort=sentence", 400, "cannot sort by"),
    ("/events?sort=date;DROP TABLE events", 400, "cannot sort by"),
    ("/events?country=Utopia", 400, "unknown country"),
    ("/events?event_type=ATTACK", 400, "unknown event type"),
    ("/events?quad_class=0", 400, "quad_class must be"),
    ("/events?bbox=1,2,3", 400, "bbox must be"),
    ("/events?bbox=0,80,10,70", 400, "bbox must be"),
    ("/events?min_sources=0", 400, "min_sources"),
    ("/events?include_flagged=perhaps", 400, "include_flagged"),
    ("/events?q=" + "x" * 500, 400, "q"),
    ("/events/0", 400, "event_id"),
    ("/events/not-a-number", 400, "event_id"),
    ("/events/99999999999999999999999", 400, "event_id"),
    ("/events/424242", 404, "no event 424242"),
    ("/articles/nope", 404, "no article 'nope'"),
    ("/actors?limit=0", 400, "limit"),
    ("/no/such/endpoint", 404, "nothing at /no/such/endpoint"),
])
def test_api_bad_requests_get_one_error_shape(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == status
    assert words in body["error"]


def test_api_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/actors", "/places", "/network",
            "/stats", "/articles"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "actor", "event_type", "quad_class", "place", "bbox", "q", "limit",
            "offset", "sort"} <= params
    assert "post" in schema["paths"]["/articles"]


def test_api_posting_needs_the_token(db, tmp_path):
    body = {"articles": [{"text": "Something happened.", "date": "2024-03-01"}]}
    with TestClient(create_app(db, read_only=True)) as no_token:
        response = no_token.post("/articles", json=body)
        assert response.status_code == 403 and "DATELINE_TOKEN" in response.json()["error"]
    with TestClient(create_app(build_store(tmp_path / "w.duckdb"), token=TOKEN)) as c:
        missing = c.post("/articles", json=body)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        wrong = c.post("/articles", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403 and wrong.json() == {"ok": False, "error": "wrong token", "status": 403}
        assert c.app.state.store.counts()["articles"] == 5


def test_api_private_server_needs_the_token_for_reads_too(db):
    with TestClient(create_app(db, token=TOKEN, public=False, read_only=True)) as c:
        assert c.get("/events").status_code == 401
        assert c.get("/events", headers={"Authorization": f"Bearer {TOKEN}"}).json()["total"] == ASSERTED_EVENTS


def test_api_read_only_server_refuses_to_write(client):
    response = client.post("/articles", json={"articles": [{"text": "x", "date": "2024-01-01"}]},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "read-only" in response.json()["error"]


def test_api_posted_articles_are_validated_as_a_whole(tmp_path, resources):
    with TestClient(create_app(tmp_path / "new.duckdb", token=TOKEN, resources=resources)) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        bad = c.post("/articles", headers=auth, json={"articles": [
            {"text": "Fine.", "date": "2024-03-01"}, {"text": "No date here."}, {"text": "", "date": "2024-03-01"}]})
        assert bad.status_code == 400
        assert "articles.1.date: Field required" in bad.json()["error"] and "articles.2.text" in bad.json()["error"]
        assert c.post("/articles", headers=auth, json={"articles": []}).status_code == 400
        assert c.post("/articles", headers=auth, content=b"{not json").status_code == 400
        assert c.app.state.store.counts()["articles"] == 0


def test_api_posted_articles_are_coded_and_stored(tmp_path, resources):
    articles = [
        {"id": A1.id, "text": A1.text, "date": "2024-03-04", "title": A1.title, "url": A1.url, "source": A1.source},
        {"text": A3.text, "date": "2024-03-05", "source": A3.source},
    ]
    expected = list(code_articles([_as_article(a) for a in articles], resources))
    with TestClient(create_app(tmp_path / "new.duckdb", token=TOKEN, resources=resources)) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert c.get("/stats").json()["total"] == 0  # an answer the server now keeps, until it writes
        body = c.post("/articles", headers=auth, json={"articles": articles}).json()
        assert body["ok"] is True and body["articles_coded"] == 2 and body["articles_skipped"] == 0
        assert body["events_coded"] == sum(len(x.events) for x in expected)
        store: Store = c.app.state.store
        assert store.counts()["articles"] == 2
        assert c.get("/stats").json()["total"] == store.stats()["total"]
        assert store.counts()["mentions"] == sum(len({e.event_id for e in x.events}) for x in expected)
        stored = c.get(f"/articles/{A1.id}").json()
        assert stored["text"] == A1.text and stored["source"] == "Cairo Daily"
        # The same articles again: nothing new is coded or stored.
        again = c.post("/articles", headers=auth, json={"articles": articles}).json()
        assert (again["articles_coded"], again["articles_skipped"]) == (0, 2)
        assert store.counts()["articles"] == 2
        runs = store.cursor().execute("SELECT inputs, summary FROM runs ORDER BY run_id").fetchall()
        assert len(runs) == 2 and '"POST /articles"' in runs[0][0]


def _as_article(item):
    from dateline.api import ArticleIn, _Coder

    return _Coder._article(ArticleIn(**item))


def test_api_real_server_answers_concurrent_clients(db):
    app = create_app(db, read_only=True, cache_size=0)
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as http:
        page = http.get("/")
        assert page.status_code == 200 and "<title>dateline explorer</title>" in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert http.get("/web/explorer.js").status_code == 200
        assert http.get("/web/world.json").json()["type"] == "FeatureCollection"
        urls = ["/events", "/events?country=LBY", "/stats", "/places", "/network", "/actors",
                "/events?since=bad"] * 6
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda u: http.get(u).status_code, urls))
        assert statuses.count(400) == 6 and statuses.count(200) == len(urls) - 6


def test_api_serve_command_serves_the_store(db):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert "7 events in" in server.stderr.readline()
        deadline = time.monotonic() + 60
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/events?limit=1", timeout=5).json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        assert body["total"] == ASSERTED_EVENTS and len(body["events"]) == 1
        # No token: the store is open read-only, so the CLI can read it at the same time.
        with Store(db, read_only=True) as other:
            assert other.stats()["total"] == ASSERTED_EVENTS
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_api_serve_command_refuses_unsafe_options(db):
    from click.testing import CliRunner

    from dateline.cli import app as cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--workers", "2"], env={"DATELINE_TOKEN": "x"})
    assert result.exit_code == 2 and "needs --read-only" in result.stderr
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--private"], env={"DATELINE_TOKEN": ""})
    assert result.exit_code == 2 and "--private needs a token" in result.stderr
