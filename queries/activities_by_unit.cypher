// title: 某单位报告了哪些活动
// description: 一个单位（名称或简称均可）报告的全部活动，含类别、状态（done 已开展 / planned 计划 / urged 要求）与原文证据。
// param: unit string choices=units label=单位
// columns: category, activity, status, doc_id, evidence
// chart: bar x=category
// summary: {unit} 报告了 {n} 项活动，涉及 {unique:category} 类：{top:category}
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE o.name = $unit OR $unit IN o.aliases
RETURN a.category AS category, a.name AS activity, a.status AS status, a.doc_id AS doc_id,
       a.evidence AS evidence
ORDER BY doc_id, a.start, a.id
