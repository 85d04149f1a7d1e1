// title: 各单位查摆的问题
// description: 报告在“存在的问题/不足/差距”部分或明言“还存在…问题”时写下的问题，每条一句，附单位、年份与原文；可按单位和年份筛选。
// param: unit list default= choices=units label=单位（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// columns: unit, year, problem, doc_id, evidence
// chart: bar x=unit
// summary: {n} 条问题，来自 {unique:unit} 个单位：{top:unit}
WITH $unit AS units
MATCH (p:Problem)
WHERE ($year_from = 0 OR p.year >= $year_from) AND ($year_to = 0 OR p.year <= $year_to)
OPTIONAL MATCH (o:Organization)-[:ADMITS]->(p)
WITH p, o, units
WHERE size(units) = 0 OR any(x IN o.filter_names WHERE x IN units)
RETURN o.name AS unit, p.year AS year, p.text AS problem, p.doc_id AS doc_id, p.evidence AS evidence
ORDER BY unit, year, doc_id, p.start, p.id
