"""Sentence splitting: the fast splitter gives exactly the sentences of the plain one."""
import dataclasses
import re

import pytest
from hypothesis import given, settings, strategies as st

from kg.extract.base import Sentence, iter_sentences

_END = re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n+|…{2,}")


def _reference_sentences(text, norm):
    """The splitter as first written (a generator per segment, dataclass __init__)."""
    pos, i, out = 0, 0, []

    def emit(start, end, index):
        seg = norm[start:end]
        core = seg.strip()
        if core is not seg and core:
            start += len(seg) - len(seg.lstrip())
            end = start + len(core)
        if core:
            out.append(Sentence(start, end, text[start:end], norm[start:end], index))

    for m in _END.finditer(norm):
        emit(pos, m.end() if not m.group().startswith("\n") else m.start(), i)
        i += 1
        pos = m.end()
    emit(pos, len(norm), i)
    return out


_CHARS = list("学习开展集中党课。！？!?；;”’」』）)】\n…  \u3000\t甲乙")
split_text = st.text(alphabet=st.sampled_from(_CHARS), max_size=120)


@settings(max_examples=300, deadline=None)
@given(split_text)
def test_split_matches_reference(text):
    norm = text.replace("甲", "乙")  # norm differs from text yet keeps its length
    assert list(iter_sentences(text, norm)) == _reference_sentences(text, norm)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_split_matches_reference_on_any_text(text):
    assert list(iter_sentences(text)) == _reference_sentences(text, text)


def test_sentences_are_frozen_hashable_dataclasses():
    s = list(iter_sentences("甲。 乙；\n"))[1]
    assert s == Sentence(3, 5, "乙；", "乙；", 1)
    assert hash(s) == hash(Sentence(3, 5, "乙；", "乙；", 1))
    assert dataclasses.asdict(s)["section"] == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 0


def test_blank_segments_still_count_in_the_index():
    assert [(s.text, s.index) for s in iter_sentences("甲。 \n乙")] == [("甲。", 0), ("乙", 2)]
