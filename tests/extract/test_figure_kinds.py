"""Figure kinds (target / actual / plain), periods, indicators and ranges."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.extract import extract
from kg.extract.figure_kinds import figure_kind, figure_period, find_indicator, merge_ranges


@pytest.mark.parametrize("sentence, figure, section, kind", [
    ("力争全年开展集中学习不少于12次。", "12次", "", "target"),
    ("下一步，计划举办读书班2期。", "2期", "", "target"),
    ("已累计开展志愿服务30场。", "30场", "", "actual"),
    ("全面完成年初确定的主要目标，地区生产总值增长6%。", "6%", "", "actual"),
    ("开展专题研讨5场。", "5场", "成绩/做法", "actual"),
    ("开展专题研讨5场。", "5场", "下一步/计划", "target"),
    ("支部现有党员23名。", "23名", "", "plain"),
])
def test_kind_from_cues_then_section(sentence, figure, section, kind):
    assert figure_kind(sentence, sentence.index(figure), section=section) == kind


def test_kind_from_the_paragraph_opening_and_the_genre():
    s = "城镇新增就业1000万人以上。"
    assert figure_kind(s, 6, opening="今年主要预期目标是") == "target"
    assert figure_kind(s, 6, genre="计划") == "target"


@pytest.mark.parametrize("lead, unit, indicator", [
    ("今年发展主要预期目标是：国内生产总值增长", "%", "国内生产总值增长"),
    ("全年国内生产总值达到90万亿元，比上年增长", "%", "国内生产总值增长"),
    ("经济增长预期目标为", "%", "国内生产总值增长"),
    ("单位国内生产总值能耗下降", "%", None),
    ("服务业对经济增长贡献率达到", "%", None),
    ("五年来国内生产总值年均增长", "%", None),
    ("城镇调查失业率", "%", "城镇调查失业率"),
    ("国内生产总值增长", "万元", None),
])
def test_indicators_by_the_words_before_the_number(lead, unit, indicator):
    sentence = lead + "5" + unit + "。"
    assert find_indicator(sentence, len(lead), unit) == indicator


def test_period_from_sentence_paragraph_heading_or_document():
    assert figure_period("国内生产总值增长5%", "一、2024年工作回顾", 2025, "actual") == 2024
    assert figure_period("国内生产总值增长5%", "一、过去一年工作回顾", 2025, "actual") == 2024
    assert figure_period("年初预期增长5%左右", "一、过去一年工作回顾", 2025, "target") == 2024  # last year's target
    assert figure_period("国内生产总值增长5%左右", "三、今年工作任务", 2025, "target") == 2025
    assert figure_period("集中学习12次", "一、主要做法", 2023, "actual") == 2023
    assert figure_period("明年力争开展调研4次", "", 2023, "target") == 2024
    assert figure_period("2020年与2015年相比增长30%", "", 2021, "actual") is None
    assert figure_period("集中学习12次", "", None, "actual") is None


def test_a_range_is_one_figure_with_low_and_high():
    record = extract("今年发展主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上。")
    gdp = [m for m in record["metrics"] if m.get("indicator") == "国内生产总值增长"]
    assert [(m["low"], m["high"], m["kind"], m["surface"]) for m in gdp] == [(6, 6.5, "target", "6%－6.5%")]


def test_a_range_start_the_number_reader_left_out_is_kept():
    ev = "增长6－6.5%。"
    [item] = merge_ranges([{"value": 6.5, "unit": "%", "surface": "6.5%", "evidence": ev, "start": 0}])
    assert (item["value"], item["low"], item["high"], item["surface"]) == (6, 6, 6.5, "6－6.5%")


def test_figures_that_are_not_a_range_stay_apart():
    ev = "开展研讨6场、培训8期。"
    items = [{"value": 6, "unit": "场", "surface": "6场", "evidence": ev, "start": 0},
             {"value": 8, "unit": "期", "surface": "8期", "evidence": ev, "start": 0}]
    assert merge_ranges(items) == items


def test_a_bad_kind_line_fails_with_file_and_line(tmp_path):
    from kg.extract.figure_kinds import _kind_cues  # the loader, to check its error

    (tmp_path / "figure_kind_cues.txt").write_text("力争 => maybe\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"figure_kind_cues.txt:1: unknown kind"):
        _kind_cues(str(tmp_path))
