"""CSV files for ``neo4j-admin database import`` — the bulk path for millions of rows.

One node file per label (``nodes_<Label>.csv``) and one relationship file
per type (``rels_<TYPE>.csv``), each with the typed header neo4j-admin reads
(``id:ID``, ``year:long``, ``value:double``, ``approx:boolean``,
``aliases:string[]``; ``:START_ID``/``:END_ID`` for relationships), plus a
README.md holding the exact import command. Ids are globally unique
(``Label:key``), so one id space serves every file. Text may span lines
(document text), hence ``--multiline-fields=true``; list items are joined
with ``|`` (``--array-delimiter``), and an item containing ``|`` is refused
rather than silently split.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from ..errors import GraphError
from ..graph.schema import NODE_LABELS, NODE_PROPERTIES, REL_PROPERTIES, REL_TYPES
from .cypher import constraint_statements, index_statements
from .networkx_store import write_atomically

__all__ = ["ARRAY_DELIMITER", "write_neo4j_admin", "read_neo4j_admin", "import_command"]

ARRAY_DELIMITER = "|"
_SUFFIX = {"STRING": "", "INT64": ":long", "DOUBLE": ":double", "BOOLEAN": ":boolean", "STRING[]": ":string[]"}


def _cell(value, typ: str, where: str) -> str:
    if value is None:
        return ""
    if typ == "BOOLEAN":
        return "true" if value else "false"
    if typ == "STRING[]":
        for item in value:
            if ARRAY_DELIMITER in item:
                raise GraphError(f"{where}: list item {item!r} contains the array delimiter {ARRAY_DELIMITER!r}",
                                 hint="export as jsonl or graphml instead, or clean the name")
        return ARRAY_DELIMITER.join(value)
    if typ == "DOUBLE":
        return repr(float(value))
    return str(value)


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def import_command(node_files: dict[str, str], rel_files: dict[str, str], database: str = "neo4j") -> str:
    """The neo4j-admin command (Neo4j 5) that loads the files, run from their folder.

    >>> print(import_command({"Slogan": "nodes_Slogan.csv"}, {}))
    neo4j-admin database import full neo4j \\
      --overwrite-destination --multiline-fields=true --array-delimiter='|' \\
      --nodes=Slogan=nodes_Slogan.csv
    """
    parts = [f"neo4j-admin database import full {database} \\",
             f"  --overwrite-destination --multiline-fields=true --array-delimiter='{ARRAY_DELIMITER}'"]
    args = [f"--nodes={label}={name}" for label, name in node_files.items()]
    args += [f"--relationships={rel}={name}" for rel, name in rel_files.items()]
    return "\n".join(parts[:1] + [p + " \\" for p in parts[1:]] + [f"  {a} \\" for a in args]).rstrip(" \\")


_README = """# Bulk import into Neo4j

Files written by `python -m kg export --format neo4j-admin {out}`: one node file
per label, one relationship file per type, each with its header in the first row.

1. Stop the database (Neo4j Community: stop the server; Enterprise: `STOP DATABASE neo4j`).
2. Copy these files into the server's `import/` folder (or run from this folder).
3. From that folder run (Neo4j 5):

```sh
{command}
```

4. Start the database, then create the uniqueness constraints and indexes the
   loader uses (`python -m kg build … --store neo4j` also creates them):

```cypher
{constraints}
```

Notes: `--overwrite-destination` replaces the database `neo4j` (choose another
name to keep it). Empty cells are absent properties; empty lists are absent too.
Counts: {counts}.
"""


def write_neo4j_admin(g: nx.MultiDiGraph, out_dir: str | Path, *, database: str = "neo4j") -> Path:
    """Write the CSV files and README.md into ``out_dir``; returns the README path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    node_files, rel_files, counts = {}, {}, []
    for label in NODE_LABELS:
        schema = NODE_PROPERTIES[label]
        cols = [k for k in schema if k != "id"]
        rows = [["id:ID"] + [k + _SUFFIX[schema[k]] for k in cols]]
        for n, d in sorted(g.nodes(data=True)):
            if d.get("label") == label:
                rows.append([n] + [_cell(d.get(k), schema[k], n) for k in cols])
        if len(rows) > 1:
            node_files[label] = f"nodes_{label}.csv"
            write_atomically(out / node_files[label], [_csv_bytes(rows)])
            counts.append(f"{label} {len(rows) - 1}")
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[3]["type"], e[0], e[1], e[2]))
    for rel in REL_TYPES:
        schema = REL_PROPERTIES[rel]
        cols = list(schema)
        rows = [[":START_ID", ":END_ID"] + [k + _SUFFIX[schema[k]] for k in cols]]
        for u, v, k, d in edges:
            if d["type"] == rel:
                rows.append([u, v] + [_cell(k if c == "key" else d.get(c), schema[c], k) for c in cols])
        if len(rows) > 1:
            rel_files[rel] = f"rels_{rel}.csv"
            write_atomically(out / rel_files[rel], [_csv_bytes(rows)])
            counts.append(f"{rel} {len(rows) - 1}")
    readme = _README.format(out=out, command=import_command(node_files, rel_files, database),
                            constraints=";\n".join(constraint_statements() + index_statements()) + ";",
                            counts=", ".join(counts))
    write_atomically(out / "README.md", [readme.encode("utf-8")])
    return out / "README.md"


def _parse(cell: str, typ: str):
    if typ == "STRING[]":
        return cell.split(ARRAY_DELIMITER) if cell else []
    if cell == "":
        return None
    if typ == "INT64":
        return int(cell)
    if typ == "DOUBLE":
        return float(cell)
    if typ == "BOOLEAN":
        return cell == "true"
    return cell


def _read_rows(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        cols = []
        for h in header:
            name, _, typ = h.partition(":")
            cols.append((name, {"": "STRING", "long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN",
                                "string[]": "STRING[]", "ID": "ID", "START_ID": "START_ID",
                                "END_ID": "END_ID"}[typ]))
        for row in reader:
            yield cols, row


def read_neo4j_admin(out_dir: str | Path) -> nx.MultiDiGraph:
    """Read the CSV files back into a graph (for round-trip tests and checks)."""
    out = Path(out_dir)
    g = nx.MultiDiGraph()
    for label in NODE_LABELS:
        path = out / f"nodes_{label}.csv"
        if not path.exists():
            continue
        for cols, row in _read_rows(path):
            attrs = {"label": label}
            for (name, typ), cell in zip(cols, row):
                if typ == "ID":
                    nid = attrs["id"] = cell
                elif (value := _parse(cell, typ)) is not None:
                    attrs[name] = value
            g.add_node(nid, **attrs)
    for rel in REL_TYPES:
        path = out / f"rels_{rel}.csv"
        if not path.exists():
            continue
        for cols, row in _read_rows(path):
            attrs = {"type": rel}
            for (name, typ), cell in zip(cols, row):
                if typ == "START_ID":
                    u = cell
                elif typ == "END_ID":
                    v = cell
                elif (value := _parse(cell, typ)) is not None:
                    attrs[name] = value
            g.add_edge(u, v, key=attrs["key"])
            g.edges[u, v, attrs["key"]].update(attrs)
    return g
