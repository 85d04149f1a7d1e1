"""文档: a searchable document list (titles, units and full text) and one document with its facts highlighted."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from kg.app.state import get_facts, get_graph, graph_token
from kg.app.widgets import PAGE_PATHS, require_documents, show_table
from kg.views.documents import list_document_facts, list_documents
from kg.views.results import LINK_PATTERN, link_to
from kg.views.highlight import HIGHLIGHT_KINDS, collect_highlights, render_highlight_html
from kg.views.labels import LABEL_COLOURS, name_label
from kg.views.dashboard import list_filter_choices

MAX_PICK = 500

st.title("文档")
graph = get_graph()
facts = get_facts()
require_documents(facts)
names = facts.names
choices = list_filter_choices(facts)


@st.cache_data(show_spinner=False, max_entries=4)
def _texts(token: str, _graph) -> dict[str, str]:
    return {a.get("doc_id"): a.get("text") or "" for _, a in _graph.nodes(data=True) if a.get("label") == "Document"}

wanted = st.query_params.get("doc")
if wanted and wanted != st.session_state.get("doc_applied"):
    if f"Document:{wanted}" in graph or any(d["doc_id"] == wanted for d in facts.documents):
        for key in ("doc_query", "doc_genres", "doc_years", "doc_units"):
            st.session_state.pop(key, None)
        st.session_state["doc_selected"] = wanted
    else:
        st.warning(f"链接中的文档「{wanted}」不在当前图谱中。")
    st.session_state["doc_applied"] = wanted

cols = st.columns([2, 1, 1, 2])
query = cols[0].text_input("搜索标题、单位或全文", key="doc_query", placeholder="例如：读书班、市妇联、习近平著作选读",
                           help="在标题、报送单位和正文（含每条事实的原句）中查找。")
genres = cols[1].multiselect("文体", choices["genres"], key="doc_genres", placeholder="全部")
years = cols[2].multiselect("年份", choices["years"], key="doc_years", placeholder="全部")
units = cols[3].multiselect("报送单位", sorted({d["reporting_org"] for d in facts.documents if d["reporting_org"]}),
                            key="doc_units", placeholder="全部")
rows = list_documents(facts, query=query, genres=genres, years=years, units=units, texts=_texts(graph_token(), graph))
st.caption(f"找到 {len(rows)} 篇文档（共 {len(facts.documents)} 篇）。")
if not rows:
    st.info("没有符合条件的文档，请换个关键词或放宽筛选。")
    st.stop()
with st.expander("文档列表", expanded=len(rows) > 1):
    headers = ["标题", "报送单位", "文体", "年份"] + (["正文命中"] if any(r["snippet"] for r in rows) else [])
    show_table(headers, [[link_to("documents", "doc", r["doc_id"], r["title"] or "（无标题）"), r["unit"] or "（未识别）",
                          r["genre"], r["year"]] + ([r["snippet"]] if len(headers) == 5 else []) for r in rows],
               key="doc_list", page_size=20, links=["标题"], link_text=LINK_PATTERN)

titles = {r["doc_id"]: r["title"] or "（无标题）" for r in rows[:MAX_PICK]}
if st.session_state.get("doc_selected") not in titles:
    st.session_state["doc_selected"] = rows[0]["doc_id"]
picked = st.selectbox("打开文档", list(titles), format_func=titles.get, key="doc_selected",
                      help=None if len(rows) <= MAX_PICK else f"只列出前 {MAX_PICK} 篇，请用搜索缩小范围。")
st.query_params["doc"] = picked
st.session_state["doc_applied"] = picked
row = next(r for r in rows if r["doc_id"] == picked)
doc_node = row["id"]
attrs = graph.nodes[doc_node]


@st.cache_data(show_spinner=False, max_entries=32)
def _highlighted(token: str, node: str, _graph, _names) -> tuple[str, dict, dict]:
    highlights = collect_highlights(_graph, node, _names)
    marked = {k: len({h.node for h in highlights if h.kind == k}) for k in HIGHLIGHT_KINDS}
    return (render_highlight_html(_graph.nodes[node].get("text") or "", highlights), marked,
            list_document_facts(_graph, node, _names))


html_text, marked, doc_facts = _highlighted(graph_token(), doc_node, graph, names)
# The id and the source file only on hover: on real corpora both are file hashes.
st.subheader(row["title"] or "（无标题）", help=f"编号：{row['doc_id']}；来源文件：{Path(row['source']).name}")
meta = [f"文体 {row['genre']}", f"年份 {row['year']}", f"报送单位 {row['unit'] or '（未识别）'}"]
if attrs.get("title_derived"):
    meta.append("标题由系统生成")
st.caption(" · ".join(meta))
# The legend counts what the side list lists (the facts read from this document), and says when the
# text marks fewer of them than that.
counts = {k: len(doc_facts.get(k) or []) for k in HIGHLIGHT_KINDS}
legend = " ".join(
    f"<span style='background:{LABEL_COLOURS[k]}33;border-bottom:2px solid {LABEL_COLOURS[k]};padding:0 4px;"
    f"margin-right:6px'>{name_label(k)} {counts[k]}</span>" for k in HIGHLIGHT_KINDS)
st.markdown(legend, unsafe_allow_html=True)
unmarked = {k: counts[k] - marked[k] for k in HIGHLIGHT_KINDS if counts[k] > marked[k]}
if unmarked:
    st.caption("其中未能在正文中标出：" + "、".join(f"{name_label(k)} {n} 项" for k, n in unmarked.items())
               + "（嵌在更长的名称里，或原文写法与抽取结果不同；见右侧列表的原句）。")

left, right = st.columns([3, 2])
with left:
    with st.container(height=620, border=True):
        if attrs.get("text"):
            st.markdown(f"<div class='kg-doc' style='line-height:1.9;font-size:15px'>{html_text}</div>",
                        unsafe_allow_html=True)
        else:
            st.info("图谱中没有保存这篇文档的正文。")
with right:
    with st.container(height=620, border=False):
        for kind in HIGHLIGHT_KINDS:
            items = doc_facts.get(kind) or []
            with st.expander(f"{name_label(kind)}（{len(items)}）", expanded=kind in ("Organization", "Activity")):
                if not items:
                    st.caption("无")
                for i, item in enumerate(items[:100]):
                    label = item["name"] + (f"　{item['detail']}" if item["detail"] else "")
                    st.page_link(PAGE_PATHS["explorer"], label=label, query_params={"node": item["node"]},
                                 help=item["evidence"] or None)
                if len(items) > 100:
                    st.caption(f"只列出前 100 条，共 {len(items)} 条。")
