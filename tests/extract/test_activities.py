"""Activities: triggers to categories, status from context, partners, materials."""
import pytest

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.activities import _ROLES, CATEGORIES, _automaton, _cues, _patterns, extract_activities, find_triggers
from kg.extract.base import Context
from kg.lexicon import lexicon_path, read_table


def activities_of(text, genre="汇报", **found):
    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text, genre=genre))
    ctx.found.update(found)
    return extract_activities(ctx)


def test_every_trigger_maps_to_a_schema_category_or_blocks():
    rows = read_table(lexicon_path("activity_triggers"), 3, min_columns=2)
    assert rows and all(cat == "-" or set(cat.split("+")) <= set(CATEGORIES) for _, cat, _ in rows)
    assert {strength for _, _, strength in rows} == {"", "weak"}


@pytest.mark.parametrize(
    "text, category",
    [
        ("开展集中学习12次", "集中学习"), ("举办主题教育读书班", "读书班"), ("讲授专题党课", "党课"),
        ("组织交流研讨", "专题研讨"), ("赴纪念馆参观学习", "参观见学"), ("开展演讲比赛", "比赛评选"),
        ("与兄弟单位联学联建", "联学共建"), ("召开民主生活会", "组织生活"), ("用好学习强国平台", "线上学习"),
        ("开展警示教育", "警示教育"), ("深入基层开展调研", "调查研究"), ("开展志愿服务", "为民服务"),
    ],
)
def test_trigger_categories(text, category):
    assert category in {a["category"] for a in activities_of(text)}


def test_longest_trigger_wins():
    assert [(t, c) for _, _, t, c in find_triggers("讲专题党课")] == [("专题党课", "党课")]


def test_general_statements_are_not_activities():
    assert activities_of("调查研究是谋事之基、成事之道。") == []
    assert activities_of("要提升调研能力。") == []


def test_a_brand_alone_is_no_activity_of_its_own():
    # a quoted campaign with no activity word is a slogan more often than an event
    assert activities_of("深化“巾帼建功”活动。") == []
    assert activities_of("坚决反对“台独”势力分裂活动。") == []
    # with an activity word it is that activity, brand and all
    [a] = activities_of("开展“红铸于行”主题宣讲活动。")
    assert (a["category"], a["name"]) == ("宣讲", "“红铸于行”主题宣讲活动")


def test_named_activity_keeps_its_quoted_brand():
    [a] = activities_of("开展“缅怀先烈，致敬英雄”云交流活动。")
    assert a["name"] == "“缅怀先烈，致敬英雄”云交流活动" and a["category"] == "线上学习"


def test_status_done_planned_urged():
    text = "一、主要做法\n开展集中学习。\n二、下一步工作打算\n组织读书班。"
    assert [(a["category"], a["status"]) for a in activities_of(text)] == [("集中学习", "done"), ("读书班", "planned")]
    assert activities_of("下一步，将开展专题研讨。")[0]["status"] == "planned"
    assert activities_of("开展专题研讨。", genre="计划")[0]["status"] == "planned"
    assert activities_of("各级党组织要开展专题研讨。", genre="讲话")[0]["status"] == "urged"
    # addressed to others (各级党组织) a modal urges in any genre
    assert activities_of("各级党组织要开展专题研讨。", genre="汇报")[0]["status"] == "urged"


def test_org_partners_and_materials():
    orgs = [{"name": "市妇联", "aliases": []}, {"name": "市委党校", "aliases": []}]
    found = dict(
        organizations=orgs,
        reporting_org=[{"name": "市妇联"}],
        materials=[{"name": "习近平谈治国理政"}],
    )
    items = activities_of("联合市委党校共同举办读书班，研读《习近平谈治国理政》。", **found)
    assert {i["category"] for i in items} == {"读书班", "联学共建"}  # 联合举办 is joint building too
    [a] = [i for i in items if i["category"] == "读书班"]
    assert a["org"] == "市妇联"
    assert a["partners"] == ["市委党校"]
    assert a["materials"] == ["习近平谈治国理政"]
    [b] = activities_of("市委党校开展专题党课。", **found)
    assert b["org"] == "市委党校" and b["partners"] == []


