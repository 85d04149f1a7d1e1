"""Fixtures shared by the whole suite."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (read-only corpus, gold, scorer); skips the test when absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is not beside the repo ({SHARED}); shared-corpus tests skipped")
    return SHARED
