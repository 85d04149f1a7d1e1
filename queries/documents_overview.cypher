// title: 文档一览
// description: 全部文档的体裁、年份、报告单位，以及各自的活动数和数据数；可按体裁、年份、单位筛选。
// param: genre string default= choices=genres label=体裁（可空）
// param: year int default=0 choices=years label=年份（0 为全部）
// param: unit string default= choices=units label=单位（可空）
// columns: doc_id, title, genre, year, unit, activities, figures
// chart: bar x=genre
// summary: {n} 篇文档，{unique:unit} 个报告单位，体裁：{top:genre}
MATCH (d:Document)
WHERE ($genre = '' OR d.genre = $genre) AND ($year = 0 OR d.year = $year)
OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d)
WITH d, o
WHERE $unit = '' OR o.name = $unit OR $unit IN o.aliases
RETURN d.doc_id AS doc_id, d.title AS title, d.genre AS genre, d.year AS year, o.name AS unit,
       d.n_activities AS activities, d.n_metrics AS figures
ORDER BY doc_id, unit
