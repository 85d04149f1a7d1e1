"""One exception hierarchy for the whole package.

Library code raises these with a message that names the bad value and, where
there is one, the fix ("Hint: …"). Only entry points (the CLI, the app) turn
them into a one-line message; everything else lets them propagate.
"""
from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "DecodeError",
    "LexiconError",
    "ConfigError",
    "GraphError",
    "OldGraphFormat",
    "GraphBusy",
    "StoreError",
    "Neo4jUnavailable",
    "ClusterError",
    "QueryError",
    "CypherSyntaxError",
    "QueryRefused",
    "WriteQueryRefused",
    "QueryTimeout",
    "UnknownQuery",
    "ParameterError",
]


class KGError(Exception):
    """Base class: every error the program expects carries a user-facing message."""

    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{msg} Hint: {self.hint}" if self.hint else msg


class InputError(KGError):
    """A file or folder given to ingest cannot be used; names the path."""

    def __init__(self, path, problem: str, *, hint: str | None = None):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}", hint=hint)


class DecodeError(InputError):
    """The bytes of a text file are not text in any encoding we accept."""


class LexiconError(KGError):
    """A malformed line in a data file under data/lexicon; names file:line."""

    def __init__(self, path, line_no: int, problem: str):
        self.path = str(path)
        self.line_no = line_no
        super().__init__(f"{self.path}:{line_no}: {problem}")


class ConfigError(KGError):
    """A setting (flag, environment variable, config value) is missing or invalid."""


class GraphError(KGError):
    """The graph file is missing, corrupt or of an unknown version."""


class OldGraphFormat(GraphError):
    """The graph file was written by an older kg in a format this one no longer reads; a build replaces it."""


class GraphBusy(GraphError):
    """Another process is writing the graph file (a build holds its lock)."""


class StoreError(KGError):
    """A store (NetworkX file, Neo4j) refused an operation."""


class Neo4jUnavailable(StoreError):
    """The Neo4j server cannot be reached, refused the login, or lacks the database."""


class ClusterError(KGError):
    """A Dask cluster cannot be reached, has no workers, runs other rules, or lost the work."""


class QueryError(KGError):
    """A query could not be run."""


class CypherSyntaxError(QueryError):
    """The Cypher text does not parse."""


class QueryRefused(QueryError):
    """A query the allow-list does not admit (a clause or a function) was refused before running."""


class WriteQueryRefused(QueryRefused):
    """A query that would change the graph (or call, load, administer) was refused before running."""


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class UnknownQuery(QueryError):
    """No canned query has that name."""


class ParameterError(QueryError):
    """A query parameter is missing, unknown, or of the wrong type."""
