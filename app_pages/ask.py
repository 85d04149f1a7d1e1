"""提问: a question in Chinese answered through the question-to-query layer, and a read-only Cypher editor."""
from __future__ import annotations

import streamlit as st

from kg.app.results import get_engine_for, show_result
from kg.app.state import get_facts, get_graph, graph_token
from kg.app.widgets import PAGE_PATHS
from kg.errors import CypherSyntaxError, KGError, QueryTimeout, WriteQueryRefused

EXAMPLE_QUESTIONS = ["哪些单位开展了读书班？", "哪些单位提到了“两个确立”？", "市妇联开展了哪些活动？", "哪些数据被隐去了？"]
EXAMPLE_CYPHER = (
    "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)\n"
    "RETURN o.name AS unit, count(a) AS activities\n"
    "ORDER BY activities DESC"
)

st.title("提问")


@st.cache_data(show_spinner=False, ttl=60)
def _catalog():
    from kg.query.catalog import load_catalog

    return load_catalog()


graph = get_graph()
if get_facts(graph).is_empty:
    st.info("图谱中还没有文档，回答会是空的。请先到「数据」页构建图谱。", icon=":material/info:")
    st.page_link(PAGE_PATHS["data"], label="前往「数据」页", icon=":material/upload_file:")
store = st.session_state.get("store", "networkx")

ask_tab, cypher_tab = st.tabs(["用中文提问", "Cypher 查询"])

def _ask_example(text: str) -> None:
    st.session_state["ask_question"] = text
    st.session_state["ask_pending"] = True


with ask_tab:
    st.caption("用一句中文提问，系统会选出对应的查询，给出答案和它运行的查询语句。试试：")
    examples = st.columns(len(EXAMPLE_QUESTIONS))
    for col, text in zip(examples, EXAMPLE_QUESTIONS):
        col.button(text, key=f"ask_example_{text}", on_click=_ask_example, args=(text,), width="stretch")
    with st.form("ask_form", border=False):
        question = st.text_input("问题", key="ask_question", placeholder=EXAMPLE_QUESTIONS[0])
        asked = st.form_submit_button("提问", type="primary", icon=":material/send:")
    if asked or st.session_state.pop("ask_pending", False):
        st.session_state.pop("ask_answer", None)
        if not question.strip():
            st.warning("请输入一个问题。")
        else:
            from kg.query.ask import ask

            try:
                engine = get_engine_for(store, graph, graph_token())
                st.session_state["ask_answer"] = ask(question, engine)
            except KGError as err:
                st.error(f"无法回答：{err}", icon=":material/error:")
    answer = st.session_state.get("ask_answer")
    if answer is not None:
        st.caption(answer.understood)  # 理解为：… — how the question was read
        if answer.unused:
            st.warning("未能使用：" + "；".join(answer.unused), icon=":material/block:")
        if answer.fallback:
            st.warning(answer.summary, icon=":material/help:")
            show_result(answer.result, key="ask", file_stem="questions")
        else:
            st.success(answer.summary, icon=":material/insights:")
            if answer.suggestions:
                st.caption("也可以试试：" + "；".join(answer.suggestions))
            chart = _catalog()[answer.query_id].chart if answer.query_id in _catalog() else None
            show_result(answer.result, key="ask", file_stem=answer.query_id or "answer", chart=chart)
            with st.expander(f"系统运行的查询：{answer.title}", expanded=False):
                st.code(answer.cypher, language="cypher")
                st.caption(f"参数：{answer.params}" if answer.params else "无参数")
                if answer.query_id:
                    st.page_link("app_pages/queries.py", label="在「查询」页打开并修改参数", icon=":material/open_in_new:",
                                 query_params={"q": answer.query_id,
                                               **{f"p_{k}": str(v) for k, v in answer.params.items()}})

with cypher_tab:
    st.caption("只读查询：CREATE、MERGE、SET、DELETE 等写操作会被拒绝。节点类型与关系见 SCHEMA（Document、Organization、"
               "Activity、ActivityType、Metric、Slogan、Material）。")
    with st.form("cypher_form", border=False):
        cypher = st.text_area("Cypher", value=EXAMPLE_CYPHER, height=160, key="cypher_text")
        c1, c2, _ = st.columns([1, 1, 3])
        limit = c1.number_input("最多返回行数", min_value=1, max_value=100_000, value=500, step=100, key="cypher_limit")
        timeout = c2.number_input("超时（秒）", min_value=1, max_value=120, value=10, key="cypher_timeout")
        run = st.form_submit_button("运行", type="primary", icon=":material/play_arrow:")
    if run:
        st.session_state.pop("cypher_result", None)
        st.session_state.pop("cypher_error", None)
        try:
            engine = get_engine_for(store, graph, graph_token())
            st.session_state["cypher_result"] = engine.run(cypher, None, int(limit), float(timeout))
        except WriteQueryRefused as err:
            st.session_state["cypher_error"] = f"只允许只读查询，这条语句会修改图谱，已拒绝执行。（{err}）"
        except CypherSyntaxError as err:
            st.session_state["cypher_error"] = f"Cypher 语法错误：{err}"
        except QueryTimeout as err:
            st.session_state["cypher_error"] = f"查询超时：{err}。可以缩小查询范围或调高超时。"
        except KGError as err:
            st.session_state["cypher_error"] = f"查询失败：{err}"
    if st.session_state.get("cypher_error"):
        st.error(st.session_state["cypher_error"], icon=":material/error:")
    elif st.session_state.get("cypher_result") is not None:
        show_result(st.session_state["cypher_result"], key="cypher", file_stem="cypher_result")
