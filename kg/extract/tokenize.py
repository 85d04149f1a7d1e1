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

A few places are spelled like a joining word and a level (会同县, 和县,
联合镇): in ``我局会同县委网信办`` and ``局机关和县医保服务中心`` the word is
the verb or the conjunction and ``县`` opens the next unit. Such a place is
read as a place only after a province or a city that holds it (怀化市会同县),
or, when its word is a conjunction or a name (和县, 红旗镇), at the start of a clause.
"""
from __future__ import annotations

import logging
import re
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
BOUNDARIES = "org_boundaries"
_LEVEL_CHARS = "县区市乡镇"
_HOLDING_LEVELS = ("province", "city")
_VERB_TAGS = ("v", "vn", "n")  # 会同, 联合, 协同 open a clause as verbs; 和 (c), 红旗 (nr) do not
_DEFAULT_FREQ = 20000
_PLACE_FREQ = 3000  # a place is a word where nothing likelier is; it never outbids a common word
_lock = threading.Lock()
_segmenter = None
_joining_places: tuple[dict, frozenset, re.Pattern] | None = None


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
        places = read_wordlist(lexicon_path(PLACES))
        for entry in places:
            seg.add_word(entry.word, entry.freq or _PLACE_FREQ, "ns")
        for entry in read_wordlist(lexicon_path(SYSTEMS)):
            seg.add_word(entry.word, entry.freq or _DEFAULT_FREQ, "nz")
        global _joining_places
        _joining_places = _load_joining_places(places)
    return seg


def _load_joining_places(places: list) -> tuple[dict, frozenset, re.Pattern]:
    """Places spelled as a word of org_boundaries.txt and one level character, each with that
    word (会同县 → 会同); the provinces and cities a place may stand after; a pattern finding
    any of the places (searching the text costs a sixth of looking at its words)."""
    joining = {entry.word for entry in read_wordlist(lexicon_path(BOUNDARIES))}
    found, holders = {}, set()
    for entry in places:
        name = entry.word
        if entry.tag in _HOLDING_LEVELS:
            holders.add(name)
        elif len(name) >= 2 and name[-1] in _LEVEL_CHARS and name[:-1] in joining:
            found[name] = name[:-1]
    pattern = re.compile("|".join(map(re.escape, sorted(found, key=len, reverse=True))) or "(?!)")
    return found, frozenset(holders), pattern


def _joining_places_loaded() -> tuple[dict, frozenset, re.Pattern]:
    if _joining_places is None:
        get_segmenter()  # read with the places it adds to the dictionary
    return _joining_places


def _tag(text: str) -> list[tuple[str, str]]:
    """The segmenter's tagged words, a joining word read as a place split off again."""
    pairs = get_segmenter().tag(text, False)
    places, holders, pattern = _joining_places_loaded()
    if pattern.search(text) is None:
        return pairs
    at = 0
    for i, (word, _) in enumerate(pairs):
        if word in places:
            before = pairs[i - 1][0] if i else ""
            joining = places[word]
            tag = get_segmenter().tag(joining, False)[0][1]
            if before in holders or before.endswith(("省", "市", "州")):
                pass
            elif "\u4e00" <= before[-1:] <= "\u9fff" or tag in _VERB_TAGS:
                return [*pairs[:i], (joining, tag), *_tag(text[at + len(joining):])]
        at += len(word)
    return pairs


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
    global _segmenter, _joining_places
    with _lock:
        _segmenter = _joining_places = None


def cut_words(text: str) -> list[str]:
    """Segment ``text`` into words (no HMM).

    >>> cut_words("市妇联青年理论学习小组")
    ['市妇联', '青年理论学习小组']
    """
    return [w for w, _ in _tag(text)] if _may_join(text) else get_segmenter().cut(text, False)


def _may_join(text: str) -> bool:
    return _joining_places_loaded()[2].search(text) is not None


def tag_words(text: str) -> list[tuple[str, str]]:
    """Segment and tag with the dictionary's part-of-speech tags.

    >>> tag_words("落实市委部署")[1]
    ('市委', 'n')
    >>> tag_words("我局会同县委网信办")[2:4]
    [('会同', 'n'), ('县委', 'n')]
    """
    return _tag(text)


def tokenize_text(text: str) -> Tokens:
    """Tagged words of ``text`` as a lazy :class:`Tokens` sequence.

    >>> toks = tokenize_text("落实市委部署")
    >>> toks.words[1], toks[1].start, toks[1].end
    ('市委', 2, 4)
    """
    pairs = _tag(text)
    if not pairs:
        return Tokens((), (), [])
    words, tags = zip(*pairs)
    return Tokens(words, tags, list(accumulate(map(len, words))))


def iter_tokens(text: str) -> list[Token]:
    """Tagged words with their offsets in ``text``.

    >>> [(t.word, t.start, t.end) for t in iter_tokens("我局党组")][:2]
    [('我', 0, 1), ('局', 1, 2)]
    """
    pairs = _tag(text)
    if not pairs:
        return []
    words, tags = zip(*pairs)
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    return list(map(make_token, zip(words, tags, starts, ends)))
