"""Fixtures shared by the whole suite."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
_NEO4J_LINE = pytest.StashKey[str]()
# No guard verdicts kept between processes (kg.query.verdicts) in the tests, nor in the processes
# they start: each test checks its texts itself, and nothing is written to the user's cache.
# tests/query/test_verdicts.py turns them on in a folder of its own.
os.environ["KG_CACHE_DIR"] = ""


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (read-only corpus, gold, scorer); skips the test when absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is not beside the repo ({SHARED}); shared-corpus tests skipped")
    return SHARED


@dataclass
class Neo4jTarget:
    """The Neo4j the tests talk to: settings, an open driver, what the server says it is."""

    settings: object  # kg.store.neo4j_store.Neo4jSettings
    driver: object
    version: str
    edition: str
    started_here: bool
    classpath: list[str] | None  # the test server's (with neo4j-admin), when the suite started it

    loaded: str | None = None  # the key of the graph :meth:`load` put there last

    def wipe(self, *, schema: bool = False) -> None:
        """Delete every node and relationship (and with ``schema`` every constraint and index)."""
        from tests.neo4j_server import wipe_database

        self.loaded = None
        wipe_database(self.driver, self.settings.database, schema=schema)

    def load(self, graph, key: str) -> None:
        """Make the database hold exactly ``graph`` (named ``key``): a no-op when it already does."""
        from kg.store.neo4j_store import load_to_neo4j

        if self.loaded != key:
            self.wipe()
            load_to_neo4j(graph, self.driver, self.settings, backoff=0)
            self.loaded = key

    def env(self) -> dict[str, str]:
        s = self.settings
        return {"NEO4J_URI": s.uri, "NEO4J_USER": s.user, "NEO4J_PASSWORD": s.password, "NEO4J_DATABASE": s.database}


@pytest.fixture(scope="session")
def neo4j_classpath(pytestconfig) -> list[str]:
    """The test server's classpath (Neo4j 5 Community and neo4j-admin), built with Maven once;
    skips, saying why, without Java 17+ or Maven."""
    from tests.neo4j_server import build_server, missing_tools

    reason = missing_tools()
    if reason:
        pytestconfig.stash[_NEO4J_LINE] = f"Neo4j tests skipped: {reason}"
        pytest.skip(reason)
    return build_server()


@pytest.fixture(scope="session")
def neo4j(tmp_path_factory, pytestconfig, request):
    """A real Neo4j 5 for the whole session: the server NEO4J_URI names (its database is WIPED),
    else one the suite builds with Maven and starts (tests/neo4j_server.py). Skips, saying why,
    when neither is possible (no Java 17+ or no Maven)."""
    from kg.store.neo4j_store import Neo4jSettings, connect
    from tests.neo4j_server import start_server

    server = classpath = None
    if os.environ.get("NEO4J_URI"):
        settings = Neo4jSettings.from_env()
    else:
        classpath = request.getfixturevalue("neo4j_classpath")
        password = secrets.token_urlsafe(12)
        server = start_server(tmp_path_factory.mktemp("neo4j-home"), classpath, password=password)
        settings = Neo4jSettings(uri=server.uri, user="neo4j", password=password, database="neo4j")
    driver = None
    try:
        driver = connect(settings)
        with driver.session(database=settings.database) as session:
            row = session.run("CALL dbms.components() YIELD versions, edition "
                              "RETURN versions[0] AS version, edition").single()
        target = Neo4jTarget(settings, driver, row["version"], row["edition"], server is not None, classpath)
        where = "started by the test suite" if server else "from NEO4J_URI"
        pytestconfig.stash[_NEO4J_LINE] = (f"Neo4j tests ran against Neo4j {target.version} {target.edition} "
                                           f"at {settings.uri} ({where})")
        yield target
    finally:
        if driver is not None:
            driver.close()
        if server:
            server.stop()


@pytest.fixture
def neo4j_env(neo4j, monkeypatch) -> Neo4jTarget:
    """The session's Neo4j, also named by NEO4J_URI/USER/PASSWORD/DATABASE for code that reads them."""
    for key, value in neo4j.env().items():
        monkeypatch.setenv(key, value)
    return neo4j


@pytest.fixture
def empty_neo4j(neo4j) -> Neo4jTarget:
    """The session's Neo4j with its database emptied first (its constraints and indexes stay)."""
    neo4j.wipe()
    return neo4j


def pytest_collection_modifyitems(config, items):
    """Every test that uses the ``neo4j`` fixture, directly or not, is marked ``neo4j``
    (``-m "not neo4j"`` leaves out the server)."""
    for item in items:
        if {"neo4j", "neo4j_classpath"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: unknown to a run without it (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    """The suite runs on several processes (pytest-xdist, ``-n`` in pyproject.toml), each with its own
    session fixtures. Every test whose id names Neo4j goes to one process, so the test server starts
    once, not once per process (and its database is never written by two tests at once); so do the
    tests whose id names a cluster (the session's Dask cluster, two worker processes). The other
    tests go a module at a time, so a module's fixtures are made once. The two server groups start
    first, then :data:`LONG_MODULES`, then the modules with most tests.

    xdist's own ``xdist_group`` marks would say the same, but 3.8 renames node ids in a way pytest 9
    ignores; the id is all the scheduler sees. A Neo4j test whose id lacks the word still passes, on a
    server of its own process (tests/test_conftest.py fails on it, to keep the rule).
    """
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None  # --dist loadfile, loadscope, …: as asked
    from xdist.scheduler import LoadScopeScheduling

    class OneServerEach(LoadScopeScheduling):
        ordered = False

        def _split_scope(self, nodeid: str) -> str:
            # Other tests go module by module: a module-scoped fixture (a corpus built, scored) runs once.
            return next((g for g in SERVER_GROUPS if g in nodeid.lower()), nodeid.split("::", 1)[0])

        def _assign_work_unit(self, node) -> None:
            if not self.ordered:  # xdist sorts by the number of tests: a long module of one test came last
                self.ordered = True
                first = sorted(self.workqueue, key=lambda scope: _long_first(scope, len(self.workqueue[scope])))
                for scope in first:
                    self.workqueue.move_to_end(scope)
            super()._assign_work_unit(node)

    return OneServerEach(config, log)


NEO4J_GROUP = "neo4j"
SERVER_GROUPS = (NEO4J_GROUP, "cluster")  # the first word a test's id holds picks its group
# Modules of few tests that take long (a browser, a server, the national reports' graph): started
# early, so that the last minute is not one of them running alone while the other process idles.
LONG_MODULES = ("tests/app/test_browser.py", "tests/query/test_national.py",
                "tests/extract/test_determinism.py", "tests/ingest/test_bombs.py")


def _long_first(scope: str, tests: int) -> tuple:
    if scope in SERVER_GROUPS:
        return 0, SERVER_GROUPS.index(scope)
    if scope in LONG_MODULES:
        return 1, LONG_MODULES.index(scope)
    return 2, -tests


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    line = config.stash.get(_NEO4J_LINE, None)
    if line:
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def dask_cluster():
    """A real dask.distributed LocalCluster of 2 worker processes over TCP on loopback, for the session.

    Yields the :class:`kg.build.cluster.ClusterExtractor` (its ``address`` is
    the scheduler's, for ``kg build --cluster tcp://…``); skips where the
    optional distributed extra is not installed.
    """
    pytest.importorskip("distributed", reason="dask.distributed is the optional cluster extra")
    from kg.build.cluster import open_cluster

    with open_cluster("local:2", timeout=60) as extractor:
        yield extractor
