// title: 哪些单位开展了这些活动
// description: 开展了所选活动类别的单位：可选开展了其中任一类，或每一类都开展过（“既开展了读书班又开展了调研”）；可按状态、年份、合作单位与提法筛选。
// param: category list default= choices=categories label=活动类别（空为全部）
// param: mode string default=any choices=any:任一类|all:每一类都开展 label=任一类或每一类都开展
// param: status list default= choices=done:已开展|planned:计划|urged:要求 label=状态（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// param: partner string default= choices=units label=合作单位（可空）
// param: slogan string default= choices=slogans label=提到的提法（可空）
// columns: unit, categories, activities, documents
// chart: bar x=unit y=activities
// summary: {n} 个单位{status?planned:计划开展|urged:被要求开展|*:开展了}“{category}”（状态：{status}；{mode}；{sum:activities} 条活动记录）：{top:unit}
WITH $category AS wanted, $status AS statuses
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)
WHERE (size(wanted) = 0 OR a.category IN wanted)
  AND (size(statuses) = 0 OR a.status IN statuses)
  AND ($year_from = 0 OR a.year >= $year_from) AND ($year_to = 0 OR a.year <= $year_to)
OPTIONAL MATCH (o)-[p:PARTNERED_WITH]-(q:Organization)
WHERE $partner <> '' AND p.doc_id = a.doc_id AND p.start = a.start AND (q.name = $partner OR $partner IN q.aliases)
WITH o, a, count(q) AS with_partner
WHERE $partner = '' OR with_partner > 0
WITH o, collect(DISTINCT a.category) AS found, count(DISTINCT a) AS activities, count(DISTINCT a.doc_id) AS documents
WHERE $mode <> 'all' OR size(found) >= size($category)
OPTIONAL MATCH (o)-[:ECHOES]->(s:Slogan)
WHERE $slogan <> '' AND s.canonical = $slogan
WITH o, found, activities, documents, count(s) AS echoes
WHERE $slogan = '' OR echoes > 0
RETURN o.name AS unit, found AS categories, activities, documents
ORDER BY activities DESC, unit
