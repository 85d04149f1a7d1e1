"""Organizations (SCHEMA §2): unit names found by suffix, scanned leftwards.

Why this shape: the reports name units the extractor has never seen
(``市自然教育办公室``, ``某县税务局``), so a list of names cannot do. A unit
name *ends* in a small closed set of suffixes (局 委 办 中心 小组 党组 …,
``org_suffixes.txt``) and *starts* at a level word (市 县 区 省), a place,
or a clause boundary. The segmenter (kg/extract/tokenize.py) tells where
words end, so ``大局``/``干部`` never look like ``局``/``部``; its dictionary
tags stop the leftward scan at prepositions, pronouns and numbers. Names
are then normalized (masks dropped, abbreviations to the canonical form),
and within a document generic mentions (``青年理论学习小组``, ``中心组``,
``党组``) are merged into the specific unit they stand for.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from .base import Context, Sentence, register
from .orgrules import ADMIN_LEVELS, MASK_CHARS, OrgRules, canonical_name, load_org_rules, strip_mask
from .tokenize import Token, Tokens, tokenize_text

__all__ = ["OrgMention", "find_org_mentions", "extract_organizations", "resolve_organizations"]

log = logging.getLogger(__name__)

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
# Tags that end the leftward scan: prepositions, conjunctions, particles,
# pronouns, numbers, measure words, adverbs, punctuation and the like.
_STOP_TAGS = frozenset("p c u uj ul uz ug uv ud r rr rz m mq q x w y e o zg".split())
# Tags a name may start with once the scan ends without a level word.
_NAME_TAGS = frozenset("n nt nz ns nr nrt j b vn an ng t s l eng".split())
_NOT_HEAD_TAGS = frozenset("v vd a ad d r m q p c u uj b".split())
_GRADE = re.compile(r"([一二三四五六七八九十两]|^[省市县区乡镇]|^国家)级")
_MAX_TOKENS = 9
_MAX_NOUNS = 5
_NOT_PLACES = frozenset("城市 都市 省市 县市 市县 超市 门市 城区 社区 地区 园区 景区 湾区 山区 片区 辖区 市区 郊区 老区 街区".split())
_BODY_START = re.compile(r"(机关)?(党组|党委|党工委|党支部|党总支|支部|纪委)|.*(中心组|学习小组)$")
_SCHOOLS = ("大学", "学院", "学校", "中学", "小学")
_GENERIC_START = re.compile(r"各|基层|乡镇|上级|下级|同级|地方|本级|所属|有关|相关|(省市|县市|市县|县区|区县)(?!场)")
_ORDINAL_TAIL = re.compile(r"第[一二三四五六七八九十\d]+$")
_OPEN_QUOTES = "“‘「『\"'"
_CLOSE_QUOTES = "”’」』\"'"
_LOOSE_START_TAGS = frozenset("v vn a ad an d".split())
_MAX_CHARS = 26
_STUDY_FAMILIES = (
    ("中心组", re.compile(r"(党组|党委)?(理论)?(学习)?中心组$")),
    ("学习小组", re.compile(r"(青年)?(理论)?学习小组$")),
)
_BRANCHES = frozenset("分院 分行 支行 分校 分中心 分局 分公司 分社".split())
_GENERIC_OWNERS = frozenset(["", "局", "委", "办", "院", "校"])
# A unit named by its kind alone plus a body (院党组, 公司党委, 学校党支部)
# is the document's own unit speaking of itself.
_GENERIC_HEADS = "局|委|办|院|校|公司|医院|学校|集团|中心|大学|学院|中学|小学|银行|分行|支行"
_SELF_BODY = re.compile(rf"^({_GENERIC_HEADS})?(机关)?(党组|党委|党工委|党总支|党支部|支部|纪委)?$")
_OWN_HEAD = re.compile(rf"({_GENERIC_HEADS})(?=机关|党)")
_BODY_END = re.compile(r"(党组|党委|党总支|党支部)$")
# 共青团XX县委员会 is the county's youth league committee: 团县委.
_LEAGUE_COMMITTEE = re.compile(r"^([省市县区镇乡])委(员会)?$")
# Masked bare institutions (XX中学, XX医院) are units even though the bare word is not.
_MASKABLE = frozenset(_SCHOOLS + ("医院", "银行", "纪念馆", "博物馆", "展览馆", "陈列馆", "图书馆", "文化馆", "科技馆", "档案馆", "美术馆"))
_BARE_DROP = frozenset(
    "党组 党委 党工委 党支部 支部 党总支 总支 机关党委 领导小组 工作小组 小组 指导组 督导组 工作组 调研组 办公室 政府 人民政府 委员会 局 委 办 院 厅 部 处 科 "
    "站 所 社 中心 分中心 分校 分行 支行 分院 工委 纪委 监委 常委会".split()
)


@dataclass
class OrgMention:
    """One mention: the name as written (``surface``), normalized and canonical."""

    name: str
    surface: str
    start: int  # offsets of the surface in the sentence
    end: int
    kind: str
    aliases: set = field(default_factory=set)
    masked: bool = False
    role: str | None = None  # a speaker role right after the name (书记, 局长)
    parent: str | None = None  # the unit it is a body of, when named with it
    inner: bool = False  # only the middle of a longer name (市委网信委 in 市委网信委办公室)


def _is_mask(word: str) -> bool:
    return bool(word) and all(c in MASK_CHARS or c == "某" for c in word)


def _level_like_head(tok: Token, rules: OrgRules) -> bool:
    """A unit word that starts at a level (市委, 市妇联, 县委): a start of a name."""
    w = tok.word
    return len(w) >= 2 and w[0] in ADMIN_LEVELS and rules.kind_of(w) is not None and w not in rules.reject


def _head_of(tok: Token, rules: OrgRules):
    """(unit name, written length, role) when the word ends a unit name, else None.

    A word may carry a speaker role (纪委书记, 组织部长): the unit is the part
    before the role, completed by the role's suffix (部长 → 部).
    """
    key = (tok.word, tok.tag)
    cache = _head_cache(rules)
    if key not in cache:
        if len(cache) > 200_000:
            cache.clear()
        cache[key] = _compute_head(tok.word, tok.tag, rules)
    return cache[key]


_HEAD_CACHE: dict = {}
_UNSEEN = object()
_LAST_CHAR = itemgetter(-1)


_CANON_CACHE: dict = {}


def _canonical(name: str, rules: OrgRules) -> tuple[str, set]:
    cache = _CANON_CACHE.setdefault(id(rules), {})
    if name not in cache:
        if len(cache) > 100_000:
            cache.clear()
        cache[name] = canonical_name(name, rules)
    canon, aliases = cache[name]
    return canon, set(aliases)


def _head_cache(rules: OrgRules) -> dict:
    return _HEAD_CACHE.setdefault(id(rules), {})


def _compute_head(w: str, tag: str, rules: OrgRules):
    if not _HAN.match(w):
        return None
    if w in rules.gazetteer:
        return w, len(w), None
    for role, suffix in rules.roles:
        if len(w) > len(role) and w.endswith(role) and not suffix.startswith("@"):
            rest = w[: len(w) - len(role)]
            unit = rest + suffix if suffix and not rest.endswith(suffix) else rest
            if rules.kind_of(unit) and unit not in rules.reject and not rules.rejects_end(unit):
                return unit, len(unit) if w.startswith(unit) else len(rest), role
    if rules.rejects_end(w) or (tag in _NOT_HEAD_TAGS and w not in rules.suffix_words):
        return None
    if (w in rules.reject and w not in rules.suffix_words) or rules.kind_of(w) is None:
        return None
    return w, len(w), None


def find_org_mentions(text: str, rules: OrgRules | None = None, tokens=None) -> list[OrgMention]:
    """Every unit name in ``text`` (a sentence), left to right.

    >>> [m.name for m in find_org_mentions("参加了由XX市林草局直属机关党委和市图书馆联合开展的活动")]
    ['市林业和草原局', '市林业和草原局直属机关党委', '市图书馆']
    >>> [(m.name, m.role) for m in find_org_mentions("县纪委书记在学习会上的研讨发言")]
    [('县纪委', '书记')]
    """
    rules = rules or load_org_rules()
    last = rules.last_chars
    if tokens is None and _may_name_unit(text, rules):
        toks = tokenize_text(text)
    elif tokens is None:
        return []
    else:
        toks = tokens
    if isinstance(toks, Tokens):
        words, tags = toks.words, toks.tags
    else:
        words, tags = [t.word for t in toks], [t.tag for t in toks]
    heads = list(compress(range(len(words)), map(last.__contains__, map(_LAST_CHAR, words))))
    if not heads:
        return []
    n_words = len(words)
    cache = _head_cache(rules)
    out: list[OrgMention] = []
    listed = None
    for i in heads:
        key = (words[i], tags[i])
        head = cache.get(key, _UNSEEN)
        if head is _UNSEEN:
            head = _head_of(toks[i], rules)
        if head is None:
            continue
        if listed is None:
            # the scans below look at many words, each more than once: build their Tokens once
            listed = toks = _token_list(toks, i, heads[-1])
        tok = toks[i]
        head_word, head_len, role = head
        nxt = words[i + 1] if i + 1 < n_words else ""
        weak = rules.suffix_of(head_word) in rules.weak
        if weak and nxt in rules.followers:
            continue
        head_end = tok.start + head_len
        if role is None and nxt in rules.role_words:
            role = nxt
        found = _scan_left(toks, i, rules, head_word)
        if found is None:
            continue
        start, masked, place, anchored = found
        name = strip_mask(text[start:tok.start] + head_word)
        if name.startswith("某") and len(name) > 2:
            name, masked = name[1:], "某"  # 某大学, 某县税务局
        if (len(name) < 2 or (name in rules.reject and not (masked and name in _MASKABLE)) or name in ADMIN_LEVELS or _GRADE.search(name)
                or _GENERIC_START.match(name) or (name[0] in "我本" and len(name) <= 3)
                or rules.rejects_end(name)):
            continue
        if start > 0 and text[start - 1] in _OPEN_QUOTES and text[head_end:head_end + 1] in _CLOSE_QUOTES:
            continue  # a quoted word is a metaphor or a brand (“加油站”), not a unit
        if weak and not (anchored or masked or place or len(name) >= 5
                         or (start == tok.start and tok.tag == "nt")):
            continue
        kind = rules.kind_of(name) or "其他"
        canon, aliases = _canonical(name, rules)
        if place:
            aliases.add(place + canon)
            aliases.add(place + name)
        if masked == "某":
            aliases.add("某" + name)
        aliases.discard(canon)
        out.append(OrgMention(canon, text[start:head_end], start, head_end, kind, aliases, bool(masked), role))
        body = _BODY_END.search(tok.word) if head_len == len(tok.word) else None
        if body and body.start() >= 2 and rules.kind_of(tok.word[:body.start()]) and len(name) > len(tok.word):
            # 国网**供电/公司党委: the segmenter glued the unit to its body; the unit is named too
            unit_name = name[: len(name) - (len(tok.word) - body.start())]
            if unit_name not in rules.reject and not _SELF_BODY.match(unit_name):
                canon_u, aliases_u = _canonical(unit_name, rules)
                aliases_u.discard(canon_u)
                out.append(OrgMention(canon_u, text[start:tok.start + body.start()], start, tok.start + body.start(),
                                      rules.kind_of(unit_name) or "其他", aliases_u, bool(masked)))
    if len(out) > 1:
        _join_league_committees(out, text)
        _link_parents(out)
    return out


def _token_list(toks, first_head: int = 0, last_head: int | None = None) -> list:
    """Tokens as a list, built only where the scans from heads ``first_head`` … ``last_head`` can look.

    A scan reads leftwards from its head, at most ``_MAX_TOKENS`` words and
    the few its checks peek at, plus a run of masks; it never reads right
    of its head. The other words stay ``None``: building a Token for every
    word of a long sentence cost more than its segmentation.
    """
    if not isinstance(toks, Tokens):
        return toks
    words, ends = toks.words, toks.ends
    n = len(words)
    hi = n if last_head is None else last_head + 1
    lo = max(0, first_head - _MAX_TOKENS - 4)
    while lo > 0 and _is_mask(words[lo - 1]):
        lo -= 1
    lo = max(0, lo - 2)
    starts = [ends[lo - 1] if lo else 0, *ends[lo:hi - 1]]
    built = list(map(Token._make, zip(words[lo:hi], toks.tags[lo:hi], starts, ends[lo:hi])))
    return [None] * lo + built + [None] * (n - hi)


def _join_league_committees(mentions: list[OrgMention], text: str) -> None:
    """共青团 + XX县委员会 → 团县委 (the formal name of a youth league committee)."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a is None or b is None:
            continue  # b was joined into the mention before a
        level = _LEAGUE_COMMITTEE.match(b.name)
        if a.name != "共青团" or not level or strip_mask(text[a.end:b.start]).strip():
            continue
        surface = text[a.start:b.end]
        short = "团" + level.group(1) + "委"
        mentions[k] = OrgMention(short, surface, a.start, b.end, "群团组织",
                                 {"共青团" + b.name, "共青团" + level.group(1) + "委员会"} - {short}, a.masked or b.masked)
        mentions[k + 1] = None
    mentions[:] = [m for m in mentions if m is not None]


