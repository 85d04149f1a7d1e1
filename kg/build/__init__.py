"""The build: report files → the stored graph, doing only the work that changed.

It runs the stages below it (ingest, extract, graph, store) over many files:
which files changed (:mod:`~kg.build.inputs`: content hashes and the rules'
digest), extraction on several cores (:mod:`~kg.build.workers`), the graph
brought up to date (:mod:`~kg.build.update`) and saved, or synced to Neo4j
(:func:`build_store`, the one call the CLI and the app use). Past one
machine, :mod:`~kg.build.scaleout` runs extraction as a map step.
"""
from __future__ import annotations

from .inputs import file_sha256, iter_files, rules_digest
from .runner import build_store
from .summary import BuildSummary
from .update import build_graph, update_graph
from .workers import FileResult, extract_file, extract_files, start_workers

__all__ = [
    "build_store",
    "build_graph",
    "update_graph",
    "BuildSummary",
    "FileResult",
    "iter_files",
    "file_sha256",
    "rules_digest",
    "extract_file",
    "extract_files",
    "start_workers",
]
