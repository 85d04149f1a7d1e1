// title: 相似单位
// description: 与某单位共有活动类别和提法最多的单位（得分 = 共有类别数 + 共有提法数）。
// param: unit string choices=units label=单位
// param: top int default=10 label=显示前几条
// columns: unit, score, categories, slogans, shared_categories, shared_slogans
// chart: bar x=unit y=score
// summary: 与 {unit} 最相似的是 {top:unit}
MATCH (o:Organization) WHERE o.name = $unit OR $unit IN o.aliases
MATCH (other:Organization) WHERE other <> o
OPTIONAL MATCH (o)-[:CONDUCTED]->(:Activity)-[:INSTANCE_OF]->(t:ActivityType)<-[:INSTANCE_OF]-(:Activity)<-[:CONDUCTED]-(other)
WITH o, other, count(DISTINCT t) AS categories, collect(DISTINCT t.name) AS shared_categories
OPTIONAL MATCH (o)-[:ECHOES]->(s:Slogan)<-[:ECHOES]-(other)
WITH other, categories, shared_categories, count(DISTINCT s) AS slogans, collect(DISTINCT s.canonical) AS shared_slogans
WHERE categories + slogans > 0
RETURN other.name AS unit, categories + slogans AS score, categories, slogans, shared_categories, shared_slogans
ORDER BY score DESC, categories DESC, unit
LIMIT $top
