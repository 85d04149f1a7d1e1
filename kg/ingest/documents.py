"""Assemble :class:`~kg.document.Document` objects from a file's text.

Cleaning, splitting, genre, year and hashing are the same for every input
format; this module ties them together so each reader only has to produce
text. Offsets: ``span`` is the document's place in the *cleaned file*
(kept lines joined by newlines); ``meta['line']`` is the line of the
decoded file where it starts, for a reader going back to the original.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .clean import clean_lines, join_lines
from .genre import detect_genre
from .normalize import normalize_text
from .split import derive_title, split_lines
from .year import find_year

__all__ = ["split_documents", "record_documents", "sha256_text"]

log = logging.getLogger(__name__)


def sha256_text(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8.

    >>> sha256_text("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _doc_id(name: str, n: int, total: int) -> str:
    return name if total == 1 else f"{name}#{n}"


def split_documents(text: str, *, source: str = "<text>", encoding: str = "utf-8",
                    file_sha256: str = "", name: str | None = None) -> list[Document]:
    """Clean decoded file text and cut it into documents.

    Document ids are ``name`` (default: the file name of ``source``),
    ``name#n`` for the n-th of several: the walk passes the path relative to
    the folder built, so two files never share an id (SCHEMA §1).
    Raises :class:`InputError` when nothing but junk remains.

    >>> docs = split_documents("市统计局学习情况汇报\\n2023年集中学习12次。\\n\\n"
    ...                        "区团委书记在读书班上的交流发言\\n同志们：\\n我谈三点体会。", source="a.txt")
    >>> [(d.doc_id, d.title, d.genre, d.year, d.span) for d in docs]
    [('a.txt#1', '市统计局学习情况汇报', '汇报', 2023, (0, 24)), ('a.txt#2', '区团委书记在读书班上的交流发言', '发言', None, (25, 53))]
    """
    bylines: list = []
    lines = clean_lines(text, path=source, bylines=bylines)
    if not lines:
        problem = "no text" if not text.strip() else "only junk lines (adverts, paywall markers, navigation): no report text"
        raise InputError(source, problem)
    cleaned = join_lines(lines)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln.text) + 1)
    segments = split_lines(lines, byline_at=bylines[0][0] if bylines else None)
    firsts = [lines[seg.start].line_no for seg in segments]
    base = name or Path(source).name
    docs: list[Document] = []
    for n, seg in enumerate(segments, 1):
        start, end = offsets[seg.start], offsets[seg.end] - 1
        body = cleaned[start:end]
        genre = detect_genre(seg.title, body, title_derived=seg.title_derived)
        norm = normalize_text(body)  # years and meetings are read in simplified, half-width form
        docs.append(Document(
            doc_id=_doc_id(base, n, len(segments)),
            title=seg.title,
            text=body,
            norm=norm,
            genre=genre,
            year=find_year("" if seg.title_derived else normalize_text(seg.title), norm),
            source=source,
            title_derived=seg.title_derived,
            span=(start, end),
            sha256=sha256_text(body),
            file_sha256=file_sha256,
            encoding=encoding,
            n_chars=len(body),
            meta=_meta(lines[seg.start].line_no, _bylines_of(n - 1, firsts, bylines)),
        ))
    return docs


def _bylines_of(k: int, firsts: list[int], bylines: list) -> dict:
    """The byline fields dropped between the k-th document's first line and the next one's
    (those above the first document are the first document's)."""
    lo = firsts[k] if k else 0
    hi = firsts[k + 1] if k + 1 < len(firsts) else float("inf")
    fields: dict = {}
    for line_no, found in bylines:
        if lo <= line_no < hi:
            for label, value in found.items():
                fields.setdefault(label, value)
    return fields


def _meta(line: int, byline: dict) -> dict:
    return {"line": line, "byline": byline} if byline else {"line": line}


def _record_year(value, title: str, text: str) -> int | None:
    if isinstance(value, int) and 1900 <= value <= 2100:
        return value
    if isinstance(value, str) and value.strip().isdigit() and 1900 <= int(value) <= 2100:
        return int(value)
    return find_year(normalize_text(title), text)


def record_documents(records: list[dict], *, source: str, encoding: str = "utf-8",
                     file_sha256: str = "", name: str | None = None) -> list[Document]:
    """One document per JSON record (``content``/``text``, ``title``, ``year``).

    Records are not split further; their text is cleaned of junk lines.
    A record left empty is skipped with a warning.

    >>> [d.title for d in record_documents([{"title": "政府工作报告", "content": "各位代表：\\n\\n现在报告。", "year": "2024"}],
    ...                                     source="r.jsonl")]
    ['政府工作报告']
    """
    base = name or Path(source).name
    docs: list[Document] = []
    total = len(records)
    for n, rec in enumerate(records, 1):
        raw = rec.get("content", rec.get("text")) or ""
        bylines: list = []
        lines = clean_lines(raw, path=f"{source}:{n}", bylines=bylines)
        if not lines:
            log.warning("%s: record %d has no text after cleaning; skipped", source, n)
            continue
        body = join_lines(lines)
        title = str(rec.get("title") or "").strip()
        derived = not title
        if derived:
            title = derive_title(lines)
        meta = {"record": n, **_meta(lines[0].line_no, _bylines_of(0, [0], bylines))}
        meta.update({k: v for k, v in rec.items() if k not in ("content", "text", "title", "year")
                     and isinstance(v, (str, int, float, bool))})
        norm = normalize_text(body)
        docs.append(Document(
            doc_id=_doc_id(base, n, total),
            title=title,
            text=body,
            norm=norm,
            genre=detect_genre(title, body, title_derived=derived),
            year=_record_year(rec.get("year"), title, norm),
            source=source,
            title_derived=derived,
            span=(0, len(body)),
            sha256=sha256_text(body),
            file_sha256=file_sha256,
            encoding=encoding,
            n_chars=len(body),
            meta=meta,
        ))
    return docs
