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


def test_download_names_say_what_and_when():
    import datetime as dt

    from kg.views.export import download_name

    day = dt.date(2024, 5, 1)
    a = download_name("units_by_activity", {"category": ["读书班"], "status": ["done"]}, day=day)
    b = download_name("units_by_activity", {"category": ["党课"], "status": ["done"]}, day=day)
    assert a != b and a.startswith("units_by_activity_category=读书班") and a.endswith("2024-05-01")
    assert "/" not in download_name("q", {"unit": "a/b c"}, day=day)
