"""Deictic organization names (局党组, 办公室, 本局): qualify them or keep them in their document.

Why: a report that does not name its own unit writes 局党组 for *its* party
group. Resolving names globally would make one 局党组 node shared by every
such report — a false merge of many units. A relative name is therefore
either qualified by the document's reporting unit (市统计局 + 局党组 →
市统计局党组) or scoped to its document (局党组〔doc_id〕). Both depend only
on the name, the document's own reporting unit and the table
(data/lexicon/org_relative.txt), so ids are stable and an incremental build
equals a fresh one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LexiconError
from ..lexicon import iter_lines, lexicon_path, read_table
from .names import normalize_org_name

__all__ = ["RelativeNames", "RELATIVE_FILE", "SCOPE_OPEN", "SCOPE_CLOSE", "scope_org_name", "unscope_org_name"]

RELATIVE_FILE = lexicon_path("org_relative")
SCOPE_OPEN, SCOPE_CLOSE = "〔", "〕"
_LEVELS = set("省市县区州盟旗镇乡")


def scope_org_name(name: str, doc_id: str) -> str:
    """The display name (and id key) of a relative name kept in its document.

    >>> scope_org_name("局党组", "003_x#5")
    '局党组〔003_x#5〕'
    """
    return f"{name}{SCOPE_OPEN}{doc_id}{SCOPE_CLOSE}"


def unscope_org_name(name: str) -> str:
    """The name without its document scope (names without one are returned as they are).

    >>> unscope_org_name("局党组〔003_x#5〕"), unscope_org_name("市委")
    ('局党组', '市委')
    """
    if name.endswith(SCOPE_CLOSE) and SCOPE_OPEN in name:
        return name[: name.rindex(SCOPE_OPEN)]
    return name


@dataclass
class RelativeNames:
    """The table of relative names and the rules that read them.

    ``organs`` name a body of the speaker's unit (党组, 办公室); ``selves``
    name the unit itself (局, 本局, 学校) and map to the endings a reporting
    unit's name must have for the name to stand for it.

    >>> rel = RelativeNames(organs={"党组", "办公室"}, selves={"局": ("局",), "市局": ("局",)})
    >>> rel.qualify("局党组", "市统计局"), rel.qualify("办公室", "市统计局"), rel.qualify("市局", "市统计局")
    ('市统计局党组', '市统计局办公室', '市统计局')
    >>> rel.qualify("市局党组", "县统计局") is None  # a county's report: 市局 is another unit
    True
    >>> rel.is_relative("市委"), rel.is_relative("局党组办公室")
    (False, True)
    """

    organs: set[str] = field(default_factory=set)
    selves: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        self.organs = set(self.organs)
        self.selves = {k: tuple(v) for k, v in self.selves.items()}
        self._split_cache: dict[str, tuple[str, str] | None] = {}

    @classmethod
    def from_file(cls, path: str | Path = RELATIVE_FILE) -> "RelativeNames":
        """Load the table; a bad line raises :class:`~kg.errors.LexiconError` with file:line."""
        organs: set[str] = set()
        selves: dict[str, tuple[str, ...]] = {}
        rows = read_table(path, 2, min_columns=1)  # checks the shape of every line
        for (line, _), (name, endings) in zip(iter_lines(Path(path)), rows):
            if normalize_org_name(name) != name:
                raise LexiconError(path, line, f"{name!r} is not a folded name; write "
                                               f"{normalize_org_name(name)!r} (no masks, spaces or full-width forms)")
            if name in organs or name in selves:
                raise LexiconError(path, line, f"{name!r} is listed twice; keep one line")
            if endings:
                selves[name] = tuple(endings.split())
            else:
                organs.add(name)
        return cls(organs=organs, selves=selves)

    def split_name(self, name: str) -> tuple[str, str] | None:
        """``(unit part, body part)`` of a relative name, or None for a real name.

        The body part is read from the right, longest listed body first.

        >>> RelativeNames(organs={"党组", "中心组"}, selves={"局": ("局",)}).split_name("局党组中心组")
        ('局', '党组中心组')
        """
        if name in self._split_cache:
            return self._split_cache[name]
        found = None
        if name in self.selves:
            found = (name, "")
        elif name in self.organs:
            found = ("", name)
        else:
            for i in range(1, len(name)):
                if name[i:] in self.organs:
                    head = self.split_name(name[:i])
                    if head is not None:
                        found = (head[0], head[1] + name[i:])
                        break
        self._split_cache[name] = found
        return found

    def is_relative(self, name: str) -> bool:
        """True for a name that only makes sense relative to its speaker."""
        return self.split_name(name) is not None

    def stands_for(self, unit_word: str, reporting: str) -> bool:
        """True when ``unit_word`` (局, 市局, 学校) can be the reporting unit itself.

        >>> rel = RelativeNames(selves={"县局": ("局",), "学校": ("大学", "学校")})
        >>> rel.stands_for("县局", "县税务局"), rel.stands_for("县局", "市税务局"), rel.stands_for("学校", "理工大学")
        (True, False, True)
        """
        endings = self.selves.get(unit_word, ())
        if unit_word[0] in _LEVELS and len(unit_word) > 1 and not reporting.startswith(unit_word[0]):
            return False
        return any(e == "*" or reporting.endswith(e) for e in endings)

    def qualify(self, name: str, reporting: str | None) -> str | None:
        """The name a relative ``name`` stands for in a report by ``reporting``; None if unsure.

        A body the reporting unit already is stays that unit (党组 in a
        report by 市统计局党组 is 市统计局党组). When ``reporting`` is itself
        relative so is the result (the caller keeps it in its document).

        >>> RelativeNames(organs={"党组", "理论学习中心组"}).qualify("党组理论学习中心组", "市统计局党组")
        '市统计局党组理论学习中心组'
        >>> RelativeNames(organs={"党组"}).qualify("党组", None) is None
        True
        """
        parts = self.split_name(name)
        if parts is None or not reporting:
            return None
        unit_word, body = parts
        if unit_word and not self.stands_for(unit_word, reporting):
            return None
        for k in range(len(body), 0, -1):
            if reporting.endswith(body[:k]) and self.split_name(body[:k]) == ("", body[:k]):
                return reporting + body[k:]
        return reporting + body
