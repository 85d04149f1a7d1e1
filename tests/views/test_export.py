import io

from openpyxl import load_workbook

from kg.views.export import read_csv_bytes, write_csv_bytes, write_xlsx_bytes

COLUMNS = ["单位", "次数", "提法"]
ROWS = [["市妇联", 3, ["两个确立", "四个意识"]], ["市委党校", None, []]]


def test_csv_round_trip_with_bom():
    data = write_csv_bytes(COLUMNS, ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    columns, rows = read_csv_bytes(data)
    assert columns == COLUMNS
    assert rows == [["市妇联", "3", "两个确立、四个意识"], ["市委党校", "", ""]]


def test_csv_quotes_commas_and_newlines():
    _, rows = read_csv_bytes(write_csv_bytes(["a"], [["甲,乙\n丙"]]))
    assert rows == [["甲,乙\n丙"]]


def test_xlsx_round_trip():
    wb = load_workbook(io.BytesIO(write_xlsx_bytes(COLUMNS, ROWS)))
    ws = wb.active
    assert ws.title == "结果"
    assert [c.value for c in ws[1]] == COLUMNS and ws[1][0].font.bold
    assert [c.value for c in ws[2]] == ["市妇联", 3, "两个确立、四个意识"]


def test_graph_exports_read_back(small_graph, tmp_path):
    import zipfile

    from kg.graph.build import new_graph
    from kg.store.graphml import read_graphml
    from kg.store.jsonl import read_jsonl
    from kg.store.neo4j_admin import read_neo4j_admin
    from kg.views.export import write_graph_export

    g = new_graph()
    g.update(small_graph)
    for fmt, reader in (("graphml", read_graphml), ("jsonl", read_jsonl)):
        name, data, _ = write_graph_export(g, fmt)
        (tmp_path / name).write_bytes(data)
        back = reader(tmp_path / name)
        assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    name, data, mime = write_graph_export(g, "neo4j-admin")
    assert mime == "application/zip"
    (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / name) as zf:
        zf.extractall(tmp_path / "admin")
    back = read_neo4j_admin(tmp_path / "admin")
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    _, script, _ = write_graph_export(g, "cypher")
    assert "市妇联" in script.decode("utf-8")


def test_unknown_export_format(small_graph):
    import pytest

    from kg.errors import ConfigError
    from kg.views.export import write_graph_export

    with pytest.raises(ConfigError):
        write_graph_export(small_graph, "dot")
