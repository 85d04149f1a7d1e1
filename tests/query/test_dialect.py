"""kg/query/dialect.py: the Neo4j spellings Neo4j Browser users type, on the embedded engine."""
from kg.query.dialect import translate_for_ladybug


def test_strings_and_comments_are_left_alone():
    cypher = "MATCH (o) WHERE o.name = 'type(o)' // labels(o)\nRETURN labels(o)"
    assert translate_for_ladybug(cypher) == "MATCH (o) WHERE o.name = 'type(o)' // labels(o)\nRETURN [label(o)]"


def test_neo4j_functions_run_on_the_embedded_engine(small_engine):
    rows = small_engine.run(
        "MATCH (o:Organization)-[r:ECHOES]->(s:Slogan) WHERE o.name = '市税务局' "
        "RETURN type(r) AS t, labels(s) AS l, id(o) AS i, elementId(r) AS e ORDER BY e").rows
    assert rows[0] == ["ECHOES", ["Slogan"], "Organization:市税务局", "ECHOES|doc_b|10"]
    assert len(rows) == 3
