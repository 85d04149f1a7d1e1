// title: 文档一览
// description: 全部文档的体裁、年份、报告单位，以及各自的活动数和数据数；可按体裁、年份范围、单位筛选（可多选）。
// param: genre list default= choices=genres label=体裁（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// param: unit list default= choices=units label=单位（空为全部）
// columns: doc_id, title, genre, year, unit, activities, figures
// chart: bar x=genre
// summary: {n} 篇文档，{unique:unit} 个报告单位，体裁：{top:genre}
WITH $unit AS wanted, $genre AS genres
MATCH (d:Document)
WHERE (size(genres) = 0 OR d.genre IN genres)
  AND ($year_from = 0 OR d.year >= $year_from) AND ($year_to = 0 OR d.year <= $year_to)
OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d)
WITH wanted, d, o
WHERE size(wanted) = 0 OR o.name IN wanted OR any(x IN o.aliases WHERE x IN wanted)
RETURN d.doc_id AS doc_id, d.title AS title, d.genre AS genre, d.year AS year, o.name AS unit,
       d.n_activities AS activities, d.n_metrics AS figures
ORDER BY doc_id, unit
