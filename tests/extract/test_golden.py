"""Whole-document extraction output on data/samples against the reviewed golden file,
and the SCHEMA §6 contract every record keeps."""
from __future__ import annotations

import pytest

from kg.document import GENRES
from kg.extract.pipeline import record_fields
from kg.ingest import read_documents

from .golden import GOLDEN, SAMPLES, current_records, read_golden

ITEM_KEYS = {
    "organizations": {"name", "aliases", "kind"},
    "activities": {"name", "category", "status", "org", "partners", "materials"},
    "metrics": {"value", "unit", "approx", "masked", "subject"},
    "slogans": {"canonical", "quoted"},
    "materials": {"name"},
}
CATEGORIES = {
    "集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育", "主题党日",
    "参观见学", "比赛评选", "联学共建", "为民服务", "组织生活", "线上学习", "读书分享", "其他",
}


@pytest.fixture(scope="module")
def records():
    return current_records()


@pytest.fixture(scope="module")
def texts():
    return {d.doc_id: d.text for d in read_documents([SAMPLES])}


def test_output_equals_the_reviewed_golden_file(records):
    assert GOLDEN.exists(), "no golden file: run .venv/bin/python -m tests.extract.golden and review it"
    golden = {r["doc_id"]: r for r in read_golden()}
    assert sorted(golden) == [r["doc_id"] for r in records]
    for record in records:
        want = golden[record["doc_id"]]
        for field in record_fields:
            assert record[field] == want[field], (
                f"{record['doc_id']}: {field} changed; if intended, regenerate with "
                "`.venv/bin/python -m tests.extract.golden` and review the diff")


def test_records_keep_the_schema_contract(records):
    for record in records:
        assert list(record) == list(record_fields)
        assert record["genre"] in GENRES
        for field, keys in ITEM_KEYS.items():
            for item in record[field]:
                assert keys <= set(item), (record["doc_id"], field, item)
        for activity in record["activities"]:
            assert activity["category"] in CATEGORIES
            assert activity["status"] in {"done", "planned", "urged"}
        for metric in record["metrics"]:
            assert (metric["value"] is None) == metric["masked"]


def test_every_item_slices_back_to_its_evidence(records, texts):
    n = 0
    for record in records:
        text = texts[record["doc_id"]]
        items = [item for field in ITEM_KEYS for item in record[field]]
        if record["reporting_org_evidence"]:
            items.append(record["reporting_org_evidence"])
        for item in items:
            assert text[item["start"]:item["end"]] == item["evidence"], (record["doc_id"], item)
            n += 1
    assert n > 300  # the sample corpus is rich: a collapse of extraction shows here
