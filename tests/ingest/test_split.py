"""Splitting rules (SCHEMA §1), on inline strings."""
from __future__ import annotations

import logging

import pytest

from kg.ingest import split_documents
from kg.ingest.clean import clean_lines
from kg.ingest.split import derive_title, is_title_shape, load_title_rules, split_lines

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


# --- where documents start and end ------------------------------------------------------------------------------

def spans(text: str, **kw) -> list[tuple[int, int, str, bool]]:
    return [(s.start, s.end, s.title, s.title_derived) for s in split_lines(clean_lines(text), **kw)]


def test_three_documents_cover_the_file_without_gaps():
    text = f"甲局学习情况汇报\n{BODY}\n{BODY}\n\n乙局学习情况汇报\n{BODY}\n\n丙局学习情况汇报\n{BODY}\n{BODY}"
    assert spans(text) == [(0, 3, "甲局学习情况汇报", False), (3, 5, "乙局学习情况汇报", False),
                           (5, 8, "丙局学习情况汇报", False)]


def test_body_before_the_first_title_is_a_document_of_its_own():
    text = f"市统计局坚持学习。{BODY}\n\n乙局学习情况汇报\n{BODY}"
    assert spans(text) == [(0, 1, "市统计局材料", True), (1, 3, "乙局学习情况汇报", False)]


def test_preamble_up_to_60_characters_is_dropped(caplog):
    sixty = "学" * 60
    with caplog.at_level(logging.DEBUG, logger="kg.ingest.split"):
        assert spans(f"{sixty}\n\n乙局学习情况汇报\n{BODY}") == [(1, 3, "乙局学习情况汇报", False)]
    assert caplog.records[-1].getMessage() == f"dropping preamble before the first title: ['{sixty}']"
    # one character more, or a full stop, and the head is a text of its own
    assert spans(f"{sixty}学\n\n乙局学习情况汇报\n{BODY}")[0][:2] == (0, 1)
    assert spans(f"学习资料。\n\n乙局学习情况汇报\n{BODY}")[0][:2] == (0, 1)


def test_a_title_shaped_last_line_starts_no_document():
    text = f"甲局学习情况汇报\n{BODY}\n\n乙局学习情况汇报"
    assert spans(text) == [(0, 3, "甲局学习情况汇报", False)]


def test_a_subtitle_does_not_hide_the_titles_after_it():
    text = (f"以学铸魂 砥砺前行\n在全市青年干部读书班上的讲话\n同志们：\n{BODY}\n\n"
            f"乙局学习情况汇报\n{BODY}")
    assert [t for *_, t, _ in spans(text)] == ["以学铸魂 砥砺前行", "乙局学习情况汇报"]


def test_a_short_first_line_without_genre_is_a_title_above_longer_body_text():
    assert spans(f"以学铸魂 砥砺前行\n{BODY}")[0][2:] == ("以学铸魂 砥砺前行", False)
    # a line as long as the one after it, both title-shaped, is no title
    assert spans("以学铸魂砥砺前行\n以学铸魂砥砺奋进\n正文。")[0][3] is True


def test_a_first_line_without_genre_is_a_title_only_up_to_50_characters():
    fifty = "甲" * 50
    assert spans(f"{fifty}\n{BODY}{BODY}")[0][2:] == (fifty, False)
    assert spans(f"{fifty}甲\n{BODY}{BODY}")[0][3] is True


def test_custom_title_rules_are_used_for_every_line(tmp_path):
    # An analyst's rules where 学习材料 lines are section headings, never titles.
    rules_file = tmp_path / "title_rules.txt"
    rules_file.write_text("not_title\t学习材料\ngenre_end\t(汇报|讲话)$\n", encoding="utf-8")
    rules = load_title_rules(rules_file)
    text = f"学习材料汇报\n{BODY}\n\n学习材料讲话\n{BODY}"
    assert [(s.title, s.title_derived) for s in split_lines(clean_lines(text), rules=rules)] == [("学习材料汇报…", True)]
    assert is_title_shape("学习材料汇报") and not is_title_shape("学习材料汇报", rules)
    # the line under a first line without genre word is judged by the same rules: body text here
    text = f"以学铸魂 砥砺前行\n\n学习材料汇编之二十大精神摘编\n{BODY}"
    assert [(s.title, s.title_derived) for s in split_lines(clean_lines(text), rules=rules)] == [
        ("以学铸魂 砥砺前行", False)]


