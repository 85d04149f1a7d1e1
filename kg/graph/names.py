"""Folding a name: one spelling for the many a report may write (width, spaces, masks, prefixes).

Why its own module: both entity resolution (:mod:`kg.graph.resolve`) and the
table of relative names (:mod:`kg.graph.relative`, which refuses a line that
is not folded) need the same fold, and resolution reads relative names.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_org_name", "normalize_material_name"]

_MASK = re.compile(r"[*□○]+|(?<![A-Za-z])[Xx×]+(?![A-Za-z])")
_SPACE = re.compile(r"\s+")
_CPC_PREFIX = re.compile(r"^(?:中国共产党|中共)(?=[省市县区州旗镇乡村局])")
_COMMITTEE = re.compile(r"(?<=[省市县区州旗镇乡村])委员会$")
_MATERIAL_MARKS = re.compile(r"[《》〈〉“”\"'()\[\]【】]")


def normalize_org_name(name: str) -> str:
    """Fold one spelling of a unit: width, spaces, masked place parts.

    >>> normalize_org_name("**市委")
    '市委'
    >>> normalize_org_name("XX市 妇联")
    '市妇联'
    >>> normalize_org_name("兴业银行＊＊分行")
    '兴业银行分行'
    >>> normalize_org_name("中共XX市委员会")
    '市委'
    """
    s = unicodedata.normalize("NFKC", name)
    s = _SPACE.sub("", s)
    s = _MASK.sub("", s)
    s = _CPC_PREFIX.sub("", s)
    s = _COMMITTEE.sub("委", s)
    return s.strip("，。、；：,.;:“”\"'《》()（）")


def normalize_material_name(name: str) -> str:
    """Fold a title of a studied text so 《书》第四卷 and 书（第四卷） meet.

    >>> normalize_material_name("《习近平谈治国理政》第四卷")
    '习近平谈治国理政第四卷'
    >>> normalize_material_name("习近平谈治国理政（第四卷）")
    '习近平谈治国理政第四卷'
    """
    s = unicodedata.normalize("NFKC", name)
    s = _SPACE.sub("", s)
    return _MATERIAL_MARKS.sub("", s)
