"""normalize_text: same length, per-character folding."""
from __future__ import annotations

from hypothesis import given, strategies as st

from kg.ingest.normalize import normalize_text


def test_full_width_letters_and_digits():
    assert normalize_text("ＸＸ市召开２０２３年会议") == "XX市召开2023年会议"


def test_half_width_punctuation_next_to_cjk_becomes_full_width():
    assert normalize_text("学习(试点),共3次;效果好!对吗?结论:好") == "学习（试点），共3次；效果好！对吗？结论：好"


def test_punctuation_between_latin_or_digits_is_kept():
    assert normalize_text("1,200 and f(x): ok?") == "1,200 and f(x): ok?"


def test_lone_period_after_cjk_is_a_full_stop():
    assert normalize_text("制定本计划.中心组学习1.5万人次.下一步.") == "制定本计划。中心组学习1.5万人次。下一步。"


def test_period_in_figures_codes_and_ellipses_is_kept():
    assert normalize_text("增长12.6%,见www.gov.cn,等等...好") == "增长12.6%，见www.gov.cn，等等...好"


def test_traditional_to_simplified_per_character():
    assert normalize_text("政府工作報告：發展經濟") == "政府工作报告：发展经济"


def test_ideographic_space():
    assert normalize_text("以学铸魂\u3000做合格党员") == "以学铸魂 做合格党员"


@given(st.text(alphabet=st.sampled_from(list("學習報告汇报ＡＢ１２,;:?!(). \n市统计局國會議“”，。") + ["\u3000"]), max_size=60))
def test_length_is_always_kept(text):
    folded = normalize_text(text)
    assert len(folded) == len(text)
    assert all(a == b or b in "，；：？！（）。 ABCDEFGHIJ0123456789" or a in "學習報國會議" for a, b in zip(text, folded))


_TRADITIONAL = "學習報告發展經濟會議國務院黨組織戰鬥體係實際與認識當憲歷傳統幹隊衛農業廣東"


@given(st.text(alphabet=st.sampled_from(list(_TRADITIONAL + "市委召开ＡＢ１２\u3000")), max_size=80))
def test_a_text_with_many_or_few_characters_to_fold_folds_each_alike(text):
    # Past a couple of dozen distinct characters to fold, the whole text is translated at once
    # instead of replaced character by character: both ways must give what each character gives.
    assert normalize_text(text) == "".join(normalize_text(c) for c in text)
