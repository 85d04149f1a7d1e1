"""Junk rules: markers, adverts, navigation; bad rule files fail with file:line."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.ingest.clean import clean_lines, load_junk_rules

KEEP = "市统计局开展集中学习12次，会员单位共同参与。"


@pytest.mark.parametrize("line", [
    "##paidbegin##", "##paidend##", "【哒哒素材库】——每天更新材料1000多篇",
    "【某某代笔】原创高质量保障", "开通会员即可一键下载", "您的位置：首页 > 学习资料 > 正文",
    "首页>工作动态>理论学习", "来源：市统计局 发布时间：2023-10-11 字体：大 中 小", "发布时间：2023-10-11 09:12",
    "580dee3c2a1b4f6e9d7c.png", "上一篇：关于学习的汇报", "分享到：", "https://example.org/a/b.html",
    "青山县人民政府门户网站", "白河县人民政府网", "某市审计局官方网站",
    "青山县司法局  首页 | 政务公开 | 工作动态 | 基层风采", "网站首页 | 机构概况 | 新闻中心 | 互动交流",
    "点击上方蓝字  关注我们", "来源 | 青山县委组织部", "编辑 | 李某   审核 | 王某",
    "首页　　政务公开　　政务服务　　互动交流", "索 引 号：XXXXXXXXX/2025-00021        主题分类：党务工作",
    "青川日报数字报　　2024年3月5日　星期二", "第03版：综合新闻",
])
def test_junk_lines_dropped(line):
    assert clean_lines(f"标题\n{line}\n{KEEP}") == clean_lines(f"标题\n\n{KEEP}")


def test_real_lines_kept_even_with_risky_words():
    assert [ln.text for ln in clean_lines(KEEP)] == [KEEP]
    site = "县人民政府门户网站改版后，访问量增长三成。"
    assert [ln.text for ln in clean_lines(site)] == [site]


def test_inline_marker_stripped_text_kept():
    lines = clean_lines("##paidbegin##（一）完善制度，压实责任。")
    assert [ln.text for ln in lines] == ["（一）完善制度，压实责任。"]


def test_line_numbers_and_breaks():
    lines = clean_lines("\u3000\u3000标题  \r\n正文。\r\n\r\n##paidend##\n下一段。")
    assert [(ln.text, ln.line_no, ln.after_break) for ln in lines] == \
        [("标题", 1, True), ("正文。", 2, False), ("下一段。", 5, True)]


def test_bad_rule_file_names_file_and_line(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_text("# rules\nline\t素材库\nline\t([unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"junk.txt:3: bad regular expression"):
        load_junk_rules(p)


def test_unknown_kind(tmp_path):
    p = tmp_path / "junk2.txt"
    p.write_text("drop\t素材库\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"junk2.txt:1: unknown kind"):
        load_junk_rules(p)


def test_long_paragraph_mentioning_an_advert_word_is_prose():
    para = "市妇联坚持联系服务妇女群众，" * 20 + "发展新会员120名，开通会员服务热线。"
    assert [ln.text for ln in clean_lines(para)] == [para]


@pytest.mark.parametrize("line", [
    "主办单位:XX市医疗保障局 承办:XX市信息中心", "技术支持：XX网络科技有限公司", "版权所有:XX市人民政府 备案号:京ICP备12345678号-1",
    "京公网安备 11010502000001号", "网站地图 | 联系我们 | 使用帮助", "【我要纠错】 【打印本页】 【关闭窗口】",
    "Copyright © 2023 All Rights Reserved", "阅读次数:1234", "相关链接:", "信息来源：县市场监督管理局",
])
def test_web_footer_lines_dropped(line):
    assert clean_lines(f"标题\n{line}\n{KEEP}") == clean_lines(f"标题\n\n{KEEP}")


@pytest.mark.parametrize("line", ["领导审核把关，确保材料质量。", "技术支持单位积极参与共建活动。", "我们主办了读书分享会3场。"])
def test_prose_with_footer_words_kept(line):
    assert [ln.text for ln in clean_lines(line)] == [line]


def test_pdf_page_headers_glued_to_the_text_are_cut():
    from kg.ingest.clean import load_junk_rules

    assert load_junk_rules().clean("第1页共12页老干部工作上半年工作总结") == "老干部工作上半年工作总结"
