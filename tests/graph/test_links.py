"""Cross-document facts (kg/graph/links.py): a unit's plans matched with what it reports later, and the
passages several units share nearly word for word — on graphs built from hand-written records."""
from __future__ import annotations

from kg.graph.build import graph_from_records, remove_documents
from kg.graph.links import (DONE_UNPLANNED, PLANNED_DONE, PLANNED_OPEN, shingles, take_relinked,
                            with_linked_documents)


def _activity(name, category, status, text, start=0):
    return {"name": name, "category": category, "status": status, "evidence": text, "start": start,
            "end": start + len(text)}


def _figure(value, unit, subject, kind, text, masked=False):
    return {"value": value, "unit": unit, "surface": f"{value:g}{unit}" if not masked else f"**{unit}",
            "subject": subject, "kind": kind, "masked": masked, "evidence": text, "start": 0, "end": len(text)}


def _doc(doc_id, year, unit, text, activities=(), metrics=(), genre="汇报"):
    return ({"doc_id": doc_id, "title": doc_id, "text": text, "year": year, "genre": genre},
            {"doc_id": doc_id, "reporting_org": unit, "year": year, "activities": list(activities),
             "metrics": list(metrics)})


def _by(g, **want):
    return sorted(n for n, d in g.nodes(data=True) if all(d.get(k) == v for k, v in want.items()))


def _followed(g, plan):
    return sorted(g.nodes[v]["doc_id"] for _, v, t in g.out_edges(plan, data="type") if t == "FOLLOWED_BY")


PLAN_TEXT = "下一步，市档案局将举办青年干部读书班，开展调查研究。"
REPORT_TEXT = "市档案局举办读书班2期，开展警示教育。"


def _plan_and_report(report_year=2024):
    plan = _doc("p", 2023, "市档案局", PLAN_TEXT, [
        _activity("青年干部读书班", "读书班", "planned", PLAN_TEXT),
        _activity("调查研究", "调查研究", "planned", PLAN_TEXT)])
    report = _doc("r", report_year, "市档案局", REPORT_TEXT, [
        _activity("读书班", "读书班", "done", REPORT_TEXT),
        _activity("警示教育", "警示教育", "done", REPORT_TEXT)])
    return graph_from_records([plan, report])


def test_a_plan_done_later_one_not_and_a_report_no_plan_foresaw():
    g = _plan_and_report()
    reading = _by(g, label="Activity", category="读书班", status="planned")[0]
    research = _by(g, label="Activity", category="调查研究")[0]
    warning = _by(g, label="Activity", category="警示教育")[0]
    assert (g.nodes[reading]["plan_state"], _followed(g, reading)) == (PLANNED_DONE, ["r"])
    assert (g.nodes[research]["plan_state"], _followed(g, research)) == (PLANNED_OPEN, [])
    assert g.nodes[warning]["plan_state"] == DONE_UNPLANNED
    done_reading = _by(g, label="Activity", category="读书班", status="done")[0]
    assert "plan_state" not in g.nodes[done_reading]  # the report a plan foresaw is the end of its edge


def test_a_report_older_than_the_plan_fulfils_nothing():
    g = _plan_and_report(report_year=2022)
    reading = _by(g, label="Activity", category="读书班", status="planned")[0]
    assert (g.nodes[reading]["plan_state"], _followed(g, reading)) == (PLANNED_OPEN, [])
    assert "plan_state" not in g.nodes[_by(g, label="Activity", category="警示教育")[0]]


def test_another_units_report_fulfils_nothing():
    plan = _doc("p", 2023, "市档案局", PLAN_TEXT, [_activity("青年干部读书班", "读书班", "planned", PLAN_TEXT)])
    other = _doc("o", 2024, "市气象局", "市气象局举办读书班2期。",
                 [_activity("读书班", "读书班", "done", "市气象局举办读书班2期。")])
    g = graph_from_records([plan, other])
    assert g.nodes[_by(g, label="Activity", status="planned")[0]]["plan_state"] == PLANNED_OPEN


