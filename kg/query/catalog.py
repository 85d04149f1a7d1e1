"""Canned queries: ``queries/<id>.cypher``, a comment header and one Cypher statement.

In the style of datasette's canned queries, a query is data an analyst can
read and add to without touching code. The header is the run of ``//``
lines at the top, one ``key: value`` each::

    // title: 哪些单位开展了某类活动
    // description: 开展过某一类活动的单位，附文档与原文证据。
    // param: category string default=读书班 choices=categories label=活动类别
    // columns: unit, doc_id, title, activity, status, evidence
    // chart: bar x=unit
    // summary: {unique:unit} 个单位开展了“{category}”：{top:unit}

``param: NAME TYPE [default=V] [choices=SOURCE|a|b] [label=TEXT]`` (label last) — TYPE is
``string``, ``int``, ``float``, ``bool`` or ``list`` (strings; the app
offers a multi-select, the command line takes ``a,b``; an empty list means
"all"); a parameter without a default is required; ``choices`` names a
graph vocabulary (:data:`CHOICE_SOURCES`) or lists values with ``|``, each
optionally with the words a reader sees (``done:已开展|planned:计划``). Parameters are found by ``$name`` in the body
(comments and strings stripped); the header only adds type, default and
choices, and :func:`check_query` reports any mismatch. ``summary`` is the
one-line Chinese answer (:func:`render_summary`).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process

from ..errors import ParameterError, QueryError, UnknownQuery
from .base import DEFAULT_LIMIT, DEFAULT_TIMEOUT
from .parse import find_parameters

__all__ = [
    "QUERIES_DIR",
    "CHOICE_SOURCES",
    "engine_choices",
    "warm_up",
    "Param",
    "CannedQuery",
    "parse_query_file",
    "load_catalog",
    "get_query",
    "check_query",
    "bind_params",
    "param_choices",
    "render_summary",
    "run_canned",
    "write_query_file",
]

log = logging.getLogger(__name__)

QUERIES_DIR = Path(__file__).resolve().parent.parent.parent / "queries"
_TYPES = {"string": str, "int": int, "float": float, "bool": bool, "list": list}
CHOICE_SOURCES = {
    "units": ("Organization", "name"),
    "categories": ("ActivityType", "name"),
    "slogans": ("Slogan", "canonical"),
    "materials": ("Material", "name"),
    "genres": ("Document", "genre"),
    "years": ("Document", "year"),
    "titles": ("Document", "title"),
}
_HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*?)\s*$")
_KNOWN_KEYS = {"title", "description", "param", "columns", "chart", "summary"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    default: Any = None
    choices: str | tuple[str, ...] | None = None
    label: str = ""
    choice_labels: tuple[tuple[str, str], ...] = ()  # (value, words) for listed choices that have words

    @property
    def required(self) -> bool:
        return self.default is None

    def describe(self, value) -> str:
        """A bound value in the words of the header's choices (lists joined with 、).

        >>> Param("status", "list", choice_labels=(("done", "已开展"),)).describe(["done", "x"])
        '已开展、x'
        >>> Param("unit", "list").describe([])
        '全部'
        """
        words = dict(self.choice_labels)
        if isinstance(value, list):
            if not value:
                return "全部"
            return "、".join(words.get(str(v), str(v)) for v in value)
        return words.get(str(value), str(value)) if value is not None else ""


@dataclass(frozen=True)
class CannedQuery:
    id: str
    title: str
    cypher: str
    description: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    chart: dict = field(default_factory=dict)
    summary: str = ""
    path: str = ""

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParameterError(f"query {self.id!r} has no parameter {name!r}",
                             hint="parameters: " + (", ".join(p.name for p in self.params) or "none"))

    @property
    def text(self) -> str:
        """The whole file as written (header and body)."""
        return Path(self.path).read_text(encoding="utf-8") if self.path else self.cypher


def _convert(value: Any, type_name: str, where: str) -> Any:
    if type_name == "list":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            raise ParameterError(f"{where}: {value!r} is not a list", hint="write a,b,c")
        return [str(v).strip() for v in items if str(v).strip()]
    if type_name == "string":
        return value if isinstance(value, str) else str(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if type_name == "int":
                return int(text)
            if type_name == "float":
                return float(text)
        except ValueError as err:
            raise ParameterError(f"{where}: {value!r} is not a {type_name}", hint="give a number") from err
        if type_name == "bool":
            if text.lower() in ("true", "1", "yes", "是"):
                return True
            if text.lower() in ("false", "0", "no", "否"):
                return False
            raise ParameterError(f"{where}: {value!r} is not a bool", hint="use true or false")
    if type_name == "bool" and isinstance(value, bool):
        return value
    if type_name in ("int", "float") and isinstance(value, (int, float)) and not isinstance(value, bool):
        if type_name == "int" and float(value) != int(value):
            raise ParameterError(f"{where}: {value!r} is not a whole number")
        return _TYPES[type_name](value)
    raise ParameterError(f"{where}: {value!r} is not a {type_name}")


def _parse_param(spec: str, where: str) -> Param:
    spec, _, label = spec.partition(" label=")  # the label is last and may hold spaces
    parts = spec.split()
    if len(parts) < 2 or not parts[0].isidentifier() or parts[1] not in _TYPES:
        raise QueryError(f"{where}: bad param line {spec!r}",
                         hint="write 'param: NAME TYPE [default=V] [choices=SOURCE] [label=TEXT]', TYPE one of "
                              + ", ".join(_TYPES))
    name, type_name = parts[0], parts[1]
    opts: dict[str, str] = {}
    for item in parts[2:]:
        key, eq, value = item.partition("=")
        if not eq or key not in ("default", "choices"):
            raise QueryError(f"{where}: bad param option {item!r}",
                             hint="options are default=, choices=, then label= (last, may hold spaces)")
        opts[key] = value
    default = _convert(opts["default"], type_name, where) if "default" in opts else None
    choices = opts.get("choices")
    labels: tuple[tuple[str, str], ...] = ()
    if choices and "|" in choices:
        pairs = [item.partition(":") for item in choices.split("|")]
        choices = tuple(value for value, _, _ in pairs)
        labels = tuple((value, words) for value, colon, words in pairs if colon and words)
    elif choices and choices not in CHOICE_SOURCES:
        raise QueryError(f"{where}: unknown choices source {choices!r}",
                         hint="use one of " + ", ".join(CHOICE_SOURCES) + " or list values as a|b|c")
    return Param(name, type_name, default, choices, label.strip(), labels)


def parse_query_file(path: str | Path) -> CannedQuery:
    """Read one ``.cypher`` file: its header, its parameters, its body.

    >>> q = parse_query_file(QUERIES_DIR / "units_by_activity.cypher")
    >>> q.id, q.title, [(p.name, p.default, p.choices) for p in q.params]
    ('units_by_activity', '哪些单位开展了某类活动', [('category', ['读书班'], 'categories'), ('status', ['done'], ('done', 'planned', 'urged'))])
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read the query file ({err})") from err
    meta: dict[str, Any] = {"param": []}
    lines = text.splitlines()
    n_header = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            n_header = n
            continue
        if not line.lstrip().startswith("//"):
            break
        n_header = n
        m = _HEADER.match(line.strip())
        if not m or m.group(1) not in _KNOWN_KEYS:
            raise QueryError(f"{path}:{n}: bad header line {line.strip()!r}",
                             hint="write '// key: value' with key one of " + ", ".join(sorted(_KNOWN_KEYS)))
        key, value = m.groups()
        if key == "param":
            meta["param"].append(_parse_param(value, f"{path}:{n}"))
        else:
            meta[key] = value
    body = "\n".join(lines[n_header:]).strip()
    if not body:
        raise QueryError(f"{path}: no Cypher after the header")
    if "title" not in meta:
        raise QueryError(f"{path}: header has no title", hint="add '// title: 中文标题' on the first line")
    declared = {p.name: p for p in meta["param"]}
    params = list(meta["param"])
    for name in find_parameters(body):
        if name not in declared:
            params.append(Param(name))
    chart_parts = meta.get("chart", "table").split()
    chart = {"type": chart_parts[0] if chart_parts else "table"}
    chart.update(item.split("=", 1) for item in chart_parts[1:] if "=" in item)
    columns = tuple(c.strip() for c in meta.get("columns", "").split(",") if c.strip())
    return CannedQuery(path.stem, meta["title"], body, meta.get("description", ""), tuple(params), columns,
                       chart, meta.get("summary", ""), str(path))


