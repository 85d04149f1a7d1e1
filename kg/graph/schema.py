"""The graph schema (SCHEMA §7) as data, shared by the builder, both stores,
the exporters, the query layer and the app.

In NetworkX the graph is a ``MultiDiGraph``: a node's key is its ``id``, its
attributes are ``label`` plus the properties below; an edge's key is
``"<TYPE>|<doc_id>|<start>"`` (so one fact is one edge and re-adding it is a
no-op), its attributes are ``type`` plus the properties below. In Neo4j the
same node is ``(:<label> {id, …})`` and the same edge ``-[:<TYPE> {key, …}]->``.

Ids are content-derived and readable: ``Organization:市妇联``,
``Document:003_x#4``, ``Activity:003_x#4@1520`` (document and offset of the
evidence), so the same organization named in ten files is one node and a
rebuild gives the same ids.
"""
from __future__ import annotations

__all__ = [
    "NODE_LABELS",
    "REL_TYPES",
    "NODE_PROPERTIES",
    "REL_PROPERTIES",
    "REL_ENDPOINTS",
    "TEXT_RELATIONSHIPS",
    "node_id",
    "edge_key",
]

# property name -> type; types are the Cypher/Kùzu ones: STRING, INT64,
# DOUBLE, BOOLEAN, STRING[] (list of strings). Absent values are null.
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Document": {
        # n_activities, n_metrics: how many Activity/Metric nodes carry this doc_id, derived by the
        # builder so an overview reads them instead of joining every document to every activity
        "id": "STRING", "doc_id": "STRING", "title": "STRING", "genre": "STRING", "year": "INT64",
        "source": "STRING", "title_derived": "BOOLEAN", "reporting_org": "STRING",
        "sha256": "STRING", "file_sha256": "STRING", "encoding": "STRING", "n_chars": "INT64",
        "text": "STRING", "n_activities": "INT64", "n_metrics": "INT64", "n_problems": "INT64",
    },
    "Organization": {
        # doc_ids: documents that mention it; aliases: other spellings seen or known;
        # scope: the doc_id of a relative name kept in its document (局党组〔doc_id〕), else null;
        # categories / slogans: the activity categories it CONDUCTED and the slogans it ECHOES
        # (derived from its edges, sorted, [] when none), so comparing units scans no edges;
        # filter_names: its name, its aliases and the names of the units it is SUBUNIT_OF (one or two
        # steps up), what a unit filter selects it by without walking SUBUNIT_OF for every row
        "id": "STRING", "name": "STRING", "aliases": "STRING[]", "kind": "STRING",
        "doc_ids": "STRING[]", "scope": "STRING", "categories": "STRING[]", "slogans": "STRING[]",
        "filter_names": "STRING[]",
    },
    # year: the document's; section: 成绩/做法, 问题/不足, 下一步/计划 or 其他 (kg/extract/sections.py);
    # plan_state: 计划并完成 / 计划未见完成 / 完成但无计划, derived across a unit's documents (kg/graph/links.py)
    "Activity": {
        "id": "STRING", "name": "STRING", "category": "STRING", "status": "STRING",
        "org": "STRING", "doc_id": "STRING", "evidence": "STRING", "start": "INT64", "end": "INT64",
        "year": "INT64", "section": "STRING", "plan_state": "STRING",
    },
    "ActivityType": {"id": "STRING", "name": "STRING"},
    # kind: target / actual / plain; period: the year it is about; indicator: a named quantity (国内生产总值增长);
    # low/high: the ends of a range (6%－6.5%) (kg/extract/figure_kinds.py)
    "Metric": {
        "id": "STRING", "value": "DOUBLE", "unit": "STRING", "approx": "BOOLEAN", "masked": "BOOLEAN",
        "subject": "STRING", "surface": "STRING", "org": "STRING", "doc_id": "STRING",
        "evidence": "STRING", "start": "INT64", "end": "INT64",
        "year": "INT64", "section": "STRING", "kind": "STRING", "period": "INT64", "indicator": "STRING",
        "low": "DOUBLE", "high": "DOUBLE", "plan_state": "STRING",
    },
    # a shortcoming a document admits (kg/extract/problems.py)
    "Problem": {
        "id": "STRING", "text": "STRING", "org": "STRING", "doc_id": "STRING", "year": "INT64",
        "section": "STRING", "evidence": "STRING", "start": "INT64", "end": "INT64",
    },
    # a sentence or paragraph several units' documents share nearly word for word (kg/graph/links.py)
    "Passage": {
        "id": "STRING", "text": "STRING", "kind": "STRING", "doc_ids": "STRING[]", "units": "STRING[]",
        "n_documents": "INT64", "n_units": "INT64",
    },
    "Slogan": {"id": "STRING", "canonical": "STRING", "doc_ids": "STRING[]"},
    "Material": {"id": "STRING", "name": "STRING", "doc_ids": "STRING[]"},
}
NODE_LABELS = tuple(NODE_PROPERTIES)

