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


@pytest.fixture(scope="session")
def dask_cluster():
    """A real dask.distributed LocalCluster of 2 worker processes over TCP on loopback, for the session.

    Yields the :class:`kg.build.cluster.ClusterExtractor` (its ``address`` is
    the scheduler's, for ``kg build --cluster tcp://…``); skips where the
    optional distributed extra is not installed.
    """
    pytest.importorskip("distributed", reason="dask.distributed is the optional cluster extra")
    from kg.build.cluster import open_cluster

    with open_cluster("local:2", timeout=60) as extractor:
        yield extractor
