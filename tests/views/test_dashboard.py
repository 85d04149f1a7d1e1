from kg.views.dashboard import DashboardFilters, list_filter_choices, summarize_dashboard
from kg.views.facts import collect_facts
from kg.views.synthetic import make_synthetic_graph


def test_unfiltered_kpis(small_graph):
    s = summarize_dashboard(collect_facts(small_graph))
    assert s.kpis == {"documents": 2, "units": 2, "activities": 3, "metrics": 3, "slogans": 2, "masked": 1}
    assert {r["category"]: r["count"] for r in s.by_category} == {"读书班": 1, "专题研讨": 1, "集中学习": 1}


def test_unit_filter_narrows_every_table(small_graph):
    s = summarize_dashboard(collect_facts(small_graph), DashboardFilters(units=("市妇联",)))
    assert s.kpis["activities"] == 2 and s.kpis["units"] == 1 and s.kpis["masked"] == 1
    assert [r["slogan"] for r in s.top_slogans] == ["四个意识"]
    assert {r["org"] for r in s.unit_category} == {"市妇联"}
    assert [r["org"] for r in s.top_units_by_metrics] == ["市妇联"]
    assert s.top_units_by_metrics[0] == {"org": "市妇联", "metrics": 2, "masked": 1, "stated": 1}


def test_category_and_year_filters(small_graph):
    facts = collect_facts(small_graph)
    s = summarize_dashboard(facts, DashboardFilters(categories=("集中学习",)))
    assert s.kpis["documents"] == 1 and s.kpis["activities"] == 1 and s.kpis["metrics"] == 1
    s = summarize_dashboard(facts, DashboardFilters(years=("未注明",)))
    assert s.kpis["documents"] == 1
    assert s.docs_by_genre_year == [{"genre": "党课", "year": "未注明", "count": 1}]


def test_filter_choices(small_graph):
    choices = list_filter_choices(collect_facts(small_graph))
    assert choices["units"][0] == "市委党校"  # named in both documents
    assert choices["years"] == ["2023", "未注明"]
    assert choices["genres"] == ["党课", "汇报"]


def test_top_n_caps_ranked_tables():
    s = summarize_dashboard(collect_facts(make_synthetic_graph(400)), top_n=5)
    assert len(s.top_slogans) <= 5 and len(s.top_units_by_metrics) == 5
    assert len({r["org"] for r in s.unit_category}) == 5
    assert s.kpis["documents"] == 400


def test_ties_are_ranked_by_name_whatever_order_the_facts_come_in():
    from kg.views.facts import Facts

    docs = [{"doc_id": "a", "genre": "汇报", "year": 2023}]
    acts = [{"org": org, "category": cat, "doc_id": "a"} for org, cat in
            (("市委", "党课"), ("市妇联", "读书班"), ("县委", "党课"), ("区委", "读书班"))]
    first = summarize_dashboard(Facts(documents=docs, activities=acts), top_n=3)
    again = summarize_dashboard(Facts(documents=docs, activities=acts[::-1]), top_n=3)
    assert first.by_category == again.by_category == [{"category": "党课", "count": 2}, {"category": "读书班", "count": 2}]
    assert first.unit_category == again.unit_category
    assert {r["org"] for r in first.unit_category} == {"区委", "县委", "市妇联"}
