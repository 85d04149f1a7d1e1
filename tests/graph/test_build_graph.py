"""The graph builder (kg/graph/build.py) on hand-written records (tests/fixtures/graph/records.jsonl)."""
from __future__ import annotations

import copy

import pytest
from tests.graph_helpers import doc_facts, fixture_pairs, graph_facts

from kg.extract.base import iter_sentences
from kg.graph import add_document, graph_from_records, new_graph, remove_document
from kg.graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, TEXT_RELATIONSHIPS


@pytest.fixture()
def g():
    return graph_from_records(fixture_pairs())


def test_every_text_relationship_has_evidence_in_its_document(g):
    n = 0
    for u, v, d in g.edges(data=True):
        if d["type"] in TEXT_RELATIONSHIPS:
            text = g.nodes[f"Document:{d['doc_id']}"]["text"]
            assert d["evidence"] and text[d["start"]:d["end"]] == d["evidence"], (u, v, d)
            n += 1
    assert n > 30


def test_nodes_and_edges_follow_the_schema(g):
    for n, d in g.nodes(data=True):
        assert d["id"] == n and n.startswith(d["label"] + ":")
        assert set(d) - {"label"} <= set(NODE_PROPERTIES[d["label"]]), n
    for u, v, k, d in g.edges(keys=True, data=True):
        assert (g.nodes[u]["label"], g.nodes[v]["label"]) in REL_ENDPOINTS[d["type"]], (u, v, d["type"])
        assert set(d) - {"type"} <= set(REL_PROPERTIES[d["type"]]) and d["key"] == k and d["doc_id"]


def test_no_two_organizations_share_a_name_or_alias(g):
    seen = {}
    for n, d in g.nodes(data=True):
        if d["label"] == "Organization":
            for spelling in [d["name"], *d.get("aliases", [])]:
                assert spelling not in seen, (spelling, n, seen.get(spelling))
                seen[spelling] = n


def test_resolution_merges_spellings_and_keeps_them(g):
    org = g.nodes["Organization:市卫生健康委"]
    assert "市卫健委" in org["aliases"]
    assert org["doc_ids"] == ["b1"]
    surfaces = {d["surface"] for _, v, d in g.in_edges("Organization:市知识产权局青年理论学习小组", data=True)
                if d["type"] == "MENTIONS"}
    assert surfaces == {"市知识产权局青年理论学习小组"}
    assert "Organization:市委" in g and "Organization:县委" in g


def test_shared_nodes_carry_their_documents(g):
    assert g.nodes["Organization:市委党校"]["doc_ids"] == ["a1", "c1"]
    assert g.nodes["Slogan:两个确立"]["doc_ids"] == ["a1", "b1"]


def test_study_groups_link_to_their_parent_units(g):
    def parents(n):
        return [v for _, v, d in g.out_edges(n, data=True) if d["type"] == "SUBUNIT_OF"]
    assert parents("Organization:市知识产权局青年理论学习小组") == ["Organization:市知识产权局"]
    group = "Organization:市卫生健康委党组理论学习中心组"
    assert parents(group) == ["Organization:市卫生健康委党组"]
    assert parents("Organization:市卫生健康委党组") == ["Organization:市卫生健康委"]
    assert parents("Organization:县委理论学习中心组") == ["Organization:县委"]


def test_activity_relationships(g):
    out = {(d["type"], v) for _, v, d in g.out_edges("Activity:a1@66", data=True)}
    assert ("INSTANCE_OF", "ActivityType:读书班") in out
    assert ("STUDIED", "Material:习近平谈治国理政第四卷") in out
    conducted = [u for u, _, d in g.in_edges("Activity:a1@66", data=True) if d["type"] == "CONDUCTED"]
    assert conducted == ["Organization:市知识产权局青年理论学习小组"]
    partners = [v for _, v, d in g.out_edges("Organization:县委", data=True) if d["type"] == "PARTNERED_WITH"]
    assert partners == ["Organization:市委党校"]


