"""Ad-hoc Cypher in a worker process: the query layers that do not trust the guard.

The embedded engine's own timeout is cooperative: ``RETURN size(range(1,
1e9))`` with a 2 s timeout ran 42 s and took 8.9 GB, and ``LOAD FROM`` /
``COPY … TO`` read and write any file the program can. So a query a person
typed runs in a worker process of its own (:class:`SandboxedEngine`), with
three layers besides the parse-tree allow-list (:mod:`kg.query.guard`),
each on by default and each testable alone:

* ``confine``: before the worker opens its database it confines itself
  with Landlock (Linux ≥ 5.13) to reading that database's file and nothing
  else — no file can be read, written, created or truncated, whatever the
  engine is asked — and may write no byte to any file (``RLIMIT_FSIZE`` 0).
  The database is opened read-only. Where Landlock is missing (another OS,
  an old kernel) the worker says so in the log and keeps the other layers.
* ``memory_mb``: the worker's address space is limited (``RLIMIT_AS``) and
  the database sized to fit, so a query that builds huge values fails with
  a clear error instead of taking the machine's memory;
* the timeout: the parent waits ``timeout`` seconds (plus a short grace for
  the engine's own interruption) and then kills the worker; the next query
  starts a new one.

Canned queries (files in ``queries/``, written by the project) and the
question layer run in-process on the ordinary engine; this is for text
typed by a user: ``kg query --cypher`` and the app's Cypher box.
"""
from __future__ import annotations

import io
import logging
import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import ConfigError, GraphError, QueryError, QueryTimeout
from .base import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, prepare_query

__all__ = ["SandboxedEngine", "DEFAULT_MEMORY_MB", "confine_to", "landlock_available"]

log = logging.getLogger(__name__)

# Address space, not resident memory: the engine and its libraries reserve far more than they touch.
DEFAULT_MEMORY_MB = int(os.environ.get("KG_QUERY_MEMORY_MB", "6144"))
_GRACE = 1.0  # seconds past the timeout for the engine to stop on its own, before the kill
# Address space the interpreter, the engine's library, Arrow and their threads take before the
# database (measured: 1.6-1.9 GB); the rest of the limit goes to the database.
_OVERHEAD_MB = 2048
_START_TIMEOUT = 600.0  # loading a large graph into a fresh worker takes a while; a hang does not
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent


def landlock_available() -> bool:
    """True when this kernel can confine a process's file access (Landlock)."""
    try:
        import landlock  # lazy: only the worker confines itself

        return landlock.landlock_abi_version() >= 1
    except (ImportError, OSError, AttributeError):
        return False


def confine_to(readable: list[str]) -> bool:
    """Confine this process (and threads it starts later) to reading ``readable`` files; no other file access.

    Returns False (and changes nothing) where Landlock is not available.
    Threads that already run are not confined: call it before the engine
    starts its own.
    """
    if not landlock_available():
        return False
    import landlock  # lazy: only the worker confines itself

    rules = landlock.Ruleset()
    for path in readable:
        rules.allow(path, rules=landlock.FSAccess.READ_FILE)
    rules.apply()
    return True


def _limit_resources(memory_bytes: int | None) -> None:
    if memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _no_file_writes() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _warm_up_engine() -> None:
    """Import what the engine loads lazily (its native library, Arrow), while files can still be read."""
    import ladybug  # lazy: only in the worker
    import pyarrow as pa

    db = ladybug.Database(buffer_pool_size=64 << 20, max_db_size=64 << 20)
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE W(id STRING, PRIMARY KEY(id))")
    conn.execute("COPY W FROM $rows", {"rows": pa.table({"id": ["w"]})})
    conn.execute("MATCH (w:W) RETURN w.id, count(*)").get_all()
    conn.close()
    db.close()


