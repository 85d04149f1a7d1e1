"""工作报告知识图谱 — the Streamlit front end: ``streamlit run app.py``.

A thin layer over :mod:`kg`: it builds (on first start) or loads the graph,
offers the six pages, and leaves all logic to the package. Environment:
``KG_GRAPH`` (graph file, default data/graph/graph.pickle), ``KG_CORPUS``
(folder built on first start, default data/samples; empty = build nothing).
"""
from __future__ import annotations

import streamlit as st

from kg.app.state import configure_logging, get_counts, get_facts, neo4j_settings, warm_up_engine
from kg.app.widgets import APP_ICON, PAGE_PATHS, STORE_NAMES, localize_streamlit
from kg.errors import KGError

# The icon is a file shipped with the app: a material-symbol page icon is fetched from the internet.
st.set_page_config(page_title="工作报告知识图谱", page_icon=str(APP_ICON), layout="wide")
configure_logging()
localize_streamlit()

# Page files live in app_pages/: a pages/ folder would put Streamlit in legacy multipage mode
# until st.navigation first runs, and a deep link opened first after start would skip this script.
PAGES = [
    st.Page(PAGE_PATHS["dashboard"], title="总览", icon=":material/dashboard:", default=True),
    st.Page(PAGE_PATHS["queries"], title="查询", icon=":material/manage_search:", url_path="queries"),
    st.Page(PAGE_PATHS["ask"], title="提问", icon=":material/question_answer:", url_path="ask"),
    st.Page(PAGE_PATHS["explorer"], title="图谱", icon=":material/hub:", url_path="explorer"),
    st.Page(PAGE_PATHS["documents"], title="文档", icon=":material/description:", url_path="documents"),
    st.Page(PAGE_PATHS["data"], title="数据", icon=":material/upload_file:", url_path="data"),
]
navigation = st.navigation(PAGES)

try:
    facts = get_facts()  # from the query database the build wrote: the graph itself is not loaded here
    n_nodes, n_edges = get_counts()
except KGError as err:
    st.error(f"无法载入知识图谱：{err}", icon=":material/error:")
    st.info("可以删除或改名该图谱文件后重新打开本页（系统会重新构建），或在命令行运行 "
            "`python -m kg build data/samples` 重建。")
    st.stop()
with st.sidebar:
    st.caption(f"图谱：{len(facts.documents)} 篇文档 · {len(facts.organizations)} 个单位 · "
               f"{n_nodes} 个节点 · {n_edges} 条关系")
    connected = neo4j_settings() is not None
    if not connected and st.session_state.get("store") == "neo4j":
        st.session_state["store"] = "networkx"
    st.radio("数据源", ["networkx", "neo4j"], key="store", format_func=STORE_NAMES.get,
             horizontal=True, disabled=not connected,
             help="查询与提问所用的存储。连接 Neo4j 请到「数据」页填写连接信息。" if not connected else None)

try:
    navigation.run()
finally:  # once the first page is drawn (or stopped), so the warm-up never delays it
    warm_up_engine()