def test_a_target_is_met_by_a_later_actual_figure_of_the_same_measure_and_subject():
    t1, t2 = "力争全年举办培训班3期。", "全年举办培训班4期，组织参观见学2次。"
    plan = _doc("p", 2023, "市档案局", t1, metrics=[_figure(3, "期", "举办培训班", "target", t1)])
    report = _doc("r", 2024, "市档案局", t2, metrics=[_figure(4, "期", "举办培训班", "actual", t2),
                                                   _figure(2, "次", "组织参观见学", "actual", t2)])
    g = graph_from_records([plan, report])
    target = _by(g, label="Metric", kind="target")[0]
    assert g.nodes[target]["plan_state"] == PLANNED_DONE
    [(_, met, edge)] = [(u, v, e) for u, v, e in g.out_edges(target, data=True) if e.get("type") == "FOLLOWED_BY"]
    assert (g.nodes[met]["value"], edge["doc_id"]) == (4.0, "r")


def test_a_masked_target_is_no_plan():
    t1, t2 = "力争全年举办培训班**期。", "全年举办培训班4期。"
    plan = _doc("p", 2023, "市档案局", t1, metrics=[_figure(0, "期", "举办培训班", "target", t1, masked=True)])
    report = _doc("r", 2024, "市档案局", t2, metrics=[_figure(4, "期", "举办培训班", "actual", t2)])
    g = graph_from_records([plan, report])
    assert all("plan_state" not in g.nodes[m] for m in _by(g, label="Metric"))


def test_removing_the_report_reopens_the_plan_and_names_both_documents():
    g = _plan_and_report()
    assert with_linked_documents(g, {"r"}) == {"p", "r"}
    take_relinked(g)
    remove_documents(g, ["r"])
    reading = _by(g, label="Activity", category="读书班", status="planned")[0]
    assert (g.nodes[reading]["plan_state"], _followed(g, reading)) == (PLANNED_OPEN, [])
    assert "p" in take_relinked(g)  # a store kept in step by document reloads the plan's document


TEMPLATE = "坚持把学习贯彻党的创新理论作为首要政治任务，全年开展集中学习{n}次，推动学习走深走实。"


def _report(doc_id, year, unit, body):
    return _doc(doc_id, year, unit, f"{unit}学习情况。\n{body}")


def _passages(g):
    return {g.nodes[p]["text"]: g.nodes[p] for p in _by(g, label="Passage")}


def test_two_units_sharing_a_template_with_their_own_numbers_share_a_passage():
    a = _report("a", 2023, "市档案局", TEMPLATE.format(n=12))
    b = _report("b", 2023, "市气象局", TEMPLATE.format(n=8))
    c = _report("c", 2023, "市地震局", "本单位结合实际，创新开展“微党课”进社区活动，群众反响热烈，效果明显。")
    g = graph_from_records([a, b, c])
    [passage] = _passages(g).values()
    assert (passage["kind"], passage["doc_ids"], passage["units"]) == ("sentence", ["a", "b"], ["市档案局", "市气象局"])
    shares = sorted((e["doc_id"], e["similarity"]) for _, _, e in g.edges(data=True) if e.get("type") == "SHARES")
    assert [d for d, _ in shares] == ["a", "b"] and all(s >= 0.7 for _, s in shares)


def test_one_unit_repeating_itself_is_no_shared_passage():
    a = _report("a", 2023, "市档案局", TEMPLATE.format(n=12))
    b = _report("b", 2024, "市档案局", TEMPLATE.format(n=15))
    assert _passages(graph_from_records([a, b])) == {}


def test_numbers_are_folded_and_punctuation_dropped():
    assert shingles("集中学习12次。") == shingles("集中学习3次，")
    assert shingles("集中学习12次") != shingles("集中研讨12次")