class _PlainData(pickle.Unpickler):
    """Answers from the worker hold plain values only: a pickle naming any class or function is refused."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the query worker sent {module}.{name}, not plain data")


def _send(conn, obj) -> None:
    conn.send_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


class _DuplexConnection:
    """The worker's two pipe ends as one connection."""

    def __init__(self, read_fd: int, write_fd: int):
        self._in = Connection(read_fd, writable=False)
        self._out = Connection(write_fd, readable=False)

    def recv_bytes(self) -> bytes:
        return self._in.recv_bytes()

    def send_bytes(self, data: bytes) -> None:
        self._out.send_bytes(data)


def _serve(conn: "_DuplexConnection") -> None:
    """The worker: open the database under the limits, then answer queries until the pipe closes."""
    from .ladybug_engine import LadybugEngine  # lazy: workers import only what they use

    try:
        source, memory_mb, confine = pickle.loads(conn.recv_bytes())  # from the parent that started us
        memory_bytes = None if memory_mb is None else memory_mb << 20
        kind, value = source
        graph = value if kind == "graph" else None
        if memory_bytes is not None:
            _limit_resources(memory_bytes)
        _warm_up_engine()
        confined = False
        if confine:
            _no_file_writes()
            confined = confine_to([value] if kind == "db" else [])
            if not confined:
                log.warning("Landlock is not available here: ad-hoc queries are not confined from files "
                            "(the guard and the read-only database still hold)")
        db_bytes = None if memory_bytes is None else memory_bytes - (_OVERHEAD_MB << 20)
        if kind == "db":
            engine = LadybugEngine(path=value, read_only=True, memory_bytes=db_bytes)
        else:
            engine = LadybugEngine(graph, memory_bytes=db_bytes)
            del graph, value, source
        _send(conn, ("ready", confined))
    except Exception as err:  # noqa: BLE001 - reported to the parent, which raises it there
        _send(conn, ("failed", type(err).__name__, str(err)))
        return
    while True:
        try:
            cypher, params, limit, timeout = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):  # the parent is gone: so is this worker
            return
        try:
            result = engine.execute(cypher, params, limit, timeout)
            _send(conn, ("ok", result.columns, result.rows, result.elapsed, result.truncated))
        except MemoryError:
            _send(conn, ("error", "MemoryError", "out of memory"))
        except Exception as err:  # noqa: BLE001 - the parent raises it as a query error
            _send(conn, ("error", type(err).__name__, str(err)))


