"""What every query engine shares: the result type, the run settings, the guard, plain values.

Both engines (:mod:`~kg.query.ladybug_engine`, :mod:`~kg.query.neo4j_engine`)
apply the same guard first (:func:`kg.query.guard.check_read_only` and
:func:`kg.query.parse.check_schema`), validate the row cap and timeout the
same way, and turn their values into plain Python, so results from the two
stores compare equal.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

from ..errors import ConfigError, QueryError
from .guard import check_read_only
from .parse import check_schema
from .verdicts import passed_before, remember_passed

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_TIMEOUT",
    "Result",
    "Engine",
    "prepare_query",
    "plain_value",
]

DEFAULT_LIMIT = 1000
DEFAULT_TIMEOUT = 10.0


@dataclass
class Result:
    """A query's answer: column names, rows (lists of plain values), seconds taken.

    ``truncated`` is true when the row cap cut the answer short.

    >>> r = Result(["unit", "n"], [["市妇联", 2]], 0.001)
    >>> r.as_dicts()
    [{'unit': '市妇联', 'n': 2}]
    """

    columns: list[str]
    rows: list[list[Any]]
    elapsed: float
    truncated: bool = False
    engine: str = ""
    notes: list[str] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]


class Engine(Protocol):
    name: str

    def run(self, cypher: str, params: dict | None = None, limit: int = DEFAULT_LIMIT,
            timeout: float = DEFAULT_TIMEOUT) -> Result: ...

    def run_columns(self, cypher: str, params: dict | None = None,
                    timeout: float = DEFAULT_TIMEOUT) -> dict[str, list]: ...


@lru_cache(maxsize=512)
def _checked(cypher: str) -> None:
    if passed_before(cypher):  # kg.query.verdicts: this text passed this guard in an earlier process
        return
    check_read_only(cypher)
    check_schema(cypher)
    remember_passed(cypher)


def prepare_query(cypher: str, params: dict | None, limit: int, timeout: float) -> dict:
    """Guard a query and validate its run settings; return the parameters to send.

    The check is cached per text, in this process and between processes
    (:mod:`kg.query.verdicts`), so a canned query pays for it once.

    >>> prepare_query("MATCH (o:Organization) RETURN o.name", {"u": "x"}, 10, 1.0)
    {'u': 'x'}
    """
    _checked(cypher)
    if not isinstance(limit, int) or limit < 1:
        raise ConfigError(f"row limit {limit!r} is not a positive whole number", hint="e.g. --limit 100")
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
        raise ConfigError(f"timeout {timeout!r} is not a positive number of seconds", hint="e.g. --timeout 10")
    params = dict(params or {})
    for key, value in params.items():
        if not isinstance(key, str) or not key.isidentifier():
            raise QueryError(f"parameter name {key!r} is not a Cypher name", hint="use letters, digits and _")
        if not isinstance(value, (str, int, float, bool, type(None), list)):
            raise QueryError(f"parameter {key}={value!r} has an unsupported type {type(value).__name__}")
    return params


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain_value(value: Any) -> Any:
    """Turn an engine's value into plain Python (nodes and relationships become dicts).

    >>> plain_value({"_ID": {"offset": 0, "table": 0}, "_LABEL": "Slogan", "id": "Slogan:四敢争先",
    ...              "canonical": "四敢争先", "doc_ids": None})
    {'_label': 'Slogan', 'canonical': '四敢争先', 'id': 'Slogan:四敢争先'}
    """
    if type(value) in _SCALARS:
        return value
    if isinstance(value, dict):
        if "_LABEL" in value and "_ID" in value:  # a ladybug node or relationship
            key = "_type" if "_SRC" in value else "_label"
            props = {k: plain_value(v) for k, v in value.items() if not k.startswith("_") and v is not None}
            return {key: value["_LABEL"], **dict(sorted(props.items()))}
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, Decimal):  # ladybug's sum() of integers
        return int(value) if value == value.to_integral_value() else float(value)
    labels = getattr(value, "labels", None)
    if labels is not None and hasattr(value, "element_id"):  # neo4j Node
        return {"_label": sorted(labels)[0] if labels else None, **dict(sorted(dict(value).items()))}
    if hasattr(value, "type") and hasattr(value, "element_id"):  # neo4j Relationship
        return {"_type": value.type, **dict(sorted(dict(value).items()))}
    return value
