// title: 脱敏数据
// description: 含脱敏数字（**名、XX篇）的文档与单位：脱敏个数与数字总数。
// columns: doc_id, title, unit, masked, figures
// chart: bar x=doc_id y=masked
// summary: {n} 处文档/单位含脱敏数据，共 {sum:masked} 个脱敏数字：{top:unit}
MATCH (m:Metric)
WITH m.doc_id AS doc_id, m.org AS unit, count(m) AS figures,
     sum(CASE WHEN m.masked THEN 1 ELSE 0 END) AS masked
WHERE masked > 0
OPTIONAL MATCH (d:Document) WHERE d.doc_id = doc_id
RETURN doc_id, d.title AS title, unit, masked, figures
ORDER BY masked DESC, doc_id, unit
