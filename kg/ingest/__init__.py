"""Ingest: turn report files into clean, split documents (SCHEMA §1).

``read_documents(paths)`` walks files and folders and yields a
:class:`~kg.document.Document` per report found, or an
:class:`~kg.errors.InputError` *value* for a file that cannot be used, so
one bad file never stops a run. The stages, one module each: ``readers``
(bytes → text per format), ``decode`` (encodings), ``clean`` (junk lines),
``split`` (title lines), ``genre``, ``year``, ``normalize`` (the
same-length folded copy for matching), ``documents`` (assembly), ``walk``
(folders, symlinks, skipped extensions).
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..document import Document
from ..errors import InputError
from .documents import record_documents, split_documents
from .readers import READERS, read_raw
from .walk import iter_named_files

__all__ = ["read_documents", "read_file", "read_named", "split_documents", "SUPPORTED_EXTENSIONS"]

log = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = tuple(sorted(READERS))


def read_file(path: str | os.PathLike, *, name: str | None = None) -> list[Document]:
    """All documents of one file; raises :class:`InputError` when it cannot be used.

    ``name`` (default: the file name) is what the document ids are made of:
    :func:`read_documents` passes the path relative to the folder read.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "plan.txt"
    >>> _ = p.write_text("县税务局2024年理论学习计划\\n一、总体要求\\n坚持学习。", encoding="utf-8")
    >>> [(d.doc_id, d.genre, d.year) for d in read_file(p)]
    [('plan.txt', '计划', 2024)]
    """
    path = Path(path)
    raw = read_raw(path)
    file_sha = hashlib.sha256(raw.file_bytes).hexdigest()
    if raw.records is not None:
        docs = record_documents(raw.records, source=str(path), encoding=raw.encoding, file_sha256=file_sha,
                                name=name)
        if not docs:
            raise InputError(path, "no record has any text")
        return docs
    return split_documents(raw.text, source=str(path), encoding=raw.encoding, file_sha256=file_sha, name=name)


def read_named(path: str | os.PathLike, name: str | None = None) -> list[Document] | InputError:
    """:func:`read_file`, with any failure of the reading as that file's :class:`InputError` value.

    A reader's library can fail in ways no one lists (a malformed zip, an XML
    parser's error, a recursion in a nested table): whatever it is, it is
    this file's problem, named with the exception's type and message, and the
    files after it are still read.
    """
    try:
        return read_file(path, name=name)
    except InputError as err:
        return err
    except Exception as err:  # noqa: BLE001 - one file's failure is that file's error line
        log.warning("%s: reading failed: %s: %s", path, type(err).__name__, err)
        return InputError(path, f"cannot read: {type(err).__name__}: {err}")


def read_documents(paths: Iterable[str | os.PathLike] | str | os.PathLike, *,
                   on_skip: Callable[[Path, str], None] | None = None) -> Iterator[Document | InputError]:
    """Yield the documents of files and folders (recursively), errors as values.

    Files of other types inside a folder are skipped and reported through
    ``on_skip(path, reason)`` (default: logged).

    >>> items = list(read_documents(["/no/such/file.txt"]))
    >>> type(items[0]).__name__, items[0].problem
    ('InputError', 'no such file or directory')
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in iter_named_files(paths, on_skip=on_skip):
        if isinstance(item, InputError):
            yield item
            continue
        docs = read_named(*item)
        if isinstance(docs, InputError):
            log.info("%s", docs)
            yield docs
            continue
        yield from docs
