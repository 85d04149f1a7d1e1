"""Throughput of the organization, reporting-unit and materials extractors
against bare jieba.lcut.

    .venv/bin/python bench/bench_orgs.py [CORPUS_DIR] [--mb 5]

Tiles the documents of CORPUS_DIR (default ../shared/corpus) to about --mb
megabytes of UTF-8 text, then times, in one process on one core, (a) the
three extractors over every document (sentence split and rjieba
segmentation included) and (b) jieba.lcut over the same text. Prints MB/s
for each and the ratio. Times are CPU seconds of this process
(time.process_time), so other jobs on a shared machine distort them less.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()

    import logging

    import jieba

    from kg.extract.base import Context
    from kg.extract.materials import extract_materials
    from kg.extract.organizations import extract_organizations
    from kg.extract.reporting import extract_reporting_org
    from kg.extract.tokenize import get_segmenter
    from kg.ingest import read_documents

    jieba.setLogLevel(logging.WARNING)
    docs = [d for d in read_documents([args.corpus]) if not isinstance(d, Exception)]
    if not docs:
        print(f"no documents under {args.corpus}", file=sys.stderr)
        return 1
    unit = sum(len(d.text.encode("utf-8")) for d in docs)
    reps = max(1, int(args.mb * 1e6 // unit))
    total_mb = unit * reps / 1e6

    get_segmenter()  # dictionary load is start-up, not throughput
    t0 = time.process_time()
    n_items = 0
    for _ in range(reps):
        for d in docs:
            ctx = Context.from_document(d)
            for name, fn in (("organizations", extract_organizations), ("reporting_org", extract_reporting_org),
                             ("materials", extract_materials)):
                ctx.found[name] = fn(ctx)
                n_items += len(ctx.found[name])
    t_rules = time.process_time() - t0

    jieba.lcut("预热")
    t0 = time.process_time()
    for _ in range(reps):
        for d in docs:
            jieba.lcut(d.text)
    t_jieba = time.process_time() - t0

    mbs_rules, mbs_jieba = total_mb / t_rules, total_mb / t_jieba
    print(f"text: {total_mb:.1f} MB ({reps} × {len(docs)} documents), {n_items} items")
    print(f"organizations + reporting_org + materials: {mbs_rules:.2f} MB/s ({t_rules:.1f} s)")
    print(f"jieba.lcut: {mbs_jieba:.2f} MB/s ({t_jieba:.1f} s)")
    print(f"ratio: {mbs_rules / mbs_jieba:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
