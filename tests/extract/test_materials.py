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