_ENDINGS: dict = {}


def _may_name_unit(text: str, rules: OrgRules) -> bool:
    """Can any word of ``text`` end a unit name? (Exact, and far cheaper than segmenting.)

    A head word ends in a suffix, a gazetteer name or a speaker role, so a
    sentence holding none of those strings holds no unit: 学习 has 学 but no
    大学, 部署 has 部. One regex of the shortest such strings (a string
    holding another one adds nothing) decides it.
    """
    return _endings(rules).search(text) is not None


def _endings(rules: OrgRules) -> re.Pattern:
    pattern = _ENDINGS.get(id(rules))
    if pattern is None:
        terms = {t for t in [sx for sx, _ in rules.suffixes] + list(rules.gazetteer) + [r for r, _ in rules.roles] if t}
        minimal = [t for t in terms if not any(u != t and u in t for u in terms)]
        pattern = _ENDINGS[id(rules)] = re.compile("|".join(map(re.escape, sorted(minimal, key=len, reverse=True))))
    return pattern


def _passable(t: Token, rules: OrgRules) -> bool:
    """May the leftward scan cross this word at all (before any anchor)?"""
    w = t.word
    if not _HAN.match(w) or w in rules.boundaries:
        return False
    if t.tag in _STOP_TAGS:
        return ((t.tag == "m" and w.startswith("第")) or w in ADMIN_LEVELS or _is_masked_level(w)
                or w in rules.suffix_words)
    return True


