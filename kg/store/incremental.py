"""Build or update a graph from report files, doing only the work that changed.

Why content hashes: a file whose bytes have the same sha256 as last time
(and unchanged lexicons and extraction code: ``rules_digest``) gives the same documents and facts, so it is skipped without being read by
the extractor; a changed file has exactly its own documents replaced;
``prune`` drops the documents of files that are gone. The manifest (file →
sha256, doc_ids) lives in the graph itself (``g.graph["files"]``), so the
graph file is the whole state.

Extraction runs in worker processes (jieba loads once per worker, in the
pool initializer); results are applied in sorted file order, so any
``jobs`` gives the same graph as ``jobs=1``.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from ..errors import InputError, KGError
from ..graph.build import add_document, count_labels, count_types, new_graph, refresh_nodes, remove_documents
from ..graph.resolve import OrgResolver, default_resolver

__all__ = [
    "BuildSummary",
    "FileResult",
    "iter_files",
    "file_sha256",
    "extract_file",
    "extract_files",
    "start_workers",
    "update_graph",
    "build_store",
    "rules_digest",
]

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    """What extraction made of one file: its documents and their records, or an error."""

    path: str
    sha256: str
    docs: list[tuple[dict, dict]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class BuildSummary:
    """What a build did, for the CLI and the app's build page."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    files_read: int = 0
    files_unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    store: str = "networkx"
    target: str = ""
    seconds: float = 0.0

    @property
    def changes(self) -> int:
        """Documents added, updated or removed (0 for a no-op rebuild)."""
        return len(self.added) + len(self.updated) + len(self.removed)

    def to_dict(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged, "removed": self.removed,
            "files_read": self.files_read, "files_unchanged": self.files_unchanged,
            "errors": [{"path": p, "error": e} for p, e in self.errors],
            "nodes": self.nodes, "relationships": self.relationships, "store": self.store,
            "target": self.target, "seconds": round(self.seconds, 3),
        }

    def format(self) -> str:
        """A few lines a person reads after ``python -m kg build``.

        >>> print(BuildSummary(added=["a"], nodes={"Document": 1}, relationships={"AUTHORED": 0}).format())
        documents: 1 added, 0 updated, 0 unchanged, 0 removed (0 files read, 0 unchanged)
        nodes: 1 (Document 1)
        relationships: 0
        """
        lines = [
            f"documents: {len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed ({self.files_read} files read, {self.files_unchanged} unchanged)",
            f"nodes: {sum(self.nodes.values())} (" + ", ".join(f"{k} {v}" for k, v in self.nodes.items() if v) + ")",
            f"relationships: {sum(self.relationships.values())}"
            + (" (" + ", ".join(f"{k} {v}" for k, v in self.relationships.items() if v) + ")"
               if any(self.relationships.values()) else ""),
        ]
        for path, err in self.errors:
            lines.append(f"error: {path}: {err}")
        return "\n".join(lines)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The input files under ``paths``, exactly as ingest walks them, each once.

    Unusable paths come back as :class:`~kg.errors.InputError` values.
    """
    for item, _ in _keyed_files(paths):
        yield item


def _keyed_files(paths) -> Iterator[tuple[Path | InputError, str | None]]:
    # (file, its resolved path: the manifest's key), resolved once
    from ..ingest.walk import iter_files as walk

    seen: set[str] = set()
    for item in walk(paths, on_skip=lambda path, why: log.info("skipped %s: %s", path, why)):
        if isinstance(item, InputError):
            yield item, None
            continue
        key = str(item.resolve())
        if key not in seen:
            seen.add(key)
            yield item, key


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, streamed."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract_file(path: str | Path, sha256: str | None = None,
                 extract_fn: Callable | None = None) -> FileResult:
    """Read one file into documents and extract each; errors are kept, not raised.

    ``extract_fn(Document) -> record`` defaults to :func:`kg.extract.extract_document`.
    """
    from ..ingest import read_documents

    if extract_fn is None:
        from ..extract import extract_document as extract_fn

    result = FileResult(str(path), sha256 or file_sha256(path))
    for item in read_documents([path]):
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


def _init_worker(warm_up: bool) -> None:
    # Load the segmenter and the lexicons once per process, not per file.
    # (Not jieba's global dictionary: extraction never uses it, and it
    # costs each worker 1.5 s.)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if not warm_up:
        return
    try:
        from ..extract import extract

        extract("市统计局开展集中学习12次。")
    except ImportError as err:  # the first file will report it as its error
        log.debug("worker warm-up skipped: %s", err)


def _extract_job(job: tuple) -> FileResult:
    return extract_file(*job)


def start_workers(workers: int, extract_fn: Callable | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` extraction processes, already starting and warming up.

    A build that will read every file starts them before hashing the files,
    so the workers load their lexicons while the main process plans.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(extract_fn is None,))
    for _ in range(workers):
        pool.submit(os.getpid)  # the pool starts its processes on demand
    return pool


def _extract_chunk(jobs: list[tuple]) -> list[FileResult]:
    return [_extract_job(job) for job in jobs]


def extract_files(jobs: list[tuple[str, str]], workers: int = 1,
                  progress: Callable[[FileResult], None] | None = None,
                  extract_fn: Callable | None = None,
                  pool: ProcessPoolExecutor | None = None) -> Iterator[FileResult]:
    """Extract ``(path, sha256)`` jobs on ``workers`` cores; results in the order of ``jobs``.

    ``workers - 1`` processes extract, and so does this one: whenever the
    next result is not ready yet, it takes the earliest chunk no process has
    started. Why not ``workers`` processes: the caller builds the graph from
    each result as it comes, and three busy processes on two cores slowed
    every one of them (at 10k documents the workers needed a quarter more
    CPU time). A ``pool`` from :func:`start_workers` is used (and left open)
    instead of starting one.
    """
    jobs = [(path, digest, extract_fn) for path, digest in jobs]
    if pool is None and (workers <= 1 or len(jobs) <= 1):
        for job in jobs:
            res = _extract_job(job)
            if progress:
                progress(res)
            yield res
        return
    size = max(1, min(16, len(jobs) // (max(2, workers) * 8)))
    chunks = [jobs[k:k + size] for k in range(0, len(jobs), size)]
    with nullcontext(pool) if pool is not None else start_workers(max(1, workers - 1), extract_fn) as running:
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


@contextmanager
def _graph_out_of_gc():
    """Keep the cyclic collector from re-scanning the growing graph.

    The graph's dicts live as long as the build, yet every full collection
    walks all of them again (1.6 s of the main process at 10k documents).
    ``settle()``, called after each file, collects the young generations
    (where extraction's own cycles die) and freezes what is left; on the way
    out everything is handed back, so a graph dropped later is still collected.
    """
    def settle() -> None:
        gc.collect(1)
        gc.freeze()

    try:
        yield settle
    finally:
        gc.unfreeze()


def update_graph(g: nx.MultiDiGraph, paths: Iterable[str | Path], *, prune: bool = False, jobs: int | None = 1,
                 resolver: OrgResolver | None = None,
                 progress: Callable[[FileResult], None] | None = None,
                 on_plan: Callable[[int], None] | None = None,
                 extract_fn: Callable | None = None) -> BuildSummary:
    """Bring ``g`` up to date with the files under ``paths``; returns what changed.

    Unchanged files (same sha256) are skipped; a changed file's documents are
    replaced; with ``prune``, documents of files that no longer exist are
    removed. ``jobs=None`` uses every core.
    """
    started = time.perf_counter()
    resolver = resolver or default_resolver()
    summary = BuildSummary()
    rules = rules_digest()
    previous: set[str] = set()
    if g.graph.get("files") and g.graph.get("rules_sha256") != rules:
        # Word lists or merge rules changed: every fact may read differently now.
        log.warning("lexicons or extraction code changed since the last build: rebuilding every document")
        previous = {d for entry in g.graph["files"].values() for d in entry["doc_ids"]}
        g.clear()
        g.graph.update(new_graph().graph)
    g.graph["rules_sha256"] = rules
    manifest: dict = g.graph.setdefault("files", {})
    workers = (os.cpu_count() or 1) if jobs is None else max(1, jobs)
    stack = ExitStack()
    # A first or full build reads every file: its workers warm up while the files are hashed.
    pool = stack.enter_context(start_workers(workers - 1, extract_fn)) if workers > 1 and not manifest else None
    with stack:
        todo: list[tuple[str, str]] = []
        key_of: dict[str, str] = {}  # path as read -> its resolved path, the manifest's key
        for f, key in _keyed_files(paths):
            if isinstance(f, InputError):
                summary.errors.append((f.path, f.problem))
                continue
            try:
                digest = file_sha256(f)
            except OSError as err:
                summary.errors.append((str(f), f"cannot read: {err.strerror or err}"))
                continue
            old = manifest.get(key)
            if old and old["sha256"] == digest:
                summary.files_unchanged += 1
                summary.unchanged.extend(old["doc_ids"])
                continue
            todo.append((str(f), digest))
            key_of[str(f)] = key
        if on_plan:
            on_plan(len(todo))
        # One pass removes every re-read file's old documents (not one pass per
        # document), before any result arrives: the graph is then built while the
        # workers go on extracting. A file that now fails keeps none of its old
        # facts (the graph says what the files say today) and is read again next time.
        old_of = {key_of[path]: manifest.get(key_of[path], {}).get("doc_ids", []) for path, _ in todo}
        remove_documents(g, {d for ids in old_of.values() for d in ids}, resolver)
        owners = {d: key for key, entry in manifest.items() for d in entry["doc_ids"]}
        touched: set[str] = set()
        settle = stack.enter_context(_graph_out_of_gc())
        for res in extract_files(todo, workers, progress, extract_fn, pool=pool):
            summary.files_read += 1
            summary.errors.extend((res.path, e) for e in res.errors)
            key = key_of[res.path]
            old_ids = set(old_of.get(key, ()))
            new_ids = []
            for doc, record in res.docs:
                doc_id = record.get("doc_id") or doc["doc_id"]
                owner = owners.get(doc_id)
                if owner and owner != key and doc_id in manifest.get(owner, {}).get("doc_ids", ()):
                    summary.errors.append((res.path, f"document id {doc_id!r} is also produced by {owner}; "
                                                     "this file's version replaces it"))
                    manifest[owner]["doc_ids"] = [d for d in manifest[owner]["doc_ids"] if d != doc_id]
                owners[doc_id] = key
                touched |= add_document(g, doc, record, resolver, refresh=False)
                new_ids.append(doc_id)
                (summary.updated if doc_id in old_ids or doc_id in previous else summary.added).append(doc_id)
            summary.removed.extend(sorted(old_ids - set(new_ids)))
            if res.docs or not res.errors:
                manifest[key] = {"sha256": res.sha256, "doc_ids": new_ids, "source": res.path}
            else:
                manifest.pop(key, None)
            del res
            settle()
    refresh_nodes(g, touched, resolver)
    if previous:
        rebuilt = {d for entry in manifest.values() for d in entry["doc_ids"]}
        summary.removed.extend(sorted(previous - rebuilt))
    if prune:
        gone_files = [key for key in sorted(manifest) if not Path(key).exists()]
        gone = [d for key in gone_files for d in manifest.pop(key)["doc_ids"]]
        remove_documents(g, gone, resolver)
        summary.removed.extend(gone)
    summary.nodes = count_labels(g)
    summary.relationships = count_types(g)
    summary.seconds = time.perf_counter() - started
    return summary


def rules_digest(directory: str | Path | None = None) -> str:
    """One sha256 over the lexicon files and the code that turns text into facts.

    A changed rule or a new extractor version means every document must be
    read again; without the code in the digest an upgraded extractor would
    leave stale facts in a graph that reports "0 changes".
    """
    from ..lexicon import LEXICON_DIR

    h = hashlib.sha256()
    for path in sorted(Path(directory or LEXICON_DIR).glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    package = Path(__file__).resolve().parent.parent
    for stage in ("ingest", "extract", "graph"):
        for path in sorted((package / stage).glob("*.py")):
            h.update(f"{stage}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def build_store(paths: Iterable[str | Path], *, store: str = "networkx", graph_path: str | Path | None = None,
                prune: bool = False, jobs: int | None = None, neo4j: dict | None = None,
                progress: Callable[[FileResult], None] | None = None,
                on_plan: Callable[[int], None] | None = None,
                extract_fn: Callable | None = None) -> BuildSummary:
    """Build or update a store from report files: the one call the CLI and the app use.

    The NetworkX graph file is always updated (it holds the manifest); with
    ``store="neo4j"`` the documents that changed are then synced to Neo4j
    (``neo4j`` holds uri/user/password/database/batch_size overrides).
    """
    from .networkx_store import default_graph_path, load_graph, save_graph

    if store not in ("networkx", "neo4j"):
        from ..errors import ConfigError

        raise ConfigError(f"unknown store {store!r}", hint="use --store networkx or --store neo4j")
    driver = settings = None
    if store == "neo4j":  # fail on a bad server before minutes of extraction, not after
        from .neo4j_store import Neo4jSettings, connect

        settings = Neo4jSettings.from_env(neo4j or {})
        driver = connect(settings)
    try:
        path = Path(graph_path) if graph_path else default_graph_path()
        g = load_graph(path, missing_ok=True)
        summary = update_graph(g, paths, prune=prune, jobs=jobs, progress=progress, on_plan=on_plan,
                               extract_fn=extract_fn)
        if summary.changes or not path.exists():
            save_graph(g, path)
        summary.store, summary.target = store, str(path)
        if driver is not None:
            from .neo4j_store import sync_to_neo4j

            summary.target = sync_to_neo4j(g, changed=set(summary.added + summary.updated),
                                           removed=set(summary.removed), settings=settings, driver=driver)
    finally:
        if driver is not None:
            driver.close()
    return summary
