"""Reporting unit: the cues (title, byline, author line, opening subject,
self-reference, signature) and the vote between them."""
from __future__ import annotations

from dataclasses import replace

import pytest

from kg.document import Document
from kg.extract.base import Context
from kg.extract.orgs import extract_organizations, extract_reporting_org, find_title_unit
from kg.extract.orgs.reporting import reporting_candidates
from kg.ingest import split_documents
from kg.ingest.normalize import normalize_text


def reporting_item(text, title="", title_derived=False, meta=None):
    full = (title + "\n" + text) if title and not title_derived else text
    doc = Document(doc_id="t", title=title, text=full, norm=normalize_text(full), title_derived=title_derived,
                   meta=meta or {})
    ctx = Context.from_document(doc)
    ctx.found["organizations"] = extract_organizations(ctx)
    got = extract_reporting_org(ctx)
    for item in got:
        assert full[item["start"]:item["end"]] == item["evidence"]
    return got[0] if got else None


def reporting(text, title="", title_derived=False, meta=None):
    item = reporting_item(text, title, title_derived, meta)
    return item["name"] if item else None


def from_page(page: str, genre: str | None = None):
    """The reporting unit of a page as ingest cuts it (bylines read, junk dropped); ``genre`` overrides ingest's."""
    doc = split_documents(page, source="page.txt")[0]
    if genre is not None:
        doc = replace(doc, genre=genre)
    ctx = Context.from_document(doc)
    ctx.found["organizations"] = extract_organizations(ctx)
    got = extract_reporting_org(ctx)
    return got[0] if got else None


@pytest.mark.parametrize("title, want", [
    ("XX市妇联关于青年理论学习小组建设情况汇报", "市妇联"),
    ("市卫健委关于主题教育检视整改工作进展情况汇报", "市卫健委"),
    ("县纪委书记在主题教育学习会上的研讨发言", "县纪委"),
    ("组织部长在区委理论学习中心组专题研讨会上的交流发言", "组织部"),
    ("市市场监管局局长在市委主题教育读书班研讨会上的讲话", "市市场监管局"),
    ("中共XX市委组织部关于开展主题教育的情况汇报", "市委组织部"),
    ("XX县委宣传部部长在全县宣传工作会议上的讲话", "县委宣传部"),
    ("国家税务总局XX市税务局党委书记在读书班上的讲话", "市税务局党委"),
    ("XX县人力资源和社会保障局关于主题教育的汇报", "县人力资源和社会保障局"),
])
def test_title_names_the_speaker_as_written(title, want):
    unit, how = find_title_unit(title)
    assert (unit.name, how) == (want, "title speaker")


@pytest.mark.parametrize("title, want", [
    ("县委常委、组织部部长在全县第二批主题教育工作推进会上的讲话", "县委组织部"),
    ("市委常委、政法委书记在全市政法工作会议上的讲话", "市委政法委"),
])
def test_a_standing_committee_member_speaks_for_the_department_they_head(title, want):
    unit, how = find_title_unit(title)
    assert (unit if isinstance(unit, str) else unit.name, how) == (want, "title speaker")


def test_an_author_line_of_posts_names_the_department_not_the_committee():
    text = ("县委常委、组织部部长　王某\n同志们：\n今天召开全县推进会，把任务再明确一下。"
            "刚才，县发改局、城关镇作了交流发言。下面，我讲三点意见。县委组织部将加强督导。")
    assert reporting(text, "在全县第二批主题教育工作推进会上的讲话") == "县委组织部"


def test_a_role_alone_names_the_government():
    assert find_title_unit("分管城建的副县长在县委中心组研讨交流会上的发言") == ("县政府", "title role")


def test_venue_alone_is_not_the_speaker():
    assert reporting("按照会议安排，我结合区委李书记讲话精神作发言。", "在区委主题教育读书班上的交流发言") is None


def test_venue_counts_when_the_body_keeps_naming_it():
    body = "全市公安机关要坚定信心。全市公安机关要狠抓落实。"
    assert reporting(body, "在公安机关主题教育专题读书班上的党课辅导报告") == "市公安机关"


def test_first_sentence_subject_and_its_study_group_answers_for_the_unit():
    body = "市知识产权局青年理论学习小组坚持学习，推动工作。下一步继续努力。"
    assert reporting(body, "", title_derived=True) == "市知识产权局"


