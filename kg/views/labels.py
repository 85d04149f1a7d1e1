"""Chinese names and colours for the graph's labels and relationships.

The analysts read Chinese; the schema speaks English. Every page shows
labels through these tables so a label is named the same way everywhere
(chart legends, the explorer, the document highlights).
"""
from __future__ import annotations

__all__ = [
    "KIND_NAMES",
    "LABEL_NAMES",
    "REL_NAMES",
    "LABEL_COLOURS",
    "STATUS_NAMES",
    "name_label",
    "name_rel",
    "describe_node_name",
    "COLUMN_NAMES",
    "name_column",
    "PROPERTY_NAMES",
    "name_property",
]

LABEL_NAMES: dict[str, str] = {
    "Document": "文档",
    "Organization": "单位",
    "Activity": "活动",
    "ActivityType": "活动类别",
    "Metric": "数据",
    "Slogan": "提法",
    "Material": "学习材料",
    "Problem": "问题",
    "Passage": "雷同段落",
}

REL_NAMES: dict[str, str] = {
    "AUTHORED": "报送",
    "MENTIONS": "提及",
    "CONDUCTED": "开展",
    "INSTANCE_OF": "属于类别",
    "MEASURED_BY": "数据",
    "STUDIED": "学习材料",
    "PARTNERED_WITH": "联学共建",
    "SUBUNIT_OF": "隶属",
    "ECHOES": "呼应提法",
    "ADMITS": "查摆问题",
    "FOLLOWED_BY": "计划落实",
    "SHARES": "雷同文字",
}

# Colour-blind-safe (Okabe–Ito: its eight colours, one per label) so the labels stay distinguishable.
LABEL_COLOURS: dict[str, str] = {
    "Document": "#999999",
    "Organization": "#0072B2",
    "Activity": "#E69F00",
    "ActivityType": "#D55E00",
    "Metric": "#009E73",
    "Slogan": "#CC79A7",
    "Material": "#56B4E9",
    "Problem": "#F0E442",
    "Passage": "#000000",
}

STATUS_NAMES: dict[str, str] = {"done": "已开展", "planned": "计划", "urged": "要求"}
# A figure's kind and a shared passage's kind, as a reader says them (a unit's kind is Chinese already).
KIND_NAMES: dict[str, str] = {"target": "目标", "actual": "实际", "plain": "一般", "sentence": "句子",
                              "paragraph": "段落"}


def name_label(label: str) -> str:
    """The Chinese name of a node label (the label itself when unknown).

    >>> name_label("Organization")
    '单位'
    """
    return LABEL_NAMES.get(label, label)


def name_rel(rel_type: str) -> str:
    """The Chinese name of a relationship type.

    >>> name_rel("ECHOES")
    '呼应提法'
    """
    return REL_NAMES.get(rel_type, rel_type)


def describe_node_name(attrs: dict) -> str:
    """The one-line name a reader recognizes a node by.

    Nodes of different labels keep their name in different properties
    (a document's title, a slogan's canonical form, a metric's surface).

    >>> describe_node_name({"label": "Slogan", "canonical": "两个确立"})
    '两个确立'
    >>> describe_node_name({"label": "Metric", "value": 12.0, "unit": "次", "subject": "集中学习"})
    '集中学习 12次'
    """
    label = attrs.get("label")
    if label == "Document":
        return str(attrs.get("title") or attrs.get("doc_id") or attrs.get("id") or "")
    if label == "Slogan":
        return str(attrs.get("canonical") or "")
    if label == "Metric":
        return _metric_name(attrs)
    return str(attrs.get("name") or attrs.get("id") or "")


def _metric_name(attrs: dict) -> str:
    surface = attrs.get("surface")
    if not surface:
        value = attrs.get("value")
        if attrs.get("masked") or value is None:
            shown = "**"
        else:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
        surface = f"{shown}{attrs.get('unit') or ''}"
    subject = attrs.get("subject")
    return f"{subject} {surface}" if subject else str(surface)


# Result columns of the canned queries, as the analyst reads them.
COLUMN_NAMES: dict[str, str] = {
    "unit": "单位", "units": "单位数", "doc_id": "文档编号", "title": "标题", "activity": "活动",
    "activities": "活动数", "status": "状态", "evidence": "原文证据", "category": "活动类别",
    "categories": "活动类别", "slogan": "提法", "slogans": "提法", "slogan_a": "提法甲", "slogan_b": "提法乙",
    "documents": "文档数", "genre": "文体", "year": "年份", "material": "学习材料", "studied_by": "学习单位", "how": "方式",
    "partner": "合作单位", "partners": "合作单位", "times": "次数", "value": "数值", "subject": "计数对象",
    "approx": "约数", "masked": "隐去", "figures": "数据条数", "kind": "类型", "aliases": "别名",
    "quoted": "加引号", "related": "相关单位", "score": "相似度", "shared_categories": "共同活动类别",
    "shared_slogans": "共同提法", "name": "名称", "count": "数量", "n": "数量", "reports": "报送的文档",
    "problem": "问题", "problems": "问题数", "section": "所在部分", "plan_state": "计划落实", "state": "计划落实",
    "planned": "计划内容", "plan_doc": "计划文档", "plan_year": "计划年份", "reported": "报告内容",
    "report_doc": "报告文档", "report_year": "报告年份", "target": "目标", "actual": "实际",
    "target_low": "目标下限", "target_high": "目标上限", "actual_value": "实际值", "indicator": "指标",
    "period": "所指年份", "passage": "雷同文字", "similarity": "相似度", "done": "已开展", "planned_n": "计划数",
    "text": "原文", "item": "事项", "units_list": "单位", "measure": "计量单位", "figure_items": "数据",
    "counted": "计入的说法", "matched": "命中", "target_doc": "目标所在文档", "actual_doc": "实际所在文档", "doc_ids": "文档",
}


def name_column(column: str) -> str:
    """The Chinese header of a result column (the column itself when unknown).

    >>> name_column("unit"), name_column("o.name")
    ('单位', 'o.name')
    """
    return COLUMN_NAMES.get(column, column)


# Node properties, as the explorer's detail table shows them.
PROPERTY_NAMES: dict[str, str] = {
    "name": "名称", "kind": "类型", "aliases": "别名", "doc_ids": "文档", "doc_id": "文档编号",
    "title": "标题", "genre": "文体", "year": "年份", "source": "来源文件", "title_derived": "标题由系统生成",
    "reporting_org": "报送单位", "sha256": "内容指纹", "file_sha256": "文件指纹", "encoding": "编码",
    "n_chars": "字数", "category": "活动类别", "status": "状态", "org": "单位", "value": "数值",
    "unit": "计量单位", "approx": "约数", "masked": "数字隐去", "subject": "计数对象", "surface": "原文写法",
    "canonical": "规范写法", "evidence": "原句", "start": "起始位置", "end": "结束位置",
    "scope": "仅限文档", "n_activities": "活动数", "n_metrics": "数据数", "categories": "开展的活动类别",
    "slogans": "提到的提法", "section": "所在部分", "period": "所指年份", "indicator": "指标",
    "low": "下限", "high": "上限", "plan_state": "计划落实", "n_problems": "问题数", "text": "原文",
    "units": "单位", "n_documents": "文档数", "n_units": "单位数", "filter_names": "按单位筛选时的名称",
}


def name_property(prop: str) -> str:
    """The Chinese name of a node property (a metric's ``unit`` is its measure word).

    >>> name_property("unit"), name_property("reporting_org")
    ('计量单位', '报送单位')
    """
    return PROPERTY_NAMES.get(prop, prop)
