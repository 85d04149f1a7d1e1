"""Run a canned query (queries/NAME.cypher) or ad-hoc read-only Cypher on the graph.

  python -m kg query --list
  python -m kg query units_by_activity --param category=读书班
  python -m kg query --cypher "MATCH (s:Slogan) RETURN s.canonical LIMIT 5" --format json
  python -m kg query units_by_activity --format xlsx --output 读书班.xlsx

CSV is written as UTF-8 with a byte-order mark, so Excel shows the Chinese
instead of mojibake; ``--format xlsx`` writes an Excel workbook (to
``--output``, or to standard output when it is not a terminal).
"""
from __future__ import annotations

import sys
from pathlib import Path

import orjson

from ..errors import ConfigError, ParameterError
from ..query.base import DEFAULT_LIMIT, DEFAULT_TIMEOUT
from ..query.catalog import get_query, load_catalog, render_summary, run_canned
from ..views.export import write_csv_bytes, write_xlsx_bytes
from .options import add_neo4j_arguments, neo4j_settings
from .text import clip_to_width, display_width

__all__ = ["add_arguments", "run", "add_store_arguments", "open_engine_from_args", "print_result",
           "format_table", "parse_param_args"]


def add_store_arguments(p) -> None:
    p.add_argument("--store", choices=("networkx", "neo4j"), default="networkx",
                   help="networkx: the graph file, queried through an embedded Cypher engine (default); "
                        "neo4j: the server named by NEO4J_URI")
    p.add_argument("--graph", metavar="FILE", help="graph file (default $KG_GRAPH or data/graph/graph.pickle)")
    p.add_argument("--from", dest="from_paths", nargs="+", metavar="PATH",
                   help="build the graph from these report files/folders instead of loading the file")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows (default 1000)")
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="stop after S seconds (default 10)")
    p.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table",
                   help="csv: UTF-8 with a BOM (opens in Excel); xlsx: an Excel workbook (needs --output or a pipe)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the result to FILE instead of standard output")
    add_neo4j_arguments(p)


def add_arguments(p) -> None:
    p.add_argument("name", nargs="?", metavar="NAME", help="canned query id (see --list)")
    p.add_argument("--list", action="store_true", help="list the canned queries and their parameters")
    p.add_argument("--show", action="store_true", help="print the query's Cypher instead of running it")
    p.add_argument("--cypher", metavar="TEXT", help="run this read-only Cypher instead of a canned query")
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="a parameter (repeatable)")
    add_store_arguments(p)


def parse_param_args(items: list[str], typed: bool) -> dict:
    """``k=v`` pairs; for ad-hoc Cypher (``typed``) whole numbers, decimals and true/false are converted."""
    params = {}
    for item in items:
        key, eq, value = item.partition("=")
        if not eq or not key.strip().isidentifier():
            raise ParameterError(f"bad --param {item!r}", hint="write --param name=value")
        if typed:
            value = _typed(value)
        params[key.strip()] = value
    return params


def _typed(value: str):
    for convert in (int, float):
        try:
            return convert(value)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(value.lower(), value)


def open_engine_from_args(args, *, adhoc: bool = False):
    """The engine the arguments name; ``adhoc``: the confined one for typed Cypher (kg.query.sandbox)."""
    # lazy: the engines import the graph store (networkx, 0.45 s), which --list and --show do without
    from ..query.engines import open_adhoc_engine, open_engine

    graph = None
    if args.from_paths and args.store == "networkx":
        from ..build import build_graph  # lazy: only --from builds (the build stage, 0.1 s more to import)

        graph = build_graph(args.from_paths)
    opener = open_adhoc_engine if adhoc else open_engine
    return opener(args.store, graph=graph, graph_path=args.graph, neo4j=neo4j_settings(args))


def _cell(value, max_width: int) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, list):
        text = "、".join(map(str, value))
    else:
        text = str(value)
    return clip_to_width(text.replace("\n", " "), max_width)


def format_table(columns: list[str], rows: list[list], max_width: int = 40) -> str:
    """Rows as an aligned text table (CJK characters count as two columns).

    >>> print(format_table(["unit", "n"], [["市妇联", 2]]))
    unit    n
    ------  -
    市妇联  2
    """
    cells = [[_cell(c, max_width) for c in columns]] + [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(columns))]

    def line(r):
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(r, widths)).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]])


def _write_bytes(data: bytes, out, output: str | None) -> None:
    if output:
        Path(output).write_bytes(data)
    elif hasattr(out, "buffer"):
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    else:  # a text stream (tests): the same characters, BOM included
        out.write(data.decode("utf-8"))


def print_result(result, fmt: str, extra: dict | None = None, out=None, output: str | None = None) -> None:
    out = out or sys.stdout
    if fmt == "xlsx":
        if not output and getattr(out, "isatty", lambda: False)():
            raise ConfigError("an Excel workbook is not for the terminal", hint="add --output FILE.xlsx or pipe it")
        if not output and not hasattr(out, "buffer"):
            raise ConfigError("an Excel workbook needs a file", hint="add --output FILE.xlsx")
        _write_bytes(write_xlsx_bytes(list(result.columns), result.rows), out, output)
        return
    if fmt == "csv":
        _write_bytes(write_csv_bytes(list(result.columns), result.rows), out, output)
        return
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            print_result(result, fmt, extra, fh)
        return
    if fmt == "json":
        payload = {**(extra or {}), "columns": result.columns, "rows": result.rows,
                   "elapsed_ms": round(result.elapsed * 1000, 3), "truncated": result.truncated,
                   "engine": result.engine}
        out.write(orjson.dumps(payload, option=orjson.OPT_NON_STR_KEYS).decode() + "\n")
    else:
        out.write(format_table(result.columns, result.rows) + "\n")


def _shown_default(value) -> str:
    return ",".join(map(str, value)) if isinstance(value, list) else repr(value)  # lists as --param takes them


def _list(catalog) -> None:
    for q in catalog.values():
        params = " ".join(
            f"{p.name}={'…' if p.required else _shown_default(p.default)}" + (f"({p.label})" if p.label else "")
            for p in q.params)
        print(f"{q.id:22} {q.title}" + (f"  [{params}]" if params else ""))


def run(args) -> int:
    catalog = load_catalog()
    if args.list:
        _list(catalog)
        return 0
    if bool(args.name) == bool(args.cypher):
        raise ConfigError("give a canned query NAME or --cypher TEXT (not both)",
                          hint="python -m kg query --list shows the names")
    if args.name and args.show:
        print(get_query(args.name, catalog).text, end="")
        return 0
    engine = open_engine_from_args(args, adhoc=bool(args.cypher))
    limit, timeout = args.limit or DEFAULT_LIMIT, args.timeout or DEFAULT_TIMEOUT
    if args.cypher:
        params = parse_param_args(args.param, typed=True)
        result = engine.run(args.cypher, params, limit, timeout)
        summary = f"{len(result.rows)} 行"
        extra = {"cypher": args.cypher, "params": params}
    else:
        query = get_query(args.name, catalog)
        result, params = run_canned(query, engine, parse_param_args(args.param, typed=False),
                                    limit=limit, timeout=timeout)
        summary = render_summary(query.summary, result, params, query.params) if result.rows else f"{query.title}：没有结果"
        extra = {"query": query.id, "params": params, "summary": summary}
    print_result(result, args.format, extra, output=args.output)
    if args.format == "table":
        note = "（行数已到上限，结果被截断）" if result.truncated else ""
        print(f"\n{summary}{note}  [{result.engine} {result.elapsed * 1000:.1f} ms]", file=sys.stderr)
    return 0
