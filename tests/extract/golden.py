"""The reviewed whole-document output of ``extract`` on data/samples.

The golden file changes only by this explicit command, after a reviewer has
read the diff it makes::

    .venv/bin/python -m tests.extract.golden

``tests/extract/test_golden.py`` fails on any difference, so a rule change
that moves a fact in the sample corpus is seen and reviewed, not slipped in.
"""
from __future__ import annotations

from pathlib import Path

import orjson

__all__ = ["GOLDEN", "SAMPLES", "current_records", "read_golden", "write_golden"]

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
GOLDEN = REPO / "tests" / "fixtures" / "golden" / "samples.jsonl"


def current_records() -> list[dict]:
    """Extract every sample document; ``source`` relative to the repo so the file is portable."""
    from kg.extract import extract_document
    from kg.ingest import read_documents

    records = []
    for doc in read_documents([SAMPLES]):
        if isinstance(doc, Exception):
            raise doc
        record = extract_document(doc)
        record["source"] = Path(record["source"]).resolve().relative_to(REPO).as_posix()
        records.append(record)
    return sorted(records, key=lambda r: r["doc_id"])


def read_golden() -> list[dict]:
    return [orjson.loads(line) for line in GOLDEN.read_bytes().splitlines() if line.strip()]


def write_golden(records: list[dict]) -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_bytes(b"".join(orjson.dumps(r, option=orjson.OPT_SORT_KEYS) + b"\n" for r in records))


if __name__ == "__main__":
    records = current_records()
    write_golden(records)
    print(f"wrote {len(records)} records to {GOLDEN.relative_to(REPO)}; review the diff before committing")