@pytest.mark.parametrize("body, want", [
    ("11月21日下午，土木工程学院党总支召开专题学习会。学院党总支书记主持。", "土木工程学院党总支"),
    ("为深入推进党纪学习教育，5月22日下午，工商管理学院党委在会议室举行专题党课。", "工商管理学院党委"),
    ("本报讯（记者 王某）近日，县蒙古族幼儿园党支部开展迎七一系列活动。", "县蒙古族幼儿园党支部"),
    ("开展教育整顿以来，四川省屏山县人民法院狠抓三个环节。", "四川省屏山县人民法院"),
])
def test_the_subject_of_the_opening_clause_reports(body, want):
    assert reporting(body, "", title_derived=True) == want


def test_a_news_title_names_its_subject():
    body = "3月17日，区教体局召开理论学习中心组学习会议。区教体局班子成员参加会议。"
    assert reporting(body, "区教体局召开理论学习中心组学习（扩大）会") == "区教体局"


def test_superiors_and_governors_in_the_opening_do_not_report():
    body = "这次会议，主要任务是坚决落实党中央和省委、市委对主题教育工作的决策部署。同志们要努力。"
    assert reporting(body, "在主题教育推进会议上的讲话") is None
    body = "根据市委统一部署，县文旅局召开专题会议。"
    assert reporting(body, "", title_derived=True) == "县文旅局"


def test_self_reference_resolves_to_the_unit_named_elsewhere():
    body = "结合我局工作实际，现制定市局2023年度理论学习计划。"
    assert reporting(body, "", title_derived=True) == "市局"


def test_self_reference_to_a_body_the_text_names():
    assert reporting("我局党组牢牢把握政治机关的本质属性。", "", title_derived=True) == "局党组"


@pytest.mark.parametrize("body, want", [
    ("今年以来，我局坚持把理论学习放在首位。", "局"),
    ("截至目前，我镇建立两新组织党支部9个。", "镇"),
])
def test_self_reference_without_a_named_unit_gives_the_unit_word(body, want):
    item = reporting_item(body, "", title_derived=True)
    assert (item["name"], item["how"]) == (want, "self reference bare")


def test_no_unit_at_all():
    assert reporting("下面，我联系自身工作实际谈几点体会。", "第二批主题教育发言") is None


def test_a_leader_speaking_at_a_units_meeting_speaks_for_it():
    body = "今天召开市妇联年度工作会议。市妇联各部门要狠抓落实。"
    assert reporting(body, "XX同志在XX市妇联2023年工作会议上的讲话") == "市妇联"


def test_opening_takes_the_whole_chain_not_its_first_committee():
    body = "注重融会贯通。XX市委网信办深入学习贯彻党的二十大精神。"
    assert reporting("同志们：\n" + body, "", title_derived=True) == "市委网信办"


def test_the_party_body_reports_as_the_text_names_it():
    assert reporting("第二批主题教育开展以来，市税务局党委树牢政绩观。", "", title_derived=True) == "市税务局党委"
    assert reporting("松涛社区党委坚持把学习放在首位。", "", title_derived=True) == "松涛社区党委"


def test_this_unit_is_the_unit_most_named():
    body = "今年以来，本单位坚持学习。联合XX县文旅局开展活动。XX县医保局党组研究部署。XX县医保局推进整改。"
    assert reporting(body, "", title_derived=True) in ("县医保局", "县医保局党组")


def test_title_unit_evidence_is_a_sentence_naming_it_when_the_title_is_not_in_the_text():
    doc = Document(doc_id="t", title="XX市妇联关于学习情况的汇报", text="同志们：\n今年以来，市妇联坚持学习。")
    ctx = Context.from_document(doc)
    ctx.found["organizations"] = extract_organizations(ctx)
    item = extract_reporting_org(ctx)[0]
    assert item["name"] == "市妇联"
    assert doc.text[item["start"]:item["end"]] == item["evidence"]


def test_masked_school_in_the_title():
    body = "今年以来，学校党委把学习作为重要内容。"
    assert reporting(body, "某大学党委书记专题党课：以学铸魂") in ("大学", "大学党委")


def test_an_inspection_group_in_the_title_yields_to_the_unit_it_visits():
    body = ("11月5日，市委主题教育第九指导组莅临市第二人民医院检查指导工作。"
            "该院党委书记代表医院做汇报。市第二人民医院党委高度重视。")
    title = "市委主题教育指导组督查市第二人民医院主题教育工作"
    assert reporting(body, title) in ("市第二人民医院", "市第二人民医院党委")


