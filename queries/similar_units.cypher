// title: 相似单位
// description: 与某单位共有活动类别和提法最多的单位（得分 = 共有类别数 + 共有提法数）。
// param: unit string choices=units label=单位
// param: top int default=10 label=显示前几条
// columns: unit, score, categories, slogans, shared_categories, shared_slogans
// chart: bar x=unit y=score
// summary: 与 {unit} 最相似的是 {top:unit}
MATCH (o:Organization) WHERE o.name = $unit OR $unit IN o.aliases
OPTIONAL MATCH (o)-[:CONDUCTED]->(a:Activity)
WITH o, collect(DISTINCT a.category) AS my_categories
OPTIONAL MATCH (o)-[:ECHOES]->(s:Slogan)
WITH o, my_categories, collect(DISTINCT s.canonical) AS my_slogans
MATCH (other:Organization) WHERE other <> o
OPTIONAL MATCH (other)-[:CONDUCTED]->(b:Activity) WHERE b.category IN my_categories
WITH other, my_slogans, collect(DISTINCT b.category) AS shared_categories
OPTIONAL MATCH (other)-[:ECHOES]->(t:Slogan) WHERE t.canonical IN my_slogans
WITH other, shared_categories, collect(DISTINCT t.canonical) AS shared_slogans
WITH other, shared_categories, shared_slogans, size(shared_categories) AS categories, size(shared_slogans) AS slogans
WHERE categories + slogans > 0
RETURN other.name AS unit, categories + slogans AS score, categories, slogans, shared_categories, shared_slogans
ORDER BY score DESC, categories DESC, unit
LIMIT $top
