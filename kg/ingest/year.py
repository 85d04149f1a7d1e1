"""The year a document belongs to, when its text states one.

The title's year wins (``2023年度…学习情况汇报``); then a date line at the
end (``2023年10月12日``, also in Chinese numerals); then the year the text
names most often (the earliest on a tie: reports look back). Targets and
range ends (``到2035年``, ``2023—2025年``) and years outside 1900..2100 are
ignored.
"""
from __future__ import annotations

import re
from collections import Counter

__all__ = ["find_year"]

_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d\d)\s*年")
# A target or the end of a range (到2035年, 2023—2025年) is not the document's year.
_TARGET = re.compile(r"(?:(?<!截)至|到|—|－|-|～|~)\s*$")
_CN_YEAR = re.compile(r"([一二〇零○Ｏ０-９三四五六七八九]{4})年")
_DATE_LINE = re.compile(r"^\s*[\d一二〇零○Ｏ０-９三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十０-９]{1,2}\s*月"
                        r"(\s*[\d一二三四五六七八九十０-９]{1,3}\s*日)?\s*$")
_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")


def _years(text: str) -> list[int]:
    found = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not _TARGET.search(text[max(0, m.start() - 3):m.start()])]
    for m in _CN_YEAR.finditer(text):
        digits = m.group(1).translate(_CN_DIGITS)
        if digits.isdigit() and 1900 <= int(digits) <= 2100:
            found.append(int(digits))
    return [y for y in found if 1900 <= y <= 2100]


def find_year(title: str, text: str) -> int | None:
    """The document's year, or None when the text states none.

    >>> find_year("2023年度局党组理论学习中心组学习情况汇报", "")
    2023
    >>> find_year("讲话", "会议总结了二〇二二年的工作。\\n二〇二三年一月五日")
    2023
    >>> find_year("讲话", "2021年和2022年，2022年以来。") , find_year("讲话", "没有年份。")
    (2022, None)
    >>> find_year("讲话", "落实（2022—2025年）规划，到2035年基本实现。截至2024年底")
    2024
    """
    years = _years(title)
    if years:
        return years[0]
    tail_lines = [ln for ln in text[-200:].splitlines() if ln.strip()][-3:]
    for line in reversed(tail_lines):
        if _DATE_LINE.match(line):
            years = _years(line)
            if years:
                return years[0]
    counts = Counter(_years(text))
    if not counts:
        return None
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)
