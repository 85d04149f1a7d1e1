"""Sections of a report: headings, opening cues, lead-ins, and the tag on activities and figures."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.extract import extract
from kg.extract.base import iter_sentences
from kg.extract.sections import DONE, OTHER, PLAN, PROBLEM, SectionReader, classify_heading

REPORT = """局机关党委2023年学习情况汇报
今年以来，局机关党委扎实推进理论学习。
一、主要做法
全年开展集中学习10次，举办读书班1期。
二、存在的问题
对照要求，还存在以下不足：
一是学习系统性不强。
二是调研成果转化不够。
三、下一步打算
下一步，将开展专题调研2次，举办读书班1期。
汇报完毕。"""


def sections_of(text: str, genre: str = "汇报", year=None) -> list[tuple[str, str]]:
    sentences = list(iter_sentences(text))
    reader = SectionReader(sentences, text, genre, year)
    return [(s.norm, section) for s, section in zip(sentences, reader.sections)]


def test_headings_and_cues_tag_every_sentence():
    got = dict(sections_of(REPORT))
    assert got["今年以来，局机关党委扎实推进理论学习。"] == DONE  # an opening cue (以来)
    assert got["全年开展集中学习10次，举办读书班1期。"] == DONE
    assert got["一是学习系统性不强。"] == PROBLEM
    assert got["二是调研成果转化不够。"] == PROBLEM
    assert got["下一步，将开展专题调研2次，举办读书班1期。"] == PLAN


def test_a_heading_of_problems_and_plans_turns_at_the_plan_cue():
    text = "三、存在问题和下一步打算\n学习质量参差不齐。\n下一步，将加强督导。\n持续开展读书班。"
    assert [s for _, s in sections_of(text)] == [PROBLEM, PROBLEM, PLAN, PLAN]


def test_an_inline_numbered_heading_heads_its_paragraph():
    text = "一、坚持线上学习。依托平台开展学习。\n二、存在问题和下一步打算。宣讲针对性还不够强。下一步，我们将举办培训班。"
    assert [s for _, s in sections_of(text)] == [DONE, DONE, PROBLEM, PROBLEM, PLAN]


def test_a_task_heading_is_a_plan_only_for_the_documents_own_year_or_later():
    assert classify_heading("二、2024年工作任务", 2024) == PLAN
    assert classify_heading("二、2024年工作任务", 2025) is None
    assert classify_heading("一、2024年工作回顾", 2025) == DONE


def test_a_plan_document_is_all_plan_and_a_speech_without_cues_is_other():
    assert {s for _, s in sections_of("一、学习重点\n学习党章。\n二、学习安排\n每月集中学习1次。", "计划")} == {PLAN}
    assert {s for _, s in sections_of("一、提高站位\n同志们要认真学习。", "讲话")} == {OTHER}


def test_activities_and_figures_carry_their_section():
    record = extract(REPORT, title="局机关党委2023年学习情况汇报")
    by_status = {(a["category"], a["status"]): a["section"] for a in record["activities"]}
    assert by_status[("读书班", "done")] == DONE and by_status[("读书班", "planned")] == PLAN
    assert {m["surface"]: m["section"] for m in record["metrics"]}["10次"] == DONE
    assert [s["section"] for s in record["sections"]][:2] == [OTHER, DONE] or record["sections"][0]["section"] == DONE


def test_a_bad_cue_line_fails_with_file_and_line(tmp_path):
    (tmp_path / "section_cues.txt").write_text("# x\n下一步 => 将来 => heading\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"section_cues.txt:2: unknown section"):
        classify_heading("三、下一步", None, str(tmp_path))
