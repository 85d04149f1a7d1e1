// title: 提法的时间线
// description: 一个或几个提法逐年出现在多少篇文档、多少个单位，以及是哪些单位（空则列出全部提法）。
// param: slogan list default= choices=slogans label=提法（空为全部）
// columns: slogan, year, documents, units, units_list
// chart: bar x=year y=documents
// summary: {unique:slogan} 个提法、{unique:year} 个年份，共 {sum:documents} 篇次：{top:slogan}
WITH $slogan AS slogans
MATCH (d:Document)-[:MENTIONS]->(s:Slogan)
WHERE (size(slogans) = 0 OR s.canonical IN slogans) AND d.year IS NOT NULL
OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d)
RETURN s.canonical AS slogan, d.year AS year, count(DISTINCT d) AS documents, count(DISTINCT o) AS units,
       collect(DISTINCT o.name) AS units_list
ORDER BY slogan, year
