"""What a unit name is made of: masks, the text's spelling and its expansions.

One definition of a *mask* for the whole package: the placeholder
characters that hide a place or a figure in a published report (``XX市``,
``**县``, ``○○镇``). ``某`` (some) hides a name too, but it is a word, not a
placeholder: it is told apart where it matters (``某县`` keeps a spelling
with it). SCHEMA §2 drops masked parts from names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import OrgRules, alternation, load_org_rules, load_word_classes

__all__ = [
    "MASK_CHARS", "INDEFINITE", "is_mask", "strip_mask", "canonical_name",
    "SCHOOLS", "ORDINAL_TAIL", "STUDY_FAMILIES", "family", "GENERIC_OWNERS", "generic_owner", "GENERIC_HEADS",
    "SELF_BODY", "OWN_HEAD", "MASKABLE", "BARE_DROP", "BRANCHES",
]

MASK_CHARS = "*＊Xx×Ｘｘ○□_＿"  # _ and ＿: the blanks of a template (__镇团委)
INDEFINITE = "某"
_MASK_RE = re.compile(rf"[{re.escape(MASK_CHARS)}\s]+")
_MASK_WORD = re.compile(rf"[{re.escape(MASK_CHARS)}{INDEFINITE}]+$")


_CLASSES = load_word_classes()
SCHOOLS = _CLASSES["school"]
ORDINAL_TAIL = re.compile(r"第[一二三四五六七八九十\d]+$")
STUDY_FAMILIES = (
    ("中心组", re.compile(r"(党组|党委)?(理论)?(学习)?中心组$")),
    ("学习小组", re.compile(r"(青年)?(理论)?学习小组$")),
)
GENERIC_OWNERS = frozenset(("", *_CLASSES["generic_owner"]))
# A unit named by its kind alone plus a body (院党组, 公司党委, 学校党支部)
# is the document's own unit speaking of itself.
GENERIC_HEADS = "|".join(map(re.escape, _CLASSES["generic_head"]))
_BODY_WORDS = alternation(b for b in _CLASSES["body"] if b != "机关党委")
SELF_BODY = re.compile(rf"^({GENERIC_HEADS})?(机关)?({_BODY_WORDS})?$")
OWN_HEAD = re.compile(rf"({GENERIC_HEADS})(?=机关|党)")
# Masked bare institutions (XX中学, XX医院) are units even though the bare word is not.
MASKABLE = frozenset(SCHOOLS + _CLASSES["maskable"])
# Names that cannot stand alone (党委, 中心, 办公室).
BARE_DROP = frozenset(_CLASSES["generic_name"])
# A branch of the unit named before it (分行, 分局): alone, the document's own branch.
BRANCHES = frozenset(_CLASSES["branch"])


@lru_cache(maxsize=65536)
def family(name: str) -> tuple[str | None, str]:
    """(study-group family, the name before it): 市外办青年理论学习小组 → ('学习小组', '市外办').

    >>> family("局党组理论学习中心组"), family("市外办")
    (('中心组', '局'), (None, '市外办'))
    """
    for fam, pattern in STUDY_FAMILIES:
        mt = pattern.search(name)
        if mt:
            return fam, name[: mt.start()]
    return None, name


def generic_owner(owner: str) -> bool:
    """Is the name before 中心组/学习小组 no unit of its own (院党组, 公司党委)?"""
    return owner in GENERIC_OWNERS or bool(SELF_BODY.match(ORDINAL_TAIL.sub("", owner)))



def is_mask(word: str) -> bool:
    """Is ``word`` only placeholders (``XX``, ``**``) or the indefinite ``某``?

    >>> is_mask("XX"), is_mask("某"), is_mask("X街道")
    (True, True, False)
    """
    return _MASK_WORD.match(word) is not None


def strip_mask(name: str) -> str:
    """Drop masked parts and spaces (SCHEMA §2: ``**市委`` → ``市委``).

    >>> strip_mask("XX市 妇联"), strip_mask("兴业银行**分行")
    ('市妇联', '兴业银行分行')
    """
    return _MASK_RE.sub("", name)


def canonical_name(name: str, rules: OrgRules | None = None) -> tuple[str, set[str]]:
    """The canonical (longer) spelling of ``name`` and the other spellings.

    >>> name, others = canonical_name("市卫健委")
    >>> name, sorted(others)
    ('市卫生健康委', ['市卫健委', '市卫生健康委员会'])
    >>> canonical_name("中科院")
    ('中国科学院', {'中科院'})
    """
    rules = rules or load_org_rules()
    canon = rules.aliases_whole.get(name, name)
    if canon == name:
        for alias, canon_end in rules.aliases_end:
            at = name.rfind(alias)
            if at >= 0 and name.find(canon_end) < 0 and not name.startswith("员会", at + len(alias)):
                # (a 委 inside 委员会 is no abbreviation: 镇委员会 is not 镇党委员会)
                canon = name[:at] + canon_end + name[at + len(alias):]
                break
    others = {name}
    for alias, whole in rules.aliases_whole.items():
        if whole == canon:
            others.add(alias)
    for alias, canon_end in rules.aliases_end:
        at = canon.rfind(canon_end)
        if at >= 0:
            others.add(canon[:at] + alias + canon[at + len(canon_end):])
    others.discard(canon)
    return canon, others
