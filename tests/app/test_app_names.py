"""What the analyst is told, checked on graphs built by the real pipeline, counts against Cypher on the same graph.

- a unit without a name of its own and a hash-named file never show a hash (any page, any element);
- a material named in a document is counted and marked in the document view (学习材料 was 0);
- "开展了" counts done activities, with planned and urged one click away;
- the dashboard's cards agree with a Cypher count and with the unit × category matrix.
"""
from __future__ import annotations

import re

import pytest

from kg.query.engines import get_engine
from kg.store import load_graph
from tests.app.app_helpers import REPO, PAGES, metric_value, open_app, sample_graph_file, texts, use_graph  # noqa: F401

HASH_LIKE = re.compile(r"[0-9a-f]{12,}")
HASH_CORPUS = REPO / "tests" / "fixtures" / "app" / "hash_named"
HASH_DOC = "007_0a1b2c3d4e5f6a7b.txt"


@pytest.fixture(scope="module")
def hash_graph_file(tmp_path_factory):
    from kg.build import build_store

    path = tmp_path_factory.mktemp("hash") / "graph.pickle"
    build_store([HASH_CORPUS], graph_path=path, jobs=1)
    return path


def _shown(cell):
    return cell.rsplit("#", 1)[-1] if isinstance(cell, str) and "?" in cell and "#" in cell else cell


def visible_texts(at) -> list[str]:
    """Every text an element of the page shows (links by the text they show, options as formatted)."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "success", "info", "warning", "error",
                 "text", "code"):
        out += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        out += [str(m.label), str(m.value)]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            out += [str(w.label)] + [str(o) for o in w.options]
    for frame in list(at.dataframe) + list(at.table):
        df = frame.value
        out += [str(c) for c in df.columns] + [str(_shown(v)) for v in df.to_numpy().ravel().tolist()]
    return out


def test_the_fixture_really_has_a_scoped_unit_and_a_hash_named_file(hash_graph_file):
    g = load_graph(hash_graph_file)
    scoped = [a["name"] for _, a in g.nodes(data=True) if a.get("label") == "Organization" and a.get("scope")]
    assert scoped and all(HASH_DOC in name for name in scoped)


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_hash(page, hash_graph_file, use_graph, open_app):
    use_graph(hash_graph_file)
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    shown = [t for t in visible_texts(at) if HASH_LIKE.search(t)]
    assert not shown, shown[:5]


def test_a_scoped_unit_reads_as_its_document_says_it(hash_graph_file, use_graph, open_app):
    use_graph(hash_graph_file)
    at = open_app("app_pages/queries.py", q="activities_by_unit", p_unit=f"局党组〔{HASH_DOC}〕")
    assert not at.exception
    summary = " ".join(texts(at.success))
    assert "局党组 · 关于第二批主题教育阶段性进展情况的汇报" in summary and not HASH_LIKE.search(summary)
    at = open_app("app_pages/explorer.py", node=f"Organization:局党组〔{HASH_DOC}〕")
    assert any(t.startswith("单位：局党组 · ") for t in texts(at.subheader)), texts(at.subheader)
    assert not [t for t in visible_texts(at) if HASH_LIKE.search(t)]


def test_ad_hoc_cypher_names_nodes_and_documents_not_hashes(hash_graph_file, use_graph, open_app):
    use_graph(hash_graph_file)
    at = open_app("app_pages/ask.py", tab="Cypher 查询",
                  cypher="MATCH (o:Organization)-[r:AUTHORED]->(d:Document) RETURN o, type(r) AS rel, d.doc_id AS doc")
    assert not at.exception and not at.error, texts(at.error)
    frame = at.dataframe[-1].value
    assert [_shown(v) for v in frame.iloc[0]] == ["单位：局党组 · 关于第二批主题教育阶段性进展情况的汇报", "AUTHORED",
                                                 "关于第二批主题教育阶段性进展情况的汇报"]


def test_a_material_named_in_a_document_is_counted_and_marked(hash_graph_file, use_graph, open_app):
    use_graph(hash_graph_file)
    engine = get_engine("networkx", load_graph(hash_graph_file))
    named = engine.run("MATCH (d:Document {doc_id: $d})-[:MENTIONS]->(m:Material) RETURN count(DISTINCT m) AS n",
                       {"d": HASH_DOC}).rows[0][0]
    assert named == 1  # 重点学习了《习近平著作选读》第一卷: stored without its book-title marks, shown as 0 before
    at = open_app("app_pages/documents.py", doc=HASH_DOC)
    html = "".join(m.value for m in at.markdown)
    assert '<mark class="kg-Material"' in html and "学习材料 1<" in html
    assert any(e.label == "学习材料（1）" for e in at.expander)
    at = open_app("app_pages/queries.py", q="materials_studied")
    assert len(at.dataframe[-1].value) == named
    assert any(t.startswith("1 种学习材料") for t in texts(at.success)), texts(at.success)


def test_done_is_the_default_and_planned_is_one_click_away(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    engine = get_engine("networkx", load_graph(sample_graph_file))
    count = ("MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:INSTANCE_OF]->(:ActivityType {name: '读书班'}) "
             "WHERE a.status IN $s RETURN count(DISTINCT o) AS n")
    done, any_status = (engine.run(count, {"s": s}).rows[0][0] for s in (["done"], ["done", "planned", "urged"]))
    assert 0 < done < any_status  # the samples plan and urge reading classes too
    at = open_app("app_pages/ask.py", question="哪些单位开展了读书班？")
    assert not at.exception
    assert any(t.startswith(f"{done} 个单位开展了“读书班”（状态：已开展") for t in texts(at.success)), texts(at.success)
    at.pills(key="ask_status").set_value(["done", "planned", "urged"]).run()
    assert any(t.startswith(f"{any_status} 个单位开展了“读书班”（状态：已开展、计划、要求") for t in texts(at.success))


def test_dashboard_counts_agree_with_cypher_and_with_each_other(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    engine = get_engine("networkx", load_graph(sample_graph_file))
    done = engine.run("MATCH (a:Activity) WHERE a.status = 'done' RETURN count(a) AS n").rows[0][0]
    with_unit = engine.run("MATCH (:Organization)-[:CONDUCTED]->(a:Activity) WHERE a.status = 'done' "
                           "RETURN count(a) AS n").rows[0][0]
    at = open_app()
    assert metric_value(at, "已开展活动") == done
    captions = " ".join(texts(at.caption))
    if done > with_unit:  # the matrix leaves out activities without a unit, and says how many
        assert f"另有 {done - with_unit} 项活动未识别开展单位" in captions
    at.pills(key="statuses").set_value([]).run()
    everything = engine.run("MATCH (a:Activity) RETURN count(a) AS n").rows[0][0]
    assert metric_value(at, "活动（全部状态）") == everything
    assert "活动含全部状态" in " ".join(texts(at.caption))
