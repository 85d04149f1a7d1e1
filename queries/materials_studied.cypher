// title: 学习材料
// description: 各学习材料在多少篇文档中被提到或学习、涉及哪些单位（文档的报送单位与学习它的活动的开展单位）；给出单位名则只看这些单位的文档与活动。按文中提到计，计划中的学习也算。
// param: unit list default= choices=units label=单位（空为全部）
// columns: material, units, documents, studied_by
// chart: bar x=material y=documents
// summary: {n} 种学习材料（文中提到或活动中学习，含计划中的），提到最多的是 {first:material}
WITH $unit AS wanted
MATCH (m:Material)
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(m)
OPTIONAL MATCH (r:Organization)-[:AUTHORED]->(d)
WITH wanted, m,
     collect(DISTINCT CASE WHEN size(wanted) = 0 OR r.name IN wanted THEN d.doc_id END) AS named_in,
     collect(DISTINCT CASE WHEN size(wanted) = 0 OR r.name IN wanted THEN r.name END) AS named_by
OPTIONAL MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:STUDIED]->(m)
WITH m, named_in, named_by,
     collect(DISTINCT CASE WHEN size(wanted) = 0 OR o.name IN wanted THEN a.doc_id END) AS studied_in,
     collect(DISTINCT CASE WHEN size(wanted) = 0 OR o.name IN wanted THEN o.name END) AS studied
UNWIND named_in + studied_in + [''] AS doc
WITH m, named_by, studied, collect(DISTINCT CASE WHEN doc <> '' THEN doc END) AS docs
UNWIND named_by + studied + [''] AS who
WITH m, docs, collect(DISTINCT CASE WHEN who <> '' THEN who END) AS names
WHERE size(docs) > 0
RETURN m.name AS material, size(names) AS units, size(docs) AS documents, names AS studied_by
ORDER BY documents DESC, units DESC, material
