// title: 联学共建网络
// description: 单位之间的联学共建、结对共建关系；给出单位名则只看与它相关的。
// param: unit string default= choices=units label=单位（可空）
// columns: unit, partner, times, documents
// chart: network source=unit target=partner weight=times
// summary: {n} 对共建关系：{top:unit}
MATCH (a:Organization)-[p:PARTNERED_WITH]->(b:Organization)
WHERE $unit = '' OR a.name = $unit OR b.name = $unit OR $unit IN a.aliases OR $unit IN b.aliases
RETURN a.name AS unit, b.name AS partner, count(p) AS times, count(DISTINCT p.doc_id) AS documents
ORDER BY times DESC, unit, partner
