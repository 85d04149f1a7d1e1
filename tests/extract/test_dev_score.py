"""The extractor's quality on the shared dev gold, scored by the shared scorer.

Fails below the targets of issue 3 so a change that loses quality cannot land
unnoticed. Skips when ../shared is absent.
"""
from __future__ import annotations

import pytest

from tests.extract.shared_score import field_value, score_shared

TARGETS = {
    "reporting_org_accuracy": 0.90,
    "organizations": 0.85,
    "slogans": 0.90,
    "metrics": 0.92,
    "metrics+subject": 0.80,
    "activity_types": 0.90,
}


@pytest.fixture(scope="module")
def dev_scores(shared_dir, tmp_path_factory):
    return score_shared(shared_dir, "corpus", "dev.jsonl", tmp_path_factory.mktemp("score"))


def test_every_file_split_exactly(dev_scores):
    assert dev_scores["split_exact_files"] == dev_scores["files"]
    assert dev_scores["documents_matched"] == dev_scores["documents_gold"]


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_field_meets_target(dev_scores, field):
    value = field_value(dev_scores, field)
    assert value >= TARGETS[field], f"{field}: {value:.3f} < target {TARGETS[field]}"