def test_the_author_line_under_the_title():
    body = "星火村党总支书记 王某某\n本年度，我将围绕三个关键字进行汇报。"
    item = reporting_item(body, "2023年度基层党建专项述职报告")
    assert (item["name"], item["how"].split(", ")[0]) == ("星火村党总支", "author line")


def test_the_signature_at_the_end():
    body = "今年以来，我们坚持学习。下一步，我们将继续努力。\n县林业局\n2024年1月5日"
    assert reporting(body, "2023年理论学习情况汇报") == "县林业局"


def test_a_subtitle_under_the_title():
    page = "党员进社区 增进党群情\n——某市统计局开展党员进社区志愿服务活动\n11月2日，机关党员志愿者走进社区。"
    item = from_page(page)
    assert item["name"] == "市统计局" and "subtitle" in item["how"]


def test_a_byline_naming_a_unit_the_text_names_counts():
    page = ("下基层访群众 听民心解民忧\n【 字体:  稿件来源: 县人社局  作者: 张某   时间:2023-06-19\n"
            "日前，县人社局组织干部赴乡村开展宣传调查。一是方式灵活。二是内容丰富。")
    item = from_page(page)
    assert item["name"] == "县人社局" and "byline source named" in item["how"]


def test_a_newspaper_in_the_byline_is_no_cue():
    page = "市政府党组举行读书班\n信息来源:某某日报 发布日期:2024年05月29日\n近日，市政府党组举行读书班。"
    item = from_page(page)
    assert item["name"] == "市政府党组" and "byline" not in item["how"]


def test_how_and_score_say_why():
    item = reporting_item("11月2日，县统计局召开学习会。县统计局党组书记主持。", "县统计局召开学习会")
    assert item["how"].startswith("title speaker") and "opening subject" in item["how"]
    assert item["score"] >= 10


def test_the_owner_of_the_plan_the_opening_announces():
    body = "为加强理论武装，结合我局工作实际，现制定市局2023年度理论学习计划。\n一、总体要求\n局党组带头学习。局党组书记讲党课。"
    item = reporting_item(body, "", title_derived=True)
    assert item["name"] == "市局" and "plan owner" in item["how"]


def test_our_school_is_the_school_party_committee_when_only_that_is_named():
    body = "12月16日，我校举行基层党委书记述职评议会，校党委书记出席会议。"
    assert reporting(body, "", title_derived=True) in ("校党委", "我校")


def test_a_bare_suffix_in_the_title_reports_as_the_unit_the_text_names():
    body = "一年来，__镇团委在镇党委的领导下，团结带领团员青年奋发进取。"
    assert reporting(body, "团委2023年工作总结和2024年工作思路") == "镇团委"


@pytest.mark.parametrize("title, body, want", [
    ("在中国共产党第十次全国代表大会上的报告",
     "同志们！\n中国共产党第十次全国代表大会是在粉碎了某反党集团以后召开的。某反党集团妄图篡党夺权。", "中共中央"),
    ("报告", "同志们：\n现在，我代表第十七届中央委员会向大会作报告。某反党集团已被粉碎。", "中共中央"),
    ("2016年政府工作报告", "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。", "国务院"),
    ("第十二届全国人民代表大会第五次会议关于政府工作报告的决议",
     "第十二届全国人民代表大会第五次会议听取和审议了国务院总理所作的政府工作报告。", "全国人民代表大会"),
])
def test_a_national_report_is_given_by_the_unit_its_occasion_names(title, body, want):
    assert reporting(body, title=title) == want


def test_a_local_report_following_the_state_council_is_still_the_units():
    body = "市统计局党组根据国务院部署，开展集中学习12次。我局党员干部全部参加。"
    assert reporting(body, title="市统计局2023年学习情况汇报") == "市统计局"


def test_a_role_further_on_in_a_news_title_does_not_name_the_speaker():
    unit, how = find_title_unit("市老干部局召开离退休干部党支部书记培训会")
    assert (unit.name, how) == ("市老干部局", "title speaker")


def test_a_branch_word_reports_as_the_branch_the_title_names():
    body = "今年以来，在区委的坚强领导下，分局党委坚持以学促干。分局党委理论学习中心组集中学习8次。"
    assert reporting(body, "某公安分局2024年上半年党建工作总结") in ("公安分局", "公安分局党委")


