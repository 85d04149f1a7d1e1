"""Extraction on a Dask cluster: what ``kg build --cluster ADDRESS`` runs.

Extraction needs nothing but the file, so past one machine it is a map over
files: the changed files go out a few to a task to a ``dask.distributed``
cluster (a scheduler at ``tcp://HOST:8786``, or ``local:N``, a
``LocalCluster`` of N worker processes started here). The results come back to this process, in
the order of the files, and the build applies them exactly as it applies
local results (:func:`kg.build.update_graph`'s ``extractor``): same
incremental rules, same graph, same store.

Why tasks of whole files, and why the results come here: a file is the unit
a build keeps or re-reads, and the graph needs every record in one place
(the same unit named in ten thousand files is one node). Dask supplies the
rest: a worker that dies takes none of its files with it (the scheduler
runs them again elsewhere, up to ``distributed.scheduler.allowed-failures``
times); a file that kills every worker it lands on becomes that file's
error line; a cluster left with no worker at all for ``timeout`` seconds is
an error of the build, never a wait without end. Before any file is sent,
the workers are checked: they must run the same rules
(:func:`~kg.build.inputs.rules_digest`, else their facts would not match
the manifest) and see the files at the paths given.

``dask.distributed`` is optional (``pip install "dask[distributed]"``): it
is imported only when a cluster is opened.
"""
from __future__ import annotations

import logging
import os
import re
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from ..errors import ClusterError, ConfigError
from .inputs import rules_digest
from .workers import FileResult, extract_file

__all__ = ["parse_cluster", "import_distributed", "open_cluster", "ClusterExtractor", "extract_on_worker"]

log = logging.getLogger(__name__)

_LOCAL = re.compile(r"local:(\d+)")
_REMOTE = re.compile(r"(?:tcp://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})")
_INSTALL_HINT = 'install the optional extra: pip install "dask[distributed]>=2024.1,<2027"'


def parse_cluster(spec: str) -> tuple[str, int | str]:
    """``("local", N)`` for ``local:N``, ``("remote", "tcp://HOST:PORT")`` for a scheduler's address.

    >>> parse_cluster("local:2"), parse_cluster("tcp://10.0.0.5:8786"), parse_cluster("head:8786")
    (('local', 2), ('remote', 'tcp://10.0.0.5:8786'), ('remote', 'tcp://head:8786'))
    >>> parse_cluster("local:0")
    Traceback (most recent call last):
    kg.errors.ConfigError: --cluster local:0: a local cluster needs at least one worker Hint: local:2 starts two worker processes here
    """
    spec = spec.strip()
    local = _LOCAL.fullmatch(spec)
    if local:
        if int(local.group(1)) < 1:
            raise ConfigError(f"--cluster {spec}: a local cluster needs at least one worker",
                              hint="local:2 starts two worker processes here")
        return "local", int(local.group(1))
    remote = _REMOTE.fullmatch(spec)
    if remote and 0 < int(remote.group(2)) < 65536:
        return "remote", f"tcp://{remote.group(1)}:{remote.group(2)}"
    raise ConfigError(f"--cluster {spec!r}: not a scheduler address",
                      hint="give tcp://HOST:PORT (a dask scheduler, usually port 8786) or local:N")


def import_distributed():
    """``dask.distributed``, or a :class:`~kg.errors.ConfigError` saying how to install it."""
    try:
        import distributed  # lazy: the optional cluster engine (about 1 s to import)
    except ImportError as err:
        raise ConfigError("--cluster needs dask.distributed, which is not installed", hint=_INSTALL_HINT) from err
    return distributed


