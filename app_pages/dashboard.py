"""总览: KPI cards and charts over the whole graph, narrowed by the sidebar filters."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kg.app.state import get_facts
from kg.app.widgets import style_chart, require_documents
from kg.views.dashboard import KPI_NAMES, DashboardFilters, describe_statuses, list_filter_choices, summarize_dashboard
from kg.views.labels import STATUS_NAMES

st.title("总览")
facts = get_facts()
require_documents(facts)

choices = list_filter_choices(facts)
# Every filter is bound to the URL (?units=…&statuses=已开展&statuses=计划&years=2022&years=2023; statuses by the
# names the chips show): a link reproduces the view.
with st.sidebar:
    st.subheader("筛选")
    units = st.multiselect("单位", choices["units"], key="units", placeholder="全部单位", bind="query-params")
    categories = st.multiselect("活动类别", choices["categories"], key="categories", placeholder="全部类别",
                                bind="query-params")
    statuses = st.pills("活动状态", list(STATUS_NAMES), selection_mode="multi", default=["done"],
                        format_func=STATUS_NAMES.get, key="statuses", bind="query-params",
                        help="“开展了”默认只计已开展的活动；加选计划、要求即计入。都不选即计入全部状态。")
    genres = st.multiselect("文体", choices["genres"], key="genres", placeholder="全部文体", bind="query-params")
    span = choices["year_span"]
    year_range, unknown_year = None, True
    if span and span[0] < span[1]:
        year_range = st.slider("年份范围", span[0], span[1], (span[0], span[1]), key="years", bind="query-params")
        unknown_year = st.checkbox("含未注明年份的文档", value=True, key="unknown_year", bind="query-params")
    top_n = st.slider("排行显示前几名", 5, 30, 15, key="top", bind="query-params")

if st.session_state.get("store") == "neo4j":
    st.caption("总览按本地图谱计算（Neo4j 由同一次构建同步写入，内容相同）；查询与提问使用 Neo4j。")
full_range = year_range is None or (tuple(year_range) == tuple(span) and unknown_year)
filters = DashboardFilters(tuple(units), tuple(categories), tuple(genres), (), tuple(statuses or ()),
                           None if full_range else tuple(year_range), unknown_year)
summary = summarize_dashboard(facts, filters, top_n=top_n)
status_words = describe_statuses(statuses or ())
narrowed = any((units, categories, genres)) or not full_range
st.caption(f"活动{status_words}（侧栏「活动状态」可改）" + ("；已按侧栏条件筛选，清空筛选即显示全部。" if narrowed else "。"))

# A row that wraps: the cards keep their numbers whole on a narrow window.
with st.container(horizontal=True, gap="small"):
    for key, name in KPI_NAMES.items():
        label = name
        if key == "activities":  # the card says which statuses it counts: 已开展活动, 活动（全部状态）…
            label = f"{STATUS_NAMES[statuses[0]]}活动" if len(statuses or ()) == 1 else \
                "活动（全部状态）" if len(statuses or ()) in (0, len(STATUS_NAMES)) else "活动（多种状态）"
        st.metric(label, f"{summary.kpis[key]:,}", border=True, width=148,
                  help=f"其中 {summary.unassigned_activities} 项未识别开展单位，不在「单位 × 活动类别」中。"
                  if key == "activities" and summary.unassigned_activities else None)

if not summary.kpis["documents"]:
    st.warning("没有符合筛选条件的文档，请放宽筛选条件。")
    st.stop()


def _bar(rows, y, x, y_title, x_title, colour="#B22222"):
    frame = pd.DataFrame(rows)
    return alt.Chart(frame).mark_bar(color=colour).encode(
        y=alt.Y(f"{y}:N", sort="-x", title=None),
        x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:Q", title=x_title)],
    )


left, right = st.columns(2)
with left:
    st.subheader("活动类别分布", help=f"活动{status_words}。")
    if summary.by_category:
        st.altair_chart(style_chart(_bar(summary.by_category, "category", "count", "活动类别", "活动数")),
                        width="stretch")
    else:
        st.info("所选范围内没有活动。")
with right:
    st.subheader("提法热度（呼应的单位数）")
    if summary.top_slogans:
        frame = pd.DataFrame(summary.top_slogans)
        chart = alt.Chart(frame).mark_bar(color="#CC79A7").encode(
            y=alt.Y("slogan:N", sort="-x", title=None),
            x=alt.X("units:Q", title="单位数", axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[alt.Tooltip("slogan:N", title="提法"), alt.Tooltip("units:Q", title="单位数"),
                     alt.Tooltip("documents:Q", title="文档数")],
        )
        st.altair_chart(style_chart(chart), width="stretch")
    else:
        st.info("所选范围内没有提法。")

st.subheader("单位 × 活动类别", help=f"活动{status_words}。")
if summary.unit_category:
    frame = pd.DataFrame(summary.unit_category)
    base = alt.Chart(frame).encode(
        x=alt.X("category:N", title=None, axis=alt.Axis(labelAngle=-45, orient="top", labelOverlap=False)),
        y=alt.Y("org:N", title=None, sort=alt.EncodingSortField("count", op="sum", order="descending")),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("count:Q", title="活动数", scale=alt.Scale(scheme="reds")),
        tooltip=[alt.Tooltip("org:N", title="单位"), alt.Tooltip("category:N", title="活动类别"),
                 alt.Tooltip("count:Q", title="活动数")],
    )
    dark = int(frame["count"].max() * 0.6) or 1
    labels = base.mark_text(fontSize=11).encode(
        text="count:Q", color=alt.condition(f"datum.count > {dark}", alt.value("white"), alt.value("#222222")))
    n_units = frame["org"].nunique()
    st.altair_chart(style_chart(heat + labels, height=alt.Step(26)), width="stretch")
    unassigned = (f"另有 {summary.unassigned_activities} 项活动未识别开展单位，不在图中（总数 "
                  f"{summary.kpis['activities']} 项含它们）。" if summary.unassigned_activities else "")
    st.caption(f"按活动数显示前 {n_units} 个单位，活动{status_words}。{unassigned}")
else:
    st.info("所选范围内没有可归属到单位的活动。")

left, right = st.columns(2)
with left:
    st.subheader("文档数：按文体与年份")
    frame = pd.DataFrame(summary.docs_by_genre_year)
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("year:N", title="年份", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("genre:N", title="文体", scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("genre:N", title="文体"), alt.Tooltip("year:N", title="年份"),
                 alt.Tooltip("count:Q", title="文档数")],
    )
    st.altair_chart(style_chart(chart), width="stretch")
with right:
    st.subheader("报送数据最多的单位", help=f"附在活动上的数据按活动状态计（{status_words}）；直接报告的数据都计入。")
    if summary.top_units_by_metrics:
        rows = [{"org": r["org"], "kind": kind, "n": r[col]}
                for r in summary.top_units_by_metrics for kind, col in (("具体数字", "stated"), ("隐去数字", "masked"))]
        frame = pd.DataFrame(rows)
        order = [r["org"] for r in summary.top_units_by_metrics]
        chart = alt.Chart(frame).mark_bar().encode(
            y=alt.Y("org:N", sort=order, title=None),
            x=alt.X("n:Q", title="数据条数", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("kind:N", title="", scale=alt.Scale(domain=["具体数字", "隐去数字"],
                                                                 range=["#009E73", "#BBBBBB"])),
            tooltip=[alt.Tooltip("org:N", title="单位"), alt.Tooltip("kind:N", title="类型"),
                     alt.Tooltip("n:Q", title="条数")],
        )
        st.altair_chart(style_chart(chart), width="stretch")
    else:
        st.info("所选范围内没有可归属到单位的数据。")
