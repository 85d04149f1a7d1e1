"""Every canned query and every question answers the same on Neo4j 5 as on the embedded engine.

The graph is loaded into a real Neo4j (the one the suite starts, or
NEO4J_URI's — its database is WIPED) with the loader, and into ladybug as
the app does; each query runs on both with the same parameters. Graphs:

- the hand-made fixture graph (tests/fixtures/graph/small_graph.py), every
  query with the parameters tests/query/test_canned.py checks by hand;
- data/samples built by the pipeline, every query with every value the app
  offers for each parameter that has choices (one parameter varied at a
  time, the others at the app's default), plus a few typed values for the
  free ones (``top``, ``subject``) — except a parameter offering more than
  :data:`MANY` values (the units: 42), which gets its first values in the
  app's order and a seeded sample of the rest;
- ../shared/corpus when present, a seeded sample of those values;
- the whole question test set (tests/query/questions.py on the fixture
  graph, the question forms of test_on_corpus.py on the sample graph).

The normalisation (docs/queries.md, "Same answers on both stores"): rows are
compared in order when the query has an ORDER BY (every canned query's
ORDER BY is total, so ties cannot reorder rows) and as a sorted multiset
when it has none; lists inside a row (``collect``) are compared sorted,
since neither engine defines their order; numbers compare by value
(``2 == 2.0``; ladybug's integer ``sum`` arrives as a Decimal and is made
plain by :func:`kg.query.engines.plain_value`). Nothing else is folded:
nulls, empty lists, strings and booleans must be identical.
"""
from __future__ import annotations

import random
import re

import pytest

from kg.query.ask import Asker
from kg.query.catalog import load_catalog, param_choices, run_canned
from kg.query.ladybug_engine import get_ladybug_engine
from kg.query.parse import strip_literals

from .required import REQUIRED

CATALOG = load_catalog()
# Values a user may type into the free parameters, besides the defaults.
TYPED = {"top": [1, 3], "subject": ["学习", "不存在的对象"]}
# More choices than this: the first MANY // 2 (the app lists the most active units first) and a
# seeded sample of the others. Every unit of the samples was half of this file's Neo4j time.
MANY = 12
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.I)


def _sorted_list(value):
    return sorted(value, key=lambda v: (str(type(v)), str(v)))


def normalise(query_text: str, rows: list[list]) -> list[list]:
    """Rows as the two engines must agree on them (see the module docstring)."""
    out = [[_sorted_list(v) if isinstance(v, list) else v for v in row] for row in rows]
    if not _ORDER_BY.search(strip_literals(query_text)):
        out.sort(key=lambda row: [(str(type(v)), str(v)) for v in row])
    return out


def compare(query, params, embedded, server, rows: bool = False):
    """None when both engines gave the same answer, else a short description of the first difference;
    with ``rows``, also the number of rows Neo4j gave."""
    e, _ = run_canned(query, embedded, params)
    s, _ = run_canned(query, server, params)
    problem = None
    if s.columns != e.columns:
        problem = f"{query.id} {params}: columns {s.columns} on Neo4j, {e.columns} embedded"
    else:
        left, right = normalise(query.cypher, s.rows), normalise(query.cypher, e.rows)
        if left != right:
            diff = next((i for i, (a, b) in enumerate(zip(left, right)) if a != b), min(len(left), len(right)))
            problem = (f"{query.id} {params}: {len(left)} rows on Neo4j, {len(right)} embedded; first difference at "
                       f"row {diff}: {left[diff] if diff < len(left) else None!r} vs "
                       f"{right[diff] if diff < len(right) else None!r}")
    return (problem, len(s.rows)) if rows else problem


