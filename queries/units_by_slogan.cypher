// title: 哪些单位提到某个提法
// description: 呼应某一提法（如“四敢争先”）的单位与文档，附是否加引号和原文证据。
// param: slogan string default=两个确立 choices=slogans label=提法
// columns: unit, doc_id, quoted, evidence
// chart: bar x=unit
// summary: {unique:unit} 个单位提到“{slogan}”：{top:unit}
MATCH (o:Organization)-[e:ECHOES]->(s:Slogan)
WHERE s.canonical = $slogan
RETURN o.name AS unit, e.doc_id AS doc_id, e.quoted AS quoted, e.evidence AS evidence
ORDER BY unit, doc_id, e.start
