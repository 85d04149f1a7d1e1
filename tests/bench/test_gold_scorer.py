"""The repo's SCHEMA §8 scorer (bench/gold_scorer.py) gives the shared scorer's figures."""
from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from bench.gold_scorer import FIELDS, load_jsonl, score
from kg.extract import extract_document
from kg.ingest import read_documents


def _gold(doc_id="a", **fields):
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "title": "", "reporting_org": [], "organizations": [],
            "organizations_optional": [], "slogans": [], "slogans_optional": [], "metrics": [], "activity_types": [],
            **fields}


def _pred(doc_id="a", **fields):
    return {"doc_id": f"{doc_id}.txt", "source": f"/x/{doc_id}.txt", "title": "", "reporting_org": None,
            "organizations": [], "slogans": [], "metrics": [], "activities": [], **fields}


def test_a_unit_matches_through_any_spelling_and_optional_ones_cost_nothing():
    gold = [_gold(organizations=[["市卫生健康委", "市卫健委"], ["县妇联"]], organizations_optional=[["省委"]])]
    pred = [_pred(organizations=[{"name": "XX市卫健委", "aliases": []}, {"name": "省委", "aliases": []},
                                 {"name": "镇政府", "aliases": ["乡政府"]}])]
    s = score(gold, pred)
    assert (s["organizations"]["tp"], s["organizations"]["fp"], s["organizations"]["fn"]) == (1, 1, 1)
    assert s["errors"]["organizations"] == [("a", ["县妇联"], ["乡政府"])]


def test_a_figure_counts_once_and_its_subject_needs_a_shared_character_pair():
    gold = [_gold(metrics=[{"value": 12, "masked": False, "unit": "次", "subject": "集中学习"},
                           {"value": None, "masked": True, "unit": "名", "subject": "青年干部"}])]
    pred = [_pred(metrics=[{"value": 12.0, "masked": False, "unit": "次", "subject": "学习"},
                           {"value": 12, "masked": False, "unit": "次", "subject": "集中学习"},
                           {"value": None, "masked": True, "unit": "名", "subject": "党员"}])]
    s = score(gold, pred)
    assert (s["metrics"]["tp"], s["metrics"]["fp"], s["metrics"]["fn"]) == (2, 1, 0)
    assert (s["metrics+subject"]["tp"], s["metrics+subject"]["fp"], s["metrics+subject"]["fn"]) == (1, 2, 1)


def test_reporting_unit_slogans_and_activity_types():
    gold = [_gold("a", reporting_org=["县税务局", "我局"], slogans=["两个确立"], slogans_optional=["四个意识"],
                  activity_types=["集中学习", "党课"]),
            _gold("b", reporting_org=[])]
    pred = [_pred("a", reporting_org="我局", slogans=[{"canonical": "“两个确立”"}, {"canonical": "四个意识"}],
                  activities=[{"category": "集中学习"}, {"category": "宣讲"}]),
            _pred("b", reporting_org="市委")]
    s = score(gold, pred)
    assert s["reporting_org_accuracy"] == 0.5
    assert (s["slogans"]["tp"], s["slogans"]["fp"]) == (1, 0)
    assert (s["activity_types"]["tp"], s["activity_types"]["fp"], s["activity_types"]["fn"]) == (1, 1, 1)


def test_a_gold_document_without_a_prediction_is_all_missed():
    s = score([_gold("a", organizations=[["市委"]]), _gold("b")], [_pred("b")])
    assert s["documents_matched"] == 1 and s["organizations"]["fn"] == 1


@pytest.mark.parametrize("corpus, gold", [("corpus", "dev.jsonl"), ("corpus-web", "web.jsonl")])
def test_the_same_figures_as_the_shared_scorer(shared_dir, tmp_path, corpus, gold):
    predicted = [extract_document(d) for d in read_documents([shared_dir / corpus])]
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in predicted))
    out = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "gold" / gold),
                          str(pred), "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(load_jsonl(shared_dir / "gold" / gold), predicted)
    assert ours["documents_matched"] == theirs["documents_matched"]
    assert ours["reporting_org_accuracy"] == theirs["reporting_org_accuracy"]
    assert {f: ours[f] for f in FIELDS} == {f: theirs[f] for f in FIELDS}
