from kg.graph.schema import NODE_LABELS, REL_TYPES
from kg.views.labels import LABEL_COLOURS, LABEL_NAMES, REL_NAMES, describe_node_name


def test_every_label_and_relationship_has_a_chinese_name_and_colour():
    assert set(LABEL_NAMES) == set(NODE_LABELS) == set(LABEL_COLOURS)
    assert set(REL_NAMES) == set(REL_TYPES)
    assert len(set(LABEL_COLOURS.values())) == len(LABEL_COLOURS)


def test_masked_metric_name():
    assert describe_node_name({"label": "Metric", "masked": True, "unit": "名", "subject": ""}) == "**名"
    assert describe_node_name({"label": "Document", "doc_id": "x#2"}) == "x#2"


def test_every_schema_property_has_a_chinese_name():
    from kg.graph.schema import NODE_PROPERTIES
    from kg.views.labels import PROPERTY_NAMES

    missing = {p for props in NODE_PROPERTIES.values() for p in props} - set(PROPERTY_NAMES) - {"id", "text"}
    assert not missing
