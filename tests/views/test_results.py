from kg.views.display import DisplayNames
from kg.views.results import LINK_PATTERN, result_node_ids, shape_result_table

NAMES = DisplayNames(units={"局党组〔f#1〕": "局党组（市保密局）"}, documents={"f#1": "进展汇报", "g": "党课讲稿"},
                     unit_nodes={"局党组〔f#1〕": "Organization:局党组〔f#1〕", "市妇联": "Organization:市妇联"})


def test_units_and_documents_become_links_showing_names():
    import re

    t = shape_result_table(["unit", "doc_id", "title", "n"], [["局党组〔f#1〕", "f#1", "进展汇报", 2],
                                                              ["市妇联", "g", "党课讲稿", 1]], NAMES)
    assert t.headers == ["单位", "文档", "数量"] and t.links == ["单位", "文档"]  # the title column is the link's text
    shown = [[re.search(LINK_PATTERN, c).group(1) if h in t.links else c for h, c in zip(t.headers, r)] for r in t.rows]
    assert shown == [["局党组（市保密局）", "进展汇报", 2], ["市妇联", "党课讲稿", 1]]
    assert t.rows[0][0].startswith("explorer?node=Organization%3A")
    # downloads keep the id and the title; the chart sees names
    assert t.export_rows[0] == ["局党组（市保密局）", "f#1", "进展汇报", "进展汇报", 2]
    assert t.chart_rows[0][0] == "局党组（市保密局）"


def test_a_column_with_other_values_is_not_a_link_column():
    t = shape_result_table(["unit"], [["市妇联"], ["不是单位"]], NAMES)
    assert t.links == [] and t.rows == [["市妇联"], ["不是单位"]]


def test_nodes_read_as_names_and_are_collected_for_drawing():
    node = {"_label": "Organization", "id": "Organization:局党组〔f#1〕", "name": "局党组〔f#1〕"}
    rel = {"_type": "ECHOES", "doc_id": "f#1"}
    t = shape_result_table(["o", "r"], [[node, rel]], NAMES)
    assert t.rows[0][0].endswith("#单位：局党组（市保密局）") and t.rows[0][1] == "呼应提法"
    assert result_node_ids([[node, [node, {"_label": "Slogan", "id": "Slogan:四风"}]]]) == [node["id"], "Slogan:四风"]