def test_a_bank_named_by_its_short_name_is_one_unit_with_its_full_name():
    found = {o["name"]: o for o in extract_organizations(Context.from_document(Document(
        doc_id="t", title="", text="中国工商银行某支行党支部开展活动。工行某支行党支部组织党员学习。")))}
    assert len(found) == 2 and all("工行支行党支部" in o["aliases"] or "工行支行" in o["aliases"] for o in found.values())


def test_an_outline_number_before_the_subject_does_not_hide_it():
    body = "1、妇联年度工作总结和明年工作思路。2013年，在市委、市政府的领导下，全市各级妇联组织认真贯彻落实。"
    assert reporting(body, "", title_derived=True) == "妇联"


def test_a_unit_above_the_level_the_text_calls_its_own_yields():
    body = ("5月20日，省委老干部局召开全省老干部局长座谈会，省委老干部局作重要讲话。"
            "我市作为代表单位介绍了我市的老干部工作。市委老干部局将抓好落实。市委老干部局召开专题会议。")
    item = reporting_item(body, "", title_derived=True)
    assert item["name"] == "市委老干部局"


def test_the_unit_an_inspection_group_of_the_title_visits_reports():
    title = "市委“不忘初心、牢记使命”主题教育指导组督查市二医院主题教育工作"
    body = ("11月5日，市委“不忘初心、牢记使命”主题教育第九指导组一行莅临市第二人民医院检查指导工作。"
            "该院党委书记代表医院做汇报。")
    assert reporting(body, title) in ("市二医院", "市第二人民医院", "市第二人民医院党委")


def test_a_unit_that_is_only_the_venue_of_the_opening_is_no_subject():
    body = ("7月11日上午，某区人民法院九楼审判庭座无虚席。区纪委监委组织党员干部旁听庭审。"
            "区纪委监委驻区住建局纪检监察组全程参与。")
    assert reporting(body, "", title_derived=True) == "区纪委监委"


def test_the_unit_honoured_with_a_visit_reports_not_the_visitor():
    text = ("5月8日，省交通运输厅副厅长一行莅临青山县交通运输局调研指导。"
            "调研组听取了创建工作情况汇报，查阅了资料。")
    assert reporting(text) == "青山县交通运输局"
    item = reporting_item(text)
    assert "opening visited" in item["how"]


@pytest.mark.parametrize("title, want", [
    ("学校书记2025年度抓党建工作述职报告", "学校"),
    ("集团召开2024年度党建工作会议", "集团"),
])
def test_a_unit_naming_itself_by_its_kind_in_the_title_reports(title, want):
    assert reporting("尊敬的各位领导：现将一年来的工作报告如下。", title=title) == want


def test_a_signature_with_the_signers_name_after_the_unit_names_the_unit():
    text = ("按照县委政法委安排，县司法局党组组织了这次读书班。我结合所里的工作谈几点体会。\n\n"
            "以上发言，请批评指正。\n\n青山县司法局石岭司法所　李XX\n2024年6月")
    assert reporting(text, title="在全县政法系统读书班上的交流发言") == "青山县司法局石岭司法所"


def test_a_report_sent_to_a_committee_is_the_signers_not_the_addressees():
    text = ("县委：\n\n根据县委部署，部领导班子召开了专题民主生活会。县委常委、统战部部长主持会议，"
            "县委组织部有关同志列席。现将有关情况报告如下。\n\n一、会前准备\n\n县委要求班子成员逐一谈心谈话。"
            "县委督导组到会指导。\n\n中共XX县委统战部\n2024年1月22日")
    assert reporting(text, title="关于召开专题民主生活会情况的报告") == "县委统战部"


def test_a_byline_unit_with_its_place_is_the_texts_unit_without_it():
    page = ("青春答卷写在赛场上\n\n发布时间:2024-05-09  来源:青山县教体局  作者:胡静\n\n"
            "5月8日,全县中小学生党史知识竞赛决赛开赛。本次竞赛由县教体局、团县委联合主办,县实验中学承办。"
            "县实验中学组织志愿者服务。县教体局有关负责同志出席并讲话。")
    found = from_page(page)
    assert found is not None and found["name"].endswith(("县教体局", "县教育和体育局", "县教育体育局"))