def test_partner_after_yu_yiqi():
    orgs = [{"name": "区检察院", "aliases": []}]
    [a] = activities_of("与区检察院一起开展警示教育。", organizations=orgs)
    assert a["partners"] == ["区检察院"]


def test_offsets_slice_back_to_evidence():
    text = "一、做法\n开展集中学习，举办读书班。\n组织演讲比赛。"
    items = activities_of(text)
    assert len(items) == 3
    for a in items:
        assert text[a["start"]:a["end"]] == a["evidence"]


def test_unknown_category_fails_with_file_and_line(tmp_path):
    (tmp_path / "activity_triggers.txt").write_text("# h\n集中学习\t集中学习\n读书\t看书\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_triggers.txt:3"):
        _automaton(str(tmp_path))


def test_unknown_strength_fails_with_file_and_line(tmp_path):
    (tmp_path / "activity_triggers.txt").write_text("# h\n调研\t调查研究\tweek\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_triggers.txt:2.*weak or strong"):
        _automaton(str(tmp_path))


def categories_of(text, genre="汇报"):
    return {a["category"] for a in activities_of(text, genre)}


# Weak triggers need a frame: a verb before them in their clause, a count or
# 活动/等方式 after them, 边…边…, or a quoted 活动 brand around them.
@pytest.mark.parametrize(
    "text",
    [
        "深入基层开展调研。", "组织业务培训。", "本月调研12次。", "通过调研、座谈等方式掌握情况。",
        "做到边调研边整改。", "开展“走遍基层”活动。", "已完成整改80个。", "为企业提供专业化辅导。",
    ],
)
def test_weak_trigger_in_a_frame_counts(text):
    assert categories_of(text) & {"调查研究", "培训", "检视整改"}


@pytest.mark.parametrize(
    "text",
    [
        "对理论学习、调查研究、推动发展等工作作出部署。",  # topic of 对…作出部署
        "把线上收集线索、线下督查整改等有机结合。",  # no action verb
        "经济金融、教育培训等领域风险交织叠加。",  # a domain, not an event
        "真正筛选出想干事、能干事、干实事的干部。",  # 的: qualifies a noun
    ],
)
def test_weak_trigger_without_frame_does_not_count(text):
    assert categories_of(text) == set()


def test_strong_trigger_counts_alone():
    assert categories_of("青年干部集体自学，领导干部专题党课。") == {"集中学习", "党课"}
    assert categories_of("一篇一篇读、逐段逐句悟。") == {"读书分享"}


def test_blocker_hides_the_trigger_inside_it():
    assert [(t, c) for _, _, t, c in find_triggers("破解难题")] == [("破解难题", "-")]
    assert categories_of("为推动工作、破解难题提供了指引。") == set()
    assert categories_of("广泛征集意见建议。") == set()
    assert categories_of("为企业提供服务，开展帮扶解难题。") == {"为民服务"}


def test_cited_quotation_does_not_count():
    text = "习近平总书记强调：“要深入开展调查研究，真正把功夫下到办实事、求实效上。”"
    assert activities_of(text) == []
    assert activities_of(text, genre="讲话") == []


def test_reported_speech_does_not_count():
    assert activities_of("习近平总书记在考察时强调，要大兴务实之风，抓好调查研究。") == []
    assert activities_of("全省组织工作会议强调，要分类抓好专业化培训。") == []


def test_central_leadership_as_agent_does_not_count():
    assert activities_of("中共中央政治局就开辟新境界进行第六次集体学习。") == []
    assert activities_of("全面学习习近平总书记四次考察调研山西重要讲话精神。") == []


def test_leadership_as_what_is_studied_still_counts():
    text = "举办学习贯彻习近平新时代中国特色社会主义思想主题教育读书班。"
    assert categories_of(text) == {"读书班"}


def test_statements_and_questions_do_not_count():
    assert activities_of("每一个问题都解决好，就是为群众办实事。") == []
    assert activities_of("关键是看是不是干实事、求实效。", genre="党课") == []
    assert activities_of("专题调研要重点切入。") == []
    assert activities_of("调研切忌走马观花。") == []


