"""Every canned query and the question forms on graphs built by the real pipeline:
data/samples (always) and ../shared/corpus (when present)."""
from __future__ import annotations

import pytest

from kg.query.ask import Asker
from kg.query.catalog import load_catalog, run_canned
from kg.query.ladybug_engine import get_ladybug_engine

pytestmark = pytest.mark.slow
CATALOG = load_catalog()


def most_common(engine, cypher):
    rows = engine.run(cypher).rows
    assert rows, cypher
    return rows[0][0]


def graph_params(engine):
    unit = most_common(engine, "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity) "
                               "RETURN o.name AS u, count(a) AS n ORDER BY n DESC, u LIMIT 1")
    category = most_common(engine, "MATCH (a:Activity) RETURN a.category AS c, count(*) AS n ORDER BY n DESC, c LIMIT 1")
    slogan = most_common(engine, "MATCH (o)-[:ECHOES]->(s:Slogan) RETURN s.canonical AS s, count(*) AS n "
                                 "ORDER BY n DESC, s LIMIT 1")
    material = most_common(engine, "MATCH (:Document)-[:MENTIONS]->(m:Material) RETURN m.name AS m, count(*) AS n "
                                   "ORDER BY n DESC, m LIMIT 1")
    return {"unit": unit, "category": category, "slogan": slogan, "material": material}


def graph_bound(query, values):
    """Required parameters and the filters of a category or slogan come from the graph; optional
    unit filters stay empty (the whole graph)."""
    return {p.name: values[p.name] for p in query.params
            if p.name in values and (p.required or p.name in ("category", "slogan"))}


@pytest.fixture(scope="module")
def samples_engine(samples_dir):
    from kg.build import build_graph

    return get_ladybug_engine(build_graph([samples_dir]))


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_canned_query_runs_on_the_sample_graph(samples_engine, name):
    query = CATALOG[name]
    values = graph_params(samples_engine)
    params = graph_bound(query, values)
    result, _ = run_canned(query, samples_engine, params)
    assert tuple(result.columns) == query.columns
    # the sample reports are unit reports: no national indicator (国内生产总值增长) to line up by year
    if name not in ("partnerships", "materials_studied", "masked_figures", "slogan_cooccurrence", "indicator_by_year"):
        assert result.rows, f"{name} is empty on data/samples with {params}"


def test_question_forms_on_the_sample_graph(samples_engine):
    values = graph_params(samples_engine)
    asker = Asker(samples_engine)
    for question, query in [
        (f"哪些单位开展了{values['category']}？", "find_units"),
        (f"{values['unit']}开展了哪些活动？", "find_activities"),
        (f"{values['unit']}的概况", "unit_profile"),
        (f"哪些单位提到“{values['slogan']}”？", "units_by_slogan"),
        ("最常见的提法有哪些？", "slogan_reach"),
        (f"和{values['unit']}相似的单位", "similar_units"),
        ("有哪些文档？", "find_documents"),
    ]:
        answer = asker.ask(question)
        assert (answer.query_id, answer.fallback) == (query, False), question
        assert answer.result.rows, question


@pytest.fixture(scope="module")
def corpus_engine(shared_dir):
    from kg.build import build_graph

    return get_ladybug_engine(build_graph([shared_dir / "corpus"]))


def test_three_answers_from_the_shared_corpus(corpus_engine):
    asker = Asker(corpus_engine)
    reading = asker.ask("哪些单位开展了读书班？")
    assert reading.query_id == "find_units" and len(set(reading.result.column("unit"))) >= 3
    top = asker.ask("最常见的提法有哪些？")
    assert top.query_id == "slogan_reach" and len(top.result.rows) == 10
    units = top.result.column("units")
    assert units == sorted(units, reverse=True)
    tax = asker.ask("市税务局报告了什么数据？")
    assert tax.query_id == "find_figures" and tax.params["unit"] == ["市税务局"] and tax.result.rows


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_canned_query_runs_on_the_shared_corpus(corpus_engine, name):
    query = CATALOG[name]
    values = graph_params(corpus_engine)
    result, _ = run_canned(query, corpus_engine, graph_bound(query, values))
    assert tuple(result.columns) == query.columns
    # unit reports name no national indicator; the busiest unit's reports are undated
    if name not in ("indicator_by_year", "unit_over_years"):
        assert result.rows, name
