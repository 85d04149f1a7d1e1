"""Relative (deictic) unit names: qualify, scope or keep merged (kg/graph/relative.py and its use in the builder)."""
from __future__ import annotations

import pytest
from tests.graph_helpers import graph_facts

from kg.errors import LexiconError
from kg.graph import graph_from_records, remove_document
from kg.graph.relative import RelativeNames, scope_org_name, unscope_org_name
from kg.graph.resolve import OrgResolver, default_resolver


@pytest.fixture(scope="module")
def rel() -> RelativeNames:
    return RelativeNames.from_file()


@pytest.mark.parametrize("name", [
    "局党组", "党组", "局", "市局", "县局", "本局", "办公室", "党办", "支部", "党支部", "学校", "学校党委", "机关党委",
    "理论学习中心组", "党组理论学习中心组", "青年理论学习小组", "中心组", "单位",
    "局党组理论学习中心组", "局党组中心组", "市局党组理论学习中心组", "局主题教育领导小组", "我局党组",
])
def test_relative_names(rel, name):
    assert rel.is_relative(name)


@pytest.mark.parametrize("name", [
    "市委", "县委", "省委", "区委", "党中央", "市委组织部", "县委办公室", "市统计局党组", "市统计局", "党校",
    "大学党委", "机关党组", "区委党组中心组", "市外事办公室", "县委理论学习中心组",
])
def test_named_units_are_not_relative(rel, name):
    assert not rel.is_relative(name)


@pytest.mark.parametrize("name, reporting, qualified", [
    ("局党组", "市统计局", "市统计局党组"),
    ("党组", "市统计局", "市统计局党组"),
    ("办公室", "市统计局", "市统计局办公室"),
    ("本局", "市统计局", "市统计局"),
    ("市局", "市统计局", "市统计局"),
    ("局党组理论学习中心组", "市统计局", "市统计局党组理论学习中心组"),
    ("理论学习中心组", "市统计局党组", "市统计局党组理论学习中心组"),
    ("党组", "市统计局党组", "市统计局党组"),
    ("学校党委", "理工大学", "理工大学党委"),
    ("学校党委", "大学", "大学党委"),  # a masked name (某大学) is still the school's name
    ("单位", "区团委", "区团委"),
    ("组织部", "县委", "县委组织部"),
])
def test_qualified_by_the_reporting_unit(rel, name, reporting, qualified):
    assert rel.qualify(name, reporting) == qualified


@pytest.mark.parametrize("name, reporting", [
    ("局党组", None),          # nobody named
    ("局党组", "市委"),        # a 市委 is no 局
    ("市局党组", "县统计局"),  # in a county's report 市局 is the superior bureau
    ("县局", "市统计局"),
    ("学校", "市统计局"),
    ("市委", "市统计局"),      # not relative at all
])
def test_unsure_pairs_are_not_qualified(rel, name, reporting):
    assert rel.qualify(name, reporting) is None


def test_place_qualifies_scopes_or_keeps_shared():
    r = default_resolver()
    assert r.place("局党组", "市统计局", "d1") == ("市统计局党组", None)
    assert r.place("局党组", None, "d1") == ("局党组〔d1〕", "d1")
    assert r.place("局党组", "局党组", "d2") == ("局党组〔d2〕", "d2")
    assert r.place("党组", "局党组", "d2") == ("局党组〔d2〕", "d2")  # the speaker itself
    assert r.place("党办", "办公室", "d3") == ("党办〔d3〕", "d3")  # not 办公室党办
    assert r.place(r.canonical("**市委"), "市统计局", "d1") == ("市委", None)
    assert r.place("市委", None, "d9") == ("市委", None)
    assert r.place(r.canonical("XX市卫健委"), None, "d1") == ("市卫生健康委", None)
    assert r.place("党组", r.canonical("市卫健委"), "d1") == ("市卫生健康委党组", None)


def test_scope_names_round_trip():
    assert unscope_org_name(scope_org_name("局党组理论学习中心组", "003_x#5")) == "局党组理论学习中心组"