def _scan_left(toks: list[Token], i: int, rules: OrgRules, unit: str = ""):
    """Where the name ending at token ``i`` starts: (char offset, mask, place),
    or None when no name can end there.

    Two passes. First look left for a level word (市 县 区 省 …) within a
    short window: a name that starts there may hold a verb or an adverb
    (市知识产权保护中心, 市自然教育办公室) and a 和 (市工业和信息化局).
    Else take the run of nouns right before the suffix word. ``mask`` is
    ``"*"`` or ``"某"`` when a masked part stood before the name (dropped,
    SCHEMA §2); ``place`` a place name before the level word (潼南 in
    潼南区民政局), kept only as an alias.
    """
    head = toks[i]
    known = _traits_cache(rules)
    j, anchored = i, (known.get((head.word, head.tag)) or _traits(head, rules))[3]
    if not anchored:
        j, anchored = _find_anchor(toks, i, rules)
    if not anchored:
        j = i
        while j > 0:
            t = toks[j - 1]
            if _is_mask(t.word):
                k = j - 1
                while k > 0 and _is_mask(toks[k - 1].word):
                    k -= 1
                if k > 0 and _mask_inside(toks, k, j, rules):
                    j = k  # a mask inside a name: 兴业银行**分行, 国网**供电公司
                    continue
                break
            if t.word == "中" and j < i and len(toks[j].word) == 1 and toks[j].tag in ("j", "ns"):
                j -= 1  # 中俄, 中韩: a pair of countries
                break
            ordinal = t.tag == "m" and t.word.startswith("第")
            passable, name_word, _, starts_name = known.get((t.word, t.tag)) or _traits(t, rules)
            if not passable or not (name_word or ordinal) or j - 1 < i - _MAX_NOUNS:
                break
            j -= 1
            if starts_name:
                break
        while j < i and toks[j].tag in _LOOSE_START_TAGS:
            j += 1  # a name does not start with a verb or an adjective (优化地方政府)
        if len(unit or head.word) == 1 and (len(head.word) == 1 or j == i):
            return None
    first = toks[j]
    start = first.start
    masked, place = "", ""
    if _is_masked_level(first.word):
        masked, start = "某", start + 1
    elif first.word in ("全市", "全县", "全区", "全省"):
        place, start = "全", start + 1
    elif anchored and first.tag == "ns" and len(first.word) > 1 and first.word[-1] in ADMIN_LEVELS:
        place, start = first.word[:-1], first.end - 1
    elif j > 0:
        prev = toks[j - 1]
        if _is_mask(prev.word):
            masked = "某" if prev.word.endswith("某") else "*"
        elif anchored and prev.tag == "ns" and _HAN.match(prev.word) and first.word in ADMIN_LEVELS:
            place = prev.word
    return start, masked, place, anchored


