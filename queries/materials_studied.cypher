// title: 学习材料
// description: 各学习材料在多少篇文档中被提到或学习、涉及哪些单位（文档的报送单位与学习它的活动的开展单位）；给出单位名则只看这些单位的文档与活动。按文中提到计，计划中的学习也算。
// param: unit list default= choices=units label=单位（空为全部）
// columns: material, units, documents, studied_by
// chart: bar x=material y=documents
// summary: {n} 种学习材料（文中提到或活动中学习，含计划中的），提到最多的是 {first:material}
WITH $unit AS wanted
MATCH (m:Material)
UNWIND [false, true] AS by_activity
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(m) WHERE NOT by_activity
OPTIONAL MATCH (r:Organization)-[:AUTHORED]->(d)
OPTIONAL MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:STUDIED]->(m) WHERE by_activity
WITH wanted, m, CASE WHEN by_activity THEN a.doc_id ELSE d.doc_id END AS doc,
     CASE WHEN by_activity THEN o.name ELSE r.name END AS who
WHERE size(wanted) = 0 OR who IN wanted
WITH m, collect(DISTINCT doc) AS docs, collect(DISTINCT who) AS names
WHERE size(docs) > 0
RETURN m.name AS material, size(names) AS units, size(docs) AS documents, names AS studied_by
ORDER BY documents DESC, units DESC, material
