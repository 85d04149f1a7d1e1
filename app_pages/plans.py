"""计划与时间: plans against reports, problems, a unit over the years, a slogan's timeline, an
indicator's targets and results, and the passages units share (套话) — each a canned query."""
from __future__ import annotations

import streamlit as st

from kg.app.results import get_engine_for, show_result
from kg.app.state import get_facts, get_insights, get_timeline_choices
from kg.app.widgets import require_documents
from kg.errors import KGError
from kg.views.insights import INSIGHT_NAMES

st.title("计划与时间")
facts = get_facts()  # from the query database the build wrote: this page never loads the graph file
require_documents(facts)
names = facts.names  # units kept in their document (局党组〔…〕) and documents read by name, not by id
store = st.session_state.get("store", "networkx")


@st.cache_data(show_spinner=False, ttl=60)
def _catalog():
    from kg.query.catalog import load_catalog

    return load_catalog()


def _section(query_id: str, params: dict, key: str) -> None:
    from kg.query.catalog import render_summary, run_canned

    query = _catalog()[query_id]
    st.caption(query.description)
    try:
        result, bound = run_canned(query, get_engine_for(store), params)
    except KGError as err:
        st.error(f"查询未能完成：{err}", icon=":material/error:")
        return
    if result.rows:
        st.markdown(names.text(render_summary(query.summary, result, bound, query.params)))
    show_result(result, key=key, file_stem=query_id, chart=query.chart, params=bound, names=names)


insights = get_insights()
choices = get_timeline_choices()
cols = st.columns(len(INSIGHT_NAMES))
for col, (key, name) in zip(cols, INSIGHT_NAMES.items()):
    col.metric(name, f"{insights.counts[key]:,}", border=True)

plan_tab, problem_tab, unit_tab, slogan_tab, indicator_tab, passage_tab = st.tabs(
    ["计划与落实", "查摆的问题", "单位历年情况", "提法时间线", "指标目标与实际", "雷同文字"])
with plan_tab:
    units = st.multiselect("单位", choices["units"], key="plans_units", placeholder="全部单位", format_func=names.unit)
    states = st.multiselect("对照结果", ["计划并完成", "计划未见完成", "完成但无计划"], key="plans_states",
                            placeholder="全部")
    _section("plan_vs_report", {"unit": units, "state": states}, "plans_vs")
with problem_tab:
    units = st.multiselect("单位", choices["units"], key="problems_units", placeholder="全部单位",
                           format_func=names.unit)
    _section("problems_by_unit", {"unit": units}, "problems")
with unit_tab:
    if choices["units"]:
        unit = st.selectbox("单位", choices["units"], key="years_unit", format_func=names.unit)
        _section("unit_over_years", {"unit": [unit]}, "unit_years")
    else:
        st.info("图谱中没有注明年份的单位数据。")
with slogan_tab:
    slogans = st.multiselect("提法", choices["slogans"], default=choices["slogans"][:1], key="timeline_slogans",
                             placeholder="全部提法")
    _section("slogan_timeline", {"slogan": slogans}, "slogan_timeline")
with indicator_tab:
    if choices["indicators"]:
        indicator = st.selectbox("指标", choices["indicators"], key="indicator",
                                 index=choices["indicators"].index("国内生产总值增长") if "国内生产总值增长" in choices["indicators"] else 0)
        _section("indicator_by_year", {"indicator": indicator}, "indicator_years")
    else:
        st.info("图谱中的报告没有写到可按年对照的指标（如国内生产总值增长）。")
with passage_tab:
    kind = st.radio("范围", ["", "sentence", "paragraph"], horizontal=True, key="passage_kind",
                    format_func=lambda k: {"": "句子和段落", "sentence": "句子", "paragraph": "段落"}[k])
    _section("shared_passages", {"kind": kind}, "passages")