def test_the_writers_unit_in_a_last_line_reports_a_personal_essay():
    text = ("七月中旬，我参加了县教育局组织的暑期师德师风专题培训。我聆听了市教育科学研究院专家的专题辅导，"
            "收获很大。\n\n今后我校将继续做好家访。\n\n（作者单位：XX县第二实验小学语文教研组　刘某某）")
    assert reporting(text, title="守住三尺讲台上的初心——暑期培训心得体会") == "县第二实验小学"


def test_a_kind_of_place_opened_in_a_news_title_does_not_speak():
    page = ("“家门口”服务站开张 群众小事有人管\n\n来源：石岭街道办事处   作者：通讯员 刘某\n\n"
            "5月15日上午,长安区石岭街道党工委联合区人民医院在社区文化广场开展集中服务活动。"
            "区医院派出医护人员为居民测血压。")
    found = from_page(page)
    assert found is not None and found["name"] in ("长安区石岭街道党工委", "石岭街道办事处")


def test_a_byline_unit_is_reported_in_the_texts_spelling():
    page = ("青春答卷写在赛场上\n\n发布时间:2024-05-09  来源:青山县教体局  作者:胡静\n\n"
            "5月8日,全县中小学生党史知识竞赛决赛开赛。本次竞赛由县教体局、团县委联合主办。"
            "县教体局有关负责同志出席并讲话。")
    assert from_page(page)["name"] == "县教体局"


def test_we_on_a_page_supplied_by_a_branch_is_that_branch_not_a_partner():
    page = ("主题党日活动总结\n\n供稿: 数学科学学院2022级研究生党支部   发布时间: 2024-05-06\n\n"
            "4月中下旬我们支部开展了系列主题党日活动。我们支部与物理学院研究生党支部开展联学。")
    assert from_page(page)["name"] == "数学科学学院2022级研究生党支部"


def test_a_byline_after_the_pages_date_is_read_and_a_media_centre_does_not_report():
    page = ("骑手歇脚点变身暖心站\n\n2024-06-18 09:32    来源：长安区融媒体中心    通讯员 罗某\n\n"
            "6月14日傍晚，外卖骑手陆续走进产业园党群服务中心。这是星湖园区党委打造的服务站。"
            "星湖园区党委还组织志愿者量血压。")
    assert from_page(page)["name"] == "星湖园区党委"


def test_a_title_opening_with_a_national_body_speaks_for_its_local_unit():
    """The local unit keeps the agency in its name, as the text writes it."""
    body = "市局党委理论学习中心组坚持第一议题制度，全年集中学习12次。"
    assert reporting(body, "国家税务总局汉中市税务局党委理论学习中心组2024年学习计划") == "国家税务总局汉中市税务局党委"


def test_a_part_the_scan_cut_reports_by_its_whole_name():
    """接访中心党支部 in the title is cut to 中心党支部 (接访 is a verb); the body names it whole."""
    page = ("接访中心党支部开展主题党日活动\n\n来源：接访中心   发布时间：2024-06-21\n\n"
            "6月19日，市信访局接访中心党支部组织党员走进社区。接访中心党支部书记作了总结。")
    assert from_page(page)["name"] == "市信访局接访中心党支部"


def test_a_kind_of_unit_with_its_sibling_in_brackets_does_not_report():
    """镇新时代文明实践所（站）: the institutes and stations the town builds; the town reports."""
    text = ("自2022年建成新时代文明实践所（站）以来，我镇扎实推进建设工作。"
            "现将青山镇新时代文明实践所（站）建设情况汇报如下。镇新时代文明实践所（站）开展活动20场。")
    got = reporting(text, "青山镇新时代文明实践所（站）建设情况汇报")
    assert got.endswith("镇") and "实践所" not in got


def test_a_station_speaking_of_itself_is_the_station():
    """我台 is the broadcaster's own word for itself; the superior guiding it does not report."""
    text = ("今年以来，我台青年理论学习小组在台党委的坚强领导和市委宣传部的具体指导下，扎实开展学习。"
            "小组坚持每月集中学习一次。小组成员撰写心得20篇。\n\n青州市广播电视台\n2023年12月20日")
    assert reporting(text, "2023年度青年理论学习小组工作情况汇报") == "青州市广播电视台"


