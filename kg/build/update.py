"""Bring a graph up to date with report files, doing only the work that changed.

A file whose bytes and rules are unchanged is skipped (:mod:`kg.build.inputs`),
unless some of its documents failed last time;
a changed file has exactly its own documents replaced; ``prune`` drops the
documents of files that are gone. The manifest (file → sha256, doc_ids, the
name its ids are made of) lives in the graph itself (``g.graph["files"]``),
so the graph file is the whole state.

Document ids come from the file's path relative to the folder built
(``sub/report.txt``, ``sub/report.txt#2``), fixed when the file is first
built. Where another file of the graph already has that name (two folders
built into one graph, both with ``report.txt``), the newcomer's name takes
as many of its parent folders as make it unique (``b/report.txt``) — unless
the other file is gone, when the newcomer takes its place (a moved folder).
A graph built when ids were file stems is rebuilt whole, with a note. Results are applied in sorted file order, so any ``jobs`` gives
the same graph as ``jobs=1``.
"""
from __future__ import annotations

import gc
import logging
import os
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from ..errors import InputError
from ..graph.build import add_document, count_labels, count_types, new_graph, refresh_nodes, remove_documents
from ..graph.resolve import OrgResolver, default_resolver
from .inputs import file_sha256, iter_keyed_files, rules_digest
from .summary import BuildSummary
from .workers import FileResult, ending_with, extract_files, start_workers

__all__ = ["update_graph", "build_graph"]

log = logging.getLogger(__name__)


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
                 extract_fn: Callable | None = None,
                 extractor: Callable | None = None) -> BuildSummary:
    """Bring ``g`` up to date with the files under ``paths``; returns what changed.

    Unchanged files (same sha256) are skipped; a changed file's documents are
    replaced; with ``prune``, documents of files that no longer exist are
    removed. ``jobs=None`` uses every core. ``extractor(jobs, progress,
    extract_fn)``, when given, extracts the changed files elsewhere instead
    (a cluster: :mod:`kg.build.cluster`), its results in the order of ``jobs``.
    """
    started = time.perf_counter()
    resolver = resolver or default_resolver()
    summary = BuildSummary()
    rules = rules_digest()
    previous: set[str] = set()
    files = g.graph.get("files") or {}
    stem_ids = any("id" not in entry for entry in files.values())
    if files and (stem_ids or g.graph.get("rules_sha256") != rules):
        if stem_ids:
            # Two files with one stem shared an id; the old ids cannot be mapped to paths without a root.
            summary.notes.append(
                "this graph was built with document ids made of file names (report.txt and report.docx, "
                "a/x.txt and b/x.txt shared one); every document is read again with ids made of its path: "
                "documents of files not given to this build are removed, build their folders again")
        else:
            # Word lists or merge rules changed: every fact may read differently now.
            log.warning("lexicons or extraction code changed since the last build: rebuilding every document")
        previous = {d for entry in files.values() for d in entry["doc_ids"]}
        g.clear()
        g.graph.update(new_graph().graph)
    g.graph["rules_sha256"] = rules
    manifest: dict = g.graph.setdefault("files", {})
    workers = (os.cpu_count() or 1) if jobs is None else max(1, jobs)
    if extractor is not None:
        workers = 1  # no local pool: extraction runs elsewhere
    stack = ExitStack()
    # A first or full build reads every file: its workers warm up while the files are hashed.
    pool = stack.enter_context(ending_with(start_workers(workers - 1, extract_fn))) if workers > 1 and not manifest else None
    with stack:
        todo: list[tuple[str, str, str]] = []
        key_of: dict[str, str] = {}  # path as read -> its resolved path, the manifest's key
        name_of: dict[str, str] = {}  # manifest key -> the name its document ids are made of
        claimed = {entry["id"]: key for key, entry in manifest.items()}
        old_of: dict[str, list[str]] = {}
        for f, key, name in iter_keyed_files(paths):
            if isinstance(f, InputError):
                summary.errors.append((f.path, f.problem))
                continue
            try:
                digest = file_sha256(f)
            except InputError as err:
                summary.errors.append((err.path, err.problem))
                continue
            old = manifest.get(key)
            if old and old["sha256"] == digest and not old.get("failed"):
                summary.files_unchanged += 1
                summary.unchanged.extend(old["doc_ids"])
                continue
            old_of[key] = list(old["doc_ids"]) if old else []
            if old:
                name = old["id"]
            else:
                name, gone = _unique_name(name, key, claimed)
                if gone:  # the file that had this name is gone: this one takes its place
                    old_of[key] += manifest.pop(gone)["doc_ids"]
            claimed[name] = key
            name_of[key] = name
            todo.append((str(f), digest, name))
            key_of[str(f)] = key
        if on_plan:
            on_plan(len(todo))
        # One pass removes every re-read file's old documents (not one pass per
        # document), before any result arrives: the graph is then built while the
        # workers go on extracting. A file that now fails keeps none of its old
        # facts (the graph says what the files say today) and is read again next time.
        remove_documents(g, {d for ids in old_of.values() for d in ids}, resolver)
        owners = {d: key for key, entry in manifest.items() for d in entry["doc_ids"]}
        touched: set[str] = set()
        settle = stack.enter_context(_graph_out_of_gc())
        results = (extractor(todo, progress, extract_fn) if extractor is not None
                   else extract_files(todo, workers, progress, extract_fn, pool=pool))
        for res in results:
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
                manifest[key] = {"sha256": res.sha256, "doc_ids": new_ids, "source": res.path, "id": name_of[key]}
                if res.errors:  # some of its documents failed: read it again next time, like a file that failed
                    manifest[key]["failed"] = True
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


def _unique_name(name: str, key: str, claimed: dict[str, str]) -> tuple[str, str | None]:
    """The name a new file's document ids are made of, and the vanished file whose name it takes, if any.

    >>> _unique_name("x.txt", "/r/b/x.txt", {"x.txt": "/r/a/x.txt"})  # /r/a/x.txt is gone
    ('x.txt', '/r/a/x.txt')
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); a = os.path.join(d, "a.txt"); _ = open(a, "w").write("x")
    >>> _unique_name("a.txt", "/r/b/a.txt", {"a.txt": a})
    ('b/a.txt', None)
    """
    parts = Path(key).parts
    candidates = [name, *("/".join(parts[-k:]) for k in range(2, len(parts))), key]
    for cand in dict.fromkeys(candidates):
        owner = claimed.get(cand)
        if owner is None or owner == key:
            return cand, None
        if not Path(owner).exists():
            return cand, owner
    return key, None


def build_graph(paths: Iterable[str | Path], *, jobs: int | None = 1,
                resolver: OrgResolver | None = None) -> nx.MultiDiGraph:
    """Read, extract and build a fresh graph from report files or folders.

    Per-file errors are logged and the file is left out; ``jobs`` > 1 (or
    None: every core) extracts in worker processes with the same result.
    Nothing is saved: see :func:`kg.build.build_store` for the incremental,
    persisted build.
    """
    g = new_graph()
    summary = update_graph(g, paths, jobs=jobs, resolver=resolver)
    for path, err in summary.errors:
        log.warning("%s: %s", path, err)
    return g
