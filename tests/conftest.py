"""Shared fixtures: the real spaCy model and resources, loaded once per test session."""

from __future__ import annotations

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
