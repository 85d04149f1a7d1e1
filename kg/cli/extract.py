"""Extract facts from report files and write one JSON object per document (JSON Lines)."""
from __future__ import annotations

import sys

import orjson

from ..extract import extract_document
from ..ingest import read_documents

__all__ = ["add_arguments", "run"]


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .docx .pdf)")
    p.add_argument("-o", "--output", metavar="FILE", help="write JSON Lines here instead of stdout")
    p.add_argument("--with-text", action="store_true", help="include each document's text")


def run(args) -> int:
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    try:
        code = _extract_to(args, out)
        if args.output:
            out.close()
        return code
    except OSError as err:  # a full disk: the CLI says which file, in one line
        if args.output:
            try:
                out.close()
            except OSError:
                pass
        if err.filename is None:  # a failed write names no file: it is the output's
            err.filename = args.output or "<stdout>"
        raise


def _extract_to(args, out) -> int:
    n_docs = n_errors = n_failed = 0
    for item in read_documents(args.paths):
        if isinstance(item, Exception):
            n_errors += 1
            print(f"kg extract: {item}", file=sys.stderr)
            continue
        try:
            record = extract_document(item)
        except Exception as err:  # noqa: BLE001 - one document's failure is that document's error line
            n_errors += 1
            print(f"kg extract: {item.source}: {item.doc_id}: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        for failed in record.get("extraction_errors") or ():
            n_failed += 1
            print(f"kg extract: {item.source}: {item.doc_id}: extractor {failed['extractor']} failed: "
                  f"{failed['error']}", file=sys.stderr)
        if args.with_text:
            record["text"] = item.text
        out.write(orjson.dumps(record) + b"\n")
        n_docs += 1
    out.flush()
    print(f"{n_docs} documents extracted, {n_errors} files with errors"
          + (f", {n_failed} extractor failures (their fields left empty)" if n_failed else ""), file=sys.stderr)
    return 0 if n_docs or not n_errors else 1