def test_a_study_group_called_by_its_kind_reports_as_its_unit():
    """小组 alone stands for 市港航中心青年理论学习小组, whose unit is 梧州市港口航道发展中心."""
    text = ("为推动党纪学习教育走深走实，6月以来，市港航中心青年理论学习小组以学纪、知纪为主线开展学习。"
            "小组组织青年干部观看警示片。小组还开展知识竞赛。小组成员撰写心得30篇。小组邀请纪检干部授课。"
            "活动得到梧州市港口航道发展中心的支持。")
    assert reporting(text, "港航青年廉学正当时") in ("梧州市港口航道发展中心", "市港航中心")


def test_a_villages_two_committees_do_not_report():
    text = "5月，村“两委”干部轮流到镇便民服务中心值班。村“两委”成员走访农户。青山镇党委书记作总结。"
    assert "两委" not in (reporting(text, "青山镇开展驻村干部轮训") or "")


def test_units_that_spoke_before_the_speaker_do_not_report():
    """刚才, in a speech, opens what others at the meeting did; the speaker's unit is on the page."""
    page = ("组织部长在全县党员教育工作会议上的讲话\n\n信息来源：某县先锋网    发布时间：2023-04-20\n\n同志们：\n"
            "刚才，县委党校、县教育局党委的同志作了发言，各有特色。下面，我讲三点意见。\n"
            "去年，县委组织部坚持把发展党员质量放在首位。\n\n版权所有：中共某县委组织部")
    assert from_page(page)["name"] == "县委组织部"


def test_we_the_school_is_the_school_not_the_party_school_it_names():
    text = ("老师们：新学期开学了。今天学校党总支召开大会。上学年，二中党总支组织集体学习十二次，"
            "还邀请县委党校的老师来校辅导。我校教师获奖30人次。崇阳县第二中学将继续努力。")
    assert reporting(text, "在全校教职工大会上的讲话") in ("崇阳县第二中学", "二中党总支", "二中")


def test_the_unit_leading_an_event_others_join_reports_it():
    text = ("9月11日至17日，网络安全宣传周系列活动陆续开展。今年的宣传周由县委网信办牵头，县委宣传部、县公安局及"
            "县教育局联合主办，县融媒体中心协办。开幕当天，广场上搭起30多个展台。县委网信办工作人员现场讲解。")
    assert reporting(text, "网络安全为人民 网络安全靠人民") == "县委网信办"


def test_a_byline_abbreviation_votes_for_the_texts_full_name():
    page = ("作家读者面对面\n\n来源：县作协   编辑：林某   发布时间：2024-04-25 16:08\n\n"
            "4月23日，县图书馆内座无虚席。永嘉县作家协会联合县图书馆举办读者见面会。县作家协会主席主持。")
    assert from_page(page)["name"] == "永嘉县作家协会"


def test_in_a_first_person_piece_the_unit_opening_it_sets_the_scene():
    page = ("在基层一线成长\n——参加年轻干部培养计划的几点体会\n来源：某区商务局    作者：刘某\n\n"
            "今年3月，区委组织部启动年轻干部培养计划，首批选派35名年轻干部到社区历练。"
            "我有幸成为其中一员。挂职以来，我局领导多次到社区看望我们。我白天走街串巷，晚上整理民情日记。")
    assert from_page(page, genre="心得")["name"] == "区商务局"


def test_the_speakers_post_in_a_last_line_reports_a_speech_given_elsewhere():
    text = ("各位领导、同志们：\n\n按照市局党组安排，我参加了为期五天的读书班。下面，我结合经开分局的工作实际，谈三点体会。"
            "\n\n我们经开分局全体干部将把所学转化为实际行动。\n\n"
            "（发言人系市自然资源和规划局经济技术开发区分局党支部书记、局长）")
    got = reporting(text, title="守好资源家底——在市局主题教育读书班上的交流发言")
    assert got == "市自然资源和规划局经济技术开发区分局党支部"


def test_the_portal_a_page_was_copied_from_does_not_report():
    page = ("青山县人民政府门户网站\n首页 > 新闻中心 > 部门动态\n\n县直单位党员干部专题读书班开班\n\n"
            "发布时间：2024-11-18  来源：青山组工\n\n11月13日，由县委组织部、县委宣传部联合举办的专题读书班在县委党校开班。"
            "县委组织部有关负责同志作动员讲话。")
    found = from_page(page)
    assert found is not None and found["name"] == "县委组织部"