def test_metric_attaches_to_activity_of_its_sentence_else_to_reporting_unit():
    pairs = fixture_pairs()
    doc, rec = copy.deepcopy(pairs[0])
    rec["activities"] = rec["activities"][1:]  # the 集中学习 sentence now has no activity
    g = graph_from_records([(doc, rec)])
    owners = {u for u, _, d in g.in_edges("Metric:a1@44", data=True) if d["type"] == "MEASURED_BY"}
    assert owners == {"Organization:市知识产权局青年理论学习小组"}
    g2 = graph_from_records(pairs[:1])
    assert {u for u, _, d in g2.in_edges("Metric:a1@44", data=True)} == {"Activity:a1@40"}


def test_a_fact_without_evidence_in_the_text_is_left_out():
    doc, rec = copy.deepcopy(fixture_pairs()[2])
    rec["organizations"].append({"name": "市政协", "aliases": [], "kind": "x", "evidence": "不在文中的句子。",
                                 "start": 0, "end": 8})
    g = graph_from_records([(doc, rec)])
    assert "Organization:市政协" not in g


def test_drifted_offsets_are_repaired_from_the_evidence():
    doc, rec = copy.deepcopy(fixture_pairs()[2])
    item = rec["organizations"][2]
    item["start"] += 3
    item["end"] += 3
    g = graph_from_records([(doc, rec)])
    d = g.get_edge_data("Document:c1", "Organization:市委党校")
    (edge,) = d.values()
    assert doc["text"][edge["start"]:edge["end"]] == edge["evidence"]


def test_ids_are_stable_whatever_the_order():
    pairs = fixture_pairs()
    assert graph_facts(graph_from_records(pairs)) == graph_facts(graph_from_records(pairs[::-1]))


def test_adding_a_document_twice_changes_nothing(g):
    before = graph_facts(g)
    add_document(g, *fixture_pairs()[1])
    assert graph_facts(g) == before


def test_removing_a_document_removes_exactly_its_facts(g):
    pairs = fixture_pairs()
    remove_document(g, "c1")
    assert graph_facts(g) == graph_facts(graph_from_records(pairs[:2]))
    assert "Organization:县委理论学习中心组" not in g and "Slogan:第一议题" not in g
    assert g.nodes["Organization:县委"]["doc_ids"] == ["b1"]  # still the parent of b1's 县委组织部
    assert g.nodes["Organization:市委党校"]["doc_ids"] == ["a1"]


def test_replacing_a_document_touches_only_its_facts(g):
    pairs = fixture_pairs()
    doc, rec = copy.deepcopy(pairs[1])
    rec["slogans"] = []
    before = {d: doc_facts(g, d) for d in ("a1", "c1")}
    add_document(g, doc, rec)
    assert {d: doc_facts(g, d) for d in ("a1", "c1")} == before
    assert not any(d["type"] == "ECHOES" for *_, d in g.edges(data=True) if d["doc_id"] == "b1")
    assert g.nodes["Slogan:两个确立"]["doc_ids"] == ["a1"]


def test_empty_record_gives_just_the_document():
    g = new_graph()
    add_document(g, {"doc_id": "z", "title": "空", "text": "无内容。"}, {"doc_id": "z"})
    assert list(g.nodes) == ["Document:z"] and g.nodes["Document:z"]["text"] == "无内容。"


def test_org_spellings_say_which_document_wrote_which_form():
    from kg.graph import org_spellings

    pairs = fixture_pairs()
    doc, rec = copy.deepcopy(pairs[1])
    doc["doc_id"] = rec["doc_id"] = "b2"
    doc["text"] = doc["text"].replace("市卫生健康委组织", "市卫健委的组织")
    rec["organizations"] = [{"name": "市卫健委", "aliases": [], "kind": "政府部门", "evidence": s.text,
                             "start": s.start, "end": s.end}
                            for s in iter_sentences(doc["text"])
                            if "市卫健委的" in s.text]
    for key in ("activities", "metrics", "slogans"):
        rec[key] = []
    rec["reporting_org"] = rec["reporting_org_evidence"] = None
    g = graph_from_records([pairs[1], (doc, rec)])
    assert org_spellings(g, "Organization:市卫生健康委") == {"市卫健委": ["b2"], "市卫生健康委": ["b1"]}


