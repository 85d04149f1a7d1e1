"""kg/query/guard.py (layer a): only what the allow-list names runs — reading clauses, listed functions."""
from __future__ import annotations

import re

import pytest

from kg.errors import CypherSyntaxError, WriteQueryRefused
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


# --- each layer alone, with the words and functions spelled out here (not read from the module) -------------------

# Every word that writes, loads, calls or administers in Neo4j or Kùzu: when the grammar cannot read a query,
# one of them outside literals names the refusal.
WRITE_WORDS = [
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "CALL", "ALTER", "COPY", "INSTALL",
    "ATTACH", "USE", "EXPORT", "IMPORT", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK", "FOREACH", "GRANT", "REVOKE",
    "DENY", "TERMINATE", "SHOW", "ENABLE", "RENAME", "PROFILE", "EXPLAIN",
]


@pytest.mark.parametrize("word", WRITE_WORDS)
def test_an_unreadable_query_that_names_a_write_word_is_refused_naming_it(word):
    with pytest.raises(WriteQueryRefused, match=rf"^'{word}' refused at 1:0: queries here only read"):
        check_read_only(f"{word.lower()} (((")
    with pytest.raises(WriteQueryRefused, match=rf"^'{word}' refused at 2:2: "):
        check_read_only(f"MATCH (n)\n  {word} (((")
    assert not is_read_only(f"{word} (((")


@pytest.mark.parametrize("text, where", [
    ("\nCREATE (((", "2:0"),  # a query that starts on a blank line
    ("MATCH (n)\nWITH n\n  CREATE (((\n\nRETURN n\n", "3:2"),  # lines before and after
    ("MATCH (n) WITH n CREATE (((", "1:17"),
])
def test_the_refusal_points_at_the_write_word(text, where):
    with pytest.raises(WriteQueryRefused, match=f"^'CREATE' refused at {where}: "):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    "MATCH (n RETURN n",  # no write word at all
    "n.create (((",  # a property named like one
    "RETURN x.delete(",
    "MATCH (n) RETURN n AS $set",  # a parameter named like one
    "RETURN created (((",  # a longer word
    "RETURN 'CREATE' (((",  # inside a literal
])
def test_an_unreadable_query_without_a_write_word_is_a_syntax_error(text):
    with pytest.raises(CypherSyntaxError):
        check_read_only(text)
    assert not is_read_only(text)


@pytest.mark.parametrize("text, message", [
    # the grammar reads these: the parse tree refuses them, whatever the keyword list says
    ("MATCH (n) SET n.x = 1", "'SET n.x = 1' refused at 1:10: queries here only read (MATCH, UNWIND, WITH, RETURN)"),
    ("MATCH (n)  SET   n.x = 1,\n n.y = 2", "'SET n.x = 1, n.y = 2' refused at 1:11: "),
    ("MATCH (n)\nDELETE " + ", ".join(["n"] * 20), "'DELETE n, n, n, n, n, n, n, n, n, n, n,…' refused at 2:0: "),
    ("CREATE (n)", "'CREATE (n)' refused at 1:0: "),
])
def test_the_parse_tree_refuses_a_write_it_can_read_showing_the_clause(text, message, monkeypatch):
    import kg.query.guard

    monkeypatch.setattr(kg.query.guard, "_WRITE_WORDS", re.compile(r"(?!)"))  # the keyword layer off
    with pytest.raises(WriteQueryRefused) as err:
        check_read_only(text)
    assert str(err.value).startswith(message)


READ_HINT = " Hint: use MATCH … RETURN …; pass values as parameters ($name), not in the text"


def test_each_refusal_says_what_to_do_instead():
    refusals = {
        "MATCH (n RETURN n; MATCH (m) RETURN m": "more than one statement refused Hint: run one MATCH … RETURN … "
                                                 "statement at a time",
        "create (((": "'CREATE' refused at 1:0: queries here only read" + READ_HINT,
        "MATCH (n) DELETE n": "'DELETE n' refused at 1:10: queries here only read (MATCH, UNWIND, WITH, RETURN)"
                              + READ_HINT,
    }
    for text, message in refusals.items():
        with pytest.raises(WriteQueryRefused) as err:
            check_read_only(text)
        assert str(err.value) == message


