"""Read the figures reports write: 12, 22.82, 1.16万, 一百二十, 两, and masks.

Reports mix Arabic digits, Chinese numerals and 万/亿 multipliers, and
published copies often mask figures as ``**``, ``XX``, ``X`` or ``＊``. One
pattern (:data:`NUMBER_PATTERN`) finds them all so the metrics rule stays a
single regex pass; :func:`parse_number` turns a match into a value, with
masks giving ``None`` so a masked figure is still a fact ("some number of").
Chinese numerals are parsed by hand (a tight loop, no regex per call); the
tests check the parser against ``cn2an`` over a wide range.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["NUMBER_PATTERN", "MASK_PATTERN", "Number", "parse_number", "parse_chinese_numeral", "is_masked"]

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_UNITS = "十百千"
#: A mask: stars (ASCII or full-width) or a run of up to three X's.
MASK_PATTERN = r"[*＊]+|(?<![A-Za-z])[Xx×]{1,3}(?![A-Za-z])"
#: Any figure: Arabic (with thousands commas and decimals), Chinese numerals,
#: either with a 万/亿 multiplier, or a mask.
NUMBER_PATTERN = (
    r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]"
    r"[零〇一二两三四五六七八九十百千万亿]*)(?:万亿|万|亿)?(?![\d.])"
    r"|" + MASK_PATTERN
)

_MASK_RE = re.compile(r"(?:" + MASK_PATTERN + r")\Z")
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_VALUE.update({"〇": 0, "两": 2})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_BIG_VALUE = {"万": 10_000, "亿": 100_000_000}


class Number(NamedTuple):
    """A parsed figure: ``value`` is ``None`` exactly when ``masked``."""

    value: int | float | None
    masked: bool


def is_masked(text: str) -> bool:
    """True when ``text`` is a mask placeholder.

    >>> is_masked("**"), is_masked("XX"), is_masked("12")
    (True, True, False)
    """
    return bool(_MASK_RE.match(text))


def parse_chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral, ``None`` when it is not one.

    >>> [parse_chinese_numeral(t) for t in ("两", "十二", "一百二十", "三万零五", "二〇二三")]
    [2, 12, 120, 30005, 2023]
    >>> parse_chinese_numeral("千千") is None
    True
    """
    if not text:
        return None
    if all(c in _CN_VALUE for c in text) and len(text) > 1:
        # digit-by-digit reading, as in years: 二〇二三
        return int("".join(str(_CN_VALUE[c]) for c in text))
    total = section = 0
    digit = None
    last_unit = 10**9
    for c in text:
        if c in "零〇":
            digit = None
        elif c in _CN_VALUE:
            if digit is not None and _CN_VALUE[c] != 0:
                return None
            digit = _CN_VALUE[c]
        elif c in _UNIT_VALUE:
            unit = _UNIT_VALUE[c]
            if unit >= last_unit and digit is None:
                return None
            section += (1 if digit is None else digit) * unit
            last_unit = unit
            digit = None
        elif c in _BIG_VALUE:
            big = _BIG_VALUE[c]
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit, last_unit = 0, None, 10**9
        else:
            return None
    return total + section + (digit or 0)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Number | None:
    """Parse one figure as written; ``None`` when it is not a figure.

    Cached: reports write the same few figures (3, 12, XX) over and over,
    and a Number is immutable.

    >>> parse_number("1.16万"), parse_number("22.82亿")
    (Number(value=11600, masked=False), Number(value=2282000000, masked=False))
    >>> parse_number("一百二十"), parse_number("两"), parse_number("8,179.62")
    (Number(value=120, masked=False), Number(value=2, masked=False), Number(value=8179.62, masked=False))
    >>> parse_number("**"), parse_number("XX")
    (Number(value=None, masked=True), Number(value=None, masked=True))
    """
    text = text.strip()
    if not text:
        return None
    if is_masked(text):
        return Number(None, True)
    mult = 1
    while text and text[-1] in _BIG_VALUE and len(text) > 1 and not _is_cn_body(text):
        mult *= _BIG_VALUE[text[-1]]
        text = text[:-1]
    if text[0].isdigit():
        try:
            num = float(text.replace(",", ""))
        except ValueError:
            return None
    else:
        num = parse_chinese_numeral(text)
        if num is None:
            return None
    value = num * mult
    value = round(value, 6)
    if value == int(value):
        value = int(value)
    return Number(value, False)


def _is_cn_body(text: str) -> bool:
    # "三万" keeps its 万 inside the Chinese numeral; "1.16万" does not.
    return text[0] in _CN_DIGITS or text[0] in _UNIT_VALUE