def _find_anchor(toks: list[Token], i: int, rules: OrgRules):
    """(index, True) of a level word starting the name ending at ``i``, else (i, False)."""
    j, n_chars, n_loose = i, len(toks[i].word), 0
    singles = len(toks[i].word) == 1  # 市/食/药/安/办: an abbreviation cut into characters
    known = _traits_cache(rules)
    while j > 0:
        t = toks[j - 1]
        w = t.word
        if w == "和" and j - 2 >= 0 and toks[j - 2].tag in _NAME_TAGS and n_loose == 0:
            if any(_is_bare_level(toks[k]) or _level_like_head(toks[k], rules) for k in range(max(0, j - 4), j - 1)):
                j -= 1  # 市工业和信息化局
                continue
        passable, name_word, bare, starts_name = known.get((w, t.tag)) or _traits(t, rules)
        if not passable or j - 1 < i - _MAX_TOKENS or n_chars + len(w) > _MAX_CHARS:
            break
        if n_loose and not bare and _head_of(t, rules) and not _is_name_word(toks[j], rules) \
                and toks[j].tag != "m":
            break  # 区公安局 | 计划组织 | 中心组: the unit before the verb is its subject
        j -= 1
        n_chars += len(w)
        if not name_word and not (t.tag == "m" and w.startswith("第")) and not bare:
            n_loose += 1
        if bare:
            return (j, True) if n_loose <= 1 or (singles and i - j <= 5) else (i, False)
        singles = singles and len(w) == 1
        if starts_name:
            return (j, True) if n_loose == 0 or (n_loose == 1 and i - j <= 3) else (i, False)
    return i, False