def test_a_writer_introducing_their_unit_reports_their_essay():
    text = ("我是国网安化县供电公司梅城供电所的一名配电运维工，2017年在所里入的党。"
            "这次县供电公司党委组织党员开展“红色电管家”活动，我报了名。")
    assert reporting(text, title="守好一方光明——参加支部活动的几点心得") == "国网安化县供电公司梅城供电所"


def test_wo_suo_before_a_verb_is_no_self_reference():
    text = ("各位领导：我是白河区桂溪湾街道党工委书记。读书班采取分组研讨的方式，我所在的第三组共有12名学员。"
            "桂溪湾派出所也派员参加了研讨。")
    assert reporting(text, title="在全区党纪学习教育读书班上的交流发言") == "白河区桂溪湾街道党工委"


def test_the_speaker_of_a_subtitle_outweighs_the_host_of_the_meeting():
    text = ("——县纪委常委在青石镇警示教育大会上的讲话\n\n同志们：\n\n今天，青石镇党委召开警示教育大会，"
            "青石镇党委高度重视，青石镇党委班子成员全部参加。县纪委要求大家以案为鉴。")
    assert reporting(text, title="以案为鉴 把纪律规矩挺在前面") == "县纪委"


def test_as_a_member_of_a_unit_names_the_writers_unit():
    text = ("作为县财政局的一名年轻干部，我参加了市委党校举办的青年干部培训班。"
            "市委党校的老师讲得深入浅出，市委党校的课程安排紧凑。")
    assert reporting(text, title="青春在学习中淬炼——培训心得") == "县财政局"


def test_a_bare_kind_gives_its_votes_to_the_one_full_name_of_that_kind():
    text = ("今年以来，矿党委理论学习中心组坚持每月集中学习一次。我矿组织班子成员深入采煤一线调研。"
            "矿党委将继续抓好学习。\n\n中共青松能源集团白石岭煤矿委员会\n2024年7月5日")
    item = reporting_item(text, title="上半年理论学习中心组学习情况汇报")
    assert item["name"] == "中共青松能源集团白石岭煤矿委员会"
    assert "signature" in item["how"] and "opening subject" in item["how"]


def test_a_committee_speaking_of_itself_as_wo_wei_is_its_full_name():
    text = ("现将我委党工委近期学习情况汇报如下。我委党工委坚持第一议题制度。委党工委将继续抓好学习。"
            "\n\n中共青岚湖风景名胜区管理委员会党工委\n2024年7月5日")
    item = reporting_item(text, title="关于学习贯彻全会精神情况的汇报")
    assert item["name"].startswith("中共青岚湖风景名胜区管理委员会"), item


def test_a_bare_kind_with_two_full_names_of_that_kind_keeps_its_own_votes():
    text = ("局党组召开会议。县财政局、县税务局的同志列席。局党组要求抓好整改。")
    assert reporting(text) == "局党组"


def test_one_page_gives_one_byline_vote_to_a_unit_however_many_fields_name_it():
    page = ("秋收一线党旗红\n\n发布时间:2024-10-08   来源:青山区粮食和物资储备局   作者:通讯员 周某\n"
            "主办单位:青山区粮食和物资储备局\n\n"
            "10月6日，南岭粮库党支部把主题党日搬到收购现场，区粮食收储公司党总支的党员一同参加。"
            "区粮食和物资储备局有关负责同志到场指导。活动中，党员们为售粮群众提供免费检测服务。")
    found = from_page(page)
    assert found is not None and found["name"] == "南岭粮库党支部"


def test_a_bare_kind_keeps_its_votes_when_only_the_prose_names_a_full_name_of_its_kind():
    text = "局党委召开理论学习中心组会议，传达省林业局有关部署。省林业局对保护工作提出要求。我局党委要求抓好落实。"
    assert reporting(text) == "局党委"


def test_a_bare_kind_joins_the_unit_the_byline_names():
    page = ("情系青石村 携手促振兴\n\n发布时间：2024-11-15 16:42    来源：青山市住房和城乡建设局\n\n"
            "11月13日，局党组成员带领机关党员来到结对帮扶的青石村开展主题党日活动。局党组要求持续做好帮扶工作。"
            "市住建局将继续落实结对共建。")
    found = from_page(page)
    assert found is not None and found["name"] in ("青山市住房和城乡建设局", "市住建局")


