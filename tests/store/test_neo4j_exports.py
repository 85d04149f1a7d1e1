"""The Cypher script and the neo4j-admin CSV export, loaded into a real Neo4j 5.

The CSV files go through the real ``neo4j-admin database import full`` (from
the same Maven artifacts as the test server), run exactly as the README the
exporter writes says, and the imported database is then opened by a second
test server and read back whole.
"""
from __future__ import annotations

import re
import shlex

import pytest
from tests.graph_helpers import fixture_pairs
from tests.neo4j_server import run_neo4j_admin, start_server
from tests.store.neo4j_helpers import expected_state, neo4j_state

from kg.graph import graph_from_records
from kg.store.cypher_script import iter_cypher_statements, write_cypher_script
from kg.store.neo4j_admin import write_neo4j_admin
from kg.store.neo4j_store import Neo4jSettings, load_to_neo4j


@pytest.fixture()
def g():
    graph = graph_from_records(fixture_pairs())
    # awkward text: quotes, commas, backslashes, a tab, a blank line, control and separator characters
    graph.nodes["Document:c1"]["title"] = 'a,"b"\\c\td\n\ne\'f'
    graph.nodes["Document:c1"]["text"] += "\x01\u2028"
    return graph


def _statements(path):
    body = "".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True) if not ln.startswith("//"))
    return [s for s in body.split(";\n") if s.strip()]


def test_cypher_script_rebuilds_the_graph_in_neo4j_and_a_second_run_changes_nothing(tmp_path, g, empty_neo4j):
    path = write_cypher_script(g, tmp_path / "g.cypher", batch_size=7)
    statements = _statements(path)
    assert statements == list(iter_cypher_statements(g, 7))
    with empty_neo4j.driver.session(database=empty_neo4j.settings.database) as session:
        for statement in statements:  # as cypher-shell -f sends them: one auto-commit statement each
            session.run(statement).consume()
        assert neo4j_state(empty_neo4j.driver, empty_neo4j.settings.database) == expected_state(g)
        changed = [s for s in statements if session.run(s).consume().counters.contains_updates]
    assert changed == []


def test_neo4j_admin_import_of_the_csv_export_gives_the_graph(tmp_path, g, neo4j_classpath):
    out = tmp_path / "csv"
    readme = write_neo4j_admin(g, out)
    command = re.search(r"```sh\n(.*?)```", readme.read_text(encoding="utf-8"), re.S).group(1)
    args = shlex.split(command.replace("\\\n", " "))
    assert args[:4] == ["neo4j-admin", "database", "import", "full"]
    home = tmp_path / "home"
    done = run_neo4j_admin(args[1:], home, neo4j_classpath, cwd=out)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{g.number_of_nodes()} nodes" in done.stdout and f"{g.number_of_edges()} relationships" in done.stdout
    schema = re.search(r"```cypher\n(.*?)```", readme.read_text(encoding="utf-8"), re.S).group(1)
    server = start_server(home, neo4j_classpath)
    try:
        from neo4j import GraphDatabase

        with GraphDatabase.driver(server.uri, auth=("neo4j", "")) as driver:
            imported = neo4j_state(driver, "neo4j")
            with driver.session(database="neo4j") as session:  # step 4 of the README
                for statement in filter(str.strip, schema.split(";")):
                    session.run(statement).consume()
            settings = Neo4jSettings(uri=server.uri, database="neo4j")
            synced = load_to_neo4j(g, driver, settings, backoff=0)  # a later kg build --store neo4j
            after_sync = neo4j_state(driver, "neo4j")
    finally:
        server.stop()
    # neo4j-admin reads an empty cell as no property, so an empty list arrives as no property
    assert imported == expected_state(g, drop_empty_lists=True)
    # the loader on top of the import only adds those empty lists back: the two paths agree
    assert after_sync == expected_state(g)
    written = {k: v for k, v in synced.counters.items() if v}
    assert set(written) <= {"properties_set"}
    assert bool(written) == (imported != after_sync)
