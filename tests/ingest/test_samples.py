"""The sample corpus in data/samples: every file reads, the expected documents come out."""
from __future__ import annotations

from collections import Counter

from kg.document import GENRES, Document
from kg.ingest import read_documents


def _read(samples_dir):
    skipped = []
    items = list(read_documents([samples_dir], on_skip=lambda p, why: skipped.append(p.name)))
    return items, skipped


def test_samples_read_without_errors(samples_dir):
    items, skipped = _read(samples_dir)
    assert all(isinstance(i, Document) for i in items)
    assert len(items) >= 12
    assert skipped == ["README.md"]


def test_samples_cover_every_genre_and_format(samples_dir):
    items, _ = _read(samples_dir)
    assert set(GENRES) - {"其他"} <= {d.genre for d in items}
    assert {"gb18030", "docx", "pdf", "utf-8"} <= {d.encoding for d in items}


def test_compilation_has_three_documents_and_no_junk(samples_dir):
    items, _ = _read(samples_dir)
    per_file = Counter(d.source for d in items)
    (compilation,) = [s for s in per_file if "汇编" in s]
    assert per_file[compilation] == 3
    for d in items:
        for junk in ("paid", "素材库", "代笔", "会员", "您的位置", "字体", ".png", "上一篇"):
            assert junk not in d.text, (d.doc_id, junk)


def test_derived_titles_flagged(samples_dir):
    items, _ = _read(samples_dir)
    derived = {d.title for d in items if d.title_derived}
    assert derived == {"街道党工委2024年理论学习中心组学习计划", "县税务局党委工作汇报"}
