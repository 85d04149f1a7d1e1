"""The data behind unit names: suffixes, aliases, rejections, roles, read from data/lexicon.

Kept apart from the extractors so the reporting-unit rules, the
organization rules and their tests share one loaded copy of
``data/lexicon`` (each file read once per process, errors name file:line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import LexiconError
from ...lexicon import iter_lines, lexicon_path, read_table, read_wordlist

__all__ = ["OrgRules", "load_org_rules", "load_word_classes", "alternation", "WORD_CLASSES", "ADMIN_LEVELS", "PLACE_UNIT_ENDS",
           "ZONES"]

ADMIN_LEVELS = ("省", "市", "县", "区", "州", "镇", "乡", "村", "旗", "盟")
# What towns, streets, villages and communities end in: they may act as units.
PLACE_UNIT_ENDS = ("镇", "乡", "街道", "村", "社区", "居委会")


@dataclass(frozen=True)
class OrgRules:
    suffixes: tuple[tuple[str, str], ...]  # (suffix, kind), longest first
    gazetteer: frozenset[str]
    aliases_end: tuple[tuple[str, str], ...]  # (alias end, canonical end), longest first
    aliases_whole: dict
    reject: frozenset[str]
    boundaries: frozenset[str]
    roles: tuple[tuple[str, str], ...]  # (role, unit suffix), longest first
    self_refs: tuple[tuple[str, str], ...]
    suffix_words: frozenset[str] = frozenset()
    complete: frozenset[str] = frozenset()  # gazetteer names that take no prefix
    followers: frozenset[str] = frozenset()
    _tables: tuple = (dict(), 0)
    weak: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    last_chars: frozenset[str] = frozenset()  # last characters of every suffix and name
    inner_words: frozenset[str] = frozenset()  # verbs that stand inside names (监督, 退休)
    predicate_starts: tuple[str, ...] = ()  # a word starting so is a predicate (认真学习)
    self_names: dict = field(default_factory=dict)  # 学校 → 事业单位: a unit's name for itself
    self_followers: tuple[str, ...] = ()
    places: dict = field(default_factory=dict)  # place name → province, city, county or town
    systems: frozenset[str] = frozenset()  # 国网, 民盟: kept before a masked place in a unit's name
    committees: tuple[tuple[str, str], ...] = ()  # (共青团, 团{}委): formal names of a level's committee
    classes: dict = field(default_factory=dict)  # org_word_classes.txt: class → words
    _memo: dict = field(default_factory=dict, compare=False, repr=False)  # suffix_of / rejects_end answers

    def rejects_end(self, word: str) -> bool:
        """Does ``word`` end in a rejected word longer than its suffix (党员干部, 落到实处)?"""
        key = ("r", word)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            got = self._memo[key] = self._rejects_end(word)
        return got

    def _rejects_end(self, word: str) -> bool:
        suffix = self.suffix_of(word)
        for n in range(min(len(word), 6), max(len(suffix), 1), -1):
            if word[-n:] in self.reject:
                return True
        return False

    def suffix_of(self, name: str) -> str:
        """The longest unit suffix ``name`` ends with, or ``""``."""
        got = self._memo.get(name)
        if got is not None:
            return got
        table, got = self._tables[0], ""
        for n in range(min(len(name), self._tables[1]), 0, -1):
            if name[-n:] in table:
                got = name[-n:]
                break
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[name] = got
        return got

    def kind_of(self, name: str) -> str | None:
        """The kind given by the longest suffix ``name`` ends with, else None."""
        suffix = self.suffix_of(name)
        return self._tables[0][suffix] if suffix else None

    @property
    def _suffix_table(self) -> dict:
        return self._tables[0]

    @property
    def _suffix_max(self) -> int:
        return self._tables[1]


WORD_CLASSES = frozenset(
    "stop_tag name_tag not_head_tag loose_start_tag not_place generic_start branch numbered_body stationed_team "
    "village_head village_part_tag village_kind brand_head numbered_part locative partner place_after leader_title "
    "school maskable generic_name generic_owner generic_head body not_reporting plan_verb salutation venue_after "
    "numbered_institution campaign campaign_group zone rule_after department_head department_word_tag firm_trade "
    "personal_genre not_level_start joined_head common_lone_char member_after person_title not_name_char count_char"
    .split()
)


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, so that 联合 is tried before 联."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=None)
def load_word_classes(directory: str | None = None) -> dict[str, tuple[str, ...]]:
    """class → its words, in file order, from ``org_word_classes.txt``.

    >>> "党支部" in load_word_classes()["body"]
    True
    """
    path = lexicon_path("org_word_classes", directory)
    out: dict[str, list[str]] = {c: [] for c in WORD_CLASSES}
    rows = read_table(path, 2)
    numbers = [n for n, _ in iter_lines(path)]
    for (cls, word), line_no in zip(rows, numbers):
        if cls not in WORD_CLASSES:
            raise LexiconError(path, line_no, f"unknown word class {cls!r}; known: {' '.join(sorted(WORD_CLASSES))}")
        out[cls].append(word)
    return {c: tuple(words) for c, words in out.items()}


@lru_cache(maxsize=None)
def load_org_rules(directory: str | None = None) -> OrgRules:
    """Load every organization lexicon (once per directory).

    >>> rules = load_org_rules()
    >>> rules.kind_of("市妇联"), rules.kind_of("市委党校")
    ('群团组织', '事业单位')
    """

    def path(name):
        return lexicon_path(name, directory)

    suffixes = sorted(read_table(path("org_suffixes"), 2), key=lambda r: -len(r[0]))
    aliases_end, aliases_whole = [], {}
    for alias, canon in read_table(path("org_aliases"), 2):
        if alias.startswith("="):
            aliases_whole[alias[1:]] = canon
        elif alias != canon:
            aliases_end.append((alias, canon))
    aliases_end.sort(key=lambda r: -len(r[0]))
    gazetteer = read_wordlist(path("org_gazetteer"))
    roles = sorted(read_table(path("speaker_roles"), 2, min_columns=1), key=lambda r: -len(r[0]))
    self_refs = sorted(read_table(path("self_references"), 2, min_columns=1), key=lambda r: -len(r[0]))
    return OrgRules(
        suffixes=tuple(suffixes),
        gazetteer=frozenset(e.word for e in gazetteer if (e.tag or "nt") in ("nt", "ntc")),
        complete=frozenset(e.word for e in gazetteer if e.tag == "ntc"),
        followers=frozenset(e.word for e in read_wordlist(path("org_followers"))),
        weak=frozenset(e.word for e in read_wordlist(path("org_weak_suffixes"))),
        role_words=frozenset(r for r, _ in roles),
        aliases_end=tuple(aliases_end),
        aliases_whole=aliases_whole,
        reject=frozenset(e.word for e in read_wordlist(path("org_reject"))),
        boundaries=frozenset(e.word for e in read_wordlist(path("org_boundaries"))),
        inner_words=frozenset(e.word for e in read_wordlist(path("org_inner_words"))),
        self_names=dict(read_table(path("org_self_names"), 2)),
        places={e.word: e.tag for e in read_wordlist(path("places"))},
        systems=frozenset(e.word for e in read_wordlist(path("org_systems"))),
        committees=tuple(sorted(read_table(path("org_committees"), 2), key=lambda r: -len(r[0]))),
        classes=load_word_classes(directory),
        self_followers=tuple(sorted({e.word for e in read_wordlist(path("org_self_followers"))}, key=len,
                                    reverse=True)),
        predicate_starts=tuple(sorted({e.word for e in read_wordlist(path("org_predicate_starts"))}, key=len,
                                      reverse=True)),
        roles=tuple(roles),
        self_refs=tuple(self_refs),
        suffix_words=frozenset(s for s, _ in suffixes),
        _tables=(dict(suffixes), max((len(s) for s, _ in suffixes), default=0)),
        last_chars=frozenset(w[-1] for w in [s for s, _ in suffixes] + [e.word for e in gazetteer]
                             + [r for r, _ in roles] + list(PLACE_UNIT_ENDS) if w),
    )


#: Development zones and parks (开发区, 高新区): places that can act as units (org_word_classes.txt).
ZONES = load_word_classes()["zone"]
