// title: 单位报告的数据
// description: 一个或几个单位报告的数字（直接报告的和附在其活动上的），可按“计数对象”筛选；“隐去”为脱敏数字（**、XX）。附在活动上的数字按活动状态筛选，直接报告的数字总是列出。
// param: unit list choices=units label=单位
// param: subject string default= label=计数对象包含（可空）
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=活动状态（空为全部）
// columns: value, unit, subject, approx, masked, status, doc_id, evidence
// chart: table
// summary: {unit} 报告了 {n} 个数据（活动状态：{status}），其中 {count:masked} 个脱敏：{top:subject}
WITH $unit AS wanted
MATCH (o:Organization)
WHERE o.name IN wanted OR any(x IN o.aliases WHERE x IN wanted)
UNWIND [false, true] AS viaActivity
OPTIONAL MATCH (o)-[:MEASURED_BY]->(direct:Metric) WHERE NOT viaActivity
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:MEASURED_BY]->(via:Metric) WHERE viaActivity
WITH DISTINCT coalesce(direct.id, via.id) AS metric
MATCH (m:Metric {id: metric})
WHERE $subject = '' OR m.subject CONTAINS $subject
OPTIONAL MATCH (a:Activity)-[:MEASURED_BY]->(m)
WITH m, a
WHERE a IS NULL OR size($status) = 0 OR a.status IN $status
RETURN m.value AS value, m.unit AS unit, m.subject AS subject, m.approx AS approx, m.masked AS masked,
       a.status AS status, m.doc_id AS doc_id, m.evidence AS evidence
ORDER BY doc_id, m.start, m.id, status