@pytest.mark.parametrize("genre", ["发言", "心得"])
def test_exhortation_in_a_personal_speech_does_not_count(genre):
    assert activities_of("我谈三点体会。要坚持学原文、读原著、悟原理。", genre=genre) == []
    assert activities_of("我认为，年轻干部要沉下心来，利用好集中学习等方式。", genre=genre) == []


def test_a_speech_told_in_the_third_person_is_a_report():
    # no 我/本人 anywhere: a news item about a 发言, its points are deeds
    assert categories_of("二是进行分组讨论和集中交流发言。", genre="发言") == {"专题研讨"}
    assert activities_of("我谈两点。二是进行分组讨论。", genre="发言") == []


def test_exhortation_in_a_leader_speech_is_urged():
    items = activities_of("要坚持学原文、读原著、悟原理。", genre="讲话")
    assert {(a["category"], a["status"]) for a in items} == {("读书分享", "urged")}


def test_point_of_a_personal_speech_is_a_topic():
    assert activities_of("我讲两点。二是开展调查研究，从看真切到看深入。", genre="发言") == []
    assert categories_of("二是开展调查研究，形成报告5篇。") == {"调查研究"}


def test_modifier_with_a_short_compound_does_not_count():
    assert activities_of("落实动态管控和帮扶帮教措施。") == []
    assert activities_of("发挥领学促学作用。") == []


def test_title_names_the_occasion_of_the_document():
    text = "县纪委书记在主题教育学习会上的研讨发言\n各位同志：我谈几点体会。"
    doc = Document(doc_id="t", title=text.split("\n")[0], text=text, norm=text, genre="发言")
    items = extract_activities(Context.from_document(doc))
    assert {(a["category"], a["status"]) for a in items} == {("集中学习", "done"), ("专题研讨", "done")}


@pytest.mark.parametrize(
    "text, category",
    [
        ("带头领学。", "集中学习"), ("围绕8个主题发言交流。", "专题研讨"), ("通过读原文、悟原理，认真学习了党章。", "读书分享"),
        ("认真开展批评和自我批评。", "组织生活"), ("开展“青年理论讲堂”。", "培训"), ("联合开展技能大赛。", "联学共建"),
        ("在读书班上作党课辅导报告。", "党课"), ("真正为群众办实事。", "为民服务"),
    ],
)
def test_added_triggers(text, category):
    assert category in categories_of(text)


def test_reported_requirement_is_not_speech():
    assert categories_of("按照党中央部署要求，开展专题研讨。") == {"专题研讨"}
    assert activities_of("党中央要求我们开展专题研讨。") == []


def test_leader_as_possessor_or_book_author_still_counts():
    assert categories_of("系统学习总书记原文原著。") == {"读书分享"}
    assert categories_of("对习近平总书记《论党的青年工作》进行研讨交流。") == {"专题研讨"}


def test_subject_of_a_text_does_not_count():
    assert activities_of("深入学习贯彻习近平总书记关于调查研究的重要论述。") == []
    assert activities_of("认真学习《关于在全党大兴调查研究的工作方案》。") == []
    assert categories_of("召开关于党建工作的专题研讨会。") == {"专题研讨"}


def test_shortcomings_do_not_count():
    assert activities_of("深入基层调查研究不够，对新情况预判不够。", genre="发言") == []
    assert activities_of("有的同志不蹲点，不调查。") == []
    assert categories_of("坚持查摆问题不到位不罢休。") == {"检视整改"}


def test_list_of_institutions_does_not_count():
    assert activities_of("严格落实党组中心组“第一议题”、主题党日等学习制度。") == []


def test_exhorting_paragraph_of_a_personal_speech_does_not_count():
    text = "一要在学出忠诚上聚合力。对党忠诚是首要品质。坚持开展集中学习，落实主题党日。\n二、我们的做法。开展集中学习12次。"
    items = activities_of(text, genre="发言")
    assert [(a["category"], a["evidence"]) for a in items] == [("集中学习", "开展集中学习12次。")]


def test_exhortation_inside_a_quoted_slogan_is_ignored():
    text = "我们在牢记“三个务必”中端正学习态度，制定了集体研学等工作计划。"
    assert categories_of(text, genre="发言") == {"集中学习"}
    assert categories_of("我们带头贯彻落实首要任务，组织集体研学。", genre="发言") == {"集中学习"}


