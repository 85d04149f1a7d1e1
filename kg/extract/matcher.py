"""Many words found in one pass over a text (Aho-Corasick), for the word lists of the extractors.

Why ahocorasick_rs (the Rust ``aho-corasick`` crate, as a DFA) and not
pyahocorasick, which this replaced: pyahocorasick's trie finds a
character's next node by a linear search among the node's children, and
the root of a Chinese word list has a child for every first character
(143 for the activity triggers), so every character of a report paid for
as many comparisons: 40–70 ns per character against 10 for the DFA
(docs/benchmarks.md). :class:`Matcher` keeps pyahocorasick's calls
(``add_word``, ``make_automaton``, ``iter``, ``iter_long``, ``in``,
``len``) so the rules that use it read as before.
"""
from __future__ import annotations

import ahocorasick_rs

__all__ = ["Matcher"]

_LONGEST = ahocorasick_rs.MatchKind.LeftmostLongest
_ALL = ahocorasick_rs.MatchKind.Standard
_DFA = ahocorasick_rs.Implementation.DFA
_NFA = ahocorasick_rs.Implementation.ContiguousNFA


class Matcher:
    """A word list with a value per word, searched in one pass.

    ``long_texts``: the texts searched are whole reports, so the matcher is
    built as a DFA (fastest per character); for a large vocabulary searched
    in short questions, ``False`` builds a contiguous NFA, four times faster
    to build for 30 000 words.

    >>> m = Matcher()
    >>> for word in ("学习", "学习教育", "教育"):
    ...     _ = m.add_word(word, word.upper())
    >>> m.make_automaton()
    >>> m.iter_long("开展学习教育")
    [(5, '学习教育')]
    >>> m.iter("开展学习教育")
    [(3, '学习'), (5, '学习教育'), (5, '教育')]
    """

    __slots__ = ("_values", "_words", "_longest", "_all", "_implementation")

    def __init__(self, long_texts: bool = True):
        self._implementation = _DFA if long_texts else _NFA
        self._values: dict[str, object] = {}
        self._words: list[str] = []
        self._longest = self._all = None

    def add_word(self, word: str, value) -> bool:
        """Add ``word`` (a later value replaces an earlier one); True if it was new."""
        new = word not in self._values
        self._values[word] = value
        if new:
            self._longest = self._all = None
        return new

    def make_automaton(self) -> None:
        self._words = list(self._values)
        if self._words:
            self._longest = ahocorasick_rs.AhoCorasick(self._words, matchkind=_LONGEST,
                                                       implementation=self._implementation)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, word: str) -> bool:
        return word in self._values

    def iter_long(self, text: str) -> list[tuple[int, object]]:
        """``(end, value)`` of the longest word at the leftmost place, then on after
        it: no two overlap. ``end`` is the index of the word's last character."""
        if self._longest is None:
            self._check_made()
            return []
        words, values = self._words, self._values
        return [(end - 1, values[words[i]]) for i, _, end in self._longest.find_matches_as_indexes(text)]

    def iter(self, text: str) -> list[tuple[int, object]]:
        """``(end, value)`` of every occurrence of every word, by end, the longest
        first among words that end at the same place."""
        if self._all is None:
            self._check_made()
            if not self._words:
                return []
            self._all = ahocorasick_rs.AhoCorasick(self._words, matchkind=_ALL, implementation=self._implementation)
        words, values = self._words, self._values
        found = self._all.find_matches_as_indexes(text, overlapping=True)
        found.sort(key=lambda m: (m[2], m[1]))
        return [(end - 1, values[words[i]]) for i, _, end in found]

    def _check_made(self) -> None:
        if len(self._words) != len(self._values):
            raise RuntimeError("Matcher searched before make_automaton() was called on its words")