def test_summary_properties_count_and_list_what_the_edges_say(g):
    for n, d in g.nodes(data=True):
        if d["label"] == "Document":
            owned = [m for m, e in g.nodes(data=True) if e.get("doc_id") == d["doc_id"]]
            assert d["n_activities"] == sum(g.nodes[m]["label"] == "Activity" for m in owned), n
            assert d["n_metrics"] == sum(g.nodes[m]["label"] == "Metric" for m in owned), n
        elif d["label"] == "Organization":
            out = [(e["type"], g.nodes[v]) for _, v, e in g.out_edges(n, data=True)]
            assert d["categories"] == sorted({v["category"] for t, v in out if t == "CONDUCTED"}), n
            assert d["slogans"] == sorted({v["canonical"] for t, v in out if t == "ECHOES"}), n
    group = g.nodes["Organization:市知识产权局青年理论学习小组"]
    assert "读书班" in group["categories"] and group["slogans"]
    assert g.nodes["Organization:市委党校"]["categories"] == []
    assert any(d.get("n_activities") for _, d in g.nodes(data=True))


def test_derive_properties_gives_what_the_builder_kept(g):
    from kg.graph import derive_properties

    before = graph_facts(g)
    for _, d in g.nodes(data=True):
        for key in ("n_activities", "n_metrics", "categories", "slogans", "filter_names"):
            d.pop(key, None)
    assert graph_facts(derive_properties(g)) == before


def test_a_unit_filter_finds_a_study_group_by_the_units_up_to_two_steps_above_it(g):
    group = g.nodes["Organization:市卫生健康委党组理论学习中心组"]
    assert group["filter_names"] == sorted({"市卫生健康委党组理论学习中心组", "市卫生健康委党组", "市卫生健康委",
                                            *group["aliases"]})
    unit = g.nodes["Organization:市卫生健康委"]
    assert "市卫健委" in unit["aliases"] and unit["filter_names"] == sorted(["市卫生健康委", *unit["aliases"]])
    assert g.nodes["Organization:县委"]["filter_names"] == ["县委"]


def test_filter_names_follow_a_change_two_steps_above_a_unit_not_in_the_change():
    """A unit's filter names hold its grandparent's name: a document that only adds or removes the
    link between its parent and grandparent must change them too."""
    from kg.graph.build import refresh_nodes

    g = new_graph()
    for name in ("甲局党组理论学习中心组", "甲局党组", "甲局"):
        g.add_node(f"Organization:{name}", label="Organization", id=f"Organization:{name}", name=name, aliases=[])
    link = {"type": "SUBUNIT_OF", "evidence": "…", "start": 0, "end": 1}
    g.add_edge("Organization:甲局党组理论学习中心组", "Organization:甲局党组", key="s1", doc_id="a", **link)
    g.add_edge("Organization:甲局党组", "Organization:甲局", key="s2", doc_id="b", **link)
    refresh_nodes(g, ["Organization:甲局党组", "Organization:甲局"])
    group = "Organization:甲局党组理论学习中心组"
    assert g.nodes[group]["filter_names"] == ["甲局", "甲局党组", "甲局党组理论学习中心组"]
    g.remove_edge("Organization:甲局党组", "Organization:甲局", key="s2")
    refresh_nodes(g, ["Organization:甲局党组", "Organization:甲局"])
    assert "Organization:甲局" not in g  # no document names it any more
    assert g.nodes[group]["filter_names"] == ["甲局党组", "甲局党组理论学习中心组"]


def test_summary_properties_follow_a_removed_document(g):
    def echoing(slogan):
        return {n for n, d in g.nodes(data=True) if slogan in d.get("slogans", ())}

    assert echoing("第一议题")
    remove_document(g, "c1")
    assert echoing("第一议题") == set()
    assert graph_facts(g) == graph_facts(graph_from_records(fixture_pairs()[:2]))


def test_an_activity_has_one_conductor_at_most(g):
    """unit_activity_matrix counts CONDUCTED rows as activities (count(a), no DISTINCT): it relies on this."""
    conductors = [sum(1 for *_, d in g.in_edges(n, data=True) if d["type"] == "CONDUCTED")
                  for n, d in g.nodes(data=True) if d["label"] == "Activity"]
    assert conductors and max(conductors) == 1
