"""Throughput of the metrics, slogans and activities extractors against bare jieba.lcut.

    .venv/bin/python bench/bench_rules.py [CORPUS_DIR] [--mb 20]

Tiles the documents of CORPUS_DIR (default ../shared/corpus) to about --mb
megabytes of UTF-8 text, then times, in one process on one core, (a) the
three rule extractors over every document (sentence split included) and
(b) jieba.lcut over the same text. Prints MB/s for each and the ratio.
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
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()

    import logging

    import jieba

    from kg.extract.activities import extract_activities
    from kg.extract.base import Context
    from kg.extract.metrics import extract_metrics
    from kg.extract.slogans import extract_slogans
    from kg.ingest import read_documents

    jieba.setLogLevel(logging.WARNING)
    docs = [d for d in read_documents([args.corpus]) if not isinstance(d, Exception)]
    if not docs:
        print(f"no documents under {args.corpus}", file=sys.stderr)
        return 1
    unit = sum(len(d.text.encode("utf-8")) for d in docs)
    reps = max(1, int(args.mb * 1e6 // unit))
    total_mb = unit * reps / 1e6

    t0 = time.perf_counter()
    n_items = 0
    for _ in range(reps):
        for d in docs:
            ctx = Context.from_document(d)
            for name, fn in (("slogans", extract_slogans), ("metrics", extract_metrics),
                             ("activities", extract_activities)):
                ctx.found[name] = fn(ctx)
                n_items += len(ctx.found[name])
    t_rules = time.perf_counter() - t0

    jieba.lcut("预热")
    t0 = time.perf_counter()
    for _ in range(reps):
        for d in docs:
            jieba.lcut(d.text)
    t_jieba = time.perf_counter() - t0

    print(f"corpus: {len(docs)} documents x {reps} = {total_mb:.1f} MB; {n_items} items")
    print(f"metrics+slogans+activities: {total_mb / t_rules:7.2f} MB/s ({t_rules:.1f} s)")
    print(f"jieba.lcut:                 {total_mb / t_jieba:7.2f} MB/s ({t_jieba:.1f} s)")
    print(f"ratio: {t_jieba / t_rules:.1f}x jieba.lcut")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
