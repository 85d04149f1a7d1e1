"""One pass of extraction over a corpus after a warm-up, to count its instructions under valgrind.

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/extract_instructions.py CORPUS --warm-only   # lexicons, caches, a warm-up pass
    valgrind … .venv/bin/python bench/extract_instructions.py CORPUS        # the same and one more pass

The difference of the two ``I refs`` is one pass of the nine extractors over
the normalised documents: a figure the machine's load does not move (on the
shared machine, CPU-time ratios move by ±10 % between runs of one program).
It counts the ``kg`` of the current directory, so the same command run in two
checkouts compares two versions.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--warm-only", action="store_true", help="stop after the warm-up pass")
    args = ap.parse_args(argv)
    sys.path.insert(0, os.getcwd())
    from kg.extract import extract  # the current directory's kg, not the installed one
    from kg.extract.base import Context, get_extractor
    from kg.extract.pipeline import DEFAULT_EXTRACTORS
    from kg.ingest import read_documents
    from kg.ingest.normalize import normalize_text

    extract("市統計局开展集中学习12次。")
    docs = [replace(d, norm=normalize_text(d.text)) for d in read_documents([args.corpus])
            if not isinstance(d, Exception)]
    extractors = [(name, get_extractor(name)) for name in DEFAULT_EXTRACTORS]

    def one_pass() -> None:
        for doc in docs:
            ctx = Context.from_document(doc)
            for name, fn in extractors:
                ctx.found[name] = fn(ctx)

    one_pass()  # caches and lazily built patterns
    if not args.warm_only:
        one_pass()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