_TRAITS: dict = {}


def _traits_cache(rules: OrgRules) -> dict:
    return _TRAITS.setdefault(id(rules), {})


def _traits(t: Token, rules: OrgRules) -> tuple[bool, bool, bool, bool]:
    """What the anchor scan asks of a word, computed once per (word, tag):
    (passable, name word, bare level, level-like head or complete name)."""
    cache = _traits_cache(rules)
    if len(cache) > 200_000:
        cache.clear()
    got = cache[(t.word, t.tag)] = (_passable(t, rules), _is_name_word(t, rules), _is_bare_level(t),
                                    _level_like_head(t, rules) or t.word in rules.complete)
    return got


def _is_bare_level(t: Token) -> bool:
    w = t.word
    return (w in ADMIN_LEVELS or _is_masked_level(w) or w in ("街道", "全市", "全县", "全区", "全省")
            or (t.tag == "ns" and len(w) >= 2 and w[-1] in ADMIN_LEVELS and w not in _NOT_PLACES))


def _mask_inside(toks, k: int, j: int, rules: OrgRules) -> bool:
    """Is the mask run toks[k:j] inside one name (兴业银行**分行), not before one (**市委)?"""
    left, right = toks[k - 1], toks[j] if j < len(toks) else None
    if right is None or _is_bare_level(right) or _level_like_head(right, rules):
        return False
    if _head_of(left, rules) and not _level_like_head(left, rules):
        return True
    return left.tag in ("n", "nz", "j", "nt") and len(left.word) <= 3 and left.word not in rules.boundaries


