"""The question set of `kg ask`: phrasings an analyst types, with the canned
query and the parameters each must be answered with, on the hand-made
fixture graph (tests/fixtures/graph/small_graph.py: 市妇联, 市卫生健康委 alias
市卫健委, 市税务局, 市知识产权局 and its study group, 市委党校, 市司法局 in 2023
and 2024; 读书班, 党课, 联学共建, 集中学习, 调查研究, 专题研讨, 培训, 参观见学,
警示教育; 两个确立, 四敢争先, 第一议题; the indicator 国内生产总值增长).

Parameters not listed are the query's defaults. Word-order variants of one
question sit together and must give the same answer.
"""
from __future__ import annotations

__all__ = ["QUESTIONS"]

DONE, PLANNED = ["done"], ["planned"]

QUESTIONS: list[tuple[str, str, dict]] = [
    # -- units, one category; word order -----------------------------------------------------------
    ("哪些单位开展了读书班？", "find_units", {"category": ["读书班"], "status": DONE}),
    ("读书班都有哪些单位开展了？", "find_units", {"category": ["读书班"], "status": DONE}),
    ("开展了读书班的单位有哪些", "find_units", {"category": ["读书班"], "status": DONE}),
    ("谁搞过调研？", "find_units", {"category": ["调查研究"], "status": DONE}),
    ("哪些单位举办了读书会", "find_units", {"category": ["读书班"], "status": DONE}),
    ("有多少单位开展了调查研究？", "find_units", {"category": ["调查研究"], "status": DONE}),
    ("读书班", "find_units", {"category": ["读书班"]}),
    ("哪些单位开展了主题党日", "find_units", {"category": ["主题党日"], "status": DONE}),  # in no report: 0 rows
    # -- several categories, and / or ------------------------------------------------------------------
    ("既开展了读书班又开展了调研的单位", "find_units", {"category": ["读书班", "调查研究"], "mode": "all", "status": DONE}),
    ("哪些单位同时开展了调研和读书班？", "find_units", {"category": ["调查研究", "读书班"], "mode": "all", "status": DONE}),
    ("哪些单位开展了读书班或调研", "find_units", {"category": ["读书班", "调查研究"], "mode": "any", "status": DONE}),
    ("开展读书班或者党课的单位有哪些？", "find_units", {"category": ["读书班", "党课"], "mode": "any"}),
    # -- status --------------------------------------------------------------------------------------
    ("哪些单位计划开展读书班？", "find_units", {"category": ["读书班"], "status": PLANNED}),
    ("读书班有哪些单位打算举办", "find_units", {"category": ["读书班"], "status": PLANNED}),
    ("哪些单位要求开展专题研讨", "find_units", {"category": ["专题研讨"], "status": ["urged"]}),
    # -- partner -------------------------------------------------------------------------------------
    ("谁和市委党校开展了联学共建？", "find_units", {"category": ["联学共建"], "status": DONE, "partner": "市委党校"}),
    ("哪些单位与市委党校联学共建", "find_units", {"category": ["联学共建"], "partner": "市委党校"}),
    ("与市委党校共建的单位", "find_units", {"partner": "市委党校"}),
    ("市妇联和市委党校一起做了什么？", "find_activities", {"unit": ["市妇联"], "partner": "市委党校", "status": DONE}),
    # -- years ---------------------------------------------------------------------------------------
    ("2023年哪些单位开展了读书班？", "find_units", {"category": ["读书班"], "status": DONE, "year_from": 2023, "year_to": 2023}),
    ("哪些单位2024年以来开展了培训", "find_units", {"category": ["培训"], "status": DONE, "year_from": 2024}),
    ("2023年到2024年开展党课的单位", "find_units", {"category": ["党课"], "year_from": 2023, "year_to": 2024}),
    # -- activities of a unit --------------------------------------------------------------------------
    ("市税务局开展了哪些活动？", "find_activities", {"unit": ["市税务局"], "status": DONE}),
    ("XX市税务局开展了哪些活动", "find_activities", {"unit": ["市税务局"], "status": DONE}),
    ("市卫健委有哪些活动？", "find_activities", {"unit": ["市卫生健康委"]}),
    ("市司法局2024年做了什么", "find_activities", {"unit": ["市司法局"], "status": DONE, "year_from": 2024,
                                            "year_to": 2024}),
    ("2024年市司法局做了什么", "find_activities", {"unit": ["市司法局"], "status": DONE, "year_from": 2024,
                                            "year_to": 2024}),
    ("市妇联的读书班", "find_activities", {"unit": ["市妇联"], "category": ["读书班"]}),
    # -- counts: they add up, in any word order --------------------------------------------------------
    ("2023年举办了多少次读书班？", "count_activities", {"category": ["读书班"], "status": DONE, "year_from": 2023,
                                               "year_to": 2023}),
    ("市妇联举办了几次党课？", "count_activities", {"unit": ["市妇联"], "category": ["党课"], "status": DONE}),
    ("市妇联党课有多少次？", "count_activities", {"unit": ["市妇联"], "category": ["党课"], "status": DONE}),
    ("妇联举办了几次党课", "count_activities", {"unit": ["市妇联"], "category": ["党课"], "status": DONE}),
    ("党课市妇联一共开展了多少场", "count_activities", {"unit": ["市妇联"], "category": ["党课"], "status": DONE}),
    ("市司法局培训办了几期", "count_activities", {"unit": ["市司法局"], "category": ["培训"], "status": DONE}),
    ("市司法局计划举办几期培训班？", "count_activities", {"unit": ["市司法局"], "category": ["培训"], "status": PLANNED}),
    ("读书班的次数", "count_activities", {"category": ["读书班"], "status": DONE}),
    ("统计各单位读书班次数", "count_activities", {"category": ["读书班"], "status": DONE}),
    # -- comparisons: side by side -------------------------------------------------------------------
    ("比较市税务局和市司法局", "compare_units", {"unit": ["市税务局", "市司法局"]}),
    ("市税务局和市司法局有什么不同？", "compare_units", {"unit": ["市税务局", "市司法局"]}),
    ("市妇联与市卫健委的区别", "compare_units", {"unit": ["市妇联", "市卫生健康委"]}),
    ("卫健委和税务局比较", "compare_units", {"unit": ["市卫生健康委", "市税务局"]}),  # names without 市
    ("对比市妇联、市税务局和市司法局的读书班", "compare_units", {"unit": ["市妇联", "市税务局", "市司法局"],
                                                 "category": ["读书班"]}),
    ("2024年市司法局和市税务局比一比", "compare_units", {"unit": ["市司法局", "市税务局"], "year_from": 2024,
                                              "year_to": 2024}),
    ("市妇联和市税务局谁开展的活动多", "compare_units", {"unit": ["市妇联", "市税务局"]}),
    # -- documents, with or without a unit -------------------------------------------------------------
    ("哪些文档提到了两个确立", "find_documents", {"slogan": ["两个确立"]}),
    ("提到“四敢争先”的文件有哪些？", "find_documents", {"slogan": ["四敢争先"]}),
    ("市妇联哪些文档提到了四敢争先", "find_documents", {"slogan": ["四敢争先"], "unit": ["市妇联"]}),
    ("2024年的文档有哪些？", "find_documents", {"year_from": 2024, "year_to": 2024}),
    ("有哪些汇报？", "find_documents", {"genre": ["汇报"]}),
    ("2023年有哪些学习计划？", "find_documents", {"genre": ["计划"], "year_from": 2023, "year_to": 2023}),
    ("市司法局有哪些文档", "find_documents", {"unit": ["市司法局"]}),
    ("哪些文档写到了培训", "find_documents", {"category": ["培训"]}),
    ("哪些文档同时提到了两个确立和四敢争先", "find_documents", {"slogan": ["两个确立", "四敢争先"], "mode": "all"}),
    ("提到两个确立或者第一议题的文档", "find_documents", {"slogan": ["两个确立", "第一议题"], "mode": "any"}),
    ("市税务局的读书班和党课", "find_activities", {"unit": ["市税务局"], "category": ["读书班", "党课"]}),
    ("在读书班上的交流发言", "documents_overview", {"unit": "市税务局"}),
    # -- figures -------------------------------------------------------------------------------------
    ("2023年报告了哪些数字", "find_figures", {"year_from": 2023, "year_to": 2023}),
    ("市税务局报告了什么数据？", "find_figures", {"unit": ["市税务局"]}),
    ("市妇联的数据", "find_figures", {"unit": ["市妇联"]}),
    ("市司法局2024年的数据有哪些", "find_figures", {"unit": ["市司法局"], "year_from": 2024, "year_to": 2024}),
    # -- slogans ---------------------------------------------------------------------------------------
    ("哪些单位提到“四敢争先”？", "units_by_slogan", {"slogan": "四敢争先"}),
    ("两个确立被哪些单位提到", "units_by_slogan", {"slogan": "两个确立"}),
    ("最常见的提法有哪些？", "slogan_reach", {"top": 10}),
    ("提法热度排行", "slogan_reach", {"top": 10}),
    ("和哪些提法一起出现", "slogan_cooccurrence", {"top": 10}),
    ("哪些提法经常一起出现？", "slogan_cooccurrence", {"top": 10}),
    # -- problems --------------------------------------------------------------------------------------
    ("哪些单位报告了问题", "problems_by_unit", {}),
    ("市司法局存在哪些不足？", "problems_by_unit", {"unit": ["市司法局"]}),
    ("2024年各单位查摆了哪些问题", "problems_by_unit", {"year_from": 2024, "year_to": 2024}),
    ("市妇联的短板", "problems_by_unit", {"unit": ["市妇联"]}),
    # -- plans -------------------------------------------------------------------------------------------
    ("明年计划做什么", "plans_by_unit", {}),
    ("下一步打算开展哪些工作", "plans_by_unit", {}),
    ("市司法局下一步打算做什么？", "plans_by_unit", {"unit": ["市司法局"]}),
    ("市卫健委有什么计划", "plans_by_unit", {"unit": ["市卫生健康委"]}),
    ("市卫健委计划开展哪些读书班", "plans_by_unit", {"unit": ["市卫生健康委"], "category": ["读书班"]}),
    ("2023年市司法局定了哪些目标", "plans_by_unit", {"unit": ["市司法局"], "year_from": 2023, "year_to": 2023}),
    # -- plan versus report ------------------------------------------------------------------------------
    ("市司法局的计划落实了吗", "plan_vs_report", {"unit": ["市司法局"]}),
    ("市司法局计划的事后来完成了没有", "plan_vs_report", {"unit": ["市司法局"]}),
    ("各单位计划与实际对照", "plan_vs_report", {}),
    ("哪些计划没有完成", "plan_vs_report", {"state": ["计划未见完成"]}),
    ("市司法局的目标完成了吗", "plan_vs_report", {"unit": ["市司法局"]}),
    ("市司法局哪些计划还没落实", "plan_vs_report", {"unit": ["市司法局"], "state": ["计划未见完成"]}),
    ("市司法局已完成的计划", "plan_vs_report", {"unit": ["市司法局"], "state": ["计划并完成"]}),
    ("哪些计划完成了", "plan_vs_report", {"state": ["计划并完成"]}),
    ("没有计划就开展的活动", "plan_vs_report", {"state": ["完成但无计划"]}),
    ("市司法局计划的培训完成了吗", "plan_vs_report", {"unit": ["市司法局"], "category": ["培训"]}),
    # -- time --------------------------------------------------------------------------------------------
    ("市司法局这几年的变化", "unit_over_years", {"unit": ["市司法局"]}),
    ("市司法局历年的数据", "unit_over_years", {"unit": ["市司法局"]}),
    ("两个确立的时间线", "slogan_timeline", {"slogan": ["两个确立"]}),
    ("“四敢争先”每年有多少单位提到", "slogan_timeline", {"slogan": ["四敢争先"]}),
    ("国内生产总值增长目标和实际是多少", "indicator_by_year", {"indicator": "国内生产总值增长"}),
    ("历年国内生产总值增长目标", "indicator_by_year", {"indicator": "国内生产总值增长"}),
    ("经济增长的目标与实际", "indicator_by_year", {"indicator": "国内生产总值增长"}),
    # -- shared passages ---------------------------------------------------------------------------------
    ("哪些单位的报告有雷同的句子", "shared_passages", {}),
    ("市司法局的报告有没有套话", "shared_passages", {"unit": ["市司法局"]}),
    ("市妇联和市司法局共用了哪些句子", "shared_passages", {"unit": ["市妇联", "市司法局"]}),
    # -- partnerships, materials, similar, masked, profile, matrix ----------------------------------------
    ("联学共建", "partnerships", {}),
    ("市妇联和哪些单位一起开展活动？", "partnerships", {"unit": "市妇联"}),
    ("市卫健委的共建单位", "partnerships", {"unit": "市卫生健康委"}),
    ("市卫健委和哪些单位开展了联学共建", "partnerships", {"unit": "市卫生健康委"}),
    # -- units that studied a material: the title in 《》 or not, the volume inside or after it ------------
    ("学习了《习近平谈治国理政》第四卷的单位有哪些？", "units_by_material", {"material": "《习近平谈治国理政》第四卷"}),
    ("哪些单位学习了习近平谈治国理政第四卷", "units_by_material", {"material": "《习近平谈治国理政》第四卷"}),
    ("谁学了习近平著作选读第一卷？", "units_by_material", {"material": "《习近平著作选读》第一卷"}),
    ("市卫健委学习了哪些材料？", "materials_studied", {"unit": "市卫生健康委"}),
    ("大家都学了哪些材料", "materials_studied", {}),
    ("市妇联学习了什么", "materials_studied", {"unit": "市妇联"}),
    ("和市税务局相似的单位", "similar_units", {"unit": "市税务局"}),
    ("哪些单位有脱敏数据？", "masked_figures", {}),
    ("哪些数字打了码", "masked_figures", {}),
    ("市妇联的概况", "unit_profile", {"unit": "市妇联"}),
    ("市税务局的报告里有哪些提法", "unit_profile", {"unit": "市税务局"}),
    ("介绍一下市知识产权局", "unit_profile", {"unit": "市知识产权局"}),
    ("市税务局", "unit_profile", {"unit": "市税务局"}),
    ("各单位开展活动的分布", "unit_activity_matrix", {}),
]
