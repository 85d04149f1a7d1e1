"""The pipeline: extractors in order, and one extractor's failure contained."""
from __future__ import annotations

import logging

import pytest

from kg.document import Document
from kg.extract import Pipeline, extract
from kg.extract.base import register
from kg.extract.pipeline import DEFAULT_EXTRACTORS, record_fields
from kg.ingest.normalize import normalize_text

_TEXT = "市统计局开展集中学习12次，深刻领悟“两个确立”。"


@register("test_raises")
def _raises(ctx):
    raise AttributeError("'NoneType' object has no attribute 'name'")


def _doc(text: str = _TEXT) -> Document:
    return Document(doc_id="d#1", title="", text=text, norm=normalize_text(text), source="x/d.txt")


def test_record_has_every_field_and_no_errors():
    record = extract(_TEXT)
    assert list(record) == list(record_fields)
    assert record["extraction_errors"] == []


@pytest.mark.parametrize("position", range(len(DEFAULT_EXTRACTORS) + 1))
def test_a_raising_extractor_costs_only_its_own_field(position, caplog):
    order = list(DEFAULT_EXTRACTORS)
    order.insert(position, "test_raises")
    with caplog.at_level(logging.WARNING, logger="kg.extract.pipeline"):
        record = Pipeline(extractors=tuple(order)).extract_document(_doc())
    assert record["extraction_errors"] == [
        {"extractor": "test_raises", "error": "AttributeError: 'NoneType' object has no attribute 'name'"}]
    assert record["reporting_org"] == "市统计局"
    assert [m["value"] for m in record["metrics"]] == [12]
    assert [s["canonical"] for s in record["slogans"]] == ["两个确立"]
    assert {a["category"] for a in record["activities"]} == {"集中学习"}
    assert "x/d.txt" in caplog.text and "d#1" in caplog.text and "test_raises" in caplog.text


def test_the_extractors_after_a_failed_one_see_an_empty_list():
    seen = []

    @register("test_reads_found")
    def reads(ctx):
        seen.append(dict(ctx.found))
        return []

    record = Pipeline(extractors=("test_raises", "metrics", "test_reads_found")).extract_document(_doc())
    assert seen[0]["test_raises"] == [] and len(seen[0]["metrics"]) == 1
    assert record["organizations"] == [] and len(record["metrics"]) == 1
