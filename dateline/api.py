"""The REST API and the web explorer, over one event store.

Read endpoints share the store's queries (``dateline.queries``) and the CLI's
filters. ``POST /articles`` codes new articles with the pipeline and writes
them; it needs the token. Every error has one JSON shape:
``{"ok": false, "error": "...", "status": 400}``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import asynccontextmanager
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .errors import DatelineError
from .ingest import article_id as make_article_id
from .ingest import find_dateline
from .model import Article
from .queries import MAX_LIMIT, EventFilter, FilterError
from .serving import Served
from .store import Store
from .version import __version__

log = logging.getLogger(__name__)

TOKEN_ENV = "DATELINE_TOKEN"
SERVE_ENV = "DATELINE_SERVE_OPTIONS"  # create_app's arguments as JSON, for worker processes
MAX_POST_ARTICLES = 500
INT64 = 2**63 - 1
# The explorer loads only from this server: no CDN, no map tiles, no inline script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class ArticleIn(BaseModel):
    """An article to code: the same fields as a JSONL input line."""

    id: str | None = Field(None, max_length=500, description="Stable id; a content hash if absent.")
    text: str = Field(min_length=1, description="The article text.")
    date: dt.date = Field(description="Publication date, YYYY-MM-DD.")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="The outlet that published it.")


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_POST_ARTICLES)


def create_app(db_path: str | Path, *, token: str | None = None, public: bool = True,
               read_only: bool = False, resources: Any = None, cache_size: int = 256,
               index: bool = True) -> FastAPI:
    """The API and explorer over the store at ``db_path``.

    ``token`` (default: the DATELINE_TOKEN environment variable) guards ``POST /articles``,
    and every endpoint when ``public`` is false. ``resources`` are the pipeline's, loaded on
    the first POST if not given. The last ``cache_size`` read answers are kept until the
    store changes (0: no cache). ``index`` answers `/events` from an in-memory index
    (``dateline.serving``) instead of querying the store each time.
    """
    token = token or os.environ.get(TOKEN_ENV) or None
    store = Store(db_path, read_only=read_only)
    coder = _Coder(store, resources)
    cache = _Cache(cache_size)
    served = Served(store) if index else None
    if served:
        served.get()  # build it now rather than on the first request

    def answer(request: Request, compute: Callable[[], Any]) -> Response:
        # The store is locked to this process, so its write count says whether an answer is current.
        key = (store.writes, request.url.path, tuple(sorted(request.query_params.multi_items())))
        body = cache.get(key)
        if body is None:
            body = json.dumps(compute(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            cache.put(key, body)
        return Response(body, media_type="application/json")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    # No /docs or /redoc: their pages load scripts from a CDN, and the server must work offline.
    app = FastAPI(title="dateline", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Deduplicated, geolocated PLOVER/CAMEO events coded from news articles.")
    app.state.store = store
    _add_error_handlers(app)

    app.add_middleware(_SecurityHeaders)

    # Dependencies are coroutines: FastAPI would run plain functions in a worker thread.
    async def require_token(request: Request) -> None:
        _check_token(request, token, purpose="write")

    async def reader(request: Request) -> None:
        if not public:
            _check_token(request, token, purpose="read")

    api = [Depends(reader)]

    @app.get("/events", dependencies=api, summary="Events, filtered, sorted and paged",
             openapi_extra=_documented(FILTERS, PAGING))
    async def list_events(request: Request, where: Annotated[EventFilter, Depends(event_filter)]):
        params = request.query_params
        limit = _integer(params, "limit", 0, MAX_LIMIT, 50)
        offset = _integer(params, "offset", 0, INT64, 0)
        sort = params.get("sort") or "-date"
        if served is None:
            return await run_in_threadpool(
                answer, request, lambda: store.events(where, limit=limit, offset=offset, sort=sort))
        # The index answers in milliseconds: on the event loop, without a thread hop.
        return answer(request, lambda: served.get().events(where, limit=limit, offset=offset, sort=sort))

    @app.get("/events/{event_id}", dependencies=api, summary="One event with its mentions and sentences")
    def get_event(event_id: Annotated[int, PathParam(ge=1, le=INT64)]):
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return JSONResponse(found)

    @app.get("/articles/{article_id}", dependencies=api, summary="An article's text with every layer")
    def get_article(article_id: Annotated[str, PathParam(max_length=500)]):
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(found)

    @app.get("/actors", dependencies=api, openapi_extra=_documented(FILTERS),
             summary="Actors by number of events")
    def list_actors(request: Request, where: Annotated[EventFilter, Depends(event_filter)],
                    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100):
        return answer(request, lambda: {"actors": store.actors(where, limit)})

    @app.get("/places", dependencies=api, openapi_extra=_documented(FILTERS),
             summary="Located events grouped by place, per quad class")
    def list_places(request: Request, where: Annotated[EventFilter, Depends(event_filter)],
                    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT * 10)] = 2000):
        return answer(request, lambda: {"places": store.places(where, limit)})

    @app.get("/network", dependencies=api, openapi_extra=_documented(FILTERS),
             summary="Who acts on whom: weighted source -> target edges")
    def get_network(request: Request, where: Annotated[EventFilter, Depends(event_filter)],
                    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 60):
        return answer(request, lambda: store.network(where, limit))

    @app.get("/stats", dependencies=api, openapi_extra=_documented(FILTERS),
             summary="Counts by day, event type and quad class")
    def get_stats(request: Request, where: Annotated[EventFilter, Depends(event_filter)]):
        return answer(request, lambda: store.stats(where))

    @app.post("/articles", dependencies=[Depends(require_token)], summary="Code and store new articles")
    def post_articles(batch: ArticlesIn):
        if read_only:
            raise HTTPException(403, "the store is open read-only; restart the server without --read-only")
        return JSONResponse(coder.code(batch.articles))

    web = _web_dir()

    @app.get("/", include_in_schema=False)
    def explorer():
        return FileResponse(web / "index.html")

    app.mount("/web", StaticFiles(directory=web), name="web")
    return app


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (``dateline serve --workers``): settings from the environment."""
    return create_app(**json.loads(os.environ[SERVE_ENV]))