def test_the_refused_clause_is_quoted_as_written_up_to_40_characters(monkeypatch):
    import kg.query.guard

    monkeypatch.setattr(kg.query.guard, "_WRITE_WORDS", re.compile(r"(?!)"))  # the parse tree alone
    forty = "DELETE abcdefghij, abcdefghij, abcdefghi"
    assert len(forty) == 40
    for clause, shown in [(forty, forty), (forty + "j", forty[:39] + "…"), ("DELETE /* old */ n", "DELETE /* old */ n")]:
        with pytest.raises(WriteQueryRefused) as err:
            check_read_only(f"MATCH (n) {clause}")
        assert str(err.value).startswith(f"{shown!r} refused at 1:10: ")


def test_one_statement_at_a_time():
    for text in ["MATCH (n) RETURN n; MATCH (m) RETURN m", "MATCH (n) RETURN n LIMIT 1 ; ; RETURN 1"]:
        with pytest.raises(WriteQueryRefused, match="^more than one statement refused"):
            check_read_only(text)
    for text in ["MATCH (n) RETURN n;", "MATCH (n) RETURN n ; ", "RETURN ';' AS semicolon"]:
        assert is_read_only(text)


# The functions a query may call, as the documentation promises them.
ALLOWED = [
    "count", "collect", "sum", "avg", "min", "max", "size", "length", "coalesce", "head", "last", "list_contains",
    "list_sort", "list_distinct", "lower", "upper", "tolower", "toupper", "trim", "ltrim", "rtrim", "substring",
    "substr", "left", "right", "split", "string_split", "starts_with", "ends_with", "contains", "reverse", "concat",
    "string", "tostring", "tointeger", "tofloat", "round", "abs", "ceil", "floor", "sign", "label", "labels", "type",
    "id", "elementid", "nodes", "rels", "relationships", "properties", "keys",
]


@pytest.mark.parametrize("name", ALLOWED)
def test_the_listed_functions_may_be_called_in_any_case(name):
    # in backquotes: CONTAINS is also an operator, which the grammar reads before a call
    assert is_read_only(f"MATCH (n) RETURN `{name}`(n.name)")
    assert is_read_only(f"MATCH (n) RETURN `{name.upper()}`(n.name)")
    if name != "contains":
        assert is_read_only(f"MATCH (n) RETURN {name}(n.name)")


def test_a_refused_function_says_where_and_what_is_allowed():
    from kg.errors import QueryRefused

    with pytest.raises(QueryRefused) as err:
        check_read_only("MATCH (n)\nRETURN n.name, range(1, 10)")
    assert str(err.value) == (
        "function range() refused at 2:15: not one of the functions a query here may call Hint: allowed: abs, avg, "
        "ceil, coalesce, collect, concat, contains, count, elementid, ends_with, floor, head, …")
    assert is_read_only("MATCH (n) RETURN `count`(n)") and not is_read_only("MATCH (n) RETURN `range`(1, 2)")


@pytest.mark.parametrize("text", [
    # every reading construct of the grammar: clauses, patterns, expressions, literals
    "MATCH p=(o)-->(x) RETURN p",
    "MATCH (o:Organization)-[r:HOSTED|ATTENDED*1..2]->(a:Activity {year: 2023}) WHERE o.name ENDS WITH '局' "
    "AND NOT a.name CONTAINS 'x' OR a.year > 1 XOR a.year IS NULL RETURN o, r, a SKIP 1 LIMIT 2",
    "MATCH p = (o)<-[:MEMBER_OF]-(x) RETURN [(o)-->(y) WHERE y.year >= 2 | y.name] AS ys, nodes(p), "
    "-o.n ^ 2 * 3 / 4 % 5 + 1 - 2",
    "UNWIND [1, 2.5, true, false, null] AS x RETURN CASE WHEN x = 1 THEN 'a' ELSE 'b' END, {k: x}, $param, 'c'",
    "MATCH (n) WHERE EXISTS { (n)-->(m) } RETURN n",
    "MATCH (n) WHERE n.x IN [1, 2] RETURN (1 + 2) * 3, \"abc\", 'abc', n.order, n.set",
    "MATCH (n) WITH n, count(*) AS c WHERE c > 1 MATCH (n)--(m) RETURN [x IN n.xs WHERE x <> 1], n:Organization",
])
def test_every_reading_construct_passes(text):
    check_read_only(text)
    assert is_read_only(text)
