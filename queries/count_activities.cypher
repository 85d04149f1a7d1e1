// title: 活动计数
// description: 按单位、类别与年份数活动：“活动数”为提到这类活动的条数；“次数”为文中写明的次数之和（“举办读书班2期”计 2，“计入的次数”列出计入的数字），没写次数的按提到的条数计；“文档数”为来源文档数。
// param: unit list default= choices=units label=单位（空为全部）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// columns: unit, category, year, activities, times, counted, documents
// chart: bar x=unit y=times
// summary: 共 {sum:times} 次（{sum:activities} 条活动记录，{n} 组：单位 × 类别 × 年份），来自 {unique:unit} 个单位：{top:unit}
WITH $unit AS units, $category AS categories, $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE (size(categories) = 0 OR a.category IN categories)
  AND (size(statuses) = 0 OR a.status IN statuses)
  AND ($year_from = 0 OR a.year >= $year_from) AND ($year_to = 0 OR a.year <= $year_to)
  AND (size(units) = 0 OR any(x IN o.filter_names WHERE x IN units))
WITH o, a.category AS category, a.year AS year, count(a) AS activities, count(DISTINCT a.doc_id) AS documents,
     collect(DISTINCT a.name) AS names, collect(DISTINCT a.doc_id) AS docs, collect(DISTINCT a.status) AS said
OPTIONAL MATCH (o)-[:MEASURED_BY|CONDUCTED*1..2]->(m:Metric)
WHERE m.doc_id IN docs AND m.unit IN ['次', '场', '期', '轮', '堂', '节', '批', '场次', '期次'] AND NOT m.masked
  AND m.kind IN CASE WHEN 'planned' IN said THEN ['target', 'actual', 'plain'] ELSE ['actual', 'plain'] END
  AND (m.subject CONTAINS category OR any(n IN names WHERE m.subject CONTAINS n))
WITH DISTINCT o, category, year, activities, documents, m
WITH o, category, year, activities, documents, sum(m.value) AS stated, collect(m.surface) AS counted
RETURN o.name AS unit, category, year, activities,
       CASE WHEN stated IS NULL OR stated = 0 THEN activities ELSE stated END AS times, counted, documents
ORDER BY unit, category, year
