"""Extract facts from report files and write one JSON object per document (JSON Lines)."""
from __future__ import annotations

import sys

__all__ = ["add_arguments", "run"]


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .docx .pdf)")
    p.add_argument("-o", "--output", metavar="FILE", help="write JSON Lines here instead of stdout")
    p.add_argument("--with-text", action="store_true", help="include each document's text")


def run(args) -> int:
    import orjson

    from ..extract import extract_document
    from ..ingest import read_documents

    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    n_docs = n_errors = 0
    try:
        for item in read_documents(args.paths):
            if isinstance(item, Exception):
                n_errors += 1
                print(f"kg extract: {item}", file=sys.stderr)
                continue
            record = extract_document(item)
            if args.with_text:
                record["text"] = item.text
            out.write(orjson.dumps(record) + b"\n")
            n_docs += 1
    finally:
        if args.output:
            out.close()
    print(f"{n_docs} documents extracted, {n_errors} files with errors", file=sys.stderr)
    return 0 if n_docs or not n_errors else 1
