"""Neo4j spellings the embedded engine writes differently, translated before it runs a query.

People who know Neo4j Browser type ``type(r)``, ``labels(n)``, ``id(n)`` and
``elementId(n)`` by habit. The embedded engine (ladybug, a Kùzu fork) spells
the first ``label(r)``, has no ``labels``, and its ``id()`` is an internal
offset. Here ``type(r)`` becomes ``label(r)``, ``labels(n)`` becomes
``[label(n)]`` (a list, as Neo4j returns), and ``id(x)`` / ``elementId(x)``
become the stable id the graph keeps: ``x.id`` for a node, ``x.key`` for a
relationship. Strings, comments and back-quoted names are never touched.
The guard checks the query as typed; only the engine sees the translation.
"""
from __future__ import annotations

import re

from .parse import strip_literals

__all__ = ["translate_for_ladybug"]

_CALL = re.compile(r"(?<![\w.$])(type|labels|id|elementId)\s*\(\s*([A-Za-z_]\w*)\s*\)", re.I)
_REL_VAR = re.compile(r"\[\s*([A-Za-z_]\w*)")


def translate_for_ladybug(cypher: str) -> str:
    """The query with Neo4j-only function spellings replaced by the embedded engine's.

    >>> translate_for_ladybug("MATCH (o)-[r]->(s) RETURN type(r), labels(o), id(o), elementId(r), 'type(r)'")
    "MATCH (o)-[r]->(s) RETURN label(r), [label(o)], o.id, r.key, 'type(r)'"
    """
    stripped = strip_literals(cypher)
    rel_vars = {m.group(1) for m in _REL_VAR.finditer(stripped)}
    out, pos = [], 0
    for m in _CALL.finditer(stripped):
        fn, var = m.group(1).lower(), m.group(2)
        if fn == "type":
            new = f"label({var})"
        elif fn == "labels":
            new = f"[label({var})]"
        else:
            new = f"{var}.key" if var in rel_vars else f"{var}.id"
        out.append(cypher[pos:m.start()])
        out.append(new)
        pos = m.end()
    out.append(cypher[pos:])
    return "".join(out)
