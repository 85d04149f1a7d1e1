"""kg/query/guard.py (layer a): only what the allow-list names runs — reading clauses, listed functions."""
from __future__ import annotations

import re

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
    with pytest.raises(WriteQueryRefused, match=r"'DELETE n' refused at 2:0: queries here only read"):
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


@pytest.mark.parametrize("text, what", [
    ("RETURN size(range(1, 1000000000))", "function range()"),
    ("UNWIND range(1, 10) AS x RETURN x", "function range()"),
    ("MATCH (n) RETURN db.labels()", "function db.labels()"),
    ("RETURN apoc.text.join(['a'], ',')", "function apoc.text.join()"),
    ("MATCH (n:Organization) RETURN read_csv(n.name)", "function read_csv()"),
])
def test_functions_off_the_list_are_refused(text, what):
    from kg.errors import QueryRefused

    with pytest.raises(QueryRefused, match=re.escape(what) + " refused at 1:"):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    "LOAD FROM '/etc/passwd' (file_format='csv', header=false) RETURN *",
    "COPY (MATCH (n:Organization) RETURN n.name) TO '/tmp/out.csv'",
    "ATTACH '/tmp/other.db' AS other (dbtype lbug)",
    "LOAD EXTENSION httpfs",
    "CALL current_setting('threads') RETURN *",
])
def test_the_engines_file_and_admin_statements_never_pass(text):
    with pytest.raises(WriteQueryRefused):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    "MATCH (n:Organization) RETURN toLower(n.name) AS name, COUNT(*) AS n, collect(DISTINCT n.kind)",
    "MATCH (a:Activity) WHERE any(x IN a.materials WHERE x STARTS WITH '习') RETURN a.name AS load",
    "MATCH (d:Document) WITH d ORDER BY d.year DESC LIMIT 3 RETURN [t IN collect(d.title) | size(t)]",
])
def test_ordinary_reads_pass(text):
    check_read_only(text)


def test_the_list_decides_not_the_keywords(monkeypatch):
    import kg.query.guard

    check_read_only("UNWIND [1, 2] AS x RETURN x")
    monkeypatch.setattr(kg.query.guard, "ALLOWED_RULES", kg.query.guard.ALLOWED_RULES - {"UnwindSt"})
    with pytest.raises(WriteQueryRefused, match="'UNWIND \\[1, 2\\] AS x' refused at 1:0"):
        check_read_only("UNWIND [1, 2] AS x RETURN x")
