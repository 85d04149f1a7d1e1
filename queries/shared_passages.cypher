// title: 雷同文字（套话）
// description: 几个单位的报告几乎逐字相同的句子和段落（数字不同也算），按共享的单位数排序；可只看某些单位参与的，或只看句子/段落。
// param: unit list default= choices=units label=单位（空为全部）
// param: kind string default= choices=sentence:句子|paragraph:段落 label=句子或段落（空为两者）
// param: top int default=50 label=显示前几条
// columns: passage, kind, units, documents, units_list, doc_ids
// chart: bar x=passage y=units
// summary: {n} 段雷同文字，最多被 {first:units} 个单位共用：{first:passage}
WITH $unit AS wanted
MATCH (p:Passage)
WHERE ($kind = '' OR p.kind = $kind) AND (size(wanted) = 0 OR any(u IN p.units WHERE u IN wanted))
RETURN p.text AS passage, p.kind AS kind, p.n_units AS units, p.n_documents AS documents, p.units AS units_list,
       p.doc_ids AS doc_ids
ORDER BY units DESC, documents DESC, passage, kind
LIMIT $top
