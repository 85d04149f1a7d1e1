"""Throughput of some of the extractors against bare jieba.lcut, one core, taking turns.

    .venv/bin/python bench/bench_extractors.py [CORPUS_DIR] [--mb 5] [--extractors slogans,metrics,activities]

Tiles the documents of CORPUS_DIR (default ../shared/corpus) to about --mb
megabytes of UTF-8 text, cuts them into blocks of about --block-mb, and
times in CPU seconds (steadier than wall time on a shared machine), in one
process, block by block with the two taking turns (the first turn
alternating, so a machine that slows down mid-run slows both alike):

* ours: ingest's normalisation of the text (width, punctuation and
  traditional characters folded: the extractors match on the folded copy,
  jieba does not need one, so it counts on our side), then the named
  extractors in the pipeline's order, sentence split included;
* jieba.lcut over the same raw text.

Start-up (dictionaries, lexicons) is left out of both. The ratio is given
with and without the normalisation. For the whole extract on a generated
corpus use bench/extract_throughput.py.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _blocks(docs: list, size: float) -> list[list]:
    """Consecutive runs of documents of about ``size`` UTF-8 bytes each.

    >>> from types import SimpleNamespace as D
    >>> [[d.text for d in b] for b in _blocks([D(text="ab"), D(text="c"), D(text="d")], 2)]
    [['ab'], ['c', 'd']]
    """
    blocks, block, n = [], [], 0
    for d in docs:
        block.append(d)
        n += len(d.text.encode("utf-8"))
        if n >= size:
            blocks.append(block)
            block, n = [], 0
    if block:
        blocks.append(block)
    return blocks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--block-mb", type=float, default=0.5, help="text per turn (default 0.5 MB)")
    ap.add_argument("--extractors", default="organizations,reporting_org,slogans,materials,metrics,activities",
                    help="comma-separated registered names (default: all)")
    args = ap.parse_args()

    import logging

    import jieba

    from kg.extract import extract
    from kg.extract.base import Context, get_extractor
    from kg.extract.pipeline import DEFAULT_EXTRACTORS
    from kg.ingest import read_documents
    from kg.ingest.normalize import normalize_text

    wanted = set(args.extractors.split(","))
    names = [n for n in DEFAULT_EXTRACTORS if n in wanted]
    extract("市統計局开展集中学习12次。")  # lexicons, segmenter and the converter load here, not in the timing
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
    # Each copy starts from the raw text: ours folds it again, inside the timing.
    raw = [replace(d, norm="") for _ in range(reps) for d in docs]

    clock = {"normalise": 0.0, "extract": 0.0, "jieba": 0.0}
    n_items = 0
    for turn, block in enumerate(_blocks(raw, args.block_mb * 1e6)):
        for who in (("ours", "jieba") if turn % 2 == 0 else ("jieba", "ours")):
            if who == "jieba":
                t0 = time.process_time()
                for d in block:
                    jieba.lcut(d.text)
                clock["jieba"] += time.process_time() - t0
                continue
            t0 = time.process_time()
            folded = [replace(d, norm=normalize_text(d.text)) for d in block]
            t1 = time.process_time()
            for d in folded:
                ctx = Context.from_document(d)
                for name, fn in fns:
                    ctx.found[name] = fn(ctx)
                    n_items += len(ctx.found[name])
            t2 = time.process_time()
            clock["normalise"] += t1 - t0
            clock["extract"] += t2 - t1

    ours_s = clock["normalise"] + clock["extract"]
    ours, bare = total_mb / ours_s, total_mb / clock["jieba"]
    print(f"text: {total_mb:.1f} MB ({reps} × {len(docs)} documents), {n_items} items, "
          f"turns of {args.block_mb:g} MB")
    print(f"normalisation: {total_mb / clock['normalise']:.2f} MB/s ({clock['normalise']:.1f} s CPU)")
    print(f"{' + '.join(names)}: {total_mb / clock['extract']:.2f} MB/s ({clock['extract']:.1f} s CPU)")
    print(f"ours, normalisation counted: {ours:.2f} MB/s ({ours_s:.1f} s CPU)")
    print(f"jieba.lcut: {bare:.2f} MB/s ({clock['jieba']:.1f} s CPU)")
    print(f"ratio: {ours / bare:.2f}× with normalisation ({clock['jieba'] / clock['extract']:.2f}× without)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
