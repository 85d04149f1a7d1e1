"""Showing a query result: summary line, chart from the header, paginated table with links, downloads."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ..errors import GraphError
from ..query.engines import open_adhoc_engine
from ..views.charts import shape_chart_data
from ..views.export import download_name
from ..views.labels import name_column
from ..views.results import LINK_PATTERN, result_node_ids, shape_result_table
from .graphview import show_network
from .state import get_engine, graph_path, graph_token, neo4j_engine
from .widgets import show_downloads, show_table, style_chart

__all__ = ["get_engine_for", "get_adhoc_engine_for", "show_result", "show_chart", "show_result_graph"]


def get_engine_for(store: str):
    """The query engine of the chosen store: Neo4j, or the query database beside the graph file."""
    if store == "neo4j":
        return neo4j_engine()
    engine = get_engine()
    if engine is None:
        raise GraphError("还没有图谱文件", hint="先到「数据」页构建图谱")
    return engine


@st.cache_resource(show_spinner=False, max_entries=1)
def _sandboxed(token: str, path: str):
    return open_adhoc_engine("networkx", graph_path=path)


def get_adhoc_engine_for(store: str):
    """The engine for Cypher typed in the app: confined worker, memory limit, killed at the timeout.

    The worker opens the query database the build wrote (read-only), so the
    graph itself is never copied into it.
    """
    if store == "neo4j":
        return neo4j_engine()
    get_engine_for(store)  # the graph file up to date and its query database written
    return _sandboxed(graph_token(), str(graph_path()))


def show_chart(chart: dict, columns: list[str], rows: list[list], *, key: str) -> None:
    data = shape_chart_data(chart, columns, rows)
    if not data.kind or not data.rows:
        return
    if data.kind == "bar":
        frame = pd.DataFrame(data.rows)
        x_title, y_title = name_column(data.x), name_column(data.y)
        spec = alt.Chart(frame).mark_bar(color="#B22222").encode(
            y=alt.Y("x:N", sort="-x", title=None),
            x=alt.X("y:Q", title=y_title, axis=alt.Axis(tickMinStep=1, format="~g")),
            tooltip=[alt.Tooltip("x:N", title=x_title), alt.Tooltip("y:Q", title=y_title)],
        )
        st.altair_chart(style_chart(spec, height=alt.Step(24)), width="stretch", key=f"{key}_chart")
    elif data.kind == "heatmap":
        frame = pd.DataFrame(data.rows)
        x_title, y_title, v_title = name_column(data.x), name_column(data.y), name_column(data.value)
        base = alt.Chart(frame).encode(x=alt.X("x:N", title=None, axis=alt.Axis(labelAngle=-45, orient="top", labelOverlap=False)),
                                       y=alt.Y("y:N", title=None))
        spec = base.mark_rect().encode(
            color=alt.Color("value:Q", title=v_title, scale=alt.Scale(scheme="reds")),
            tooltip=[alt.Tooltip("x:N", title=x_title), alt.Tooltip("y:N", title=y_title),
                     alt.Tooltip("value:Q", title=v_title)],
        ) + base.mark_text(fontSize=11).encode(text="value:Q")
        st.altair_chart(style_chart(spec, height=alt.Step(26)), width="stretch",
                        key=f"{key}_chart")
    elif data.kind == "network":
        edges, nodes = pd.DataFrame(data.rows), pd.DataFrame(data.nodes)
        off = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
        w_title = name_column(data.value) if data.value else "次数"
        lines = alt.Chart(edges).mark_rule(color="#BBBBBB").encode(
            x=alt.X("x:Q", axis=off), y=alt.Y("y:Q", axis=off), x2="x2:Q", y2="y2:Q",
            strokeWidth=alt.Size("weight:Q", title=w_title, scale=alt.Scale(range=[1, 6])),
            tooltip=[alt.Tooltip("source:N", title=name_column(data.x)),
                     alt.Tooltip("target:N", title=name_column(data.y)), alt.Tooltip("weight:Q", title=w_title)],
        )
        dots = alt.Chart(nodes).mark_circle(size=220, color="#0072B2").encode(
            x="x:Q", y="y:Q", tooltip=[alt.Tooltip("name:N", title="名称"), alt.Tooltip("degree:Q", title="连接数")])
        text = alt.Chart(nodes).mark_text(dy=-12, fontSize=11).encode(x="x:Q", y="y:Q", text="name:N")
        st.altair_chart(style_chart((lines + dots + text).properties(height=460)).configure_view(stroke=None),
                        width="stretch", key=f"{key}_chart")
    if data.capped:
        what = "条关系" if data.kind == "network" else "项"
        st.caption(f"图中只显示排名前 {len(data.rows) if data.kind != 'heatmap' else len({r['y'] for r in data.rows})}"
                   f" {what}（共 {data.total} {what}），完整结果见下表。")


def show_result(result, *, key: str, file_stem: str, chart: dict | None = None, params: dict | None = None,
                names=None) -> None:
    """Chart (when the header names one), a paginated table with Chinese headers and links, downloads.

    Units and documents are shown by name (``names``: kg.views.display); a
    cell naming a unit or a document links to the explorer or the document
    view; downloads keep the ids and are named after the query, its
    parameters and the day.
    """
    if not result.rows:
        st.info("查询没有返回结果。可以换个参数再试。")
        return
    table = shape_result_table(list(result.columns), result.rows, names)
    if chart:
        show_chart(chart, list(result.columns), table.chart_rows, key=key)
    show_table(table.headers, table.rows, key=key, links=table.links, link_text=LINK_PATTERN)
    notes = [f"{len(result.rows)} 行", f"用时 {result.elapsed * 1000:.0f} 毫秒"]
    if result.truncated:
        notes.append("结果已按行数上限截断")
    if table.links:
        notes.append("点击单位或文档可在新标签页打开")
    st.caption(" · ".join(notes))
    show_downloads(table.export_headers, table.export_rows, key=key, file_stem=download_name(file_stem, params))


def show_result_graph(result, graph, names, *, key: str) -> bool:
    """Draw the nodes a result returned, with the relationships among them (as Neo4j Browser does)."""
    ids = [i for i in result_node_ids(result.rows) if i in graph]
    if not ids:
        return False
    sub = graph.subgraph(ids)
    nodes = [{"id": n, "name": names.node_name(a), "label": a.get("label", ""), "degree": sub.degree(n)}
             for n, a in sub.nodes(data=True)]
    edges = [{"source": u, "target": v, "type": d.get("type", "")} for u, v, d in sub.edges(data=True)]
    st.caption(f"图中为结果里的 {len(nodes)} 个节点及它们之间的 {len(edges)} 条关系。")
    show_network(nodes, edges, key=key, height=560, width=800)
    return True
