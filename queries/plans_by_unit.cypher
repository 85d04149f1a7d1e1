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
MATCH (o:Organization)-[:CONDUCTED|MEASURED_BY*1..2]->(x)
WHERE (x.status = 'planned' OR x.kind = 'target') AND (size($category) = 0 OR x.category IN $category)
  AND ($year_from = 0 OR x.year >= $year_from) AND ($year_to = 0 OR x.year <= $year_to)
OPTIONAL MATCH (o)-[:SUBUNIT_OF*1..2]->(up:Organization)
WITH o, x, units, collect(up.name) AS ups
WHERE size(units) = 0 OR o.name IN units OR any(y IN o.aliases WHERE y IN units) OR any(y IN ups WHERE y IN units)
WITH DISTINCT o, x
RETURN o.name AS unit, x.year AS year, CASE WHEN x.category IS NULL THEN '目标' ELSE '活动' END AS item,
       coalesce(x.category, x.subject) AS category, coalesce(x.name, x.surface) AS planned,
       coalesce(x.plan_state, '') AS state, x.doc_id AS doc_id, x.evidence AS evidence
ORDER BY unit, year, doc_id, x.start, x.id
