"""Extraction of many files on several cores: one file's documents and records at a time.

Extraction runs in worker processes (jieba loads once per worker, in the
pool initializer) and in the caller's own process; results come back in the
order of the jobs, so any number of workers gives the same graph as one.
One file's or one document's failure is that file's error line, never the
end of the build.
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError, KGError
from ..extract import extract, extract_document
from ..ingest import read_named
from .inputs import file_sha256

__all__ = ["FileResult", "extract_file", "start_workers", "ending_with", "extract_files"]

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass
class FileResult:
    """What extraction made of one file: its documents and their records, or an error."""

    path: str
    sha256: str
    docs: list[tuple[dict, dict]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def extract_file(path: str | Path, sha256: str | None = None,
                 extract_fn: Callable | None = None, name: str | None = None) -> FileResult:
    """Read one file into documents and extract each; errors are kept, not raised.

    ``extract_fn(Document) -> record`` defaults to :func:`kg.extract.extract_document`;
    ``name`` (default: the file name) is what the document ids are made of.
    """
    extract_fn = extract_fn or extract_document
    result = FileResult(str(path), sha256 or "")
    try:
        result.sha256 = result.sha256 or file_sha256(path)
    except InputError as err:
        result.errors.append(err.problem)
        return result
    docs = read_named(path, name)
    for item in [docs] if isinstance(docs, InputError) else docs:
        if isinstance(item, Exception):
            # The error is listed under its file already: keep only the problem.
            same_file = isinstance(item, InputError) and Path(item.path) == Path(path)
            result.errors.append(str(item)[len(item.path) + 2:] if same_file else str(item))
            continue
        try:
            record = extract_fn(item)
        except Exception as err:  # noqa: BLE001 - one document's failure is that document's error line
            message = str(err) if isinstance(err, KGError) else f"{type(err).__name__}: {err}"
            log.warning("%s: extraction failed on document %s: %s", path, item.doc_id, message)
            result.errors.append(f"{item.doc_id}: {message}")
            continue
        for failed in record.get("extraction_errors") or ():
            result.errors.append(f"{item.doc_id}: extractor {failed['extractor']} failed: {failed['error']}")
        result.docs.append((item.to_dict(with_text=True), record))
    return result


def _end_with_parent(parent: int) -> None:
    """Ask the kernel to kill this worker when the build's process dies, even by SIGKILL (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError) as err:  # no prctl: the worker still ends when its queue closes
        log.debug("no parent-death signal: %s", err)
    if os.getppid() != parent:  # the build died before the request took effect
        os._exit(1)


def _init_worker(warm_up: bool, parent: int | None = None) -> None:
    if parent is not None:
        _end_with_parent(parent)
    # Load the segmenter and the lexicons once per process, not per file.
    # (Not jieba's global dictionary: extraction never uses it, and it
    # costs each worker 1.5 s.)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if not warm_up:
        return
    try:
        extract("市统计局开展集中学习12次。")
    except ImportError as err:  # the first file will report it as its error
        log.debug("worker warm-up skipped: %s", err)


def _extract_job(job: tuple) -> FileResult:
    return extract_file(*job)


def start_workers(workers: int, extract_fn: Callable | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` extraction processes, already starting and warming up.

    A build that will read every file starts them before hashing the files,
    so the workers load their lexicons while the main process plans. The
    workers end with the build: killed by the kernel if its process dies
    (Linux), told to stop at once if it fails (:func:`ending_with`).
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                               initargs=(extract_fn is None, os.getpid()))
    for _ in range(workers):
        pool.submit(os.getpid)  # the pool starts its processes on demand
    return pool


@contextmanager
def ending_with(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """Use ``pool`` for a ``with`` block; a failed or interrupted block drops the work no process has started.

    (``ProcessPoolExecutor.__exit__`` would wait for every queued chunk.)
    """
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _extract_chunk(jobs: list[tuple]) -> list[FileResult]:
    return [_extract_job(job) for job in jobs]


def extract_files(jobs: list[tuple], workers: int = 1,
                  progress: Callable[[FileResult], None] | None = None,
                  extract_fn: Callable | None = None,
                  pool: ProcessPoolExecutor | None = None) -> Iterator[FileResult]:
    """Extract ``(path, sha256[, name])`` jobs on ``workers`` cores; results in the order of ``jobs``.

    ``workers - 1`` processes extract, and so does this one: whenever the
    next result is not ready yet, it takes the earliest chunk no process has
    started. Why not ``workers`` processes: the caller builds the graph from
    each result as it comes, and three busy processes on two cores slowed
    every one of them (at 10k documents the workers needed a quarter more
    CPU time). A ``pool`` from :func:`start_workers` is used (and left open)
    instead of starting one.
    """
    jobs = [(job[0], job[1], extract_fn, *job[2:]) for job in jobs]
    if pool is None and (workers <= 1 or len(jobs) <= 1):
        for job in jobs:
            res = _extract_job(job)
            if progress:
                progress(res)
            yield res
        return
    size = max(1, min(16, len(jobs) // (max(2, workers) * 8)))
    chunks = [jobs[k:k + size] for k in range(0, len(jobs), size)]
    with nullcontext(pool) if pool is not None else ending_with(start_workers(max(1, workers - 1), extract_fn)) as running:
        futures = [running.submit(_extract_chunk, chunk) for chunk in chunks]
        own: dict[int, list[FileResult]] = {}
        steal = 1
        try:
            for k, fut in enumerate(futures):
                while k not in own and not fut.done() and steal < len(futures):
                    if steal > k and futures[steal].cancel():
                        own[steal] = _extract_chunk(chunks[steal])
                    steal += 1
                for res in own.pop(k) if k in own else fut.result():
                    if progress:
                        progress(res)
                    yield res
                futures[k] = None  # its results are in the graph now: let them go
        finally:  # a failed or abandoned build does not wait for the files nobody will read
            for fut in futures:
                if fut is not None:
                    fut.cancel()
