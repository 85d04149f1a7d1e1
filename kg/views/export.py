"""Result tables as download bytes (CSV that Excel opens, and XLSX); the graph exports' names.

Excel guesses a legacy code page for a CSV without a byte-order mark and
shows Chinese as mojibake; the BOM makes it read UTF-8.
"""
from __future__ import annotations

import csv
import io

__all__ = ["write_csv_bytes", "write_xlsx_bytes", "read_csv_bytes", "GRAPH_EXPORT_LABELS"]


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