def test_file_format_and_errors(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("# units\n局 => 局\n学校 => 大学 学校\n\n党组\n办公室  # an office\n", encoding="utf-8")
    rel = RelativeNames.from_file(p)
    assert rel.selves == {"局": ("局",), "学校": ("大学", "学校")} and rel.organs == {"党组", "办公室"}
    assert rel.qualify("学校党组", "理工大学") == "理工大学党组"
    p.write_text("党组\n# ok\n**局 => 局\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"r\.txt:3:.*'局'"):
        RelativeNames.from_file(p)
    p.write_text("党组\n办公室\n党组\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"r\.txt:3:.*twice"):
        RelativeNames.from_file(p)
    p.write_text("局 => 局 => 县\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"r\.txt:1:"):
        RelativeNames.from_file(p)


def test_resolver_without_the_table_changes_nothing():
    r = OrgResolver.from_files(relative_path=None)
    assert r.place("局党组", "市统计局", "d1") == ("局党组", None)


# -- in the builder ---------------------------------------------------------

def _pair(doc_id: str, sentences: list[str], reporting: str | None, orgs: list[str]):
    """A document and its record: each org is read in the first sentence holding it."""
    text = "\n".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append((s, pos, pos + len(s)))
        pos += len(s) + 1

    def where(name):
        for s, a, b in spans:
            if name in s:
                return {"evidence": s, "start": a, "end": b}
        raise AssertionError(name)

    rec = {"doc_id": doc_id, "title": doc_id, "reporting_org": reporting,
           "reporting_org_evidence": {"name": reporting, **where(reporting)} if reporting else None,
           "organizations": [{"name": n, "aliases": [], "kind": "党组织", "mentions": 1, **where(n)} for n in orgs],
           "activities": [{"name": "集中学习", "category": "集中学习", "status": "done", "org": orgs[0], "partners": [],
                           "materials": [], **where(orgs[0])}] if orgs else []}
    return {"doc_id": doc_id, "title": doc_id, "text": text}, rec


def _pairs():
    return [
        _pair("d1", ["市统计局党组理论学习中心组学习情况汇报。", "局党组理论学习中心组开展集中学习。",
                     "局党组书记带头讲党课，办公室做好保障。", "市委巡回指导组到会指导。"],
              "市统计局", ["局党组理论学习中心组", "局党组", "办公室", "市委"]),
        _pair("d2", ["局党组理论学习中心组开展集中学习。", "局党组书记讲党课，办公室做好保障。", "**市委到会指导。"],
              "局党组", ["局党组理论学习中心组", "局党组", "办公室", "**市委"]),
        _pair("d3", ["局党组开展集中学习。", "办公室做好保障。", "市委到会指导。"], None, ["局党组", "办公室", "市委"]),
    ]


@pytest.fixture()
def g():
    return graph_from_records(_pairs())


def _orgs(g):
    return {n: d for n, d in g.nodes(data=True) if d["label"] == "Organization"}


def test_relative_names_are_never_shared_but_named_superiors_are(g):
    orgs = _orgs(g)
    assert orgs["Organization:市委"]["doc_ids"] == ["d1", "d2", "d3"]
    for n, d in orgs.items():
        if n != "Organization:市委":
            assert len(d["doc_ids"]) == 1, n
    assert {n for n in orgs if "局党组" in n} == {
        "Organization:市统计局党组", "Organization:市统计局党组理论学习中心组",
        "Organization:局党组〔d2〕", "Organization:局党组理论学习中心组〔d2〕", "Organization:局党组〔d3〕"}


def test_qualified_name_keeps_the_spelling_on_the_edge_not_as_alias(g):
    node = g.nodes["Organization:市统计局党组"]
    assert node["doc_ids"] == ["d1"] and "scope" not in node and "局党组" not in node["aliases"]
    surfaces = {d["surface"] for _, _, d in g.in_edges("Organization:市统计局党组", data=True) if d["type"] == "MENTIONS"}
    assert surfaces == {"局党组"}
    assert "Organization:市统计局办公室" in g


def test_scoped_nodes_name_their_document(g):
    node = g.nodes["Organization:局党组〔d3〕"]
    assert node["name"] == "局党组〔d3〕" and node["scope"] == "d3" and node["doc_ids"] == ["d3"]
    assert node["aliases"] == []
    assert g.nodes["Organization:办公室〔d2〕"]["scope"] == "d2"


def test_reporting_unit_and_activity_owner_use_the_node_name(g):
    assert g.nodes["Document:d2"]["reporting_org"] == "局党组〔d2〕"
    assert [u for u, _, d in g.in_edges("Document:d2", data=True) if d["type"] == "AUTHORED"] == \
        ["Organization:局党组〔d2〕"]
    assert g.nodes["Document:d1"]["reporting_org"] == "市统计局"
    acts = [d for _, d in g.nodes(data=True) if d["label"] == "Activity"]
    assert {a["doc_id"]: a["org"] for a in acts} == {
        "d1": "市统计局党组理论学习中心组", "d2": "局党组理论学习中心组〔d2〕", "d3": "局党组〔d3〕"}


def test_subunit_chains_follow_the_qualified_or_scoped_names(g):
    def parents(n):
        return [v for _, v, d in g.out_edges(n, data=True) if d["type"] == "SUBUNIT_OF"]
    assert parents("Organization:市统计局党组理论学习中心组") == ["Organization:市统计局党组"]
    assert parents("Organization:市统计局党组") == ["Organization:市统计局"]
    assert parents("Organization:局党组理论学习中心组〔d2〕") == ["Organization:局党组〔d2〕"]
    assert parents("Organization:局党组〔d2〕") == []


def test_no_two_organizations_share_a_name_or_alias(g):
    seen: dict[str, str] = {}
    for n, d in _orgs(g).items():
        for spelling in [d["name"], *d["aliases"]]:
            assert spelling not in seen, (spelling, n, seen.get(spelling))
            seen[spelling] = n


def test_incremental_equals_fresh(g):
    pairs = _pairs()
    assert graph_facts(graph_from_records(pairs[::-1])) == graph_facts(g)
    remove_document(g, "d2")
    assert graph_facts(g) == graph_facts(graph_from_records([pairs[0], pairs[2]]))
    assert "Organization:局党组〔d2〕" not in g and g.nodes["Organization:市委"]["doc_ids"] == ["d1", "d3"]
