"""The export formats by name: each one's writer, file name and type, and the bytes for a download.

The CLI (``python -m kg export``) writes a format to a path; the app offers
the same formats as download buttons. Both pick the writer here, so a new
format is one entry in :data:`EXPORT_FORMATS`.
"""
from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import networkx as nx

from ..errors import ConfigError
from .cypher_script import write_cypher_script
from .graphml import write_graphml
from .jsonl import write_jsonl
from .neo4j_admin import write_neo4j_admin

__all__ = ["ExportFormat", "EXPORT_FORMATS", "export_format_for", "write_export", "export_bytes"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its writer, the file a download is named, its type, the extensions that pick it."""

    write: Callable[[nx.MultiDiGraph, str | Path], Path]
    file_name: str
    mime: str
    suffixes: tuple[str, ...] = ()
    folder: bool = False  # writes a folder of files (a download zips it)


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "graphml": ExportFormat(write_graphml, "graph.graphml", "application/xml", (".graphml",)),
    "neo4j-admin": ExportFormat(write_neo4j_admin, "neo4j-admin-import.zip", "application/zip", folder=True),
    "cypher": ExportFormat(write_cypher_script, "graph.cypher", "text/plain", (".cypher", ".cql")),
    "jsonl": ExportFormat(write_jsonl, "graph.jsonl", "application/x-ndjson", (".jsonl",)),
}


def export_format_for(path: str | Path) -> str | None:
    """The format a file name asks for by its extension; None when it does not tell.

    >>> export_format_for("out/graph.CQL"), export_format_for("out/csv")
    ('cypher', None)
    """
    suffix = Path(path).suffix.lower()
    return next((name for name, f in EXPORT_FORMATS.items() if suffix in f.suffixes), None)


def _get(fmt: str) -> ExportFormat:
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint="use one of " + ", ".join(EXPORT_FORMATS))
    return EXPORT_FORMATS[fmt]


def write_export(graph: nx.MultiDiGraph, fmt: str, out: str | Path) -> Path:
    """Write ``graph`` in format ``fmt`` to ``out`` (a folder for neo4j-admin); returns what the writer wrote."""
    return _get(fmt).write(graph, out)


def export_bytes(graph: nx.MultiDiGraph, fmt: str) -> tuple[str, bytes, str]:
    """The graph in an export format as (file name, bytes, mime type), for a download button.

    The writers write files; this runs one in a temporary folder and returns
    the bytes (a folder of files zipped).

    >>> from kg.graph.build import new_graph
    >>> name, data, mime = export_bytes(new_graph(), "jsonl")
    >>> name, mime
    ('graph.jsonl', 'application/x-ndjson')
    """
    spec = _get(fmt)
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        target = Path(tmp) / spec.file_name
        if not spec.folder:
            spec.write(graph, target)
            return spec.file_name, target.read_bytes(), spec.mime
        folder = Path(tmp) / fmt
        spec.write(graph, folder)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    zf.write(f, f.relative_to(folder).as_posix())
        return spec.file_name, target.read_bytes(), spec.mime
