"""One shared word segmenter with our user dictionary, built on first use.

Why rjieba: it is the Rust port of jieba with the same dictionary and tag
set, and cuts ~15× faster than ``jieba.lcut`` (docs/benchmarks.md), so
extraction can afford to segment every sentence. A dedicated instance is
used, never the global one, so our user dictionary
(``data/lexicon/org_gazetteer.txt``, jieba user-dict format, and the place
names of ``data/lexicon/places.txt`` as ``ns``) does not leak into other
code. Where rjieba is missing, a dedicated ``jieba.Tokenizer()``
gives the same words, only slower.

HMM new-word discovery is off on purpose: it glues unknown characters
across a name boundary (``市林草局`` → ``市林 / 草局``); without it unknown
characters stay single and the organization rules can put them back
together.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from ..lexicon import lexicon_path, read_wordlist

__all__ = ["Token", "Tokens", "make_token", "get_segmenter", "cut_words", "tag_words", "iter_tokens", "tokenize_text",
           "reset_segmenter"]

log = logging.getLogger(__name__)

USER_DICT = "org_gazetteer"
PLACES = "places"
SYSTEMS = "org_systems"
_DEFAULT_FREQ = 20000
_PLACE_FREQ = 3000  # a place is a word where nothing likelier is; it never outbids a common word
_lock = threading.Lock()
_segmenter = None


class Token(NamedTuple):
    """A word with its dictionary tag and offsets in the segmented string."""

    word: str
    tag: str
    start: int
    end: int


#: A Token from a ``(word, tag, start, end)`` tuple: ``tuple.__new__`` runs in C, about
#: five times faster than ``Token._make`` when a scan builds many.
make_token = partial(tuple.__new__, Token)


class Tokens(Sequence):
    """The tagged words of a text, with a :class:`Token` built only when asked for.

    Why: most words of a sentence are never looked at closely, and building
    a Token per word costs more than segmenting. ``words`` and ``tags`` are
    plain tuples for fast scans.
    """

    __slots__ = ("words", "tags", "ends")

    def __init__(self, words: tuple, tags: tuple, ends: list):
        self.words, self.tags, self.ends = words, tags, ends

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        w, e = self.words[i], self.ends[i]
        return Token(w, self.tags[i], e - len(w), e)


class _JiebaSegmenter:
    """Same two calls as rjieba.Jieba, over a dedicated jieba.Tokenizer."""

    def __init__(self):
        import jieba  # lazy: jieba (0.1 s, and its dictionary) only when rjieba is missing
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._pos = jieba.posseg.POSTokenizer(self._tok)

    def add_word(self, word, freq, tag):
        self._tok.add_word(word, freq, tag)

    def cut(self, text, hmm=True):
        return self._tok.lcut(text, HMM=hmm)

    def tag(self, text, hmm=True):
        return [(p.word, p.flag) for p in self._pos.lcut(text, HMM=hmm)]


def _build(user_dict):
    try:
        import rjieba  # lazy: the segmenter (0.1 s) loads when text is first cut, not on import

        seg = rjieba.Jieba()
    except ImportError:  # pragma: no cover - rjieba is in requirements.txt
        log.info("rjieba not installed; falling back to jieba.Tokenizer (slower)")
        seg = _JiebaSegmenter()
    for entry in read_wordlist(lexicon_path(user_dict)):
        seg.add_word(entry.word, entry.freq or _DEFAULT_FREQ, entry.tag or "nt")
    if user_dict == USER_DICT:
        for entry in read_wordlist(lexicon_path(PLACES)):
            seg.add_word(entry.word, entry.freq or _PLACE_FREQ, "ns")
        for entry in read_wordlist(lexicon_path(SYSTEMS)):
            seg.add_word(entry.word, entry.freq or _DEFAULT_FREQ, "nz")
    return seg


def get_segmenter():
    """The shared segmenter (rjieba.Jieba or a jieba fallback), loaded once."""
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = _build(USER_DICT)
    return _segmenter


def reset_segmenter() -> None:
    """Forget the loaded segmenter, so an edited user dictionary is re-read."""
    global _segmenter
    with _lock:
        _segmenter = None


def cut_words(text: str) -> list[str]:
    """Segment ``text`` into words (no HMM).

    >>> cut_words("市妇联青年理论学习小组")
    ['市妇联', '青年理论学习小组']
    """
    return get_segmenter().cut(text, False)


def tag_words(text: str) -> list[tuple[str, str]]:
    """Segment and tag with the dictionary's part-of-speech tags.

    >>> tag_words("落实市委部署")[1]
    ('市委', 'n')
    """
    return get_segmenter().tag(text, False)


def tokenize_text(text: str) -> Tokens:
    """Tagged words of ``text`` as a lazy :class:`Tokens` sequence.

    >>> toks = tokenize_text("落实市委部署")
    >>> toks.words[1], toks[1].start, toks[1].end
    ('市委', 2, 4)
    """
    pairs = get_segmenter().tag(text, False)
    if not pairs:
        return Tokens((), (), [])
    words, tags = zip(*pairs)
    return Tokens(words, tags, list(accumulate(map(len, words))))


def iter_tokens(text: str) -> list[Token]:
    """Tagged words with their offsets in ``text``.

    >>> [(t.word, t.start, t.end) for t in iter_tokens("我局党组")][:2]
    [('我', 0, 1), ('局', 1, 2)]
    """
    pairs = get_segmenter().tag(text, False)
    if not pairs:
        return []
    words, tags = zip(*pairs)
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    return list(map(make_token, zip(words, tags, starts, ends)))
