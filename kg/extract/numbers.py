"""Read the figures reports write: 12, 22.82, 1.16万, 一百二十, 两, and masks.

Reports mix Arabic digits, Chinese numerals and 万/亿 multipliers, and
published copies often mask figures as ``**``, ``XX``, ``X`` or ``＊``. One
pattern (:data:`NUMBER_PATTERN`) finds them all so the metrics rule stays a
single regex pass; :func:`parse_number` turns a match into a value, with
masks giving ``None`` so a masked figure is still a fact ("some number of").
Chinese numerals are parsed by hand (a tight loop, no regex per call); the
tests check the parser against ``cn2an`` over a wide range.

Spoken approximations are not digit strings: ``一两次`` is one or two, not
12; ``二三十人`` is twenty or thirty; ``十几个`` is ten-odd. They parse to
their lower bound with ``approx`` set, the way ``50余篇`` reads as 50.
Reduplicated idioms (``三三两两``, ``一一``, ``千千万万``) are no numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "NUMBER_PATTERN", "MASK_PATTERN", "Number", "parse_number", "parse_chinese_numeral", "parse_approx_numeral",
    "is_masked",
]

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_UNITS = "十百千"
#: A mask: stars (ASCII or full-width), a run of up to four X's, squares or
#: circles (not after a Chinese numeral: 二○二三 is a year), any of them next
#: to digits (1X名, 1**名: partly masked is masked), or a bracket standing for
#: the redacted part (〔〕2期, 〔X〕2期).
MASK_PATTERN = (
    r"〔[^〕\d]{0,3}〕\d*"
    r"|\d*(?:[*＊]+|(?<![A-Za-z])[Xx×]{1,4}(?![A-Za-z])|(?<![零〇一二三四五六七八九十])[○□]+)\d*"
)
#: Any figure: Arabic (with thousands commas and decimals) or Chinese
#: numerals (几 only after their first character: 十几, 二十几万), either with
#: a 万/亿 multiplier and not running into a mask, or a mask (1X is one figure).
NUMBER_PATTERN = (
    r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]"
    r"[零〇一二两三四五六七八九十百千万亿几]*)(?:万亿|万|亿)?(?![\d.*＊Xx×○□])"
    r"|(?:" + MASK_PATTERN + r")(?![\d.])"
)

_MASK_RE = re.compile(r"(?:" + MASK_PATTERN + r")\Z")
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_VALUE.update({"〇": 0, "两": 2})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_BIG_VALUE = {"万": 10_000, "亿": 100_000_000}


class Number(NamedTuple):
    """A parsed figure: ``value`` is ``None`` exactly when ``masked``;
    ``approx`` when the numeral itself is approximate (一两, 二三十, 十几)."""

    value: int | float | None
    masked: bool
    approx: bool = False


def is_masked(text: str) -> bool:
    """True when ``text`` is a mask placeholder.

    >>> is_masked("**"), is_masked("XX"), is_masked("1X"), is_masked("〔〕2"), is_masked("12")
    (True, True, True, True, False)
    """
    return bool(_MASK_RE.match(text))


def parse_chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral, ``None`` when it is not one.

    A run of bare digits reads digit by digit only when it is three or more
    long and has no 两, as years are written (二〇二三); shorter runs and runs
    with 两 are approximations (一两) or reduplications (三三两两), not numbers.

    >>> [parse_chinese_numeral(t) for t in ("两", "十二", "一百二十", "三万零五", "二〇二三", "一万亿")]
    [2, 12, 120, 30005, 2023, 1000000000000]
    >>> [parse_chinese_numeral(t) for t in ("千千", "一两", "三三两两", "一一")]
    [None, None, None, None]
    """
    if not text:
        return None
    if len(text) > 1 and all(c in _CN_VALUE for c in text):
        if len(text) < 3 or "两" in text:
            return None
        # digit-by-digit reading, as in years: 二〇二三
        return int("".join(str(_CN_VALUE[c]) for c in text))
    total = section = 0
    digit = None
    last_unit = 10**9
    prev = ""
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
            if section == 0 and not (big > 10_000 and total and prev == "万"):
                return None  # a bare 万 or 亿, or 万万; 一万亿 is fine
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit, last_unit = 0, None, 10**9
        else:
            return None
        prev = c
    return total + section + (digit or 0)


# Two neighbouring digits, or the common 三五, stand for "one of the two" (一两, 二三十, 三五个).
_APPROX_PAIRS = frozenset({"一两", "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"})


def parse_approx_numeral(text: str) -> int | None:
    """The lower bound of an approximate Chinese numeral, ``None`` when it is not one.

    >>> [parse_approx_numeral(t) for t in ("一两", "两三", "二三十", "三四百", "十几", "二十几万")]
    [1, 2, 20, 300, 10, 200000]
    >>> [parse_approx_numeral(t) for t in ("十二", "几十", "三三两两")]
    [None, None, None]
    """
    if "几" in text:
        if text[0] == "几" or any(c == "几" and p not in "十百千万亿" for p, c in zip(text, text[1:])):
            return None
        return parse_chinese_numeral(text.replace("几", ""))
    if len(text) >= 2 and text[:2] in _APPROX_PAIRS:
        rest = text[2:]
        if not rest or rest[0] in "十百千万亿":
            return parse_chinese_numeral(text[0] + rest)
    return None


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Number | None:
    """Parse one figure as written; ``None`` when it is not a figure.

    Cached: reports write the same few figures (3, 12, XX) over and over,
    and a Number is immutable.

    >>> parse_number("1.16万").value, parse_number("22.82亿").value, parse_number("8,179.62").value
    (11600, 2282000000, 8179.62)
    >>> parse_number("一百二十").value, parse_number("两").value
    (120, 2)
    >>> parse_number("**"), parse_number("XX")
    (Number(value=None, masked=True, approx=False), Number(value=None, masked=True, approx=False))
    >>> parse_number("一两"), parse_number("三三两两")
    (Number(value=1, masked=False, approx=True), None)
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
        approx = False
    else:
        num = parse_chinese_numeral(text)
        approx = num is None
        if approx:
            num = parse_approx_numeral(text)
            if num is None:
                return None
    value = num * mult
    value = round(value, 6)
    if value == int(value):
        value = int(value)
    return Number(value, False, approx)


def _is_cn_body(text: str) -> bool:
    # "三万" keeps its 万 inside the Chinese numeral; "1.16万" does not.
    return text[0] in _CN_DIGITS or text[0] in _UNIT_VALUE
