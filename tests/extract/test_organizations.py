"""Organization rules on inline sentences: the hard cases of SCHEMA §2."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.base import Context
from kg.extract.orgs import extract_organizations, find_org_mentions
from kg.extract.orgs import canonical_name, load_org_rules, strip_mask


def names(text):
    return [m.name for m in find_org_mentions(text)]


def orgs_of(text, title=""):
    doc = Document(doc_id="t", title=title, text=text)
    return extract_organizations(Context.from_document(doc))


@pytest.mark.parametrize("text, want", [
    ("全面落实**市委十三届二次全会精神", "市委"),
    ("XX市妇联以上率下", "市妇联"),
    ("在与兴业银行**分行开展党建共建", "兴业银行分行"),
    ("某县税务局开展调研", "县税务局"),
])
def test_masked_parts_are_dropped(text, want):
    assert want in names(text)


def test_masked_level_keeps_a_spelling_with_the_mask_word():
    m = next(m for m in find_org_mentions("某县税务局开展调研") if m.name == "县税务局")
    assert "某县税务局" in m.aliases


def test_abbreviation_and_full_form_are_one_unit():
    orgs = orgs_of("市卫健委召开会议。市卫生健康委开展检视整改。")
    assert [o["name"] for o in orgs] == ["市卫生健康委"]
    assert orgs[0]["mentions"] == 2
    assert "市卫健委" in orgs[0]["aliases"]


def test_study_group_is_its_own_unit_linked_to_parent():
    orgs = orgs_of("市知识产权局青年理论学习小组坚持学习。青年理论学习小组开展研讨。")
    by_name = {o["name"]: o for o in orgs}
    group = by_name["市知识产权局青年理论学习小组"]
    assert group["parent"] == "市知识产权局"
    assert "青年理论学习小组" in group["aliases"]
    assert group["mentions"] == 2
    assert group["kind"] == "学习组织"


def test_bare_study_group_spellings_merge_into_one():
    orgs = orgs_of("局党组理论学习中心组集中学习。全年组织党组中心组学习12次。各位同志参加中心组学习。")
    groups = [o for o in orgs if o["name"].endswith("中心组")]
    assert len(groups) == 1
    assert {"党组中心组", "中心组"} <= set(groups[0]["aliases"])


@pytest.mark.parametrize("text", [
    "把握大局，服务全局，形成新格局",
    "青年干部和党员干部要学会学习",
    "把各项制度落到实处，不当之处敬请指正",
    "推动党的二十大精神在重庆落地，融入长江经济带",
    "以习近平同志为核心的党中央日益走近世界舞台中央",
    "各部门、各单位和基层要抓好落实",
    "市、区、街道三级妇联同步推进",
    "各级党组织和基层党支部、乡镇卫生院要落实",
    "学习党的二十届二中、三中全会精神",
])
def test_generic_words_places_and_meetings_are_not_units(text):
    found = set(names(text)) - {"党中央"}
    assert not found, found


def test_meeting_is_not_a_unit_but_its_host_is():
    assert names("贯彻市委十三届二次全会精神") == ["市委"]


def test_place_before_level_is_kept_as_the_text_gives_it():
    m = next(m for m in find_org_mentions("潼南区民政局召开读书班") if m.canonical == "区民政局")
    assert m.name == "潼南区民政局" and m.place == "潼南"
    assert "区民政局" in m.aliases


def test_place_and_bare_spellings_are_one_unit_named_with_the_place():
    orgs = orgs_of("潼南区民政局召开读书班。区民政局党员干部参加。")
    assert [(o["name"], o["mentions"]) for o in orgs] == [("潼南区民政局", 2)]
    assert "区民政局" in orgs[0]["aliases"]


def test_an_abbreviation_keeps_the_texts_spelling_and_its_expansion_is_an_alias():
    m = find_org_mentions("XX市妇联以上率下")[0]
    assert m.name == "市妇联" and m.canonical == "市妇女联合会" and "市妇女联合会" in m.aliases


def test_level_word_then_verb_inside_name():
    assert "市知识产权保护中心" in names("联合市知识产权保护中心青年理论学习小组共同举办比赛")
    assert "市自然教育办公室" in names("由市林草局直属机关党委、市自然教育办公室联合开展")


def test_and_inside_a_ministry_name():
    assert "市工业和信息化局" in names("联合市工业和信息化局开展调研")


@pytest.mark.parametrize("text, want", [
    ("XX县人力资源和社会保障局党组研究部署", "县人力资源和社会保障局党组"),
    ("XX街道办事处、XX社区党委和XX村党支部联合开展", "村党支部"),
    ("XX县融媒体中心、XX镇卫生院参加", "县融媒体中心"),
    ("XX市第一人民医院党委开展学习", "市第一人民医院党委"),
    ("对外发挥好市食药安办的作用", "市食药安办"),
    ("对接省市场监督管理局", "省市场监督管理局"),
    ("兴业银行**分行与长宁区委网信办开展联学联建", "长宁区委网信办"),
    ("兴业银行××分行机关党委与白沙县文化和旅游局签订协议", "兴业银行分行机关党委"),
    ("省委第三巡回督导组进驻", "省委第三巡回督导组"),
    ("XX县一中开展读书活动", "县一中"),
])
def test_units_never_seen_before(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text", [
    "建好“加油站”，筑牢“防火墙”",
    "建设数据中心，打造政治中心和文化中心",
    "推进法治政府和数字政府建设",
])
def test_weak_suffix_words_need_more_than_a_noun(text):
    assert names(text) == []


def test_speaker_role_is_cut_off():
    ms = find_org_mentions("县纪委书记在主题教育学习会上的研讨发言")
    assert [(m.name, m.role) for m in ms] == [("县纪委", "书记")]
    assert names("组织部长在会上发言") == ["组织部"]


def test_branch_takes_its_parent_as_spelling():
    ms = find_org_mentions("与中日友好医院分院合作")
    assert [m.name for m in ms] == ["中日友好医院分院"]
    assert "中日友好医院" in ms[0].aliases


def test_kinds():
    rules = load_org_rules()
    assert rules.kind_of("市委组织部") == "党委/党组织"
    assert rules.kind_of("市税务局") == "政府部门"
    assert rules.kind_of("市妇联") == "群团组织"
    assert rules.kind_of("市图书馆") == "事业单位"
    assert rules.kind_of("兴业银行") == "企业"
    assert rules.kind_of("青年理论学习小组") == "学习组织"


def test_canonical_and_strip():
    assert strip_mask("** 市委") == "市委"
    assert canonical_name("市外办")[0] == "市外事办公室"
    assert canonical_name("中央")[0] == "党中央"


def test_every_item_has_evidence_slicing_back():
    text = "XX市妇联召开会议，邀请市委党校专家授课。\n市妇联党组研究部署。"
    doc = Document(doc_id="t", title="", text=text)
    for o in extract_organizations(Context.from_document(doc)):
        assert text[o["start"]:o["end"]] == o["evidence"]
        assert set(o) >= {"name", "aliases", "kind", "evidence", "start", "end", "mentions"}


def test_lexicons_load():
    rules = load_org_rules()
    assert rules.suffixes and rules.reject and rules.roles and rules.self_refs
    assert "党中央" in rules.complete


def test_malformed_lexicon_line_names_file_and_line(tmp_path):
    for name in ("org_gazetteer", "org_reject", "org_boundaries", "org_followers", "study_verbs",
                 "material_reject", "reporting_governors"):
        (tmp_path / f"{name}.txt").write_text("甲\n", encoding="utf-8")
    for name in ("org_aliases", "speaker_roles", "self_references"):
        (tmp_path / f"{name}.txt").write_text("甲 => 乙\n", encoding="utf-8")
    (tmp_path / "org_suffixes.txt").write_text("# header\n局 => 政府部门\n委\n", encoding="utf-8")
    load_org_rules.cache_clear()
    try:
        with pytest.raises(LexiconError) as err:
            load_org_rules(str(tmp_path))
        assert "org_suffixes.txt:3" in str(err.value)
    finally:
        load_org_rules.cache_clear()


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市县区局委办党组中心小组学习理论青年妇联XX*某和的在、，。“”部干大学院")), max_size=60))
def test_mentions_never_raise_and_point_into_the_text(text):
    for m in find_org_mentions(text):
        assert text[m.start:m.end] == m.surface
        assert m.name and "*" not in m.name and "X" not in m.name


def test_middle_of_a_longer_name_is_not_a_unit_of_its_own():
    names_ = [o["name"] for o in orgs_of("XX市委网络安全和信息化委员会办公室召开会议。")]
    assert "市委网络安全和信息化委员会办公室" in names_
    assert "市委网络安全和信息化委员会" not in names_


def test_a_unit_named_before_its_study_group_stays():
    names_ = [o["name"] for o in orgs_of("与市委市直机关工委青年理论学习小组联学。")]
    assert {"市委市直机关工委", "市委市直机关工委青年理论学习小组"} <= set(names_)


def test_school_in_its_own_report_is_the_school():
    orgs = orgs_of("理工大学党委牢牢把握总要求。学校党委理论学习中心组开展学习。学校党委部署工作。")
    by_name = {o["name"]: o for o in orgs}
    assert "学校党委" in by_name["理工大学党委"]["aliases"]
    assert "学校党委" not in by_name


def test_bare_study_group_is_named_after_the_documents_own_unit():
    orgs = orgs_of("市外办党组认真学习。市外办组织学习。青年理论学习小组开展研讨。市外办推进工作。")
    by_name = {o["name"]: o for o in orgs}
    group = by_name["市外办青年理论学习小组"]
    assert "青年理论学习小组" in group["aliases"]
    assert group["parent"] == "市外办"
    assert "青年理论学习小组" not in by_name


def test_a_unit_before_a_verb_does_not_start_the_next_name():
    assert names("2024年，XX区应急局组织理论学习中心组集中学习") == ["区应急局", "理论学习中心组"]


def _doc_orgs(text):
    from kg.document import Document
    from kg.extract.base import Context
    from kg.extract.orgs import extract_organizations
    from kg.ingest.normalize import normalize_text

    doc = Document(doc_id="d", title="", text=text, norm=normalize_text(text))
    return {o["name"]: o for o in extract_organizations(Context.from_document(doc))}


def test_league_committee_formal_name_is_tuan_xianwei():
    found = _doc_orgs("共青团XX县委员会高度重视青年工作。团县委组织开展学习。")
    assert set(found) == {"共青团县委员会"}
    assert "团县委" in found["共青团县委员会"]["aliases"] and found["共青团县委员会"]["mentions"] == 2


def test_unit_glued_to_its_body_is_named_too():
    found = _doc_orgs("国网XX供电公司党委开展学习。公司党委召开会议。")
    assert set(found) == {"国网供电公司党委", "国网供电公司"}
    assert "公司党委" in found["国网供电公司党委"]["aliases"]


def test_generic_self_reference_study_group_joins_the_unit():
    found = _doc_orgs("县人民检察院党组理论学习中心组学习计划。院党组理论学习中心组每月学习一次。院党组负责。")
    assert "院党组理论学习中心组" not in found
    assert "院党组理论学习中心组" in found["县人民检察院党组理论学习中心组"]["aliases"]


def test_masked_school_is_a_unit_and_school_means_it():
    found = _doc_orgs("XX中学党支部开展学习。学校党支部组织活动。")
    assert {"中学", "中学党支部"} <= set(found) and "学校党支部" not in found
    assert "中学" not in _doc_orgs("我们从中学到了很多。")


@pytest.mark.parametrize("text", ["按照上级党委的部署", "配合地方党委开展工作", "所属党支部全部参加"])
def test_generic_bodies_are_no_units(text):
    assert not _doc_orgs(text)


@pytest.mark.parametrize("text, want", [
    ("6月5日，金阊新城实验小学校党支部召开民主生活会。", "金阊新城实验小学校党支部"),
    ("3月28日上午，机关退休第二党支部在活动室开展学习。", "机关退休第二党支部"),
    ("离退休支部积极探索，开展特色党建活动。", "离退休支部"),
    ("区局观测与网络处党支部联合兄弟支部开展学习。", "区局观测与网络处党支部"),
    ("11月2日，生命科学学院教工第一党支部召开大会。", "生命科学学院教工第一党支部"),
    ("电气工程系党总支召开学习会议。", "电气工程系党总支"),
])
def test_a_party_body_takes_the_whole_name_of_its_unit(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text, want", [
    ("电气工程系党总支与党群党总支联合开展学习。", ["电气工程系党总支", "党群党总支"]),
    ("县政府和共青团XX市委联合举办活动。", ["县政府", "共青团市委"]),
    ("纪委监委和平煤神马集团联合开展警示教育。", ["纪委监委", "平煤神马集团"]),
])
def test_two_units_joined_by_and_are_two_units(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text, want", [
    ("学院教学与科研办公室牵头组织。", "教学与科研办公室"),
    ("区局观测与网络处党支部联合兄弟支部开展学习。", "观测与网络处党支部"),
])
def test_and_inside_a_department_name_stays_inside(text, want):
    assert any(n.endswith(want) for n in names(text)), names(text)


@pytest.mark.parametrize("text", [
    "第一季度支部共组织进行了1次党员大会。",
    "上半年工作总结统战部",
    "认真学习中央精神",
    "积极响应学校党委下发的方案",
])
def test_time_words_and_predicates_do_not_start_a_name(text):
    assert not any(n.startswith(("第一季度", "上半年", "认真", "积极")) for n in names(text)), names(text)


def test_numbered_branches_are_named_by_their_number():
    assert names("一支部、二支部、三支部分别述职。") == ["一支部", "二支部", "三支部"]


@pytest.mark.parametrize("text", [
    "学习贯彻中共中央总书记、国家主席、中央军委主席习近平的重要指示。",
    "认真学习十四届全国人大三次会议精神。",
    "积极创建志愿服务型党支部。",
    "副局长主持会议。",
])
def test_titles_sessions_and_descriptions_are_no_units(text):
    assert names(text) == [], names(text)


def test_a_described_body_is_no_unit_of_its_own():
    assert _doc_orgs("他曾是明星党支部书记，所在支部多次受表彰。") == {}


def test_a_governing_phrase_does_not_join_two_units():
    assert "上级妇联" not in " ".join(names("在市委、市政府的领导和上级妇联的指导下开展工作。")).replace("领导和", "")
    assert not any(n.startswith("领导") for n in names("在市委、市政府的领导和上级妇联的指导下开展工作。"))


def test_short_forms_join_the_unit_they_abbreviate():
    found = _doc_orgs("近日，宁河区消防救援支队走进党校开展培训。宁河支队宣传人员授课。支队将继续开展活动。")
    unit = found["宁河区消防救援支队"]
    assert {"宁河支队", "支队"} <= set(unit["aliases"]) and unit["mentions"] == 3
    assert "宁河支队" not in found


@pytest.mark.parametrize("text, full, short", [
    ("近日，舟山海事局岱山海事处党支部开展主题党日。岱山处党支部书记讲党课。", "舟山海事局岱山海事处党支部", "岱山处党支部"),
    ("江华农村商业银行股份有限公司桥头支行举办讲座。桥头支行员工参加。", "江华农村商业银行股份有限公司桥头支行", "桥头支行"),
    ("县林业局青松岭国有林场党支部组织学习。青松岭林场党支部书记领学。", "县林业局青松岭国有林场党支部", "青松岭林场党支部"),
])
def test_a_short_form_of_a_names_end_joins_that_unit(text, full, short):
    found = _doc_orgs(text)
    assert short in found[full]["aliases"] and short not in found, found


@pytest.mark.parametrize("text, short", [
    # the document's own bureau, not the other bureau's branch
    ("县水利局局机关党支部与县农业农村局机关党支部联学。局机关党支部书记主持。", "局机关党支部"),
    # the agency's own committee, not short for the branch's
    ("国家税务总局桂林市税务局党委传达学习总局党委会议精神。", "总局党委"),
    # the village's second branch, not the school's
    ("村党总支下设第一党支部和第二党支部。县第二中学党支部与第二党支部结对。", "第二党支部"),
])
def test_a_generic_or_shared_end_joins_no_longer_name(text, short):
    found = _doc_orgs(text)
    assert not any(short in o["aliases"] and name != short for name, o in found.items()
                   if not name.startswith("县水利局")), found


def test_two_unknown_characters_between_a_unit_and_its_part_name_the_part():
    found = _doc_orgs("6月3日，榕江县公安局尚重派出所党支部开展主题党日，派出所全体民警参加。")
    assert {"榕江县公安局", "榕江县公安局尚重派出所", "榕江县公安局尚重派出所党支部"} <= set(found), found
    assert "尚重派出所" in found["榕江县公安局尚重派出所"]["aliases"]
    assert "派出所" in found["榕江县公安局尚重派出所"]["aliases"] and "派出所" not in found


def test_a_part_of_a_unit_whose_name_joins_two_fields_keeps_the_whole_name():
    found = _doc_orgs("6月15日，物理与电子学院研究生第一党支部组织党员赴纪念馆参观。")
    assert {"物理与电子学院", "物理与电子学院研究生第一党支部"} <= set(found), found


def test_a_bare_kind_named_first_is_not_the_one_unit_named_later():
    found = _doc_orgs("妇联召开会议，传达有关精神。会上，西岭实验区妇联介绍经验。")
    assert "妇联" not in found.get("西岭实验区妇联", {"aliases": []})["aliases"]


def test_the_others_of_a_kind_are_no_unit_in_a_units_report():
    found = _doc_orgs("市委党校召开述职大会。全省党校系统交流经验，市委党校作介绍。")
    assert "市委党校" in found and not any(n.endswith("省党校") for n in found)


def test_the_machine_party_committee_is_a_unit():
    assert "机关党委" in _doc_orgs("会议由机关党委书记主持，机关党委委员参加。")


def test_the_committees_of_every_level_are_no_one_unit():
    assert names("会议传达学习了省市县委关于主题教育的部署。") == []
    assert "州委" not in names("学习中央、省州委关于宣传贯彻的通知。")


def test_a_committee_before_its_department_is_named_by_the_department_only():
    found = _doc_orgs("近日，消防支队走进区委党校开展培训。州委教育工委召开中心组学习会议。")
    assert {"区委党校", "州委教育工委"} <= set(found) and "区委" not in found and "州委" not in found


def test_a_unit_before_its_party_body_is_a_unit_too():
    assert set(_doc_orgs("市林草局直属机关党委开展学习。")) == {"市林草局", "市林草局直属机关党委"}


@pytest.mark.parametrize("text, want", [
    ("今年，县文旅局与青山镇签订共建协议。", ["县文旅局", "青山镇"]),
    ("审计了区城管局、青山镇、海门镇等3个单位。", ["区城管局", "青山镇", "海门镇"]),
    ("6月5日上午，书院镇丽泽社区开展志愿服务。", ["书院镇丽泽社区"]),
    ("后寨子村位于镇北部，交通便利。", ["后寨子村"]),
    ("xx镇坚持把乡村振兴摆在首位。", ["镇"]),
    ("今年以来，**街道以党建引领社区治理。", ["街道"]),
])
def test_towns_and_villages_that_act_are_units(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text", [
    "工作队赴青山镇新前村开展调查。",
    "在大佛街道、青山镇培育2个服务站点。",
    "以智慧城市、智慧社区、智慧乡村建设为载体。",
    "建成“优质服务社区行”示范机构50个。",
    "推进乡村振兴和城镇建设，各村要落实。",
    "工作组来到XX镇走访群众。",
])
def test_towns_and_villages_as_places_are_no_units(text):
    assert not any(n.endswith(("镇", "村", "社区")) for n in names(text)), names(text)


def test_a_body_after_a_unit_cut_into_characters_takes_the_unit():
    found = names("12月6日下午，市住建局直属机关委员会在全局范围内开展述职报告会。")
    assert "市住建局直属机关委员会" in found and not any(n.startswith("局") for n in found)


def test_a_league_committee_named_with_its_city():
    m = find_org_mentions("5月9日下午，团桐城市委组织团员青年开展活动。")[0]
    assert (m.name, m.canonical, m.place) == ("团桐城市委", "团市委", "桐城")


def test_template_blanks_are_masks():
    assert names("一年来，__镇团委在镇党委的领导下开展工作。")[0] == "镇团委"


@pytest.mark.parametrize("text, want", [
    ("县委巡察办组织召开巡察工作动员会。", "县委巡察办"),
    ("县委第三巡察组进驻县应急管理局开展巡察。", "县委第三巡察组"),
    ("县纪委监委第三纪检监察室开展审查。", "县纪委监委第三纪检监察室"),
])
def test_inspection_teams_and_offices_the_dictionary_splits(text, want):
    assert want in names(text)


def test_a_second_name_in_brackets_is_an_alias_and_a_body_after_it_is_the_units():
    ms = find_org_mentions("某市烟草专卖局（公司）党组开展主题党日活动。")
    assert [m.name for m in ms] == ["市烟草专卖局", "市烟草专卖局（公司）党组"]
    assert "市烟草专卖局党组" in ms[1].aliases and ms[1].parent == "市烟草专卖局"
    ms = find_org_mentions("县工商联（总商会）召开执委会议。")
    assert [m.name for m in ms] == ["县工商联"] and "总商会" in ms[0].aliases


@pytest.mark.parametrize("text, want", [
    ("市委编办驻青山村工作队正式进驻开展工作。", "市委编办驻青山村工作队"),
    ("县纪委监委驻县住建局纪检监察组开展监督检查。", "县纪委监委驻县住建局纪检监察组"),
])
def test_a_team_stationed_by_a_unit_is_named_from_that_unit(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text, want", [
    ("国网某县供电公司党委召开理论学习中心组学习会。", "国网县供电公司党委"),
    ("民盟某市委员会开展专题调研。", "民盟市委员会"),
    ("中国移动某分公司党委开展警示教育。", "中国移动分公司党委"),
])
def test_a_national_system_keeps_its_local_units_name(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text, want, canonical", [
    ("政协某县委员会召开主席会议。", "政协县委员会", "县政协"),
    ("中国人民政治协商会议某市委员会召开常委会议。", "中国人民政治协商会议市委员会", "市政协"),
    ("中共XX区委员会召开常委会。", "中共区委员会", "区委"),
    ("共青团XX县委员会高度重视青年工作。", "共青团县委员会", "团县委"),
])
def test_the_formal_name_of_a_committee_at_a_level(text, want, canonical):
    m = find_org_mentions(text)[0]
    assert (m.name, m.canonical) == (want, canonical)


@pytest.mark.parametrize("text, want", [
    ("某经济技术开发区管委会召开会议。", "经济技术开发区管委会"),
    ("县两新工委组织开展培训。", "县两新工委"),
    ("某县农村信用合作联社开展学习。", "县农村信用合作联社"),
    ("县委党校教研室集体备课。", "县委党校教研室"),
])
def test_units_of_zones_cooperatives_and_sections(text, want):
    assert want in names(text)


def test_a_branch_word_alone_is_the_documents_own_branch():
    found = _doc_orgs("某公安分局2024年上半年党建工作总结。分局党委坚持以学促干。分局党委理论学习中心组集中学习8次。")
    assert {"公安分局", "公安分局党委", "公安分局党委理论学习中心组"} <= set(found)
    assert "分局" not in found and "分局党委" not in found


@pytest.mark.parametrize("text", [
    "通过“一支部一特色”品牌创建活动推动工作。",
    "（通讯员 余成科）日前，县人社局组织干部开展宣传。",
    "深入学习《中国共产党党校（行政学院）工作条例》。",
    "将新政府会计制度纳入培训内容。",
])
def test_brands_bylines_rule_titles_and_modifiers_name_no_unit(text):
    assert not any(n in ("一支部", "成科", "中国共产党党校", "新政府", "新人民政府") for n in names(text)), names(text)


def test_a_numbered_branch_keeps_the_words_before_its_number():
    assert "退休二支部" in names("她充分肯定了退休二支部的活动。")


def test_every_township_is_no_unit_even_read_as_a_place():
    assert not any(n.endswith("镇党委") for n in names("各乡镇党委书记参加学习。"))


def test_a_deputy_is_a_role_not_a_unit():
    assert [(m.name, m.role) for m in find_org_mentions("县委组织部副部长李四带队调研。")][-1] == ("县委组织部", "副部长")


def test_a_reporter_learning_from_a_unit_does_not_hide_it():
    assert names("记者从县统计局获悉，今年以来该局开展开放日活动。") == ["县统计局"]


def test_a_district_the_dictionary_does_not_tag_as_a_place_is_one_all_the_same():
    found = _doc_orgs("卫东区纪委监委开展警示教育。区纪委监委组织党员干部旁听庭审。纪委监委将持续推进。")
    assert list(found) == ["卫东区纪委监委"] and found["卫东区纪委监委"]["mentions"] == 3


def test_a_campaigns_quoted_name_inside_a_units_name():
    ms = find_org_mentions("市委“不忘初心、牢记使命”主题教育指导组督查工作。")
    assert ms[-1].name == "市委“不忘初心、牢记使命”主题教育指导组" and ms[-1].parent == "市委"


def test_an_institution_known_by_its_number():
    assert names("督查市二医院主题教育工作。") == ["市二医院"]


@pytest.mark.parametrize("text, group, owner", [
    ("区委主题教育第二巡回督导组莅临指导。", "区委主题教育第二巡回督导组", "区委"),
    ("县委党史学习教育第三巡回指导组成员到会。", "县委党史学习教育第三巡回指导组", "县委"),
    ("会议邀请市委学习贯彻全国两会精神宣讲团成员宣讲。", "市委学习贯彻全国两会精神宣讲团", "市委"),
])
def test_a_units_campaign_group_is_one_name_and_the_unit_only_its_owner(text, group, owner):
    orgs = {o["name"]: o for o in orgs_of(text)}
    assert group in orgs and orgs[group]["parent"] == owner
    assert owner not in orgs  # named only as the group's owner here


def test_a_masked_town_is_kept_as_its_level_word():
    m = find_org_mentions("xx镇坚持把乡村振兴摆在首位。")[0]
    assert (m.name, m.surface, m.masked) == ("镇", "xx镇", True)


@pytest.mark.parametrize("text, want", [
    ("支部主委张某主持会议。", ["支部"]),
    ("会上，龙主委作了讲话。", []),
    ("民盟市委主委王某讲话。", ["民盟市委"]),
])
def test_a_democratic_partys_chair_is_a_role_not_a_unit(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text, want", [
    ("并向新任机关党委书记赵某表示祝贺。", ["机关党委"]),
    ("希望双方党支部继续保持沟通。", ["党支部"]),
    ("一是回顾总结支部近两年来的工作。", ["支部"]),
])
def test_words_about_the_body_are_not_part_of_its_name(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text, want", [
    ("开发区通过组织企业开展观摩学习。", ["开发区"]),
    ("今年，临港开发区与青山镇签订共建协议。", ["临港开发区", "青山镇"]),
    ("市经开区党工委召开理论学习会。", ["市经开区党工委"]),
])
def test_development_zones_that_act_are_units(text, want):
    assert names(text) == want


def test_a_development_zone_as_a_place_is_no_unit():
    assert names("在开发区建设中取得新成效。") == []


@pytest.mark.parametrize("text", ["组织党员在台球厅开展活动。", "开展美丽庭院创建活动。"])
def test_rooms_and_yards_are_no_units(text):
    assert names(text) == []


def test_an_office_stationed_elsewhere_is_one_name():
    assert "国家税务总局驻西安特派办" in names("国家税务总局驻西安特派办召开会议。")


@pytest.mark.parametrize("text, want", [
    ("民建市委召开全体会议。", ["民建市委"]),
    ("九三学社工大支社召开会议。", ["九三学社工大支社"]),
    ("国网岳阳供电公司开展主题党日活动。", ["国网岳阳供电公司"]),
])
def test_a_national_systems_local_unit_keeps_the_system_in_its_name(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text, want", [
    ("国家税务总局衡阳市雁峰区税务局第二税务所党支部召开会议。", "国家税务总局衡阳市雁峰区税务局第二税务所党支部"),
    ("国家金融监督管理总局桃源监管支局开展宣传。", "国家金融监督管理总局桃源监管支局"),
    ("中国人民银行华容县支行开展主题党日。", "中国人民银行华容县支行"),
    ("国家统计局宁乡调查队开展入户走访。", "国家统计局宁乡调查队"),
])
def test_a_vertically_managed_branch_is_named_with_its_system_and_places(text, want):
    """The first unit a page names is its subject: a branch cut from its system reads as the system."""
    mentions = find_org_mentions(text)
    assert max(mentions, key=lambda m: (m.end - m.start, -m.start)).name == want
    assert all(m.start == 0 for m in mentions)


@pytest.mark.parametrize("text, want", [
    ("近日，白沙边检站执勤三队党支部开展主题党日。", "白沙边检站执勤三队党支部"),
    ("市信访局接访中心党支部组织党员学习。", "市信访局接访中心党支部"),
    ("金河林业局有限公司青松岭管护站党支部开展巡护。", "金河林业局有限公司青松岭管护站党支部"),
    ("北港海关查验科党支部与码头公司党支部共建。", "北港海关查验科党支部"),
    ("县市场监管局壶口市场监管所党支部开展宣传。", "县市场监管局壶口市场监管所党支部"),
])
def test_a_part_named_between_a_unit_and_its_ending_is_one_name(text, want):
    """The scan from 党支部 stops at a number (三队) or a verb (接访): the unit before it completes the name."""
    assert want in names(text)


@pytest.mark.parametrize("text, want", [
    ("**县红十字会开展救护培训。", "县红十字会"),
    ("清水镇新时代文明实践所开展宣讲。", "清水镇新时代文明实践所"),
    ("北岸街道河湖管护站开展巡河。", "北岸街道河湖管护站"),
    ("西湖自然资源所开展调查。", "西湖自然资源所"),
    ("县农业农村局种植业股开展培训。", "县农业农村局种植业股"),
    ("城南小学开展消防演练。", "城南小学"),
    ("局计财股牵头整理台账。", "计财股"),
])
def test_kinds_of_units_the_segmenter_splits_or_tags_oddly(text, want):
    """红十字会 is one word with no listed ending; 实践所 and 自然资源所 end in 所 read as a conjunction."""
    assert want in names(text)


@pytest.mark.parametrize("text, bare", [
    ("北山监狱召开警示教育大会。监狱全体民警参加，监狱领导逐一发言。", "监狱"),
    ("湛江海关开展主题党日。海关党员走进码头，海关青年代表发言。", "海关"),
    ("红星幼儿园开展消防演练。幼儿园全体教师参加，幼儿园园长讲评。", "幼儿园"),
    ("一支由党校教师组成的宣讲队伍走进社区。宣讲团成员用方言宣讲，宣讲团共开展宣讲20场。", "宣讲团"),
])
def test_a_bare_kind_is_the_documents_unit_of_that_kind_not_another(text, bare):
    assert bare not in [o["name"] for o in orgs_of(text)]


@pytest.mark.parametrize("text, want", [
    ("敬亭水厂开展安全生产月活动。", "敬亭水厂"),
    ("6月3日，老粮仓社区党委召开会议。", "老粮仓社区党委"),
    ("听镇政府统一安排。", "镇政府"),
    ("使局党组成员带头学习。", "局党组"),
    ("受集团党委委托，公司召开会议。", "集团党委"),
    ("支部与栖凤社区老年活动中心开展共建。", "栖凤社区老年活动中心"),
])
def test_a_lone_character_opening_a_clause_is_the_names_first_unless_a_level_follows(text, want):
    """敬 and 老 are read as a verb and an adjective, but nothing before them could act
    (or only a word that never stands in a name: 与栖凤社区)."""
    assert want in names(text)


@pytest.mark.parametrize("text, want", [
    ("施工单位湘江路桥建设有限公司党支部参加。", "湘江路桥建设有限公司党支部"),
    ("与监理单位华信工程监理有限公司开展共建。", "华信工程监理有限公司"),
    ("近日，我院第三测绘所党支部开展学习。", "第三测绘所党支部"),
    ("局属青龙潭水库管理处开展巡查。", "青龙潭水库管理处"),
])
def test_a_role_or_a_self_reference_before_a_name_is_not_part_of_it(text, want):
    assert max(names(text), key=len) == want


@pytest.mark.parametrize("text, want", [
    ("6月，地质一队三分队党支部开展微党课。", "三分队党支部"),
    ("公交集团第二分公司12路线路党支部开展车厢课堂。", "12路线路党支部"),
    ("市四医院医技党支部开展义诊。", "市四医院医技党支部"),
])
def test_a_number_glued_to_a_part_of_a_unit_is_in_its_name(text, want):
    """The segmenter reads 三分 and 12 as numbers; a count has its measure word between (3个党支部)."""
    assert want in names(text)
    assert "个党支部" not in "".join(names("全县3个党支部参加。"))


@pytest.mark.parametrize("text", ["现在支部有党员12名。", "同时支部组织党员开展志愿服务。", "全馆各支部开展学习。",
                                  "今天学校党总支召开全体教职工大会。",
                                  "县统计局个别支部存在学习不深的问题。"])
def test_a_time_word_or_a_quantifier_before_a_body_is_no_part_of_it(text):
    assert not [n for n in names(text) if n.startswith(("现在", "同时", "今天", "全馆")) or "个别" in n]


@pytest.mark.parametrize("text, want", [
    ("石门村“两委”干部参加培训。", "石门村“两委”"),
    ("由社区“两委”成员组成志愿服务队。", "社区“两委”"),
])
def test_a_villages_two_committees_are_one_body(text, want):
    assert want in names(text)


def test_a_villages_two_committees_keep_the_village_in_a_long_sentence():
    """The unit scan builds only the tokens near its heads; the village is read from all of them."""
    text = ("今年以来围绕乡村振兴目标任务持续加强基层组织建设不断提升群众满意程度扎实推进各项重点工作落地见效，"
            "县委组织部指导石门村“两委”班子开展学习。")
    assert "石门村“两委”" in names(text)


@pytest.mark.parametrize("text, want", [
    ("（作者系省农业科学院植物保护研究所党支部书记、所长）", "省农业科学院植物保护研究所党支部"),
    ("（发言人系四平直属库党支部书记、主任）", "四平直属库党支部"),
])
def test_the_writers_unit_in_an_author_note_is_a_unit(text, want):
    """作者系/发言人系 says what the writer is; （作者 王某） names a person."""
    assert want in names(text)
    assert names("（作者 王某某）") == []


def test_a_weak_ending_without_a_place_is_still_no_unit():
    assert names("加快数据中心建设。") == []


@pytest.mark.parametrize("text", ["支部领学了中央一号文件。", "争取中央和省级专项资金300万元。",
                                  "深入学习中央金融工作会议精神。"])
def test_the_centre_naming_a_document_a_meeting_or_a_fund_is_no_unit(text):
    assert "中央" not in names(text)


@pytest.mark.parametrize("text", ["大家凝聚起一股强大合力。", "农户以土地入股合作社。", "局机关股室长参加会议。"])
def test_a_measure_word_or_a_share_is_no_office(text):
    assert not [n for n in names(text) if n.endswith("股")]


@pytest.mark.parametrize("text, cut", [
    ("街道党政办公室负责中心组学习。", "街道党政办公室负责中心组"),
    ("大队党总支下设机关党支部。", "大队党总支下设机关党支部"),
    ("局团委组织青年理论学习小组开展学习。", "局团委组织青年理论学习小组"),
    ("县司法局设立退役军人法律援助工作站。", "县司法局设立退役军人法律援助工作站"),
])
def test_a_verb_between_two_units_keeps_them_apart(text, cut):
    assert cut not in names(text)


@pytest.mark.parametrize("text, want", [
    ("我局会同县委网信办、县公安局开展宣传。", {"县委网信办", "县公安局"}),
    ("组织局机关和县医保服务中心干部职工参观。", {"县医保服务中心"}),
    ("镇党委联合镇团委举办读书班。", {"镇党委", "镇团委"}),
])
def test_a_joining_word_before_a_level_is_no_place(text, want):
    """会同县 and 和县 are counties, but after a unit 会同 is the verb and 和 the conjunction."""
    found = names(text)
    assert want <= set(found)
    assert not [n for n in found if n.startswith(("会同", "和", "联合"))]


def test_the_author_of_a_studied_text_is_no_unit_of_the_report():
    found = [o["name"] for o in orgs_of("支部学习了《中共中央关于加强党的政治建设的意见》。市委组织部作了辅导。")]
    assert found == ["市委组织部"]


def test_a_unit_named_in_a_title_and_elsewhere_stays():
    found = [o["name"] for o in orgs_of("学习《市委关于加强学习的通知》。市委召开全会。")]
    assert found == ["市委"]


@pytest.mark.parametrize("text", ["定期给乡镇街道纪委交任务。", "全区乡镇街道纪委书记参加述职。"])
def test_every_unit_of_a_kind_is_no_unit_read_from_its_second_word(text):
    assert names(text) == []


def test_a_campaign_group_is_one_unit_however_its_sentences_cut_it():
    found = orgs_of("11月5日，市委“不忘初心、牢记使命”主题教育第九指导组一行莅临市二医院指导。"
                    "市委“不忘初心、牢记使命”主题教育第九指导组组长对该院工作予以肯定。")
    groups = [o for o in found if o["name"].endswith("指导组")]
    assert [o["name"] for o in groups] == ["市委“不忘初心、牢记使命”主题教育第九指导组"]
    assert groups[0]["mentions"] == 2


def test_a_bare_generic_name_joins_the_documents_own_unit_of_its_kind():
    found = {o["name"]: o for o in orgs_of(
        "市委党校召开述职大会。市委党校常务副校长出席。市委党校全体教职工参加。"
        "会议要求坚持党校姓党。学员赴省委党校学习。")}
    assert "党校" not in found
    assert found["市委党校"]["mentions"] == 4 and "省委党校" in found


def test_a_unit_in_the_name_of_a_rule_is_no_unit_acting():
    assert names("深入贯彻中央八项规定精神。") == []
    assert names("党中央出台八项规定。") == ["党中央"]


def test_a_civilization_practice_centre_keeps_its_whole_name():
    assert names("县新时代文明实践中心举办志愿服务活动。") == ["县新时代文明实践中心"]


def test_a_joint_branch_keeps_its_whole_name():
    assert "旗委宣传部联合支部" in names("3月11日，旗委宣传部联合支部组织召开组织生活会。")


def test_a_zones_committee_by_its_level_word_is_the_zones():
    found = [o["name"] for o in orgs_of("开发区党工委理论学习中心组召开学习会议，区党工委书记主持会议。"
                                        "区党工委副书记讲话。")]
    assert found == ["开发区党工委", "开发区党工委理论学习中心组"]


def test_the_party_body_of_a_stationed_team_is_named_from_the_stationing_unit():
    found = {m.name: m.parent for m in find_org_mentions("县纪委监委驻县住建局纪检监察组党支部开展学习。")}
    assert found["县纪委监委驻县住建局纪检监察组党支部"] == "县纪委监委驻县住建局纪检监察组"
    assert "局纪检监察组党支部" not in found


def test_a_town_opening_the_first_line_after_a_run_in_title_acts():
    assert names("强化党建引领乡村振兴工作总结xx镇坚持把乡村振兴摆在首位。") == ["镇"]
    assert names("他在会上作了工作总结青山镇的经验值得推广。") == []


@pytest.mark.parametrize("text", [
    "共青团XX市委共青团XX市委",  # found by the property test once it ran again
    "为加强青年工作，推动各项任务落实落地见效，本年度共青团XX市委与市卫生健康委联合举办读书班。",
])
def test_a_league_committee_spelled_formally_is_found_with_its_written_span(text):
    found = find_org_mentions(text)
    assert found and all(text[m.start:m.end] == m.surface for m in found)
    assert [m.name for m in found if m.name.startswith("共青团")] == ["共青团市委"] * text.count("共青团XX市委")


@pytest.mark.parametrize("text, want", [
    ("石门村党支部开展主题党日活动。", "石门村党支部"),  # the segmenter tags 石门 a noun
    ("一行人来到深河村党群服务中心开展研讨。", "深河村党群服务中心"),  # 深/河村: a name cut by the dictionary
    ("与马家沟村党支部结对共建。", "马家沟村党支部"),
    ("赴官渡镇深河村党支部开展联学。", "深河村党支部"),
])
def test_a_villages_own_name_is_kept_whole(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text", [
    "全县128个村党支部参加。",
    "组织党员到贫困村党支部开展帮扶。",
    "不能解决的记录在案交由村部和乡镇处理。",  # 交由 is no village, though the segmenter calls it a noun
])
def test_no_village_name_is_made_up(text):
    assert not [n for n in names(text) if n.endswith(("村党支部", "村部")) and len(n) > 5]


def test_a_stationed_team_of_villages_is_one_word():
    assert names("与深河村党支部、驻村工作队开展交流研讨。") == ["深河村党支部", "驻村工作队"]


@pytest.mark.parametrize("text, want", [
    ("潼南区民政局和铜梁区民政局联合开展主题党日活动。", {"潼南区民政局", "铜梁区民政局"}),
    ("桃园村党支部和石门村党支部开展联学。", {"桃园村党支部", "石门村党支部"}),
])
def test_units_of_one_kind_in_two_places_stay_two(text, want):
    assert {o["name"] for o in orgs_of(text)} == want


def test_a_place_and_its_bare_spelling_are_still_one_unit():
    assert [(o["name"], o["aliases"]) for o in orgs_of("潞州区总工会召开会议。区总工会主席讲话。")] == [
        ("潞州区总工会", ["区总工会"])]


def test_a_bare_body_of_the_report_does_not_join_a_partner_named_in_full():
    found = {o["name"] for o in orgs_of("7月1日，局机关党支部开展主题党日活动。"
                                         "先后与县委党校、县农业农村局机关党支部开展联学活动4次。")}
    assert {"局机关党支部", "县农业农村局机关党支部"} <= found
    # named as the actor, the full name is the one the bare body stands for
    found = orgs_of("县农业农村局机关党支部召开会议。局机关党支部书记讲党课。")
    assert "局机关党支部" in next(o["aliases"] for o in found if o["name"] == "县农业农村局机关党支部")


@pytest.mark.parametrize("text, want", [
    ("我们会同镇劳动保障所和县总工会开展维权服务。", "镇劳动保障所"),  # 所 alone the segmenter calls a conjunction
    ("石岭司法所与派出所联合开展普法宣传。", "石岭司法所"),
    ("与县人民法院石岭人民法庭建立联调机制。", "县人民法院石岭人民法庭"),
])
def test_township_stations_and_tribunals(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text", ["我镇地处山区，共有14个村。", "一是个别支部学习形式较为单一。", "部分支部书记参加。"])
def test_words_and_quantities_that_end_like_units_are_none(text):
    assert names(text) == []


def test_a_conjunction_read_as_the_county_he_xian_is_a_conjunction():
    assert names("在县委主题教育领导小组和县卫生健康局党委的指导下开展。")[-2:] == ["县卫生健康局", "县卫生健康局党委"]
    assert names("安徽省和县卫生健康局开展学习。") == ["安徽省和县卫生健康局"]


def test_a_self_reference_and_a_bare_body_join_the_unit_of_their_kind():
    found = orgs_of("XX县中医院党委召开会议。我院党委在县委主题教育领导小组指导下开展学习。"
                    "院党委理论学习中心组集中学习十二次。县委党校教师授课。")
    by_name = {o["name"]: o for o in found}
    assert {"我院党委", "院党委"} <= set(by_name["县中医院党委"]["aliases"])
    # the bare 中心组 is the hospital's, not that of 县委, named as often
    assert by_name["县中医院党委理论学习中心组"]["parent"] == "县中医院党委"


def test_a_court_or_procuratorate_without_renmin_is_the_same_unit():
    found = orgs_of("团支部走进区检察院开展活动。团员青年走进青山区人民检察院参观。区检察院团支部书记介绍。")
    court = next(o for o in found if o["name"] == "青山区人民检察院")
    assert "区检察院" in court["aliases"]
    assert [o["name"] for o in found if o["name"].endswith("检察院")] == ["青山区人民检察院"]


@pytest.mark.parametrize("text", ["研究生党支部走进书院路社区为居民讲解。", "组织全委干部观看警示教育片。",
                                  "研究部署下半年全委学习和重点工作。"])
def test_a_street_named_after_a_unit_and_the_whole_unit_are_no_units(text):
    assert [n for n in names(text) if n != "研究生党支部"] == []


@pytest.mark.parametrize("text, want", [
    ("天平高速公路天水收费所党支部开展学习。", "天平高速公路天水收费所党支部"),
    ("县市场监管局城关市场监管所开展培训。", "县市场监管局城关市场监管所"),  # the office under its bureau
])
def test_grassroots_offices_named_with_suo(text, want):
    assert want in names(text)
    assert names("群众所盼、干部所做都要记在心上。") == []


def test_a_streets_own_name_the_segmenter_does_not_know_is_kept():
    found = find_org_mentions("5月15日上午，赫山区枫林坳街道党工委联合区人民医院开展活动。")
    assert [(m.name, sorted(m.aliases)) for m in found][0] == (
        "赫山区枫林坳街道党工委", ["枫林坳街道党工委", "街道党工委"])


@pytest.mark.parametrize("text, everyday", [
    ("中共石岭镇委员会", "镇党委"),  # the place dropped, as every canonical form
    ("中共某职业技术学院图书馆支部委员会", "职业技术学院图书馆党支部"),
    ("中共青山国有资本投资集团有限公司委员会", "青山国有资本投资集团有限公司党委"),
    ("中共XX县委员会", "县委"),
])
def test_a_party_bodys_formal_name_has_its_everyday_name(text, everyday):
    found = find_org_mentions(text)
    assert found[-1].canonical == everyday
    assert not [m.name for m in found if m.name.endswith("支部") and not m.inner]  # 支部 of 支部委员会


def test_the_formal_name_in_a_signature_joins_the_everyday_one():
    found = orgs_of("图书馆党支部开展读书分享会。\n\n中共某职业技术学院图书馆支部委员会\n2024年1月")
    assert [o["name"] for o in found if o["name"].endswith(("支部", "支部委员会"))] == ["中共职业技术学院图书馆支部委员会"]
    assert "图书馆党支部" in next(o for o in found if o["name"].endswith("委员会"))["aliases"]


def test_a_short_name_the_text_declares_is_the_same_unit():
    found = orgs_of("中国农业银行黔南分行（以下简称“黔南分行”）党委高度重视。黔南分行组织青年员工开展调研。")
    assert [(o["name"], "黔南分行" in o["aliases"]) for o in found] == [
        ("中国农业银行黔南分行", True), ("中国农业银行黔南分行党委", False)]


@pytest.mark.parametrize("text, want", [
    ("县供销社和县农村信用联社联合开展服务。", ["县供销社", "县农村信用联社"]),  # 和县 again, after a 社
    ("金竹社区居委会组织志愿者。", ["金竹社区居委会"]),
    ("决赛在县青少年宫多功能厅开赛。", ["县青少年宫"]),  # the hall is where, not who
    ("市工人文化宫举办职工读书会。", ["市工人文化宫"]),
])
def test_grassroots_and_culture_units(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text", ["讲解如何识破电信诈骗骗局。", "列车进站时党员在站台值守。", "校门口的小卖部。"])
def test_common_words_ending_in_a_unit_character_are_none(text):
    assert names(text) == []


def test_a_level_hospital_and_a_street_office_by_their_short_names():
    found = {o["name"]: o["aliases"] for o in orgs_of(
        "石岭街道办事处联合长安区人民医院开展义诊。区医院派出医护人员。街道办干部入户走访。")}
    assert "区医院" in found["长安区人民医院"] and "街道办" in found["石岭街道办事处"]
    assert "区医院" not in found and "街道办" not in found


def test_hospital_departments_are_no_units_of_the_report():
    assert names("医院派出内科、眼科、中医科等科室的医护人员。") == []


def test_a_towns_committee_by_its_formal_and_short_names_is_one():
    found = orgs_of("镇党委召开会议。镇委书记讲话。\n\n中共**镇委员会\n2024年1月")
    assert len(found) == 1 and {"镇党委", "镇委"} <= {found[0]["name"], *found[0]["aliases"]}


def test_a_declared_short_name_also_names_the_units_body():
    found = orgs_of("中国农业银行黔南分行（以下简称“黔南分行”）党委高度重视。黔南分行党委书记讲话。")
    assert [(o["name"], "黔南分行党委" in o["aliases"]) for o in found][-1] == ("中国农业银行黔南分行党委", True)
    assert len(found) == 2


@pytest.mark.parametrize("text, want", [
    ("中国国民党革命委员会绵阳市委员会2025年度政治理论学习计划", "中国国民党革命委员会绵阳市委员会"),
    ("根据中国科学院党组和武汉分院分党组的部署", "武汉分院分党组"),
    ("供稿: 数学科学学院2022级研究生党支部", "数学科学学院2022级研究生党支部"),
])
def test_formal_party_names_sub_groups_and_student_intakes(text, want):
    assert want in names(text)


def test_a_branch_inside_a_straight_quoted_slogan_is_no_unit():
    assert names('落实学院党委关于深化"一支部一品牌"创建的工作要求。') == ["学院党委"]


@pytest.mark.parametrize("text, want", [
    ("持续推进中国科学院南方湿地生态研究所的学习。", "中国科学院南方湿地生态研究所"),
    ("中共浙江衡正律师事务所支部委员会制定本计划。", "中共浙江衡正律师事务所支部委员会"),
])
def test_a_firms_brand_the_dictionary_does_not_know_stays_in_its_name(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text", ["去年北京后研究所召开会议。", "到了北京后公司召开会议。"])
def test_no_brand_is_made_of_what_stands_between_a_place_and_a_kind(text):
    assert not [n for n in names(text) if n.startswith("北京")]


def test_a_committees_party_group_and_its_offices_party_group_are_two():
    found = [o["name"] for o in orgs_of("在市人大常委会党组的直接指导下，市人大常委会机关党组开展学习。")]
    assert {"市人大常委会党组", "市人大常委会机关党组"} <= set(found)


def test_a_unit_with_its_place_and_with_part_of_it_is_one():
    found = orgs_of("株洲市天元区星湖智造产业园党委召开会议。天元区星湖智造产业园党委书记讲话。")
    assert [o["name"] for o in found] == ["株洲市天元区星湖智造产业园党委"]


def test_a_formal_committee_name_keeps_the_party_as_written_and_drops_the_mask():
    found = find_org_mentions("中共XX苏木委员会\n2024年5月")
    assert (found[-1].name, found[-1].canonical) == ("中共苏木委员会", "苏木党委")


def test_a_gacha_is_a_village():
    assert names("乌兰图嘎查党支部书记 巴特尔") == ["乌兰图嘎查党支部"]


def test_a_bare_community_committee_joins_the_formal_name_in_the_signature():
    found = orgs_of("社区党委召开会议。社区党委书记讲话。\n\n中共南苑街道金桂社区委员会\n2024年1月")
    assert len(found) == 1 and "社区党委" in found[0]["aliases"]


def test_an_idiom_ending_in_ke_is_no_department():
    assert names("学习不能照本宣科。") == []


def test_a_city_whose_level_the_segmenter_gave_to_the_unit_keeps_its_name():
    assert [(m.name, sorted(m.aliases)) for m in find_org_mentions("邀请通辽市委党校教授授课")] == [
        ("通辽市委党校", ["市委党校"])]
    assert "市委" not in names("5月9日下午，团桐城市委组织主题团日活动。")  # the league's committee


def test_a_working_committees_formal_name_is_the_everyday_one_in_full():
    found = orgs_of("县直机关工委召开会议。\n\n中共**县直属机关工作委员会\n2024年1月")
    assert [(o["name"], "县直机关工委" in o["aliases"]) for o in found] == [("中共县直属机关工作委员会", True)]


@pytest.mark.parametrize("text, want", [
    ("广东省北江监狱第五监区党支部开展学习。", "广东省北江监狱第五监区党支部"),
    ("五监区党支部开展学习。", "五监区党支部"),
    ("二车间党支部开展学习。", "二车间党支部"),
    ("成都轨道交通13号线3工区项目部党支部开展学习。", "成都轨道交通13号线3工区项目部党支部"),
])
def test_numbered_parts_of_a_unit_stay_in_its_name(text, want):
    assert want in names(text)


def test_a_count_of_parts_is_no_part_of_a_name():
    # nor a name: five branches counted are none of them named
    assert names("全厂共有5个车间党支部。") == []
    assert names("全厂共有5个车间党支部，其中二车间党支部获评先进。") == ["二车间党支部"]


def test_a_prisons_name_the_dictionary_does_not_know_stays_whole():
    assert "中共江西省章源监狱委员会" in names("中共江西省章源监狱委员会")


def test_a_firm_keeps_the_province_its_registered_name_starts_with():
    assert "四川嘉陵文化旅游投资集团有限公司" in names("四川嘉陵文化旅游投资集团有限公司组建于2019年。")
    assert names("农科专家进麦田。") == []


def test_an_institute_by_its_short_name_before_its_branch():
    assert "省农科院植保所党支部" in names("省农科院植保所党支部联合所科技服务办公室开展指导。")
    assert names("他们所党支部书记讲了话。") == ["党支部"]  # 所 after a pronoun is no institute


@pytest.mark.parametrize("text, want", [
    ("组织党员赴市城市规划展示馆参观学习。", "市城市规划展示馆"),
    ("全体党员前往青溪区革命历史陈列馆开展现场教学。", "青溪区革命历史陈列馆"),
    ("支部党员来到省廉政教育馆接受警示教育。", "省廉政教育馆"),
    ("团员青年走进市防灾减灾科普馆。", "市防灾减灾科普馆"),
])
def test_halls_a_unit_visits_are_units(text, want):
    assert want in names(text)


def test_a_halls_kind_alone_is_no_unit():
    assert names("大家一起参观展示馆。") == []


@pytest.mark.parametrize("text, want", [
    ("省财政厅预算处、综合处、国库处负责同志参加。", ["省财政厅", "预算处", "综合处", "国库处"]),
    ("政策法规处要牵头梳理问题清单。", ["政策法规处"]),
    ("委办公室要会同政策法规处形成报告。", ["委办公室", "政策法规处"]),
    ("干部一科、组织二科联合开展学习。", ["干部一科", "组织二科"]),
    ("组织处负责学习情况统计。", ["组织处"]),
])
def test_a_units_offices_are_units_where_the_segmenter_cut_their_head_off(text, want):
    assert names(text) == want


@pytest.mark.parametrize("text", [
    "讲到关键处，台下不少村民掏出手机。",
    "要把工作落到实处，到处都有新气象。",
    "二、赋能科技创新，助力科创企业纾困解难。",
    "身处基层，要把学科建设好。",
    "此处不再赘述。",
])
def test_a_lone_office_character_in_a_phrase_is_no_unit(text):
    assert names(text) == []


def test_an_office_whose_party_branch_is_named_is_that_branch():
    found = names("区局观测与网络处党支部联合开展学习。")
    assert "区局观测与网络处党支部" in found and "网络处" not in found


def test_a_committees_office_in_its_formal_name_is_the_office():
    found = names("中共XX县委机构编制委员会办公室2025年度理论学习中心组学习计划")
    assert "中共县委机构编制委员会办公室" in found and "中共县委" not in found


@pytest.mark.parametrize("text, want", [
    ("7月1日上午，智造园联合党委组织园区企业党员开展主题党日。", "智造园联合党委"),
    ("县个体私营经济联合党委成立以来", "县个体私营经济联合党委"),
])
def test_a_joint_party_committee_is_one_unit(text, want):
    assert names(text)[0] == want


def test_the_organ_of_a_political_consultative_conference_is_a_unit():
    assert names("区政协机关开展读书活动。") == ["区政协机关"]


@pytest.mark.parametrize("text, want, also", [
    ("9月15日，**县白鹭湾镇人大代表联络站开展接待日活动。", "县白鹭湾镇人大代表联络站", "白鹭湾镇人大代表联络站"),
    ("溧阳市白鹭湾镇党委召开会议。", "溧阳市白鹭湾镇党委", "白鹭湾镇党委"),
    ("某县白鹭湾镇人民政府", "县白鹭湾镇人民政府", "白鹭湾镇人民政府"),
])
def test_a_town_the_gazetteer_does_not_know_keeps_its_name_after_its_county(text, want, also):
    m = next(m for m in find_org_mentions(text) if m.name == want)
    assert also in m.aliases


def test_no_town_is_made_of_what_stands_before_a_lone_town_word():
    assert names("在全镇范围内，镇党委要带好头。") == ["镇党委"]
    assert names("全县各乡镇党委书记参加。") == []


@pytest.mark.parametrize("text, want", [
    ("4月17日，在川南锂能科技有限公司新建成的车间里", "川南锂能科技有限公司"),
    ("组织青年干部走进蜀光精密制造有限公司调研。", "蜀光精密制造有限公司"),
    ("合肥卓远新材料科技有限公司党支部开展学习。", "合肥卓远新材料科技有限公司党支部"),
    ("全体员工参观瑞丰科技有限公司。", "瑞丰科技有限公司"),
])
def test_a_firms_brand_is_read_to_the_word_that_ends_the_phrase_before_it(text, want):
    assert want in names(text)


def test_a_verb_of_going_is_no_part_of_a_halls_name():
    assert names("随后乘车前往渡江战役纪念馆。") == ["渡江战役纪念馆"]


def test_a_league_committees_formal_name_is_its_units_league_committee():
    found = orgs_of("桂北机场集团团委组织青年开展学习。\n\n共青团桂北机场集团有限公司委员会\n2024年5月")
    assert len(found) == 1 and "桂北机场集团团委" in found[0]["aliases"]
    assert found[0]["name"] == "共青团桂北机场集团有限公司委员会"
    assert names("共青团XX县委员会") == ["共青团县委员会"]  # a level's: 团县委, org_committees.txt


def test_a_firms_branch_after_its_full_name_is_one_name():
    found = names("中国石化销售股份有限公司江西九江石油分公司开展活动")
    assert found == ["中国石化销售股份有限公司", "中国石化销售股份有限公司江西九江石油分公司"]


def test_a_militia_company_is_a_unit():
    assert names("城关镇民兵应急连") == ["城关镇民兵应急连"]
    assert names("镇民兵营开展训练") == ["镇民兵营"]


def test_an_accounting_firms_brand_stays_in_its_branchs_name():
    assert names("信诚会计师事务所党支部开展学习") == ["信诚会计师事务所", "信诚会计师事务所党支部"]


def test_a_town_of_characters_no_word_holds_is_a_name_after_a_partner_cue():
    found = names("支部党员与浛洸镇司法所党支部的同志一道来到浛洸镇敬老院")
    assert "浛洸镇司法所党支部" in found and "浛洸镇敬老院" in found


def test_a_town_office_whose_kind_starts_like_a_level_keeps_its_town():
    assert names("城关市场监管所党支部开展学习") == ["城关市场监管所", "城关市场监管所党支部"]
    assert names("区市场监督管理局党组召开会议")[0] == "区市场监督管理局"


@pytest.mark.parametrize("text, want", [
    ("市强制隔离戒毒所召开警示教育大会。", "市强制隔离戒毒所"),
    ("省第一强制隔离戒毒所开展学习。", "省第一强制隔离戒毒所"),
    ("县看守所民警参加培训。", "县看守所"),
])
def test_detention_institutions_are_units(text, want):
    assert names(text)[0] == want
    assert names("戒毒所") == []


def test_a_county_named_without_its_level_before_a_banks_brand_is_kept():
    assert names("修水农商行渣津支行党支部组织党员走访")[:2] == ["修水农商行", "修水农商行渣津支行"]
    assert names("县农商行开展活动") == ["县农商行"]


@pytest.mark.parametrize("text, want", [
    ("柏溪镇司法所", "柏溪镇司法所"),
    ("5月17日,柏溪镇司法所党支部开展主题党日。", "柏溪镇司法所党支部"),
])
def test_a_town_the_gazetteer_lacks_keeps_its_name_at_the_start_of_a_clause(text, want):
    assert want in names(text)
    assert names("，重点镇党委要带头。") == ["镇党委"]  # a kind of town is no name


@pytest.mark.parametrize("text, want", [
    ("县殡仪馆开展文明祭扫服务。", ["县殡仪馆"]),
    ("市音协、市美协、市书协和市摄协联合举办展览。", ["市音协", "市美协", "市书协", "市摄协"]),
    ("县文化广电体育和旅游局召开会议。", ["县文化广电体育和旅游局"]),
    ("县彩调剧团送戏下乡。", ["县彩调剧团"]),
])
def test_culture_and_welfare_bodies_are_units(text, want):
    assert names(text) == want
    assert names("殡仪馆") == [] and names("剧团") == []


@pytest.mark.parametrize("text, want", [
    ("连云港海事局北湾海事处党支部开展主题党日。", "连云港海事局北湾海事处党支部"),
    ("北湾海事处党支部组织党员学习。", "北湾海事处党支部"),
])
def test_a_character_no_dictionary_word_holds_stays_inside_a_name(text, want):
    assert want in names(text)  # 北/湾/zg/海事处: the segmenter knows no such word, a name's own character


@pytest.mark.parametrize("text, want", [
    ("走访种粮大户和农机合作社。", ["农机合作社"]),
    ("在滨江公园和城东小学周边巡查。", ["城东小学"]),  # the school, not 滨江公园和城东小学
])
def test_a_thing_joined_to_a_unit_by_he_is_no_part_of_its_name(text, want):
    assert names(text) == want


def test_an_office_joining_two_fields_stays_one_name():
    assert "区局观测与网络处党支部" in names("区局观测与网络处党支部联合开展学习。")


def test_a_common_character_tagged_like_a_rare_one_is_no_part_of_a_name():
    assert names("论联合政府") == ["联合政府"]  # 论/zg: "on", a title's first word


def test_a_power_supply_station_is_a_unit():
    assert names("青林供电所党支部开展学习。") == ["青林供电所", "青林供电所党支部"]


@pytest.mark.parametrize("text, want", [
    ("9月3日，区直机关第三离退休干部党支部开展重阳主题党日。", "区直机关第三离退休干部党支部"),
    ("接受区委组织部和区直机关工委的指导。", "区直机关工委"),
    ("州直机关工委召开读书班。", "州直机关工委"),
])
def test_the_organs_directly_under_a_level_are_part_of_the_name(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text, want", [
    ("黄石坡电厂组织党员观看警示教育片。", "黄石坡电厂"),
    ("第二轧钢厂召开安全生产会议。", "第二轧钢厂"),
    ("青松能源集团白石岭煤矿召开会议。", "青松能源集团白石岭煤矿"),
])
def test_factories_and_mines_are_units(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text", [
    "走进工厂车间了解生产流程。", "原材料进厂后统一检验。", "全厂共有3个车间。", "煤矿安全生产形势平稳。",
])
def test_the_words_for_a_factory_or_mine_alone_name_no_unit(text):
    assert names(text) == []


@pytest.mark.parametrize("text, want", [
    ("县纪委监委派驻第二纪检监察组每季度开展一次检查。", "县纪委监委派驻第二纪检监察组"),
    ("市纪委监委派驻市委宣传部纪检监察组组长到会指导。", "市纪委监委派驻市委宣传部纪检监察组"),
])
def test_a_team_a_unit_dispatches_is_one_name_from_the_unit_to_the_team(text, want):
    got = names(text)
    assert want in got and not any(n.startswith("第") for n in got)


@pytest.mark.parametrize("text, want", [
    ("市12345政务服务便民热线党支部开展主题党日。", "市12345政务服务便民热线党支部"),
    ("会上，12366纳税服务热线党支部作了交流发言。", "12366纳税服务热线党支部"),
])
def test_a_service_lines_number_is_part_of_its_name(text, want):
    assert want in names(text)


def test_a_service_lines_number_alone_is_no_unit():
    assert names("群众可拨打12345热线反映问题。") == []


def test_a_name_cut_from_the_front_of_one_longer_name_is_that_unit():
    orgs = orgs_of("5月8日，红星机械金工三车间党支部联合青山技师学院机电工程系党支部开展主题党日。"
                   "金工三车间党支部书记领学党章，学院机电工程系党支部书记作交流发言。车间党支部全体党员参加。")
    units = {o["name"]: o["aliases"] for o in orgs}
    assert set(units) == {"红星机械金工三车间党支部", "青山技师学院机电工程系党支部"}
    assert {"金工三车间党支部", "车间党支部"} <= set(units["红星机械金工三车间党支部"])


def test_a_name_ending_two_longer_names_stays_apart():
    orgs = orgs_of("机关第一党支部与城建局第一党支部、财政局第一党支部开展联学。第一党支部书记讲党课。")
    assert "城建局第一党支部" in [o["name"] for o in orgs] and "财政局第一党支部" in [o["name"] for o in orgs]


@pytest.mark.parametrize("text, want", [
    ("三滩村党支部书记介绍了大棚种植情况。", "三滩村党支部"),
    ("与七星村党支部签订共建协议。", "七星村党支部"),
])
def test_a_village_name_may_open_with_a_numeral(text, want):
    assert want in names(text)


@pytest.mark.parametrize("text, want", [("全镇三个村党支部参加。", []), ("两村党支部联合开展活动。", ["村党支部"])])
def test_a_count_of_villages_is_no_village_name(text, want):
    assert names(text) == want  # three branches counted name none of them


def test_a_byline_label_glued_to_a_unit_is_no_part_of_its_name():
    assert names("以下文章转自青山保密，作者机要保密局") == ["机要保密局"]


@pytest.mark.parametrize("text", [
    "下午，党员们分成3个服务小组走访群众。",
    "全县12个村党支部参加评比。",
    "成立XX个党员先锋队。",
])
def test_units_counted_are_none_named(text):
    assert names(text) == [], names(text)


def test_a_campaign_between_a_committee_and_its_group_is_in_the_groups_name():
    assert "县委党纪学习教育领导小组办公室" in names("及时向县委党纪学习教育领导小组办公室报送信息。")


def test_a_village_name_of_characters_the_segmenter_reads_as_morphemes():
    assert "美敏村党支部" in names("法庭党支部与美敏村党支部签订了共建协议。")


@pytest.mark.parametrize("text, want", [
    ("组织太康县丰硕粮食种植专业合作社的社员参加培训。", "太康县丰硕粮食种植专业合作社"),
    ("村党支部领办了杏树湾村果品专业合作社。", "杏树湾村果品专业合作社"),
    ("村里成立了石门坳村股份经济合作社。", "石门坳村股份经济合作社"),
])
def test_a_cooperatives_brand_and_trade_are_in_its_name(text, want):
    assert want in names(text), names(text)


@pytest.mark.parametrize("text", [
    "党员们在农家院里开展学习。",
    "邀请评委现场打分。",
    "在电子税务局上办理申报。",
    "大家来到村部集中学习。",
    "维护通信基站。",
    "引导农户加入合作社。",
    "在收费站开展志愿服务。",
])
def test_places_people_and_bare_kinds_are_no_units(text):
    assert _doc_orgs(text) == {}, _doc_orgs(text)


def test_namely_opens_no_name():
    assert names("村党总支下设两个支部，即第一党支部和第二党支部。") == ["村党总支", "第一党支部", "第二党支部"]


@pytest.mark.parametrize("text, want", [
    ("领导小组办公室设在学院党政办公室。", ["学院党政办公室", "领导小组办公室"]),
    ("组织全体教职工和校机关党委委员参加。", ["校机关党委"]),
    ("邀请省林业科学研究所专家来局授课。", ["省林业科学研究所"]),
])
def test_a_predicate_a_motion_or_a_self_name_ends_the_name_before_it(text, want):
    assert sorted(n for n in names(text) if n != "领导小组") == sorted(want), names(text)


@pytest.mark.parametrize("text, want", [
    ("人力资源部、内控合规部要各负其责。", ["人力资源部", "内控合规部"]),
    ("大家要把干部、党员组织起来。", []),
    ("市财政局和学校共同开展活动。", ["市财政局"]),
])
def test_a_name_listed_after_a_unit_and_ending_like_it_is_a_unit(text, want):
    assert names(text) == want


def test_a_parts_scan_that_cut_its_units_name_reads_the_whole_name():
    assert "历史文化学院中国史系教工党支部" in names("历史文化学院中国史系教工党支部关于主题教育的汇报")


def test_the_units_of_a_kind_in_a_place_are_no_unit():
    assert _doc_orgs("全市公立医院党支部书记参加读书班。全县乡镇站所负责人列席。") == {}


@pytest.mark.parametrize("text", ["后来支部组织我们到纪念馆学习。", "过去支部学习往往是念文件。"])
def test_a_time_word_opens_no_name(text):
    assert names(text) == ["支部"]


@pytest.mark.parametrize("sentence, whole, cut", [
    ("6月2日，岗滚海关党支部与区税务局党支部开展联学。", "岗滚海关党支部", "海关党支部"),
    ("会同街道党工委、青关屯烟叶工作站党支部开展活动。", "青关屯烟叶工作站", "烟叶工作站"),
    ("县人民法院阁场人民法庭党支部开展学习。", "阁场人民法庭党支部", "人民法庭党支部"),
])
def test_a_name_the_segmenter_cut_into_odd_words_starts_where_names_open(sentence, whole, cut):
    found = names(sentence)
    assert whole in found and cut not in found, found


@pytest.mark.parametrize("sentence, unit", [
    ("会上，张明就党校工作提出要求。", "党校"),  # a person, then 就
    ("工作成不成，成败看党支部。", "党支部"),  # a noun and a verb before a bare body
    ("坚持第一议题，严格执行中心组学习规则。", "中心组"),  # an idiom the segmenter calls a name
    ("专班副组长兼办公室主任李华出席。", "办公室"),  # a title
    ("，请派出所民警讲课。", "派出所"),
])
def test_words_before_a_name_are_not_read_into_it(sentence, unit):
    found = names(sentence)
    assert unit in found, found


@pytest.mark.parametrize("sentence, village", [
    ("支部还与某镇前进村党支部开展联学共建。", "前进村党支部"),  # 前进/v: a verb as a village's name
    ("结对共建单位白沙铺镇杨家河村党支部的8名党员参加。", "杨家河村党支部"),
])
def test_a_village_right_after_its_town_is_named_by_any_words(sentence, village):
    found = names(sentence)
    assert village in found, found


def test_a_verb_before_a_village_without_a_town_is_no_part_of_its_name():
    assert names("他们帮助村党支部开展工作。") == ["村党支部"]


def test_a_function_word_the_segmenter_glued_to_a_self_name_opens_no_name():
    assert names("经院党组研究决定，从今天起开展学习。") == ["院党组"]


def test_a_thing_a_quote_names_is_no_field_of_a_college():
    found = names("用好“学习强国”学习平台和干部网络学院开展自学。")
    assert "干部网络学院" in found and not any(n.startswith("平台") for n in found), found


def test_grain_depots_are_units_and_talent_pools_are_not():
    assert names("市第二粮食储备库党支部开展学习。") == ["市第二粮食储备库", "市第二粮食储备库党支部"]
    assert find_org_mentions("建立人才储备库和项目储备库。") == []


def test_the_offices_of_a_discipline_commission_and_a_procuratorate_are_units():
    found = names("现选登黔东南州纪委监委第三监督检查室杨某同志的交流发言。")
    assert "黔东南州纪委监委第三监督检查室" in found, found
    assert names("读书班上，第二审查调查室的同志分享了体会。") == ["第二审查调查室"]
    assert "检查室" not in _doc_orgs("对检查室发现的问题立即整改。")


def test_a_team_named_by_where_it_is_stationed_keeps_the_word():
    found = names("第一检察部、驻广顺镇检察室的干警讲党课。")
    assert "驻广顺镇检察室" in found and "广顺镇检察室" not in found, found
    found = names("县纪委监委派驻纪检监察组要加强监督。")
    assert not any(n.startswith("驻") for n in found), found


@pytest.mark.parametrize("sentence", [
    "会上，党委书记王宏军代表医院作表态发言。",  # a person named by title, then a verb and a unit
    "县里按要求向重点村派驻第一书记和工作队，帮助发展产业。",
])
def test_a_title_is_no_part_of_a_unit_name(sentence):
    found = names(sentence)
    assert not any("书记" in n or "宏军" in n for n in found), found


def test_a_numeral_in_a_firms_brand_is_no_count():
    found = names("今年，青州文旅七里窑景区运营管理有限公司党支部开展志愿服务。")
    assert "青州文旅七里窑景区运营管理有限公司党支部" in found, found
    assert find_org_mentions("走访了三家公司和两个合作社。") == []


def test_a_bare_kind_in_a_headline_is_the_unit_the_body_then_names():
    found = _doc_orgs("孩子们走进调查队\n3月1日，国家统计局青川调查队举办开放日。调查队青年干部讲解统计知识。")
    assert "调查队" not in found and "国家统计局青川调查队" in found, found


def test_a_town_listed_after_a_unit_keeps_its_name():
    found = names("活动得到了县农业农村局和宋家沟镇人民政府的大力支持。")
    assert "宋家沟镇人民政府" in found, found


def test_an_office_with_a_longer_name_opening_its_clause():
    found = names("经过激烈角逐，经济责任审计科代表队获得一等奖。")
    assert "经济责任审计科" in found, found
    assert find_org_mentions("他们认真开展经济责任审计科学研究。") == []
    assert find_org_mentions("来自财政审计科的青年干部讲述了经历。") == []  # a verb opens no office's name


@pytest.mark.parametrize("sentence, unit, role", [
    ("五台县第二中学校长王某表示，学校将开设急救课。", "五台县第二中学", "校长"),  # 中学校长: one word
    ("县人民医院院长在会上讲话。", "县人民医院", "院长"),
    ("组织部长在会上讲话。", "组织部", "部长"),
])
def test_a_head_glued_to_a_unit_ending_in_its_kind_names_that_unit(sentence, unit, role):
    found = [(m.name, m.role) for m in find_org_mentions(sentence)]
    assert (unit, role) in found, found


@pytest.mark.parametrize("sentence", [
    "劳动合同里没写加班费该怎么办，他一时答不上来。",  # 怎么/办
    "长期伏案容易造成颈肩部不适。",
    "在展馆出口处设置了留言墙。",
])
def test_common_words_ending_like_a_unit_are_not_units(sentence):
    assert find_org_mentions(sentence) == []


def test_an_office_ending_in_a_field_of_study_is_still_an_office():
    found = names("干部一科、组织二科和公务员管理科的同志参加。")
    assert "公务员管理科" in found, found


def test_a_hospital_department_named_by_its_work_keeps_the_word():
    found = names("县中医院急诊医学科党支部组织党员学习。")
    assert any(n.endswith("急诊医学科党支部") for n in found), found
