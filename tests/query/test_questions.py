"""`kg ask` on the question set (tests/query/questions.py): every phrasing lands on its query with its
parameters, says how it was understood, and says which part it could not use."""
from __future__ import annotations

import pytest

from kg.query.ask import Asker

from .questions import QUESTIONS


@pytest.fixture(scope="module")
def asker(small_engine):
    return Asker(small_engine)


def _same(a, b) -> bool:
    """A one-value list and the value, or an empty list and an empty string, are the same parameter
    (the queries of one question may take a unit as a list or as one name)."""
    def norm(v):
        if isinstance(v, list):
            return sorted(map(str, v)) if len(v) != 1 else [str(v[0])]
        return [] if v in ("", None) else [str(v)]
    return norm(a) == norm(b)


def test_the_set_has_sixty_phrasings_and_reaches_every_new_query():
    assert len(QUESTIONS) >= 60
    assert len({q for q, _, _ in QUESTIONS}) == len(QUESTIONS)
    reached = {query for _, query, _ in QUESTIONS}
    assert {"find_units", "find_activities", "count_activities", "compare_units", "find_documents", "find_figures",
            "problems_by_unit", "plans_by_unit", "plan_vs_report", "unit_over_years", "slogan_timeline",
            "indicator_by_year", "shared_passages"} <= reached


@pytest.mark.parametrize("question, query, expected", QUESTIONS, ids=[q for q, _, _ in QUESTIONS])
def test_question_lands_on_its_query_and_parameters(asker, question, query, expected):
    answer = asker.ask(question)
    assert not answer.fallback, answer.text
    assert answer.query_id == query, answer.text
    declared = asker.catalog[query].params
    for p in declared:
        want = expected.get(p.name, p.default)
        assert _same(answer.params.get(p.name), want), (p.name, answer.params, answer.text)
    assert set(expected) <= {p.name for p in declared}
    assert answer.understood.startswith("理解为：")


def test_word_order_does_not_change_the_answer(asker):
    forms = ["市妇联举办了几次党课？", "市妇联党课有多少次？", "党课市妇联一共开展了多少场"]
    answers = [asker.ask(q) for q in forms]
    assert len({(a.query_id, str(a.params), str(a.result.rows)) for a in answers}) == 1


def test_an_unusable_part_is_named_not_dropped(asker):
    answer = asker.ask("今年市妇联开展了哪些活动")
    assert answer.query_id == "find_activities"
    assert any("今年" in u for u in answer.unused) and "未能使用：" in answer.text
    answer = asker.ask("市妇联提到两个确立的学习材料")
    assert answer.query_id == "materials_studied"
    assert any("两个确立" in u for u in answer.unused)
    answer = asker.ask("比较市税务局")  # one unit cannot be compared
    assert any("比较" in u for u in answer.unused)
    answer = asker.ask("市卫健委和市税务局学习了哪些材料")  # materials_studied looks at one unit at a time
    assert answer.query_id == "materials_studied" and any("市税务局" in u for u in answer.unused)
    answer = asker.ask("哪些单位没有开展读书班")  # no query lists what a report does not say
    assert answer.query_id == "find_units" and any("没有开展" in u for u in answer.unused)
    assert asker.ask("哪些计划没有开展").unused == []  # of plans, 没有开展 is an outcome: 计划未见完成
    answer = asker.ask("哪些单位学习过二十大报告")  # a name the graph does not know is said, not dropped
    assert any("二十大报告" in u for u in answer.unused) and "未能使用：" in answer.text


def test_every_answer_carries_its_understanding(asker):
    for question, _, _ in QUESTIONS:
        answer = asker.ask(question)
        assert answer.understood.startswith("理解为："), question
        assert answer.text.startswith(answer.understood)
