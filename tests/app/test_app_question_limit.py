"""The question box refuses a question over 500 characters with a Chinese message (issue 12), typed or linked.

A longer question used to be cut to its first 500 characters without a word
(the box's ``max_chars``: a paste or a link lost its end) and the rest
answered as if it were the question.
"""
from __future__ import annotations

from kg.query.ask import MAX_QUESTION_CHARS
from tests.app.app_helpers import fixture_graph_file, open_app, texts, use_graph  # noqa: F401

QUESTION = "哪些单位开展了读书班？"
TOO_LONG = (QUESTION * 60)[: MAX_QUESTION_CHARS + 1]  # its first 500 characters are an answerable question


def _refused(at, length: int) -> bool:
    message = f"问题太长（{length:,} 字），请限制在 {MAX_QUESTION_CHARS} 字以内。"
    return any(t.startswith(message) for t in texts(at.warning)) and not at.success


def test_a_question_over_the_limit_typed_in_the_box_gets_a_chinese_message(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py")
    at.text_input(key="question").input(TOO_LONG)
    next(b for b in at.button if b.label == "提问").click().run()
    assert not at.exception
    assert at.text_input(key="question").value == TOO_LONG  # nothing was cut
    assert _refused(at, MAX_QUESTION_CHARS + 1), texts(at.warning)


def test_a_question_over_the_limit_in_a_link_gets_the_message_not_an_answer_to_its_start(fixture_graph_file,
                                                                                       use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", question=QUESTION * 60)
    assert not at.exception
    assert _refused(at, len(QUESTION * 60)), texts(at.warning) + texts(at.success)


def test_a_question_at_the_limit_is_answered(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at_limit = QUESTION + "请问" * ((MAX_QUESTION_CHARS - len(QUESTION)) // 2)
    at_limit += "请" * (MAX_QUESTION_CHARS - len(at_limit))
    assert len(at_limit) == MAX_QUESTION_CHARS
    at = open_app("app_pages/ask.py", question=at_limit)
    assert not at.exception
    assert any("开展了“读书班”" in t for t in texts(at.success)), texts(at.warning)