@contextmanager
def open_cluster(spec: str, *, timeout: float = 10.0) -> Iterator["ClusterExtractor"]:
    """Connect to (or start) the cluster ``spec`` names, for a ``with`` block; yields the extractor.

    ``local:N`` starts a ``LocalCluster`` of N single-threaded worker
    processes listening on loopback only, closed at the end of the block. A
    scheduler that does not answer within ``timeout`` seconds is a
    :class:`~kg.errors.ClusterError` naming its address.
    """
    kind, value = parse_cluster(spec)
    distributed = import_distributed()
    cluster = None
    if kind == "local":
        # One thread per worker: extraction is pure Python, threads would only share one GIL.
        # Everything listens on loopback, on free ports (the default 8787 may be another build's).
        # No statistical profiler in the workers: sampling the stack every 10 ms cost
        # extraction half again its CPU time (1k files: 5.7 s against 3.9 s without).
        import dask  # lazy: the optional engine's configuration (installed with distributed)

        try:
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = distributed.LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                                   host="127.0.0.1", protocol="tcp://",
                                                   dashboard_address="127.0.0.1:0",
                                                   worker_dashboard_address="127.0.0.1:0",
                                                   silence_logs=logging.ERROR)
        except (OSError, RuntimeError, TimeoutError) as err:
            raise ClusterError(f"could not start a local cluster of {value} workers ({_reason(err)})",
                               hint="run with -v to see the workers' errors") from err
        address = cluster.scheduler_address
    else:
        address = value
    try:
        try:
            client = distributed.Client(cluster if cluster is not None else address, timeout=timeout,
                                        set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({_reason(err)})",
                               hint="start one with `dask scheduler` and workers with `dask worker "
                                    f"{address}`, or use --cluster local:N") from None
        try:
            yield ClusterExtractor(client, address, timeout=timeout)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _reason(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    first = text.splitlines()[0]
    return first if len(first) <= 160 else first[:157] + "…"


def extract_on_worker(job: tuple, extract_fn: Callable | None, cwd: str) -> FileResult:
    """One file's extraction, as a task on a worker: :func:`~kg.build.workers.extract_file` on ``job``.

    ``job`` is the build's ``(path, sha256[, name])``. A relative path is
    read under ``cwd``, the building process's folder, when the worker runs
    elsewhere; the documents keep the path as given, so the graph does not
    depend on where a worker was started.
    """
    path = job[0]
    local = path if os.path.isabs(path) or os.getcwd() == cwd else os.path.join(cwd, path)
    result = extract_file(local, job[1], extract_fn, *job[2:])
    if local != path:
        result.path = path
        for pair in result.docs:
            for part in pair:  # the document and its record both name their source
                if part.get("source") == local:
                    part["source"] = path
    return result


def extract_chunk_on_worker(chunk: list[tuple], extract_fn: Callable | None, cwd: str) -> list[FileResult]:
    """A few files' extraction in one task: fewer, larger tasks cost the scheduler less per file."""
    return [extract_on_worker(job, extract_fn, cwd) for job in chunk]


def _worker_rules() -> str:
    return rules_digest()  # looked up on the worker: its own lexicons and code


def _readable(path: str, cwd: str) -> bool:
    return os.access(path if os.path.isabs(path) else os.path.join(cwd, path), os.R_OK)


class ClusterExtractor:
    """Runs a build's extraction jobs on a Dask cluster: ``extractor(jobs, progress, extract_fn)``.

    The results come in the order of ``jobs`` (as local extraction's do, so
    the graph does not depend on which worker finished first); ``progress``
    is told of each file as it arrives. At most ``window`` files (default:
    four tasks per worker thread, at least 64 files) are out on the cluster
    or waiting here for an earlier one, so neither the scheduler nor this
    process holds the whole corpus at once. Files go out ``chunk`` to a
    task (default: up to 16, so that each worker thread gets eight tasks or
    more): one task per file cost 12 ms a file on 2 cores.

    A task whose workers kept dying (``KilledWorker``) is not yet a verdict
    on its files: the scheduler blames every task the dead workers held. Its
    files are tried again one at a time, each alone among such retries, and
    only a file whose own task dies again is given up, as its error line.
    """

    def __init__(self, client, address: str, *, timeout: float = 10.0, chunk: int | None = None,
                 window: int | None = None):
        self.client = client
        self.address = address
        self.timeout = timeout
        self.chunk = chunk
        self.window = window

    @property
    def workers(self) -> int:
        """The worker threads the scheduler has now."""
        return sum(self.client.nthreads().values())

    def check_workers(self, first_path: str | None, cwd: str) -> None:
        """Fail before any work is sent: no workers, workers on other rules, files the workers cannot see."""
        try:
            self.client.wait_for_workers(1, timeout=self.timeout)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {self.address} has no workers",
                               hint=f"start some with `dask worker {self.address}`") from None
        ours = rules_digest()
        for worker, digest in sorted(self.client.run(_worker_rules).items()):
            if digest != ours:
                raise ClusterError(
                    f"the worker at {worker} runs other extraction rules or code than this build",
                    hint="start the workers from a checkout of the same version, with the same data/lexicon")
        if first_path is not None and not self.client.submit(_readable, first_path, cwd, pure=False).result():
            raise ClusterError(f"the cluster's workers cannot read {first_path}",
                               hint="the files must be on a file system every worker mounts at the same path")

    def __call__(self, jobs: list[tuple], progress: Callable[[FileResult], None] | None = None,
                 extract_fn: Callable | None = None) -> Iterator[FileResult]:
        jobs = list(jobs)
        if not jobs:
            return
        distributed = import_distributed()
        cwd = os.getcwd()
        self.check_workers(jobs[0][0], cwd)
        threads = max(1, self.workers)
        size = self.chunk or max(1, min(16, len(jobs) // (threads * 8)))
        window = self.window or max(64, 4 * size * threads)
        pending: dict[str, tuple[list[int], bool, object]] = {}  # task key -> (job indexes, alone?, future)
        arrived: dict[int, FileResult] = {}
        suspects: list[int] = []  # files of tasks whose workers kept dying, to be tried one by one
        done = distributed.as_completed(loop=self.client.loop, with_results=True, raise_errors=False)

        def send(indexes: list[int], alone: bool = False) -> None:
            fut = self.client.submit(extract_chunk_on_worker, [jobs[k] for k in indexes], extract_fn, cwd,
                                     pure=False)
            pending[fut.key] = (indexes, alone, fut)
            done.add(fut)

        sent = following = 0
        try:
            while following < len(jobs):
                while sent < len(jobs) and sent - following < window:
                    send(list(range(sent, min(len(jobs), sent + size))))
                    sent = min(len(jobs), sent + size)
                if suspects and not any(alone for _, alone, _ in pending.values()):
                    send([suspects.pop(0)], alone=True)
                fut, value = self._next_done(done, len(jobs) - following)
                indexes, alone, _ = pending.pop(fut.key)
                if _is_error(value) and not alone and _is_killed_worker(value):
                    # The scheduler blames every task a dead worker held, not only the one that
                    # killed it: each of these files gets a try of its own before it is given up.
                    suspects.extend(indexes)
                    continue
                for k, res in zip(indexes, self._results(value, [jobs[k] for k in indexes])):
                    if progress:
                        progress(res)
                    arrived[k] = res
                del fut, value
                while following in arrived:
                    yield arrived.pop(following)
                    following += 1
        finally:  # a failed or abandoned build leaves no work behind on the cluster
            if pending:
                self.client.cancel([fut for _, _, fut in pending.values()], force=True)

    def _next_done(self, done, left: int):
        """The next finished task, waiting while the cluster has workers (a dead worker's
        nanny starts a new one); with none for ``timeout`` seconds the build stops with
        the reason, instead of waiting for a worker that will not come. (It polls:
        ``as_completed`` waits without a time limit.)"""
        workerless_since = checked = None
        while not done.has_ready():
            time.sleep(0.01)
            if checked is not None and time.monotonic() - checked < 0.5:
                continue
            checked = time.monotonic()
            if self.workers:
                workerless_since = None
            elif workerless_since is None:
                workerless_since = time.monotonic()
            elif time.monotonic() - workerless_since > self.timeout:
                raise ClusterError(
                    f"the cluster at {self.address} has had no worker for {self.timeout:g} s "
                    f"with {left} file(s) still to extract",
                    hint="nothing was saved; start workers (or check why they died) and run the build again")
        return next(done)

    def _results(self, value, chunk: list[tuple]) -> list[FileResult]:
        if isinstance(value, list):
            return value
        if not _is_error(value):
            raise ClusterError(f"the cluster at {self.address} dropped {chunk[0][0]} (the scheduler went away?)",
                               hint="nothing was saved; run the build again") from None
        _, err, _ = value
        if _is_killed_worker(value):
            message = "every worker that extracted this file died (out of memory, or a crash in a library)"
        else:
            message = f"{type(err).__name__}: {err}"
        for job in chunk:
            log.warning("%s: %s", job[0], message)
        return [FileResult(job[0], job[1], errors=[message]) for job in chunk]


def _is_error(value) -> bool:
    """Whether a task failed, from what ``as_completed`` fetched when it ended: the chunk's results
    (a list), an error's (type, exception, traceback), or a CancelledError. Not from the future's
    status, which moves on: a finished task whose worker dies a moment later is pending again.

    >>> _is_error([]), _is_error((ValueError, ValueError("x"), None)), _is_error(Exception("cancelled"))
    (False, True, False)
    """
    return isinstance(value, tuple)


def _is_killed_worker(value) -> bool:
    return type(value[1]).__name__ == "KilledWorker"
