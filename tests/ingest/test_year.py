"""Year of a document."""
from __future__ import annotations

from kg.ingest.year import find_year


def test_title_year_wins():
    assert find_year("2023年度学习情况汇报", "2022年、2021年、2021年") == 2023


def test_date_line_at_the_end():
    assert find_year("讲话", "会上回顾了2021年的工作。\n2024年1月5日") == 2024


def test_chinese_numeral_date_line():
    assert find_year("讲话", "正文。\n二〇二三年十月十二日") == 2023


def test_targets_and_range_ends_ignored():
    assert find_year("报告", "到2035年基本实现现代化，实施（2021—2025年）规划。") is None


def test_none_when_unstated():
    assert find_year("讲话", "同志们：今年以来，我们扎实开展学习。") is None
