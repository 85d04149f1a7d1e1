// title: 各单位的计划
// description: 单位计划开展的活动（状态为计划）和定下的目标数（类型为目标，如“力争不少于12次”），附年份、是否已在之后的报告中完成，与原文。
// param: unit list default= choices=units label=单位（空为全部）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// columns: unit, year, item, category, planned, state, doc_id, evidence
// chart: bar x=unit
// summary: {n} 项计划与目标，来自 {unique:unit} 个单位：{top:unit}
WITH $unit AS units
MATCH (o:Organization)
WHERE size(units) = 0 OR any(y IN o.filter_names WHERE y IN units)
UNWIND [0, 1, 2] AS way
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity) WHERE way = 0 AND a.status = 'planned'
OPTIONAL MATCH (o)-[:MEASURED_BY]->(direct:Metric) WHERE way = 1 AND direct.kind = 'target'
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:MEASURED_BY]->(via:Metric) WHERE way = 2 AND via.kind = 'target'
WITH DISTINCT o, a, coalesce(direct, via) AS m
WHERE (a IS NOT NULL OR m IS NOT NULL) AND (size($category) = 0 OR a.category IN $category)
  AND ($year_from = 0 OR coalesce(a.year, m.year) >= $year_from) AND ($year_to = 0 OR coalesce(a.year, m.year) <= $year_to)
RETURN o.name AS unit, coalesce(a.year, m.year) AS year, CASE WHEN a IS NULL THEN '目标' ELSE '活动' END AS item,
       coalesce(a.category, m.subject) AS category, coalesce(a.name, m.surface) AS planned,
       coalesce(a.plan_state, m.plan_state, '') AS state, coalesce(a.doc_id, m.doc_id) AS doc_id,
       coalesce(a.evidence, m.evidence) AS evidence
ORDER BY unit, year, doc_id, coalesce(a.start, m.start), coalesce(a.id, m.id)
