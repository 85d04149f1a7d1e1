"""Score the extractor on a corpus of ../shared with the shared scorer (../shared/eval/score.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson

from kg.extract import extract_document
from kg.ingest import read_documents

__all__ = ["score_shared", "field_value"]


def score_shared(shared_dir: Path, corpus: str, gold: str, workdir: Path) -> dict:
    """The scorer's JSON summary of extracting ``shared_dir/corpus`` against ``shared_dir/gold/gold``."""
    pred = workdir / "pred.jsonl"
    with open(pred, "wb") as fh:
        for doc in read_documents([shared_dir / corpus]):
            assert not isinstance(doc, Exception), doc
            fh.write(orjson.dumps(extract_document(doc)) + b"\n")
    out = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "gold" / gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def field_value(scores: dict, field: str) -> float:
    """Reporting-unit accuracy, or a field's F1."""
    return scores[field] if field == "reporting_org_accuracy" else scores[field]["f1"]
