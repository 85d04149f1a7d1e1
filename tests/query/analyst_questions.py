"""The analyst's 35 questions on the seed corpus (``../shared/corpus``), each with the reading it
must get (canned query and parameters) and what its answer must show.

These are the questions an analyst typed into `kg ask` on the seed-corpus graph before the
question grammar (issue 13: 18 answered right, 7 partly, 9 wrong, 1 not understood). The wrong
ones came first below; every one is now read into slots and answered from them. Units are
written as the analyst wrote them (市妇联, 市外办); the expected parameters carry the graph's
canonical names (市妇女联合会, 市外事办公室).

Each entry: question, canned query, parameters (those not listed are the query's defaults),
and the answer's check:

* ``rows``: at least that many rows (0: the answer is "no result", said in words);
* ``column``: ``(name, values)`` — each value must be in that column of the result;
* ``text``: a phrase the answer's text must contain (a count's total, a comparison's units);
* ``unused``: a phrase that must be named under 未能使用 (a part the query could not take).
"""
from __future__ import annotations

__all__ = ["ANALYST_QUESTIONS"]

DONE, PLANNED = ["done"], ["planned"]
_FEMALE = "市妇女联合会"
_FOREIGN = "市外事办公室"

ANALYST_QUESTIONS: list[tuple[str, str, dict, dict]] = [
    # -- the ones that were wrong: comparisons answered for the first unit only ------------------------
    ("比较市保密局和市外办", "compare_units", {"unit": ["市保密局", _FOREIGN]},
     {"rows": 2, "column": ("unit", ["市保密局", _FOREIGN]), "text": "对比 2 个单位"}),
    ("市保密局和市外办有什么不同", "compare_units", {"unit": ["市保密局", _FOREIGN]},
     {"rows": 2, "column": ("unit", ["市保密局", _FOREIGN])}),
    # -- and-ed categories answered for the first one only ---------------------------------------------
    ("既开展了读书班又开展了调研", "find_units", {"category": ["读书班", "调查研究"], "mode": "all", "status": DONE},
     {"rows": 2, "column": ("unit", ["市保密局", _FOREIGN])}),
    # -- counts that returned a document list or a profile ---------------------------------------------
    ("2023年举办了多少次读书班？", "count_activities",
     {"category": ["读书班"], "status": DONE, "year_from": 2023, "year_to": 2023},
     {"rows": 1, "column": ("unit", ["市知识产权局"]), "text": "共 "}),
    ("市妇联举办了几次读书班？", "count_activities", {"unit": [_FEMALE], "category": ["读书班"], "status": DONE},
     {"rows": 0, "text": "没有查到结果"}),  # the 市妇联 report names no 读书班: zero, said so
    ("市妇联读书班有多少次？", "count_activities", {"unit": [_FEMALE], "category": ["读书班"], "status": DONE},
     {"rows": 0, "text": "没有查到结果"}),
    ("市保密局开展了几次专题研讨？", "count_activities", {"unit": ["市保密局"], "category": ["专题研讨"], "status": DONE},
     {"rows": 1, "column": ("unit", ["市保密局"]), "text": "共 "}),
    # -- plans that returned everything, years that were ignored -------------------------------------
    ("明年计划做什么", "plans_by_unit", {}, {"rows": 1, "column": ("unit", ["市知识产权局"])}),
    ("下一步打算开展哪些工作", "plans_by_unit", {}, {"rows": 1, "column": ("unit", ["市知识产权局"])}),
    ("2023年报告了哪些数字", "find_figures", {"year_from": 2023, "year_to": 2023},
     {"rows": 1, "column": ("year", [2023])}),
    # -- documents without a unit, a partner, problems -----------------------------------------------
    ("哪些文档提到了两个确立", "find_documents", {"slogan": ["两个确立"]},
     {"rows": 4, "column": ("unit", [None, "市知识产权局"])}),  # None: a document with no named unit stays
    ("谁和兴业银行开展了党建共建", "find_units", {"category": ["联学共建"], "status": DONE, "partner": "兴业银行"},
     {"rows": 1, "column": ("unit", ["市知识产权局"])}),
    ("哪些单位报告了问题", "problems_by_unit", {}, {"rows": 5, "column": ("unit", ["市卫生健康委"])}),
    # -- routing slips ----------------------------------------------------------------------------------
    ("联学共建", "partnerships", {}, {"rows": 3, "column": ("partner", ["兴业银行"])}),
    ("和哪些提法一起出现", "slogan_cooccurrence", {"top": 10}, {"rows": 3, "column": ("slogan_a", ["两个确立"])}),
    ("市知识产权局和哪些单位开展了联学共建？", "partnerships", {"unit": "市知识产权局"},
     # the network is every partnership named, planned ones too: 开展了 cannot narrow it, and says so
     {"rows": 3, "column": ("partner", ["兴业银行", "东北虎林园"]), "unused": "状态“已开展”"}),
    # -- the ones that were right, kept right ----------------------------------------------------------
    ("哪些单位开展了读书班？", "find_units", {"category": ["读书班"], "status": DONE},
     {"rows": 3, "column": ("unit", ["市保密局", "县委"])}),
    ("有多少单位开展了调查研究？", "find_units", {"category": ["调查研究"], "status": DONE},
     {"rows": 3, "text": "个单位"}),
    ("哪些单位开展了党课或者读书班", "find_units", {"category": ["党课", "读书班"], "mode": "any", "status": DONE},
     {"rows": 3, "column": ("unit", [_FEMALE, "市保密局"])}),  # 市妇联: 党课 only
    ("哪些单位计划开展集中学习？", "find_units", {"category": ["集中学习"], "status": PLANNED},
     {"rows": 1, "column": ("unit", ["市卫生健康委"])}),
    ("市妇联开展了哪些活动？", "find_activities", {"unit": [_FEMALE], "status": DONE},
     {"rows": 5, "column": ("category", ["党课", "联学共建"])}),
    ("市知识产权局的概况", "unit_profile", {"unit": "市知识产权局"}, {"rows": 1}),
    ("最常见的提法有哪些？", "slogan_reach", {"top": 10}, {"rows": 10, "column": ("slogan", ["两个确立", "两个维护"])}),
    ("哪些单位提到了两个确立？", "units_by_slogan", {"slogan": "两个确立"},
     {"rows": 3, "column": ("unit", ["市知识产权局", "市财政局"])}),
    ("市税务局报告了什么数据？", "find_figures", {"unit": ["市税务局"]}, {"rows": 3, "column": ("value", [50.0, 200.0])}),
    ("和市保密局相似的单位", "similar_units", {"unit": "市保密局", "top": 10}, {"rows": 3, "column": ("unit", [_FOREIGN])}),
    ("市外办学习了哪些材料？", "materials_studied", {"unit": _FOREIGN},
     {"rows": 1, "column": ("material", ["习近平外交思想学习纲要"])}),
    ("哪些单位有脱敏数据？", "masked_figures", {}, {"rows": 2, "column": ("unit", [_FEMALE, "市知识产权局"])}),
    ("2023年的文档有哪些？", "find_documents", {"year_from": 2023, "year_to": 2023},
     {"rows": 5, "column": ("year", [2023])}),
    ("有哪些讲话？", "find_documents", {"genre": ["讲话"]}, {"rows": 3, "column": ("genre", ["讲话"])}),
    ("市卫健委存在哪些问题？", "problems_by_unit", {"unit": ["市卫生健康委"]},
     {"rows": 1, "column": ("unit", ["市卫生健康委"])}),
    ("各单位开展活动的分布", "unit_activity_matrix", {}, {"rows": 20}),
    ("每年有多少单位提到两个确立", "slogan_timeline", {"slogan": ["两个确立"]},
     {"rows": 1, "column": ("year", [2023])}),
    ("哪些单位的报告有雷同的句子", "shared_passages", {}, {"rows": 1, "column": ("kind", ["sentence"])}),
    ("市知识产权局的计划落实了吗", "plan_vs_report", {"unit": ["市知识产权局"]},
     {"rows": 1, "column": ("unit", ["市知识产权局"])}),
]
