// title: 按条件查文档
// description: 提到某些提法、含某类活动、出自某些单位或某年的文档（无报告单位的文档也列出）；“命中”为文档里找到的提法与活动类别。
// param: slogan list default= choices=slogans label=提法（空为不限）
// param: category list default= choices=categories label=活动类别（空为不限）
// param: unit list default= choices=units label=报告单位（空为全部）
// param: genre list default= choices=genres label=体裁（空为全部）
// param: mode string default=any choices=any:任一|all:每个都有 label=几个提法或活动类别：有任一个即可，或每个都要有
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// columns: doc_id, title, genre, year, unit, matched
// chart: bar x=genre
// summary: {n} 篇文档，{unique:unit} 个报告单位：{top:title}
WITH $unit AS units
MATCH (d:Document)
WHERE (size($genre) = 0 OR d.genre IN $genre)
  AND ($year_from = 0 OR d.year >= $year_from) AND ($year_to = 0 OR d.year <= $year_to)
OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d)
WITH d, o, units
WHERE size(units) = 0 OR o.name IN units OR any(x IN o.aliases WHERE x IN units)
OPTIONAL MATCH (d)-[:MENTIONS]->(s:Slogan)
WHERE s.canonical IN $slogan
WITH d, o, collect(DISTINCT s.canonical) AS found_slogans
WHERE size($slogan) = 0 OR size(found_slogans) > 0 AND ($mode <> 'all' OR size(found_slogans) = size($slogan))
OPTIONAL MATCH (a:Activity)
WHERE a.doc_id = d.doc_id AND a.category IN $category
WITH d, o, found_slogans, collect(DISTINCT a.category) AS found_categories
WHERE size($category) = 0 OR size(found_categories) > 0 AND ($mode <> 'all' OR size(found_categories) = size($category))
RETURN d.doc_id AS doc_id, d.title AS title, d.genre AS genre, d.year AS year, o.name AS unit,
       found_slogans + found_categories AS matched
ORDER BY year, doc_id
