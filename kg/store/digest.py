"""The graph file's content digest, recorded when the file is written.

Why: what is derived from a graph file (the query database beside it) must
be keyed by its content, yet hashing a 100 MB graph at every start-up costs
a second. So every save path writes through :func:`recording_digest`, which
hashes the bytes as they go out and records the digest in a small sidecar
(``graph.pickle.digest``) together with the file's size, modification time
and inode. :func:`recorded_digest` trusts the sidecar only while the file
still has that size, time and inode: a graph copied over, restored or
edited by other means has no recorded digest, and :func:`graph_digest`
hashes it once (and records it) instead of ever naming a stale one.

The sidecar sits beside the file rather than inside it, so it survives any
change of the graph file's format; it is removed before the file is
replaced, so a crash between the two writes leaves no digest, never a
wrong one.
"""
from __future__ import annotations

import hashlib
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import orjson

__all__ = ["recording_digest", "recorded_digest", "graph_digest", "digest_path", "file_digest"]

log = logging.getLogger(__name__)

_SUFFIX = ".digest"
_ALGORITHM = "blake2b-256"


def digest_path(path: str | Path) -> Path:
    """The sidecar of a graph file.

    >>> digest_path("data/graph/graph.pickle").name
    'graph.pickle.digest'
    """
    path = Path(path)
    return path.with_name(path.name + _SUFFIX)


def _new_hash():
    return hashlib.blake2b(digest_size=32)


def _identity(st: os.stat_result) -> dict:
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}


class _Tap:
    """Hashes what a save path writes: ``write_atomically(path, tap(chunks))``, where ``chunks``
    are byte strings or a function that writes to the open file."""

    def __init__(self) -> None:
        self._hash = _new_hash()

    def __call__(self, chunks):
        if callable(chunks):
            return lambda fh: chunks(_HashingFile(fh, self._hash))
        return self._chunks(chunks)

    def _chunks(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self._hash.update(chunk)
            yield chunk

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


class _HashingFile:
    """A file that hashes what is written to it (a pickler's frames, as they go)."""

    def __init__(self, fh, h) -> None:
        self._fh, self._hash = fh, h

    def write(self, data) -> int:
        self._hash.update(data)
        return self._fh.write(data)


@contextmanager
def recording_digest(path: str | Path) -> Iterator[_Tap]:
    """Around a save: forget the old digest, hash what is written, record it once written.

    Every save path of a graph file writes through this, whatever its format::

        with recording_digest(path) as tap:
            write_atomically(path, tap(chunks))

    A failed write leaves no digest (the old file keeps its bytes but is hashed
    again when needed), never a wrong one.
    """
    path = Path(path)
    _forget(path)
    tap = _Tap()
    yield tap
    _record(path, tap.hexdigest())


def _forget(path: Path) -> None:
    try:
        digest_path(path).unlink()
    except FileNotFoundError:
        pass


def _record(path: Path, digest: str) -> None:
    try:
        record = {"algorithm": _ALGORITHM, "digest": digest, **_identity(path.stat())}
        digest_path(path).write_bytes(orjson.dumps(record))
    except OSError as err:  # a read-only folder: the digest is computed again when needed
        log.warning("cannot record the digest of %s: %s", path, err)


def recorded_digest(path: str | Path) -> str | None:
    """The digest recorded when ``path`` was written, or None when unknown or stale.

    >>> import tempfile, os
    >>> from kg.store.networkx_store import write_atomically
    >>> p = os.path.join(tempfile.mkdtemp(), "g.pickle")
    >>> with recording_digest(p) as tap:
    ...     write_atomically(p, tap([b"KG"]))
    >>> d = recorded_digest(p)
    >>> d == file_digest(p)
    True
    >>> _ = open(p, "ab").write(b"!")   # changed by other means: no longer trusted
    >>> recorded_digest(p) is None
    True
    """
    path = Path(path)
    try:
        record = orjson.loads(digest_path(path).read_bytes())
        st = path.stat()
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(record, dict) or record.get("algorithm") != _ALGORITHM:
        return None
    if any(record.get(k) != v for k, v in _identity(st).items()):
        return None
    digest = record.get("digest")
    return digest if isinstance(digest, str) else None


def file_digest(path: str | Path) -> str:
    """The digest of a file's bytes, read in 1 MiB blocks (what :func:`recording_digest` records)."""
    h = _new_hash()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def graph_digest(path: str | Path) -> str:
    """The graph file's digest: the recorded one, else hashed now and recorded.

    Hashing is the fallback for files written before digests were recorded
    or by other means (0.1–0.2 s at 10k documents); the record is kept only
    if the file did not change while it was read.
    """
    path = Path(path)
    digest = recorded_digest(path)
    if digest is not None:
        return digest
    before = _identity(path.stat())
    digest = file_digest(path)
    if _identity(path.stat()) == before:
        _record(path, digest)
    return digest
