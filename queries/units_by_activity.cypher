// title: 哪些单位开展了某类活动
// description: 开展过某一类或几类活动（如读书班、调查研究）的单位，每条附文档、状态与原文证据；默认只计已开展的，计划与要求可在“状态”中加选。
// param: category list default=读书班 choices=categories label=活动类别
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// columns: unit, doc_id, title, activity, status, evidence
// chart: bar x=unit
// summary: {unique:unit} 个单位{status?planned:计划开展|urged:被要求开展|*:开展了}“{category}”（状态：{status}；{n} 条记录）：{top:unit}
WITH $category AS categories, $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:INSTANCE_OF]->(t:ActivityType)
WHERE t.name IN categories AND (size(statuses) = 0 OR a.status IN statuses)
OPTIONAL MATCH (d:Document) WHERE d.doc_id = a.doc_id
RETURN o.name AS unit, a.doc_id AS doc_id, d.title AS title, a.name AS activity, a.status AS status,
       a.evidence AS evidence
ORDER BY unit, doc_id, a.start, a.id
