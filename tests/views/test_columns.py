"""Result tables fit the page with the evidence column readable."""
from __future__ import annotations

from kg.views.columns import fit_column_widths, text_width

HEADERS = ["单位", "文档编号", "标题", "活动", "状态", "原文证据"]
ROW = ["市卫生健康委青年理论学习小组", "02_区团委青年理论学习小组学习情况汇报", "区团委青年理论学习小组2023年学习情况汇报",
       "读书班", "已开展", "下一步，区团委将继续举办读书班，" * 6]


def test_a_wide_table_is_shrunk_to_the_budget_keeping_the_evidence_readable():
    widths = fit_column_widths(HEADERS, [ROW], budget=960)
    assert sum(widths.values()) <= 960
    assert widths["原文证据"] >= 360
    assert widths["活动"] == widths["状态"] == 72  # short columns are not touched
    assert widths["标题"] < text_width(ROW[2])


def test_a_narrow_table_keeps_its_natural_widths():
    widths = fit_column_widths(["单位", "活动数"], [["市妇联", 12], ["市委党校", 3]], budget=960)
    assert widths == {"单位": text_width("市委党校"), "活动数": 72}


def test_chinese_text_counts_wider_than_latin():
    assert text_width("单位单位") > text_width("unit") and text_width(None) == text_width("")


def test_an_impossible_budget_stops_at_the_floors():
    widths = fit_column_widths(HEADERS, [ROW], budget=100)
    assert widths["原文证据"] == 360 and min(widths.values()) == 72
