"""Issue 16's smaller fixes, as the analyst meets them (AppTest; counts against Cypher on the same graph).

- the build's time on the 数据 page is the whole build's, not its update step's ("用时 0.0 秒" for 3.7 s);
- the unit profile lists a unit's documents under a documents header (the 文档数 column held titles; that a
  column headed "…数" holds numbers is checked on every canned query's page in test_app_query_pages.py);
- the Cypher tab and the question box keep the session's history;
- the dashboard's filters are read back from its URL, so a link reproduces the view;
- the document view's legend counts what its side list lists, for every kind of fact (legend 16 vs list 19).
"""
from __future__ import annotations

import re
import shutil
import time

from kg.query.engines import get_engine
from kg.store import load_graph
from kg.views.highlight import HIGHLIGHT_KINDS
from kg.views.labels import name_label
from tests.app.app_helpers import (REPO, fixture_graph_file, metric_value, open_app,  # noqa: F401
                                   sample_graph_file, texts, use_graph)

CYPHER_TAB = "Cypher 查询"
SLOW_DISK_SECONDS = 1.5


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _shown(cell):
    return cell.rsplit("#", 1)[-1] if isinstance(cell, str) and "?" in cell and "#" in cell else cell


def test_the_build_time_shown_is_the_whole_builds(use_graph, open_app, tmp_path, monkeypatch):
    # The "用时 0.0 秒" for a 3.7 s build: a rebuild where nothing changed, of a graph file that takes
    # long to read. Here the file sits on a slow disk (reading it takes 1.5 s more, as on a busy network
    # share); the time shown must include that wait, not only the update step's few milliseconds.
    import kg.build.runner as runner
    from kg.build import build_store

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPO / "data" / "samples" / "10_市统计局在读书班上的交流发言.txt", folder)
    graph = tmp_path / "graph" / "graph.pickle"
    build_store([folder], graph_path=graph, jobs=1)
    real_load, spent = runner.load_graph, []

    def load_from_a_slow_disk(*args, **kwargs):  # the real reader, after the disk's delay
        started = time.perf_counter()
        time.sleep(SLOW_DISK_SECONDS)
        try:
            return real_load(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    use_graph(graph)
    at = open_app("app_pages/data.py")
    monkeypatch.setattr(runner, "load_graph", load_from_a_slow_disk)
    at.text_input(key="data_folder").input(str(folder)).run()
    _button(at, "构建该路径").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(spent) == 1 and metric_value(at, "未变文档") == 1  # one build, which read the graph file once
    caption = next(t for t in texts(at.caption) if "用时" in t)
    shown = float(re.search(r"用时 ([\d.]+) 秒", caption).group(1))
    assert shown + 0.05 >= spent[0] >= SLOW_DISK_SECONDS, caption


def _profile_unit(graph_file) -> tuple[str, list[str]]:
    engine = get_engine("networkx", load_graph(graph_file))
    rows = engine.run("MATCH (o:Organization)-[:AUTHORED]->(d:Document) "
                      "RETURN o.name AS unit, collect(DISTINCT d.title) AS titles ORDER BY size(titles) DESC, unit "
                      "LIMIT 1").rows
    return rows[0][0], sorted(rows[0][1])


def test_the_unit_profile_lists_documents_under_a_documents_header(sample_graph_file, use_graph, open_app):
    unit, titles = _profile_unit(sample_graph_file)
    use_graph(sample_graph_file)
    at = open_app("app_pages/queries.py", q="unit_profile", p_unit=unit)
    assert not at.exception
    frame = at.dataframe[-1].value
    holding = [c for c in frame.columns if all(t in str(_shown(frame[c].iloc[0])) for t in titles)]
    assert holding == ["报送的文档"], list(frame.columns)


def _history(at) -> list[str]:
    return [p.proto.label for p in at.get("page_link") if p.proto.label.startswith(("Cypher · ", "问 · "))]


def test_the_session_history_lists_every_query_and_question(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", tab=CYPHER_TAB)
    assert not _history(at)
    first = "MATCH (o:Organization) RETURN count(o) AS n"
    second = "MATCH (s:Slogan) RETURN s.canonical AS slogan"
    for cypher in (first, second):
        at.text_area(key="cypher").input(cypher)
        _button(at, "运行").click().run()
        assert not at.error, texts(at.error)
    assert _history(at) == [f"Cypher · {second[:28]}…", f"Cypher · {first[:28]}…"]  # the latest first
    at.segmented_control(key="tab").set_value("用中文提问").run()
    at.text_input(key="question").input("哪些单位开展了读书班？")
    _button(at, "提问").click().run()
    assert _history(at) == ["问 · 哪些单位开展了读书班？", f"Cypher · {second[:28]}…", f"Cypher · {first[:28]}…"]
    helps = [p.proto.help for p in at.get("page_link") if p.proto.label.startswith("Cypher · ")]
    assert helps[0].endswith(" 行") and helps[1].endswith("· 1 行")  # when, and how many rows


def test_the_dashboard_reads_its_filters_back_from_the_url(fixture_graph_file, use_graph, open_app):
    # A shared link (?units=市妇联&statuses=已开展&statuses=计划&years=2024&years=2024) opens the view that
    # choosing the same filters by hand shows: the widgets hold the link's values and the cards agree.
    use_graph(fixture_graph_file)
    by_hand = open_app()
    everything = {m.label: m.value for m in by_hand.metric}
    by_hand.multiselect(key="units").select("市妇联").run()
    by_hand.pills(key="statuses").set_value(["done", "planned"]).run()
    by_hand.slider(key="years").set_value((2024, 2024)).run()
    by_link = open_app(units="市妇联", statuses=["已开展", "计划"], years=["2024", "2024"])
    assert not by_link.exception
    assert by_link.multiselect(key="units").value == ["市妇联"]
    assert sorted(by_link.pills(key="statuses").value) == ["done", "planned"]
    assert tuple(by_link.slider(key="years").value) == (2024, 2024)
    shown = {m.label: m.value for m in by_link.metric}
    assert shown == {m.label: m.value for m in by_hand.metric}
    assert shown != everything and "活动（多种状态）" in shown  # the link did narrow the view


def _legend(html: str) -> dict[str, int]:
    return {k: int(m.group(1)) for k in HIGHLIGHT_KINDS
            if (m := re.search(re.escape(name_label(k)) + r" (\d+)</span>", html))}


def _listed(at) -> dict[str, int]:
    out = {}
    for e in at.expander:
        m = re.fullmatch(r"(.+)（(\d+)）", e.label)
        if m and m.group(1) in {name_label(k) for k in HIGHLIGHT_KINDS}:
            out[next(k for k in HIGHLIGHT_KINDS if name_label(k) == m.group(1))] = int(m.group(2))
    return out


CYPHER_COUNTS = {
    "Organization": "MATCH (d:Document {doc_id: $d})-[]-(x:Organization) RETURN count(DISTINCT x) AS n",
    "Slogan": "MATCH (d:Document {doc_id: $d})-[]-(x:Slogan) RETURN count(DISTINCT x) AS n",
    "Material": "MATCH (d:Document {doc_id: $d})-[]-(x:Material) RETURN count(DISTINCT x) AS n",
    "Activity": "MATCH (x:Activity {doc_id: $d}) RETURN count(x) AS n",
    "Metric": "MATCH (x:Metric {doc_id: $d}) RETURN count(x) AS n",
}


def test_the_document_legend_counts_what_the_side_list_lists_for_every_kind(sample_graph_file, use_graph,
                                                                           open_app):
    engine = get_engine("networkx", load_graph(sample_graph_file))
    docs = [r[0] for r in engine.run("MATCH (d:Document) RETURN d.doc_id AS doc ORDER BY doc").rows]
    assert set(CYPHER_COUNTS) == set(HIGHLIGHT_KINDS)
    use_graph(sample_graph_file)
    seen = dict.fromkeys(HIGHLIGHT_KINDS, 0)
    for doc in docs:
        at = open_app("app_pages/documents.py", doc=doc)
        assert not at.exception
        legend = _legend("".join(m.value for m in at.markdown))
        counts = {k: engine.run(CYPHER_COUNTS[k], {"d": doc}).rows[0][0] for k in HIGHLIGHT_KINDS}
        assert legend == _listed(at) == counts, doc
        for k in HIGHLIGHT_KINDS:
            seen[k] += legend[k]
    assert all(seen.values()), seen  # every kind is counted somewhere in the samples, not only materials
