"""SCHEMA §8 scoring in the repo: the gold we write ourselves is scored without ../shared.

    python bench/gold_scorer.py GOLD.jsonl PRED.jsonl [--show-errors]

Why a second scorer: the documents under tests/fixtures/unseen carry their
own gold, and the suite must score them on a fresh clone, where the shared
scorer (../shared/eval/score.py) is absent. The rules are the shared
scorer's, so the figures are comparable (tests/bench/test_gold_scorer.py
checks that both give the same summary on the shared gold):

* documents pair by their file's stem (``a01.txt`` ↔ gold ``a01``);
* the reporting unit is right when its folded name is one of the gold's
  spellings (or both are empty);
* organizations: a predicted unit (its name and aliases) matches a gold
  item sharing one folded spelling; a prediction that matches nothing and
  no optional item is spurious;
* slogans: the canonical form, quotes dropped and parts joined by 、;
* metrics: (value, measure word), or (masked, measure word); among gold
  figures with the same key, the one whose subject shares most character
  pairs; the subject counts when it shares any;
* activity types: the set of categories.

Folding: NFKC, and for names masks (``*``, ``X``, ``x``, ``×``) and spaces
dropped.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

__all__ = ["FIELDS", "score", "report", "load_jsonl"]

FIELDS = ("organizations", "slogans", "metrics", "metrics+subject", "activity_types")
_MASK = re.compile(r"[*＊Xx×]+")
_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_SEPARATORS = re.compile(r"[，,、;；\s]+")


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "")


def fold_name(name: str | None) -> str:
    """>>> fold_name("XX市 妇联")
    '市妇联'
    """
    return _SPACE.sub("", _MASK.sub("", _fold(name)))


def fold_slogan(text: str | None) -> str:
    """>>> fold_slogan("“学思想，强党性”")
    '学思想、强党性'
    """
    return _SEPARATORS.sub("、", _QUOTES.sub("", _fold(text)).strip()).strip("、")


def _pairs(text: str | None) -> set[str]:
    text = _fold(text)
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def _stem(path: str | None) -> str:
    name = PurePath((path or "").split("#")[0]).name
    return name.rsplit(".", 1)[0] if "." in name else name


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list = field(default_factory=list)

    def add(self, doc_id: str, tp: int, spurious: list, missed: list) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + len(spurious), self.fn + len(missed)
        if spurious or missed:
            self.errors.append((doc_id, missed, spurious))

    def summary(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _match(gold: list[set], optional: set, predicted: list[set]) -> tuple[int, list, list]:
    free = list(range(len(gold)))
    tp, spurious = 0, []
    for spellings in predicted:
        hit = next((i for i in free if spellings & gold[i]), None)
        if hit is not None:
            free.remove(hit)
            tp += 1
        elif not spellings & optional:
            spurious.append(sorted(spellings)[0])
    return tp, spurious, [sorted(gold[i])[0] for i in free]


def _organizations(g: dict, p: dict) -> tuple[int, list, list]:
    gold = [{fold_name(v) for v in item} for item in g.get("organizations", [])]
    optional = {fold_name(v) for item in g.get("organizations_optional", []) for v in item}
    predicted, seen = [], set()
    for o in p.get("organizations", []):
        names = ({fold_name(o.get("name"))} | {fold_name(a) for a in o.get("aliases", [])}) - {""}
        if names and frozenset(names) not in seen:
            seen.add(frozenset(names))
            predicted.append(names)
    return _match(gold, optional, predicted)


def _slogans(g: dict, p: dict) -> tuple[int, list, list]:
    predicted = sorted({fold_slogan(s.get("canonical")) for s in p.get("slogans", [])} - {""})
    return _match([{fold_slogan(s)} for s in g.get("slogans", [])],
                  {fold_slogan(s) for s in g.get("slogans_optional", [])}, [{s} for s in predicted])


def _metric_key(m: dict) -> tuple:
    if m.get("masked") or m.get("value") is None:
        return ("*", _fold(m.get("unit")))
    return (round(float(m["value"]), 4), _fold(m.get("unit")))


def _metrics(g: dict, p: dict, figures: Tally, subjects: Tally) -> None:
    gold, predicted = list(g.get("metrics", [])), list(p.get("metrics", []))
    free, tp, with_subject, spurious = list(range(len(gold))), 0, 0, []
    for m in predicted:
        try:
            key = _metric_key(m)
        except (TypeError, ValueError):
            spurious.append(str(m.get("value")))
            continue
        same = [i for i in free if _metric_key(gold[i]) == key]
        if not same:
            spurious.append(f"{key[0]}{key[1]}")
            continue
        subject = _pairs(m.get("subject"))
        best = max(same, key=lambda i: len(subject & _pairs(gold[i].get("subject"))))
        free.remove(best)
        tp += 1
        with_subject += bool(subject & _pairs(gold[best].get("subject")))
    missed = [f"{_metric_key(gold[i])[0]}{_metric_key(gold[i])[1]}({gold[i].get('subject', '')})" for i in free]
    figures.add(g["doc_id"], tp, spurious, missed)
    subjects.tp += with_subject
    subjects.fp += len(predicted) - with_subject
    subjects.fn += len(gold) - with_subject


def _activity_types(g: dict, p: dict) -> tuple[int, list, list]:
    gold = set(g.get("activity_types", []))
    predicted = {a.get("category") for a in p.get("activities", []) if a.get("category")}
    return len(gold & predicted), sorted(predicted - gold), sorted(gold - predicted)


def _id_without_extension(doc_id: str) -> str:
    path, _, part = doc_id.partition("#")
    return _stem(path) + ("#" + part if part else "")


def _title_similarity(a: str | None, b: str | None) -> float:
    a, b = _pairs(a), _pairs(b)
    return len(a & b) / max(1, len(a | b))


def pair_documents(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold document with its predicted one: the same file and the most similar title (at least
    half its character pairs), else the same id, else the file's only document."""
    by_stem: dict[str, list[dict]] = {}
    for p in predicted:
        by_stem.setdefault(_stem(p.get("source") or p.get("doc_id")), []).append(p)
    by_id = {_id_without_extension(p.get("doc_id", "")): p for p in predicted}
    gold_per_stem: dict[str, int] = {}
    for g in gold:
        key = _stem(g.get("source") or g["doc_id"])
        gold_per_stem[key] = gold_per_stem.get(key, 0) + 1
    used, pairs = set(), []
    for g in gold:
        key = _stem(g.get("source") or g["doc_id"])
        candidates = [p for p in by_stem.get(key, []) if id(p) not in used]
        best = max(candidates, key=lambda p: _title_similarity(g.get("title"), p.get("title")), default=None)
        if best is None or _title_similarity(g.get("title"), best.get("title")) < 0.5:
            best = by_id.get(_id_without_extension(g["doc_id"]))
            if best is not None and id(best) in used:
                best = None
            if best is None and len(by_stem.get(key, [])) == 1 and gold_per_stem[key] == 1:
                best = by_stem[key][0]
        if best is not None:
            used.add(id(best))
        pairs.append((g, best))
    return pairs


