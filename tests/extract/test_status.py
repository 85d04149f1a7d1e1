"""Activity status read from the trigger's clause, then sentence, paragraph, section and genre."""
import pytest

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.activities import extract_activities
from kg.extract.base import Context, iter_sentences
from kg.extract.status import find_cues, heading_status, section_of, status_of


def at(sentence, trigger, genre="汇报", **kw):
    i = sentence.index(trigger)
    return status_of(sentence, i, i + len(trigger), genre=genre, **kw)


def statuses(text, genre="汇报"):
    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text, genre=genre))
    return [(a["name"], a["status"]) for a in extract_activities(ctx)]


@pytest.mark.parametrize("genre", ["讲话", "党课", "汇报"])
def test_a_review_inside_a_speech_is_done(genre):
    s = "今年以来，局党组按照上级的总要求，先后召开党组会9次，举办为期3天的读书班，全体党员全部参加。"
    assert at(s, "读书班", genre) == "done"


def test_a_plan_word_carries_over_the_clauses_of_its_sentence():
    s = "局工会将与区图书馆联合举办读书分享会，组织青年职工开展志愿服务，帮助社区老人解决实际困难。"
    assert at(s, "志愿服务") == "planned"
    s = "下一步，计划开展读书班1期，组织专题党课4次。"
    assert at(s, "专题党课") == "planned"  # the figure does not make it done


def test_the_nearest_clause_decides():
    s = "局党组要求各支部开展专题学习，各支部共开展专题研讨56次。"
    assert at(s, "专题学习") == "urged"
    assert at(s, "专题研讨") == "done"


def test_within_a_clause_a_plan_word_outranks_a_past_marker():
    assert at("全局将陆续开展专题研讨。", "专题研讨") == "planned"
    assert at("目前已开展专题研讨。", "专题研讨") == "done"


def test_jiang_as_ba_says_nothing_about_time():
    assert at("创新地将读书班与业务培训相融合，学员收获很大。", "读书班") == "done"
    assert at("将理论学习成果转化为推动工作的动力，开展调研。", "调研") == "done"
    assert at("已将专题党课纳入年度安排。", "专题党课") == "done"


@pytest.mark.parametrize("genre, want", [("讲话", "urged"), ("党课", "urged"), ("计划", "planned"), ("其他", "urged")])
def test_a_bare_modal_depends_on_the_genre(genre, want):
    assert at("要经常性开展警示教育。", "警示教育", genre) == want


def test_a_bare_modal_in_a_report_decides_nothing():
    s = "不但学理论，还要学业务，通过参观见学等方式提升能力。"
    assert at(s, "参观见学", "汇报") == "done"


def test_a_modal_addressed_to_others_urges_in_a_report():
    assert at("各党支部要开展主题党日活动。", "主题党日", "汇报") == "urged"
    assert at("支部书记强调：全体党员持续开展线上学习。", "线上学习", "汇报") == "urged"


def test_words_that_hold_a_cue_but_are_none():
    assert [c.word for c in find_cues("按照上级的要求，开展重要讲话学习，为了提升能力")] == []
    assert at("根据工作需要，按照学习计划开展集中学习。", "集中学习", "汇报") == "done"
    assert at("按照局党委要求，认真开展组织生活会。", "组织生活会", "汇报") == "done"  # 要求 as a noun
    assert at("会议要求，各科室开展专题研讨。", "专题研讨", "汇报") == "urged"
    assert at("他在学习交流会上强调，要抓好落实。", "学习交流会", "其他") == "done"  # the meeting took place


def test_a_quoted_slogan_holds_no_cue():
    s = "为落实“党要管党、从严治党”的方针，3月5日，机关党委召开述职报告会。"
    assert at(s, "述职报告会", "其他") == "done"


def test_a_past_marker_right_after_the_trigger_or_later_in_the_sentence():
    assert at("读书班期间，各支部要求严，集中学习了《党章》。", "集中学习", "讲话") == "done"
    assert at("同志们带头领学，逐章学习，收获了很多。", "领学", "讲话") == "done"


def test_the_trigger_as_subject_of_a_plan_or_modal():
    assert at("青年读书班将于下月开班。", "读书班", "其他") == "planned"


def test_a_quota_is_not_a_count_of_things_done():
    s = "每名班子成员至少开展1次专题调研。"
    assert at(s, "专题调研", "讲话", paragraph=iter(["urged"])) == "urged"
    s = "局机关开展专题调研6次。"
    assert at(s, "专题调研", "讲话", paragraph=iter(["urged"])) == "done"


def test_a_speech_paragraph_urges_throughout():
    text = "一要抓学习。各支部要紧扣主题。领导干部带头开展调研，解决实际问题。"
    assert statuses(text, "讲话") == [("调研", "urged")]
    assert statuses(text, "汇报") == [("调研", "done")]


def test_the_paragraph_opening_and_the_section():
    text = "下一步，我局将重点做好两项工作。组织青年干部读书班。\n二、主要做法\n组织青年干部读书班。"
    assert statuses(text) == [("读书班", "planned"), ("读书班", "done")]


def test_a_combined_heading_leaves_it_to_the_paragraph():
    assert heading_status("三、存在问题和下一步打算") is None
    text = "三、存在问题和下一步打算。部分支部集中学习形式单一。下一步，我们将举办读书班。"
    assert statuses(text) == [("集中学习", "done"), ("读书班", "planned")]


def test_a_plain_heading_line_and_a_lead_in_line():
    text = "一、工作情况\n开展集中学习。\n存在的问题\n集中学习形式单一。\n下一步工作打算\n开展专题研讨。"
    sections = section_of(list(iter_sentences(text)), text)
    assert sections[-1] == "下一步工作打算" and sections[3] == "存在的问题"
    text = "开展集中学习。\n下一步，我们将抓好以下工作：\n一是办好读书班。\n二是开展专题研讨。"
    assert statuses(text) == [("集中学习", "done"), ("读书班", "planned"), ("专题研讨", "planned")]


def test_a_plan_document_keeps_its_review_done():
    text = "三、学习要求\n中心组成员要坚持集中学习。2024年，中心组共开展专题研讨11次。"
    assert statuses(text, "计划") == [("集中学习", "planned"), ("专题研讨", "done")]


def test_a_bad_lexicon_line_names_its_file_and_line(tmp_path):
    (tmp_path / "status_cues.txt").write_text("# cues\n已 => done\n将 => soon\n", encoding="utf-8")
    (tmp_path / "measure_words.txt").write_text("次\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        find_cues("将开展", directory=str(tmp_path))
    assert "status_cues.txt:3" in str(err.value) and "soon" in str(err.value)


def test_a_cue_with_two_roles_in_one_place_is_refused(tmp_path):
    (tmp_path / "status_cues.txt").write_text("已 => done\n已 => planned\n", encoding="utf-8")
    (tmp_path / "measure_words.txt").write_text("次\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="two roles"):
        find_cues("已开展", directory=str(tmp_path))