# --- blank lines as evidence ------------------------------------------------------------------------------------

def test_blank_lines_after_more_than_half_the_lines_prove_nothing():
    # after the first line, three of four lines stand after a break: a title needs a second sign
    dense = ["甲局学习情况汇报", "", BODY, "", "乙局学习情况汇报", "", BODY, BODY]
    assert len(titles("\n".join(dense))) == 1
    # two of four: blank lines still tell where documents start
    sparse = ["甲局学习情况汇报", BODY, "", "乙局学习情况汇报", BODY, "", BODY]
    assert len(titles("\n".join(sparse))) == 2


def test_in_a_file_of_three_lines_a_blank_line_is_evidence():
    three = "\n\n".join([BODY, "乙局学习情况汇报", BODY])
    assert [t for t, _ in titles(three)] == ["今年以来…", "乙局学习情况汇报"]
    # four lines as dense are read by their density
    four = "\n\n".join(["甲局学习情况汇报", BODY, "乙局学习情况汇报"]) + "\n" + BODY
    assert [t for t, _ in titles(four)] == ["甲局学习情况汇报"]


def test_a_strong_title_shape_after_a_blank_line_starts_a_document_in_a_web_copy():
    paras = [BODY] * 3
    text = "\n\n".join(["甲局学习情况汇报", *paras, "在全市统计工作会议上的讲话", *paras])
    assert [t for t, _ in titles(text)] == ["甲局学习情况汇报", "在全市统计工作会议上的讲话"]


def test_a_genre_title_after_a_closing_formula_needs_no_blank_line():
    text = f"甲局学习情况汇报\n{BODY}\n汇报完毕，谢谢大家！\n乙局学习情况汇报\n{BODY}"
    assert [t for t, _ in titles(text)] == ["甲局学习情况汇报", "乙局学习情况汇报"]


def test_a_genre_title_before_a_salutation_needs_no_blank_line():
    text = f"在全市工作会议上的讲话\n{BODY}\n乙局书记在读书班上的发言\n同志们：\n{BODY}"
    assert [t for t, _ in titles(text)] == ["在全市工作会议上的讲话", "乙局书记在读书班上的发言"]


def test_a_closing_formula_before_a_genre_title_after_a_blank_line_is_enough_in_a_web_copy():
    paras = [BODY] * 3
    text = "\n\n".join(["甲局学习情况汇报", *paras, "汇报完毕，谢谢大家！", "党员干部在专题研讨会上的发言体会", *paras])
    assert [t for t, _ in titles(text)] == ["甲局学习情况汇报", "党员干部在专题研讨会上的发言体会"]


def test_a_genre_word_at_the_end_alone_needs_a_sign_around_it():
    # after a blank line in a web copy, without a closing before nor a salutation after: body text
    paras = [BODY] * 3
    text = "\n\n".join(["甲局学习情况汇报", *paras, "支部书记交流发言", *paras])
    assert len(titles(text)) == 1
    text = "\n\n".join(["甲局学习情况汇报", *paras, "汇报完毕，谢谢大家！", "支部书记交流发言", *paras])
    assert [t for t, _ in titles(text)] == ["甲局学习情况汇报", "支部书记交流发言"]


# --- the shape of a title ---------------------------------------------------------------------------------------

def test_title_length_limits():
    assert is_title_shape("学习计划") and not is_title_shape("学习")
    assert is_title_shape("甲" * 88 + "汇报") and not is_title_shape("甲" * 89 + "汇报")