# The filters every read endpoint takes: (OpenAPI schema, description).
FILTERS = {
    "since": ({"type": "string", "format": "date"}, "Events on or after this day (YYYY-MM-DD)."),
    "until": ({"type": "string", "format": "date"}, "Events on or before this day (YYYY-MM-DD)."),
    "country": ({"type": "string"}, "ISO codes or names, comma-separated: source, target or place country."),
    "actor": ({"type": "string"}, "An actor code (EGYGOV) or part of an actor's name."),
    "event_type": ({"type": "string"}, "PLOVER event types or STATEMENT (CAMEO 01), comma-separated."),
    "quad_class": ({"type": "string"}, "Quad classes 1-4, comma-separated."),
    "place": ({"type": "string"}, "A GeoNames id or part of a place name."),
    "bbox": ({"type": "string"}, "min_lon,min_lat,max_lon,max_lat in degrees."),
    "q": ({"type": "string", "maxLength": 200}, "Text in a sentence, an actor or a place name."),
    "min_sources": ({"type": "integer", "minimum": 1}, "Reported by at least this many outlets."),
    "include_flagged": ({"type": "boolean", "default": False}, "Also negated and hypothetical events."),
}
PAGING = {
    "limit": ({"type": "integer", "minimum": 0, "maximum": MAX_LIMIT, "default": 50}, "Events per page."),
    "offset": ({"type": "integer", "minimum": 0, "default": 0}, "Events to skip."),
    "sort": ({"type": "string", "default": "-date"},
             ("date, confidence, num_sources, num_mentions, num_articles, intensity or event_id; "
              "prefix - for descending.")),
}


def _documented(*groups: dict) -> dict:
    """OpenAPI parameters for filters read from the query string by hand."""
    return {"parameters": [{"name": name, "in": "query", "required": False, "schema": schema,
                            "description": text} for group in groups for name, (schema, text) in group.items()]}


