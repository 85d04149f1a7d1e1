"""Score the extractor on the shared gold, with documents kept aside.

    python bench/score_gold.py                   # dev, web-tune and web-heldout, side by side
    python bench/score_gold.py web-tune --errors organizations
    python bench/score_gold.py web-tune --errors reporting_org --doc w05

Why a held-out part: rules written while reading a set's errors fit that
set. Thirty web documents (``HELDOUT``, one block of ten from each third of
the set) are scored but never shown with their errors, so their score tells
whether a change generalized. ``--errors`` refuses them.

The ``unseen`` sets are documents we had written, with their gold, by writers
who never saw the rules (tests/fixtures/unseen): the first three of each
writer's six tune, the last three (``UNSEEN_ASIDE``) are kept aside like the
web's thirty. They are scored by the repo's own scorer (bench/gold_scorer.py,
the shared scorer's rules), so they need no ../shared.

Runs the extraction in this process (the shared scorer, ../shared/eval/score.py,
does the scoring of the shared sets), so a run takes a few seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.gold_scorer import load_jsonl, report, score as score_gold  # noqa: E402

SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
UNSEEN = REPO / "tests" / "fixtures" / "unseen"
HELDOUT = frozenset(f"w{n}" for n in [*range(31, 41), *range(71, 81), *range(111, 121)])


def is_unseen_aside(doc_id: str) -> bool:
    """The last three of each writer's six (a04–a06, b04–b06, …, aa04–aa06).

    >>> [is_unseen_aside(d) for d in ("a03_town", "b04_bank", "w04", "ab05_veterans")]
    [False, True, False, True]
    """
    return re.match(r"[a-z]{1,2}0[4-6]_", doc_id) is not None


SETS = {
    "dev": ("corpus", "dev.jsonl", lambda doc_id: True),
    "web": ("corpus-web", "web.jsonl", lambda doc_id: True),
    "web-tune": ("corpus-web", "web.jsonl", lambda doc_id: doc_id.split("#")[0] not in HELDOUT),
    "web-heldout": ("corpus-web", "web.jsonl", lambda doc_id: doc_id.split("#")[0] in HELDOUT),
    "web-w31-w40": ("corpus-web", "web.jsonl", lambda doc_id: doc_id.split("#")[0] in {f"w{n}" for n in range(31, 41)}),
    "unseen-tune": (UNSEEN, "gold/*.jsonl", lambda doc_id: not is_unseen_aside(doc_id)),
    "unseen-aside": (UNSEEN, "gold/*.jsonl", is_unseen_aside),
}
KEPT_ASIDE = ("web", "web-heldout", "web-w31-w40", "unseen-aside")
FIELDS = ("organizations", "slogans", "metrics", "metrics+subject", "activity_types")


def predict(corpus: Path | list[Path], out: Path) -> None:
    import orjson

    from kg.extract import extract_document
    from kg.ingest import read_documents

    with open(out, "wb") as fh:
        for doc in read_documents(corpus if isinstance(corpus, list) else [corpus]):
            if isinstance(doc, Exception):
                print(f"ingest error: {doc}", file=sys.stderr)
                continue
            fh.write(orjson.dumps(extract_document(doc)) + b"\n")


def score(name: str, pred_dir: Path, errors: bool = False, doc: str | None = None) -> tuple[dict, str]:
    corpus, gold_file, keep = SETS[name]
    root = corpus if isinstance(corpus, Path) else SHARED / corpus
    pred = pred_dir / f"{root.name}.jsonl"
    if not pred.exists():
        predict(sorted(root.glob("*.txt")) if isinstance(corpus, Path) else root, pred)
    gold = pred_dir / f"{name}.gold.jsonl"
    sources = sorted(root.glob(gold_file)) if isinstance(corpus, Path) else [SHARED / "gold" / gold_file]
    with open(gold, "w", encoding="utf-8") as dst:
        for source in sources:
            for line in source.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    doc_id = json.loads(line)["doc_id"]
                    if keep(doc_id) and (doc is None or doc_id.split("#")[0] == doc):
                        dst.write(line + "\n")
    if isinstance(corpus, Path):
        return _score_here(gold, pred, errors)
    scorer = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred)]
    summary = json.loads(subprocess.run([*scorer, "--json"], capture_output=True, text=True, check=True).stdout)
    text = subprocess.run([*scorer, "--show-errors"] if errors else scorer,
                          capture_output=True, text=True, check=True).stdout
    return summary, text


def _score_here(gold: Path, pred: Path, errors: bool) -> tuple[dict, str]:
    summary = score_gold(load_jsonl(gold), load_jsonl(pred))
    return summary, report(summary, errors)


def table(rows: dict[str, dict]) -> str:
    names = list(rows)
    lines = [f"{'field':<24}" + "".join(f"{n:>14}" for n in names)]
    lines.append(f"{'documents':<24}" + "".join(f"{rows[n]['documents_gold']:>14}" for n in names))
    lines.append(f"{'reporting unit accuracy':<24}" + "".join(f"{rows[n]['reporting_org_accuracy']:>14.3f}" for n in names))
    for field in FIELDS:
        lines.append(f"{field + ' F1':<24}" + "".join(f"{rows[n][field]['f1']:>14.3f}" for n in names))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"any of {', '.join(SETS)} (default: dev web-tune web-heldout)")
    ap.add_argument("--errors", metavar="FIELD", help="show this field's errors (reporting_org, organizations, …, or all)")
    ap.add_argument("--doc", help="only this document (file stem, e.g. w05)")
    ap.add_argument("--json", action="store_true", help="print the summaries as one JSON object")
    args = ap.parse_args(argv)
    args.sets = args.sets or ["dev", "web-tune", "web-heldout"]
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        ap.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    if not (SHARED / "gold").is_dir() and any(not isinstance(SETS[s][0], Path) for s in args.sets):
        print(f"no shared gold at {SHARED}", file=sys.stderr)
        return 2
    if args.errors and any(s in KEPT_ASIDE for s in args.sets):
        print("the held-out documents are scored, never shown: use web-tune or unseen-tune", file=sys.stderr)
        return 2
    if args.doc and (args.doc in HELDOUT or is_unseen_aside(args.doc)):
        print(f"{args.doc} is held out", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        rows = {}
        for name in args.sets:
            rows[name], text = score(name, Path(tmp), errors=bool(args.errors), doc=args.doc)
            if args.errors:
                want = None if args.errors == "all" else f"[{args.errors}]"
                print(f"== {name}")
                for line in text.splitlines():
                    if line.startswith("[") and (want is None or line.startswith(want)):
                        print(line)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
