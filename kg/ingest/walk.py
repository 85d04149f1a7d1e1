"""Which files a list of paths names: folders read recursively, safely.

Folders are walked in sorted order (stable doc ids and output), following
symbolic links but never into a folder already seen, so a link back to a
parent cannot loop. Hidden files and Word lock files (``~$…``) are passed
over; other extensions are skipped with a note, not an error, since a
folder of reports often holds a spreadsheet or two.

Each file is checked before anyone opens it, from the one ``stat`` the walk
makes anyway (links followed): only a regular file of at most
:data:`~kg.ingest.readers.MAX_FILE_BYTES` is yielded; a FIFO, a device
(a link to ``/dev/zero``), a socket or an oversized file is that file's
error at once — hashing or reading one would hang or fill memory.

Each file comes with its *name*: its path relative to the folder given
(``sub/report.txt``), or its file name when the file itself was given. The
name is what document ids are made of, so two files never share one.
"""
from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from .readers import READERS, check_file

__all__ = ["iter_files", "iter_named_files"]

log = logging.getLogger(__name__)


def _default_skip(path: Path, reason: str) -> None:
    log.info("skipped %s: %s", path, reason)


def _stat_error(path: Path, err: OSError) -> InputError:
    if err.errno == errno.ELOOP:
        return InputError(path, "symlink loop", hint="the link points (through others) back to itself")
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return InputError(path, f"broken symlink (points to {os.readlink(path)})")
        return InputError(path, "no such file or directory")
    if err.errno == errno.EACCES:
        return InputError(path, "permission denied")
    return InputError(path, f"cannot read: {err.strerror or err}")


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def iter_files(paths: Iterable[str | os.PathLike], *,
               on_skip: Callable[[Path, str], None] | None = None) -> Iterator[Path | InputError]:
    """Yield readable files, or an :class:`InputError` for a path that is not usable.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x"); _ = (d / "b.xlsx").write_text("x")
    >>> [p.name for p in iter_files([d], on_skip=lambda p, why: None)]
    ['a.txt']
    """
    for item in iter_named_files(paths, on_skip=on_skip):
        yield item if isinstance(item, InputError) else item[0]


def iter_named_files(paths: Iterable[str | os.PathLike], *,
                     on_skip: Callable[[Path, str], None] | None = None
                     ) -> Iterator[tuple[Path, str] | InputError]:
    """Yield ``(file, name)`` pairs — the name relative to the folder given — or :class:`InputError` values.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "sub").mkdir()
    >>> _ = (d / "a.txt").write_text("x"); _ = (d / "sub" / "a.txt").write_text("y")
    >>> [name for _, name in iter_named_files([d, d / "a.txt"])]
    ['a.txt', 'sub/a.txt', 'a.txt']
    """
    skip = on_skip or _default_skip
    for given in paths:
        path = Path(given)
        try:
            st = path.stat()
        except OSError as err:
            yield _stat_error(path, err)
            continue
        if not stat.S_ISDIR(st.st_mode):
            if path.suffix.lower() not in READERS:
                yield InputError(path, f"unsupported file type {path.suffix or '(none)'!r}",
                                 hint=f"readable: {' '.join(sorted(READERS))}")
                continue
            problem = check_file(path, st)
            yield problem if problem else (path, path.name)
            continue
        found = 0
        seen = {(st.st_dev, st.st_ino)}
        for item in _walk(path, "", seen, skip):
            if not isinstance(item, InputError):
                found += 1
            yield item
        if not found:
            yield InputError(path, f"no readable files ({' '.join(sorted(READERS))}) in this folder")


def _walk(folder: Path, prefix: str, seen: set, skip) -> Iterator[tuple[Path, str] | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield _stat_error(folder, err)
        return
    for entry in entries:
        path = Path(entry.path)
        if _hidden(entry.name):
            continue
        try:
            st = entry.stat()  # follows symlinks like Path.stat, and the entry keeps it: one system call
        except OSError as err:
            yield _stat_error(path, err)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in seen:
                skip(path, "folder already read (symlink back to it)")
                continue
            seen.add(key)
            yield from _walk(path, f"{prefix}{entry.name}/", seen, skip)
        elif path.suffix.lower() in READERS:
            problem = check_file(path, st)
            yield problem if problem else (path, prefix + entry.name)
        else:
            skip(path, f"unsupported file type {path.suffix or '(none)'!r}")
