"""图谱: a node's neighbourhood as an interactive network, with details and evidence."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from kg.app.graphview import show_network
from kg.app.state import get_facts, get_graph, graph_token
from kg.app.widgets import require_documents, show_table
from kg.views.labels import LABEL_NAMES, STATUS_NAMES, name_label, name_property
from kg.views.neighbourhood import (describe_node, extract_neighbourhood, layout_neighbourhood, list_nodes,
                                    resolve_node)

CENTER_LABELS = ["Organization", "Slogan", "ActivityType", "Document", "Material", "Activity", "Metric"]
MAX_CHOICES = 1000

st.title("图谱")
graph = get_graph()
facts = get_facts()
require_documents(facts)
names = facts.names


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(token: str, label: str, query: str, _graph, _names) -> list[tuple[str, str]]:
    return list_nodes(_graph, label, query=query, limit=MAX_CHOICES, names=_names)


# A link from another page (?node=…, an id, Label:name with an alias, or a display name) or a
# "以此为中心" click re-centres the view.
wanted = st.session_state.pop("explorer_goto", None) or st.query_params.get("node")
found = resolve_node(graph, wanted, names) if wanted else None
if found and found != st.session_state.get("explorer_applied"):
    st.session_state["explorer_label"] = graph.nodes[found].get("label", "Organization")
    st.session_state["explorer_search"] = ""
    st.session_state["explorer_center"] = found
    st.session_state["explorer_applied"] = found
elif wanted and not found:
    st.warning(f"链接中的节点「{wanted}」不在当前图谱中，已改为默认视图。")

top = st.columns([1, 1, 2])
label = top[0].selectbox("中心节点类型", CENTER_LABELS, format_func=name_label, key="explorer_label")
search = top[1].text_input("按名称筛选", key="explorer_search", placeholder="输入名称中的字词")
choices = _choices(graph_token(), label, search.strip(), graph, names)
if not choices:
    top[2].selectbox("中心节点", ["（无匹配）"], disabled=True, key="explorer_center_none")
    st.info(f"没有名称含「{search}」的{name_label(label)}。")
    st.stop()
ids = [c[0] for c in choices]
choice_names = dict(choices)
if st.session_state.get("explorer_center") not in choice_names:
    st.session_state["explorer_center"] = ids[0]
center = top[2].selectbox("中心节点", ids, format_func=lambda i: choice_names.get(i, i), key="explorer_center",
                          help=f"按连接数排序，最多列出 {MAX_CHOICES} 个；用左侧筛选框查找其他节点。")
st.query_params["node"] = center
st.session_state["explorer_applied"] = center

opts = st.columns([1, 3, 1])
hops = opts[0].slider("跳数", 1, 3, 1, key="explorer_hops")
shown_labels = opts[1].pills("显示的节点类型", list(LABEL_NAMES), selection_mode="multi", default=list(LABEL_NAMES),
                             format_func=name_label, key="explorer_labels")
max_nodes = opts[2].slider("最多绘制节点数", 10, 300, 80, step=10, key="explorer_max")

hood = extract_neighbourhood(graph, center, hops=hops, labels=shown_labels or None, max_nodes=max_nodes)
if hood.capped:
    st.warning(f"该范围共有 {hood.reachable} 个节点，图中只画出连接最多的 {max_nodes} 个。"
               "可减少跳数、筛选节点类型或调高上限。", icon=":material/warning:")
nodes, edges = layout_neighbourhood(hood, names=names)
node_ids = [n["id"] for n in nodes]
node_names = {n["id"]: f"{n['kind']}｜{n['full_name']}" for n in nodes}

left, right = st.columns([3, 2])
with left:
    st.caption(f"共 {len(nodes)} 个节点、{len(edges)} 条关系。点击节点查看详情，滚轮缩放、拖动平移；"
               "名称互相重叠时只显示连接较多的一个，放大或悬停可见其余。点击图例可隐藏一类节点。")
    graph_nodes = [{"id": n["id"], "name": n["full_name"], "label": n["label"], "degree": n["degree"],
                    "x": n["x"], "y": n["y"]} for n in nodes]
    clicked = show_network(graph_nodes, edges, key="explorer_graph", center=center, height=600, width=640)

if clicked in node_names:
    st.session_state["explorer_selected"] = clicked
if st.session_state.get("explorer_selected") not in node_names:
    st.session_state["explorer_selected"] = center

with right:
    selected = st.selectbox("查看节点", node_ids, format_func=node_names.get, key="explorer_selected")
    info = describe_node(graph, selected, names=names)
    ids_text = "；".join(f"{name_property(k)}：{'、'.join(map(str, v)) if isinstance(v, list) else v}"
                         for k, v in info["ids"].items() if k not in ("doc_ids",))
    st.subheader(f"{info['kind']}：{info['name']}", help=f"编号：{selected}" + (f"；{ids_text}" if ids_text else ""))
    if selected != center and st.button("以此为中心", key="explorer_recentre", icon=":material/center_focus_strong:"):
        st.session_state["explorer_goto"] = selected
        st.rerun()
    props = {name_property(k): ("、".join(map(str, v)) if isinstance(v, list) else
                                STATUS_NAMES.get(v, v) if k == "status" else v)
             for k, v in info["properties"].items() if k not in ("evidence", "start", "end")}
    if props:
        st.table(pd.DataFrame({"属性": list(props), "值": [str(v) for v in props.values()]}).set_index("属性"))
    st.markdown(f"**出处原句**（{info['evidence_total']} 条）")
    with st.container(height=420, border=False):
        for ev in info["evidence"][:20]:
            st.markdown(f"- 〔{ev['relation']}{'·' + html.escape(ev['other']) if ev['other'] else ''}〕"
                        f"{html.escape(ev['evidence'])} <span style='color:#888'>（{html.escape(ev['title'])}）</span>",
                        unsafe_allow_html=True)
        if info["evidence_total"] > 20:
            st.caption(f"只显示前 20 条，共 {info['evidence_total']} 条。")
        if not info["evidence"]:
            st.caption("该节点没有原句出处。")

st.subheader("相邻节点")
show_table(["类型", "名称", "关系", "方向", "次数"],
           [[n["kind"], n["name"], n["relation"], "指向" if n["direction"] == "→" else "来自", n["count"]]
            for n in info["neighbours"]], key="explorer_neighbours", page_size=25)
