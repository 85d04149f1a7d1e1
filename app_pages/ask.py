"""提问: a question in Chinese answered through the question-to-query layer, and a read-only Cypher editor.

The page keeps its state in the URL (``?tab=cypher&cypher=…``, ``?question=…``), so
a link reproduces what the analyst saw; the Cypher tab has what Neo4j Browser
users reach for: a schema panel, their function spellings, errors they can
read, the session's history, and a way to keep a query as a canned one.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from kg.app.results import get_adhoc_engine_for, get_engine_for, show_result, show_result_graph
from kg.app.state import get_facts, get_graph, graph_token
from kg.app.widgets import PAGE_PATHS
from kg.errors import KGError
from kg.query.ask import MAX_QUESTION_CHARS
from kg.query.catalog import run_canned, render_summary, write_query_file
from kg.views.labels import STATUS_NAMES
from kg.views.query_errors import explain_query_error
from kg.views.schema_panel import describe_graph_schema

EXAMPLE_QUESTIONS = ["哪些单位开展了读书班？", "哪些单位提到了“两个确立”？", "市妇联开展了哪些活动？", "哪些数据被隐去了？"]
EXAMPLE_CYPHER = (
    "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)\n"
    "WHERE a.status = 'done'\n"
    "RETURN o.name AS unit, count(a) AS activities\n"
    "ORDER BY activities DESC"
)
TABS = ["用中文提问", "Cypher 查询"]
MAX_HISTORY = 30

st.title("提问")


@st.cache_data(show_spinner=False, ttl=60)
def _catalog():
    from kg.query.catalog import load_catalog

    return load_catalog()


@st.cache_data(show_spinner=False, max_entries=4)
def _schema(token: str, _graph, _names) -> dict:
    return describe_graph_schema(_graph, _names)


facts = get_facts()  # from the query database; the graph is loaded only for the Cypher tab's drawings
names = facts.names
if facts.is_empty:
    st.info("图谱中还没有文档，回答会是空的。请先到「数据」页构建图谱。", icon=":material/info:")
    st.page_link(PAGE_PATHS["data"], label="前往「数据」页", icon=":material/upload_file:")
store = st.session_state.get("store", "networkx")
history: list[dict] = st.session_state.setdefault("history", [])


def _remember(kind: str, text: str, rows: int | None) -> None:
    entry = {"kind": kind, "text": text, "time": dt.datetime.now().strftime("%H:%M:%S"), "rows": rows}
    history[:] = [h for h in history if (h["kind"], h["text"]) != (kind, text)][-MAX_HISTORY + 1:] + [entry]


def _show_error(err: Exception) -> None:
    chinese, detail = explain_query_error(err)
    st.error(chinese, icon=":material/error:")
    with st.expander("英文详情（引擎原文）"):
        st.code(detail, language=None)


def _show_history() -> None:
    """The session's questions and queries, latest first; drawn last, so the one just run is listed."""
    with st.sidebar:
        st.subheader("本次会话的历史")
        if not history:
            st.caption("提过的问题和运行过的 Cypher 会列在这里，点击即可重新打开。")
        for h in reversed(history):
            shown = h["text"].replace("\n", " ")
            label = f"{'问' if h['kind'] == 'question' else 'Cypher'} · {shown[:28]}{'…' if len(shown) > 28 else ''}"
            st.page_link("app_pages/ask.py", label=label,
                         help=f"{h['time']} · {h['rows']} 行" if h["rows"] is not None else h["time"],
                         query_params={"tab": TABS[0], "question": h["text"]} if h["kind"] == "question"
                         else {"tab": TABS[1], "cypher": h["text"]})

tab = st.segmented_control("方式", TABS, key="tab", default=TABS[0], bind="query-params", required=True,
                           label_visibility="collapsed")


def _ask_example(text: str) -> None:
    st.session_state["question"] = text


if tab == TABS[0]:
    st.caption("用一句中文提问，系统会选出对应的查询，给出答案和它运行的查询语句。试试：")
    examples = st.columns(len(EXAMPLE_QUESTIONS))
    for col, text in zip(examples, EXAMPLE_QUESTIONS):
        col.button(text, key=f"ask_example_{text}", on_click=_ask_example, args=(text,), width="stretch")
    # No max_chars: the box would cut a longer question (typed, pasted or from a link) without a word and answer
    # the rest; ask() refuses it with a message instead.
    question = st.text_input("问题", key="question", placeholder=EXAMPLE_QUESTIONS[0], bind="query-params",
                             help=f"一句中文，最多 {MAX_QUESTION_CHARS} 字。")
    st.button("提问", type="primary", icon=":material/send:", key="ask_submit")
    question = (question or "").strip()
    if question and st.session_state.get("ask_answered") != (question, graph_token(), store):
        from kg.query.ask import ask

        try:
            engine = get_engine_for(store)
            st.session_state["ask_answer"] = ask(question, engine)
            st.session_state["ask_answered"] = (question, graph_token(), store)
            st.session_state.pop("ask_status", None)
            _remember("question", question, len(st.session_state["ask_answer"].result.rows))
        except KGError as err:
            st.session_state.pop("ask_answer", None)
            st.error(f"无法回答：{explain_query_error(err)[0]}", icon=":material/error:")
    answer = st.session_state.get("ask_answer") if question else None
    if answer is not None:
        query = _catalog().get(answer.query_id) if answer.query_id else None
        result, params, summary = answer.result, answer.params, answer.summary
        status_param = next((p for p in query.params if p.name == "status"), None) if query else None
        if status_param is not None:
            # "开展了" counts done by default; planned and urged are one click away.
            chosen = st.pills("计入的状态", list(STATUS_NAMES), selection_mode="multi", format_func=STATUS_NAMES.get,
                              default=params.get("status") or [], key="ask_status",
                              help="不选即计入全部状态。")
            if sorted(chosen or []) != sorted(params.get("status") or []):
                try:
                    result, params = run_canned(query, get_engine_for(store),
                                                {**params, "status": list(chosen or [])})
                    summary = render_summary(query.summary, result, params, query.params) if result.rows \
                        else f"没有查到结果：{query.title}（状态：{status_param.describe(params['status'])}）。"
                except KGError as err:
                    _show_error(err)
        if answer.fallback:
            st.warning(summary, icon=":material/help:")
            show_result(result, key="ask", file_stem="questions", names=names)
        else:
            st.success(names.text(summary), icon=":material/insights:")
            if answer.suggestions:
                st.caption("也可以试试：" + "；".join(answer.suggestions))
            show_result(result, key="ask", file_stem=answer.query_id or "answer", params=params,
                        chart=query.chart if query else None, names=names)
            with st.expander(f"系统运行的查询：{answer.title}", expanded=False):
                st.code(answer.cypher, language="cypher")
                shown = {k: (p.describe(v) if (p := next((x for x in query.params if x.name == k), None)) else v)
                         for k, v in params.items()} if query else params
                st.caption("参数：" + "；".join(f"${k} = {names.text(str(v))}" for k, v in shown.items())
                           if params else "无参数")
                if answer.query_id:
                    st.page_link("app_pages/queries.py", label="在「查询」页打开并修改参数", icon=":material/open_in_new:",
                                 query_params={"q": answer.query_id,
                                               **{f"p_{k}": ([str(x) for x in v] if isinstance(v, list) else str(v))
                                                  for k, v in params.items()}})
                    st.page_link("app_pages/ask.py", label="在 Cypher 编辑器中打开", icon=":material/code:",
                                 query_params={"tab": TABS[1], "cypher": answer.cypher})

