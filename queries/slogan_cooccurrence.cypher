// title: 提法共现
// description: 在同一篇文档里一起出现的两个提法，按共同出现的文档数排序。
// param: top int default=20 label=显示前几条
// columns: slogan_a, slogan_b, documents
// chart: network source=slogan_a target=slogan_b weight=documents
// summary: {n} 对提法同文出现，最常见：{first:slogan_a} + {first:slogan_b}
MATCH (d:Document)-[:MENTIONS]->(s1:Slogan), (d)-[:MENTIONS]->(s2:Slogan)
WHERE s1.canonical < s2.canonical
RETURN s1.canonical AS slogan_a, s2.canonical AS slogan_b, count(DISTINCT d) AS documents
ORDER BY documents DESC, slogan_a, slogan_b
LIMIT $top