class SandboxedEngine:
    """Runs each query in a worker process confined from files, with a memory limit, killed at its timeout.

    ``source``: a graph (a copy is loaded into the worker's own in-memory
    database) or ``db_path``, an embedded database on disk opened read-only.
    ``guard``, ``confine`` and ``memory_mb`` turn the layers on and off (the
    tests try each alone); the kill at the timeout is always on.
    """

    name = "ladybug"

    def __init__(self, graph=None, *, db_path: str | Path | None = None, memory_mb: int | None = DEFAULT_MEMORY_MB,
                 confine: bool = True, guard: bool = True):
        if (graph is None) == (db_path is None):
            raise ConfigError("a sandboxed engine needs a graph or a database path (one of them)")
        if memory_mb is not None and memory_mb < _OVERHEAD_MB + 512:
            raise ConfigError(f"a query worker needs at least {_OVERHEAD_MB + 512} MB of address space, not {memory_mb}",
                              hint="set KG_QUERY_MEMORY_MB higher")
        self._source = ("graph", graph) if db_path is None else ("db", str(Path(db_path).resolve()))
        self.memory_mb = memory_mb
        self.confine = confine
        self.guard = guard
        self.confined: bool | None = None  # known once a worker has started
        self._proc = self._out = self._conn = None
        self._lock = threading.Lock()

    @property
    def worker_pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def _start(self) -> None:
        # A fresh interpreter (not a fork): none of our threads, open files or state inherited.
        # (multiprocessing's spawn would re-run the main script, which is the CLI or the app.)
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_PACKAGE_ROOT),
                                                                         os.environ.get("PYTHONPATH")]))}
        try:
            proc = subprocess.Popen([sys.executable, "-m", "kg.query.sandbox", str(to_child_r), str(from_child_w)],
                                    pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, env=env,
                                    cwd=str(_PACKAGE_ROOT))
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        conn_out, conn_in = Connection(to_child_w, readable=False), Connection(from_child_r, writable=False)
        self._proc, self._out, self._conn = proc, conn_out, conn_in
        try:
            _send(conn_out, (self._source, self.memory_mb, self.confine))
        except OSError as err:
            self._stop()
            raise QueryError(f"the query worker did not start: {err}") from err
        if not conn_in.poll(_START_TIMEOUT):
            self._stop()
            raise QueryError("the query worker did not start", hint="see the log; try again")
        try:
            msg = self._receive()
        except (EOFError, OSError):
            code = proc.wait(10)
            self._stop()
            raise QueryError(f"the query worker died while starting (exit {code})",
                             hint=_memory_hint(self.memory_mb)) from None
        if msg[0] != "ready":
            self._stop()
            raise GraphError(f"the query worker could not open the graph: {msg[1]}: {msg[2]}",
                             hint=_memory_hint(self.memory_mb))
        self.confined = msg[1]

    def _receive(self):
        return _PlainData(io.BytesIO(self._conn.recv_bytes())).load()

    def close(self) -> None:
        """End the worker (also done when the engine is collected or the program exits)."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        for conn in (self._out, self._conn):
            if conn is not None:
                conn.close()
        if self._proc is not None:
            _kill(self._proc)
        self._proc = self._out = self._conn = None

    def __del__(self):
        try:
            self._stop()
        except Exception:  # noqa: BLE001 - nothing to report to at interpreter exit
            pass

    def run(self, cypher: str, params: dict | None = None, limit: int = DEFAULT_LIMIT,
            timeout: float = DEFAULT_TIMEOUT) -> Result:
        """Run one query in the worker; at most ``limit`` rows, killed after ``timeout`` seconds."""
        if self.guard:
            params = prepare_query(cypher, params, limit, timeout)
        else:
            params = dict(params or {})
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._stop()
                self._start()
            started = time.perf_counter()
            try:
                _send(self._out, (cypher, params, limit, timeout))
            except OSError:  # it died between two queries
                self._stop()
                raise QueryError("the query worker had ended; run the query again") from None
            if not self._conn.poll(timeout + _GRACE):
                self._stop()  # the only stop that holds for any query: the process goes
                raise QueryTimeout(f"query stopped after {timeout:g} s (its worker was ended)",
                                   hint="narrow it or raise --timeout")
            try:
                msg = self._receive()
            except (EOFError, OSError):
                code = self._proc.wait(10)
                self._stop()
                raise QueryError(f"the query ended its worker (exit {code}): most likely past the memory limit",
                                 hint=_memory_hint(self.memory_mb)) from None
        if msg[0] == "ok":
            _, columns, rows, _, truncated = msg
            return Result(columns, rows, time.perf_counter() - started, truncated, self.name)
        kind, message = msg[1], msg[2]
        if kind == "QueryTimeout":
            raise QueryTimeout(message, hint="narrow it or raise --timeout")
        if kind == "MemoryError" or "bad_alloc" in message or "Unable to allocate" in message \
                or "Buffer manager exception" in message:
            raise QueryError(f"the query ran out of its memory ({self.memory_mb} MB): {message}",
                             hint=_memory_hint(self.memory_mb))
        raise QueryError(message) if kind == "QueryError" else QueryError(f"{kind}: {message}")


def _memory_hint(memory_mb: int | None) -> str:
    return (f"a query here may use {memory_mb} MB (KG_QUERY_MEMORY_MB); narrow it" if memory_mb
            else "narrow the query")


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        log.warning("query worker %d did not end after SIGKILL", proc.pid)


if __name__ == "__main__":  # the worker: python -m kg.query.sandbox READ_FD WRITE_FD
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _serve(_DuplexConnection(int(sys.argv[1]), int(sys.argv[2])))
