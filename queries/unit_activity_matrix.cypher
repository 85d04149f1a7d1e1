// title: 单位 × 活动类别
// description: 每个单位开展各类活动的条数与涉及文档数，可画成热力图；默认只计已开展的。未识别开展单位的活动不在其中。
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// columns: unit, category, activities, documents
// chart: heatmap x=category y=unit value=activities
// summary: {unique:unit} 个单位、{unique:category} 类活动，共 {sum:activities} 条活动记录（状态：{status}）
WITH $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE size(statuses) = 0 OR a.status IN statuses
RETURN o.name AS unit, a.category AS category, count(a) AS activities,
       count(DISTINCT a.doc_id) AS documents
ORDER BY unit, category
