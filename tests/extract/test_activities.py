"""Activities: triggers to categories, status from context, partners, materials."""
import pytest

from kg.document import Document
from kg.errors import LexiconError
from kg.extract.activities import CATEGORIES, _automaton, extract_activities, find_triggers
from kg.extract.base import Context
from kg.lexicon import lexicon_path, read_table


def activities_of(text, genre="汇报", **found):
    ctx = Context.from_document(Document(doc_id="t", title="", text=text, norm=text, genre=genre))
    ctx.found.update(found)
    return extract_activities(ctx)


def test_every_trigger_maps_to_a_schema_category():
    rows = read_table(lexicon_path("activity_triggers"), 2)
    assert rows and all(cat in CATEGORIES for _, cat in rows)


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


def test_named_activity_keeps_its_quoted_brand():
    [a] = activities_of("开展“缅怀先烈，致敬英雄”云交流活动。")
    assert a["name"] == "“缅怀先烈，致敬英雄”云交流活动" and a["category"] == "线上学习"


def test_named_activity_without_trigger_is_other():
    [a] = activities_of("开展“红铸于行”主题实践活动。")
    assert a["category"] == "其他"


def test_status_done_planned_urged():
    text = "一、主要做法\n开展集中学习。\n二、下一步工作打算\n组织读书班。"
    assert [(a["category"], a["status"]) for a in activities_of(text)] == [("集中学习", "done"), ("读书班", "planned")]
    assert activities_of("下一步，将开展专题研讨。")[0]["status"] == "planned"
    assert activities_of("开展专题研讨。", genre="计划")[0]["status"] == "planned"
    assert activities_of("各级党组织要开展专题研讨。", genre="讲话")[0]["status"] == "urged"
    assert activities_of("各级党组织要开展专题研讨。", genre="汇报")[0]["status"] == "done"


def test_org_partners_and_materials():
    orgs = [{"name": "市妇联", "aliases": []}, {"name": "市委党校", "aliases": []}]
    found = dict(
        organizations=orgs,
        reporting_org=[{"name": "市妇联"}],
        materials=[{"name": "习近平谈治国理政"}],
    )
    [a] = activities_of("联合市委党校共同举办读书班，研读《习近平谈治国理政》。", **found)
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
