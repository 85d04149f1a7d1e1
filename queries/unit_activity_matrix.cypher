// title: 单位 × 活动类别
// description: 每个单位开展各类活动的条数与涉及文档数，可画成热力图。
// columns: unit, category, activities, documents
// chart: heatmap x=category y=unit value=activities
// summary: {unique:unit} 个单位、{unique:category} 类活动，共 {sum:activities} 条活动记录
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
RETURN o.name AS unit, a.category AS category, count(a) AS activities,
       count(DISTINCT a.doc_id) AS documents
ORDER BY unit, category
