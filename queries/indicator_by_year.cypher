// title: 指标的目标与实际（按年）
// description: 一个指标（默认国内生产总值增长）每年定下的目标与之后报告的实际：目标取当年报告里的目标数（区间 6%－6.5% 有上下限），实际取最早报告该年实际的报告。
// param: indicator string default=国内生产总值增长 label=指标（如国内生产总值增长、居民消费价格涨幅、城镇调查失业率）
// columns: year, target, target_low, target_high, actual, actual_value, target_doc, actual_doc
// chart: bar x=year y=actual_value
// summary: {indicator}：{n} 个年份，{count:target} 年有目标、{count:actual} 年有实际
MATCH (m:Metric)
WHERE m.indicator = $indicator AND m.period IS NOT NULL AND m.kind IN ['target', 'actual']
WITH m.period AS year, min(CASE WHEN m.kind = 'target' THEN m.year END) AS set_in,
     min(CASE WHEN m.kind = 'actual' THEN m.year END) AS reported_in
MATCH (n:Metric)
WHERE n.indicator = $indicator AND n.period = year
  AND ((n.kind = 'target' AND n.year = set_in) OR (n.kind = 'actual' AND n.year = reported_in))
RETURN year,
       min(CASE WHEN n.kind = 'target' THEN n.surface END) AS target,
       min(CASE WHEN n.kind = 'target' THEN coalesce(n.low, n.value) END) AS target_low,
       max(CASE WHEN n.kind = 'target' THEN coalesce(n.high, n.value) END) AS target_high,
       min(CASE WHEN n.kind = 'actual' THEN n.surface END) AS actual,
       min(CASE WHEN n.kind = 'actual' THEN n.value END) AS actual_value,
       min(CASE WHEN n.kind = 'target' THEN n.doc_id END) AS target_doc,
       min(CASE WHEN n.kind = 'actual' THEN n.doc_id END) AS actual_doc
ORDER BY year