def offered_values(query, graph, defaults: dict, many: int | None = None) -> list[dict]:
    """Every parameter set the app offers for ``query`` on ``graph``: for each parameter, each of its
    choices (and the empty 'all' choice of an optional one) or typed values, the others at their default.
    With ``many``, a parameter offering more choices gets ``many`` of them (see :data:`MANY`)."""
    base = {p.name: [defaults[p.name]] if p.type == "list" else defaults[p.name] for p in query.params if p.required}
    sets = [dict(base)]
    for p in query.params:
        if isinstance(p.choices, tuple):
            values = list(p.choices)
        elif p.choices:
            values = param_choices(graph, p.choices)
        else:
            values = TYPED.get(p.name, [])
        if many and len(values) > many:
            head = many // 2
            values = values[:head] + random.Random(f"{query.id}:{p.name}").sample(values[head:], many - head)
        if p.type == "list":  # a multi-select: each value alone, the first two together, and none (all)
            values = [[v] for v in values] + ([values[:2]] if len(values) > 1 else []) + ([] if p.required else [[]])
        elif not p.required and p.choices and p.default in ("", 0):
            values = [p.default, *values]  # the empty 'all' choice of an optional filter
        sets += [{**base, p.name: v} for v in values]
    unique = []
    for s in sets:
        if s not in unique:
            unique.append(s)
    return unique


def most_active_unit(graph) -> str:
    """The app's default unit: the one with most activities (app_pages/queries.py sorts them first)."""
    counts: dict[str, int] = {}
    for u, _, k in graph.edges(keys=True):
        if k.startswith("CONDUCTED|"):
            name = graph.nodes[u]["name"]
            counts[name] = counts.get(name, 0) + 1
    return min(counts, key=lambda n: (-counts[n], n))


def app_defaults(graph) -> dict:
    """The values the app starts a required parameter at: the most active unit, the first material offered."""
    return {"unit": most_active_unit(graph), "material": next(iter(param_choices(graph, "materials")), "")}


@pytest.fixture(scope="module")
def samples_graph(samples_dir):
    from kg.build import build_graph

    return build_graph([samples_dir])


def _engines(neo4j, graph, key):
    from kg.query.neo4j_engine import Neo4jEngine

    neo4j.load(graph, key)
    return get_ladybug_engine(graph), Neo4jEngine(neo4j.driver, neo4j.settings.database, neo4j.settings.uri)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_fixture_graph(name, neo4j, small_graph):
    embedded, server = _engines(neo4j, small_graph, "fixture")
    query = CATALOG[name]
    assert compare(query, REQUIRED.get(name, {}), embedded, server) is None
    problems = [d for params in offered_values(query, small_graph, REQUIRED.get(name, {}))
                if (d := compare(query, params, embedded, server))]
    assert problems == []


@pytest.fixture(scope="module")
def sample_runs(neo4j, samples_graph) -> dict[str, list[tuple[dict, str | None, int]]]:
    """Each query's offered parameter sets on the sample graph, run once on both engines:
    (parameters, the first difference or None, rows on Neo4j)."""
    embedded, server = _engines(neo4j, samples_graph, "samples")
    runs = {}
    for name, query in CATALOG.items():
        runs[name] = []
        for params in offered_values(query, samples_graph, app_defaults(samples_graph), many=MANY):
            problem, rows = compare(query, params, embedded, server, rows=True)
            runs[name].append((params, problem, rows))
    return runs


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_sample_graph_every_offered_value(name, sample_runs):
    query = CATALOG[name]
    problems = [problem for _, problem, _ in sample_runs[name] if problem]
    assert problems == []
    assert len(sample_runs[name]) >= 1 + sum(1 for p in query.params if p.choices and p.choices != "titles")


def test_sample_graph_answers_are_not_all_empty(sample_runs):
    """Parity of empty answers would prove nothing: most runs return rows."""
    sizes = {name: [rows for _, _, rows in runs] for name, runs in sample_runs.items()}
    answered = sum(1 for runs in sizes.values() for n in runs if n)
    assert answered > 0.5 * sum(map(len, sizes.values()))  # many units report no activity of their own
    # the sample reports are unit reports: no national indicator (国内生产总值增长) to line up by year
    assert [name for name, runs in sizes.items() if not any(runs)] in ([], ["indicator_by_year"])


