// title: 哪些单位学习了某种材料
// description: 提到或学习某一学习材料（如《习近平著作选读》）的单位：文档提到它的报送单位，与开展学习它的活动的单位；附文档数与文档号。计划中的学习也算。
// param: material string choices=materials label=学习材料
// columns: unit, how, documents, doc_ids
// chart: bar x=unit y=documents
// summary: {unique:unit} 个单位提到或学习了“{material}”：{top:unit}
MATCH (m:Material)
WHERE m.name = $material
UNWIND [false, true] AS by_activity
OPTIONAL MATCH (r:Organization)-[:AUTHORED]->(d:Document)-[:MENTIONS]->(m) WHERE NOT by_activity
OPTIONAL MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:STUDIED]->(m) WHERE by_activity
WITH CASE WHEN by_activity THEN o.name ELSE r.name END AS unit,
     CASE WHEN by_activity THEN a.doc_id ELSE d.doc_id END AS doc,
     by_activity
WHERE unit IS NOT NULL
WITH unit, collect(DISTINCT doc) AS docs, max(CASE WHEN by_activity THEN 1 ELSE 0 END) AS studied,
     min(CASE WHEN by_activity THEN 1 ELSE 0 END) AS only_studied
RETURN unit,
       CASE WHEN only_studied = 1 THEN '开展学习活动' WHEN studied = 1 THEN '文档提到并开展学习活动' ELSE '文档提到' END AS how,
       size(docs) AS documents, docs AS doc_ids
ORDER BY documents DESC, unit
