"""The shared segmenter: dedicated instance, user dictionary, offsets."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from kg.extract import tokenize
from kg.extract.orgs.rules import load_org_rules
from kg.extract.tokenize import cut_words, iter_tokens, tag_words


def test_user_dictionary_words_are_one_token():
    assert "青年理论学习小组" in cut_words("市妇联青年理论学习小组开展学习")
    assert "理论学习中心组" in cut_words("局党组理论学习中心组集中学习")


def test_segmenter_is_built_once_and_not_the_global_one():
    first = tokenize.get_segmenter()
    assert tokenize.get_segmenter() is first
    import rjieba
    assert first is not rjieba._DEFAULT_JIEBA


def test_tags_come_with_words():
    assert ("市委", "n") in tag_words("落实市委部署")


def test_a_place_spelled_as_a_joining_word_and_a_level_is_read_by_its_context():
    """会同县 and 和县 are real counties; after a unit they are a verb or a conjunction and a level."""
    assert cut_words("我局会同县委网信办开展宣传")[2:4] == ["会同", "县委"]
    assert "和县" not in cut_words("县委和县政府召开会议")
    assert "会同县" not in cut_words("，会同县公安局开展联合执法")
    assert "会同县" in cut_words("怀化市会同县人民医院开展义诊")
    assert "和县" in cut_words("近日，和县医保服务中心开展学习")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_offsets_cover_the_text(text):
    toks = iter_tokens(text)
    assert "".join(t.word for t in toks) == text
    for t in toks:
        assert text[t.start:t.end] == t.word


def test_every_unit_suffix_can_end_a_word_the_segmenter_cuts():
    """A suffix the segmenter splits (司法/所, 所 read as a conjunction) never ends a head word, so
    every 司法所 of a report was lost: each suffix is cut whole, or ends with a shorter suffix that is
    (妇女/联合会 ends with 联合会), or its gazetteer entry keeps it whole."""
    rules = load_org_rules()
    suffixes = {s for s, _ in rules.suffixes}
    split = [s for s in suffixes if len(tag_words(s)) > 1
             and not any(s.endswith(t) and t != s and len(tag_words(t)) == 1 for t in suffixes)]
    assert split == []
