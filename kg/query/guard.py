"""Read-only enforcement for ad-hoc Cypher, in layers (as datasette does for SQL).

1. :func:`check_read_only` refuses write and admin keywords found after
   comments, strings and back-quoted names are blanked, and refuses more than
   one statement;
2. the same function walks the openCypher parse tree and refuses any updating
   clause or procedure call the keyword scan might have missed;
3. the engines then run what passes in a read transaction (Neo4j
   ``execute_read`` with READ access mode) or on a throw-away copy of the
   graph (ladybug), with a row cap and a timeout (:mod:`kg.query.base`).

Values never enter the text: callers pass them as parameters.
"""
from __future__ import annotations

import re

from ..errors import WriteQueryRefused
from .parse import describe_query, strip_literals

__all__ = ["WRITE_KEYWORDS", "check_read_only", "is_read_only"]

# Neo4j and Kùzu clauses that change data, schema, settings or the session.
WRITE_KEYWORDS = (
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "CALL", "ALTER",
    "COPY", "INSTALL", "ATTACH", "USE", "EXPORT", "IMPORT", "CHECKPOINT", "BEGIN", "COMMIT",
    "ROLLBACK", "FOREACH", "GRANT", "REVOKE", "DENY", "TERMINATE", "SHOW",
    "ENABLE", "RENAME", "PROFILE", "EXPLAIN",
)
_WRITE = re.compile(r"(?<![\w.$])(" + "|".join(WRITE_KEYWORDS) + r")(?![\w])", re.I)


def check_read_only(cypher: str) -> None:
    """Raise :class:`~kg.errors.WriteQueryRefused` unless ``cypher`` only reads.

    >>> check_read_only("MATCH (o:Organization) WHERE o.name = 'CREATE' RETURN o.name")
    >>> check_read_only("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    kg.errors.WriteQueryRefused: write clause 'DETACH' refused at 1:10: queries here are read-only Hint: use MATCH … RETURN …; pass values as parameters ($name), not in the text
    """
    stripped = strip_literals(cypher)
    m = _WRITE.search(stripped)
    if m:
        line = stripped.count("\n", 0, m.start()) + 1
        col = m.start() - (stripped.rfind("\n", 0, m.start()) + 1)
        raise WriteQueryRefused(
            f"write clause {m.group(1).upper()!r} refused at {line}:{col}: queries here are read-only",
            hint="use MATCH … RETURN …; pass values as parameters ($name), not in the text",
        )
    body = stripped.strip().rstrip(";")
    if ";" in body:
        raise WriteQueryRefused(
            "more than one statement refused", hint="run one MATCH … RETURN … statement at a time"
        )
    shape = describe_query(cypher)
    if shape.updating or shape.calls:
        what = "an updating clause" if shape.updating else "a procedure call"
        raise WriteQueryRefused(f"{what} refused: queries here are read-only", hint="use MATCH … RETURN …")


def is_read_only(cypher: str) -> bool:
    """True when :func:`check_read_only` lets ``cypher`` through.

    >>> is_read_only("MATCH (a) RETURN a LIMIT 1"), is_read_only("MATCH (a) SET a.x = 1")
    (True, False)
    """
    try:
        check_read_only(cypher)
    except WriteQueryRefused:
        return False
    return True
