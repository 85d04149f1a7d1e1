import random

import cn2an
import pytest

from bench.figures import render_figure, to_chinese_numeral


@pytest.mark.parametrize("n", [1, 2, 9, 10, 11, 19, 20, 99, 100, 101, 110, 999, 1000, 1001, 1010, 9999])
def test_chinese_numerals_read_back_with_an_independent_parser(n):
    assert cn2an.cn2an(to_chinese_numeral(n), "smart") == n


def test_chinese_numeral_rejects_out_of_range():
    with pytest.raises(ValueError):
        to_chinese_numeral(0)


def _read_surface(surface: str, unit: str):
    """An independent reading of a planted figure, for the round trip."""
    core = surface[: surface.rindex(unit)] if unit in surface else surface
    core = core.removeprefix("近").removeprefix("超过").removeprefix("约").rstrip("余多")
    if set(core) <= set("*X×"):
        return None
    if core.endswith("万"):
        return float(core[:-1]) * 10000
    if core[0].isdigit():
        return float(core)
    return cn2an.cn2an(core.replace("两", "二"), "smart")


@pytest.mark.parametrize("unit,lo,hi", [("次", 1, 40), ("人次", 50, 30000), ("万元", 2, 900), ("%", 85, 100),
                                        ("亿元", 1, 90), ("篇", 3, 60)])
def test_rendered_figure_and_its_gold_reading_agree(unit, lo, hi):
    rng = random.Random(unit)
    styles = set()
    for _ in range(300):
        surface, gold = render_figure(rng, unit, lo, hi)
        assert gold["unit"] == unit and surface.count(unit) >= 1
        value = _read_surface(surface, unit)
        if gold["masked"]:
            assert value is None and gold["value"] is None
            styles.add("masked")
        else:
            assert value == pytest.approx(gold["value"]), surface
            styles.add("approx" if gold["approx"] else "exact")
        assert gold["approx"] == (any(m in surface for m in ("余", "多", "近", "超过", "约", "以上")))
    assert styles == {"masked", "approx", "exact"}
