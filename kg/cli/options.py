"""Arguments more than one command takes: the Neo4j connection (build, query, ask)."""
from __future__ import annotations

__all__ = ["add_neo4j_arguments", "neo4j_settings"]


def add_neo4j_arguments(p) -> None:
    g = p.add_argument_group("Neo4j (defaults from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
    g.add_argument("--neo4j-uri", metavar="URI", help="e.g. neo4j://localhost:7687")
    g.add_argument("--neo4j-user", metavar="USER")
    g.add_argument("--neo4j-password", metavar="PASSWORD")
    g.add_argument("--neo4j-database", metavar="NAME")
    g.add_argument("--batch-size", type=int, metavar="N", help="rows per UNWIND transaction (default 2000)")


def neo4j_settings(args) -> dict:
    keys = {"uri": "neo4j_uri", "user": "neo4j_user", "password": "neo4j_password",
            "database": "neo4j_database", "batch_size": "batch_size"}
    return {k: getattr(args, a) for k, a in keys.items() if getattr(args, a, None) is not None}
