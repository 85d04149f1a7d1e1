"""查询: the canned queries of queries/, with parameter widgets built from each header."""
from __future__ import annotations

from collections import Counter

import streamlit as st

from kg.app.results import get_engine_for, show_result
from kg.app.state import get_engine, get_facts, graph_token
from kg.errors import KGError
from kg.views.dashboard import list_filter_choices
from kg.query.catalog import bind_params, engine_choices, load_catalog, render_summary, run_canned

st.title("查询")
facts = get_facts()
names = facts.names
if facts.is_empty:
    st.info("图谱中还没有文档，查询结果会是空的。请先到「数据」页构建图谱。", icon=":material/info:")


@st.cache_data(show_spinner=False, ttl=60)
def _catalog():
    return load_catalog()


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(token: str, source: str) -> list:
    engine = get_engine()  # the query database: the page never loads the graph
    values = [] if engine is None else engine_choices(engine, source)
    if source == "units":  # the most active units first, so the default choice answers something
        facts = get_facts()
        active = Counter(a["org"] for a in facts.activities)
        rank = {u: i for i, u in enumerate(list_filter_choices(facts)["units"])}
        values.sort(key=lambda u: (-active[u], rank.get(u, len(rank)), u))
    return values


catalog = _catalog()
if not catalog:
    st.warning("queries/ 目录中没有查询文件。")
    st.stop()

ids = list(catalog)
url_query = st.query_params.get("q")
if url_query in catalog and url_query != st.session_state.get("q_applied"):
    st.session_state["q_id"] = url_query
    for p in catalog[url_query].params:
        if f"p_{p.name}" in st.query_params:
            values = st.query_params.get_all(f"p_{p.name}")
            st.session_state[f"q_{url_query}_{p.name}"] = values if p.type == "list" else values[-1]
elif url_query and url_query not in catalog:
    st.warning(f"链接中的查询「{url_query}」不存在，已显示第一个查询。")
st.session_state["q_applied"] = url_query

with st.sidebar:
    st.subheader("查询列表")
    qid = st.radio("选择查询", ids, format_func=lambda i: catalog[i].title, key="q_id", label_visibility="collapsed")
query = catalog[qid]
st.subheader(query.title)
if query.description:
    st.caption(query.description)


def _widget(p, key: str):
    """One parameter widget; its value lives in session state (seeded from the URL or the default)."""
    label = p.label or p.name
    raw = st.session_state.get(key)
    if p.type == "list":
        options = list(p.choices) if isinstance(p.choices, tuple) else _choices(graph_token(), p.choices) \
            if p.choices else []
        options = [str(o) for o in options]
        chosen = raw if isinstance(raw, list) else ([raw] if isinstance(raw, str) and raw else None)
        if chosen is None:  # a required choice starts on the most active unit, so the page answers something
            chosen = list(p.default or []) or (options[:1] if p.required else [])
        st.session_state[key] = [o for o in chosen if o in options]
        words = dict(p.choice_labels)
        return st.multiselect(label, options, key=key, placeholder="全部" if not p.required else "请选择",
                              format_func=lambda o: words.get(o) or names.unit(o))
    if p.choices:
        options = list(p.choices) if isinstance(p.choices, tuple) else _choices(graph_token(), p.choices)
        options = [str(o) for o in options]
        empty = "0" if p.type in ("int", "float") else ""
        if not p.required and str(p.default if p.default is not None else "") in ("", "0"):
            options = [empty] + [o for o in options if o != empty]
        if not options:
            st.selectbox(label, ["（图谱中暂无可选值）"], disabled=True, key=f"{key}_none")
            return None
        if raw is None or str(raw) not in options:
            st.session_state[key] = str(p.default) if p.default is not None and str(p.default) in options else options[0]
        else:
            st.session_state[key] = str(raw)
        return st.selectbox(label, options, key=key,
                            format_func=lambda o: "（全部）" if o in ("", "0") and not p.required else names.unit(o))
    if p.type == "bool":
        st.session_state[key] = (raw.lower() in ("true", "1", "是") if isinstance(raw, str)
                                 else bool(p.default) if raw is None else bool(raw))
        return st.checkbox(label, key=key)
    if p.type in ("int", "float"):
        cast = int if p.type == "int" else float
        try:
            st.session_state[key] = cast(raw) if raw is not None else cast(p.default or 0)
        except (TypeError, ValueError):
            st.session_state[key] = cast(p.default or 0)
        return st.number_input(label, step=cast(1), key=key)
    st.session_state[key] = str(p.default or "") if raw is None else str(raw)
    return st.text_input(label, key=key)


given = {}
if query.params:
    cols = st.columns(min(len(query.params), 3))
    for i, p in enumerate(query.params):
        with cols[i % len(cols)]:
            value = _widget(p, f"q_{qid}_{p.name}")
        if value is not None:
            given[p.name] = value

limit = st.columns(3)[0].number_input("最多返回行数", min_value=10, max_value=100_000, value=1000, step=100,
                                     key="q_limit")
st.query_params.from_dict({"q": qid, **{f"p_{k}": ([str(x) for x in v] if isinstance(v, list) else str(v))
                                         for k, v in given.items()}})
st.session_state["q_applied"] = qid

missing = [p.label or p.name for p in query.params if p.required and given.get(p.name) in (None, [])]
if missing:
    st.info("请先选择：" + "、".join(missing))
    st.stop()
store = st.session_state.get("store", "networkx")
try:
    engine = get_engine_for(store)
    result, bound = run_canned(query, engine, bind_params(query, given), limit=int(limit))
except KGError as err:
    st.error(f"查询失败：{err}", icon=":material/error:")
    st.stop()

if query.summary:
    st.success(names.text(render_summary(query.summary, result, bound, query.params)), icon=":material/insights:")
show_result(result, key=f"q_{qid}", file_stem=qid, chart=query.chart, params=bound, names=names)
with st.expander("查看 Cypher"):
    st.code(query.text, language="cypher")
    st.caption("参数：" + "；".join(f"${k} = {names.text(query.param(k).describe(v))}" for k, v in bound.items())
               if bound else "无参数")
