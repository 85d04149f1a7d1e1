"""Figures as report writers type them, with the value a reader understands.

The generator plants a figure as text (十二次, 1.16万人次, XX篇, 120余名) and
needs the gold reading of the same figure (SCHEMA §4: value, unit, approx,
masked), so both come from one function.
"""
from __future__ import annotations

import random

__all__ = ["to_chinese_numeral", "render_figure"]

_DIGITS = "零一二三四五六七八九"
_POWERS = ((1000, "千"), (100, "百"), (10, "十"))
# Measure words a writer pairs with Chinese numerals and with 两.
_COUNT_UNITS = frozenset("次场期轮堂项个篇条名家份册件户人")
_MONEY = frozenset({"万元", "亿元"})
_MASKS = ("**", "XX", "X", "*", "××")


def to_chinese_numeral(n: int) -> str:
    """Write 1 ≤ n < 10000 in Chinese numerals, as reports do.

    >>> [to_chinese_numeral(n) for n in (7, 12, 20, 105, 3040)]
    ['七', '十二', '二十', '一百零五', '三千零四十']
    """
    if not 0 < n < 10000:
        raise ValueError(f"{n} is outside 1..9999")
    out, zero = [], False
    for power, name in _POWERS:
        digit, n = divmod(n, power)
        if digit:
            if zero:
                out.append("零")
            out.append(("" if power == 10 and not out and digit == 1 else _DIGITS[digit]) + name)
            zero = False
        elif out:
            zero = True
    if n:
        out.append(("零" if zero else "") + _DIGITS[n])
    return "".join(out)


def _number(value: float) -> int | float:
    value = round(value, 4)
    return int(value) if value == int(value) else value


def render_figure(rng: random.Random, unit: str, lo: int, hi: int) -> tuple[str, dict]:
    """Pick a figure between ``lo`` and ``hi`` and a way of writing it.

    Returns the surface text and its gold reading (SCHEMA §4, §8).

    >>> text, gold = render_figure(random.Random(3), "次", 4, 24)
    >>> gold["unit"], text.endswith("次") or text.startswith(("近", "超过", "约"))
    ('次', True)
    """
    value: float = rng.randint(lo, hi)
    if unit == "%":
        if rng.random() < 0.3 and value < 100:
            value += rng.randint(1, 9) / 10
    elif unit in _MONEY and rng.random() < 0.4:
        value += rng.randint(1, 99) / 100
    style = rng.choices(("arabic", "chinese", "wan", "masked", "approx"), (40, 15, 10, 15, 20))[0]
    gold = {"value": None, "masked": False, "unit": unit, "approx": False}
    if style == "masked":
        gold["masked"] = True
        return rng.choice(_MASKS) + unit, gold
    if style == "wan" and value >= 10000 and unit not in _MONEY and unit != "%":
        wan = round(value / 10000, rng.choice((1, 2)))
        gold["value"] = _number(wan * 10000)
        return f"{wan:g}万{unit}", gold
    if style == "chinese" and unit in _COUNT_UNITS and value == int(value) and value < 100:
        gold["value"] = int(value)
        word = "两" if value == 2 and rng.random() < 0.7 else to_chinese_numeral(int(value))
        return word + unit, gold
    if style == "approx" and value >= 10 and value == int(value):
        value = int(value) // 10 * 10
        gold.update(value=value, approx=True)
        form = rng.choice(("{v}余{u}", "{v}多{u}", "近{v}{u}", "{v}{u}以上", "超过{v}{u}", "约{v}{u}"))
        if unit == "%" and "余" in form:
            form = "{v}{u}以上"
        return form.format(v=value, u=unit), gold
    gold["value"] = _number(value)
    return f"{_number(value)}{unit}", gold
