import re
import shutil

import pytest

from bench.templates import BENCH_DATA_DIR, CATEGORIES, load_templates
from kg.errors import LexiconError


def test_every_data_file_loads():
    t = load_templates()
    assert len(t.organs) > 50 and len(t.places) > 30
    assert {a.category for a in t.activities} <= set(CATEGORIES)
    assert set(t.titles) == {"汇报", "讲话", "发言", "计划", "党课", "心得"}


def test_filler_clauses_plant_nothing():
    """Filler must name no unit, figure, activity or slogan, or the gold would be wrong."""
    t = load_templates()
    planted = {a.name for a in t.activities} | {s for s, _ in t.slogans} | {o.name for o in t.organs} \
        | {a for o in t.organs for a in o.aliases} | {w for w, _ in t.metaphors}
    planted |= {"调研", "研讨", "培训", "讲座", "宣讲", "整改", "党课", "读书", "参观", "走访", "志愿", "竞赛",
                "党委", "党组", "支部", "机关", "政府", "小组", "高质量发展", "中国式现代化"}
    for clause in (c for slot in t.clauses.values() for c in slot):
        assert not re.search(r"[0-9０-９]", clause), clause
        assert not [w for w in planted if w in clause.replace("{P}", "")], clause


def test_a_bad_line_names_file_and_line(tmp_path):
    for f in BENCH_DATA_DIR.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "activities.txt", "a", encoding="utf-8") as fh:
        fh.write("唱歌 => 合唱比赛 => 场 => 1-3\n")
    with pytest.raises(LexiconError) as err:
        load_templates(str(tmp_path))
    assert "activities.txt" in str(err.value) and "唱歌" in str(err.value)
    assert f":{sum(1 for _ in open(tmp_path / 'activities.txt', encoding='utf-8'))}" in str(err.value)


def test_a_bad_range_is_refused(tmp_path):
    for f in BENCH_DATA_DIR.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "metrics.txt", "a", encoding="utf-8") as fh:
        fh.write("举办展览 => 展览 => 场 => 9-3 => -\n")
    with pytest.raises(LexiconError, match="9-3"):
        load_templates(str(tmp_path))
