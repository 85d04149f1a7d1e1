// title: 联学共建网络
// description: 单位之间的联学共建、结对共建关系；给出一个或几个单位则只看与它们相关的。
// param: unit list default= choices=units label=单位（空为全部）
// columns: unit, partner, times, documents
// chart: network source=unit target=partner weight=times
// summary: {n} 对共建关系：{top:unit}
WITH $unit AS wanted
MATCH (a:Organization)-[p:PARTNERED_WITH]->(b:Organization)
WHERE size(wanted) = 0 OR a.name IN wanted OR b.name IN wanted
   OR any(x IN a.aliases WHERE x IN wanted) OR any(x IN b.aliases WHERE x IN wanted)
RETURN a.name AS unit, b.name AS partner, count(p) AS times, count(DISTINCT p.doc_id) AS documents
ORDER BY times DESC, unit, partner
