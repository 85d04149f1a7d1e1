"""kg/views/insights.py: the counts of the 计划与时间 page and the dashboard, on the fixture graph."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.views.insights import choices_for_timelines, summarize_insights

_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "graph" / "small_graph.py"


@pytest.fixture(scope="module")
def small_graph():
    spec = importlib.util.spec_from_file_location("kg_test_small_graph_views", _FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_small_graph()


@pytest.fixture(scope="module")
def small_engine(small_graph):
    from kg.query.ladybug_engine import get_ladybug_engine

    return get_ladybug_engine(small_graph)


def test_counts_are_the_rows_the_queries_list(small_engine):
    from kg.query.catalog import run_canned

    insights = summarize_insights(small_engine)
    assert insights.counts == {"passages": 1, "problems": 3, "planned_done": 3, "planned_open": 3}
    assert insights.passage_units == 2 and insights.years == [2023, 2024]
    plans, _ = run_canned("plan_vs_report", small_engine, {"state": ["计划未见完成"]})
    assert len(plans.rows) == insights.counts["planned_open"]
    problems, _ = run_canned("problems_by_unit", small_engine, {})
    assert len(problems.rows) == insights.counts["problems"]


def test_pickers_offer_what_has_a_timeline(small_engine):
    choices = choices_for_timelines(small_engine)
    assert choices["indicators"] == ["国内生产总值增长"]
    assert choices["units"][0] == "市司法局"  # the unit with most dated facts
    assert choices["slogans"][0] == "两个确立"


def test_a_graph_without_plans_problems_or_passages_counts_zeros():
    from kg.graph.build import graph_from_records
    from kg.query.ladybug_engine import get_ladybug_engine

    engine = get_ladybug_engine(graph_from_records([({"doc_id": "a", "title": "t", "text": "甲。"}, {"doc_id": "a"})]))
    insights = summarize_insights(engine)
    assert insights.counts == {"passages": 0, "problems": 0, "planned_done": 0, "planned_open": 0}
    assert (insights.passage_units, insights.years) == (0, [])
    assert choices_for_timelines(engine) == {"units": [], "slogans": [], "indicators": []}
