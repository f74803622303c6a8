"""Articles in, coded articles out: parse in batches, then run the stages in order.

Each stage is a function ``(doc, coded, resources) -> coded`` that reads the Doc
and the layers filled by earlier stages and returns the record with its own
layer added. No stage calls another stage or touches the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .model import Article, CodedArticle
from .nlp import parse
from .resources import Resources
from .stages.actors import find_actors
from .stages.dates import resolve_dates
from .stages.events import code_events
from .stages.places import find_places

log = logging.getLogger(__name__)

Stage = Callable[[Doc, CodedArticle, Resources], CodedArticle]

# (name, function, layers it reads, layer it fills), in the order they run.
STAGES: tuple[tuple[str, Stage, tuple[str, ...], str], ...] = (
    ("actors", find_actors, (), "actors"),
    ("places", find_places, ("actors",), "places"),
    ("dates", resolve_dates, (), "times"),
    ("events", code_events, ("actors", "places", "times"), "events"),
)


def code_articles(articles: Iterable[Article], resources: Resources | None = None,
                  until: str = "events") -> Iterator[CodedArticle]:
    """Code a stream of articles, parsing them in batches; yields in input order.

    ``until`` names the last stage to run (``"places"`` for a geoparser), so a caller that
    needs only the early layers does not pay for the rest.
    """
    res = resources or Resources.load()
    stages = stages_until(until)
    pairs = ((article.text, article) for article in articles)
    for doc, article in parse(res.nlp, pairs, batch_size=res.settings.batch_size):
        yield code_doc(doc, article, res, stages)


def stages_until(last: str) -> tuple:
    """The stages up to and including ``last``, in running order."""
    names = [name for name, *_ in STAGES]
    if last not in names:
        raise ValueError(f"unknown stage {last!r}; stages are {', '.join(names)}")
    return STAGES[: names.index(last) + 1]


def code_doc(doc: Doc, article: Article, res: Resources, stages: tuple = STAGES) -> CodedArticle:
    """Run the stages over one parsed article; a failing stage is recorded, not raised."""
    coded = CodedArticle(article)
    for name, stage, _reads, _fills in stages:
        try:
            coded = stage(doc, coded, res)
        except Exception as exc:  # one bad article must not stop a batch
            log.exception("stage %s failed on article %s (%s)", name, article.id, article.origin)
            coded = coded.replace(errors=coded.errors + (f"{name}: {type(exc).__name__}: {exc}",))
    return coded
