"""Round trips of every exporter (GraphML, JSON Lines, neo4j-admin CSV, Cypher script) and of the
format dispatch (kg/store/exports.py) that the CLI and the app's downloads use."""
from __future__ import annotations

import re
import zipfile

import pytest
from tests.graph_helpers import fixture_pairs, graph_facts

from kg.errors import ConfigError, GraphError
from kg.graph import graph_from_records
from kg.graph.schema import NODE_LABELS
from kg.query.parse import check_syntax
from kg.store import save_graph
from kg.store.cypher import (constraint_statements, index_statements, node_rows, node_statement, relationship_groups,
                             relationship_statement)
from kg.store.exports import EXPORT_FORMATS, export_bytes, export_format_for, write_export
from kg.store.cypher_script import iter_cypher_statements, write_cypher_script
from kg.store.graphml import read_graphml, write_graphml
from kg.store.jsonl import read_jsonl, write_jsonl
from kg.store.neo4j_admin import read_neo4j_admin, write_neo4j_admin


@pytest.fixture()
def g():
    graph = graph_from_records(fixture_pairs())
    # awkward text: quotes, commas, backslashes, a tab and a blank line
    graph.nodes["Document:c1"]["title"] = 'a,"b"\\c\td\n\ne\'f'
    graph.graph["files"] = {"/x/c1.txt": {"sha256": "ab", "doc_ids": ["c1"], "source": "c1.txt"}}
    return graph


def test_graphml_round_trip(tmp_path, g):
    back = read_graphml(write_graphml(g, tmp_path / "g.graphml"))
    assert graph_facts(back) == graph_facts(g)
    assert back.graph["files"] == g.graph["files"]


def test_jsonl_round_trip(tmp_path, g):
    back = read_jsonl(write_jsonl(g, tmp_path / "g.jsonl"))
    assert graph_facts(back) == graph_facts(g) and back.graph == g.graph


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"type": "graph", "properties": {}}\n{"type": "node"}\n', encoding="utf-8")
    with pytest.raises(GraphError, match=r"g\.jsonl:2:"):
        read_jsonl(p)


def test_neo4j_admin_round_trip_and_readme(tmp_path, g):
    readme = write_neo4j_admin(g, tmp_path / "csv")
    back = read_neo4j_admin(tmp_path / "csv")
    assert graph_facts(back) == graph_facts(g)
    text = readme.read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j" in text
    for f in sorted((tmp_path / "csv").glob("*.csv")):
        label = f.stem.split("_", 1)[1]
        flag = "--nodes" if f.name.startswith("nodes_") else "--relationships"
        assert f"{flag}={label}={f.name}" in text
    header = (tmp_path / "csv" / "nodes_Document.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID,") and "year:long" in header and "title_derived:boolean" in header
    assert "aliases:string[]" in (tmp_path / "csv" / "nodes_Organization.csv").read_text(encoding="utf-8")
    assert (tmp_path / "csv" / "rels_MENTIONS.csv").read_text(encoding="utf-8").startswith(":START_ID,:END_ID,key,")


def test_neo4j_admin_refuses_a_list_item_with_the_delimiter(tmp_path, g):
    g.nodes["Organization:市委"]["aliases"] = ["甲|乙"]
    with pytest.raises(GraphError, match="array delimiter"):
        write_neo4j_admin(g, tmp_path / "csv")


