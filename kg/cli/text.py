"""Fitting text into terminal columns, where a CJK character takes two."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["display_width", "clip_to_width", "pad_to_width"]


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes.

    >>> display_width("市妇联"), display_width("a1")
    (6, 2)
    """
    # A table of 1,000 rows measures its cells several times: each character's width is looked up once.
    return len(text) if text.isascii() else sum(map(_char_width, text))


def clip_to_width(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in "…" when cut.

    >>> clip_to_width("市统计局学习情况汇报", 9)
    '市统计局…'
    >>> clip_to_width("市妇联", 6)
    '市妇联'
    """
    if len(text) * 2 <= width or display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        used += _char_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def pad_to_width(text: str, width: int) -> str:
    """``text`` clipped to ``width`` columns and padded with spaces to exactly that.

    >>> pad_to_width("市妇联", 8) + "|"
    '市妇联  |'
    """
    text = clip_to_width(text, width)
    return text + " " * (width - display_width(text))