def _is_name_word(t: Token, rules: OrgRules) -> bool:
    """A word that can stand inside a name: a noun, or a unit word whatever its tag (分行, 委)."""
    return t.tag in _NAME_TAGS or t.word in rules.suffix_words


def _is_masked_level(word: str) -> bool:
    return len(word) == 2 and word[0] == "某" and word[1] in ADMIN_LEVELS


def _link_parents(mentions: list[OrgMention]) -> None:
    """A name that starts with another unit's name found in the same place is its body.

    A branch (分院, 分行, 分校 …) is not a body: the unit it branches from
    becomes one of its spellings (中日友好医院分院 ≡ 中日友好医院).
    """
    dropped = set()
    for m in mentions:
        for other in mentions:
            if other is m or other.start != m.start or other.end >= m.end:
                continue
            if (m.name[len(other.name):] in _BRANCHES and m.name.startswith(other.name)
                    and other.kind in ("事业单位", "企业")):
                m.aliases |= {other.name} | other.aliases
                dropped.add(id(other))
            elif m.parent is None or len(other.name) > len(m.parent):
                m.parent = other.name
    mentions[:] = [m for m in mentions if id(m) not in dropped]
    for m in mentions:
        for p in mentions:
            if p is m or p.start != m.start or p.end >= m.end or p.parent is None:
                continue
            if not _BODY_START.match(m.surface[p.end - p.start:]):
                p.inner = True


def _family(name: str):
    for fam, pattern in _STUDY_FAMILIES:
        mt = pattern.search(name)
        if mt:
            return fam, name[: mt.start()]
    return None, name


