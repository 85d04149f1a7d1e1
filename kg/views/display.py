"""How a reader names things: units without a name of their own, documents by their title.

A relative unit name (局党组, 市局, 办公室) that no document ties to a named
unit is kept per document in the graph, its name suffixed with the
document's id so two documents' 局党组 stay apart:
``局党组〔003_6c46de81eb12d8ae#5〕``. The id is a file hash to a reader. The
app shows such a unit as a reader would say it: the generic name with the
unit that reports the document (``局党组（市保密局）``), else with the
document's title (``局党组 · 关于第二批主题教育10月份阶段性进展总结``).
Documents are shown by title; the id is kept for hover text and exports.
Every display name is unique, so a chart never merges two units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import describe_node_name

__all__ = ["DisplayNames", "build_display_names", "display_names_of", "HASH_LIKE", "short_title"]

# What a reader must never see as a name: a run of hex digits (file hashes, content ids).
HASH_LIKE = re.compile(r"[0-9a-f]{12,}")
_TITLE_CHARS = 28


def short_title(title: str, limit: int = _TITLE_CHARS) -> str:
    """A title cut to ``limit`` characters with an ellipsis.

    >>> short_title("关于第二批主题教育阶段性进展情况的汇报", 8)
    '关于第二批主题…'
    """
    return title if len(title) <= limit else title[: limit - 1] + "…"


@dataclass
class DisplayNames:
    """Display names of one graph's units and documents, and the way back to their nodes."""

    units: dict[str, str] = field(default_factory=dict)  # graph name -> display name (scoped ones only)
    documents: dict[str, str] = field(default_factory=dict)  # doc_id -> unique title
    unit_nodes: dict[str, str] = field(default_factory=dict)  # graph name or alias -> node id

    def unit(self, name):
        """The display name of a unit's graph name (other values unchanged).

        >>> DisplayNames(units={"局党组〔d1〕": "局党组（市保密局）"}).unit("局党组〔d1〕")
        '局党组（市保密局）'
        """
        return self.units.get(name, name) if isinstance(name, str) else name

    def document(self, doc_id):
        """A document's title for its id (the id itself when the graph does not have it)."""
        return self.documents.get(doc_id, doc_id) if isinstance(doc_id, str) else doc_id

    def value(self, value):
        """A result cell with scoped unit names and document ids replaced (lists element by element)."""
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, str):
            if value in self.units:
                return self.units[value]
            if value in self.documents:
                return self.documents[value]
        return value

    def text(self, text: str) -> str:
        """Free text (an answer's summary) with scoped unit names replaced."""
        for name, shown in self.units.items():
            if name in text:
                text = text.replace(name, shown)
        return text

    def node_name(self, attrs: dict) -> str:
        """A node's one-line name as the reader sees it (units and documents by their display names).

        >>> DisplayNames(documents={"f1#2": "进展汇报"}).node_name({"label": "Document", "doc_id": "f1#2"})
        '进展汇报'
        """
        label = attrs.get("label")
        if label == "Organization":
            return self.unit(attrs.get("name") or "")
        if label == "Document" and attrs.get("doc_id") in self.documents:
            return self.documents[attrs["doc_id"]]
        return describe_node_name(attrs)

    def node_for_unit(self, name: str) -> str | None:
        """The Organization node of a graph name, alias or display name."""
        return self.unit_nodes.get(name)


def _scope_base(name: str, scope: str) -> str:
    suffix = f"〔{scope}〕"
    return name[: -len(suffix)] if name.endswith(suffix) else name


def build_display_names(graph) -> DisplayNames:
    """Display names for a graph's scoped units and its documents.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Document:f1#2", label="Document", doc_id="f1#2", title="阶段性进展情况汇报",
    ...            reporting_org="市保密局")
    >>> g.add_node("Document:f1#3", label="Document", doc_id="f1#3", title="进展总结", reporting_org="局党组〔f1#3〕")
    >>> g.add_node("Organization:局党组〔f1#2〕", label="Organization", name="局党组〔f1#2〕", scope="f1#2")
    >>> g.add_node("Organization:局党组〔f1#3〕", label="Organization", name="局党组〔f1#3〕", scope="f1#3")
    >>> names = build_display_names(g)
    >>> names.unit("局党组〔f1#2〕"), names.unit("局党组〔f1#3〕"), names.document("f1#2")
    ('局党组（市保密局）', '局党组 · 进展总结', '阶段性进展情况汇报')
    """
    documents, organizations = [], []
    for node, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if label == "Document":
            documents.append((node, attrs))
        elif label == "Organization":
            organizations.append((node, attrs))
    return display_names_of(documents, organizations)


def display_names_of(documents, organizations) -> DisplayNames:
    """:func:`build_display_names` from ``(node id, attributes)`` pairs of the graph's documents and units.

    Documents need ``doc_id``, ``title`` and ``reporting_org``; units ``name``,
    ``aliases`` and ``scope`` (the app reads them from the query database).
    """
    docs: dict[str, dict] = {}
    names = DisplayNames()
    scoped: list[tuple[str, str, str]] = []
    for node, attrs in documents:
        docs[attrs.get("doc_id") or node] = attrs
    # In node order, so that an alias two units share names the same one whichever order they come in.
    for node, attrs in sorted(organizations, key=lambda pair: pair[0]):
        name = attrs.get("name") or node
        names.unit_nodes[name] = node
        for alias in attrs.get("aliases") or ():
            names.unit_nodes.setdefault(alias, node)
        if attrs.get("scope"):
            scoped.append((node, name, attrs["scope"]))
    seen_titles: dict[str, int] = {}
    for doc_id in sorted(docs, key=_doc_order):
        attrs = docs[doc_id]
        title = str(attrs.get("title") or "").strip() or "（无标题）"
        n = seen_titles[title] = seen_titles.get(title, 0) + 1
        names.documents[doc_id] = title if n == 1 else f"{title}（{n}）"
    scoped_names = {name for _, name, _ in scoped}
    taken = {n for n in names.unit_nodes if n not in scoped_names}
    for node, name, scope in sorted(scoped, key=lambda s: (_doc_order(s[2]), s[1])):
        base = _scope_base(name, scope)
        doc = docs.get(scope, {})
        reporter = doc.get("reporting_org")
        if reporter and reporter not in scoped_names and reporter != base:
            shown = f"{base}（{reporter}）"
        elif doc:
            shown = f"{base} · {short_title(names.documents.get(scope, ''))}"
        else:
            shown = base
        unique, n = shown, 1
        while unique in taken:
            n += 1
            unique = f"{shown}（{n}）"
        taken.add(unique)
        names.units[name] = unique
        names.unit_nodes[unique] = node
    return names


def _doc_order(doc_id: str):
    stem, _, n = doc_id.partition("#")
    return (stem, int(n) if n.isdigit() else 0)