def test_a_line_ending_in_an_opening_mark_is_no_title():
    assert not is_title_shape("学习贯彻党的二十大精神‘")
    assert not is_title_shape("学习贯彻党的二十大精神〈")


def test_a_quote_near_the_start_of_a_title_is_fine():
    assert is_title_shape("在“七一”表彰大会上的讲话")


# --- titles made up for untitled documents ----------------------------------------------------------------------

def test_derived_title_without_a_unit_is_the_first_clause():
    assert derive_title(clean_lines("深入学习贯彻党的二十大精神，推动工作。\n第二段。")) == "深入学习贯彻党的二十大精神…"
    assert derive_title(clean_lines("甲" * 30 + "。")) == "甲" * 24 + "…"


def test_derived_title_skips_salutations():
    assert derive_title(clean_lines("同志们：\n深入学习贯彻党的二十大精神，推动工作。")) == "深入学习贯彻党的二十大精神…"


def test_derived_title_of_salutations_only_is_the_first_one():
    assert derive_title(clean_lines("同志们：")) == "同志们…"
    assert derive_title(clean_lines("各位领导\n同志们")) == "各位领导…"


def test_derived_title_reads_the_unit_in_the_first_two_paragraphs_only():
    lines = clean_lines(f"同志们：\n今天召开会议。\n{BODY}\n市统计局坚持学习。")
    assert derive_title(lines) == "今天召开会议…"
    lines = clean_lines(f"今天召开会议。\n市统计局坚持学习。\n{BODY}")
    assert derive_title(lines) == "市统计局材料"


def test_derived_title_reads_a_plan_phrase_in_the_first_three_paragraphs_only():
    early = clean_lines(f"{BODY}\n{BODY}\n现制定县税务局2024年理论学习计划。")
    late = clean_lines(f"{BODY}\n{BODY}\n{BODY}\n现制定县税务局2024年理论学习计划。")
    assert derive_title(early) == "县税务局2024年理论学习计划"
    assert derive_title(late) == "今年以来…"


def test_a_speech_whose_salutation_is_not_its_first_line_is_still_a_speech():
    lines = clean_lines("（根据录音整理）\n同志们：\n市统计局今年以来坚持理论学习，取得了一定成效。\n下一步还要继续努力。")
    assert derive_title(lines) == "市统计局讲话"


def test_no_lines_give_an_empty_derived_title():
    assert derive_title([]) == "…"


def test_a_pdf_copy_with_page_numbers_and_a_running_header_is_one_document():
    header = "某县审计局机关党建材料汇编（2024）"
    page = ("守好人民群众钱袋子\n——县审计局党组书记在专题党课上的讲稿\n\n同志们：\n"
            "今天我们重温入党初心，审计工作是党和国家监督体系的重要组成\n第1页 共3页\n" + header + "\n"
            "部分。去年以来全局共完成审计项目31个，推动建立制度\n— 2 —\n2\n" + header + "\n"
            "12项。以上，与大家共勉。")
    docs = split_documents(page, source="p.txt")
    assert len(docs) == 1
    assert header not in docs[0].text and "第1页" not in docs[0].text


def test_a_sentence_wrapped_at_a_lines_width_is_no_title_even_with_a_genre_word():
    page = ("在基层一线成长\n——参加年轻干部培养计划的几点体会\n来源：某区商务局    作者：刘某\n\n"
            "今年3月,区委组织部启动年轻干部“墩苗计划”,首批从区直部门选派35名年\n"
            "轻干部到街道、社区一线历练。我有幸成为其中一员,被安排到社区挂职,\n"
            "为期半年。挂职以来,我白天跟着网格员走街串巷,晚上整理民情日记。\n"
            "一、走到群众中间,才知道民情是什么样子\n社区矛盾诉求多,书记带着我挨家走访。")
    assert len(split_documents(page, source="p.txt")) == 1


