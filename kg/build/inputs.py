"""Which files a build reads, and the digests that tell whether it must read them again.

Why content hashes: a file whose bytes have the same sha256 as last time
(and unchanged lexicons and extraction code: :func:`rules_digest`) gives the
same documents and facts, so the build skips it without reading it.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..ingest.readers import MAX_FILE_BYTES, open_report
from ..ingest.walk import iter_named_files
from ..lexicon import LEXICON_DIR

__all__ = ["iter_files", "iter_keyed_files", "file_sha256", "rules_digest"]

log = logging.getLogger(__name__)

# The stages whose code turns text into facts: a change in any of them changes the graph.
_RULE_STAGES = ("ingest", "extract", "graph")
_PACKAGE = Path(__file__).resolve().parent.parent


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The input files under ``paths``, exactly as ingest walks them, each once.

    Unusable paths come back as :class:`~kg.errors.InputError` values.
    """
    for item, _, _ in iter_keyed_files(paths):
        yield item


def iter_keyed_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path | InputError, str | None, str | None]]:
    """``(file, its resolved path, its name)``: the resolved path is the build manifest's key.

    The name is the file's path relative to the folder given (its document
    ids are made of it). Each file comes once, however many of ``paths``
    name it; an unusable path comes back as an
    :class:`~kg.errors.InputError` with key and name None.
    """
    seen: set[str] = set()
    for item in iter_named_files(paths, on_skip=lambda path, why: log.info("skipped %s: %s", path, why)):
        if isinstance(item, InputError):
            yield item, None, None
            continue
        path, name = item
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            yield path, key, name


def file_sha256(path: str | Path) -> str:
    """The sha256 of a report file's bytes, streamed; :class:`~kg.errors.InputError` when it is not one.

    The file is checked on the open descriptor first (a regular file within
    the size limit), so a FIFO or a device never blocks the build, and no
    more than the limit is ever read.
    """
    h = hashlib.sha256()
    left = MAX_FILE_BYTES + 1
    with open_report(path) as fh:
        try:
            while left > 0 and (chunk := fh.read(min(1 << 20, left))):
                h.update(chunk)
                left -= len(chunk)
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror or err}") from err
    if left <= 0:
        raise InputError(path, f"file is over the {MAX_FILE_BYTES // 2**20} MiB limit for one report file",
                         hint="split it into smaller files")
    return h.hexdigest()


def rules_digest(directory: str | Path | None = None) -> str:
    """One sha256 over the lexicon files and the code that turns text into facts.

    A changed rule or a new extractor version means every document must be
    read again; without the code in the digest an upgraded extractor would
    leave stale facts in a graph that reports "0 changes".
    """
    h = hashlib.sha256()
    for path in sorted(Path(directory or LEXICON_DIR).glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for stage in _RULE_STAGES:
        for path in sorted((_PACKAGE / stage).glob("*.py")):
            h.update(f"{stage}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()
