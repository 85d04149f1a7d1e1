"""Read Cypher text without running it: strip literals, find parameters, check syntax.

Everything that must look *inside* a query (the write guard, the catalog's
parameter discovery, the schema check) first blanks out comments, string
literals and back-quoted names, so a value such as ``'CREATE'`` or a comment
``// DELETE`` can neither trigger nor hide anything. Blanking keeps offsets,
so a position found in the stripped text is the same in the original.

The syntax check uses the openCypher ANTLR grammar (``antlr4-cypher``), which
is stricter than either engine in a few places (e.g. ``$limit`` is refused
because ``limit`` is a keyword) — a query it accepts is plain openCypher.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import CypherSyntaxError, QueryError
from ..graph.schema import NODE_LABELS, NODE_PROPERTIES, REL_PROPERTIES, REL_TYPES

__all__ = [
    "strip_literals",
    "find_parameters",
    "parse_cypher",
    "check_syntax",
    "describe_query",
    "QueryShape",
    "check_schema",
]

_LITERAL = re.compile(
    r"""//[^\n]*            # line comment
      | /\*.*?\*/           # block comment
      | '(?:[^'\\]|\\.)*'   # single-quoted string
      | "(?:[^"\\]|\\.)*"   # double-quoted string
      | `(?:[^`]|``)*`      # back-quoted name
      | /\*|['"`]          # an opening that is never closed
    """,
    re.S | re.X,
)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def strip_literals(cypher: str) -> str:
    """Blank out comments, strings and back-quoted names, keeping every offset.

    Strings become ``'…'`` of spaces, comments become spaces (newlines kept),
    so the result has the same length and line structure as the input.

    >>> strip_literals("MATCH (n) WHERE n.name = 'CREATE' // DELETE\\nRETURN n")
    "MATCH (n) WHERE n.name = '      '          \\nRETURN n"
    """
    def blank(m: re.Match) -> str:
        s = m.group(0)
        if s in ("/*", "'", '"', "`"):
            line, col = _line_col(cypher, m.start())
            raise CypherSyntaxError(
                f"unclosed {s!r} at {line}:{col}", hint="close the string, comment or back-quoted name"
            )
        if s[0] in "'\"`":
            return s[0] + re.sub(r"[^\n]", " ", s[1:-1]) + s[-1]
        return re.sub(r"[^\n]", " ", s)

    return _LITERAL.sub(blank, cypher)


def find_parameters(cypher: str) -> list[str]:
    """The ``$name`` parameters a query uses, in order of first use.

    >>> find_parameters("MATCH (o) WHERE o.name = $unit AND o.x <> '$no' RETURN o LIMIT $top")
    ['unit', 'top']
    """
    seen: dict[str, None] = {}
    for m in _PARAM.finditer(strip_literals(cypher)):
        seen.setdefault(m.group(1))
    return list(seen)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return line, col


def _with_segments(cypher: str) -> list[str]:
    """Cut a query before each top-level ``WITH`` after the first.

    The antlr4-cypher grammar accepts only one ``WITH`` per query part
    (``MATCH … WITH … MATCH … WITH … RETURN`` fails although it is plain
    openCypher), so each later part is checked on its own: the text before it
    blanked (offsets and line numbers kept), ``RETURN 1`` appended where the
    part does not end the query.
    """
    stripped = strip_literals(cypher)
    starts, depth = [], 0
    for m in re.finditer(r"[([{]|[)\]}]|(?<![\w.$])WITH(?!\w)", stripped, re.I):
        tok = m.group(0)
        if tok in "([{":
            depth += 1
        elif tok in ")]}":
            depth -= 1
        elif depth == 0 and not re.search(r"(STARTS|ENDS)\s*$", stripped[: m.start()], re.I):
            starts.append(m.start())
    if len(starts) < 2:
        return [cypher]
    cuts = starts[1:] + [len(cypher)]
    pieces, begin = [], 0
    for i, end in enumerate(cuts):
        head = re.sub(r"[^\n]", " ", cypher[:begin])
        tail = "" if end == len(cypher) else " RETURN 1"
        pieces.append(head + cypher[begin:end] + tail)
        begin = end
    return pieces


def parse_cypher(cypher: str) -> list:
    """Parse with the openCypher grammar; return the ANTLR trees or raise with line:col.

    One tree per ``WITH`` part after the first (see :func:`_with_segments`).
    Cached per text: the write guard and the schema check both walk the same
    trees (callers only read them).

    >>> [t.getText()[:5] for t in parse_cypher("MATCH (n:Organization) RETURN n.name")]
    ['MATCH']
    >>> len(parse_cypher("MATCH (a) WITH a MATCH (b) WITH a, b RETURN a"))
    2
    >>> parse_cypher("MATCH (n RETURN n")
    Traceback (most recent call last):
    ...
    kg.errors.CypherSyntaxError: Cypher syntax error at 1:9: no viable alternative at input 'MATCH (n RETURN' Hint: check brackets, quotes and keywords near that position
    """
    return list(_parse_cached(cypher))


@lru_cache(maxsize=256)
def _parse_cached(cypher: str) -> tuple:
    text = cypher.rstrip().rstrip(";").rstrip()
    if not text.strip():
        raise CypherSyntaxError("empty query", hint="write a MATCH … RETURN … query")
    return tuple(_parse_piece(piece) for piece in _with_segments(text))


def _parse_piece(piece: str):
    """ANTLR's two-stage parse: the fast SLL prediction first, bailing out at the first error; only
    then full LL with error reporting, which gives the same tree or the real error (4-5x faster on
    the canned queries, same trees)."""
    # lazy: antlr4's generated Cypher parser (0.13 s), only once a query text is checked
    from antlr4 import CommonTokenStream, InputStream
    from antlr4.atn.PredictionMode import PredictionMode
    from antlr4.error.ErrorListener import ErrorListener
    from antlr4.error.Errors import ParseCancellationException
    from antlr4.error.ErrorStrategy import BailErrorStrategy
    from antlr4_cypher import CypherLexer, CypherParser

    class _Raise(ErrorListener):
        def syntaxError(self, recognizer, offending, line, column, msg, e):
            raise CypherSyntaxError(
                f"Cypher syntax error at {line}:{column}: {msg}",
                hint="check brackets, quotes and keywords near that position",
            )

    def parser(fast: bool):
        lexer = CypherLexer(InputStream(piece))
        lexer.removeErrorListeners()
        lexer.addErrorListener(_Raise())
        made = CypherParser(CommonTokenStream(lexer))
        made.removeErrorListeners()
        if fast:
            made._interp.predictionMode = PredictionMode.SLL
            made._errHandler = BailErrorStrategy()
        else:
            made.addErrorListener(_Raise())
        return made

    try:
        return parser(fast=True).script()
    except ParseCancellationException:
        return parser(fast=False).script()


def check_syntax(cypher: str) -> None:
    """Raise :class:`~kg.errors.CypherSyntaxError` unless ``cypher`` parses.

    >>> check_syntax("MATCH (a)-[:ECHOES]->(s:Slogan) RETURN s.canonical, count(DISTINCT a) AS n")
    """
    parse_cypher(cypher)


@dataclass(frozen=True)
class QueryShape:
    """What a parsed query touches: used by the write guard and the schema check."""

    labels: frozenset[str]
    rel_types: frozenset[str]
    properties: frozenset[str]
    updating: bool
    calls: bool
    map_keys: frozenset[str] = frozenset()  # keys of the maps the query builds ({n: count(a)})


@lru_cache(maxsize=256)
def describe_query(cypher: str) -> QueryShape:
    """Walk the parse tree once and collect labels, relationship types, properties.

    Cached per text: the write guard and the schema check both ask, and a
    parse costs 0.1–0.2 s in a fresh process (a first ``kg query`` paid two).

    >>> s = describe_query("MATCH (o:Organization)-[:CONDUCTED]->(a) RETURN a.category")
    >>> sorted(s.labels), sorted(s.rel_types), sorted(s.properties), s.updating
    (['Organization'], ['CONDUCTED'], ['category'], False)
    """
    from antlr4_cypher import CypherParser  # lazy: antlr4's parser (0.13 s), as in parse_cypher

    labels, rels, props, keys = set(), set(), set(), set()
    updating = calls = False
    stack = list(parse_cypher(cypher))
    while stack:
        node = stack.pop()
        if isinstance(node, CypherParser.NodeLabelsContext):
            labels.update(n.getText().strip("`") for n in node.name())
        elif isinstance(node, CypherParser.RelationshipTypesContext):
            rels.update(n.getText().strip("`") for n in node.name())
        elif isinstance(node, CypherParser.PropertyExpressionContext):
            props.update(n.getText().strip("`") for n in node.name())
        elif isinstance(node, CypherParser.MapLitContext):
            (props if _in_pattern(node) else keys).update(p.name().getText().strip("`") for p in node.mapPair())
        elif isinstance(node, CypherParser.UpdatingStatementContext):
            updating = True
        elif isinstance(node, (CypherParser.StandaloneCallContext, CypherParser.QueryCallStContext)):
            calls = True
        stack.extend(getattr(node, "children", None) or ())
    return QueryShape(frozenset(labels), frozenset(rels), frozenset(props), updating, calls, frozenset(keys))


def _in_pattern(node) -> bool:
    from antlr4_cypher import CypherParser  # lazy: antlr4's parser (0.13 s), as in parse_cypher

    parent = node.parentCtx
    return isinstance(parent, CypherParser.PropertiesContext)


def check_schema(cypher: str) -> None:
    """Refuse labels, relationship types and properties the graph schema does not have.

    Neo4j only warns about an unknown label and returns nothing; a typo then
    looks like "no data". Checking against :mod:`kg.graph.schema` first gives
    the same clear error on every engine.

    >>> check_schema("MATCH (o:Organisation) RETURN o.name")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: unknown node label 'Organisation' Hint: labels are Document, Organization, Activity, ActivityType, Metric, Problem, Passage, Slogan, Material
    """
    shape = describe_query(cypher)
    for label in sorted(shape.labels - set(NODE_LABELS)):
        raise QueryError(f"unknown node label {label!r}", hint=f"labels are {', '.join(NODE_LABELS)}")
    for rel in sorted(shape.rel_types - set(REL_TYPES)):
        raise QueryError(f"unknown relationship type {rel!r}", hint=f"types are {', '.join(REL_TYPES)}")
    known = set().union(*NODE_PROPERTIES.values(), *REL_PROPERTIES.values())
    for prop in sorted(shape.properties - known - shape.map_keys):  # a map the query builds has its own keys
        raise QueryError(
            f"unknown property {prop!r}",
            hint="properties are listed per label in kg/graph/schema.py, e.g. " + ", ".join(sorted(known)[:12]) + " …",
        )