@pytest.mark.parametrize("header", ["青山县信访局", "江北理工大学材料科学与工程学院\n网站首页 | 学院概况 | 党建工作 | 学生工作"])
def test_the_headline_over_a_byline_is_the_title_not_the_sites_name_above_it(header):
    page = (f"{header}\n\n接访中心党支部开展“听民声”主题党日活动\n\n来源：接访中心　　发布时间：2024-06-21\n\n"
            "6月19日，接访中心党支部组织党员走访群众，收集意见建议12条。")
    [doc] = split_documents(page, source="page.txt")
    assert doc.title == "接访中心党支部开展“听民声”主题党日活动" and not doc.title_derived
    assert not doc.text.startswith(header.split("\n")[0])


@pytest.mark.parametrize("page", [
    "在全县读书班上的交流发言\n——县委组织部副部长 李某\n来源：青山组工\n同志们：我谈三点体会。",
    "县司法局召开党纪学习教育读书班\n党员干部在学思践悟中筑牢纪律防线\n来源：县司法局\n10月6日，县司法局召开读书班。",
])
def test_a_title_with_a_line_under_it_stays_the_title(page):
    [doc] = split_documents(page, source="page.txt")
    assert doc.title == page.split("\n")[0]


def test_an_open_government_page_is_one_report_under_its_own_title():
    page = ("青山区人民政府\n首页 > 政务公开 > 工作总结\n\n索引号：210105-SP-2023-00047        发布机构：青石街道办事处\n"
            "公开方式：主动公开                  生成日期：2023-11-22\n\n关于第二批主题教育阶段性进展情况的汇报\n\n"
            "区委主题教育领导小组办公室：\n\n按照区委部署，我街道党工委扎实推进主题教育，现将有关情况汇报如下。")
    [doc] = split_documents(page, source="page.txt")
    assert doc.title == "关于第二批主题教育阶段性进展情况的汇报"
    assert doc.meta["byline"]["发布机构"] == "青石街道办事处"


def test_a_notice_issuing_a_plan_and_the_plan_are_one_report():
    page = ("关于印发《青石公路中心党支部2025年度党员理论学习计划》的通知\n\n各党小组：\n\n"
            "现将《2025年度党员理论学习计划》印发给你们，请认真抓好落实。\n\n青石公路中心党支部\n2025年1月8日\n\n"
            "2025年度党员理论学习计划\n\n为推动理论武装常态化，制定本计划。\n\n一、总体要求\n\n坚持每月集中学习一次。")
    [doc] = split_documents(page, source="page.txt")
    assert doc.title.startswith("关于印发")


def test_a_plan_that_no_notice_issued_is_a_document_of_its_own():
    text = ("甲局学习情况汇报\n今年集中学习12次。\n\n汇报完毕，谢谢大家！\n\n"
            "乙局2025年度理论学习计划\n为推动理论武装，制定本计划。\n\n一、总体要求\n坚持每月集中学习。")
    assert [d.title for d in split_documents(text, source="c.txt")] == ["甲局学习情况汇报", "乙局2025年度理论学习计划"]


@pytest.mark.parametrize("page, title", [
    ("青溪先锋网\n深耕一线　做群众身边的技术员\n——在全县站所负责人读书班上的交流发言\n"
     "我是石坪镇农业服务站站长，今天谈三点体会。", "深耕一线　做群众身边的技术员"),
    ("点击蓝字 关注我们\n工会干部培训心得丨把服务做到职工心坎上\n编者按：近期，市总工会举办培训班。\n"
     "作为北坪镇总工会的一名干部，我深受启发。", "工会干部培训心得丨把服务做到职工心坎上"),
])
def test_a_headline_under_a_sites_name_with_no_byline_there_is_the_title(page, title):
    [doc] = split_documents(page, source="page.txt")
    assert doc.title == title and not doc.title_derived
    assert "关注我们" not in doc.text
    site = page.split("\n")[0]
    assert site in doc.text or site.startswith("点击")  # the site's name stays in the page's text
