// title: 按条件查活动
// description: 按单位（可多选）、活动类别（可多选）、状态、年份范围与合作单位筛选活动，每条附年份、所在部分与原文证据；问句“2023年市妇联开展了哪些活动”由它回答。
// param: unit list default= choices=units label=单位（空为全部）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: status list default= choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// param: partner string default= choices=units label=合作单位（可空）
// columns: unit, category, activity, status, year, section, doc_id, evidence
// chart: bar x=category
// summary: {n} 条活动记录，{unique:unit} 个单位、{unique:category} 类：{top:unit}
WITH $unit AS units, $category AS categories, $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE (size(categories) = 0 OR a.category IN categories)
  AND (size(statuses) = 0 OR a.status IN statuses)
  AND ($year_from = 0 OR a.year >= $year_from) AND ($year_to = 0 OR a.year <= $year_to)
  AND (size(units) = 0 OR any(x IN o.filter_names WHERE x IN units))
OPTIONAL MATCH (o)-[p:PARTNERED_WITH]-(q:Organization)
WHERE $partner <> '' AND p.doc_id = a.doc_id AND p.start = a.start AND (q.name = $partner OR $partner IN q.aliases)
WITH o, a, count(q) AS with_partner
WHERE $partner = '' OR with_partner > 0
RETURN o.name AS unit, a.category AS category, a.name AS activity, a.status AS status, a.year AS year,
       a.section AS section, a.doc_id AS doc_id, a.evidence AS evidence
ORDER BY unit, doc_id, a.start, a.id
