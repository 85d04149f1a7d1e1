"""Where a clause starts, and what may stand before its subject.

A unit that opens a clause — after a date, a news lead (本报讯, 近日) or a
place — is the clause's subject: the unit that acts. Both the reporting-unit
vote and a unit's name for itself (集团召开…) read clauses this way.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ingest.genre import find_genre_word
from ...lexicon import lexicon_path, read_wordlist
from ..tokenize import tag_words
from .names import MASK_CHARS, is_mask

__all__ = ["CLAUSE_BREAK", "clause_start", "clause_prefix"]

CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?\n（）()“”\"]")
_DATE = re.compile(
    r"^(?:\d{2,4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*[日号])?(?:\s*[-至到、]\s*\d{1,2}\s*[日号])?"
)
_DAYTIME = re.compile(r"^(?:上午|下午|晚上|中午|晚|早上|傍晚)")
_OUTLINE = re.compile(r"^(?:[一二三四五六七八九十\d]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")
_BRACKETED = re.compile(r"^[（(【\[][^）)】\]]{0,30}[）)】\]]")
_MAX_PLACE_PREFIX = 8


@lru_cache(maxsize=None)
def _openers() -> re.Pattern:
    words = sorted({e.word for e in read_wordlist(lexicon_path("clause_openers"))}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")


def clause_start(norm: str, at: int) -> int:
    """Where the clause holding offset ``at`` starts.

    >>> clause_start("为加强学习，5月22日，某局召开会议", 12)
    12
    """
    start = 0
    for hit in CLAUSE_BREAK.finditer(norm, 0, at):
        start = hit.end()
    return start


def clause_prefix(norm: str, at: int) -> str:
    """The words of ``at``'s clause before it, without dates, bylines, openers,
    masks and a place: empty when whatever stands at ``at`` opens its clause.

    >>> clause_prefix("本报讯（记者 王某）近日，县幼儿园党支部开展活动", 13)
    ''
    >>> clause_prefix("开展教育整顿以来，四川省屏山县人民法院狠抓落实", 12)
    ''
    >>> clause_prefix("深入开展市委部署的工作", 4)
    '深入开展'
    """
    start = clause_start(norm, at)
    prefix = norm[start:at].strip()
    while prefix:
        before = prefix
        prefix = _BRACKETED.sub("", prefix).strip()
        prefix = _DATE.sub("", prefix).strip()
        prefix = _DAYTIME.sub("", prefix).strip()
        prefix = _OUTLINE.sub("", prefix).strip()
        m = _openers().match(prefix)
        if m:
            prefix = prefix[m.end():].strip()
        prefix = prefix.lstrip(MASK_CHARS + "_＿").strip()
        if prefix == before:
            break
    if prefix and len(prefix) <= _MAX_PLACE_PREFIX and _only_places(prefix):
        return ""  # a place before the name: 四川省 屏山县人民法院
    if prefix and start == 0 and _ends_in_genre(prefix):
        return ""  # a title run into the first line: …工作总结xx镇坚持…
    return prefix


def _ends_in_genre(prefix: str) -> bool:
    found = find_genre_word(prefix[-4:])
    return found is not None and prefix.endswith(found[0]) and len(prefix) >= 6


@lru_cache(maxsize=4096)
def _only_places(text: str) -> bool:
    return all(tag == "ns" or is_mask(w) for w, tag in tag_words(text))