def resolve_organizations(mentions: list[tuple[OrgMention, Sentence]], rules: OrgRules | None = None) -> list[dict]:
    """Merge the mentions of one document into one item per distinct unit.

    Generic names (``青年理论学习小组``, ``中心组``, ``党组``) join the one
    specific unit they stand for; alone and unmatched they are dropped when
    they cannot name anything by themselves (``党委``, ``中心``).
    """
    rules = rules or load_org_rules()
    groups: dict[str, dict] = {}
    order: list[str] = []
    for m, sent in mentions:
        g = groups.get(m.name)
        if g is None:
            g = groups[m.name] = {"name": m.name, "aliases": set(), "kind": m.kind, "sentence": sent,
                                  "start": sent.start, "end": sent.end, "mentions": 0, "parent": m.parent,
                                  "standalone": 0, "masked": False}
            order.append(m.name)
        g["aliases"] |= m.aliases
        g["mentions"] += 1
        g["standalone"] += not m.inner
        g["masked"] = g["masked"] or m.masked
        if m.parent and not g["parent"]:
            g["parent"] = m.parent
    # 学校 in a school's own report is that school (学校党委 ≡ 理工大学党委)
    schools = [o for o in order if o in groups and o.endswith(_SCHOOLS) and not o.startswith("学校") and len(o) >= 2]
    if len(schools) > 1:
        schools = [o for o in schools if any(x != o and x.startswith(o) for x in order if x in groups)]
    if len(schools) == 1:
        for name in list(order):
            if name in groups and name.startswith("学校") and name != schools[0]:
                _rename(groups, order, name, schools[0] + name[2:])
    # study bodies: every spelling of one unit's 中心组 / 学习小组 becomes one;
    # a bare one (青年理论学习小组) is the document's own unit's group
    units = [o for o in order if o in groups and _family(o)[0] is None and o not in _BARE_DROP and not _is_superior(o)
             and not _SELF_BODY.match(o)]
    top = max(units, key=lambda o: groups[o]["mentions"]) if units else ""
    for fam, _ in _STUDY_FAMILIES:
        members = [o for o in order if o in groups and _family(o)[0] == fam]
        specific = [o for o in members if not _generic_owner(_family(o)[1])]
        bare = [o for o in members if o not in specific]
        own = [o for o in specific if top and _same_unit(_family(o)[1], top)]
        if len(specific) == 1 and (not top or groups[specific[0]]["mentions"] >= sum(groups[o]["mentions"] for o in bare)):
            own = specific
        if own:
            target = max(own, key=lambda o: (groups[o]["mentions"], len(o)))
        elif bare:
            target = max(bare, key=lambda o: (len(_family(o)[1]), len(o), groups[o]["mentions"]))
        else:
            continue
        for o in bare:
            if o != target:
                _merge(groups, o, target)
        # still bare: name it after the document's own unit, so that the
        # graph does not join every report's 青年理论学习小组 into one node
        for o in [o for o in members if o in groups and _generic_owner(_family(o)[1])]:
            if top and top in groups:
                new = _own_name(top, o)
                _rename(groups, order, o, new)
                owners = [g for g in groups if g != new and new.startswith(g)]
                groups[new]["parent"] = max(owners, key=len) if owners else top
    # 市局, 县局: the one unit of that level ending so (市市场监督管理局)
    for name in list(order):
        if name in groups and len(name) == 2 and name[0] in ADMIN_LEVELS and name[1] in "局办厅院处所":
            targets = [o for o in order if o in groups and o != name and o[0] == name[0] and o[-1] == name[1]]
            if len(targets) == 1:
                _merge(groups, name, targets[0])
    # generic names without their unit (党组, 局党组) join the one unit that has them
    for name in list(order):
        if name not in groups:
            continue
        targets = [o for o in order if o != name and o in groups and o.endswith(name) and len(o) > len(name)]
        if _family(name)[0] is not None:
            continue
        if targets and name[0] not in ADMIN_LEVELS and all(o[0] in ADMIN_LEVELS for o in targets) \
                and len({o[0] for o in targets}) == 1 and len(targets) <= 2:
            _merge(groups, name, max(targets, key=lambda o: (groups[o]["mentions"], -len(o))))
            continue
        if targets and ((len(name) <= 4 and (name in _BARE_DROP or name[0] in "局委办院厅部处"))
                        or (len(name) <= 7 and _SELF_BODY.match(name))):
            if len({_family(o)[1] for o in targets}) == 1 or len(targets) == 1:
                _merge(groups, name, max(targets, key=lambda o: (groups[o]["mentions"], len(o))))
    out = []
    for name in order:
        g = groups.get(name)
        if (g is None or name in _BARE_DROP or not g["standalone"]
                or (name in rules.reject and not (g["masked"] and name in _MASKABLE))):
            continue
        s = g["sentence"]
        out.append({
            "name": name,
            "aliases": sorted(a for a in g["aliases"] if a != name),
            "kind": g["kind"],
            "parent": g["parent"] if g["parent"] in groups and g["parent"] != name else None,
            "evidence": s.text,
            "start": s.start,
            "end": s.end,
            "mentions": g["mentions"],
        })
    return out


def _generic_owner(owner: str) -> bool:
    """Is the name before 中心组/学习小组 no unit of its own (院党组, 公司党委)?"""
    return owner in _GENERIC_OWNERS or bool(_SELF_BODY.match(_ORDINAL_TAIL.sub("", owner)))


