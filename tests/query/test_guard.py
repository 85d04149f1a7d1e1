"""kg/query/guard.py: write clauses are refused before anything runs."""
from __future__ import annotations

import pytest

from kg.errors import WriteQueryRefused
from kg.query.guard import check_read_only, is_read_only

WRITES = [
    "CREATE (n:Organization {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "MATCH (n:Organization) SET n.name = 'x'",
    "MATCH (n:Organization) REMOVE n.kind",
    "MERGE (n:Slogan {id: 'x'})",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "CALL db.labels()",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "DROP TABLE Organization",
    "ALTER TABLE Organization ADD x INT64",
    "COPY Organization FROM 'x.csv'",
    "INSTALL httpfs",
    "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
    "match (n) detach delete n",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = x)",
    "MATCH (n) RETURN n UNION MATCH (m) CREATE (k) RETURN k",
]


@pytest.mark.parametrize("text", WRITES)
def test_write_clauses_are_refused(text):
    with pytest.raises(WriteQueryRefused):
        check_read_only(text)
    assert not is_read_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "MATCH (o:Organization) WHERE o.name = 'CREATE' RETURN o.name",
        "MATCH (o:Organization) // DELETE everything\nRETURN o.name",
        "MATCH (a:Activity) RETURN a.name AS `set`, a.start ORDER BY a.start",
        "MATCH (o:Organization) WHERE o.name STARTS WITH '市' WITH o RETURN o.name",
        "MATCH (n) RETURN n LIMIT 5;",
    ],
)
def test_reads_pass_even_with_write_words_in_literals(text):
    check_read_only(text)


def test_message_says_where_and_why():
    with pytest.raises(WriteQueryRefused, match=r"'DELETE' refused at 2:\d+.*read-only"):
        check_read_only("MATCH (n)\nDELETE n")


from hypothesis import given, settings, strategies as st  # noqa: E402

from kg.query.guard import WRITE_KEYWORDS  # noqa: E402
from kg.query.parse import strip_literals  # noqa: E402


def quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# (a raw newline inside a string is a syntax error to the openCypher grammar, so none here)
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ '\"`\\/*;{})(-") + list(WRITE_KEYWORDS) + ["读书班"]),
                max_size=20).map("".join))
def test_anything_inside_a_string_literal_is_inert(text):
    literal = quote(text)
    stripped = strip_literals(f"MATCH (o:Organization) WHERE o.name = {literal} RETURN o.name")
    assert len(stripped) == len(f"MATCH (o:Organization) WHERE o.name = {literal} RETURN o.name")
    check_read_only(f"MATCH (o:Organization) WHERE o.name = {literal} RETURN o.name")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WRITE_KEYWORDS), st.sampled_from(["", " ", "\n", "/* c */ "]))
def test_a_write_keyword_outside_literals_is_always_refused(keyword, gap):
    with pytest.raises(WriteQueryRefused):
        check_read_only(f"MATCH (n){gap}{keyword} n")
    with pytest.raises(WriteQueryRefused):
        check_read_only(f"MATCH (n) RETURN n {keyword.lower()}{gap} x")
