"""kg/query/parse.py: literal stripping, parameter discovery, syntax and schema checks."""
from __future__ import annotations

import pytest
from antlr4 import CommonTokenStream, InputStream
from antlr4_cypher import CypherLexer, CypherParser

from kg.errors import CypherSyntaxError, QueryError
from kg.query.catalog import load_catalog
from kg.query.parse import (_with_segments, check_schema, check_syntax, describe_query, find_parameters,
                            parse_cypher, strip_literals)


def test_strip_literals_keeps_offsets_and_lines():
    text = "MATCH (n) // a comment\nWHERE n.name = \"it's\" AND n.x = '多\\'行' /* DELETE\n */ RETURN `weird name`"
    out = strip_literals(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "comment" not in out and "DELETE" not in out and "weird" not in out and "多" not in out
    assert out.index("RETURN") == text.index("RETURN")


@pytest.mark.parametrize("text", ["MATCH (n) WHERE n.name = 'open RETURN n", "MATCH (n) /* never closed RETURN n"])
def test_unclosed_literal_is_a_syntax_error(text):
    with pytest.raises(CypherSyntaxError, match="unclosed"):
        strip_literals(text)


def test_parameters_ignore_strings_and_comments():
    text = "MATCH (o) WHERE o.name = $unit // $commented\nAND o.x <> '$quoted' RETURN o LIMIT $top"
    assert find_parameters(text) == ["unit", "top"]
    assert find_parameters("MATCH (o) WHERE o.a = $x OR o.b = $x RETURN o") == ["x"]


def test_syntax_error_names_line_and_column():
    with pytest.raises(CypherSyntaxError, match=r"at 2:\d+"):
        check_syntax("MATCH (o:Organization)\nRETURN o.name AS")


def test_several_with_clauses_parse_and_errors_keep_their_line():
    check_syntax("MATCH (a) WITH a MATCH (b) WITH a, b MATCH (c) WITH a, count(c) AS n RETURN a, n")
    check_syntax("MATCH (a) WHERE a.name STARTS WITH 'x' WITH a MATCH (b) WITH a, b RETURN a")
    with pytest.raises(CypherSyntaxError, match=r"at 3:"):
        check_syntax("MATCH (a)\nWITH a MATCH (b)\nWITH a, b RETURN a,")


def test_describe_query_collects_labels_types_properties():
    shape = describe_query(
        "MATCH (o:Organization {name: $u})-[:ECHOES]->(s:Slogan) WITH o, s MATCH (o)-[:CONDUCTED]->(a) "
        "WITH o, s, a RETURN s.canonical, a.category"
    )
    assert shape.labels == {"Organization", "Slogan"}
    assert shape.rel_types == {"ECHOES", "CONDUCTED"}
    assert shape.properties == {"name", "canonical", "category"}
    assert not shape.updating and not shape.calls


@pytest.mark.parametrize(
    "text, message",
    [
        ("MATCH (o:Organisation) RETURN o", "unknown node label 'Organisation'"),
        ("MATCH (o)-[:ECHO]->(s) RETURN s", "unknown relationship type 'ECHO'"),
        ("MATCH (o:Organization) RETURN o.nmae", "unknown property 'nmae'"),
    ],
)
def test_schema_check_refuses_unknown_names(text, message):
    with pytest.raises(QueryError, match=message):
        check_schema(text)


def test_schema_check_accepts_every_schema_name():
    check_schema("MATCH (d:Document)-[m:MENTIONS]->(s:Slogan) RETURN d.title, m.surface, s.canonical, s.doc_ids")


def test_schema_check_accepts_the_keys_of_a_map_the_query_builds():
    check_schema("MATCH (o:Organization)-[:CONDUCTED]->(a:Activity) "
                 "WITH o, collect({kind: a.category, n: 1}) AS rows UNWIND rows AS r RETURN o.name, r.kind, r.n")
    with pytest.raises(QueryError, match="unknown property 'nmae'"):  # a map's keys do not excuse a typo
        check_schema("MATCH (o:Organization) WITH o, {n: 1} AS r RETURN o.nmae, r.n")
    with pytest.raises(QueryError, match="unknown property 'nmae'"):  # a pattern's map names schema properties
        check_schema("MATCH (o:Organization {nmae: 'x'}) RETURN o")


def test_the_fast_parse_gives_the_full_parses_trees_on_every_canned_query():
    # kg.query.parse tries ANTLR's SLL prediction first and falls back to full LL only on an error:
    # SLL may only ever be faster, never read a query differently.
    def full(piece):
        parser = CypherParser(CommonTokenStream(CypherLexer(InputStream(piece))))
        return parser.script().toStringTree(recog=parser)

    for query in load_catalog().values():
        text = query.cypher.rstrip().rstrip(";").rstrip()
        fast = [t.toStringTree(recog=t.parser) for t in parse_cypher(query.cypher)]
        assert fast == [full(piece) for piece in _with_segments(text)], query.id