def score(gold: list[dict], predicted: list[dict]) -> dict:
    """The summary (the shared scorer's ``--json`` fields) and, under ``errors``, what was missed or spurious.

    >>> gold = [{"doc_id": "a", "reporting_org": ["市妇联"], "organizations": [["市妇联"]],
    ...          "metrics": [{"value": 3, "masked": False, "unit": "次", "subject": "集中学习"}],
    ...          "activity_types": ["集中学习"]}]
    >>> pred = [{"doc_id": "a.txt", "reporting_org": "XX市妇联", "organizations": [{"name": "市妇联", "aliases": []}],
    ...          "metrics": [{"value": 3, "unit": "次", "subject": "学习"}], "activities": [{"category": "集中学习"}]}]
    >>> s = score(gold, pred)
    >>> s["reporting_org_accuracy"], s["organizations"]["f1"], s["metrics+subject"]["f1"]
    (1.0, 1.0, 1.0)
    """
    tallies = {name: Tally() for name in FIELDS}
    right, matched, reporting_errors = 0, 0, []
    for g, p in pair_documents(gold, predicted):
        matched += p is not None
        p = p or {}
        want = {fold_name(v) for v in g.get("reporting_org", [])}
        got = fold_name(p.get("reporting_org"))
        if (not want and not got) or got in want:
            right += 1
        else:
            reporting_errors.append((g["doc_id"], sorted(want), got))
        tallies["organizations"].add(g["doc_id"], *_organizations(g, p))
        tallies["slogans"].add(g["doc_id"], *_slogans(g, p))
        _metrics(g, p, tallies["metrics"], tallies["metrics+subject"])
        tp, spurious, missed = _activity_types(g, p)
        tallies["activity_types"].add(g["doc_id"], tp, spurious, missed)
    summary = {"documents_gold": len(gold), "documents_matched": matched,
               "reporting_org_accuracy": round(right / max(1, len(gold)), 4)}
    summary.update({name: t.summary() for name, t in tallies.items()})
    summary["errors"] = {"reporting_org": reporting_errors, **{name: t.errors for name, t in tallies.items()}}
    return summary


def load_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def report(s: dict, show_errors: bool = False) -> str:
    """The summary as the shared scorer prints it, and with ``show_errors`` what was missed or spurious."""
    lines = [f"documents: {s['documents_matched']}/{s['documents_gold']} matched",
             f"reporting unit accuracy: {s['reporting_org_accuracy']:.3f}",
             f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6}   tp   fp   fn"]
    for name in FIELDS:
        t = s[name]
        lines.append(f"{name:<16} {t['p']:6.3f} {t['r']:6.3f} {t['f1']:6.3f} {t['tp']:4d} {t['fp']:4d} {t['fn']:4d}")
    if show_errors:
        lines += [f"[reporting_org] {doc_id}: want {want} got {got!r}" for doc_id, want, got in s["errors"]["reporting_org"]]
        lines += [f"[{name}] {doc_id}: missed {missed} spurious {spurious}"
                  for name in FIELDS for doc_id, missed, spurious in s["errors"][name]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    print(report(score(load_jsonl(args.gold), load_jsonl(args.pred)), args.show_errors), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
