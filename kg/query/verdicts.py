"""The guard's verdicts, kept between processes: a text that passed is not parsed again.

A first ``kg ask`` spent about half its CPU parsing its one canned query:
ANTLR's Python runtime starts every process with an empty prediction cache.
Each text that passed the guard (:func:`kg.query.guard.check_read_only` and
:func:`kg.query.parse.check_schema`) is kept as its SHA-256, one line of a
file in the user's cache folder: ``KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``. The file's name carries a
digest of the guard's own code and of the graph schema, so a changed guard
or schema starts a new file. A refused text is never written. ``KG_CACHE_DIR=``
(set, empty) keeps nothing, and a folder that cannot be written is no error:
the text is then checked every time, as before.

The verdicts are as trustworthy as the folder: whoever can write the user's
cache can also change the program. Both engines refuse writes on their own
as well (ladybug's copy, Neo4j's read transaction).
"""
from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from pathlib import Path

__all__ = ["MAX_KEPT", "verdict_file", "passed_before", "remember_passed"]

_HERE = Path(__file__).resolve().parent
_GUARD_SOURCES = (_HERE / "guard.py", _HERE / "parse.py", _HERE.parent / "graph" / "schema.py")
_lock = threading.Lock()
_known: dict[Path, set[str]] = {}
# Typed queries add a line each: past this many the file starts again (65 bytes a line, read
# whole by each process's first check).
MAX_KEPT = 5000


@lru_cache(maxsize=1)
def _guard_digest() -> str:
    h = hashlib.sha256()
    for source in _GUARD_SOURCES:
        h.update(source.read_bytes())
    return h.hexdigest()[:16]


def verdict_file() -> Path | None:
    """Where the verdicts of this guard are kept; None when ``KG_CACHE_DIR`` is set empty."""
    folder = os.environ.get("KG_CACHE_DIR")
    if folder is None:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"
    elif not folder:
        return None
    return Path(folder) / f"checked-{_guard_digest()}.txt"


def _key(cypher: str) -> str:
    return hashlib.sha256(cypher.encode("utf-8")).hexdigest()


def _read(path: Path) -> set[str]:
    try:
        return set(path.read_text(encoding="ascii").split())
    except (OSError, UnicodeError):
        return set()


def _known_for(path: Path) -> set[str]:
    """The keys kept in ``path``, read once per process (the caller holds ``_lock``)."""
    known = _known.get(path)
    if known is None:
        known = _known[path] = _read(path)
    return known


def passed_before(cypher: str) -> bool:
    """True when this very text passed this guard in an earlier process (or earlier in this one)."""
    path = verdict_file()
    if path is None:
        return False
    with _lock:
        return _key(cypher) in _known_for(path)


def remember_passed(cypher: str) -> None:
    """Keep that ``cypher`` passed the guard; a folder that cannot be written is left alone."""
    path = verdict_file()
    if path is None:
        return
    key = _key(cypher)
    with _lock:
        known = _known_for(path)
        if key in known:
            return
        mode = "a"
        if len(known) >= MAX_KEPT:
            known.clear()
            mode = "w"
        known.add(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open(mode, encoding="ascii") as out:  # one short line: appends do not interleave
                out.write(key + "\n")
        except OSError:
            pass
