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
UNWIND family AS member
MATCH (o:Organization {id: member})
UNWIND [false, true] AS viaActivity
OPTIONAL MATCH (o)-[:CONDUCTED|MEASURED_BY|ADMITS]->(own) WHERE NOT viaActivity
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:MEASURED_BY]->(via:Metric) WHERE viaActivity
WITH DISTINCT u, coalesce(own.id, via.id) AS item, coalesce(own.year, via.year) AS year,
     coalesce(own.doc_id, via.doc_id) AS doc_id, own.category AS category, own.status AS status,
     coalesce(own.subject, via.subject) AS subject, coalesce(own.surface, via.surface) AS surface, own.text AS text
WHERE item IS NOT NULL AND year IS NOT NULL
RETURN u.name AS unit, year, count(DISTINCT doc_id) AS documents,
       sum(CASE WHEN category IS NOT NULL THEN 1 ELSE 0 END) AS activities,
       sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done,
       sum(CASE WHEN status = 'planned' THEN 1 ELSE 0 END) AS planned_n,
       collect(DISTINCT category) AS categories,
       collect(DISTINCT CASE WHEN surface IS NOT NULL THEN coalesce(subject, '') + ' ' + surface END) AS figure_items,
       sum(CASE WHEN text IS NOT NULL THEN 1 ELSE 0 END) AS problems
ORDER BY unit, year
