from kg.views.charts import shape_chart_data


def test_bar_sums_y_and_ranks():
    d = shape_chart_data({"type": "bar", "x": "slogan", "y": "units"}, ["slogan", "units"],
                         [["两个确立", 3], ["四风", 1], ["两个确立", 2]])
    assert d.kind == "bar" and d.rows == [{"x": "两个确立", "y": 5.0}, {"x": "四风", "y": 1.0}]
    assert not d.capped and d.total == 2


def test_heatmap_caps_rows_by_total():
    rows = [[c, f"单位{i}", i + 1] for i in range(5) for c in ("读书班", "党课")]
    d = shape_chart_data({"type": "heatmap", "x": "category", "y": "unit", "value": "n"},
                         ["category", "unit", "n"], rows, max_bars=2)
    assert d.capped and d.total == 5
    assert {r["y"] for r in d.rows} == {"单位4", "单位3"}


def test_network_keeps_heaviest_edges_with_positions():
    rows = [["甲", "乙", 3], ["乙", "丙", 1], ["甲", "丙", 2], ["甲", None, 9]]
    d = shape_chart_data({"type": "network", "source": "a", "target": "b", "weight": "w"}, ["a", "b", "w"], rows,
                         max_edges=2)
    assert d.kind == "network" and d.capped and d.total == 3
    assert [(r["source"], r["target"]) for r in d.rows] == [("甲", "乙"), ("甲", "丙")]
    assert {n["name"] for n in d.nodes} == {"甲", "乙", "丙"}


def test_unknown_chart_or_column_draws_nothing():
    assert shape_chart_data({"type": "table"}, ["a"], [[1]]).kind == ""
    assert shape_chart_data({"type": "bar", "x": "missing"}, ["a"], [[1]]).kind == ""
