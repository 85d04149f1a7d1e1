"""The number parser: Arabic, Chinese numerals, 万/亿 multipliers, masks."""
import re

import cn2an
import pytest
from hypothesis import given, strategies as st

from kg.extract.numbers import (
    NUMBER_PATTERN, Number, is_masked, parse_approx_numeral, parse_chinese_numeral, parse_number,
)


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


@pytest.mark.parametrize("mask", ["**", "*", "＊＊", "XX", "X", "xx", "XXXX", "□□", "○○", "1X", "X2", "1**", "〔〕2", "〔X〕2"])
def test_masks_have_no_value(mask):
    assert is_masked(mask)
    assert parse_number(mask) == Number(None, True)


@pytest.mark.parametrize("text", [
    "", "千千", "abc", "十十",  # not numerals
    "一万万", "一亿亿", "亿",  # a multiplier twice, or alone
    "一百五一", "二十五一",  # digits running into each other
    "一〇", "五一",  # two bare digits are no year
    "十X", "三几",  # a letter inside; 几 after a digit (统一几个) is not 十几
])
def test_not_numbers(text):
    assert parse_chinese_numeral(text) is None
    assert parse_approx_numeral(text) is None
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_chinese_numerals_agree_with_cn2an(n):
    assert parse_chinese_numeral(cn2an.an2cn(n)) == n


@pytest.mark.parametrize(
    "text", ["两万三千亿", "三亿五千万", "一万亿", "十万零五百", "一千零一万亿", "四十五万六千", "两千零二十三"],
)
def test_large_compound_numerals_agree_with_cn2an(text):
    # 两 is read as 二 by cn2an's "normal" mode as well.
    assert parse_chinese_numeral(text) == cn2an.cn2an(text, "normal")
    assert parse_number(text) == Number(cn2an.cn2an(text, "normal"), False, False)


@pytest.mark.parametrize("text, value", [("二〇二三", 2023), ("一九九九", 1999), ("二〇〇八", 2008), ("一〇八", 108),
                                         ("二〇〇", 200)])
def test_runs_of_three_digits_or_more_read_digit_by_digit(text, value):
    assert parse_chinese_numeral(text) == value == cn2an.cn2an(text, "normal")


@pytest.mark.parametrize("text, value", [("十", 10), ("百", 100), ("千", 1000), ("百万", 1_000_000), ("千亿", 10**11)])
def test_a_unit_alone_counts_one_of_it(text, value):
    # 百余名, 千余人: cn2an refuses a bare 百, reports write it
    assert parse_chinese_numeral(text) == value
    assert parse_number(text) == Number(value, False, False)


@pytest.mark.parametrize(
    "text, low",
    [
        ("一两", 1), ("两三", 2), ("二三", 2), ("三四", 3), ("三五", 3), ("七八", 7), ("八九", 8),
        ("二三十", 20), ("五六十", 50), ("三四百", 300), ("两三千", 2000), ("四五万", 40000), ("二三十万", 200000),
        ("十几", 10), ("二十几", 20), ("十几万", 100000),
    ],
)
def test_approximate_numerals_are_their_lower_bound(text, low):
    assert parse_chinese_numeral(text) is None  # never a digit string: 一两 is not 12
    assert parse_approx_numeral(text) == low
    assert parse_number(text) == Number(low, False, True)


@pytest.mark.parametrize("text", ["几十", "几百", "几"])
def test_indefinite_numerals_have_no_value(text):
    assert parse_approx_numeral(text) is None
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["三三两两", "一一", "千千万万", "万万", "两两", "九九"])
def test_reduplications_are_no_numbers(text):
    assert parse_chinese_numeral(text) is None
    assert parse_number(text) is None


def test_exact_numerals_are_not_approximate():
    assert parse_number("十二") == Number(12, False, False)
    assert parse_number("十二").approx is False


@given(st.integers(min_value=0, max_value=10**7))
def test_pattern_finds_arabic_figures_whole(n):
    found = [m.group() for m in re.finditer(NUMBER_PATTERN, f"共{n}次")]
    assert found == [str(n)]
    assert parse_number(found[0]).value == n


def test_pattern_keeps_mixed_figures_whole():
    assert [m.group() for m in re.finditer(NUMBER_PATTERN, "1.16万户，一百二十次")] == ["1.16万", "一百二十"]


def test_mask_is_not_part_of_latin_words():
    assert re.findall(NUMBER_PATTERN, "Xi and XXL") == []


def test_partly_masked_figures_are_found_whole():
    found = [m.group() for m in re.finditer(NUMBER_PATTERN, "共1X名，开展XXXX次，〔〕2期，□□人")]
    assert found == ["1X", "XXXX", "〔〕2", "□□"]


def test_a_circle_after_a_chinese_numeral_is_a_zero_not_a_mask():
    assert not is_masked("○二三")
    assert [m.group() for m in re.finditer(NUMBER_PATTERN, "二○二三年")][0] != "○"


def test_pattern_keeps_approximate_numerals_whole():
    assert [m.group() for m in re.finditer(NUMBER_PATTERN, "十几个，一两次")] == ["十几", "一两"]
