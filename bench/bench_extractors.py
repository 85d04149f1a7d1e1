"""Throughput of some of the extractors against bare jieba.lcut, one core.

    .venv/bin/python bench/bench_extractors.py [CORPUS_DIR] [--mb 5] [--extractors slogans,metrics,activities]

Tiles the documents of CORPUS_DIR (default ../shared/corpus) to about --mb
megabytes of UTF-8 text, then times in CPU seconds (steadier than wall time
on a shared machine), in one process: (a) the named extractors, run in the
pipeline's order over every document, sentence split included, and (b)
jieba.lcut over the same text. Start-up (dictionaries, lexicons) is left out
of both. For the whole extract on a generated corpus use
bench/extract_throughput.py.
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
    ap.add_argument("--extractors", default="",
                    help="comma-separated registered names (default: all of the pipeline's, in its order)")
    args = ap.parse_args()

    import logging

    import jieba

    from kg.extract import extract
    from kg.extract.base import Context, get_extractor
    from kg.extract.pipeline import DEFAULT_EXTRACTORS
    from kg.ingest import read_documents

    wanted = set(args.extractors.split(",")) if args.extractors else set(DEFAULT_EXTRACTORS)
    names = [n for n in DEFAULT_EXTRACTORS if n in wanted]
    extract("市统计局开展集中学习12次。")  # lexicons and segmenter load here, not in the timing
    fns = [(n, get_extractor(n)) for n in names]
    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热")
    docs = [d for d in read_documents([args.corpus]) if not isinstance(d, Exception)]
    if not docs:
        print(f"no documents under {args.corpus}", file=sys.stderr)
        return 1
    unit = sum(len(d.text.encode("utf-8")) for d in docs)
    reps = max(1, int(args.mb * 1e6 // unit))
    total_mb = unit * reps / 1e6

    t0, n_items = time.process_time(), 0
    for _ in range(reps):
        for d in docs:
            ctx = Context.from_document(d)
            for name, fn in fns:
                ctx.found[name] = fn(ctx)
                n_items += len(ctx.found[name])
    t_ours = time.process_time() - t0

    t0 = time.process_time()
    for _ in range(reps):
        for d in docs:
            jieba.lcut(d.text)
    t_jieba = time.process_time() - t0

    ours, bare = total_mb / t_ours, total_mb / t_jieba
    print(f"text: {total_mb:.1f} MB ({reps} × {len(docs)} documents), {n_items} items")
    print(f"{' + '.join(names)}: {ours:.2f} MB/s ({t_ours:.1f} s CPU)")
    print(f"jieba.lcut: {bare:.2f} MB/s ({t_jieba:.1f} s CPU)")
    print(f"ratio: {ours / bare:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
