"""Genre from title words (in precedence order) and from formulas."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.ingest.genre import detect_genre, load_genre_words


@pytest.mark.parametrize("title, genre", [
    ("主题教育读书班总结讲话", "讲话"),
    ("在公安机关主题教育专题读书班上的党课辅导报告", "党课"),
    ("市税务局在第二批主题教育阶段性工作汇报会上的发言", "发言"),
    ("党员干部在专题研讨会上的发言体会", "发言"),
    ("2023年主题教育的心得体会", "心得"),
    ("关于第二批主题教育10月份阶段性进展总结", "汇报"),
    ("街道党工委2024年理论学习计划", "计划"),
    ("2025年政府工作报告", "汇报"),
    ("学习习近平总书记重要讲话精神的心得", "心得"),
    ("以学铸魂 砥砺前行", "其他"),
])
def test_genre_from_title(title, genre):
    assert detect_genre(title) == genre


@pytest.mark.parametrize("text, genre", [
    ("尊敬的各位领导：\n市统计局坚持学习。\n汇报完毕，谢谢！", "汇报"),
    ("各位领导：\n我谈几点体会。\n我的发言完毕，谢谢！", "发言"),
    ("为加强学习，现制定2024年学习计划。", "计划"),
    ("同志们：\n今天召开会议，我讲几点意见。", "讲话"),
])
def test_genre_from_formulas(text, genre):
    assert detect_genre("某某材料", text, title_derived=True) == genre


def test_unknown_genre_in_word_file(tmp_path):
    p = tmp_path / "g.txt"
    p.write_text("讲话 => 讲话\n报告 => 报道\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"g.txt:2: unknown genre"):
        load_genre_words(p)
