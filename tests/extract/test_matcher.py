"""The extractors' word matcher: the two searches the rules depend on, checked against the obvious slow ones."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.matcher import Matcher


def _made(words, long_texts=True):
    m = Matcher(long_texts=long_texts)
    for w in words:
        m.add_word(w, ("value", w))
    m.make_automaton()
    return m


def _leftmost_longest(words, text):
    """At each place from the left: the longest word starting there, then on after it."""
    out, i = [], 0
    while i < len(text):
        here = [w for w in words if text.startswith(w, i)]
        if here:
            w = max(here, key=len)
            out.append((i + len(w) - 1, ("value", w)))
            i += len(w)
        else:
            i += 1
    return out


def _every(words, text):
    found = [(i + len(w) - 1, -len(w), w) for w in set(words) for i in range(len(text)) if text.startswith(w, i)]
    return [(end, ("value", w)) for end, _, w in sorted(found)]


_WORDS = st.lists(st.text(alphabet="学习教育党委会", min_size=1, max_size=4), min_size=1, max_size=8)
_TEXT = st.text(alphabet="学习教育党委会，", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _TEXT, st.booleans())
def test_iter_long_is_the_leftmost_longest_word_without_overlaps(words, text, long_texts):
    assert _made(words, long_texts).iter_long(text) == _leftmost_longest(set(words), text)


@settings(max_examples=300, deadline=None)
@given(_WORDS, _TEXT, st.booleans())
def test_iter_gives_every_occurrence_by_end_longest_first(words, text, long_texts):
    assert _made(words, long_texts).iter(text) == _every(words, text)


def test_a_blocker_phrase_hides_the_words_inside_it():
    m = _made(["学习", "破解难题学习"])
    assert m.iter_long("破解难题学习") == [(5, ("value", "破解难题学习"))]
    assert [v[1] for _, v in m.iter("破解难题学习")] == ["破解难题学习", "学习"]


def test_offsets_count_characters_not_bytes():
    m = _made(["党委"])
    assert m.iter_long("A市𠀀党委") == [(4, ("value", "党委"))]  # an astral character is one index


def test_a_later_value_replaces_an_earlier_one():
    m = Matcher()
    assert m.add_word("学习", 1) is True
    assert m.add_word("学习", 2) is False
    m.make_automaton()
    assert m.iter_long("学习") == [(1, 2)] and len(m) == 1 and "学习" in m and "教育" not in m


def test_an_empty_matcher_finds_nothing():
    m = Matcher()
    m.make_automaton()
    assert m.iter_long("学习") == [] and m.iter("学习") == []


def test_searching_words_added_after_make_automaton_is_an_error_not_a_silent_miss():
    m = _made(["学习"])
    m.add_word("教育", 1)
    with pytest.raises(RuntimeError, match="make_automaton"):
        m.iter_long("学习教育")
    with pytest.raises(RuntimeError, match="make_automaton"):
        m.iter("学习教育")
