// title: 学习材料
// description: 各学习材料被多少个单位、多少篇文档学习；给出单位名则只看它学了什么。
// param: unit string default= choices=units label=单位（可空）
// columns: material, units, documents, studied_by
// chart: bar x=material y=units
// summary: {n} 种学习材料，最多单位学习的是 {first:material}
MATCH (o:Organization)-[:CONDUCTED]->(a:Activity)-[:STUDIED]->(m:Material)
WHERE $unit = '' OR o.name = $unit OR $unit IN o.aliases
RETURN m.name AS material, count(DISTINCT o) AS units, count(DISTINCT a.doc_id) AS documents,
       collect(DISTINCT o.name) AS studied_by
ORDER BY units DESC, documents DESC, material
