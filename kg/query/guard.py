"""The first layer of query safety: an allow-list on the openCypher parse tree.

Ad-hoc Cypher is made safe in layers, as datasette does for SQL, each of
which holds on its own:

a. **this module**: a query is parsed with the openCypher grammar
   (:mod:`kg.query.parse`) and every node of its parse tree must be of a
   kind in :data:`ALLOWED_RULES` — reading clauses and expressions only —
   and every function it calls must be in :data:`ALLOWED_FUNCTIONS`. What
   the grammar does not know (``LOAD FROM``, ``COPY``, ``ATTACH``,
   ``INSTALL``) does not parse; what it knows but is not listed
   (``CREATE``, ``SET``, ``CALL``, ``db.labels()``, ``range()``) is
   refused naming it. One statement at a time.
b. the engine cannot touch files: ad-hoc queries run in a worker process
   confined by Landlock to nothing but its own database, opened read-only
   (:mod:`kg.query.sandbox`); Neo4j runs them in a read transaction;
c. a time and memory limit that holds for any query: the worker has an
   address-space limit and is killed at the timeout.

Values never enter the text: callers pass them as parameters.
"""
from __future__ import annotations

import re

from ..errors import CypherSyntaxError, QueryRefused, WriteQueryRefused
from .parse import parse_cypher, strip_literals

__all__ = ["ALLOWED_RULES", "ALLOWED_FUNCTIONS", "WRITE_KEYWORDS", "check_read_only", "is_read_only"]

# The parse-tree nodes a reading query is made of (antlr4-cypher's rule names). Anything else —
# updating clauses, procedure calls, a rule a future grammar adds — is refused.
ALLOWED_RULES = frozenset({
    "Script", "Query", "RegularQuery", "UnionSt", "SingleQuery", "SinglePartQ", "MultiPartQ",
    "ReadingStatement", "MatchSt", "UnwindSt", "WithSt", "ReturnSt", "Where", "OrderSt", "OrderItem",
    "SkipSt", "LimitSt", "ProjectionBody", "ProjectionItems", "ProjectionItem",
    "Pattern", "PatternPart", "PatternElem", "PatternElemChain", "PatternWhere", "NodePattern", "NodeLabels",
    "RelationshipPattern", "RelationDetail", "RelationshipTypes", "RelationshipsChainPattern", "RangeLit",
    "Properties", "Lhs", "PatternComprehension", "ListComprehension", "FilterExpression", "FilterWith",
    "SubqueryExist", "Expression", "ExpressionChain", "XorExpression", "AndExpression", "NotExpression",
    "ComparisonExpression", "ComparisonSigns", "AddSubExpression", "MultDivExpression", "PowerExpression",
    "UnaryAddSubExpression", "AtomicExpression", "StringExpression", "StringExpPrefix", "ListExpression",
    "PropertyOrLabelExpression", "PropertyExpression", "NullExpression", "Atom", "ParenthesizedExpression",
    "CaseExpression", "CountAll", "FunctionInvocation", "InvocationName", "Parameter", "Literal", "BoolLit",
    "NumLit", "StringLit", "CharLit", "ListLit", "MapLit", "MapPair", "Symbol", "Name", "ReservedWord",
})

# Functions a reading query may call (lower case): aggregation, strings, numbers, lists, graph
# elements. Not range() or anything that builds big values from small ones, reads files or calls out.
ALLOWED_FUNCTIONS = frozenset({
    "count", "collect", "sum", "avg", "min", "max",
    "size", "length", "coalesce", "head", "last", "list_contains", "list_sort", "list_distinct",
    "lower", "upper", "tolower", "toupper", "trim", "ltrim", "rtrim", "substring", "substr", "left", "right",
    "split", "string_split", "starts_with", "ends_with", "contains", "reverse", "concat", "string",
    "tostring", "tointeger", "tofloat", "round", "abs", "ceil", "floor", "sign",
    "label", "labels", "type", "id", "elementid", "nodes", "rels", "relationships", "properties", "keys",
})

