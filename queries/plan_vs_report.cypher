// title: 计划与落实
// description: 单位的计划（计划开展的活动、目标数）与它之后报告的完成情况对照：计划并完成、计划未见完成（至今未在之后的报告中出现）、完成但无计划（计划之后的报告里新出现的活动）。
// param: unit list default= choices=units label=单位（空为全部）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: state list default= choices=计划并完成:计划并完成|计划未见完成:计划未见完成|完成但无计划:完成但无计划 label=对照结果（空为全部）
// columns: unit, state, item, category, planned, plan_year, plan_doc, reported, report_year, report_doc, evidence
// chart: bar x=state
// summary: {n} 条对照，{unique:unit} 个单位：{top:state}
WITH $unit AS units, $state AS states
MATCH (o:Organization)
WHERE size(units) = 0 OR any(y IN o.filter_names WHERE y IN units)
UNWIND [0, 1, 2] AS way
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity) WHERE way = 0 AND a.plan_state IS NOT NULL
OPTIONAL MATCH (o)-[:MEASURED_BY]->(direct:Metric) WHERE way = 1 AND direct.plan_state IS NOT NULL
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:MEASURED_BY]->(via:Metric) WHERE way = 2 AND via.plan_state IS NOT NULL
WITH DISTINCT o, a, direct, via, states, coalesce(a.plan_state, direct.plan_state, via.plan_state) AS state
WHERE state IS NOT NULL AND (size(states) = 0 OR state IN states) AND (size($category) = 0 OR a.category IN $category)
OPTIONAL MATCH (a)-[:FOLLOWED_BY]->(ra:Activity)
OPTIONAL MATCH (direct)-[:FOLLOWED_BY]->(rd:Metric)
OPTIONAL MATCH (via)-[:FOLLOWED_BY]->(rv:Metric)
WITH o, a, ra, coalesce(rd, rv) AS rm, state, state = '完成但无计划' AS unplanned,
     coalesce(direct.id, via.id) AS mid, coalesce(direct.subject, via.subject) AS subject,
     coalesce(direct.surface, via.surface) AS surface, coalesce(direct.year, via.year) AS year,
     coalesce(direct.doc_id, via.doc_id) AS doc_id, coalesce(direct.evidence, via.evidence) AS evidence
RETURN o.name AS unit, state, CASE WHEN a IS NULL THEN '目标' ELSE '活动' END AS item,
       coalesce(a.category, subject) AS category,
       CASE WHEN unplanned THEN '' ELSE coalesce(a.name, surface) END AS planned,
       CASE WHEN unplanned THEN null ELSE coalesce(a.year, year) END AS plan_year,
       CASE WHEN unplanned THEN '' ELSE coalesce(a.doc_id, doc_id) END AS plan_doc,
       CASE WHEN unplanned THEN a.name ELSE coalesce(ra.name, rm.surface, '') END AS reported,
       CASE WHEN unplanned THEN coalesce(a.year, year) ELSE coalesce(ra.year, rm.year) END AS report_year,
       CASE WHEN unplanned THEN coalesce(a.doc_id, doc_id) ELSE coalesce(ra.doc_id, rm.doc_id, '') END AS report_doc,
       coalesce(ra.evidence, rm.evidence, a.evidence, evidence) AS evidence
ORDER BY unit, state, category, planned, reported, coalesce(a.id, mid)