def test_a_result_or_report_tells_the_activity_took_place():
    # a research report written, a reading class's results used: the thing was done
    assert categories_of("撰写调研报告15篇。") == {"调查研究"}
    assert categories_of("召开调研成果交流会。") >= {"调查研究"}
    assert categories_of("由我为大家作一堂党课报告。") == {"党课"}
    assert categories_of("运用好读书班成果。") == {"读书班"}
    # but 的 still makes a weak trigger a modifier
    assert activities_of("真正筛选出能干实事的干部。") == []


def test_character_level_false_matches_are_blocked():
    assert activities_of("着力抓好重点行业的调整改造。") == []
    assert activities_of("真正把马克思主义看家本领学到手。") == []


@pytest.mark.parametrize(
    "text",
    ["班子成员走访5家涉外企业。", "全部问题均已整改到位。", "在调研过程中召开座谈会。", "狠抓整改整治。",
     "窗口骨干组成宣讲团队。", "问题得到彻底整改。"],
)
def test_more_frames_for_weak_triggers(text):
    assert categories_of(text) & {"调查研究", "检视整改", "宣讲"}


def test_benefactive_problem_solving_is_service():
    assert categories_of("把为群众办实事、为企业解难题作为出发点。", genre="计划") == {"为民服务"}


def test_joint_and_online_triggers():
    assert categories_of("与兄弟院校党支部开展支部间学习交流活动。") >= {"联学共建"}
    assert categories_of("与社区开展党建共建。") >= {"联学共建"}
    assert categories_of("开设主题教育专题网站。") == {"线上学习"}
    assert activities_of("访问专题网站的人数很多。") == []


def test_numbered_points_are_not_statements():
    assert categories_of("一是集中学习，二是专题研讨，其次是读书班。") == {"集中学习", "专题研讨", "读书班"}
    assert activities_of("重点是读书班。") == []


def test_title_of_a_plan_is_planned():
    text = "关于举办青年干部读书班的工作方案\n一、目的"
    doc = Document(doc_id="t", title=text.split("\n")[0], text=text, norm=text, genre="计划")
    [a] = extract_activities(Context.from_document(doc))
    assert (a["category"], a["status"]) == ("读书班", "planned")


def test_topic_needs_a_real_modal():
    assert categories_of("集中学习重要讲话精神。") == {"集中学习"}
    assert activities_of("集中学习要常态化。") == []


def test_a_verb_after_the_trigger_is_not_a_modified_noun():
    assert categories_of("通过集中学习提升能力。") == {"集中学习"}
    assert activities_of("要提升调研能力。") == []


def test_cue_table_with_an_unknown_role_fails_with_file_and_line(tmp_path):
    (tmp_path / "activity_cues.txt").write_text("# h\nframe_verb\t开展\nframe_verbs\t组织\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_cues.txt:3.*unknown role 'frame_verbs'"):
        _cues(str(tmp_path))


def test_cue_table_row_without_a_word_fails_with_file_and_line(tmp_path):
    (tmp_path / "activity_cues.txt").write_text("frame_verb\t开展\nmodal\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_cues.txt:2"):
        _cues(str(tmp_path))


def test_every_cue_role_is_in_the_table():
    rows = read_table(lexicon_path("activity_cues"), 2)
    assert {role for role, _ in rows} == set(_ROLES)


def test_an_exception_compound_guards_its_cue_word():
    # 主要/重要 are not modals: a personal speech that says 主要 still reports
    assert categories_of("主要开展了集中学习。", genre="发言") == {"集中学习"}
    assert activities_of("我们要开展集中学习。", genre="发言") == []


