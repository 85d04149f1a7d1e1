"""Entity resolution: many spellings of one unit → one canonical name.

Why a separate step: extraction reads one document at a time and writes what
it sees (``**市委``, ``XX市委``, ``市卫健委``); the graph needs one node per
unit across all documents, and an analyst must be able to correct a wrong
merge without code. Resolution is a pure function of the name and the tables
(never of which documents were seen before), so ids are stable across builds
and an incremental build equals a fresh one.

Order of the rules: fold (NFKC, spaces, masks ``*``/``X``, ``中共`` prefix) →
the analyst's ``merge`` rules, then the extraction alias table (suffix
rules, followed to their end) → a guarded fuzzy match (rapidfuzz, one
changed character, never a level such as 市/县) against the known names →
the analyst's ``split`` rules veto any merge they name. Relative names
(局党组, 办公室: :mod:`kg.graph.relative`) are then placed per document by
:meth:`OrgResolver.place` — qualified by the reporting unit or kept in their
document — since the same spelling names a different unit in every report.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..errors import LexiconError
from ..lexicon import iter_lines, lexicon_path, read_table
from .names import normalize_org_name
from .relative import RELATIVE_FILE, RelativeNames, scope_org_name

__all__ = [
    "OrgResolver",
    "default_resolver",
    "MERGES_FILE",
    "ALIASES_FILE",
    "RELATIVE_FILE",
]

log = logging.getLogger(__name__)

MERGES_FILE = lexicon_path("org_merges")
ALIASES_FILE = lexicon_path("org_aliases")

_ORDINAL_TAIL = re.compile(r"第[一二三四五六七八九十〇零\d]+$")
# A fuzzy merge never crosses levels of government or kinds of organ.
_GUARDED = set("省市县区州盟旗镇乡村街党团委局厅办院校会部组社队所站科处")


@dataclass
class OrgResolver:
    """Canonical names for organizations, from the alias, merge, split and subunit tables.

    ``suffix_aliases`` follow the extraction table's rule (data/lexicon/
    org_aliases.txt): an alias matches the *end* of a name, so ``卫健委 =>
    卫生健康委`` turns 市卫健委 and 县卫健委 into their long forms; ``merges``
    are the analyst's whole-name rules and win.

    >>> r = OrgResolver(suffix_aliases={"卫健委": "卫生健康委"}, subunit_suffixes=("理论学习中心组",))
    >>> r.canonical("XX市卫健委")
    '市卫生健康委'
    >>> r.parent("局党组理论学习中心组")
    '局党组'
    >>> r.aliases_of("市卫生健康委")
    ['市卫健委']
    """

    merges: dict[str, str] = field(default_factory=dict)
    suffix_aliases: dict[str, str] = field(default_factory=dict)
    splits: set[frozenset] = field(default_factory=set)
    subunit_suffixes: tuple[str, ...] = ()
    fuzzy: bool = True
    relative: RelativeNames = field(default_factory=RelativeNames)

    def __post_init__(self):
        self.merges = {normalize_org_name(k): normalize_org_name(v) for k, v in self.merges.items()}
        self.merges = {k: v for k, v in self.merges.items() if k and k != v}
        self.suffix_aliases = {k: v for k, v in self.suffix_aliases.items() if k and k != v}
        self._suffixes = sorted(self.suffix_aliases.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        self.subunit_suffixes = tuple(sorted(set(self.subunit_suffixes), key=len, reverse=True))
        self._targets = sorted(set(self.merges.values()) | set(self.merges))
        self._open = threading.local()  # names being resolved in this thread, to stop a loop of rules
        self.canonical = lru_cache(maxsize=65536)(self._canonical)

    @classmethod
    def from_files(cls, merges_path: str | Path | None = MERGES_FILE,
                   aliases_path: str | Path | None = ALIASES_FILE, *, fuzzy: bool = True,
                   relative_path: str | Path | None = RELATIVE_FILE) -> "OrgResolver":
        """Load the extraction alias table (if present), the analyst's table and the relative names."""
        merges: dict[str, str] = {}
        suffix_aliases: dict[str, str] = {}
        splits: set[frozenset] = set()
        suffixes: list[str] = []
        merge_rows: list[tuple[Path, tuple[str, ...], str]] = []
        if aliases_path and Path(aliases_path).exists():
            for alias, canonical in read_table(aliases_path, 2):
                if alias.startswith("="):
                    merges[alias[1:]] = canonical
                    merge_rows.append((Path(aliases_path), (alias, canonical), alias[1:]))
                else:
                    suffix_aliases[alias] = canonical
        if merges_path and Path(merges_path).exists():
            for row in read_table(merges_path, 3, min_columns=2):
                op, a, b = row
                if op == "merge" and b:
                    merges[a] = b
                    merge_rows.append((Path(merges_path), row, a))
                elif op == "split" and b:
                    splits.add(frozenset((normalize_org_name(a), normalize_org_name(b))))
                elif op == "subunit" and not b:
                    suffixes.append(a)
                else:
                    raise LexiconError(merges_path, _line_of(merges_path, row),
                                       f"expected 'merge A B', 'split A B' or 'subunit SUFFIX', got {' '.join(row)!r}")
        relative = RelativeNames.from_file(relative_path) if relative_path else RelativeNames()
        resolver = cls(merges=merges, suffix_aliases=suffix_aliases, splits=splits,
                       subunit_suffixes=tuple(suffixes), fuzzy=fuzzy, relative=relative)
        for path, row, name in merge_rows:  # a rule that loops is refused here, not deep inside a build
            try:
                resolver.canonical(name)
            except ValueError as err:
                raise LexiconError(path, _line_of(path, row), str(err)) from None
        return resolver

    def _step(self, name: str) -> str:
        if name in self.merges:
            return self.merges[name]
        for alias, canonical in self._suffixes:
            if name.endswith(alias) and not name.endswith(canonical):
                return name[: -len(alias)] + canonical
        return name

    def _follow(self, name: str) -> str:
        seen = {name}
        for _ in range(8):
            nxt = self._step(name)
            if nxt in seen:
                break
            seen.add(nxt)
            name = nxt
        return name

    def _canonical(self, name: str) -> str:
        # canonical() is cached, so only a loop of rules asks for a name again before
        # it is resolved: 市局 merged into 市局党组, whose unit part is 市局 again.
        base = normalize_org_name(name)
        pending = self._open.__dict__.setdefault("names", set())
        if base in pending:
            raise ValueError(f"the merge rules lead {base} into its own subunit")
        pending.add(base)
        try:
            return self._resolve(base)
        finally:
            pending.discard(base)

    def _resolve(self, base: str) -> str:
        target = self._follow(base)
        if target == base and self.fuzzy:
            target = self._fuzzy(base) or base
        if target != base and self.is_split(base, target):
            target = base
        # The unit part of a study group or organ resolves like the unit itself:
        # 市卫健委党组理论学习中心组 → 市卫生健康委党组理论学习中心组.
        suffix = self._subunit_suffix(target)
        if suffix:
            head = target[: -len(suffix)]
            canon_head = self.canonical(head)  # the split rules of head itself are applied in there
            if canon_head != head and not self.is_split(base, canon_head + suffix):
                target = canon_head + suffix
        return target

    def _subunit_suffix(self, name: str) -> str | None:
        # The longest matching suffix decides; a name that is only the suffix
        # (or one character more) names no parent.
        for suffix in self.subunit_suffixes:
            if name.endswith(suffix):
                return suffix if len(name) - len(suffix) >= 2 else None
        return None

    def _fuzzy(self, name: str) -> str | None:
        # One changed character in a long name, never a level or organ
        # character, same first and last character: a typo, not another unit.
        if len(name) < 6:
            return None
        for cand in self._targets:
            if len(cand) != len(name) or cand[-1] != name[-1] or cand[0] != name[0]:
                continue
            if Levenshtein.distance(name, cand, score_cutoff=1) != 1:
                continue
            diff = [(a, b) for a, b in zip(name, cand) if a != b]
            if any(a in _GUARDED or b in _GUARDED for a, b in diff):
                continue
            return self._follow(cand)
        return None

    def place(self, canonical: str, reporting: str | None, doc_id: str) -> tuple[str, str | None]:
        """The node name of ``canonical`` in document ``doc_id``, and its scope (None: shared).

        A relative name (data/lexicon/org_relative.txt) is qualified by the
        document's reporting unit (canonical, as :meth:`canonical` gives it)
        when that unit has a real name and the pair fits; otherwise it is kept
        in its document, still read against a relative speaker that names a
        unit or is the name itself (局党组 in a report by 市局 is 市局党组,
        党组 in one by 局党组 is that 局党组). Any other name is shared.

        >>> r = OrgResolver(relative=RelativeNames(organs={"党组"}, selves={"局": ("局",)}))
        >>> r.place("局党组", "市统计局", "d1"), r.place("局党组", "市委", "d2"), r.place("市委", "市统计局", "d1")
        (('市统计局党组', None), ('局党组〔d2〕', 'd2'), ('市委', None))
        >>> r.place("党组", "局党组", "d3")
        ('局党组〔d3〕', 'd3')
        """
        if not self.relative.is_relative(canonical):
            return canonical, None
        qualified = self.relative.qualify(canonical, reporting)
        if qualified and not self.relative.is_relative(reporting):
            return self.canonical(qualified), None
        if qualified and qualified != reporting and self.relative.split_name(reporting)[1]:
            qualified = None  # 党办 in a report by 办公室 is no 办公室党办
        return scope_org_name(qualified or canonical, doc_id), doc_id

    def aliases_of(self, canonical: str) -> list[str]:
        """Known spellings (from the tables) that resolve to ``canonical``."""
        found = set(self.merges)  # the last line keeps those that lead to canonical, by any route
        for alias, target in self._suffixes:
            if canonical.endswith(target) and len(canonical) > len(target):
                found.add(canonical[: -len(target)] + alias)
        return sorted(a for a in found if a != canonical and self.canonical(a) == canonical)

    def is_split(self, a: str, b: str) -> bool:
        """True when the analyst said ``a`` and ``b`` are different units."""
        return frozenset((a, b)) in self.splits

    def parent(self, canonical: str) -> str | None:
        """The unit a study group or body belongs to, or None.

        >>> OrgResolver(subunit_suffixes=("青年理论学习小组",)).parent("市知识产权局青年理论学习小组")
        '市知识产权局'
        """
        suffix = self._subunit_suffix(canonical)
        if not suffix:
            return None
        head = _ORDINAL_TAIL.sub("", canonical[: -len(suffix)])  # 政法委第二青年理论学习小组 → 政法委
        if len(head) < 2:
            return None
        parent = self.canonical(head)
        return parent if parent != canonical else None


def _line_of(path, row) -> int:
    # read_table gives no line numbers: the first line (comments left out) holding every field of the row
    want = [p for p in row if p]
    return next((n for n, line in iter_lines(Path(path)) if all(p in line for p in want)), 0)


@lru_cache(maxsize=1)
def default_resolver() -> OrgResolver:
    """The resolver built from data/lexicon (cached per process)."""
    return OrgResolver.from_files()
