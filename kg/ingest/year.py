"""The year a document belongs to, when its text states one.

In this order:

1. the title's year (``2023年度…学习情况汇报``);
2. a date line at the top (``——2024年3月5日在…会议上``,
   ``（2023年3月13日…会议通过）``, ``（2017年10月18日）``);
3. the national meeting it was given at, by the title
   (``在中国共产党第九次全国代表大会上的报告``, ``…（十四大）``,
   ``第十二届全国人民代表大会第一次会议关于…的决议``) or the opening lines
   (``我代表第十七届中央委员会向大会作报告`` — a report to the next
   congress; ``向第六届全国人民代表大会第一次会议作政府工作报告``), looked up in
   ``data/lexicon/meeting_years.txt``;
4. a date line at the end (``2023年10月12日``, also in Chinese numerals);
5. the year the text names most often (the earliest on a tie: reports look
   back).

Why meetings before counting years: a congress report names the years of
its history and of its goals (1949, 2035) far more often than its own, and
it rarely dates itself; the meeting it is given at does. Targets and range
ends (``到2035年``, ``2023—2025年``) and years outside 1900..2100 are ignored.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import iter_lines, lexicon_path

__all__ = ["find_year", "meeting_year", "chinese_ordinal"]

_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d\d)\s*年")
# A target or the end of a range (到2035年, 2023—2025年) is not the document's year.
_TARGET = re.compile(r"(?:(?<!截)至|到|—|－|-|～|~)\s*$")
_CN_YEAR = re.compile(r"([一二〇零○Ｏ０-９三四五六七八九]{4})年")
_DATE_LINE = re.compile(r"^\s*[\d一二〇零○Ｏ０-９三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十０-９]{1,2}\s*月"
                        r"(\s*[\d一二三四五六七八九十０-９]{1,3}\s*日)?\s*$")
_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_NUM = "[一二三四五六七八九十]{1,3}"
_FULL_DATE = re.compile(r"((?:19|20)\d\d|[一二〇零○三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日")
_TOP_LINES = 6
_TOP_LINE_CHARS = 60
_OPENING_CHARS = 600
_TITLE_MEETINGS = (
    ("党代会", re.compile(rf"在(?:中国共产党|党的)?第({_NUM})次全国代表大会上")),
    ("党代会", re.compile(rf"[（(]({_NUM})大[）)]\s*$")),
    ("全国人大", re.compile(rf"^第({_NUM})届全国人民代表大会第({_NUM})次(?:全体)?会议")),
)
_OPENING_MEETINGS = (
    ("党代会", re.compile(rf"在(?:中国共产党|党的)?第({_NUM})次全国代表大会上")),
    ("中央委员会", re.compile(rf"(?:我代表|我受)(?:中国共产党)?(?:第)?({_NUM})届中央委员会")),
    ("党代会", re.compile(rf"^[^。！\n]{{0,8}}\n*\s*(?:中国共产党|党的)第({_NUM})次全国代表大会[，,。！\s]")),
    ("全国人大", re.compile(rf"(?:向|在)第({_NUM})届全国人民代表大会第({_NUM})次(?:全体)?会议")),
    ("全国人大", re.compile(rf"^\s*第({_NUM})届全国人民代表大会第({_NUM})次(?:全体)?会议")),
)


def chinese_ordinal(text: str) -> int | None:
    """A Chinese numeral from 1 to 99 as an int (十九 → 19), else None.

    >>> chinese_ordinal("十九"), chinese_ordinal("二十"), chinese_ordinal("七"), chinese_ordinal("百")
    (19, 20, 7, None)
    """
    digits = "一二三四五六七八九"
    if not text or any(c not in digits + "十" for c in text):
        return None
    if "十" not in text:
        return digits.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _numeral(n: int) -> str:
    digits = "一二三四五六七八九"
    if n < 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


@lru_cache(maxsize=None)
def _meetings(directory: str | None = None) -> dict[tuple[str, ...], int]:
    path = lexicon_path("meeting_years", directory)
    table: dict[tuple[str, ...], int] = {}
    for n, line in iter_lines(path):
        key, sep, year = line.partition("=>")
        parts = tuple(key.split())
        if not sep or not year.strip().isdigit() or len(parts) not in (2, 3) or parts[0] not in ("党代会", "全国人大"):
            raise LexiconError(path, n, f"expected '党代会|全国人大 ordinal [session] => year', got {line!r}")
        if any(chinese_ordinal(p) is None for p in parts[1:]):
            raise LexiconError(path, n, f"ordinals must be Chinese numerals (十九), got {line!r}")
        table[parts] = int(year)
    return table


def meeting_year(kind: str, ordinal: str, session: str = "", directory: str | None = None) -> int | None:
    """The year of a Party congress or a session of the National People's Congress.

    >>> meeting_year("党代会", "十九"), meeting_year("全国人大", "十二", "一"), meeting_year("全国人大", "十三", "三")
    (2017, 2013, 2020)
    >>> meeting_year("全国人大", "二", "三"), meeting_year("中央委员会", "十七")
    (1962, 2012)
    """
    table = _meetings(directory)
    if kind == "中央委员会":  # a Central Committee reports to the next congress
        n = chinese_ordinal(ordinal)
        return table.get(("党代会", _numeral(n + 1))) if n else None
    if kind == "党代会":
        return table.get((kind, ordinal))
    if session:
        exact = table.get((kind, ordinal, session))
        if exact is not None:
            return exact
    first = table.get((kind, ordinal))
    if first is None:
        return None
    m = chinese_ordinal(session) if session else 1
    return first + (m - 1) if m else first


def _years(text: str) -> list[int]:
    found = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not _TARGET.search(text[max(0, m.start() - 3):m.start()])]
    for m in _CN_YEAR.finditer(text):
        digits = m.group(1).translate(_CN_DIGITS)
        if digits.isdigit() and 1900 <= int(digits) <= 2100:
            found.append(int(digits))
    return [y for y in found if 1900 <= y <= 2100]


def _dated_top(text: str) -> int | None:
    """The year of a full date on a short line near the top (a dateline)."""
    lines = [ln for ln in text[:_OPENING_CHARS].splitlines() if ln.strip()][:_TOP_LINES]
    for line in lines:
        if len(line.strip()) > _TOP_LINE_CHARS:
            continue
        m = _FULL_DATE.search(line)
        if m:
            digits = m.group(1).translate(_CN_DIGITS)
            if digits.isdigit() and 1900 <= int(digits) <= 2100:
                return int(digits)
    return None


def _occasion(title: str, text: str) -> int | None:
    _meetings()  # read the table up front: a bad line fails at the first document, not at the first congress
    for patterns, where in ((_TITLE_MEETINGS, title), (_OPENING_MEETINGS, text[:_OPENING_CHARS])):
        for kind, pattern in patterns:
            m = pattern.search(where)
            year = meeting_year(kind, *m.groups()) if m else None
            if year:
                return year
    return None


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
    >>> find_year("在中国共产党第九次全国代表大会上的报告", "1949年以来……到2000年。1949年。")
    1969
    >>> find_year("报告", "同志们：\\n现在，我代表第十七届中央委员会向大会作报告。到2020年……2020年。")
    2012
    >>> find_year("报告", "政府工作报告\\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\\n2023年……")
    2024
    """
    years = _years(title)
    if years:
        return years[0]
    dated = _dated_top(text)
    if dated is not None:
        return dated
    occasion = _occasion(title, text)
    if occasion is not None:
        return occasion
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