# Neo4j and Kùzu words that write, load, call or administer. They decide nothing (the allow-list
# does): when the grammar cannot read a query, one of them outside literals words the refusal.
WRITE_KEYWORDS = (
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "CALL", "ALTER",
    "COPY", "INSTALL", "ATTACH", "USE", "EXPORT", "IMPORT", "CHECKPOINT", "BEGIN", "COMMIT",
    "ROLLBACK", "FOREACH", "GRANT", "REVOKE", "DENY", "TERMINATE", "SHOW",
    "ENABLE", "RENAME", "PROFILE", "EXPLAIN",
)
_WRITE_WORDS = re.compile(r"(?<![\w.$])(" + "|".join(WRITE_KEYWORDS) + r")(?!\w)", re.I)
_READ_HINT = "use MATCH … RETURN …; pass values as parameters ($name), not in the text"


def _rule(node) -> str:
    name = type(node).__name__
    return name[:-len("Context")] if name.endswith("Context") else name


def check_read_only(cypher: str) -> None:
    """Raise unless every part of ``cypher`` is on the allow-list (layer a).

    :class:`~kg.errors.WriteQueryRefused` for clauses that write or call
    procedures, :class:`~kg.errors.QueryRefused` for a function not allowed,
    :class:`~kg.errors.CypherSyntaxError` for text the grammar cannot read.

    >>> check_read_only("MATCH (o:Organization) WHERE o.name = 'CREATE' RETURN o.name")
    >>> check_read_only("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    kg.errors.WriteQueryRefused: 'DETACH DELETE n' refused at 1:10: queries here only read (MATCH, UNWIND, WITH, RETURN) Hint: use MATCH … RETURN …; pass values as parameters ($name), not in the text
    >>> check_read_only("RETURN size(range(1, 1000000000))")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRefused: function range() refused at 1:12: not one of the functions a query here may call Hint: allowed: abs, avg, ceil, coalesce, collect, concat, contains, count, elementid, ends_with, floor, head, …
    """
    stripped = strip_literals(cypher)
    if ";" in stripped.strip().rstrip(";"):
        raise WriteQueryRefused("more than one statement refused", hint="run one MATCH … RETURN … statement at a time")
    try:
        trees = parse_cypher(cypher)
    except CypherSyntaxError as err:
        m = _WRITE_WORDS.search(stripped)
        if m:  # the grammar cannot read it, and it names a clause that writes, loads or administers
            line, col = _line_col(stripped, m.start())
            raise WriteQueryRefused(f"{m.group(1).upper()!r} refused at {line}:{col}: queries here only read",
                                    hint=_READ_HINT) from err
        raise
    stack = list(trees)
    while stack:
        node = stack.pop()
        rule = _rule(node)
        if rule == "TerminalNodeImpl":
            continue
        if rule not in ALLOWED_RULES:
            where = f"{node.start.line}:{node.start.column}"
            raise WriteQueryRefused(f"{_excerpt(node)!r} refused at {where}: queries here only read "
                                    "(MATCH, UNWIND, WITH, RETURN)", hint=_READ_HINT)
        if rule == "FunctionInvocation":
            name = node.invocationName().getText().strip("`")
            if name.lower() not in ALLOWED_FUNCTIONS:
                raise QueryRefused(f"function {name}() refused at {node.start.line}:{node.start.column}: not one "
                                   "of the functions a query here may call",
                                   hint="allowed: " + ", ".join(sorted(ALLOWED_FUNCTIONS)[:12]) + ", …")
        stack.extend(getattr(node, "children", None) or ())


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1)


def _excerpt(node) -> str:
    stream = node.start.getInputStream()
    text = stream.getText(node.start.start, node.stop.stop) if node.stop is not None else node.getText()
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def is_read_only(cypher: str) -> bool:
    """True when :func:`check_read_only` lets ``cypher`` through.

    >>> is_read_only("MATCH (a) RETURN a LIMIT 1"), is_read_only("MATCH (a) SET a.x = 1")
    (True, False)
    """
    try:
        check_read_only(cypher)
    except (QueryRefused, CypherSyntaxError):
        return False
    return True
