"""The extractor's quality on the shared dev gold, scored by the shared scorer.

Fails below the targets of issue 3 so a change that loses quality cannot land
unnoticed. Skips when ../shared is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from kg.extract import extract_document
from kg.ingest import read_documents

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
    pred = tmp_path_factory.mktemp("score") / "pred.jsonl"
    with open(pred, "wb") as fh:
        for doc in read_documents([shared_dir / "corpus"]):
            assert not isinstance(doc, Exception), doc
            fh.write(orjson.dumps(extract_document(doc)) + b"\n")
    out = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "gold" / "dev.jsonl"), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def test_every_file_split_exactly(dev_scores):
    assert dev_scores["split_exact_files"] == dev_scores["files"]
    assert dev_scores["documents_matched"] == dev_scores["documents_gold"]


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_field_meets_target(dev_scores, field):
    value = dev_scores[field] if field == "reporting_org_accuracy" else dev_scores[field]["f1"]
    assert value >= TARGETS[field], f"{field}: {value:.3f} < target {TARGETS[field]}"
