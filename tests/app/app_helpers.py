"""Constants and small helpers shared by the app tests."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
PAGES = ["pages/dashboard.py", "pages/queries.py", "pages/ask.py", "pages/explorer.py", "pages/documents.py",
         "pages/data.py"]
TITLES = dict(zip(PAGES, ["总览", "查询", "提问", "图谱", "文档", "数据"]))


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def metric_value(at, label: str) -> int:
    return int(str(next(m for m in at.metric if m.label == label).value).replace(",", ""))