else:
    graph = get_graph()
    editor, schema_col = st.columns([3, 1])
    with schema_col:
        st.markdown("**图谱结构**")
        schema = _schema(graph_token(), graph, names)
        with st.container(height=520, border=True):
            for item in schema["labels"]:
                with st.expander(f":{item['label']}（{item['name']}）{item['count']}"):
                    st.markdown("\n".join(f"- `{p['name']}` {p['type']}" + (f"：{p['example']}" if p["example"] else "")
                                          for p in item["properties"]))
            for item in schema["types"]:
                with st.expander(f"[:{item['type']}]（{item['name']}）{item['count']}"):
                    st.markdown("\n".join(f"- `{e}`" for e in item["endpoints"]))
                    st.markdown("\n".join(f"- `{p['name']}` {p['type']}" + (f"：{p['example']}" if p["example"] else "")
                                          for p in item["properties"]))
        st.caption("也可用 type(r)、labels(n)、id(n)、elementId(n)，与 Neo4j Browser 相同。")
    with editor:
        st.caption("只读查询：CREATE、MERGE、SET、DELETE 等写操作会被拒绝。查询语句保存在网址中，可复制链接分享。")
        if "cypher" not in st.query_params and "cypher" not in st.session_state:
            st.session_state["cypher"] = EXAMPLE_CYPHER
        cypher = st.text_area("Cypher", height=180, key="cypher", bind="query-params")
        c1, c2, _ = st.columns([1, 1, 2])
        limit = c1.number_input("最多返回行数", min_value=1, max_value=100_000, value=500, step=100, key="cypher_limit")
        timeout = c2.number_input("超时（秒）", min_value=1, max_value=120, value=10, key="cypher_timeout")
        run = st.button("运行", type="primary", icon=":material/play_arrow:", key="cypher_run")
        ran = st.session_state.get("cypher_ran")
        if run or (cypher and "cypher" in st.query_params and ran is None):
            st.session_state["cypher_ran"] = cypher
            st.session_state.pop("cypher_result", None)
            st.session_state.pop("cypher_error", None)
            try:
                engine = get_adhoc_engine_for(store)  # a confined worker: kg/query/sandbox.py
                with st.spinner("正在运行……"):
                    st.session_state["cypher_result"] = engine.run(cypher, None, int(limit), float(timeout))
                _remember("cypher", cypher.strip(), len(st.session_state["cypher_result"].rows))
            except KGError as err:
                st.session_state["cypher_error"] = err
                _remember("cypher", cypher.strip(), None)
        if st.session_state.get("cypher_error") is not None:
            _show_error(st.session_state["cypher_error"])
        elif st.session_state.get("cypher_result") is not None:
            result = st.session_state["cypher_result"]
            # The graph above the table, not in a tab: a chart drawn in a hidden tab is drawn at the wrong size.
            if not show_result_graph(result, graph, names, key="cypher_graph"):
                st.caption("结果中没有节点可画；返回节点（如 RETURN o）即可同时看到图。")
            show_result(result, key="cypher", file_stem="cypher", names=names)
            with st.expander("加入常用查询"):
                st.caption("下载一个 queries/*.cypher 文件（带标题、参数与列的说明），放进 queries/ 目录后即出现在「查询」页。")
                title = st.text_input("标题", key="canned_title", placeholder="例如：各单位已开展的活动数")
                slug = st.text_input("文件名（英文字母、数字、下划线）", key="canned_slug", value="my_query")
                valid = slug.isidentifier() and slug.isascii()
                if not valid:
                    st.warning("文件名只能用英文字母、数字和下划线，且不以数字开头。")
                st.download_button("下载查询文件", write_query_file(title or "新查询", st.session_state["cypher_ran"],
                                                                columns=result.columns).encode("utf-8"),
                                   file_name=f"{slug}.cypher", mime="text/plain", disabled=not valid,
                                   key="canned_download", icon=":material/bookmark_add:")

_show_history()