@pytest.mark.parametrize("post, unit", [
    ("县林业局党组书记、局长　周XX", "县林业局"),
    ("市残联党组书记、理事长　吴XX", "市残联党组"),  # no head of the unit named by the role table: the body stays
    ("县总工会党组书记、常务副主席　郑XX", "县总工会"),
    ("县林业局党组书记、副局长　周XX", "县林业局党组"),  # a deputy speaks as the secretary
])
def test_a_secretary_who_heads_the_unit_speaks_for_the_unit(post, unit):
    page = (f"在全县系统党风廉政建设工作会议上的讲话\n\n{post}\n（2024年3月8日）\n\n同志们：\n"
            f"今天召开会议，主要任务是部署今年的工作。{post.split('书记')[0]}研究决定，开展专题学习。下面，我讲三点意见。")
    assert from_page(page)["name"] == unit


def test_a_meeting_the_secretary_chairs_stays_the_bodys():
    text = ("3月8日，县林业局党组召开理论学习中心组学习会。县林业局党组书记、局长周XX主持会议。"
            "县林业局党组成员参加。")
    assert reporting(text, "县林业局党组召开理论学习中心组学习会") == "县林业局党组"


def test_every_court_of_the_city_hosts_no_meeting():
    """在全市法院…上的讲话: a collective venue names no host; the page's court speaks."""
    page = ("白河市中级人民法院\n\n在全市法院党纪学习教育读书班开班式上的讲话\n\n"
            "发布日期：2024-05-09　　来源：白河市中级人民法院\n\n同志们：\n"
            "根据省法院党组的部署，经市中院党组研究，决定举办读书班。全市法院要认真组织学习。下面，我讲三点意见。"
            "我院将把学习成果转化为办案质效。")
    assert from_page(page)["name"] != "市法院"


def test_the_author_field_of_a_first_person_piece_names_the_writers_unit():
    page = ("做一名有温度的老师——学习教育家精神心得体会\n\n作者：青川县第三中学　王某　　发布时间：2024-09-20\n\n"
            "节前，学校党总支组织全体党员教师开展集中学习。我结合自己的教学谈几点体会。\n"
            "一、要有仁爱之心\n我教书十二年，越来越觉得学生需要的是理解。")
    assert from_page(page)["name"] == "青川县第三中学"


def test_a_sites_name_above_the_headline_is_its_publisher_not_its_author_line():
    page = ("湘南钢铁集团有限公司\n以学促干　在产线上交出合格答卷\n——参加主题教育读书班的几点体会\n"
            "5月，冷轧厂酸轧车间党支部组织党员参加读书班，我深受教育。\n"
            "车间党支部坚持每月开展主题党日。")
    assert from_page(page)["name"] != "湘南钢铁集团有限公司"
    doc = split_documents(page, source="page.txt")[0]
    site = next(c for c in reporting_candidates(Context.from_document(doc)) if c.name == "湘南钢铁集团有限公司")
    assert site.cues == ["byline source"]


def test_every_unit_of_a_kind_in_a_subtitle_is_no_speaker():
    page = ("青溪先锋网\n深耕一线　做群众身边的技术员\n——在全县乡镇站所负责人读书班上的交流发言\n"
            "编者按：县委组织部举办读书班。\n我是石坪镇农业服务站的站长，今天谈三点体会。")
    assert "乡镇站" not in (from_page(page)["name"] or "")


def test_a_newspaper_page_headline_is_under_its_masthead():
    page = ("青川日报数字报　　2024年3月5日　星期二\n第03版：综合新闻\n\n小小“统计员”走进调查队\n\n"
            "本报讯 3月1日，在国家统计局青川调查队举办的“统计开放日”活动中，城关小学五年级学生李朵看完演示后说，"
            "原来数据是这样来的。\n青川调查队联合县教育局开展活动，邀请该校40名师生走进调查队。\n"
            "调查队青年干部向孩子们讲解统计知识。该队负责人表示，将持续开展普法宣传。\n")
    doc = split_documents(page, source="page.txt")[0]
    assert doc.title == "小小“统计员”走进调查队"
    assert from_page(page)["name"] in ("国家统计局青川调查队", "青川调查队")


def test_a_pupil_of_a_school_speaking_is_no_act_of_the_school():
    text = ("5月8日，在县消防救援大队举办的开放日活动中，城关小学五年级学生王某说，消防员真了不起。"
            "县消防救援大队还组织学生体验灭火。")
    assert reporting(text) == "县消防救援大队"
