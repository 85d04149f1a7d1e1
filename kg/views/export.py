"""Result tables as download bytes: CSV that Excel opens, and XLSX.

Excel guesses a legacy code page for a CSV without a byte-order mark and
shows Chinese as mojibake; the BOM makes it read UTF-8.
"""
from __future__ import annotations

import csv
import io

__all__ = ["write_csv_bytes", "write_xlsx_bytes", "read_csv_bytes", "GRAPH_EXPORTS", "write_graph_export"]


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
    from openpyxl import Workbook
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


GRAPH_EXPORTS = {
    # format: (file name, mime type, Chinese label)
    "graphml": ("graph.graphml", "application/xml", "GraphML（Gephi、yEd 等可打开）"),
    "neo4j-admin": ("neo4j-admin-import.zip", "application/zip", "neo4j-admin 导入用 CSV（压缩包）"),
    "jsonl": ("graph.jsonl", "application/x-ndjson", "JSON Lines（每行一个节点或关系）"),
    "cypher": ("graph.cypher", "text/plain", "Cypher 脚本（可在 Neo4j 中执行）"),
}


def write_graph_export(graph, fmt: str) -> tuple[str, bytes, str]:
    """The graph in an export format as (file name, bytes, mime type), for a download button.

    The store's writers write files; this runs them in a temporary folder and
    returns the bytes (neo4j-admin's CSV folder zipped).

    >>> import networkx as nx
    >>> from kg.graph.build import new_graph
    >>> name, data, mime = write_graph_export(new_graph(), "jsonl")
    >>> name, mime
    ('graph.jsonl', 'application/x-ndjson')
    """
    import tempfile
    import zipfile
    from pathlib import Path

    if fmt not in GRAPH_EXPORTS:
        from ..errors import ConfigError

        raise ConfigError(f"unknown export format {fmt!r}", hint="use one of " + ", ".join(GRAPH_EXPORTS))
    name, mime, _ = GRAPH_EXPORTS[fmt]
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        target = Path(tmp) / name
        if fmt == "graphml":
            from ..store.graphml import write_graphml

            write_graphml(graph, target)
        elif fmt == "jsonl":
            from ..store.jsonl import write_jsonl

            write_jsonl(graph, target)
        elif fmt == "cypher":
            from ..store.cypher_script import write_cypher_script

            write_cypher_script(graph, target)
        else:
            from ..store.neo4j_admin import write_neo4j_admin

            folder = Path(tmp) / "neo4j-admin"
            write_neo4j_admin(graph, folder)
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
                for f in sorted(Path(folder).rglob("*")):
                    if f.is_file():
                        zf.write(f, f.relative_to(folder).as_posix())
        return name, target.read_bytes(), mime
