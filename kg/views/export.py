"""Result tables as download bytes (CSV that Excel opens, and XLSX); the graph exports' names.

Excel guesses a legacy code page for a CSV without a byte-order mark and
shows Chinese as mojibake; the BOM makes it read UTF-8.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re

__all__ = ["write_csv_bytes", "write_xlsx_bytes", "read_csv_bytes", "GRAPH_EXPORT_LABELS", "download_name"]

_UNSAFE = re.compile(r'[\\/:*?"<>|\s#%&]+')


def download_name(stem: str, params: dict | None = None, *, day: dt.date | None = None, limit: int = 120) -> str:
    """A file name (without extension) saying what was downloaded: query, parameters, date.

    Two downloads of one query with other parameters no longer overwrite
    each other, and a file found later says what it holds.

    >>> download_name("units_by_activity", {"category": ["读书班"], "status": ["done", "planned"]},
    ...               day=dt.date(2024, 5, 1))
    'units_by_activity_category=读书班_status=done+planned_2024-05-01'
    >>> download_name("q", {"unit": "", "top": 0}, day=dt.date(2024, 5, 1))
    'q_2024-05-01'
    """
    parts = [stem]
    for key, value in (params or {}).items():
        if value in ("", None, [], 0):
            continue
        text = "+".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{key}={text}")
    name = _UNSAFE.sub("-", "_".join(parts)).strip("-_")
    day = day or dt.date.today()
    return f"{name[:limit].rstrip('-_+')}_{day.isoformat()}"


def _cell(value):
    if isinstance(value, (list, tuple, set)):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


def write_csv_bytes(columns: list[str], rows: list[list]) -> bytes:
    """CSV as UTF-8 with a BOM; list cells joined with 、.

    >>> write_csv_bytes(["单位", "次数"], [["市妇联", 3]])[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else _cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def read_csv_bytes(data: bytes) -> tuple[list[str], list[list[str]]]:
    """Read back what :func:`write_csv_bytes` wrote (every cell as text).

    >>> read_csv_bytes(write_csv_bytes(["a"], [["甲"]]))
    (['a'], [['甲']])
    """
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return (rows[0], rows[1:]) if rows else ([], [])


def write_xlsx_bytes(columns: list[str], rows: list[list], *, sheet: str = "结果") -> bytes:
    """An XLSX workbook with one sheet: a bold header row and the rows.

    >>> data = write_xlsx_bytes(["单位"], [["市妇联"]])
    >>> data[:2]
    b'PK'
    """
    from openpyxl import Workbook  # lazy: openpyxl (0.3 s) only when an Excel file is asked for
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = sheet
    ws.append([str(c) for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_cell(v) for v in row])
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# The graph's export formats (kg.store.exports), as the 数据 page names them, in the order it lists them.
GRAPH_EXPORT_LABELS = {
    "graphml": "GraphML（Gephi、yEd 等可打开）",
    "neo4j-admin": "neo4j-admin 导入用 CSV（压缩包）",
    "jsonl": "JSON Lines（每行一个节点或关系）",
    "cypher": "Cypher 脚本（可在 Neo4j 中执行）",
}
