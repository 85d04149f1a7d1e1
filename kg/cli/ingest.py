"""Read report files (.txt .docx .pdf .jsonl, folders recursively) and list the documents found.

Prints a table (or JSON Lines with --json) of documents, then a summary:
files read, documents, files with errors. A bad file is reported on stderr
and the rest goes on; the exit status is 1 when no file could be read, or
with --strict when any file failed.
"""
from __future__ import annotations

import sys

import orjson

from ..ingest import read_documents
from .text import pad_to_width

__all__ = ["add_arguments", "run", "format_row"]


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .docx .pdf .jsonl)")
    p.add_argument("--json", action="store_true", help="one JSON object per document (JSON Lines) on stdout")
    p.add_argument("--with-text", action="store_true", help="with --json: include each document's text")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any file could not be read")


def format_row(doc_id: str, genre: str, year, n_chars, title: str) -> str:
    """One table line, padded by display width (CJK characters are two columns).

    >>> format_row("a#1", "汇报", 2023, 1200, "市统计局学习情况汇报").rstrip()
    'a#1                                       汇报  2023    1200  市统计局学习情况汇报'
    """
    return (f"{pad_to_width(doc_id, 40)}  {pad_to_width(genre, 4)}  {pad_to_width(str(year or '-'), 4)}"
            f"  {str(n_chars):>6}  {title}")


def run(args) -> int:
    out = sys.stdout
    skipped: list[str] = []
    files_ok: set[str] = set()
    n_docs = n_errors = 0
    if not args.json:
        print(format_row("doc_id", "体裁", "年份", "字数", "标题").rstrip(), file=out)
    for item in read_documents(args.paths, on_skip=lambda path, why: skipped.append(f"{path} ({why})")):
        if isinstance(item, Exception):
            n_errors += 1
            print(f"kg ingest: {item}", file=sys.stderr)
            continue
        n_docs += 1
        files_ok.add(item.source)
        if args.json:
            out.write(orjson.dumps(item.to_dict(with_text=args.with_text)).decode() + "\n")
        else:
            title = item.title + (" [标题推断]" if item.title_derived else "")
            print(format_row(item.doc_id, item.genre, item.year, item.n_chars, title), file=out)
    for note in skipped:
        print(f"kg ingest: note: skipped {note}", file=sys.stderr)
    summary = f"{len(files_ok)} files read, {n_docs} documents, {n_errors} files with errors"
    print(summary, file=sys.stderr if args.json else out)
    if not files_ok:
        return 1
    return 1 if args.strict and n_errors else 0
