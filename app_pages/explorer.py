"""图谱: a node's neighbourhood as an interactive network, with details and evidence."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from kg.app.state import get_facts, get_graph, graph_token
from kg.app.widgets import require_documents, show_table, style_chart
from kg.views.labels import LABEL_COLOURS, LABEL_NAMES, STATUS_NAMES, name_label, name_property
from kg.views.neighbourhood import describe_node, extract_neighbourhood, layout_neighbourhood, list_nodes

CENTER_LABELS = ["Organization", "Slogan", "ActivityType", "Document", "Material", "Activity", "Metric"]
MAX_CHOICES = 1000

st.title("图谱")
graph = get_graph()
require_documents(get_facts())


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(token: str, label: str, query: str, _graph) -> list[tuple[str, str]]:
    return list_nodes(_graph, label, query=query, limit=MAX_CHOICES)


# A link from another page (?node=…) or a "以此为中心" click re-centres the view.
wanted = st.session_state.pop("explorer_goto", None) or st.query_params.get("node")
if wanted and wanted in graph and wanted != st.session_state.get("explorer_applied"):
    st.session_state["explorer_label"] = graph.nodes[wanted].get("label", "Organization")
    st.session_state["explorer_search"] = ""
    st.session_state["explorer_center"] = wanted
    st.session_state["explorer_applied"] = wanted
elif wanted and wanted not in graph:
    st.warning(f"链接中的节点「{wanted}」不在当前图谱中，已改为默认视图。")

top = st.columns([1, 1, 2])
label = top[0].selectbox("中心节点类型", CENTER_LABELS, format_func=name_label, key="explorer_label")
search = top[1].text_input("按名称筛选", key="explorer_search", placeholder="输入名称中的字词")
choices = _choices(graph_token(), label, search.strip(), graph)
if not choices:
    top[2].selectbox("中心节点", ["（无匹配）"], disabled=True, key="explorer_center_none")
    st.info(f"没有名称含「{search}」的{name_label(label)}。")
    st.stop()
ids = [c[0] for c in choices]
names = dict(choices)
if st.session_state.get("explorer_center") not in names:
    st.session_state["explorer_center"] = ids[0]
center = top[2].selectbox("中心节点", ids, format_func=lambda i: names.get(i, i), key="explorer_center",
                          help=f"按连接数排序，最多列出 {MAX_CHOICES} 个；用左侧筛选框查找其他节点。")
st.query_params["node"] = center
st.session_state["explorer_applied"] = center

opts = st.columns([1, 2, 1])
hops = opts[0].slider("跳数", 1, 3, 1, key="explorer_hops")
shown_labels = opts[1].multiselect("显示的节点类型", list(LABEL_NAMES), default=list(LABEL_NAMES),
                                   format_func=name_label, key="explorer_labels")
max_nodes = opts[2].slider("最多绘制节点数", 10, 300, 80, step=10, key="explorer_max")

hood = extract_neighbourhood(graph, center, hops=hops, labels=shown_labels, max_nodes=max_nodes)
if hood.capped:
    st.warning(f"该范围共有 {hood.reachable} 个节点，图中只画出连接最多的 {max_nodes} 个。"
               "可减少跳数、筛选节点类型或调高上限。", icon=":material/warning:")
nodes, edges = layout_neighbourhood(hood)
node_frame = pd.DataFrame(nodes)
node_frame["role"] = node_frame["center"].map({True: "中心", False: ""})
pick = alt.selection_point(fields=["id"], name="pick", on="click", empty=False)
legend = alt.Legend(title="节点类型", orient="bottom", columns=7)
colour = alt.Color("kind:N", scale=alt.Scale(domain=[LABEL_NAMES[k] for k in LABEL_COLOURS],
                                             range=list(LABEL_COLOURS.values())), legend=legend)
axis_off = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
layers = []
if edges:
    layers.append(alt.Chart(pd.DataFrame(edges)).mark_rule(color="#C8C8C8", strokeWidth=1).encode(
        x=alt.X("x:Q", axis=axis_off), y=alt.Y("y:Q", axis=axis_off), x2="x2:Q", y2="y2:Q",
        tooltip=[alt.Tooltip("relation:N", title="关系")],
    ))
points = alt.Chart(node_frame).mark_circle(stroke="#333333").encode(
    x=alt.X("x:Q", axis=axis_off), y=alt.Y("y:Q", axis=axis_off), color=colour,
    size=alt.condition("datum.center", alt.value(700), alt.value(260)),
    strokeWidth=alt.condition(pick, alt.value(2.5), alt.value(0)),
    tooltip=[alt.Tooltip("kind:N", title="类型"), alt.Tooltip("name:N", title="名称"),
             alt.Tooltip("degree:Q", title="连接数")],
).add_params(pick)
text = alt.Chart(node_frame).transform_filter("datum.labelled").mark_text(
    dy=-14, fontSize=11, color="#222222").encode(x="x:Q", y="y:Q", text="name:N")
chart = alt.layer(*layers, points, text).properties(height=560)
left, right = st.columns([3, 2])
with left:
    unnamed = sum(not n["labelled"] for n in nodes)
    st.caption(f"共 {len(nodes)} 个节点、{len(edges)} 条关系。点击节点查看详情。"
               + (f"只标出连接最多的节点名称，其余 {unnamed} 个悬停可见。" if unnamed else ""))
    event = st.altair_chart(style_chart(chart).configure_view(stroke=None), width="stretch",
                            on_select="rerun", selection_mode="pick", key="explorer_chart")

clicked = None
selection = getattr(event, "selection", None) or {}
for item in selection.get("pick", []) or []:
    clicked = item.get("id")
node_ids = [n["id"] for n in nodes]
node_names = {n["id"]: f"{n['kind']}｜{n['name']}" for n in nodes}
if clicked in node_names:
    st.session_state["explorer_selected"] = clicked
if st.session_state.get("explorer_selected") not in node_names:
    st.session_state["explorer_selected"] = center

with right:
    selected = st.selectbox("查看节点", node_ids, format_func=node_names.get, key="explorer_selected")
    info = describe_node(graph, selected)
    st.subheader(f"{info['kind']}：{info['name']}")
    if selected != center and st.button("以此为中心", key="explorer_recentre", icon=":material/center_focus_strong:"):
        st.session_state["explorer_goto"] = selected
        st.rerun()
    props = {name_property(k): ("、".join(map(str, v)) if isinstance(v, list) else
                                STATUS_NAMES.get(v, v) if k == "status" else v)
             for k, v in info["properties"].items() if k not in ("evidence", "doc_ids", "start", "end")}
    if props:
        st.dataframe(pd.DataFrame({"属性": list(props), "值": [str(v) for v in props.values()]}),
                     hide_index=True, width="stretch", key="explorer_props")
    st.markdown(f"**出处原句**（{info['evidence_total']} 条）")
    with st.container(height=420, border=False):
        for ev in info["evidence"][:20]:
            st.markdown(f"- 〔{ev['relation']}{'·' + ev['other'] if ev['other'] else ''}〕"
                        f"{html.escape(ev['evidence'])} <span style='color:#888'>（{html.escape(ev['doc_id'] or '')}）</span>",
                        unsafe_allow_html=True)
        if info["evidence_total"] > 20:
            st.caption(f"只显示前 20 条，共 {info['evidence_total']} 条。")
        if not info["evidence"]:
            st.caption("该节点没有原句出处。")

st.subheader("相邻节点")
show_table(["类型", "名称", "关系", "方向", "次数"],
           [[n["kind"], n["name"], n["relation"], "指向" if n["direction"] == "→" else "来自", n["count"]]
            for n in info["neighbours"]], key="explorer_neighbours", page_size=25)
