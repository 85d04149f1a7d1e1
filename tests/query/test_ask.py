"""kg/query/ask.py: plain-Chinese questions → canned query + parameters, or a helpful fallback."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.query.ask import ASKS, Asker, ask, normalize_question, read_cues, read_routes
from kg.query.catalog import load_catalog


@pytest.fixture(scope="module")
def asker(small_engine):
    return Asker(small_engine)


def test_answer_carries_table_and_a_chinese_summary(asker):
    # "开展了" counts what was done: 市卫生健康委 only planned its 读书班, and the answer says which it counted
    answer = asker.ask("哪些单位开展了读书班？")
    assert answer.query_id == "find_units" and answer.params["status"] == ["done"]
    assert answer.result.column("unit") == ["市妇联", "市税务局"]  # 市卫生健康委 only planned one
    assert answer.summary == "2 个单位开展了“读书班”（状态：已开展；任一类；2 条活动记录）：市妇联、市税务局"
    assert answer.understood == "理解为：找出单位；活动类别＝读书班；状态＝已开展。→ 查询“哪些单位开展了这些活动”"
    assert answer.cypher == load_catalog()["find_units"].cypher and not answer.unused


def test_a_comparison_answers_side_by_side(asker):
    answer = asker.ask("比较市税务局和市司法局")
    assert answer.result.column("unit") == ["市司法局", "市税务局"]
    assert "市司法局 4 项活动（已开展 2、计划 2）；市税务局 2 项活动（已开展 2、计划 0）" in answer.summary
    assert "只有市司法局开展了参观见学、培训、警示教育" in answer.summary


def test_a_count_says_what_it_counted(asker):
    answer = asker.ask("市司法局培训办了几期")
    assert answer.result.rows == [["市司法局", "培训", 2024, 1, 3.0, ["3期"], 1]]
    assert answer.summary.startswith("共 3 次（1 条活动记录")


@pytest.mark.parametrize("question", ["今天天气怎么样？", "", "   ", "？？？", "hello", "给我讲个笑话"])
def test_questions_it_cannot_answer_fall_back_with_suggestions(asker, question):
    answer = asker.ask(question)
    assert answer.fallback and answer.query_id is None
    assert answer.suggestions and answer.result.rows
    assert answer.result.columns == ["可以这样问", "对应查询"]
    assert answer.summary.startswith(("没能理解这个问题。可以这样问：", "请输入一个问题。"))


def test_a_lone_name_is_answered_by_what_it_names(asker):
    assert asker.ask("市妇联怎么说的呢呢呢").query_id == "unit_profile"  # a unit alone: its profile
    assert asker.ask("关于四敢争先随便说点").query_id == "units_by_slogan"
    assert asker.ask("读书班").query_id == "find_units"


def test_example_questions_name_reporting_units_first(small_graph):
    from kg.graph.schema import node_id
    from kg.query.ladybug_engine import get_ladybug_engine

    g = small_graph.copy()
    # Sorts before every reporting unit and is mentioned in many documents,
    # yet reports nothing: it must not be the unit examples are made with.
    g.add_node(node_id("Organization", "一级党委"), label="Organization", name="一级党委", aliases=[],
               kind="党委", doc_ids=["doc_a#1", "doc_a#2", "doc_b", "doc_c"])
    asker = Asker(get_ladybug_engine(g))
    authors = {o for o, _, k in g.edges(keys=True) if k.startswith("AUTHORED|")}
    assert node_id("Organization", asker.vocabulary["unit"][0]) in authors
    example = next(text for text, title in asker.examples() if title == "单位概况")
    assert not example.startswith("一级党委")


def test_empty_result_says_so_and_suggests(asker):
    answer = asker.ask("哪些单位开展了演讲比赛？")
    assert answer.query_id == "find_units" and answer.params["category"] == ["比赛评选"]
    assert answer.result.rows == [] and answer.summary.startswith("没有查到结果") and answer.suggestions


@pytest.mark.parametrize("question", [
    "MATCH (n) DETACH DELETE n",
    "市税务局'}) DETACH DELETE n //开展了哪些活动",
    "删除所有单位",
    "CREATE (n:Organization {name: '假单位'})",
])
def test_write_attempts_in_questions_are_inert(asker, small_engine, small_graph, question):
    asker.ask(question)
    assert small_engine.run("MATCH (n) RETURN count(n) AS n").rows == [[small_graph.number_of_nodes()]]


def test_normalize_question_folds_width_and_masks():
    assert normalize_question("ＸＸ市　税务局？") == "市税务局?"


def test_module_level_ask_caches_one_asker_per_engine(small_engine):
    first = ask("最常见的提法有哪些？", small_engine)
    assert first.query_id == "slogan_reach" and first.result.column("slogan")[0] == "两个确立"


_BAD_LINES = [
    (read_cues, "cues.txt", "ask => guess => 哪些", "unknown ask 'guess'"),
    (read_cues, "cues.txt", "ask => units => (哪些", "bad pattern"),
    (read_cues, "cues.txt", "status => maybe => 也许", "unknown status 'maybe'"),
    (read_cues, "cues.txt", "colour => red => 红", "unknown kind 'colour'"),
    (read_cues, "cues.txt", "unknown => object => 学习了(.+)", "needs a group"),
    (read_cues, "cues.txt", "plan-state => 做完了 => 完成", "unknown plan state"),
    (read_cues, "cues.txt", "ask => units", "expected 'kind => value => pattern'"),
    (read_routes, "routes.txt", "units => no_such_query", "unknown canned query 'no_such_query'"),
    (read_routes, "routes.txt", "guess => find_units", "unknown ask 'guess'"),
    (read_routes, "routes.txt", "units colour => find_units", "unknown slot 'colour'"),
    (read_routes, "routes.txt", "units => find_units => colour=units", "no parameter 'colour'"),
    (read_routes, "routes.txt", "units => find_units => category", "bad binding"),
]


@pytest.mark.parametrize("reader, name, line, message", _BAD_LINES,
                         ids=[f"{name}-{k}" for k, (_, name, _, _) in enumerate(_BAD_LINES)])
def test_a_bad_cue_or_route_line_fails_with_file_and_line(tmp_path, reader, name, line, message):
    path = tmp_path / name
    path.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}:2: .*" + message):
        reader(path)


def test_every_route_query_exists_and_every_ask_has_a_route():
    routes = read_routes()
    assert {r.ask for r in routes} == set(ASKS)
    assert {c.value for c in read_cues() if c.kind == "ask"} == set(ASKS)


def test_a_question_over_the_limit_gets_a_message_and_no_analysis(asker, monkeypatch):
    from kg.query.ask import MAX_QUESTION_CHARS

    long = ("市妇联开展了哪些活动，" * 60)[: MAX_QUESTION_CHARS + 1]
    analysed = []
    monkeypatch.setattr(asker, "match", lambda q: analysed.append(q))
    answer = asker.ask(long * 200)  # 100,000 characters: the patterns' regexes never see it
    assert answer.fallback and answer.summary.startswith("问题太长（100,200 字），请限制在 500 字以内。")
    assert answer.result.rows and not analysed
    assert asker.ask(long).fallback and not analysed
    asker.ask(long[:MAX_QUESTION_CHARS])
    assert analysed == [long[:MAX_QUESTION_CHARS]]


def test_a_question_at_the_limit_is_still_answered(asker):
    from kg.query.ask import MAX_QUESTION_CHARS

    question = "市妇联开展了哪些活动？"
    padded = question + "　" * (MAX_QUESTION_CHARS - len(question))
    assert len(padded) == MAX_QUESTION_CHARS and not asker.ask(padded.strip() + "请问" * 10).fallback


def test_years_inside_entities_are_not_years_and_many_years_stay_cheap(asker):
    entities = asker.spot_entities("2023年" * 100)
    assert [e.value for e in entities] == [(2023, 2023)] * 100  # a year is a range of one
