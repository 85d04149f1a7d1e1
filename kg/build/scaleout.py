"""Extraction as a map step of a distributed engine, and the graph from its output.

Extraction is per document and needs nothing but the file, so past one
machine it runs as a plain map over a list of files: Dask
``bag.map_partitions``, Spark ``rdd.mapPartitions`` or Ray
``data.map_batches`` call :func:`extract_partition` on each partition and
write its JSON Lines; :func:`read_extracted` and :func:`graph_from_jsonl`
turn those files into the same graph ``python -m kg build`` makes
(docs/scaling.md). Dask is optional: :func:`extract_with_dask` imports it
only when called.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from ..extract import extract_document
from ..graph import graph_from_records
from ..errors import InputError
from ..ingest import read_named
from ..ingest.walk import iter_named_files

__all__ = ["extract_partition", "list_files", "extract_with_dask", "read_extracted", "graph_from_jsonl"]


def extract_partition(paths: Iterable[str | tuple[str, str]]) -> Iterator[str]:
    """One JSON line per document of the files in ``paths``: ``{"document", "record"}``.

    Each item is a path, or a ``(path, name)`` pair whose name (the path
    relative to the folder built, as :func:`list_files` gives it) the
    document ids are made of. A file that cannot be read gives an
    ``{"error", "path"}`` line instead, so one bad file never fails a partition.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_text("市妇联2023年学习计划\\n全年开展集中学习12次。", encoding="utf-8")
    >>> row = orjson.loads(next(extract_partition([(str(p), "sub/a.txt")])))
    >>> row["document"]["doc_id"], row["record"]["metrics"][0]["value"]
    ('sub/a.txt', 12)
    """
    for item in paths:
        path, name = (item, None) if isinstance(item, (str, os.PathLike)) else item
        docs = read_named(path, name)
        if isinstance(docs, InputError):
            yield orjson.dumps({"error": str(docs), "path": str(path)}).decode()
            continue
        for doc in docs:
            row = {"document": doc.to_dict(with_text=True), "record": extract_document(doc)}
            yield orjson.dumps(row).decode()


def list_files(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """The ``(path, name)`` pairs of the report files under ``paths``, as the build names them.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "sub").mkdir(); _ = (d / "sub" / "a.txt").write_text("x")
    >>> [name for _, name in list_files([d])]
    ['sub/a.txt']
    """
    return [(str(item[0]), item[1]) for item in iter_named_files(paths, on_skip=lambda path, why: None)
            if not isinstance(item, InputError)]


def extract_with_dask(paths: list[str | Path], out_dir: str | Path, *, partitions: int | None = None,
                      scheduler: str = "processes") -> list[str]:
    """Extract the files under ``paths`` with a Dask bag, one ``part-N.jsonl`` per partition; returns them.

    ``scheduler``: ``processes`` or ``synchronous`` on one machine; pass
    ``distributed`` after creating a ``dask.distributed.Client`` for a cluster.
    """
    import dask  # lazy: the optional scale-out engine (0.15 s to import), needed only here
    import dask.bag as db

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = list_files(paths)
    bag = db.from_sequence(files, npartitions=partitions or min(len(files), 4 * (os.cpu_count() or 1)))
    with dask.config.set(scheduler=scheduler):
        written = bag.map_partitions(extract_partition).to_textfiles(str(out / "part-*.jsonl"))
    return sorted(written)


def read_extracted(paths: Iterable[str | Path]) -> Iterator[tuple[dict, dict]]:
    """The ``(document, record)`` pairs of map-step output files (error lines skipped)."""
    for path in paths:
        with open(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    row = orjson.loads(line)
                    if "record" in row:
                        yield row["document"], row["record"]


def graph_from_jsonl(paths: Iterable[str | Path]):
    """The NetworkX graph of map-step output, as ``build`` would make it from the files."""
    return graph_from_records(sorted(read_extracted(paths), key=lambda pair: pair[0]["doc_id"]))
