import networkx as nx

from kg.views.display import HASH_LIKE, build_display_names
from kg.views.facts import collect_facts


def _graph():
    g = nx.MultiDiGraph()
    docs = {"003_6c46de81eb12d8ae#8": ("市保密局关于主题教育阶段性进展情况汇报", "市保密局"),
            "003_6c46de81eb12d8ae#5": ("关于第二批主题教育10月份阶段性进展总结", "局党组〔003_6c46de81eb12d8ae#5〕"),
            "003_6c46de81eb12d8ae#6": ("关于第二批主题教育10月份阶段性进展总结", None)}
    for doc_id, (title, reporter) in docs.items():
        g.add_node(f"Document:{doc_id}", label="Document", doc_id=doc_id, title=title, reporting_org=reporter)
    for doc_id in docs:
        name = f"局党组〔{doc_id}〕"
        g.add_node(f"Organization:{name}", label="Organization", name=name, scope=doc_id, aliases=[])
    g.add_node("Organization:市保密局", label="Organization", name="市保密局", aliases=["保密局"])
    return g


def test_units_without_a_name_of_their_own_read_as_a_reader_says_them():
    names = build_display_names(_graph())
    assert names.unit("局党组〔003_6c46de81eb12d8ae#8〕") == "局党组（市保密局）"
    assert names.unit("局党组〔003_6c46de81eb12d8ae#5〕") == "局党组 · 关于第二批主题教育10月份阶段性进展总结"
    # the same title twice: documents and units stay distinct
    assert names.document("003_6c46de81eb12d8ae#6") == "关于第二批主题教育10月份阶段性进展总结（2）"
    assert len(set(names.units.values())) == 3
    assert not any(HASH_LIKE.search(v) for v in list(names.units.values()) + list(names.documents.values()))


def test_display_names_lead_back_to_their_nodes_and_relabel_results():
    names = build_display_names(_graph())
    assert names.node_for_unit("局党组（市保密局）") == "Organization:局党组〔003_6c46de81eb12d8ae#8〕"
    assert names.node_for_unit("保密局") == "Organization:市保密局"
    assert names.value(["局党组〔003_6c46de81eb12d8ae#8〕", "市保密局", 3]) == ["局党组（市保密局）", "市保密局", 3]
    assert names.text("局党组〔003_6c46de81eb12d8ae#8〕报告了 3 项活动") == "局党组（市保密局）报告了 3 项活动"


def test_fact_tables_use_the_display_names():
    facts = collect_facts(_graph())
    assert {o["name"] for o in facts.organizations} >= {"局党组（市保密局）", "市保密局"}
    assert not any(HASH_LIKE.search(d["reporting_org"] or "") for d in facts.documents)
