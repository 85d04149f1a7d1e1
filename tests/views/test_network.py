from kg.views.labels import LABEL_NAMES
from kg.views.network import LABEL_SYMBOLS, build_network_option


def _drawn(series):
    return [d for d in series["data"] if not d["id"].startswith("_corner")]


def _nodes(n):
    return [{"id": f"Activity:{i}", "name": f"活动{i}", "label": "Activity", "degree": 1} for i in range(n)]


def test_every_label_has_its_own_shape():
    assert set(LABEL_SYMBOLS) == set(LABEL_NAMES) and len(set(LABEL_SYMBOLS.values())) == len(LABEL_SYMBOLS)


def test_labels_are_kept_apart_and_the_centre_comes_first():
    nodes = [{"id": "Organization:甲", "name": "甲", "label": "Organization", "degree": 5}] + _nodes(40)
    edges = [{"source": "Organization:甲", "target": n["id"], "relation": "开展"} for n in nodes[1:]]
    series = build_network_option(nodes, edges, center="Organization:甲")["series"][0]
    assert series["labelLayout"] == {"hideOverlap": True}  # overlapping labels are hidden, never overprinted
    drawn = _drawn(series)
    assert drawn[0]["id"] == "Organization:甲" and drawn[0]["symbolSize"] > drawn[1]["symbolSize"]
    assert len(series["links"]) == 40 and len({(d["x"], d["y"]) for d in drawn}) == 41


def test_the_drawing_keeps_the_box_aspect_so_circles_stay_round():
    nodes = [{"id": f"Slogan:{i}", "name": str(i), "label": "Slogan", "degree": 0, "x": float(i), "y": 0.0}
             for i in range(3)]
    series = build_network_option(nodes, [], aspect=2.0)["series"][0]
    xs, ys = [d["x"] for d in series["data"]], [d["y"] for d in series["data"]]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) == 2.0


def test_the_same_input_is_drawn_the_same_way():
    nodes, edges = _nodes(12), [{"source": "Activity:0", "target": f"Activity:{i}"} for i in range(1, 12)]
    assert build_network_option(nodes, edges) == build_network_option(nodes, edges)


def test_a_long_name_is_cut_in_the_drawing_and_whole_in_the_tooltip():
    name = "市知识产权局青年理论学习小组工作汇报会议纪要"
    (data,) = _drawn(build_network_option([{"id": "Document:d", "name": name, "label": "Document", "degree": 0}],
                                          [])["series"][0])
    assert data["name"].endswith("…") and data["value"] == f"文档：{name}"