def _parse_literal(s: str, i: int = 0):
    """A reader for the literal subset cypher_literal writes (the test's own, independent of the writer)."""
    s_len = len(s)

    def ws(i):
        while i < s_len and s[i] == " ":
            i += 1
        return i

    def value(i):
        i = ws(i)
        c = s[i]
        if c == "[":
            out, i = [], ws(i + 1)
            if s[i] == "]":
                return out, i + 1
            while True:
                v, i = value(i)
                out.append(v)
                i = ws(i)
                if s[i] == "]":
                    return out, i + 1
                i += 1  # ,
        if c == "{":
            out, i = {}, ws(i + 1)
            if s[i] == "}":
                return out, i + 1
            while True:
                m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(s, ws(i))
                key, i = m.group(), ws(m.end()) + 1  # :
                out[key], i = value(i)
                i = ws(i)
                if s[i] == "}":
                    return out, i + 1
                i += 1
        if c == "'":
            buf, i = [], i + 1
            esc = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "\\": "\\", "'": "'"}
            while s[i] != "'":
                if s[i] == "\\":
                    if s[i + 1] == "u":
                        buf.append(chr(int(s[i + 2:i + 6], 16)))
                        i += 6
                        continue
                    buf.append(esc[s[i + 1]])
                    i += 2
                    continue
                buf.append(s[i])
                i += 1
            return "".join(buf), i + 1
        m = re.compile(r"null|true|false|-?[0-9.eE+-]+").match(s, i)
        tok = m.group()
        val = {"null": None, "true": True, "false": False}.get(tok, tok)
        if isinstance(val, str):
            val = float(tok) if any(ch in tok for ch in ".eE") else int(tok)
        return val, m.end()

    return value(i)[0]


def test_cypher_script_is_the_loaders_statements_with_literal_rows(tmp_path, g):
    """What the script holds; tests/store/test_neo4j_exports.py runs it on a real Neo4j."""
    g.nodes["Document:c1"]["text"] += "\x01\u2028"
    path = write_cypher_script(g, tmp_path / "g.cypher", batch_size=7)
    body = "".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True) if not ln.startswith("//"))
    assert body.split(";\n")[:-1] == list(iter_cypher_statements(g, 7))
    sent: dict[str, list] = {}
    for statement in iter_cypher_statements(g, 7):
        if statement.startswith("CREATE "):  # schema commands: Neo4j's own, not openCypher
            assert statement in constraint_statements() + index_statements()
            continue
        check_syntax(statement)
        literal, rest = statement[len("UNWIND "):].split(" AS row ", 1)
        sent.setdefault("UNWIND $rows AS row " + rest, []).extend(_parse_literal(literal))
    expected = {node_statement(label): node_rows(g, label) for label in NODE_LABELS if node_rows(g, label)}
    expected.update((relationship_statement(*key), rows) for key, rows in relationship_groups(g).items())
    assert sent == expected


def test_graphml_replaces_characters_xml_cannot_hold_keeping_offsets(tmp_path, g):
    g.nodes["Document:a1"]["text"] = "\x0c" + g.nodes["Document:a1"]["text"][1:]
    back = read_graphml(write_graphml(g, tmp_path / "g.graphml"))
    text = back.nodes["Document:a1"]["text"]
    assert text[0] == "\ufffd" and text[1:] == g.nodes["Document:a1"]["text"][1:]


def test_every_format_downloads_as_bytes_that_read_back(tmp_path, g):
    for fmt, reader in (("graphml", read_graphml), ("jsonl", read_jsonl)):
        name, data, _ = export_bytes(g, fmt)
        (tmp_path / name).write_bytes(data)
        back = reader(tmp_path / name)
        assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    name, data, mime = export_bytes(g, "neo4j-admin")
    assert mime == "application/zip"
    (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / name) as zf:
        zf.extractall(tmp_path / "admin")
    back = read_neo4j_admin(tmp_path / "admin")
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    _, script, _ = export_bytes(g, "cypher")
    unit = next(d["name"] for _, d in g.nodes(data=True) if d["label"] == "Organization")
    assert unit in script.decode("utf-8")


def test_the_file_name_picks_the_format_and_each_writer_writes_it(tmp_path, g):
    for fmt, spec in EXPORT_FORMATS.items():
        for suffix in spec.suffixes:
            assert export_format_for(tmp_path / f"x{suffix.upper()}") == fmt
    assert export_format_for(tmp_path / "csv") is None
    assert read_jsonl(write_export(g, "jsonl", tmp_path / "g.jsonl")).number_of_nodes() == g.number_of_nodes()


def test_unknown_export_format(g, tmp_path):
    with pytest.raises(ConfigError, match="dot"):
        export_bytes(g, "dot")
    with pytest.raises(ConfigError):
        write_export(g, "dot", tmp_path / "g.dot")
