// title: 提法热度
// description: 各提法被多少个单位、多少篇文档呼应，按单位数排序。
// param: top int default=20 label=显示前几条
// columns: slogan, units, documents
// chart: bar x=slogan y=units
// summary: 最常见的提法：{top:slogan}（前 {n} 条）
MATCH (s:Slogan)
OPTIONAL MATCH (o:Organization)-[:ECHOES]->(s)
WITH s, count(DISTINCT o) AS units
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(s)
RETURN s.canonical AS slogan, units, count(DISTINCT d) AS documents
ORDER BY units DESC, documents DESC, slogan
LIMIT $top