def check_query(query: CannedQuery) -> list[str]:
    """Problems with a canned query that loading tolerates but a test must not.

    >>> check_query(parse_query_file(QUERIES_DIR / "slogan_reach.cypher"))
    []
    """
    problems = []
    used = set(find_parameters(query.cypher))
    for p in query.params:
        if p.name not in used:
            problems.append(f"{query.id}: parameter {p.name!r} is declared but not used")
    return problems


def load_catalog(directory: str | Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query in ``directory`` (default ``queries/``), by id, sorted.

    >>> "slogan_reach" in load_catalog()
    True
    """
    directory = Path(directory) if directory else QUERIES_DIR
    if not directory.is_dir():
        raise QueryError(f"{directory}: no queries folder", hint="canned queries live in queries/*.cypher")
    catalog = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse_query_file(path)
        for problem in check_query(query):
            log.warning("%s", problem)
        catalog[query.id] = query
    return catalog


def get_query(name: str, catalog: dict[str, CannedQuery] | None = None) -> CannedQuery:
    """The canned query ``name``, or :class:`~kg.errors.UnknownQuery` with the closest names."""
    catalog = catalog if catalog is not None else load_catalog()
    if name in catalog:
        return catalog[name]
    close = [m[0] for m in process.extract(name, list(catalog), limit=3)]
    raise UnknownQuery(f"no canned query named {name!r}", hint="did you mean " + ", ".join(close) + "? (--list)")


def bind_params(query: CannedQuery, given: dict[str, Any] | None = None) -> dict[str, Any]:
    """The parameters to send: given values converted to their types, defaults filled in.

    >>> q = parse_query_file(QUERIES_DIR / "slogan_reach.cypher")
    >>> bind_params(q, {"top": "5"})
    {'top': 5}
    >>> bind_params(q, {"limit": "5"})
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: query 'slogan_reach' has no parameter 'limit' Hint: parameters: top
    """
    given = dict(given or {})
    bound = {}
    for name in given:
        query.param(name)
    for p in query.params:
        where = f"{query.id} parameter {p.name}"
        if p.name in given and given[p.name] is not None:
            value = _convert(given[p.name], p.type, where)
        elif p.required:
            raise ParameterError(f"{query.id}: parameter {p.name!r} is required",
                                 hint=f"pass --param {p.name}=…" + (f" ({p.label})" if p.label else ""))
        else:
            value = p.default
        if p.required and value == []:
            raise ParameterError(f"{query.id}: parameter {p.name!r} needs at least one value",
                                 hint=f"pass --param {p.name}=a,b" + (f" ({p.label})" if p.label else ""))
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if isinstance(p.choices, tuple) and v not in p.choices and v != p.default]
        if wrong:
            raise ParameterError(f"{where}: {wrong[0]!r} is not one of {', '.join(p.choices)}")
        bound[p.name] = value
    return bound


def param_choices(graph, source: str) -> list:
    """The values a ``choices=SOURCE`` parameter can take in ``graph`` (sorted, distinct).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    >>> param_choices(g, "slogans")
    ['四敢争先']
    """
    if source not in CHOICE_SOURCES:
        raise QueryError(f"unknown choices source {source!r}", hint="one of " + ", ".join(CHOICE_SOURCES))
    label, prop = CHOICE_SOURCES[source]
    values = {attrs.get(prop) for _, attrs in graph.nodes(data=True) if attrs.get("label") == label}
    values.discard(None)
    values.discard("")
    return sorted(values)


def engine_choices(engine, source: str) -> list:
    """What :func:`param_choices` gives, asked of a query engine instead of the NetworkX graph.

    The app and the warm-up read the choices from the query database, so
    they need not load the whole graph.
    """
    if source not in CHOICE_SOURCES:
        raise QueryError(f"unknown choices source {source!r}", hint="one of " + ", ".join(CHOICE_SOURCES))
    label, prop = CHOICE_SOURCES[source]
    result = engine.run(f"MATCH (n:{label}) WHERE n.{prop} IS NOT NULL RETURN DISTINCT n.{prop} AS v",
                        limit=10**9)
    return sorted(v for (v,) in result.rows if v != "")


def warm_up(engine, catalog: dict[str, CannedQuery] | None = None) -> dict[str, float]:
    """Run every canned query once, so the first one an analyst asks is as fast as the next.

    A query's first run on a freshly opened database reads its pages from
    disk and pays for its check (parse, guard) and plan; the app calls this
    in the background when it opens the engine. Required parameters take
    the first value of their choices. Returns the seconds each query took;
    a query that fails here is logged and fails again, visibly, when asked.
    """
    catalog = catalog or load_catalog()
    firsts: dict[str, Any] = {}
    took = {}
    for qid, query in catalog.items():
        given = {}
        for p in query.params:
            if p.required and isinstance(p.choices, str):
                if p.choices not in firsts:
                    firsts[p.choices] = next(iter(engine_choices(engine, p.choices)), None)
                given[p.name] = firsts[p.choices]
        try:
            result, _ = run_canned(query, engine, given)
        except (QueryError, ParameterError) as err:
            log.warning("warm-up: %s failed: %s", qid, err)
            continue
        took[qid] = result.elapsed
    return took


_SLOT = re.compile(r"\{(?:(unique|top|first|sum|count):)?([A-Za-z_][A-Za-z0-9_]*)\}")


def render_summary(template: str, result, params: dict[str, Any], query_params=()) -> str:
    """Fill a summary template from a result: ``{n}`` rows, ``{unique:col}``
    distinct values, ``{top:col}`` the first three distinct values, ``{first:col}``,
    ``{sum:col}``, ``{count:col}`` (truthy values), ``{param}`` a parameter
    (in the words of its choices when ``query_params`` declares them; a list
    joined with 、).

    >>> from kg.query.base import Result
    >>> r = Result(["unit", "n"], [["市妇联", 2], ["市税务局", 1], ["市妇联", 1]], 0.0)
    >>> render_summary("{unique:unit} 个单位开展了“{category}”：{top:unit}，共 {sum:n} 次", r, {"category": "读书班"})
    '2 个单位开展了“读书班”：市妇联、市税务局，共 4 次'
    """
    described = {p.name: p for p in (query_params or ())}

    def fill(m: re.Match) -> str:
        op, name = m.groups()
        if op is None:
            if name == "n":
                return str(len(result.rows))
            if name not in params:
                return m.group(0)
            value = params[name]
            if name in described:
                return described[name].describe(value)
            return "、".join(map(str, value)) if isinstance(value, list) else str(value)
        if name not in result.columns:
            return "—"
        values = result.column(name)
        if op == "unique":
            return str(len({_hashable(v) for v in values}))
        if op == "top":
            seen = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
            sep = "；" if any("、" in v for v in seen[:3]) else "、"  # slogans hold 、 themselves
            return sep.join(seen[:3]) + ("等" if len(seen) > 3 else "") if seen else "无"
        if op == "first":
            return str(values[0]) if values else "无"
        if op == "sum":
            total = sum(v for v in values if isinstance(v, (int, float)))
            return f"{total:g}"
        return str(sum(1 for v in values if v))

    return _SLOT.sub(fill, template) if template else f"共 {len(result.rows)} 行"


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def run_canned(name: str | CannedQuery, engine, params: dict[str, Any] | None = None, *,
               limit: int | None = None, timeout: float | None = None):
    """Run a canned query on an engine; returns ``(result, bound_params)``."""
    query = name if isinstance(name, CannedQuery) else get_query(name)
    bound = bind_params(query, params)
    result = engine.run(query.cypher, bound, limit or DEFAULT_LIMIT, timeout or DEFAULT_TIMEOUT)
    return result, bound


def write_query_file(title: str, cypher: str, *, description: str = "", columns=(), summary: str = "") -> str:
    """The text of a ``queries/<id>.cypher`` file for an ad-hoc query, header included.

    Every ``$name`` the query uses becomes a required string parameter (edit
    the header to give it a type, default or choices); ``columns`` are the
    result's columns. The text parses back with :func:`parse_query_file`.

    >>> print(write_query_file("各单位活动数", "MATCH (o:Organization) WHERE o.name = $unit RETURN o.name AS unit",
    ...                        columns=["unit"]))
    // title: 各单位活动数
    // description: 各单位活动数
    // param: unit string label=unit
    // columns: unit
    // chart: table
    // summary: 共 {n} 行
    MATCH (o:Organization) WHERE o.name = $unit RETURN o.name AS unit
    <BLANKLINE>
    """
    title = " ".join(title.split()) or "新查询"
    lines = [f"// title: {title}", f"// description: {' '.join((description or title).split())}"]
    lines += [f"// param: {name} string label={name}" for name in find_parameters(cypher)]
    if columns:
        lines.append("// columns: " + ", ".join(str(c) for c in columns))
    lines += ["// chart: table", f"// summary: {' '.join(summary.split()) or '共 {n} 行'}"]
    body = cypher.strip().rstrip(";").strip()
    return "\n".join(lines) + "\n" + body + "\n"
