"""One writer per graph file: a lock beside it, held for a whole build.

Two builds into one file at once used to lose documents silently (each
saved its own view of the manifest, the last rename won). A build now holds
``<graph file>.lock`` (:mod:`filelock`: ``flock`` on Unix, released by the
kernel when the process dies, so a killed build never leaves it stuck) from
loading the graph to saving it; a second writer fails at once with
:class:`~kg.errors.GraphBusy` — "graph.pickle is being built by PID n" — or
waits for it when asked to. Readers take no lock: a save renames a complete
file over the old one, so they see the old graph or the new, never half.

The holder's PID and start time are written beside the lock
(``<graph file>.lock.owner``) only to name it in that message.
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout

from ..errors import GraphBusy, StoreError

__all__ = ["graph_write_lock", "lock_path", "describe_holder"]

log = logging.getLogger(__name__)


def lock_path(graph_path: str | Path) -> Path:
    """The lock file of a graph file.

    >>> lock_path("data/graph/graph.pickle").name
    'graph.pickle.lock'
    """
    graph_path = Path(graph_path)
    return graph_path.with_name(graph_path.name + ".lock")


def _owner_path(graph_path: Path) -> Path:
    return graph_path.with_name(graph_path.name + ".lock.owner")


def describe_holder(graph_path: str | Path) -> str:
    """Who holds the lock, as a person reads it: ``PID 1234 (since 10:02:11)``, or ``another process``."""
    try:
        pid, _, started = _owner_path(Path(graph_path)).read_text(encoding="utf-8").strip().partition(" ")
        when = time.strftime("%H:%M:%S", time.localtime(float(started)))
        return f"PID {int(pid)} (since {when})"
    except (OSError, ValueError):
        return "another process"


@contextmanager
def graph_write_lock(graph_path: str | Path, *, wait: float | None = 0,
                     on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the write lock of ``graph_path`` for the ``with`` block.

    ``wait``: seconds to wait for another writer (0: fail at once, None: wait
    as long as it takes); ``on_wait(message)`` is told once when waiting
    starts. Raises :class:`~kg.errors.GraphBusy` naming the holder.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "graph.pickle"
    >>> with graph_write_lock(p):  # doctest: +ELLIPSIS
    ...     with graph_write_lock(p):
    ...         pass
    Traceback (most recent call last):
    ...
    kg.errors.GraphBusy: graph.pickle is being built by PID ... Hint: ...
    """
    graph_path = Path(graph_path)
    try:
        graph_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"{graph_path.parent}: cannot create the graph's folder: {err.strerror or err}") from err
    lock = FileLock(str(lock_path(graph_path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        busy = f"{graph_path.name} is being built by {describe_holder(graph_path)}"
        if wait == 0:
            raise GraphBusy(busy, hint=f"wait for that build to finish ({graph_path}), or pass --wait") from None
        if on_wait:
            on_wait(f"{busy}; waiting for it to finish")
        try:
            lock.acquire(timeout=-1 if wait is None else wait)
        except Timeout:
            raise GraphBusy(f"{busy} (waited {wait:g} s)",
                            hint=f"wait for that build to finish ({graph_path})") from None
    except OSError as err:
        raise StoreError(f"{lock_path(graph_path)}: cannot lock the graph file: {err.strerror or err}") from err
    owner = _owner_path(graph_path)
    try:
        try:
            owner.write_text(f"{os.getpid()} {time.time():.0f}\n", encoding="utf-8")
        except OSError as err:  # the message loses the PID, the lock still holds
            log.debug("cannot write %s: %s", owner, err)
        yield graph_path
    finally:
        try:
            owner.unlink()
        except OSError:
            pass
        lock.release()
