"""Status and materials against our own gold (tests/fixtures/status_materials).

Floors are the measured figures minus a small margin (measured on 20
documents: status accuracy 1.000 over 140 matched activities, materials
F1 1.000, studied links 14/15; before the clause-level status and the
material rules: 0.914, 0.585 and 4/15). Coverage is the activity
extractor's business; its floor only keeps the status figure from being
read off a handful of activities.
"""
from __future__ import annotations

import pytest

from tests.extract.score_status_materials import FIXTURES, _cue_span, load_gold, predict, score

FLOORS = {"status_accuracy": 0.95, "f1": 0.95, "studied_recall": 0.85, "coverage": 0.65}


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def scores(gold):
    return score(gold, predict())


def test_every_fixture_has_gold_and_every_cue_is_found_once(gold):
    assert {p.stem for p in FIXTURES.glob("*.txt")} == set(gold)
    for doc_id, g in gold.items():
        text = (FIXTURES / f"{doc_id}.txt").read_text(encoding="utf-8")
        for a in g["activities"]:
            _cue_span(text, a["cue"], doc_id)  # raises when missing or ambiguous
        names = {n for m in g["materials"] for n in m}
        assert all(m in names for a in g["activities"] for m in a.get("materials", [])), doc_id


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_floor(scores, figure):
    value = getattr(scores, figure)
    wrong = [e for e in scores.errors if not e[1].startswith("activity missed")]
    assert value >= FLOORS[figure], (figure, round(value, 3), wrong[:20])


def test_the_scorer_counts_a_wrong_status_and_folds_spellings():
    text = "开展集中学习8次，重点学习了《习近平谈治国理政》第四卷。"
    gold = {"d": {"doc_id": "d", "materials": [["习近平谈治国理政（第四卷）"]], "materials_optional": [],
                  "activities": [{"name": "集中学习", "category": "集中学习", "status": "done", "cue": "集中学习8次",
                                  "materials": ["习近平谈治国理政（第四卷）"]}]}}
    act = {"name": "集中学习", "category": "集中学习", "status": "planned", "start": 0, "end": len(text),
           "materials": ["《习近平谈治国理政》第四卷"]}
    record = {"activities": [act], "materials": [{"name": "习近平谈治国理政第四卷"}, {"name": "学习方案"}]}
    s = score(gold, {"d": (record, text)})
    assert (s.matched, s.status_right, s.tp, s.fp, s.fn, s.links_found) == (1, 0, 1, 1, 0, 1)
    act["category"] = "读书班"
    assert score(gold, {"d": (record, text)}).matched == 0
