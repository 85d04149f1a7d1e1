"""kg/query/catalog.py: header format, parameter binding, choices, summaries."""
from __future__ import annotations

import pytest

from kg.errors import ParameterError, QueryError, UnknownQuery
from kg.query.catalog import (
    bind_params, check_query, get_query, load_catalog, param_choices, parse_query_file, render_summary, run_canned,
)
from kg.query.base import Result


def write(tmp_path, name, text):
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


def test_header_is_parsed(tmp_path):
    path = write(tmp_path, "q", (
        "// title: 测试\n// description: 说明 文字\n"
        "// param: unit string choices=units label=单位 名称\n// param: top int default=5\n"
        "// param: mode string default=a choices=a|b\n"
        "// columns: unit, n\n// chart: bar x=unit y=n\n// summary: {n} 行\n\n"
        "MATCH (o:Organization) WHERE o.name = $unit AND $mode <> '' RETURN o.name AS unit, 1 AS n LIMIT $top\n"
    ))
    q = parse_query_file(path)
    assert (q.id, q.title, q.description, q.columns) == ("q", "测试", "说明 文字", ("unit", "n"))
    assert q.chart == {"type": "bar", "x": "unit", "y": "n"}
    unit, top, mode = q.params
    assert (unit.name, unit.type, unit.required, unit.choices, unit.label) == ("unit", "string", True, "units", "单位 名称")
    assert (top.type, top.default, top.required) == ("int", 5, False)
    assert mode.choices == ("a", "b")
    assert q.cypher.startswith("MATCH") and check_query(q) == []


def test_undeclared_parameters_are_found_in_the_body(tmp_path):
    q = parse_query_file(write(tmp_path, "q", "// title: t\nMATCH (o) WHERE o.name = $unit AND o.x <> '$not' RETURN o"))
    assert [(p.name, p.type, p.required) for p in q.params] == [("unit", "string", True)]


def test_declared_but_unused_parameter_is_reported(tmp_path):
    q = parse_query_file(write(tmp_path, "q", "// title: t\n// param: ghost int default=1\nMATCH (o) RETURN o"))
    assert check_query(q) == ["q: parameter 'ghost' is declared but not used"]


@pytest.mark.parametrize(
    "header, message",
    [
        ("// title: t\n// colour: red", r"q.cypher:2: bad header line"),
        ("// title: t\n// param: top integer", r"q.cypher:2: bad param line"),
        ("// title: t\n// param: top int max=3", r"q.cypher:2: bad param option"),
        ("// title: t\n// param: u string choices=people", r"q.cypher:2: unknown choices source"),
        ("// title: t\n// param: top int default=many", r"q.cypher:2: .*'many' is not a int"),
        ("// description: no title", r"header has no title"),
    ],
)
def test_bad_headers_name_file_and_line(tmp_path, header, message):
    path = write(tmp_path, "q", header + "\nMATCH (o) RETURN o LIMIT $top\n")
    with pytest.raises(QueryError, match=message):
        parse_query_file(path)


def test_bind_params_converts_fills_and_refuses():
    q = get_query("documents_overview")
    assert bind_params(q, {"year_from": "2023"}) == {"genre": [], "year_from": 2023, "year_to": 0, "unit": []}
    assert bind_params(q, {"unit": "市妇联, 市税务局", "genre": ["汇报"]})["unit"] == ["市妇联", "市税务局"]
    with pytest.raises(ParameterError, match="not a int"):
        bind_params(q, {"year_from": "去年"})
    with pytest.raises(ParameterError, match="no parameter 'colour'"):
        bind_params(q, {"colour": "red"})
    with pytest.raises(ParameterError, match="'unit' is required"):
        bind_params(get_query("unit_profile"), {})
    with pytest.raises(ParameterError, match="'unit' needs at least one value"):
        bind_params(get_query("activities_by_unit"), {"unit": ""})
    with pytest.raises(ParameterError, match="'finished' is not one of done, planned, urged"):
        bind_params(get_query("units_by_activity"), {"status": "done,finished"})


