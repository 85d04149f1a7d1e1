// title: 计划与落实
// description: 单位的计划（计划开展的活动、目标数）与它之后报告的完成情况对照：计划并完成、计划未见完成（至今未在之后的报告中出现）、完成但无计划（计划之后的报告里新出现的活动）。
// param: unit list default= choices=units label=单位（空为全部）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: state list default= choices=计划并完成:计划并完成|计划未见完成:计划未见完成|完成但无计划:完成但无计划 label=对照结果（空为全部）
// columns: unit, state, item, category, planned, plan_year, plan_doc, reported, report_year, report_doc, evidence
// chart: bar x=state
// summary: {n} 条对照，{unique:unit} 个单位：{top:state}
WITH $unit AS units, $state AS states
MATCH (o:Organization)-[:CONDUCTED|MEASURED_BY*1..2]->(x)
WHERE x.plan_state IS NOT NULL AND (size(states) = 0 OR x.plan_state IN states)
  AND (size($category) = 0 OR x.category IN $category)
OPTIONAL MATCH (o)-[:SUBUNIT_OF*1..2]->(up:Organization)
WITH o, x, units, collect(up.name) AS ups
WHERE size(units) = 0 OR o.name IN units OR any(y IN o.aliases WHERE y IN units) OR any(y IN ups WHERE y IN units)
WITH DISTINCT o, x
OPTIONAL MATCH (x)-[:FOLLOWED_BY]->(r)
WITH o, x, r, x.plan_state = '完成但无计划' AS unplanned
RETURN o.name AS unit, x.plan_state AS state, CASE WHEN x.category IS NULL THEN '目标' ELSE '活动' END AS item,
       coalesce(x.category, x.subject) AS category,
       CASE WHEN unplanned THEN '' ELSE coalesce(x.name, x.surface) END AS planned,
       CASE WHEN unplanned THEN null ELSE x.year END AS plan_year,
       CASE WHEN unplanned THEN '' ELSE x.doc_id END AS plan_doc,
       CASE WHEN unplanned THEN x.name ELSE coalesce(r.name, r.surface, '') END AS reported,
       CASE WHEN unplanned THEN x.year ELSE r.year END AS report_year,
       CASE WHEN unplanned THEN x.doc_id ELSE coalesce(r.doc_id, '') END AS report_doc,
       coalesce(r.evidence, x.evidence) AS evidence
ORDER BY unit, state, category, planned, reported, x.id