async def event_filter(request: Request) -> EventFilter:
    """The shared filters of every read endpoint, read straight from the query string.

    Parsed here rather than declared one by one: FastAPI's per-parameter validation
    costs more than answering the query from the index.
    """
    params = request.query_params
    text = params.get("q")
    if text is not None and len(text) > 200:
        raise FilterError(f"q must be at most 200 characters, got {len(text)}")
    return EventFilter.parse(
        since=params.get("since"), until=params.get("until"), country=params.get("country"),
        actor=params.get("actor"), event_type=params.get("event_type"), quad_class=params.get("quad_class"),
        place=params.get("place"), bbox=params.get("bbox"), q=text,
        min_sources=_integer(params, "min_sources", 1, 1_000_000),
        include_flagged=_boolean(params, "include_flagged"))


def _integer(params, name: str, low: int, high: int, default: int | None = None) -> int | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise FilterError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _boolean(params, name: str) -> bool:
    raw = (params.get(name) or "").lower()
    if raw in ("", "false", "0", "no", "off"):
        return False
    if raw in ("true", "1", "yes", "on"):
        return True
    raise FilterError(f"{name} must be true or false, got {params.get(name)!r}")


class _Cache:
    """The last ``size`` answers, least recently used out first."""

    def __init__(self, size: int):
        self.size = size
        self._answers: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            body = self._answers.get(key)
            if body is not None:
                self._answers.move_to_end(key)
            return body

    def put(self, key: tuple, body: bytes) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._answers[key] = body
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


class _Coder:
    """Codes posted articles with the pipeline, one request at a time, and stores them."""

    def __init__(self, store: Store, resources: Any):
        self.store = store
        self.resources = resources
        self._lock = threading.Lock()

    def code(self, items: list[ArticleIn]) -> dict[str, Any]:
        from .pipeline import code_articles
        from .resources import Resources

        with self._lock:
            res = self.resources = self.resources or Resources.load()
            articles = list({a.id: a for a in map(self._article, items)}.values())
            too_long = [a for a in articles if len(a.text) > res.settings.max_article_chars]
            if too_long:
                raise HTTPException(413, f"article {too_long[0].id!r} is {len(too_long[0].text):,} characters, "
                                         f"over the limit of {res.settings.max_article_chars:,}")
            todo = self.store.filter_new(articles)
            run = self.store.start_run(res.settings.to_dict(), ["POST /articles"])
            coded = list(code_articles(todo, res))
            self.store.write(coded, [], run)
            summary = {"articles_read": len(articles), "articles_coded": len(coded),
                       "articles_skipped": len(articles) - len(todo),
                       "events_coded": sum(len(c.events) for c in coded)}
            self.store.finish_run(run, summary)
        return {"ok": True, "run_id": run, **summary,
                "articles": [{"id": c.article.id, "events": len(c.events), "errors": list(c.errors)}
                             for c in coded]}

    @staticmethod
    def _article(item: ArticleIn) -> Article:
        span = find_dateline(item.text)
        return Article(id=item.id or make_article_id(item.text, item.date), text=item.text, date=item.date,
                       title=item.title, url=item.url, source=item.source, origin="POST /articles",
                       dateline_start=span[0] if span else None, dateline_end=span[1] if span else None)


def _check_token(request: Request, token: str | None, purpose: str) -> None:
    if token is None:
        raise HTTPException(403, f"{purpose} access needs a token, and this server has none: "
                                 f"start it with --token or set {TOKEN_ENV}")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "send the token as 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "wrong token")


class _SecurityHeaders:
    """Adds the content security policy to every response (plain ASGI: no per-request task)."""

    HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"))

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /openapi.json for the endpoints"
        return _error(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _error(400, "; ".join(problems) or "bad request")

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError):
        return _error(400, str(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError):
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return _error(500, f"internal error ({type(exc).__name__}); see the server log")


def _web_dir() -> Path:
    return Path(str(importlib_resources.files("dateline") / "web"))
