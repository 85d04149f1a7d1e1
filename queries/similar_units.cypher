// title: 相似单位
// description: 与某单位共有活动类别和提法最多的单位（得分 = 共有类别数 + 共有提法数）。
// param: unit string choices=units label=单位
// param: top int default=10 label=显示前几条
// columns: unit, score, categories, slogans, shared_categories, shared_slogans
// chart: bar x=unit y=score
// summary: 与 {unit} 最相似的是 {top:unit}
MATCH (o:Organization) WHERE o.name = $unit OR $unit IN o.aliases
WITH o, o.categories AS my_categories, o.slogans AS my_slogans
MATCH (other:Organization)
WHERE other <> o AND (any(c IN other.categories WHERE c IN my_categories)
                      OR any(s IN other.slogans WHERE s IN my_slogans))
UNWIND other.categories + [''] AS c
WITH other, my_slogans, collect(DISTINCT CASE WHEN c IN my_categories THEN c END) AS shared_categories
UNWIND other.slogans + [''] AS s
WITH other, shared_categories, collect(DISTINCT CASE WHEN s IN my_slogans THEN s END) AS shared_slogans
WITH other, shared_categories, shared_slogans, size(shared_categories) AS categories, size(shared_slogans) AS slogans
RETURN other.name AS unit, categories + slogans AS score, categories, slogans, shared_categories, shared_slogans
ORDER BY score DESC, categories DESC, unit
LIMIT $top
