"""Studied titles versus titles the unit made, gave or was printed in."""
from __future__ import annotations

import pytest

from kg.document import Document
from kg.extract.base import Context
from kg.extract.materials import extract_materials, find_materials


def titles(text):
    return [m[0] for m in find_materials(text)]


@pytest.mark.parametrize("text, want", [
    ("深入学习《习近平谈治国理政》（第四卷）等理论读物", ["习近平谈治国理政（第四卷）"]),
    ("小组成员诵读了《习近平谈治国理政》第四卷的内容", ["习近平谈治国理政（第四卷）"]),
    ("组织党员集中研读《习近平著作选读》《习近平新时代中国特色社会主义思想专题摘编》",
     ["习近平著作选读", "习近平新时代中国特色社会主义思想专题摘编"]),
    ("深入学习宣传《中华人民共和国宪法》", ["中华人民共和国宪法"]),
    ("领导领学《论党的青年工作》", ["论党的青年工作"]),
])
def test_studied_titles(text, want):
    assert titles(text) == want


@pytest.mark.parametrize("text", [
    "在学习制度方面，制定了《关于青年理论学习小组常态化学习的实施方案》",
    "分别作了题为《青春心向党奋斗正当时》《提振精气神》等述学演讲",
    "其中X篇被《新时代XX市现代化强省会建设实录》一书收录",
    "经验被新华社、学习强国、《光明日报》等重要媒体关注报道",
    "印发《主题教育学习方案》",
])
def test_made_given_or_printed_titles_are_not_materials(text):
    assert titles(text) == []


def test_items_carry_evidence():
    text = "一、学习情况\n深入学习《习近平谈治国理政》第四卷。制定了《实施方案》。"
    doc = Document(doc_id="t", title="", text=text)
    items = extract_materials(Context.from_document(doc))
    assert [i["name"] for i in items] == ["习近平谈治国理政（第四卷）"]
    assert text[items[0]["start"]:items[0]["end"]] == items[0]["evidence"]


@pytest.mark.parametrize("text, want", [
    # named without 《》: founding texts, congress reports, speeches by occasion
    ("支部党员集体诵读党章，重温入党誓词", ["中国共产党章程"]),
    ("认真学习了党的二十大报告、新修订的《中国共产党纪律处分条例》和党章",
     ["党的二十大报告", "中国共产党纪律处分条例", "中国共产党章程"]),
    ("会议传达学习了习近平总书记在全国教育大会上的重要讲话精神",
     ["习近平总书记在全国教育大会上的重要讲话"]),
    ("深入学习习近平总书记关于城市工作的重要论述", ["习近平总书记关于城市工作的重要论述"]),
    ("团员青年学习了习近平总书记给某某学院学生的回信", ["习近平总书记给某某学院学生的回信"]),
    ("认真学习党的二十届三中全会《决定》", ["党的二十届三中全会决定"]),
    # volumes
    ("研读《习近平著作选读》第一卷和第二卷", ["习近平著作选读（第一卷）", "习近平著作选读（第二卷）"]),
    ("诵读《习近平谈治国理政》第一至四卷", ["习近平谈治国理政（第一至四卷）"]),
    # a preposition, then the words after the title decide
    ("围绕《中国共产党廉洁自律准则》开展交流研讨", ["中国共产党廉洁自律准则"]),
    ("把《习近平关于调查研究论述摘编》作为必读书目", ["习近平关于调查研究论述摘编"]),
    ("其中党的二十大报告和党章为必读书目", ["党的二十大报告", "中国共产党章程"]),
    # a list that began in the clause before
    ("深入学习省委全会精神，以及习近平总书记在某地考察时的重要讲话", ["习近平总书记在某地考察时的重要讲话"]),
    # films and videos watched are materials
    ("组织党员干部观看警示教育片《贪欲之祸》", ["贪欲之祸"]),
    ("收看由纪委制作的专题片《清风正气》", ["清风正气"]),
])
def test_studied_texts_in_every_form(text, want):
    assert titles(text) == want


