"""The national reports of ../shared/corpus-extra (government work reports 1954–2025, Party congress
reports): who reports, GDP growth targets against results by year, and questions about them.

The figures checked are facts of record (the targets each report set, the growth the next one
reported), not the program's output. Skipped when ../shared is not beside the repo.
"""
from __future__ import annotations

import pytest

from kg.query.ask import Asker
from kg.query.catalog import run_canned
from kg.query.ladybug_engine import get_ladybug_engine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def national(shared_dir):
    from kg.build import build_graph

    return get_ladybug_engine(build_graph([shared_dir / "corpus-extra"]))


def test_every_national_report_is_given_by_the_state_council_the_central_committee_or_the_npc(national):
    rows = national.run("MATCH (d:Document) OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d) "
                        "RETURN d.doc_id AS doc, o.name AS unit").rows
    assert len(rows) == 88
    def kind(doc_id):  # cpc_congress_reports.jsonl#3 → cpc_congress_reports
        return doc_id.split("#")[0].split(".")[0]

    by_kind = {kind(doc): set() for doc, _ in rows}
    for doc, unit in rows:
        by_kind[kind(doc)].add(unit)
    assert by_kind["cpc_congress_reports"] == {"党中央"}  # 中共中央, as the alias table names it
    assert by_kind["government_work_reports"] == {"国务院", "全国人民代表大会"}


def test_gdp_growth_target_and_actual_one_row_per_year(national):
    result, _ = run_canned("indicator_by_year", national, {"indicator": "国内生产总值增长"})
    rows = {r[0]: dict(zip(result.columns, r)) for r in result.rows}
    assert len(rows) == len(result.rows)  # one row per year
    assert (rows[2019]["target_low"], rows[2019]["target_high"]) == (6.0, 6.5)  # 6%－6.5%: one target
    assert (rows[2016]["target_low"], rows[2016]["target_high"]) == (6.5, 7.0)
    assert rows[2022]["target_low"] == 5.5 and rows[2022]["actual_value"] == 3.0
    assert rows[2023]["target_low"] == 5.0 and rows[2023]["actual_value"] == 5.2
    assert rows[2024]["target_low"] == 5.0 and rows[2024]["actual_value"] == 5.0
    assert rows[2020]["target"] is None and rows[2020]["actual_value"] == 2.3  # no target was set for 2020
    assert sum(1 for r in rows.values() if r["target"] and r["actual"]) >= 10


def test_questions_about_the_national_reports(national):
    asker = Asker(national)
    answer = asker.ask("国内生产总值增长目标和实际是多少")
    assert answer.query_id == "indicator_by_year" and len(answer.result.rows) >= 15
    answer = asker.ask("“两个确立”的时间线")
    years = [r[1] for r in answer.result.rows]
    assert answer.query_id == "slogan_timeline" and 2022 in years and min(years) >= 2021  # coined in 2021
    answer = asker.ask("国务院2008年到2012年查摆了哪些问题")
    assert answer.query_id == "problems_by_unit" and answer.params["year_from"] == 2008
    assert answer.result.rows and {r[1] for r in answer.result.rows} <= set(range(2008, 2013))
