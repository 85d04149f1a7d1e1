"""Problems a report admits: its problems part, and admissions in so many words elsewhere."""
from __future__ import annotations

from kg.extract import extract
from kg.extract.problems import admits_problem, problem_text


def test_problems_of_a_problems_part_one_per_sentence_without_lead_in_or_heading():
    record = extract("市档案局学习情况汇报\n一、主要做法\n开展集中学习8次。\n二、存在的问题\n对照要求，还存在以下不足：\n"
                     "一是学习系统性不强；二是联系实际不够紧密。\n三、下一步打算\n下一步，将加强督导。",
                     title="市档案局学习情况汇报")
    assert [p["text"] for p in record["problems"]] == ["学习系统性不强", "联系实际不够紧密"]
    assert {p["section"] for p in record["problems"]} == {"问题/不足"}
    for p in record["problems"]:
        assert p["evidence"] and p["end"] > p["start"]


def test_an_admission_outside_a_problems_part_counts():
    record = extract("今年开展读书班2期，但也还存在学习成果转化不充分的问题。")
    assert [p["text"] for p in record["problems"]] == ["今年开展读书班2期，但也还存在学习成果转化不充分的问题"]


def test_plans_to_fix_problems_are_no_admission():
    assert not admits_problem("针对存在的问题，制定整改措施12条。")
    assert not admits_problem("开展集中学习12次。")
    assert admits_problem("基层党支部学习质量参差不齐。")


def test_problem_text_drops_enumerator_and_stop():
    assert problem_text("（二）调研不够深入。") == "调研不够深入"
    assert problem_text("二是调研不够深入；") == "调研不够深入"


def test_labels_and_instructions_are_no_problems():
    record = extract("二、存在的问题\n在理论武装方面。\n一是学习还不够深入。\n三、工作要求\n各单位要认真查找存在的突出问题。")
    assert [p["text"] for p in record["problems"]] == ["学习还不够深入"]