# Every text-derived relationship carries where it was read.
_PROVENANCE = {"key": "STRING", "doc_id": "STRING", "evidence": "STRING", "start": "INT64", "end": "INT64"}
REL_PROPERTIES: dict[str, dict[str, str]] = {
    "AUTHORED": dict(_PROVENANCE),
    # surface: the spelling used; kind: the organization kind extraction saw there
    "MENTIONS": {**_PROVENANCE, "surface": "STRING", "count": "INT64", "kind": "STRING"},
    "CONDUCTED": dict(_PROVENANCE),
    "INSTANCE_OF": {"key": "STRING", "doc_id": "STRING"},
    "MEASURED_BY": dict(_PROVENANCE),
    "STUDIED": dict(_PROVENANCE),
    "PARTNERED_WITH": dict(_PROVENANCE),
    "SUBUNIT_OF": dict(_PROVENANCE),
    "ECHOES": {**_PROVENANCE, "quoted": "BOOLEAN"},
    "ADMITS": dict(_PROVENANCE),
    # plan → what the same unit later reports: evidence is the report's sentence
    "FOLLOWED_BY": {**_PROVENANCE, "score": "DOUBLE"},
    # a document's sentence or paragraph → the passage it shares with other units
    "SHARES": {**_PROVENANCE, "similarity": "DOUBLE"},
}
REL_TYPES = tuple(REL_PROPERTIES)
TEXT_RELATIONSHIPS = frozenset(t for t in REL_TYPES if t != "INSTANCE_OF")

REL_ENDPOINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "AUTHORED": (("Organization", "Document"),),
    "MENTIONS": (("Document", "Organization"), ("Document", "Slogan"), ("Document", "Material")),
    "CONDUCTED": (("Organization", "Activity"),),
    "INSTANCE_OF": (("Activity", "ActivityType"),),
    "MEASURED_BY": (("Activity", "Metric"), ("Organization", "Metric")),
    "STUDIED": (("Activity", "Material"),),
    "PARTNERED_WITH": (("Organization", "Organization"),),
    "SUBUNIT_OF": (("Organization", "Organization"),),
    "ECHOES": (("Organization", "Slogan"),),
    "ADMITS": (("Organization", "Problem"),),
    "FOLLOWED_BY": (("Activity", "Activity"), ("Metric", "Metric")),
    "SHARES": (("Document", "Passage"),),
}


def node_id(label: str, key: str) -> str:
    """The stable id of a node.

    >>> node_id("Organization", "市妇联")
    'Organization:市妇联'
    """
    if label not in NODE_PROPERTIES:
        raise ValueError(f"unknown node label {label!r}")
    return f"{label}:{key}"


def edge_key(rel_type: str, doc_id: str | None = None, start: int | None = None) -> str:
    """The key of an edge: one fact per relationship type, document and offset.

    >>> edge_key("MENTIONS", "003_x#4", 120)
    'MENTIONS|003_x#4|120'
    """
    if rel_type not in REL_PROPERTIES:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    return f"{rel_type}|{doc_id or ''}|{'' if start is None else start}"
