"""总览: KPI cards and charts over the whole graph, narrowed by the sidebar filters."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kg.app.state import get_facts, get_graph
from kg.app.widgets import style_chart, require_documents
from kg.views.dashboard import KPI_NAMES, DashboardFilters, list_filter_choices, summarize_dashboard
from kg.views.insights import summarize_insights

st.title("总览")
facts = get_facts()
require_documents(facts)

choices = list_filter_choices(facts)
with st.sidebar:
    st.subheader("筛选")
    units = st.multiselect("单位", choices["units"], key="dash_units", placeholder="全部单位")
    categories = st.multiselect("活动类别", choices["categories"], key="dash_categories", placeholder="全部类别")
    genres = st.multiselect("文体", choices["genres"], key="dash_genres", placeholder="全部文体")
    years = st.multiselect("年份", choices["years"], key="dash_years", placeholder="全部年份")
    top_n = st.slider("排行显示前几名", 5, 30, 15, key="dash_top_n")

if st.session_state.get("store") == "neo4j":
    st.caption("总览按本地图谱计算（Neo4j 由同一次构建同步写入，内容相同）；查询与提问使用 Neo4j。")
filters = DashboardFilters(tuple(units), tuple(categories), tuple(genres), tuple(years))
summary = summarize_dashboard(facts, filters, top_n=top_n)
if any((units, categories, genres, years)):
    st.caption("已按侧栏条件筛选；清空筛选即显示全部。")

cols = st.columns(len(KPI_NAMES))
for col, (key, name) in zip(cols, KPI_NAMES.items()):
    col.metric(name, f"{summary.kpis[key]:,}", border=True)

_insights = summarize_insights(get_graph())  # over the whole graph: passages, problems, plans (计划与时间 page)
st.caption(f"雷同文字 {_insights.counts['passages']:,} 段（涉及 {_insights.passage_units} 个单位）· "
           f"查摆问题 {_insights.counts['problems']:,} 条 · 计划并完成 {_insights.counts['planned_done']:,} 项 · "
           f"计划未见完成 {_insights.counts['planned_open']:,} 项")

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
    st.subheader("活动类别分布")
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

st.subheader("单位 × 活动类别")
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
    st.caption(f"按活动数显示前 {n_units} 个单位。")
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
    st.subheader("报送数据最多的单位")
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
