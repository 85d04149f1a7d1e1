"""Issue 3's figure: our extract vs bare jieba.lcut on ≥ 20 MB, one core.

    .venv/bin/python bench/extract_throughput.py [--mb 20] [--seed 1] [--out bench/out]

Generates (or reuses) a synthetic corpus big enough for --mb megabytes of
text (bench.corpus), then runs the throughput step of the benchmark in a
fresh process: read the documents, then time jieba.lcut and our normalisation
+ kg.extract.extract_document over the same texts, taking turns. Prints MB/s
and the ratio (the normalisation counted on our side, and without it).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from bench.measure import machine_info, run_measured  # noqa: E402

TEXT_BYTES_PER_DOC = 2_900  # measured on the generator's output (UTF-8)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    args = ap.parse_args()
    n = math.ceil(args.mb * 1e6 / TEXT_BYTES_PER_DOC * 1.05)
    folder = Path(args.out) / f"corpus-{n}-s{args.seed}"
    meta = folder / "corpus.json"
    if not (meta.exists() and json.loads(meta.read_text()).get("documents") == n):
        write_corpus(folder, n, args.seed)
    r = run_measured(["throughput", str(folder / "files"), "--max-mb", str(args.mb)])
    m = machine_info()
    print(f"machine: {m['nproc']} cores, Python {m['python']}, load {m['loadavg_1m']}")
    print(f"text: {r['mb']:.1f} MB in {r['documents']} documents")
    print(f"jieba.lcut : {r['jieba_mb_s']:.2f} MB/s")
    print(f"extract    : {r['extract_mb_s']:.2f} MB/s  (one core, normalisation counted)")
    print(f"ratio      : {r['ratio']:.2f}x  (target >= 2.5)")
    print(f"CPU time   : jieba.lcut {r['jieba_cpu_mb_s']:.2f} MB/s, extract {r['extract_cpu_mb_s']:.2f} MB/s, "
          f"ratio {r['ratio_cpu']:.2f}x ({r['ratio_cpu_without_normalise']:.2f}x without the normalisation)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
