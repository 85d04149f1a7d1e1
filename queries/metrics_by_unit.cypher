// title: 单位报告的数据
// description: 一个单位报告的数字（直接报告的和附在其活动上的），可按“计数对象”筛选；masked 为脱敏数字（**、XX）。
// param: unit string choices=units label=单位
// param: subject string default= label=计数对象包含（可空）
// columns: value, unit, subject, approx, masked, doc_id, evidence
// chart: table
// summary: {unit} 报告了 {n} 个数据，其中 {count:masked} 个脱敏：{top:subject}
MATCH (o:Organization)-[:MEASURED_BY|CONDUCTED*1..2]->(m:Metric)
WHERE (o.name = $unit OR $unit IN o.aliases) AND ($subject = '' OR m.subject CONTAINS $subject)
WITH DISTINCT m
RETURN m.value AS value, m.unit AS unit, m.subject AS subject, m.approx AS approx, m.masked AS masked,
       m.doc_id AS doc_id, m.evidence AS evidence
ORDER BY doc_id, m.start, m.id
