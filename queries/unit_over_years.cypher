// title: 单位历年情况
// description: 一个或几个单位逐年的文档数、活动数（已开展 / 计划）、活动类别、数据与问题数，数据逐条并列，便于看一年到下一年的变化。
// param: unit list choices=units label=单位
// columns: unit, year, documents, activities, done, planned_n, categories, figure_items, problems
// chart: bar x=year y=activities
// summary: {unique:unit} 个单位、{n} 个年份：{top:year}
WITH $unit AS units
MATCH (u:Organization)
WHERE u.name IN units OR any(y IN u.aliases WHERE y IN units)
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, collect(DISTINCT f.id) + [u.id] AS family
MATCH (o:Organization)-[:CONDUCTED|MEASURED_BY|ADMITS*1..2]->(x)
WHERE o.id IN family AND x.year IS NOT NULL
WITH DISTINCT u, x
RETURN u.name AS unit, x.year AS year, count(DISTINCT x.doc_id) AS documents,
       sum(CASE WHEN x.category IS NOT NULL THEN 1 ELSE 0 END) AS activities,
       sum(CASE WHEN x.status = 'done' THEN 1 ELSE 0 END) AS done,
       sum(CASE WHEN x.status = 'planned' THEN 1 ELSE 0 END) AS planned_n,
       collect(DISTINCT x.category) AS categories,
       collect(DISTINCT CASE WHEN x.surface IS NOT NULL THEN coalesce(x.subject, '') + ' ' + x.surface END) AS figure_items,
       sum(CASE WHEN x.text IS NOT NULL THEN 1 ELSE 0 END) AS problems
ORDER BY unit, year
