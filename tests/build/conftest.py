"""Three small report files for the build's tests."""
from __future__ import annotations

import pytest

TEXTS = {
    "a.txt": "市委党校学习汇报\n市委党校开展集中学习，深刻领悟“两个确立”。\n县委组织部参加。\n",
    "b.txt": "县委学习计划\n县委开展第一议题学习。\n邀请市委党校专家授课。\n",
    "c.txt": "市卫健委工作汇报\n市卫健委开展主题党日，增强“四个意识”。\n",
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
