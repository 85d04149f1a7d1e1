// title: 哪些单位开展了某类活动
// description: 开展过某一类活动（如读书班、调查研究）的单位，每条附文档、状态与原文证据。
// param: category string default=读书班 choices=categories label=活动类别
// columns: unit, doc_id, title, activity, status, evidence
// chart: bar x=unit
// summary: {unique:unit} 个单位开展了“{category}”（{n} 条记录）：{top:unit}
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:INSTANCE_OF]->(t:ActivityType)
WHERE t.name = $category
OPTIONAL MATCH (d:Document) WHERE d.doc_id = a.doc_id
RETURN o.name AS unit, a.doc_id AS doc_id, d.title AS title, a.name AS activity, a.status AS status,
       a.evidence AS evidence
ORDER BY unit, doc_id, a.start, a.id
