from kg.views.documents import list_document_facts, list_documents
from kg.views.facts import collect_facts


def test_search_and_filters(small_graph):
    facts = collect_facts(small_graph)
    assert [r["doc_id"] for r in list_documents(facts)] == ["a", "b"]
    assert [r["doc_id"] for r in list_documents(facts, query="党课")] == ["b"]
    assert [r["doc_id"] for r in list_documents(facts, units=("市妇联",))] == ["a"]
    assert [r["doc_id"] for r in list_documents(facts, genres=("汇报",), years=("2023",))] == ["a"]
    assert list_documents(facts, query="不存在的词") == []


def test_documents_in_file_order():
    from kg.views.facts import Facts

    docs = [{"doc_id": f"x#{n}", "title": "", "genre": "汇报", "year": None, "reporting_org": None, "source": "x.txt"}
            for n in (10, 2, 1)]
    assert [r["doc_id"] for r in list_documents(Facts(documents=docs))] == ["x#1", "x#2", "x#10"]


def test_document_facts(small_graph):
    facts = list_document_facts(small_graph, "Document:a")
    assert {f["name"] for f in facts["Organization"]} == {"市妇联", "市委党校"}
    assert [f["name"] for f in facts["Activity"]] == ["读书班", "专题研讨"]
    assert facts["Metric"][1]["detail"].startswith("隐去")
    assert [f["name"] for f in facts["Slogan"]] == ["四个意识"]
    assert all(f["node"] in small_graph for group in facts.values() for f in group)
