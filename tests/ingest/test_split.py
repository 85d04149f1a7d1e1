"""Splitting rules (SCHEMA §1), on inline strings."""
from __future__ import annotations

import pytest

from kg.ingest import split_documents
from kg.ingest.clean import clean_lines
from kg.ingest.split import derive_title, is_title_shape, split_lines

BODY = "今年以来，单位坚持集中学习，全年开展集中学习12次，形成调研报告5篇。"


def titles(text: str) -> list[tuple[str, bool]]:
    return [(s.title, s.title_derived) for s in split_lines(clean_lines(text))]


@pytest.mark.parametrize("line", [
    "市保密局关于第二批主题教育阶段性进展情况汇报",
    "在2023年主题教育推进会议上的讲话",
    "主题教育党课：以学促干及时科学解答时代新课题",
    "2023年主题教育的心得体会",
    "街道党工委2024年理论学习计划",
])
def test_title_shapes(line):
    assert is_title_shape(line)


@pytest.mark.parametrize("line", [
    "同志们：", "尊敬的各位领导，同志们：", "各位领导、同志们：",
    "一、主题教育开展情况", "（一）完善制度，压实责任", "第一，以“学”字开篇", "1.集中学习", "2、专题党课",
    "①读原著", "一是跟进式学习", "下一步工作计划", "存在的问题", "汇报完毕，谢谢大家！", "现将有关情况汇报如下：",
    "今年集中学习12次。", "——在全市宣传工作会议上的讲话", "甲" * 91 + "汇报",
])
def test_never_titles(line):
    assert not is_title_shape(line)


def test_compilation_split_at_titles_after_blank_lines():
    text = (f"市统计局学习情况汇报\n{BODY}\n一、主要做法\n{BODY}\n\n"
            f"区团委书记在读书班上的交流发言\n尊敬的各位领导，同志们：\n{BODY}\n\n"
            f"街道党工委2024年学习计划\n{BODY}\n")
    assert titles(text) == [("市统计局学习情况汇报", False), ("区团委书记在读书班上的交流发言", False),
                            ("街道党工委2024年学习计划", False)]


def test_salutation_first_line_gives_derived_title():
    text = f"尊敬的各位领导：\n市统计局青年理论学习小组坚持学习。{BODY}\n汇报完毕，谢谢大家！"
    assert titles(text) == [("市统计局青年理论学习小组工作汇报", True)]


def test_body_first_line_gives_derived_title_from_plan_phrase():
    text = f"为加强学习，结合实际，现制定县税务局2024年理论学习计划。\n一、总体要求\n{BODY}"
    assert titles(text) == [("县税务局2024年理论学习计划", True)]


def test_derived_title_from_self_reference():
    assert derive_title(clean_lines(f"我局坚持学习。{BODY}\n汇报完毕。")) == "局工作汇报"


def test_outline_headings_after_blank_lines_do_not_split():
    text = f"市统计局学习情况汇报\n{BODY}\n\n一、理论学习情况\n{BODY}\n\n（二）下一步工作计划\n{BODY}\n\n第三，学习心得体会\n{BODY}"
    assert len(titles(text)) == 1


def test_subtitle_line_does_not_start_a_document():
    text = f"以学铸魂 砥砺前行\n在全市青年干部读书班上的讲话\n同志们：\n{BODY}"
    assert titles(text) == [("以学铸魂 砥砺前行", False)]


def test_dense_blank_lines_need_a_second_sign():
    # a web copy: a blank line after every paragraph, so blank lines prove nothing
    paras = [BODY] * 3
    text = "\n\n".join(["市统计局学习情况汇报", *paras, "理论学习材料汇报", *paras,
                        "汇报完毕，谢谢大家！", "区团委在读书班上的交流发言", "同志们：", *paras])
    assert [t for t, _ in titles(text)] == ["市统计局学习情况汇报", "区团委在读书班上的交流发言"]


def test_title_without_blank_line_needs_strong_shape_and_context():
    text = (f"市统计局学习情况汇报\n{BODY}\n汇报完毕，谢谢大家！\n在全市统计工作会议上的讲话\n同志们：\n{BODY}\n"
            f"学习体会\n{BODY}")
    assert [t for t, _ in titles(text)] == ["市统计局学习情况汇报", "在全市统计工作会议上的讲话"]


def test_untitled_speech_after_blank_line_with_salutation():
    text = f"市统计局学习情况汇报\n{BODY}\n汇报完毕。\n\n以学铸魂 砥砺前行\n同志们：\n{BODY}"
    assert [t for t, _ in titles(text)] == ["市统计局学习情况汇报", "以学铸魂 砥砺前行"]


def test_short_preamble_before_first_title_is_dropped():
    text = f"学习资料\n\n市统计局学习情况汇报\n{BODY}"
    assert titles(text) == [("市统计局学习情况汇报", False)]


def test_web_navigation_and_bylines_are_not_documents():
    text = (f"您的位置：首页>学习园地>正文\n来源：市统计局 发布时间：2023-10-11 字体：大 中 小\n\n"
            f"市统计局学习情况汇报\n{BODY}\n分享到：\n上一篇：某某讲话")
    docs = split_documents(text, source="web.txt")
    assert [d.title for d in docs] == ["市统计局学习情况汇报"]
    assert "首页" not in docs[0].text and "上一篇" not in docs[0].text


def test_half_width_punctuation_web_copy():
    text = f"区团委2023年学习情况汇报\n今年以来,区团委坚持学习;全年开展集中学习12次.\n\n下一步工作打算:\n继续学习!"
    docs = split_documents(text, source="half.txt")
    assert len(docs) == 1 and docs[0].norm.startswith("区团委2023年学习情况汇报\n今年以来，区团委坚持学习；")


def test_doc_ids_number_documents_only_in_compilations():
    one = split_documents(f"市统计局学习情况汇报\n{BODY}", source="dir/a.txt")
    two = split_documents(f"市统计局学习情况汇报\n{BODY}\n\n区团委学习计划\n{BODY}", source="dir/b.txt")
    assert [d.doc_id for d in one] == ["a.txt"] and [d.doc_id for d in two] == ["b.txt#1", "b.txt#2"]


def test_spans_slice_the_cleaned_file():
    text = f"##paidbegin##\n市统计局学习情况汇报\n\n{BODY}\n\n区团委学习计划\n{BODY}\n##paidend##"
    docs = split_documents(text, source="c.txt")
    cleaned = "\n".join(ln.text for ln in clean_lines(text))
    for d in docs:
        assert cleaned[d.span[0]:d.span[1]] == d.text
    assert docs[0].meta["line"] == 2


def test_line_broken_inside_quotes_is_no_title():
    assert not is_title_shape("毛主席在全会上的报告中提出了“")
    assert not is_title_shape("在会上的讲话（摘要")


def test_section_heading_before_salutation_without_closing_is_no_title():
    text = f"在全市工作会议上的讲话\n同志们：\n{BODY}\n\n形势和任务\n同志们：\n{BODY}"
    assert len(titles(text)) == 1