def _is_superior(name: str) -> bool:
    return name in ("党中央", "国务院", "中共中央", "省委", "市委") or name.startswith(("中央", "中共中央"))


def _same_unit(owner: str, unit: str) -> bool:
    """Is ``owner`` (the name before 中心组/学习小组) the unit ``unit`` or its 党组/党委?"""
    owner = _ORDINAL_TAIL.sub("", owner)
    for tail in ("党组", "党委", "机关"):
        if owner.endswith(tail) and len(owner) > len(tail):
            owner = owner[: -len(tail)]
    return bool(owner) and (owner == unit or unit.endswith(owner) or owner.endswith(unit))


def _own_name(unit: str, bare: str) -> str:
    """局党组 + 党组理论学习中心组 → 局党组理论学习中心组; 市外办 + 青年理论学习小组 → 市外办青年理论学习小组."""
    if bare.startswith(unit):
        return bare
    head = _OWN_HEAD.match(bare)
    if head and head.end() < len(bare):
        bare = bare[head.end():]  # 公司党委理论学习中心组 → 党委理论学习中心组
    elif bare[0] in "局委办院校":
        bare = bare[1:]
    for body in ("党组", "党委"):
        if unit.endswith(body) and bare.startswith(body):
            return unit + bare[len(body):]
    return unit + bare


def _rename(groups: dict, order: list, old: str, new: str) -> None:
    if new == old:
        return
    if new in groups:
        _merge(groups, old, new)
        return
    g = groups.pop(old)
    g["aliases"].add(old)
    g["name"] = new
    groups[new] = g
    order[order.index(old)] = new


def _merge(groups: dict, source: str, target: str) -> None:
    src, dst = groups.pop(source), groups[target]
    dst["aliases"] |= src["aliases"] | {source}
    dst["mentions"] += src["mentions"]
    dst["standalone"] += src["standalone"]
    if src["sentence"].start < dst["sentence"].start:
        dst["sentence"] = src["sentence"]


def mentions_in_context(ctx: Context, rules: OrgRules | None = None) -> list[tuple[OrgMention, Sentence]]:
    """Organization mentions of every sentence of the document (cached on ctx)."""
    cached = ctx.found.get("_org_mentions")
    if cached is not None:
        return cached
    rules = rules or load_org_rules()
    found = []
    for sent in _sentences_naming_units(ctx, rules):
        for m in find_org_mentions(sent.norm, rules, tokens=tokenize_text(sent.norm)):
            found.append((m, sent))
    ctx.found["_org_mentions"] = found
    return found


def _sentences_naming_units(ctx: Context, rules: OrgRules) -> list[Sentence]:
    """The sentences :func:`_may_name_unit` lets through, found by one scan of the document.

    The ending words hold no sentence break, so a match in the document lies
    inside one sentence and each sentence's first match is its own.
    """
    sents = ctx.sentences
    if not sents:
        return []
    norm = ctx.doc.text if ctx.doc.norm is None else ctx.doc.norm
    starts = [s.start for s in sents]
    search = _endings(rules).search
    keep = []
    m = search(norm, sents[0].start)
    while m is not None:
        sent = sents[bisect.bisect_right(starts, m.start()) - 1]
        if m.end() <= sent.end:
            keep.append(sent)
            m = search(norm, sent.end)  # the rest of this sentence cannot add to the answer
        else:
            m = search(norm, m.start() + 1)
    return keep


@register("organizations")
def extract_organizations(ctx: Context) -> list[dict]:
    """One item per distinct unit named in the document, first mention as evidence.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="市卫健委召开会议。市卫生健康委青年理论学习小组开展学习。")
    >>> [(o["name"], o["mentions"]) for o in extract_organizations(Context.from_document(doc))]
    [('市卫生健康委', 2), ('市卫生健康委青年理论学习小组', 1)]
    """
    return resolve_organizations(mentions_in_context(ctx))
