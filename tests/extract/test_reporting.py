"""Reporting unit: title, speaker role, venue, opening sentences, self-reference."""
from __future__ import annotations

import pytest

from kg.document import Document
from kg.extract.base import Context
from kg.extract.orgs import extract_organizations
from kg.extract.orgs import extract_reporting_org, find_title_unit


def reporting(text, title="", title_derived=False):
    full = (title + "\n" + text) if title and not title_derived else text
    doc = Document(doc_id="t", title=title, text=full, title_derived=title_derived)
    ctx = Context.from_document(doc)
    ctx.found["organizations"] = extract_organizations(ctx)
    got = extract_reporting_org(ctx)
    for item in got:
        assert full[item["start"]:item["end"]] == item["evidence"]
    return got[0]["name"] if got else None


@pytest.mark.parametrize("title, want", [
    ("XX市妇联关于青年理论学习小组建设情况汇报", "市妇女联合会"),
    ("市卫健委关于主题教育检视整改工作进展情况汇报", "市卫生健康委"),
    ("县纪委书记在主题教育学习会上的研讨发言", "县纪委"),
    ("组织部长在区委理论学习中心组专题研讨会上的交流发言", "组织部"),
    ("市市场监管局局长在市委主题教育读书班研讨会上的讲话", "市市场监督管理局"),
    ("分管城建的副县长在县委中心组研讨交流会上的发言", "县政府"),
    ("2023年度局党组理论学习中心组学习情况汇报", "局党组"),
    ("中共XX市委组织部关于开展主题教育的情况汇报", "市委组织部"),
    ("XX县委宣传部部长在全县宣传工作会议上的讲话", "县委宣传部"),
    ("国家税务总局XX市税务局党委书记在读书班上的讲话", "市税务局党委"),  # reported as 市税务局
    ("XX县人力资源和社会保障局关于主题教育的汇报", "县人力资源和社会保障局"),
])
def test_title_names_the_unit(title, want):
    assert find_title_unit(title)[0] == want


def test_venue_alone_is_not_the_speaker():
    assert reporting("按照会议安排，我结合区委李书记讲话精神作发言。", "在区委主题教育读书班上的交流发言") is None


def test_venue_counts_when_the_body_keeps_naming_it():
    body = "全市公安机关要坚定信心。全市公安机关要狠抓落实。"
    assert reporting(body, "在公安机关主题教育专题读书班上的党课辅导报告") == "市公安机关"


def test_first_sentence_subject():
    body = "市知识产权局青年理论学习小组坚持学习，推动工作。下一步继续努力。"
    assert reporting(body, "", title_derived=True) == "市知识产权局"


def test_superiors_in_the_opening_are_not_the_speaker():
    body = "这次会议，主要任务是坚决落实党中央和省委、市委对主题教育工作的决策部署。同志们要努力。"
    assert reporting(body, "在主题教育推进会议上的讲话") is None


def test_self_reference_resolves_to_unit_named_elsewhere():
    body = "结合我局工作实际，现制定市局2023年度理论学习计划。"
    assert reporting(body, "", title_derived=True) == "市局"


def test_self_reference_without_a_named_unit():
    body = "我局党组牢牢把握政治机关的本质属性。"
    assert reporting(body, "", title_derived=True) == "局党组"


def test_no_unit_at_all():
    assert reporting("下面，我联系自身工作实际谈几点体会。", "第二批主题教育发言") is None


def test_bare_self_reference_gives_the_unit_word():
    assert reporting("今年以来，我局坚持把理论学习放在首位。", "", title_derived=True) == "局"


def test_a_leader_speaking_at_a_units_meeting_speaks_for_it():
    body = "今天召开市妇联年度工作会议。市妇联各部门要狠抓落实。"
    assert reporting(body, "XX同志在XX市妇联2023年工作会议上的讲话") == "市妇女联合会"


def test_opening_takes_the_whole_chain_not_its_first_committee():
    body = "注重融会贯通。XX市委网信办深入学习贯彻党的二十大精神。"
    assert reporting("同志们：\n" + body, "", title_derived=True) == "市委网络安全和信息化委员会办公室"


def test_reporting_unit_is_the_unit_not_its_party_body():
    assert reporting("第二批主题教育开展以来，市税务局党委树牢政绩观。", "", title_derived=True) == "市税务局"
    assert reporting("松涛社区党委坚持把学习放在首位。", "", title_derived=True) == "松涛社区党委"


def test_this_unit_is_the_unit_most_named():
    body = "今年以来，本单位坚持学习。联合XX县文旅局开展活动。XX县医保局党组研究部署。XX县医保局推进整改。"
    assert reporting(body, "", title_derived=True) == "县医疗保障局"


def test_title_unit_evidence_is_a_sentence_naming_it_when_the_title_is_not_in_the_text():
    doc = Document(doc_id="t", title="XX市妇联关于学习情况的汇报", text="同志们：\n今年以来，市妇联坚持学习。")
    ctx = Context.from_document(doc)
    ctx.found["organizations"] = extract_organizations(ctx)
    item = extract_reporting_org(ctx)[0]
    assert item["evidence"] == "今年以来，市妇联坚持学习。"
    assert doc.text[item["start"]:item["end"]] == item["evidence"]


def test_masked_school_in_the_title():
    body = "今年以来，学校党委把学习作为重要内容。"
    assert reporting(body, "某大学党委书记专题党课：以学铸魂") == "大学"
