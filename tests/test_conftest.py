"""The suite's own rules (tests/conftest.py)."""
from __future__ import annotations

import pytest
from tests.conftest import NEO4J_GROUP


def test_every_test_of_the_neo4j_server_names_it_in_its_id(request):
    # The parallel run sends a test to the process that holds the Neo4j server by its id alone.
    uses = [item.nodeid for item in request.session.items if item.get_closest_marker("neo4j")]
    if not uses:
        pytest.skip("no Neo4j test selected in this run")
    assert [n for n in uses if NEO4J_GROUP not in n.lower()] == []
