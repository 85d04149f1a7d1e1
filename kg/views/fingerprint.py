"""Which corpus the app builds on first start, and when that build is stale.

The app caches the built graph keyed on the corpus; the key must change
when a file is added, removed or edited, yet be cheap to check on every
rerun. A stat signature (names, sizes, modification times) is the cheap
check; the content hash is computed only when that signature changes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..ingest.walk import iter_files

__all__ = ["list_corpus_files", "stat_signature", "content_fingerprint"]


def list_corpus_files(folder: str | Path) -> list[Path]:
    """Report files under ``folder``, exactly those a build reads (ingest's walk), sorted.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "b.txt").write_text("乙"); _ = (d / "a.docx").write_bytes(b""); _ = (d / "c.md").write_text("")
    >>> [p.name for p in list_corpus_files(d)]
    ['a.docx', 'b.txt']
    """
    return sorted(p for p in iter_files([folder], on_skip=lambda path, why: None) if isinstance(p, Path))


def stat_signature(files: list[Path]) -> tuple:
    """Names, sizes and modification times: changes whenever a file does.

    >>> stat_signature([])
    ()
    """
    sig = []
    for p in files:
        st = p.stat()
        sig.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(sig)


def content_fingerprint(files: list[Path]) -> str:
    """sha256 over every file's name and bytes: the corpus's identity.

    >>> content_fingerprint([]) == hashlib.sha256().hexdigest()
    True
    """
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode("utf-8") + b"\0")
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        h.update(b"\0")
    return h.hexdigest()
