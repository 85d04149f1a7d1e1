// title: 单位概况
// description: 一个单位的文档、活动、数据、提法、共建伙伴与上下级单位，一行看全；活动默认只计已开展的。
// param: unit string choices=units label=单位
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=活动状态（空为全部）
// columns: unit, kind, aliases, reports, activities, categories, figures, slogans, partners, related
// chart: table
// summary: {first:unit}：{first:activities} 项活动（状态：{status}）、{first:figures} 个数据
MATCH (o:Organization) WHERE o.name = $unit OR $unit IN o.aliases
OPTIONAL MATCH (o)-[:AUTHORED]->(d:Document)
WITH o, collect(DISTINCT d.title) AS reports
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity)
WHERE size($status) = 0 OR a.status IN $status
WITH o, reports, count(DISTINCT a) AS activities, collect(DISTINCT a.category) AS categories
OPTIONAL MATCH (o)-[:MEASURED_BY|CONDUCTED*1..2]->(m:Metric)
WITH o, reports, activities, categories, count(DISTINCT m) AS figures
OPTIONAL MATCH (o)-[:ECHOES]->(s:Slogan)
WITH o, reports, activities, categories, figures, collect(DISTINCT s.canonical) AS slogans
OPTIONAL MATCH (o)-[:PARTNERED_WITH]-(p:Organization)
WITH o, reports, activities, categories, figures, slogans, collect(DISTINCT p.name) AS partners
OPTIONAL MATCH (o)-[:SUBUNIT_OF]-(r:Organization)
RETURN o.name AS unit, o.kind AS kind, o.aliases AS aliases, reports, activities, categories, figures,
       slogans, partners, collect(DISTINCT r.name) AS related
