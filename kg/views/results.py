"""A query result as the analyst reads it: names not ids, links to the explorer and the document view.

Engines return what the graph stores: a unit's graph name (which for a unit
without a name of its own carries a file hash), a document's id, a node as a
dict of properties. The table shown instead names every unit and document
as a reader would (:mod:`kg.views.display`), turns a cell naming a unit or a
document into a link (to the explorer or the document view, Datasette-style),
shows statuses in Chinese and nodes by their name. Downloads keep the ids
(``doc_id``) next to the names, so nothing is lost in an export.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from .display import DisplayNames
from .labels import KIND_NAMES, STATUS_NAMES, name_column, name_label, name_rel

__all__ = ["ResultTable", "shape_result_table", "result_node_ids", "LINK_PATTERN", "link_to"]

# Links carry the text to show after '#': the table shows it, the browser ignores it.
LINK_PATTERN = r"#(.+)$"


def link_to(page: str, param: str, value: str, text: str) -> str:
    """A relative link to one of the app's pages, showing ``text``.

    >>> link_to("documents", "doc", "003_x#5", "进展总结")
    'documents?doc=003_x%235#进展总结'
    """
    return f"{page}?{param}={quote(value, safe='')}#{text.replace('#', '＃')}"


@dataclass
class ResultTable:
    """What the page shows (headers, rows, which columns are links) and what a download holds."""

    headers: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # headers whose cells are links (LINK_PATTERN shows their text)
    chart_rows: list[list] = field(default_factory=list)  # the result's columns, names as shown, no links
    export_headers: list[str] = field(default_factory=list)
    export_rows: list[list] = field(default_factory=list)


def _node_text(value: dict, names: DisplayNames) -> str:
    if "_label" in value:
        attrs = {"label": value["_label"], **value}
        return f"{name_label(value['_label'])}：{names.node_name(attrs)}"
    if "_type" in value:
        return name_rel(value["_type"])
    return "，".join(f"{k}：{_plain(v, names)}" for k, v in value.items())


def _plain(value, names: DisplayNames):
    if isinstance(value, dict):
        return _node_text(value, names)
    if isinstance(value, list):
        return "、".join(str(_plain(v, names)) for v in value)
    return names.value(value)


def shape_result_table(columns: list[str], rows: list[list], names: DisplayNames | None = None) -> ResultTable:
    """Display and export tables for a result.

    A ``doc_id`` column becomes a 文档 column of links showing titles (a
    ``title`` column beside it is then left out of the display); a column
    whose every value is a unit becomes links to the explorer; a column of
    nodes links each node.

    >>> names = DisplayNames(units={"局党组〔f1#2〕": "局党组（市保密局）"}, documents={"f1#2": "进展汇报"},
    ...                      unit_nodes={"局党组〔f1#2〕": "Organization:局党组〔f1#2〕"})
    >>> t = shape_result_table(["unit", "doc_id", "status"], [["局党组〔f1#2〕", "f1#2", "planned"]], names)
    >>> t.headers, t.links
    (['单位', '文档', '状态'], ['单位', '文档'])
    >>> t.rows[0][1], t.rows[0][2]
    ('documents?doc=f1%232#进展汇报', '计划')
    >>> t.export_headers, t.export_rows[0]
    (['单位', '文档编号', '文档', '状态'], ['局党组（市保密局）', 'f1#2', '进展汇报', '计划'])
    >>> shape_result_table(["kind", "kind"], [["target", "政府部门"]]).rows[0]
    ['目标', '政府部门']
    """
    names = names or DisplayNames()
    columns = list(columns)
    kinds: dict[int, str] = {}
    for i, c in enumerate(columns):
        values = [r[i] for r in rows if r[i] not in (None, "")]
        if c == "doc_id":
            kinds[i] = "document"
        elif c == "status":
            kinds[i] = "status"
        elif c == "kind":
            kinds[i] = "kind"
        elif values and all(isinstance(v, dict) and "_label" in v and v.get("id") for v in values):
            kinds[i] = "node"
        elif values and all(isinstance(v, str) and v in names.unit_nodes for v in values):
            kinds[i] = "unit"
    hide = {columns.index("title")} if "doc_id" in columns and "title" in columns else set()
    table = ResultTable()
    for i, c in enumerate(columns):
        header = "文档" if kinds.get(i) == "document" else name_column(c)
        if i not in hide:
            table.headers.append(header)
            if kinds.get(i) in ("document", "unit", "node"):
                table.links.append(header)
        if kinds.get(i) == "document":
            table.export_headers += [name_column(c), "文档"]
        else:
            table.export_headers.append(name_column(c))
    for row in rows:
        shown, chart, export = [], [], []
        for i, v in enumerate(row):
            kind = kinds.get(i)
            if kind in ("status", "kind"):
                text = (STATUS_NAMES if kind == "status" else KIND_NAMES).get(v, v)
            else:
                text = _plain(v, names)
            chart.append(text)
            if kind == "document":
                export += [v, text]
            else:
                export.append(text)
            if i in hide:
                continue
            if kind == "document" and v:
                shown.append(link_to("documents", "doc", v, str(text)))
            elif kind == "unit" and v:
                shown.append(link_to("explorer", "node", names.unit_nodes[v], str(text)))
            elif kind == "node":
                shown.append(link_to("explorer", "node", v["id"], str(text)) if v else None)
            else:
                shown.append(text)
        table.rows.append(shown)
        table.chart_rows.append(chart)
        table.export_rows.append(export)
    return table


def result_node_ids(rows: list[list]) -> list[str]:
    """The ids of every node a result returns (in cells, lists or paths), in order of first appearance.

    >>> result_node_ids([[{"_label": "Slogan", "id": "Slogan:四风"}, [{"_label": "Material", "id": "Material:甲"}]]])
    ['Slogan:四风', 'Material:甲']
    """
    seen: dict[str, None] = {}

    def visit(value):
        if isinstance(value, dict):
            if "_label" in value and isinstance(value.get("id"), str):
                seen.setdefault(value["id"])
            for v in value.values():
                if isinstance(v, (dict, list)):
                    visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)

    for row in rows:
        visit(row)
    return list(seen)

