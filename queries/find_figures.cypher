// title: 按条件查数据
// description: 按单位、年份范围、类型（目标 / 实际 / 一般）、计数对象或指标筛选数据；“所指年份”为数据说的是哪一年。
// param: unit list default= choices=units label=单位（空为全部）
// param: year_from int default=0 choices=years label=起始年份（0 为不限）
// param: year_to int default=0 choices=years label=截止年份（0 为不限）
// param: kind list default= choices=target:目标|actual:实际|plain:一般 label=类型（空为全部）
// param: subject string default= label=计数对象包含（可空）
// columns: unit, value, measure, subject, kind, period, year, section, doc_id, evidence
// chart: table
// summary: {n} 个数据，{unique:unit} 个单位：{top:subject}
WITH $unit AS units, $kind AS kinds
MATCH (m:Metric)
WHERE (size(kinds) = 0 OR m.kind IN kinds)
  AND ($year_from = 0 OR m.year >= $year_from) AND ($year_to = 0 OR m.year <= $year_to)
  AND ($subject = '' OR m.subject CONTAINS $subject OR m.indicator = $subject)
OPTIONAL MATCH (o:Organization)
WHERE o.name = m.org
WITH m, o, units
WHERE size(units) = 0 OR any(x IN o.filter_names WHERE x IN units)
RETURN m.org AS unit, m.value AS value, m.unit AS measure, m.subject AS subject, m.kind AS kind,
       m.period AS period, m.year AS year, m.section AS section, m.doc_id AS doc_id, m.evidence AS evidence
ORDER BY year, doc_id, m.start, m.id
