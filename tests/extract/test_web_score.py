"""The extractor's quality on the shared web gold (120 real reports from the web),
scored by the shared scorer.

Two thresholds per field. FLOORS are what the extractor reaches today less a
small margin: falling below one is a regression and fails. TARGETS are what
issue 11 asks for; the fields still below theirs are listed in BELOW_TARGET
as strict expected failures, so the suite shows the gap, a listed field that
reaches its target fails until it leaves the list, and an unlisted field
that drops below its target fails. Skips when ../shared is absent.
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
    "activity_types": 0.88,
}
FLOORS = {
    "reporting_org_accuracy": 0.88,
    "organizations": 0.86,
    "slogans": 0.95,
    "metrics": 0.94,
    "metrics+subject": 0.89,
    "activity_types": 0.90,
}


@pytest.fixture(scope="module")
def web_scores(shared_dir, tmp_path_factory):
    return score_shared(shared_dir, "corpus-web", "web.jsonl", tmp_path_factory.mktemp("score"))


def test_every_web_document_is_found(web_scores):
    assert web_scores["documents_matched"] == web_scores["documents_gold"]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_stays_above_its_floor(web_scores, field):
    assert field_value(web_scores, field) >= FLOORS[field], f"{field}: {field_value(web_scores, field):.3f} < floor {FLOORS[field]}"


# Fields still below their target: expected failures, strict, so a field that
# reaches its target fails here until it is taken off this list.
BELOW_TARGET: set[str] = set()


@pytest.mark.parametrize("field", [
    pytest.param(f, marks=pytest.mark.xfail(strict=True, reason="below the issue 11 target")) if f in BELOW_TARGET else f
    for f in sorted(TARGETS)
])
def test_field_meets_its_target(web_scores, field):
    value = field_value(web_scores, field)
    assert value >= TARGETS[field], f"{field}: {value:.3f} < target {TARGETS[field]}"
