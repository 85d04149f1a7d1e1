"""The Cypher the Neo4j loader and the ``.cypher`` exporter send, and the rows they send it with.

Why one module: the loader (parameters, ``UNWIND $rows``) and the script
exporter (the same statements with the rows written as literals) must write
the same graph. Labels, relationship types and property names come only from
:mod:`kg.graph.schema` constants, never from data; values travel as
parameters (or, in a script, as escaped literals from :func:`cypher_literal`).

Every row carries *all* schema properties of its label/type, absent ones as
null, so ``SET n += row.props`` also clears a property that disappeared:
loading twice, or reloading after a change, leaves exactly the graph's state.
The ``SET`` only runs for a row that differs from what is stored, because
Neo4j counts (and logs, and replicates) a property written with the value it
already had: an unchanged reload makes no change at all, by the server's own
counters.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Iterable, Iterator

import networkx as nx

from ..errors import GraphError
from ..graph.schema import NODE_LABELS, NODE_PROPERTIES, REL_PROPERTIES, REL_TYPES

__all__ = [
    "DOC_OWNED_LABELS",
    "SHARED_LABELS",
    "LOOKUP_PROPERTIES",
    "constraint_statements",
    "index_statements",
    "node_statement",
    "relationship_statement",
    "delete_document_statements",
    "delete_missing_statement",
    "node_rows",
    "relationship_groups",
    "cypher_literal",
    "batched",
]

DOC_OWNED_LABELS = ("Document", "Activity", "Metric", "Problem")
SHARED_LABELS = tuple(label for label in NODE_LABELS if label not in DOC_OWNED_LABELS)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Properties the canned queries look nodes up by (besides the unique id).
LOOKUP_PROPERTIES = {"Organization": "name", "ActivityType": "name", "Slogan": "canonical", "Material": "name"}


def _name(name: str) -> str:
    if not _NAME.match(name):  # schema constants only; this guards against a bad edit there
        raise GraphError(f"{name!r} is not a plain Cypher name", hint="fix kg/graph/schema.py")
    return name


def constraint_statements() -> list[str]:
    """One uniqueness constraint per label (Neo4j 5 syntax), created before any load.

    >>> constraint_statements()[0]
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE'
    """
    return [f"CREATE CONSTRAINT {_name(label).lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in NODE_LABELS]


def index_statements() -> list[str]:
    """Range indexes (Neo4j 5 syntax) for what the loader deletes by and the queries look up by.

    ``doc_id`` on the document-owned labels and on every relationship type
    makes replacing one document's facts an index seek instead of a scan of
    the whole graph (a relationship index needs its type, hence one per type);
    ``name``/``canonical`` serve the canned queries' ``WHERE o.name = $unit``.

    >>> index_statements()[0]
    'CREATE INDEX document_doc_id IF NOT EXISTS FOR (n:Document) ON (n.doc_id)'
    >>> index_statements()[-1]
    'CREATE INDEX shares_doc_id IF NOT EXISTS FOR ()-[r:SHARES]-() ON (r.doc_id)'
    """
    out = [f"CREATE INDEX {_name(label).lower()}_doc_id IF NOT EXISTS FOR (n:{label}) ON (n.doc_id)"
           for label in DOC_OWNED_LABELS]
    out += [f"CREATE INDEX {_name(label).lower()}_{_name(prop)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, prop in LOOKUP_PROPERTIES.items()]
    out += [f"CREATE INDEX {_name(rel).lower()}_doc_id IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.doc_id)"
            for rel in REL_TYPES]
    return out


def _changed(var: str) -> str:
    # Some property of the row differs from the stored one (null = absent on both sides).
    return (f"any(k IN keys(row.props) WHERE NOT coalesce({var}[k] = row.props[k], "
            f"{var}[k] IS NULL AND row.props[k] IS NULL))")


def node_statement(label: str) -> str:
    """Upsert nodes of one label from ``$rows`` of ``{id, props}``; rows already stored as given are left alone.

    >>> node_statement("Slogan")[:73]
    'UNWIND $rows AS row MERGE (n:Slogan {id: row.id}) WITH n, row WHERE any(k'
    """
    return (f"UNWIND $rows AS row MERGE (n:{_name(label)} {{id: row.id}}) "
            f"WITH n, row WHERE {_changed('n')} SET n += row.props")


def relationship_statement(rel_type: str, src_label: str, dst_label: str) -> str:
    """Upsert relationships of one type between two labels from ``$rows`` of ``{src, dst, key, props}``."""
    return (f"UNWIND $rows AS row MATCH (a:{_name(src_label)} {{id: row.src}}) "
            f"MATCH (b:{_name(dst_label)} {{id: row.dst}}) "
            f"MERGE (a)-[r:{_name(rel_type)} {{key: row.key}}]->(b) "
            f"WITH r, row WHERE {_changed('r')} SET r += row.props")


def delete_document_statements() -> list[str]:
    """Remove the facts of the documents in ``$doc_ids``: their edges type by type (each an
    index seek on ``doc_id``), then their own nodes."""
    return [
        *(f"MATCH ()-[r:{_name(rel)}]->() WHERE r.doc_id IN $doc_ids DELETE r" for rel in REL_TYPES),
        *(f"MATCH (n:{_name(label)}) WHERE n.doc_id IN $doc_ids DETACH DELETE n" for label in DOC_OWNED_LABELS),
    ]


def delete_missing_statement(label: str) -> str:
    """Remove the nodes of a shared label whose id is not in ``$ids`` (orphans after a removal)."""
    return f"MATCH (n:{_name(label)}) WHERE NOT n.id IN $ids DETACH DELETE n"


def _props(data: dict, schema: dict[str, str], skip: tuple[str, ...]) -> dict:
    out = {}
    for key, typ in schema.items():
        if key in skip:
            continue
        value = data.get(key)
        if typ == "STRING[]" and value is not None:
            value = list(value)
        elif typ == "DOUBLE" and value is not None:
            value = float(value)
            if not math.isfinite(value):
                value = None
        out[key] = value
    return out


def node_rows(g: nx.MultiDiGraph, label: str, doc_ids: set[str] | None = None) -> list[dict]:
    """Rows ``{id, props}`` for the nodes of ``label`` (only those of ``doc_ids`` when given)."""
    schema = NODE_PROPERTIES[label]
    rows = []
    for n, d in g.nodes(data=True):
        if d.get("label") != label:
            continue
        if doc_ids is not None and label in DOC_OWNED_LABELS and d.get("doc_id") not in doc_ids:
            continue
        rows.append({"id": n, "props": _props(d, schema, ("id",))})
    rows.sort(key=lambda r: r["id"])
    return rows


def relationship_groups(g: nx.MultiDiGraph, doc_ids: set[str] | None = None) -> dict[tuple[str, str, str], list]:
    """Rows ``{src, dst, key, props}`` grouped by (type, source label, target label), sorted."""
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for u, v, k, d in g.edges(keys=True, data=True):
        if doc_ids is not None and d.get("doc_id") not in doc_ids:
            continue
        rel = d["type"]
        groups[(rel, g.nodes[u]["label"], g.nodes[v]["label"])].append(
            {"src": u, "dst": v, "key": k, "props": _props(d, REL_PROPERTIES[rel], ("key",))})
    for rows in groups.values():
        rows.sort(key=lambda r: (r["src"], r["dst"], r["key"]))
    return dict(sorted(groups.items()))


def batched(rows: list, size: int) -> Iterator[list]:
    """Consecutive slices of at most ``size`` rows.

    >>> [len(b) for b in batched(list(range(5)), 2)]
    [2, 2, 1]
    """
    if size < 1:
        raise GraphError(f"batch size {size} is not positive", hint="use --batch-size 2000")
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029):
        return f"\\u{code:04x}"
    return ch


_NEEDS_ESCAPE = re.compile(r"[\\'\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]")


def cypher_literal(value) -> str:
    """A value written as a Cypher literal, for scripts that cannot take parameters.

    >>> cypher_literal({"name": "市委'党校", "n": 2, "xs": ["a", None], "ok": True})
    "{name: '市委\\\\'党校', n: 2, xs: ['a', null], ok: true}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "null"
        return repr(value)
    if isinstance(value, str):
        return "'" + _NEEDS_ESCAPE.sub(lambda m: _escape_char(m.group()), value) + "'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_map_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise GraphError(f"cannot write {type(value).__name__} value {value!r} as Cypher")


def _map_key(key: str) -> str:
    return key if _NAME.match(key) else "`" + key.replace("`", "``") + "`"

