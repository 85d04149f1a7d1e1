"""The number parser: Arabic, Chinese numerals, 万/亿 multipliers, masks."""
import re

import cn2an
import pytest
from hypothesis import given, strategies as st

from kg.extract.numbers import NUMBER_PATTERN, Number, is_masked, parse_chinese_numeral, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("12", 12), ("22.82", 22.82), ("8,179.62", 8179.62), ("1.16万", 11600), ("22.82亿", 2282000000),
        ("19.44亿", 1944000000), ("两", 2), ("十二", 12), ("一百二十", 120), ("七", 7), ("三万零五", 30005),
        ("二十", 20), ("一百零五", 105),
    ],
)
def test_parse_number_values(text, value):
    assert parse_number(text) == Number(value, False)


@pytest.mark.parametrize("mask", ["**", "*", "＊＊", "XX", "X", "xx"])
def test_masks_have_no_value(mask):
    assert is_masked(mask)
    assert parse_number(mask) == Number(None, True)


@pytest.mark.parametrize("text", ["", "千千", "abc", "十十"])
def test_not_numbers(text):
    assert parse_number(text) is None or parse_chinese_numeral(text) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_chinese_numerals_agree_with_cn2an(n):
    assert parse_chinese_numeral(cn2an.an2cn(n)) == n


@given(st.integers(min_value=0, max_value=10**7))
def test_pattern_finds_arabic_figures_whole(n):
    found = [m.group() for m in re.finditer(NUMBER_PATTERN, f"共{n}次")]
    assert found == [str(n)]
    assert parse_number(found[0]).value == n


def test_pattern_keeps_mixed_figures_whole():
    assert [m.group() for m in re.finditer(NUMBER_PATTERN, "1.16万户，一百二十次")] == ["1.16万", "一百二十"]


def test_mask_is_not_part_of_latin_words():
    assert re.findall(NUMBER_PATTERN, "Xi and XXL") == []
