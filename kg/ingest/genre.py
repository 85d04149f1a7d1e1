"""Which kind of document this is: 汇报 讲话 发言 计划 党课 心得 其他.

The title says it most of the time (``…上的讲话``, ``…学习计划``); the words
and their precedence live in ``data/lexicon/genre_words.txt``. A document
whose title is derived or names no genre is judged by its opening and
closing formulas (``汇报完毕`` ends a report, ``同志们：`` opens a speech).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..document import GENRES
from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table

__all__ = ["GenreWords", "load_genre_words", "detect_genre", "find_genre_word"]

_OPENING_CLOSING = (
    ("汇报", re.compile(r"汇报完毕|以上汇报|就汇报这些|现将.{0,30}汇报如下|特此报告|汇报如下")),
    ("发言", re.compile(r"发言完毕|以上发言|我的发言|发言如下|交流发言|研讨发言")),
    ("计划", re.compile(r"现制定.{0,40}(计划|方案|安排)|特制定本(计划|方案)|制定如下(计划|方案)|学习计划")),
    ("党课", re.compile(r"讲一堂党课|这堂党课|这次党课|今天的党课|专题党课|讲党课")),
    ("心得", re.compile(r"心得体会|有以下几点体会|几点感悟|深刻体会到|收获和体会")),
    ("讲话", re.compile(r"^(同志们|各位代表|尊敬的)|讲几点意见|就讲这些|我再强调|下面，我", re.M)),
)


@dataclass(frozen=True)
class GenreWords:
    ignore: re.Pattern | None
    ordered: tuple[tuple[str, str], ...]

    def find(self, text: str) -> tuple[str, str] | None:
        """The first (phrase, genre) of the list found in ``text``."""
        if self.ignore is not None:
            text = self.ignore.sub(lambda m: "\0" * len(m.group()), text)
        for phrase, genre in self.ordered:
            if phrase in text:
                return phrase, genre
        return None


def load_genre_words(path: str | Path | None = None) -> GenreWords:
    """Read ``PHRASE => GENRE`` lines; an unknown genre fails with file:line.

    >>> load_genre_words().find("在读书班上的交流发言")
    ('发言', '发言')
    """
    return _load(str(path or lexicon_path("genre_words")))


@lru_cache(maxsize=8)
def _load(path: str) -> GenreWords:
    raw_lines = Path(path).read_text(encoding="utf-8").splitlines()
    ignore, ordered = [], []
    for phrase, genre in read_table(path, 2):
        if genre == "-":
            ignore.append(phrase)
        elif genre in GENRES:
            ordered.append((phrase, genre))
        else:
            line_no = next((n for n, raw in enumerate(raw_lines, 1) if raw.strip().startswith(phrase)), 0)
            raise LexiconError(path, line_no, f"unknown genre {genre!r} for {phrase!r}; one of {' '.join(GENRES)} or -")
    pattern = re.compile("|".join(map(re.escape, sorted(ignore, key=len, reverse=True)))) if ignore else None
    return GenreWords(pattern, tuple(ordered))


def find_genre_word(line: str) -> tuple[str, str] | None:
    """(phrase, genre) when ``line`` names a genre, else None.

    >>> find_genre_word("学习习近平总书记重要讲话精神")  # about a speech, not one
    >>> find_genre_word("主题教育读书班总结讲话")
    ('讲话', '讲话')
    """
    return load_genre_words().find(line)


def detect_genre(title: str, text: str = "", *, title_derived: bool = False) -> str:
    """The genre of a document from its title, else its opening and closing.

    >>> detect_genre("市税务局在第二批主题教育阶段性工作汇报会上的发言")
    '发言'
    >>> detect_genre("党员干部在专题研讨会上的发言体会")
    '发言'
    >>> detect_genre("", "同志们：\\n今天召开会议。\\n……\\n汇报完毕，谢谢大家！")
    '汇报'
    """
    if title and not title_derived:
        hit = find_genre_word(title)
        if hit:
            return hit[1]
    head, tail = text[:300], text[-300:]
    for genre, pat in _OPENING_CLOSING:
        if pat.search(tail) or pat.search(head):
            return genre
    return "其他"
