// title: 单位对比
// description: 把几个单位并排比较（各含其党组、党委与学习小组）：文档数、活动数（已开展 / 计划）、活动类别、数据条数、提法、问题数与共建伙伴；可按活动类别和年份范围限定。
// param: unit list choices=units label=单位（两个或更多）
// param: category list default= choices=categories label=活动类别（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// columns: unit, documents, activities, done, planned_n, categories, figures, slogans, problems, partners
// chart: bar x=unit y=activities
// summary: 对比 {n} 个单位：{top:unit}；活动数依次见表（共 {sum:activities} 条）
WITH $unit AS units
MATCH (u:Organization)
WHERE u.name IN units OR any(x IN u.aliases WHERE x IN units)
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
OPTIONAL MATCH (o)-[:AUTHORED]->(d:Document)
WHERE ($year_from = 0 OR d.year >= $year_from) AND ($year_to = 0 OR d.year <= $year_to)
WITH u, count(DISTINCT d) AS documents
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity)
WHERE (size($category) = 0 OR a.category IN $category)
  AND ($year_from = 0 OR a.year >= $year_from) AND ($year_to = 0 OR a.year <= $year_to)
WITH u, documents, count(DISTINCT a) AS activities,
     count(DISTINCT CASE WHEN a.status = 'done' THEN a END) AS done,
     count(DISTINCT CASE WHEN a.status = 'planned' THEN a END) AS planned_n
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, activities, done, planned_n, collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
UNWIND [false, true] AS viaActivity
OPTIONAL MATCH (o)-[:MEASURED_BY]->(direct:Metric)
WHERE NOT viaActivity AND ($year_from = 0 OR direct.year >= $year_from) AND ($year_to = 0 OR direct.year <= $year_to)
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:MEASURED_BY]->(via:Metric)
WHERE viaActivity AND ($year_from = 0 OR via.year >= $year_from) AND ($year_to = 0 OR via.year <= $year_to)
WITH u, documents, activities, done, planned_n, count(DISTINCT coalesce(direct.id, via.id)) AS figures
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, activities, done, planned_n, figures, collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
OPTIONAL MATCH (o)-[:ADMITS]->(pr:Problem)
WHERE ($year_from = 0 OR pr.year >= $year_from) AND ($year_to = 0 OR pr.year <= $year_to)
WITH u, documents, activities, done, planned_n, figures, count(DISTINCT pr) AS problems
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, activities, done, planned_n, figures, problems, collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity)
WHERE (size($category) = 0 OR a.category IN $category)
  AND ($year_from = 0 OR a.year >= $year_from) AND ($year_to = 0 OR a.year <= $year_to)
WITH u, documents, activities, done, planned_n, figures, problems, collect(DISTINCT a.category) AS categories
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, activities, done, planned_n, figures, problems, categories,
     collect(DISTINCT f.id) + [u.id] AS family
UNWIND family AS member
MATCH (o:Organization {id: member})
OPTIONAL MATCH (o)-[:ECHOES]->(s:Slogan)
WITH u, documents, activities, done, planned_n, figures, problems, categories, collect(DISTINCT s.canonical) AS slogans
OPTIONAL MATCH (f:Organization)-[:SUBUNIT_OF*1..2]->(u)
WITH u, documents, activities, done, planned_n, figures, problems, categories, slogans,
     collect(DISTINCT f.id) + [u.id] AS family
OPTIONAL MATCH (o:Organization)-[:PARTNERED_WITH]-(q:Organization)
WHERE o.id IN family AND NOT q.id IN family
RETURN u.name AS unit, documents, activities, done, planned_n, categories, figures, slogans, problems,
       collect(DISTINCT q.name) AS partners
ORDER BY unit