@pytest.mark.parametrize("text", [
    "来源：《城南日报》 作者：张三",
    "认真研读《求是》杂志刊发的文章",
    "局长以《守住底线 干净干事》为题讲授廉政党课",
    "形成《关于耕地保护情况的调研报告》等调研成果5篇",
    "按照《关于开展主题教育的实施方案》要求，开展集中学习",
    "紧扣《全县党建工作要点》，坚持问题导向",
    "深入学习习近平总书记系列重要讲话精神",  # no occasion: no one text
    "全面学习贯彻党的二十大精神",  # the 精神 of a meeting is no one text
    "深入贯彻落实习近平总书记关于安全生产的重要指示精神",  # carried out, not studied
    "开展“学党章、守纪律”主题活动",  # a campaign's name
    "严守党章党规党纪",
])
def test_not_materials(text):
    assert titles(text) == []


def test_a_chapter_is_part_of_the_text_named_before_it():
    assert titles("集体诵读党章第二章《党员的义务》") == ["中国共产党章程"]


def _extract(text, genre="汇报"):
    from kg.extract.activities import extract_activities

    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text, genre=genre))
    ctx.found["materials"] = extract_materials(ctx)
    return ctx.found["materials"], extract_activities(ctx)


def test_short_forms_resolve_to_the_full_title_the_document_gave():
    text = ("支部书记领学了《中国共产党问责条例》（以下简称《问责办法》）。党员围绕学习《问责办法》交流体会。"
            "会后，支部又对《条例》进行了学习。会上学习了《意见》。")
    mats, _ = _extract(text)
    assert [m["name"] for m in mats] == ["中国共产党问责条例"] * 3  # 《意见》: the document gave no full title


def test_items_keep_the_text_as_written():
    mats, _ = _extract("全体党员诵读党章。")
    assert mats[0]["name"] == "中国共产党章程" and mats[0]["surface"] == "党章"


def test_a_material_reaches_the_activity_that_studied_it():
    text = "局党组开展集中学习8次，重点学习了《习近平谈治国理政》第四卷，聆听专题党课2次。"
    _, acts = _extract(text)
    studied = {a["name"]: a["materials"] for a in acts}
    assert studied == {"集中学习": ["习近平谈治国理政（第四卷）"], "专题党课": []}


def test_the_activity_of_the_same_clause_wins():
    text = "读书班期间，集中学习了《习近平著作选读》第二卷，参加分组研讨3次。"
    _, acts = _extract(text)
    assert {a["name"]: a["materials"] for a in acts}["集中学习"] == ["习近平著作选读（第二卷）"]
    assert {a["name"]: a["materials"] for a in acts}["读书班"] == []


def test_a_study_sentence_without_activity_gives_its_material_to_the_sentence_before():
    text = "局党委召开理论学习中心组学习会，班子成员参加。会上原原本本传达了习近平总书记在某座谈会上的重要讲话。\n另起一段。"
    _, acts = _extract(text)
    assert [a["materials"] for a in acts] == [["习近平总书记在某座谈会上的重要讲话"]]


def test_a_study_sentence_that_is_an_activity_keeps_its_own_material():
    text = "局党委召开理论学习中心组学习会。会议传达学习了习近平总书记在某座谈会上的重要讲话精神。\n另起一段。"
    _, acts = _extract(text)
    assert [a["materials"] for a in acts] == [[], ["习近平总书记在某座谈会上的重要讲话"]]


def test_a_bad_lexicon_line_names_its_file_and_line(tmp_path):
    from kg.errors import LexiconError
    from kg.extract.materials import _vocab

    (tmp_path / "material_cues.txt").write_text("学习 => study\n读 => studdy\n", encoding="utf-8")
    (tmp_path / "material_names.txt").write_text("党章 => 中国共产党章程\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        _vocab(str(tmp_path))
    assert "material_cues.txt:2" in str(err.value) and "studdy" in str(err.value)
