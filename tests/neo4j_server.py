"""A real Neo4j 5 for the tests and the benchmark, started by the suite itself.

``tests/neo4j-server`` is a small Maven module: Neo4j 5 Community embedded,
its Bolt connector on a free loopback port (``kg.neo4j.TestServer``). This
module builds it once (``mvn package``; the jars stay in ``~/.m2``, the
build in ``tests/neo4j-server/target``, rebuilt only when the pom or the
launcher changed), starts it in a temporary home, waits for the line it
prints when Bolt answers, and stops it by closing its standard input (so a
killed test run never leaves a server behind).

Why not Docker or a downloaded distribution: neither is on a fresh machine
of this project, while Java and Maven are, and Maven Central serves Neo4j
like any other library. The same classpath carries the real ``neo4j-admin``
(``org.neo4j.cli.AdminTool``), so the CSV export is imported with
``neo4j-admin database import`` itself (:func:`run_neo4j_admin`).

When ``java`` or ``mvn`` is missing, :func:`missing_tools` says which, and
the Neo4j tests skip with that reason. ``NEO4J_URI`` still points the tests
at a user's own server instead (tests/conftest.py).
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MODULE", "READY", "missing_tools", "build_server", "Neo4jServer", "start_server", "run_neo4j_admin",
           "wipe_database"]

log = logging.getLogger(__name__)

MODULE = Path(__file__).resolve().parent / "neo4j-server"
READY = "KG-NEO4J-READY"
MAIN_CLASS = "kg.neo4j.TestServer"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
# C1 only: a test server lives a minute, and on two cores the optimising compiler's warm-up
# cost more than it gained (server CPU for a 10k-document load: about half with C1 alone).
JAVA_OPTIONS = ["-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dkg.neo4j.replan=false"]
_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


def _tool(name: str) -> str | None:
    home = os.environ.get("JAVA_HOME")
    if name == "java" and home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which(name)


def missing_tools() -> str | None:
    """Why the suite cannot start its own Neo4j here (no Java 17+, no Maven), or None.

    >>> missing_tools() is None or "Neo4j" in missing_tools()
    True
    """
    java = _tool("java")
    if not java:
        return "no java on PATH: the Neo4j tests need Java 17+ and Maven to start Neo4j 5 (or set NEO4J_URI)"
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"{java} -version failed ({err}): the Neo4j tests need Java 17+"
    m = _JAVA_VERSION.search(out)
    major = int(m.group(1)) if m else 0
    if major == 1 and m and m.group(2):  # "1.8.0"
        major = int(m.group(2))
    if major < 17:
        return f"Java {major or '?'} found; Neo4j 5 needs Java 17+ (or set NEO4J_URI to a running server)"
    if not _tool("mvn"):
        return "no mvn on PATH: the Neo4j tests build their Neo4j 5 with Maven (or set NEO4J_URI)"
    return None


def _classpath_file() -> Path:
    return MODULE / "target" / "classpath.txt"


def _up_to_date() -> bool:
    cp_file = _classpath_file()
    launcher = MODULE / "target" / "classes" / "kg" / "neo4j" / "TestServer.class"
    if not cp_file.is_file() or not launcher.is_file():
        return False
    # Maven leaves an unchanged classpath file alone, so each output is compared with its own input.
    if (MODULE / "pom.xml").stat().st_mtime > cp_file.stat().st_mtime:
        return False
    if any(p.stat().st_mtime > launcher.stat().st_mtime for p in MODULE.joinpath("src").rglob("*.java")):
        return False
    return all(Path(j).is_file() for j in cp_file.read_text(encoding="utf-8").strip().split(os.pathsep))


def build_server(timeout: float = 1800) -> list[str]:
    """Build the module if needed; returns the classpath (launcher classes first).

    Maven downloads Neo4j's jars into ``~/.m2`` the first time (about 160 MB);
    afterwards a build is skipped while the pom and the launcher are unchanged.
    Raises RuntimeError with Maven's last lines when the build fails.
    """
    target = MODULE / "target"
    target.mkdir(exist_ok=True)
    with open(target / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs in one tree build once
        if not _up_to_date():
            started = time.perf_counter()
            mvn = _tool("mvn")
            proc = subprocess.run([mvn, "-B", "-q", "package"], cwd=MODULE, capture_output=True, text=True,
                                  timeout=timeout)
            if proc.returncode != 0:
                tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
                raise RuntimeError(f"mvn package in {MODULE} failed (exit {proc.returncode}):\n{tail}")
            for output in (_classpath_file(), target / "classes" / "kg" / "neo4j" / "TestServer.class"):
                output.touch()  # the build is current now, even where Maven had nothing to rewrite
            log.info("neo4j test server built in %.1f s", time.perf_counter() - started)
    jars = _classpath_file().read_text(encoding="utf-8").strip().split(os.pathsep)
    return [str(target / "classes"), *jars]


@dataclass
class Neo4jServer:
    """A running test server: its Bolt URI, Neo4j version and home folder."""

    uri: str
    version: str
    home: Path
    process: subprocess.Popen = field(repr=False)
    stderr_path: Path = field(repr=False)

    def stop(self, timeout: float = 60) -> int:
        """Close the server's standard input (it shuts down) and wait; kill it if it hangs."""
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def start_server(home: Path, classpath: list[str], *, password: str = "", java_options: list[str] | None = None,
                 timeout: float = 300) -> Neo4jServer:
    """Start ``kg.neo4j.TestServer`` on ``home``; returns once Bolt answers.

    With a ``password`` the server checks logins (user ``neo4j``), as a real
    deployment does; without one, authentication is off. ``java_options``
    replace :data:`JAVA_OPTIONS` (heap, JIT, ``-Dkg.neo4j.pagecache=…``).

    Raises RuntimeError with the server's last output when it exits or does
    not become ready within ``timeout`` seconds.
    """
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    stderr_path = home / "server.stderr.txt"
    options = JAVA_OPTIONS if java_options is None else java_options
    args = [_tool("java"), *options, "-cp", os.pathsep.join(classpath), MAIN_CLASS, str(home)]
    with open(stderr_path, "wb") as err:
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True,
                                cwd=home, env={**os.environ, "KG_NEO4J_PASSWORD": password})
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith(READY):
                ready.set()
        ready.set()  # end of output: the process is gone

    threading.Thread(target=read, daemon=True, name="neo4j-test-server-stdout").start()
    ready.wait(timeout)
    ready_line = next((x for x in lines if x.startswith(READY)), None)
    if ready_line is None:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        tail = "\n".join((lines + stderr_path.read_text(errors="replace").splitlines())[-25:])
        raise RuntimeError(f"the Neo4j test server did not start (exit {proc.returncode}):\n{tail}")
    _, uri, version = ready_line.split()
    return Neo4jServer(uri, version, home, proc, stderr_path)


def run_neo4j_admin(args: list[str], home: Path, classpath: list[str], *, cwd: Path | None = None,
                    timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the real ``neo4j-admin ARGS`` with ``home`` as NEO4J_HOME (an empty conf/neo4j.conf is
    made), in ``cwd`` (default ``home``), so relative file names resolve as from a shell there."""
    home = Path(home)
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").touch()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    return subprocess.run([_tool("java"), *JAVA_OPTIONS, "-cp", os.pathsep.join(classpath), ADMIN_CLASS, *args],
                          capture_output=True, text=True, env=env, timeout=timeout, cwd=cwd or home)


def wipe_database(driver, database: str, *, schema: bool = False) -> None:
    """Empty a database: every node and relationship; with ``schema`` also every constraint and
    index but the two token-lookup indexes Neo4j keeps by default."""
    with driver.session(database=database) as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n").single()["n"]:
            pass  # in slices: one transaction for a 100k-node graph would need a large heap
        if not schema:
            return
        for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
            session.run(f"DROP CONSTRAINT `{record['name']}` IF EXISTS").consume()
        for record in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            session.run(f"DROP INDEX `{record['name']}` IF EXISTS").consume()
