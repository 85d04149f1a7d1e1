"""The analyst's 35 questions (tests/query/analyst_questions.py) on the seed-corpus graph: each is
read as expected — canned query and parameters, its 理解为 line — and its answer shows what the
analyst asked for. Skips without ../shared."""
from __future__ import annotations

import pytest

from kg.query.ask import Asker

from .analyst_questions import ANALYST_QUESTIONS
from .test_questions import _same

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_asker(shared_dir):
    from kg.build import build_graph
    from kg.query.ladybug_engine import get_ladybug_engine

    return Asker(get_ladybug_engine(build_graph([shared_dir / "corpus"])))


def test_the_set_is_the_analysts_35_questions():
    assert len(ANALYST_QUESTIONS) == 35
    assert len({q for q, *_ in ANALYST_QUESTIONS}) == 35


@pytest.mark.parametrize("question, query, expected, check", ANALYST_QUESTIONS,
                         ids=[q for q, *_ in ANALYST_QUESTIONS])
def test_analyst_question_is_read_and_answered_right(seed_asker, question, query, expected, check):
    answer = seed_asker.ask(question)
    assert not answer.fallback, answer.text
    assert answer.query_id == query, answer.text
    declared = seed_asker.catalog[query].params
    assert set(expected) <= {p.name for p in declared}
    for p in declared:
        assert _same(answer.params.get(p.name), expected.get(p.name, p.default)), (p.name, answer.params)
    assert answer.understood.startswith("理解为：") and answer.text.startswith(answer.understood)
    rows = answer.result.rows
    if check["rows"]:
        assert len(rows) >= check["rows"], answer.text
    else:
        assert not rows, answer.text
    if "column" in check:
        name, values = check["column"]
        got = answer.result.column(name)
        assert all(v in got for v in values), (name, values, got[:20])
    if "text" in check:
        assert check["text"] in answer.text, answer.text
    if "unused" in check:  # a part the query cannot take is named, not dropped
        assert any(check["unused"] in u for u in answer.unused) and "未能使用：" in answer.text, answer.text
    else:
        assert not answer.unused, answer.unused