def test_listed_choices_carry_the_words_summaries_use(tmp_path):
    q = parse_query_file(write(tmp_path, "q", (
        "// title: t\n// param: status list default=done choices=done:已开展|planned:计划|urged:要求\n"
        "// summary: {n} 项（状态：{status}）\nMATCH (a:Activity) WHERE a.status IN $status RETURN a.name AS name\n")))
    (status,) = q.params
    assert status.choices == ("done", "planned", "urged") and status.default == ["done"]
    assert dict(status.choice_labels)["planned"] == "计划"
    result = Result(["name"], [["读书班"]], 0.0)
    assert render_summary(q.summary, result, bind_params(q, {"status": "done,urged"}), q.params) == "1 项（状态：已开展、要求）"
    assert render_summary(q.summary, result, bind_params(q, {"status": ""}), q.params) == "1 项（状态：全部）"


def test_unknown_query_suggests_close_names():
    with pytest.raises(UnknownQuery, match="slogan_reach"):
        get_query("slogan_rech")


def test_choices_come_from_the_graph(small_graph):
    assert param_choices(small_graph, "categories") == sorted(
        ["读书班", "党课", "联学共建", "集中学习", "调查研究", "专题研讨"])
    assert param_choices(small_graph, "years") == [2023, 2024]
    assert "市卫生健康委" in param_choices(small_graph, "units")
    with pytest.raises(QueryError):
        param_choices(small_graph, "people")


def test_every_declared_choices_source_exists_in_the_catalog():
    for q in load_catalog().values():
        for p in q.params:
            assert p.label, f"{q.id}.{p.name} has no label for the app"


def test_summary_template_ops():
    r = Result(["unit", "masked", "n"], [["市妇联", True, 2], ["市税务局", False, 1], ["市妇联", True, 3]], 0.0)
    assert render_summary("{n}|{unique:unit}|{top:unit}|{first:n}|{sum:n}|{count:masked}|{x}|{nope:y}", r, {"x": "参"}) \
        == "3|2|市妇联、市税务局|2|6|2|参|{nope:y}"
    assert render_summary("{top:unit}", Result(["unit"], [], 0.0), {}) == "无"
    assert render_summary("", r, {}) == "共 3 行"


def test_choices_asked_of_the_engine_match_the_graphs(small_graph, small_engine):
    from kg.query.catalog import CHOICE_SOURCES, engine_choices

    for source in CHOICE_SOURCES:
        assert engine_choices(small_engine, source) == param_choices(small_graph, source), source


def test_warm_up_runs_every_canned_query_once(small_engine, monkeypatch):
    from kg.query.catalog import warm_up

    ran = []
    real_run = small_engine.run

    def counting_run(cypher, params=None, *args, **kwargs):
        ran.append(cypher)
        return real_run(cypher, params, *args, **kwargs)

    monkeypatch.setattr(small_engine, "run", counting_run)
    catalog = load_catalog()
    took = warm_up(small_engine, catalog)
    assert sorted(took) == sorted(catalog)
    assert all(any(q.cypher == c for c in ran) for q in catalog.values())


def test_an_ad_hoc_query_becomes_a_valid_canned_query_file(tmp_path, small_engine):
    from kg.query.catalog import write_query_file

    cypher = "MATCH (o:Organization)-[:ECHOES]->(s:Slogan) WHERE s.canonical = $slogan RETURN o.name AS unit"
    path = write(tmp_path, "echoing", write_query_file("提到某提法的单位", cypher, columns=["unit"]))
    q = parse_query_file(path)
    assert (q.title, q.columns, [p.name for p in q.params], check_query(q)) == ("提到某提法的单位", ("unit",), ["slogan"], [])
    result, _ = run_canned(q, small_engine, {"slogan": "四敢争先"})
    assert sorted(result.column("unit")) == ["市妇联", "市税务局"]