# Wording patterns (activity_patterns.txt): a lead word, a short gap, a tail word.
@pytest.mark.parametrize(
    "text, category",
    [
        ("支部组织全体党员认真学习新修订的党章。", "集中学习"),
        ("中心带领青年干部系统学习有关论述。", "集中学习"),
        ("上周召开党委扩大会议，传达并深入学习全会精神。", "集中学习"),
        ("会上，与会同志集中学习了有关文件。", "集中学习"),
        ("党员们赴县革命纪念馆参观。", "参观见学"),
        ("班子成员到先进社区学习基层治理经验。", "参观见学"),
        ("走进烈士陵园见学。", "参观见学"),
        ("为老党员上门解决实际困难。", "为民服务"),
        ("为企业提供一对一政策辅导。", "为民服务"),
    ],
)
def test_wording_patterns(text, category):
    assert category in categories_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "区委组织部长出席会议。",  # 组织部 is a unit, not "organise"
        "基层党组织学习氛围浓厚。",  # 党组织 is a body
        "组织青年学习小组成员撰写心得。",  # 学习小组 is a group
        "真正做到学习工作两不误。",  # 做到 is no motion to a place
        "本次会议的目的就是深入学习有关精神。",  # a statement of purpose
    ],
)
def test_pattern_words_guarded_by_their_compounds(text):
    assert "集中学习" not in categories_of(text) and "参观见学" not in categories_of(text)


def test_a_trigger_inside_a_pattern_names_the_activity():
    # 培训 inside 组织…学习 is the activity; the pattern adds no 集中学习
    assert categories_of("组织开展团干部专题培训学习。") == {"培训"}
    # a weak trigger of the pattern's own category is framed by it
    [a] = activities_of("到纪念馆参观。")
    assert (a["category"], a["name"]) == ("参观见学", "参观")


def test_a_compound_may_name_two_kinds():
    assert categories_of("开展集中学习研讨。") == {"集中学习", "专题研讨"}
    assert categories_of("举办联合主题党日。") == {"联学共建", "主题党日"}


def test_the_units_own_meeting_urging_counts_a_higher_meeting_does_not():
    [a] = activities_of("会议强调，要深入基层开展调研。", genre="讲话")
    assert (a["category"], a["status"]) == ("调查研究", "urged")
    assert activities_of("全省工作会议强调，要深入基层开展调研。") == []


def test_a_general_statement_after_a_frame_verb_is_a_statement():
    assert activities_of("会议指出，开展调查研究是我们的传家宝。") == []


@pytest.mark.parametrize(
    "text, category",
    [
        ("党员们参观了革命旧址。", "参观见学"),  # 了: it took place
        ("在知识竞答中荣获一等奖。", "比赛评选"),  # 中 … 荣获
        ("在参观的过程中认真听取讲解。", "参观见学"),
        ("局长带队走访基层企业。", "调查研究"),
        ("上报问题全部得到整改。", "检视整改"),
        ("交流调研成果。", "调查研究"),
        ("全年培训 300 余人次。", "培训"),  # a count spaced out by a PDF
    ],
)
def test_more_frames(text, category):
    assert category in categories_of(text)


def test_an_outcome_is_no_activity():
    assert activities_of("基本形成市县乡三级联动的良好格局。") == []


def test_institutions_of_organisation_life_are_held():
    assert categories_of("各支部严格执行“三会一课”、组织生活会等制度。") == {"组织生活"}
    assert categories_of("落实“三会一课”制度。") == {"组织生活"}


def test_a_rule_about_an_activity_is_no_activity():
    assert activities_of("学习民主生活会若干规定。") == []
    assert categories_of("落实专题党课等规定动作。") == {"党课"}


def test_about_makes_a_subject_only_before_a_text_noun():
    assert activities_of("学习关于调查研究的重要论述。") == []
    assert categories_of("会议通报了关于联合督导检查的情况。") == {"其他"}


@pytest.mark.parametrize(
    "text, category",
    [
        ("团支部开展主题团日活动。", "主题党日"), ("书记为新团员讲授团课。", "党课"),
        ("召开支部书记述职评议会。", "其他"), ("组织开展党规知识测试。", "其他"), ("开展督导检查。", "其他"),
        ("参加网上主题团课。", "线上学习"), ("全体团员完成青年大学习。", "线上学习"),
    ],
)
def test_gold_conventions_for_youth_league_and_other(text, category):
    assert category in categories_of(text)


def test_a_formula_or_a_leaders_tour_is_no_activity():
    assert activities_of("按照“学党史、悟思想、办实事、开新局”的要求推进。") == []
    assert activities_of("深入学习总书记考察本省时的重要讲话。") == []