def test_many_choices_are_sampled_the_first_in_the_apps_order(samples_graph):
    query = CATALOG["activities_by_unit"]
    units = param_choices(samples_graph, "units")
    assert len(units) > MANY
    default = app_defaults(samples_graph)["unit"]
    chosen = [s["unit"] for s in offered_values(query, samples_graph, app_defaults(samples_graph), many=MANY)]
    alone = {c[0] for c in chosen if len(c) == 1}
    assert set(units[:MANY // 2]) <= alone <= set(units) | {default}
    assert MANY <= len(alone | {default}) <= MANY + 1  # the default may be one of the chosen
    assert units[:2] in chosen  # a multi-select of two
    assert chosen == [s["unit"] for s in offered_values(query, samples_graph, app_defaults(samples_graph), many=MANY)]


@pytest.fixture(scope="module")
def corpus_graph(shared_dir):
    from kg.build import build_graph

    return build_graph([shared_dir / "corpus"])


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(CATALOG))
def test_seed_corpus_a_sample_of_offered_values(name, neo4j, corpus_graph):
    embedded, server = _engines(neo4j, corpus_graph, "corpus")
    query = CATALOG[name]
    sets = offered_values(query, corpus_graph, app_defaults(corpus_graph))
    sample = sets[:1] + random.Random(name).sample(sets[1:], min(8, len(sets) - 1))
    problems = [d for params in sample if (d := compare(query, params, embedded, server))]
    assert problems == []


def _answers(asker, question):
    a = asker.ask(question)
    return a.query_id, a.params, a.fallback, a.result.columns, normalise(a.cypher or "", a.result.rows), a.summary


def test_question_set_on_the_fixture_graph(neo4j, small_graph):
    from tests.query.questions import QUESTIONS

    embedded, server = _engines(neo4j, small_graph, "fixture")
    on_server, on_embedded = Asker(server), Asker(embedded)
    assert on_server.vocabulary == on_embedded.vocabulary
    questions = [q for q, _, _ in QUESTIONS] + ["哪些单位开展了演讲比赛？", "今天天气怎么样？", "市妇联怎么说的呢呢呢"]
    served = {q: _answers(on_server, q) for q in questions}  # asked once: each is a round of Neo4j queries
    different = [q for q in questions if served[q] != _answers(on_embedded, q)]
    assert different == []
    assert {served[q][0] for q, _, _ in QUESTIONS} == {query for _, query, _ in QUESTIONS}


def test_question_forms_on_the_sample_graph(neo4j, samples_graph):
    embedded, server = _engines(neo4j, samples_graph, "samples")
    on_server, on_embedded = Asker(server), Asker(embedded)
    assert on_server.vocabulary == on_embedded.vocabulary
    unit = most_active_unit(samples_graph)
    category = param_choices(samples_graph, "categories")[0]
    slogan = param_choices(samples_graph, "slogans")[0]
    material = param_choices(samples_graph, "materials")[0]
    questions = [f"哪些单位开展了{category}？", f"{unit}开展了哪些活动？", f"{unit}的概况", f"哪些单位提到“{slogan}”？",
                 f"哪些单位学习了{material}？",
                 "最常见的提法有哪些？", f"和{unit}相似的单位", "有哪些文档？", f"{unit}报告了什么数据？",
                 "哪些提法经常一起出现", "各单位开展活动的分布", "大家都学了哪些材料", "哪些单位有脱敏数据？"]
    different = [q for q in questions if _answers(on_server, q) != _answers(on_embedded, q)]
    assert different == []


def test_normalise_sorts_lists_and_unordered_rows_only():
    assert normalise("MATCH (n) RETURN n.a", [[2, ["b", "a"]], [1, []]]) == [[1, []], [2, ["a", "b"]]]
    assert normalise("MATCH (n) RETURN n.a ORDER BY n.a DESC", [[2], [1]]) == [[2], [1]]
    assert normalise("MATCH (n) RETURN n.a // ORDER BY n.a", [[2], [1]]) == [[1], [2]]


def test_the_programs_own_queries_read_as_columns_alike(neo4j, small_graph):
    embedded, server = _engines(neo4j, small_graph, "fixture")
    cypher = "MATCH (o:Organization) RETURN o.name AS name, size(o.doc_ids) AS n ORDER BY name"
    assert server.run_columns(cypher) == embedded.run_columns(cypher)
