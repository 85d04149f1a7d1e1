// title: 某单位报告了哪些活动
// description: 一个或几个单位（名称或简称均可）报告的活动，含类别、状态与原文证据；默认只列已开展的，计划与要求可在“状态”中加选。
// param: unit list choices=units label=单位
// param: status list default=done choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// columns: unit, category, activity, status, doc_id, evidence
// chart: bar x=category
// summary: {unit} 报告了 {n} 项活动（状态：{status}），涉及 {unique:category} 类：{top:category}
WITH $unit AS wanted, $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE (o.name IN wanted OR any(x IN o.aliases WHERE x IN wanted))
  AND (size(statuses) = 0 OR a.status IN statuses)
RETURN o.name AS unit, a.category AS category, a.name AS activity, a.status AS status, a.doc_id AS doc_id,
       a.evidence AS evidence
ORDER BY unit, doc_id, a.start, a.id