def test_a_report_document_is_no_review_meeting():
    text = "2023年度抓基层党建述职报告\n一、工作开展情况"
    doc = Document(doc_id="t", title=text.split("\n")[0], text=text, norm=text, genre="汇报")
    assert extract_activities(Context.from_document(doc)) == []


def test_pattern_table_errors_name_file_and_line(tmp_path):
    (tmp_path / "activity_cues.txt").write_text("not_cue\t组织部\n", encoding="utf-8")
    (tmp_path / "activity_patterns.txt").write_text("# h\n集中学习\t组织\t12\t学习\n培训\t组织\tten\t培训\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_patterns.txt:3.*gap 'ten'"):
        _patterns(str(tmp_path))
    (tmp_path / "activity_patterns.txt").write_text("学习会\t组织\t12\t学习\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_patterns.txt:1.*unknown category '学习会'"):
        _patterns(str(tmp_path))


def test_two_category_trigger_with_an_unknown_kind_fails(tmp_path):
    (tmp_path / "activity_triggers.txt").write_text("集中学习研讨\t集中学习+研讨\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"activity_triggers.txt:1.*'研讨'"):
        _automaton(str(tmp_path))


@pytest.mark.parametrize(
    "text, category",
    [
        ("邀请党校教授作题为“守纪律讲规矩”的专题报告。", "宣讲"),
        ("组织开展了形式多样的学习活动。", "集中学习"),
        ("携手兄弟社区党支部开展结对活动。", "联学共建"),
        ("省厅领导来我县调研基层党建。", "调查研究"),
        ("深入查摆存在的短板弱项。", "检视整改"),
        ("利 用网络平台组织成员深入学习。", "线上学习"),  # PDF spacing inside the frame verb
        ("印发《关于举办青年干部读书班的通知》。", "读书班"),  # a plan's title plans the class
        ("下发关于开展专题调研工作的通知。", "调查研究"),
    ],
)
def test_wordings_added_for_unseen_reports(text, category):
    assert category in categories_of(text)


def test_a_studied_title_still_hides_its_words():
    assert activities_of("认真研读《论调查研究》。") == []
    assert activities_of("学习《关于开展读书班的若干思考》。") == []
    # an unclosed 《 is no title: what follows still counts
    assert categories_of("学习《条例，结合实际开展专题研讨。") == {"专题研讨"}


def test_an_aim_is_no_occasion():
    assert activities_of("推动理论学习走深走实。") == []
    assert activities_of("促进调研成果转化。") == []


def test_a_brand_joins_the_name_across_a_link_word_only():
    [a] = activities_of("开展“青春向党”主题宣讲活动。")
    assert a["name"] == "“青春向党”主题宣讲活动"
    [b] = activities_of("依托“学习强国”平台开展线上学习。")  # one activity per kind in a sentence
    assert b["category"] == "线上学习" and "平台开展" not in b["name"]


def test_one_sentence_gives_one_activity_per_kind():
    items = activities_of("组织党员读原著、学原文，开展专题研讨。")
    assert sorted(a["category"] for a in items) == ["专题研讨", "读书分享"]


def test_an_institution_carried_out_is_held_a_list_of_them_is_not():
    assert categories_of("党组严格落实中心组学习制度，全年学习12次。") == {"集中学习"}
    assert activities_of("严格落实“第一议题”、主题党日等学习制度。") == []


def test_a_blocker_stops_a_pattern_over_it():
    assert categories_of("与市场监管局联合开展执法检查。") == set()
    assert categories_of("与区检察院联合开展警示教育。") >= {"联学共建", "警示教育"}


def test_a_trigger_inside_the_quoted_name_of_a_medium_is_no_activity():
    found = activities_of("依托“学习强国”平台和“税务讲堂”公众号开展线上学习。")
    assert [a["category"] for a in found] == ["线上学习"]
    # the same word in a quoted activity's name is an activity
    assert [a["category"] for a in activities_of("局机关开展“青年讲堂”活动3期。")] == ["培训"]


def test_a_course_named_before_its_teachers_is_no_activity():
    assert activities_of("邀请思政课教师现场点评。") == []
    assert [a["category"] for a in activities_of("举办一期思政课教师党史专题培训班。")] == ["培训"]
