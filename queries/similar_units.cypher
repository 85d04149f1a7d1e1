// title: 相似单位
// description: 与某单位共有活动类别和提法最多的单位（得分 = 共有类别数 + 共有提法数）。
// param: unit string choices=units label=单位
// param: top int default=10 label=显示前几条
// columns: unit, score, categories, slogans, shared_categories, shared_slogans
// chart: bar x=unit y=score
// summary: 与 {unit} 最相似的是 {top:unit}
MATCH (o:Organization) WHERE o.name = $unit OR $unit IN o.aliases
UNWIND o.categories + o.slogans AS item
WITH DISTINCT o, item, item IN o.categories AS my_category, item IN o.slogans AS my_slogan
MATCH (other:Organization)
WHERE other <> o AND ((my_category AND item IN other.categories) OR (my_slogan AND item IN other.slogans))
WITH other, collect(CASE WHEN my_category AND item IN other.categories THEN item END) AS shared_categories,
     collect(CASE WHEN my_slogan AND item IN other.slogans THEN item END) AS shared_slogans
WITH other, shared_categories, shared_slogans, size(shared_categories) AS categories, size(shared_slogans) AS slogans
RETURN other.name AS unit, categories + slogans AS score, categories, slogans, shared_categories, shared_slogans
ORDER BY score DESC, categories DESC, unit
LIMIT $top
