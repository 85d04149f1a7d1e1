"""Unit names in a sentence (SCHEMA §2): found by their last word, scanned leftwards.

Why this shape: the reports name units the extractor has never seen
(``市自然教育办公室``, ``某县税务局``), so a list of names cannot do. A unit
name *ends* in a small closed set of suffixes (局 委 办 中心 小组 党组 …,
``org_suffixes.txt``) and *starts* at a level word (市 县 区 省), a place,
or a clause boundary. The segmenter (kg/extract/tokenize.py) tells where
words end, so ``大局``/``干部`` never look like ``局``/``部``; its dictionary
tags stop the leftward scan at prepositions, pronouns and numbers.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import itemgetter

from ..base import first_chars
from ..matcher import Matcher
from ..tokenize import Token, Tokens, make_token, tokenize_text
from .clauses import clause_prefix
from .names import BARE_DROP, MASK_CHARS, MASKABLE, SELF_BODY, canonical_name, is_mask, strip_mask
from .rules import ADMIN_LEVELS, PLACE_UNIT_ENDS, ZONES, OrgRules, alternation, load_org_rules, load_word_classes

__all__ = ["OrgMention", "find_org_mentions", "find_self_names", "self_reference_pattern", "may_name_unit",
           "endings_pattern", "endings_matcher", "PLACE_UNIT_PATTERN", "PLACE_UNIT_FIRST"]

log = logging.getLogger(__name__)

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
# Tags that end the leftward scan: prepositions, conjunctions, particles,
# pronouns, numbers, measure words, adverbs, punctuation and the like.
_CLASSES = load_word_classes()
_PLACES = load_org_rules().places
_STOP_TAGS = frozenset(_CLASSES["stop_tag"])
# Tags a name may start with once the scan ends without a level word.
_NAME_TAGS = frozenset(_CLASSES["name_tag"])
_NOT_HEAD_TAGS = frozenset(_CLASSES["not_head_tag"])
_GRADE = re.compile(r"([一二三四五六七八九十两]|^[省市县区乡镇]|^国家)级")
_MAX_TOKENS = 9
_MAX_NOUNS = 5
_NOT_PLACES = frozenset(_CLASSES["not_place"])
_NOT_LEVEL_STARTS = tuple(_CLASSES["not_level_start"])  # 市场监管所: 市 of 市场 is no level
_BODY_START = re.compile(r"(直属)?(机关)?(第?[一二三四五六七八九十\d]+)?(党组|党委|党工委|党支部|党总支|支部|纪委|委员会)|.*(中心组|学习小组)$")
_RULES_NAMED_AFTER = tuple(_CLASSES["rule_after"])
_COUNTED_BEFORE = re.compile(r"(?<!第)(?:[0-9０-９]+|[一二三四五六七八九十两几多百]+|[XＸ*＊]{1,3})个$")
_GENERIC_BEFORE = re.compile("(?:" + alternation(_CLASSES["generic_start"]) + ")$")
_GENERIC_START = re.compile("|".join(map(re.escape, _CLASSES["generic_start"])) + r"|(省市|县市|市县|县区|区县)(?!场)")
# 志愿服务型党支部, 学习型机关: a kind of body described, not a body named.
_DESCRIBED = re.compile(r"型(?:党支部|党组织|党委|支部|机关|组织)$")
# 十四届全国人大: the session of a congress is a meeting (SCHEMA §2), not the congress acting.
_SESSION_BEFORE = re.compile(r"[一二三四五六七八九十\d]+届$")
# 中共中央总书记、国家主席、中央军委主席习近平: the unit is part of a national leader's title.
_TITLE_OF_A_LEADER = re.compile("(?:" + "|".join(map(re.escape, _CLASSES["leader_title"])) + r")[、，,]?[^，。；]{0,24}?习近平")
_OPEN_QUOTES = "“‘「『\"'"
_CLOSE_QUOTES = "”’」』\"'"
_LOOSE_START_TAGS = frozenset(_CLASSES["loose_start_tag"])
_MAX_CHARS = 26
_BRANCHES = frozenset(_CLASSES["branch"])
_BODY_END = re.compile(r"(党组|党委|党总支|党支部)$")
# 共青团XX县委员会 is the county's youth league committee: 团县委.
_LEAGUE_COMMITTEE = re.compile(r"^([省市县区镇乡])委(员会)?$")
_LEAGUE_PLACE = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=共青))团([\u4e00-\u9fff]{2,4})$")


@dataclass
class OrgMention:
    """One mention of a unit.

    ``name`` is the name as the text spells it (masks dropped, a place
    prefix kept: 潞州区总工会); ``canonical`` is the form that groups the
    spellings of one unit in a document: abbreviations expanded, place
    prefix dropped (区总工会, 市卫生健康委). ``surface`` is the written span.
    """

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
    canonical: str = ""
    place: str = ""  # the place prefix the text gives (潞州 in 潞州区总工会)
    collective: bool = False  # 全省党校, 全市公安机关: all the units of a kind in a place
    joined: bool = False  # a unit and its part read as one name (石岬边检站执勤二队党支部): the unit stays a name

    def __post_init__(self):
        if not self.canonical:
            self.canonical = self.name


def _level_like_head(tok: Token, rules: OrgRules) -> bool:
    """A unit word that starts at a level (市委, 市妇联, 县委): a start of a name."""
    w = tok.word
    return (len(w) >= 2 and w[0] in ADMIN_LEVELS and rules.kind_of(w) is not None and w not in rules.reject
            and not w.startswith(_NOT_LEVEL_STARTS))


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
            if rest in _ROLE_MODIFIERS:
                return None  # 副部长 is a role of the unit before it, not a unit 副部
            unit = rest + suffix if suffix and not rest.endswith(suffix) and not (
                len(rest) >= 2 and rules.kind_of(rest)) else rest  # 中学/校长: the school, not 中学校
            if rules.kind_of(unit) and (unit not in rules.reject or unit in rules.suffix_words) \
                    and not rules.rejects_end(unit):
                return unit, len(unit) if w.startswith(unit) else len(rest), role
    if rules.rejects_end(w) or (tag in _NOT_HEAD_TAGS and w not in rules.suffix_words):
        return None
    if (w in rules.reject and w not in rules.suffix_words) or rules.kind_of(w) is None:
        return None
    return w, len(w), None


def find_org_mentions(text: str, rules: OrgRules | None = None, tokens=None) -> list[OrgMention]:
    """Every unit name in ``text`` (a sentence), left to right.

    The steps: find the words that can end a name (:func:`_head_of`), scan
    left from each to where the name starts (:func:`_scan_left`), keep the
    names that are units (:func:`_is_unit_name`) with their spellings
    (:func:`_mention`), add the towns and villages that act
    (:func:`_place_units`), then join the names that hold one another
    (committees, brackets, stationed teams, bodies and their units).

    >>> [m.name for m in find_org_mentions("参加了由XX市林草局直属机关党委和市图书馆联合开展的活动")]
    ['市林草局', '市林草局直属机关党委', '市图书馆']
    >>> [(m.name, m.role) for m in find_org_mentions("县纪委书记在学习会上的研讨发言")]
    [('县纪委', '书记')]
    """
    rules = rules or load_org_rules()
    if tokens is None and may_name_unit(text, rules):
        toks = tokenize_text(text)
    elif tokens is None:
        return []
    else:
        toks = tokens
    source = toks
    words, tags = _words_and_tags(toks)
    heads = list(compress(range(len(words)), map(rules.last_chars.__contains__, map(_LAST_CHAR, words))))
    places = _place_units(toks, text, rules) if rules.places else []
    if not heads and not places:
        return []
    cache = _head_cache(rules)
    out: list[OrgMention] = []
    listed = None
    for i in heads:
        head = cache.get((words[i], tags[i]), _UNSEEN)
        if head is _UNSEEN:
            head = _head_of(toks[i], rules)
        if head is None:
            continue
        if listed is None:
            # the scans below look at many words, each more than once: build their Tokens once
            listed = toks = _token_list(toks, i, heads[-1])
        nxt = (words[i + 1], tags[i + 1]) if i + 1 < len(words) else ("", "")
        out.extend(_mentions_at(toks, i, head, nxt, text, rules, out))
    if places:
        out.extend(p for p in places if not any(m.start <= p.start < m.end or p.start <= m.start < p.end for m in out))
        out.sort(key=lambda m: (m.start, m.end))
    if "两委" in text:
        out.extend(_two_committees(source, text, rules))
        out.sort(key=lambda m: (m.start, m.end))
    if out:
        _name_party_committees(out, text)
        _name_league_committees_of_units(out)
        _join_league_committees(out, text)
    if out:
        _join_stationed_and_bracketed(out, text, rules)
        _number_names(out, text, rules)
        if len(out) > 1:
            _join_subunits(out, text, source, rules)
        _widen_to_opening(out, text, source, rules)
        if _LIST_MARK.search(text):
            _list_siblings(out, text, source, rules)
        _link_parents(out)
    return out


_LIST_JOINERS = "、和及与"
_LIST_MARK = re.compile(f"[{_LIST_JOINERS}]")
_SIBLING_TAGS = frozenset(("n", "nz", "vn", "j", "nt", "ng", "an", "b", "nrt", "ns", "l"))
_SIBLING_WORDS = 4
_SIBLING_CHARS = 8


def _list_siblings(mentions: list[OrgMention], text: str, toks, rules: OrgRules) -> None:
    """A name listed right after a unit and ending like it is a unit too (医务科、药剂科;
    人力资源部、内控合规部): the segmenter does not know the second office's words,
    the list says what it is. It is a few nouns, starts and ends at word
    boundaries, and ends in the first name's kind (its unit suffix)."""
    listed = [m for m in mentions if m.end < len(text) and text[m.end] in _LIST_JOINERS and not m.collective]
    if not listed:
        return
    words, tags = _words_and_tags(toks)
    ends = toks.ends if isinstance(toks, Tokens) else list(accumulate(map(len, words)))
    taken = [(m.start, m.end) for m in mentions]
    for m in listed:
        suffix = rules.suffix_of(m.name)
        if not suffix or len(m.name) - len(suffix) < 2:
            continue
        k = bisect.bisect_right(ends, m.end + 1)
        if k == 0 or ends[k - 1] != m.end + 1 or k >= len(words):
            continue  # the next name does not start on a word boundary
        last = None
        for j in range(k, min(k + _SIBLING_WORDS, len(words))):
            if tags[j] not in _SIBLING_TAGS or words[j] in rules.boundaries or not _HAN.match(words[j]):
                break
            if ends[j] - (m.end + 1) > _SIBLING_CHARS:
                break
            if words[j].endswith(suffix[-1]) and (j > k or len(words[j]) > len(suffix)):
                last = j
        if last is None:
            continue
        start, end = m.end + 1, ends[last]
        name = text[start:end]
        if name.endswith(suffix) and rules.suffix_of(name) and not any(a < end and start < b for a, b in taken) \
                and _is_unit_name(name, text, start, end, False, False, rules):
            mentions.append(_mention(name, text, start, end, "", "", start, None, rules))
            taken.append((start, end))
            mentions.sort(key=lambda m: (m.start, m.end))


_PARTY_BEFORE = re.compile(r"(?:中共|中国共产党)(?:[*＊Xx×某]{1,4})?$")
# The formal names of party bodies, as signature blocks write them: 中共X支部委员会 is X党支部.
_FORMAL_BODIES = (("总支部委员会", "党总支"), ("支部委员会", "党支部"), ("委员会", "党委"))


def _name_party_committees(mentions: list[OrgMention], text: str) -> None:
    """中共某集团有限公司委员会 is that company's 党委, 中共某县委员会 the 县委: the formal name keeps
    its spelling, the everyday one becomes its canonical form (which joins the other mentions)."""
    for m in mentions:
        party = _PARTY_BEFORE.search(text, max(0, m.start - 6), m.start) if m.name.endswith("委员会") else None
        if party is None:
            continue
        own_start = m.start
        if not m.name.startswith(("中共", "中国共产党")):  # the formal name is the party's: 中共某厂委员会
            prefix = "中国共产党" if party.group().startswith("中国共产党") else "中共"
            for o in mentions:  # 中共某县委机构编制委员会办公室: the committee's office is named formally too
                if o is not m and o.start == own_start and o.end > m.end and o.name.startswith(m.name):
                    o.aliases = o.aliases | {o.name}
                    o.name, o.start, o.surface = prefix + o.name, party.start(), text[party.start():o.end]
            _mark_words_of(m, mentions, own_start)  # 县委 of 中共某县委机构编制委员会: its owner, a word of the name
            m.aliases = m.aliases | {m.name}
            m.name = prefix + m.name
            m.start, m.surface = party.start(), text[party.start():m.end]
        base = m.canonical if m.canonical.endswith("委员会") else m.name  # the place dropped, as the others'
        for formal, body in _FORMAL_BODIES:
            unit = base[: -len(formal)]
            if unit.endswith("工作"):
                break  # 中共某县直属机关工作委员会: a 工委, named so every day
            if base.endswith(formal) and unit:
                if unit[-1] in ADMIN_LEVELS and unit[-1] not in "镇乡村" and len(unit) <= 4 and body == "党委":
                    body = "委"  # 中共某县委员会: 县委 (but 中共某镇委员会: 镇党委)
                if unit.endswith("党"):
                    break  # 党支部委员会: the branch's committee, named so already
                everyday = unit + body
                m.aliases = (m.aliases | {m.name, m.canonical}) - {everyday}
                m.canonical = everyday
                m.kind = "党委/党组织"
                for inside in mentions:  # 图书馆支部 inside 图书馆支部委员会: a word of the name, no unit
                    if inside is not m and inside.start == own_start and inside.end < m.end \
                            and inside.name.endswith(("支部", "总支")):
                        inside.inner = True
                break


def _name_league_committees_of_units(mentions: list[OrgMention]) -> None:
    """共青团某机场集团有限公司委员会 is that company's 团委: the formal name keeps its spelling, the
    everyday one becomes its canonical form, and the words inside it (共青团, the company
    read with 共青团 before it) are no units of their own. A level's committee (共青团某县委员会,
    团县委) is org_committees.txt's."""
    for m in mentions:
        unit = m.name[len(_LEAGUE):-len("委员会")] if m.name.startswith(_LEAGUE) and m.name.endswith("委员会") else ""
        if len(unit) < 2 or unit[-1] in ADMIN_LEVELS or unit.endswith(("党", "团")):
            continue
        everyday = unit + "团委"
        m.aliases = (m.aliases | {everyday, unit + "委员会"}) - {m.name}
        m.canonical, m.kind = everyday, "群团组织"
        _mark_words_of(m, mentions, m.start)


_LEAGUE = "共青团"


def _mark_words_of(m: OrgMention, mentions: list[OrgMention], start: int) -> None:
    """The shorter mentions that start where ``m``'s own words start are words of its name, no units."""
    for inside in mentions:
        if inside is not m and inside.start == start and inside.end < m.end:
            inside.inner = True


def _mentions_at(toks, i: int, head, nxt_word_tag: tuple[str, str], text: str, rules: OrgRules,
                 found: list[OrgMention]):
    """The mention ending at token ``i`` (and its unit when the segmenter glued a body to it);
    ``nxt_word_tag`` is the word after it and its tag."""
    tok = toks[i]
    nxt = nxt_word_tag[0]
    head_word, head_len, role = head
    weak = rules.suffix_of(head_word) in rules.weak
    if weak and nxt in rules.followers:
        return []
    head_end = tok.start + head_len
    if role is None and nxt in rules.role_words:
        role = nxt
    scanned = _scan_left(toks, i, rules, head_word, nxt_word_tag)
    if scanned is None:
        return []
    start, masked, place, place_start, anchored = scanned
    inside = next((p for p in reversed(found) if p.start < start < p.end and not place), None)
    if inside is not None and _BODY_START.match(text, start + (inside.end - start), tok.start + head_len):
        start = place_start = inside.start  # 市/住/建/局 + 直属机关委员会: the body of the unit just named
        masked, place, anchored = inside.masked, inside.place and tuple([inside.place]), True
        if place:
            start = inside.start + len(inside.place)
    elif inside is not None and head_word in _BRANCHES:
        start = place_start = inside.start  # 中国石化销售股份有限公司/江西九江石油分公司: the branch of the firm named
        masked, anchored = inside.masked, True
    name = _MASKED_LEVEL_INSIDE.sub("", strip_mask(text[start:tok.start] + head_word))
    if name.startswith("某") and len(name) > 2:
        name, masked = name[1:], "某"  # 某大学, 某县税务局
    joined = _second_of_pair(name, rules)
    if joined:
        name = name[joined:]  # 纪委监委和平煤神马集团: the segmenter read 和平
        start = text.find(name, start)
    if name[0] in "系为" and _AUTHOR_BEFORE.search(text, max(0, start - 4), start):
        name, start = name[1:], start + 1  # （发言人系某库党支部书记）: 系 says what the writer is
    own = self_reference_pattern(rules)[0].match(name) if name[0] in "我本该" and not place else None
    if own is not None and len(name) - own.end() >= 3 and rules.kind_of(name[own.end():]):
        name = name[own.end():]  # 我院/第二生产所党支部: the unit's part, its unit speaking of itself
        start += own.end()
    written = "".join(place) + name if isinstance(place, tuple) else name
    if not _is_unit_name(name, text, start, head_end, bool(masked), bool(place), rules) \
            or (written != name and _GENERIC_START.match(written)):
        return []
    if weak and not (anchored or masked or place or len(name) >= 5 or (start == tok.start and tok.tag == "nt")
                     or _starts_at_a_place(toks, i, start)):
        return []
    out = [_mention(name, text, start, head_end, masked, place, place_start, role, rules)]
    body = _BODY_END.search(tok.word) if head_len == len(tok.word) else None
    if body and body.start() >= 2 and rules.kind_of(tok.word[:body.start()]) and len(name) > len(tok.word):
        # 国网**供电/公司党委: the segmenter glued the unit to its body; the unit is named too
        unit_name = name[: len(name) - (len(tok.word) - body.start())]
        if unit_name not in rules.reject and not SELF_BODY.match(unit_name):
            canon_u, aliases_u = _canonical(unit_name, rules)
            aliases_u.add(canon_u)
            aliases_u.discard(unit_name)
            out.append(OrgMention(unit_name, text[start:tok.start + body.start()], start, tok.start + body.start(),
                                  rules.kind_of(unit_name) or "其他", aliases_u, bool(masked), canonical=canon_u))
    return out


_SELF_REF_PATTERNS: dict = {}
# 我所在的第三组, 我所做的: 所 before a verb is the particle, not 我所 (our institute, our office)
_PARTICLE_SUO = "(?![在说做知见想能有写讲学经理认感闻述谓属])"


def self_reference_pattern(rules: OrgRules) -> tuple[re.Pattern, dict]:
    """The self-references of self_references.txt (我院, 本局, 该所) as one pattern, longest first,
    and each one's suffix (我院 → 院): read where a unit names itself and before a part of it."""
    got = _SELF_REF_PATTERNS.get(id(rules))
    if got is None:
        table = {phrase: suffix for phrase, suffix in rules.self_refs if suffix}
        words = sorted(table, key=len, reverse=True)
        alternatives = [re.escape(w) + (_PARTICLE_SUO if w.endswith("所") else "") for w in words]
        got = _SELF_REF_PATTERNS[id(rules)] = (re.compile("|".join(alternatives)), table)
    return got


_ROAD_AFTER = re.compile(r"(?:路|街|大街|大道|巷|胡同)(?:社区|小区|街道|\d|[一二三四五六七八九十]+号|口|上|边|旁|$|[，,。、])")


def _starts_at_a_place(toks, i: int, start: int) -> bool:
    """Does the name ending at token ``i`` start with a place the dictionary knows (城南/小学)?"""
    for k in range(i - 1, max(-1, i - _MAX_TOKENS), -1):
        t = toks[k]
        if t is None or t.start < start:
            return False
        if t.start == start:
            return _is_place(t) and len(t.word) >= 2
    return False


def _is_unit_name(name: str, text: str, start: int, head_end: int, masked: bool, place: bool,
                  rules: OrgRules) -> bool:
    """Is ``name``, found at ``text[start:head_end]``, a unit and not a word, a session or a title?"""
    if (len(name) < 2 or (name in rules.reject and not (masked and name in MASKABLE)) or name in ADMIN_LEVELS
            or _GRADE.search(name) or _GENERIC_START.match(name) or (name[0] in "我本" and len(name) <= 3)
            or rules.rejects_end(name) or _DESCRIBED.search(name) or (name[0] == "副" and len(name) <= 3)
            or name.startswith(_KIND_OF_VILLAGE)):
        return False
    if text.startswith(_RULES_NAMED_AFTER, head_end):
        return False  # 中央八项规定: the name of a rule, not its author acting
    if _GENERIC_BEFORE.search(text, max(0, start - 2), start):
        return False  # 乡镇街道纪委: every unit of a kind, read from its second word
    if _COUNTED_BEFORE.search(text, max(0, start - 5), start):
        return False  # 分成3个服务小组, 12个村党支部: units counted, none named
    if _SESSION_BEFORE.search(text, max(0, start - _LOOK_BACK), start) or _TITLE_OF_A_LEADER.match(text, head_end):
        return False  # 十四届全国人大三次会议: a session; 中央军委主席习近平: a leader's title
    if name[0] in ADMIN_LEVELS and start > 0 and text[start - 1] in "省市县区州" and not (masked or place):
        return False  # 省市县委, 省州委: the committees of every level, no one unit
    if start > 0 and text[start - 1] in _OPEN_QUOTES and text[head_end:head_end + 1] in _CLOSE_QUOTES:
        return False  # a quoted word is a metaphor or a brand (“加油站”), not a unit
    before = text[max(0, start - _LOOK_BACK):start]
    if before.count("“") > before.count("”") and "”" in text[head_end:head_end + _LOOK_BACK]:
        return False  # inside a quoted brand: “一支部一特色”
    if text.count('"', 0, start) % 2 and '"' in text[head_end:head_end + _LOOK_BACK]:
        return False  # the same in straight quotes, which do not say which one opens: "一支部一品牌"
    if before.endswith(_ROLE_ENDS) and not (masked or place or name[0] in ADMIN_LEVELS):
        return False  # 党委书记王宏军代表医院: a person named by title, not a unit
    if _BYLINE_BEFORE.search(before):
        return False  # （通讯员 余成科）: a reporter's name, not a unit (but （作者系某所党支部书记）: the writer's unit)
    if _DOCUMENT_AFTER.match(text, head_end):
        return False  # 《中国共产党党校（行政学院）工作条例》: the title of a rule
    if _ROAD_AFTER.match(text, head_end):
        return False  # 书院路社区: a street named after it
    return True


def _mention(name: str, text: str, start: int, head_end: int, masked: str, place, place_start: int,
             role: str | None, rules: OrgRules) -> OrgMention:
    """The mention of ``name`` with every spelling the text and the alias table give it."""
    kind = rules.kind_of(name) or "其他"
    canon, aliases = _canonical(name, rules)
    aliases.add(canon)
    if masked == "某":
        aliases.add("某" + name)
    written, span_start = name, start
    if isinstance(place, tuple):  # the places before the name, outermost first (汕头市, 潮阳)
        written, span_start = "".join(place) + name, place_start
        bare = set(aliases) | {name}
        for k in range(len(place)):
            aliases.update("".join(place[k:]) + a for a in bare)
        aliases.update(bare)
        place = "".join(place)
    elif place:
        aliases.update({place + canon, place + name})
    as_written = strip_mask(text[span_start:head_end])
    if "某" in as_written[1:]:
        aliases.add(as_written)  # 国网某县供电公司: the spelling with the indefinite word
    aliases.discard(written)
    return OrgMention(written, text[span_start:head_end], span_start, head_end, kind, aliases, bool(masked),
                      role, canonical=canon, place="" if place == "全" else place, collective=place == "全")


_STATIONED_TEAMS = _CLASSES["stationed_team"]
_BRACKET = re.compile(r"[（(]([^（）()，,。；、]{1,14})[）)]")
_DEFINED = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[：:]?[“\"「]?([^“”\"「」（）()，,。；]{2,14}?)[”\"」]?[）)]")
_CAMPAIGN = re.compile(r"“[^“”，,。；]{2,20}”")
# a unit's group for a campaign, the campaign unquoted: 市委党史学习教育第十二巡回指导组
_CAMPAIGN_GROUP = re.compile(
    r"(?:“[^“”，,。；]{2,20}”|学习贯彻[^“”，,。；、]{2,16}?精神|"
    + alternation(_CLASSES["campaign"]) + r")+"
    r"(?:第[一二三四五六七八九十\d]{1,3})?"
    "(?:" + alternation(_CLASSES["campaign_group"]) + ")")


def _join_stationed_and_bracketed(mentions: list[OrgMention], text: str, rules: OrgRules) -> None:
    """Four shapes where one name holds another:

    * a campaign's quoted name between a unit and its group
      (市委“不忘初心、牢记使命”主题教育指导组): one name;
    * a campaign's name, unquoted, between a unit and its group
      (区委主题教育第二巡回督导组): one name, the unit its owner only;
    * a unit's second name in brackets (县工商联（总商会）, 烟草专卖局（公司）党组):
      the bracketed name is an alias of the unit before it, and a body right
      after the bracket belongs to that unit;
    * a team one unit stations at another (县纪委监委驻县住建局纪检监察组,
      县纪委监委派驻第三纪检监察组, 市委编办驻某村工作队): one name from the first
      unit to the team.
    """
    k = 0
    while k < len(mentions):
        a = mentions[k]
        quoted = _CAMPAIGN.match(text, a.end)
        after = next((m for m in mentions if quoted and m.start == quoted.end()), None)
        if after is not None and after.name[0] not in ADMIN_LEVELS:
            # 市委“不忘初心、牢记使命”主题教育指导组: a campaign's name inside the unit's
            written = text[a.start:after.end]
            mentions[mentions.index(after)] = OrgMention(
                strip_mask(written), written, a.start, after.end, after.kind,
                {a.name + after.name, after.name} | after.aliases, a.masked or after.masked,
                canonical=a.canonical + after.canonical, parent=a.name)
            k += 1
            continue
        group = _CAMPAIGN_GROUP.match(text, a.end)
        if group is not None and a.end - a.start >= 2 and not any(
                m.start <= a.start and m.end >= group.end() and m is not a for m in mentions):
            # 区委主题教育第二巡回督导组: one name; the unit is only its owner here
            written = text[a.start:group.end()]
            for m in [m for m in mentions if a.end <= m.start and m.end <= group.end()]:
                mentions.remove(m)
            a.inner = True
            bare = _CAMPAIGN.sub("", group.group())  # the quoted name left out, as the quoted join does
            mentions.insert(k + 1, OrgMention(strip_mask(written), written, a.start, group.end(), "其他",
                                              {group.group(), bare}, a.masked, parent=a.name,
                                              canonical=a.canonical + bare))
            k += 2
            continue
        defined = _DEFINED.match(text, a.end)
        bracket = _BRACKET.match(text, a.end) or defined
        if bracket:
            inner = [m for m in mentions if bracket.start() < m.start and m.end <= bracket.end()]
            for m in inner:
                a.aliases |= {m.name} | m.aliases
                mentions.remove(m)
            if defined:  # 中国农业银行黔南分行（以下简称“黔南分行”）: the short name the text will use
                a.aliases.add(strip_mask(defined.group(1)))
            after = next((m for m in mentions if m.start == bracket.end()), None)
            if after is not None and (after.name in BARE_DROP or SELF_BODY.match(after.name)):
                written = a.name + (text[bracket.end():after.end] if defined else text[a.end:after.end])
                short = {alias + after.name for alias in a.aliases} if defined else set()  # 黔南分行党委
                joined = OrgMention(strip_mask(written), written, a.start, after.end, after.kind,
                                    {a.name + after.name, a.canonical + after.canonical} | short, a.masked,
                                    canonical=a.canonical + after.canonical, place=a.place, parent=a.name)
                mentions[mentions.index(after)] = joined
        elif text.startswith(("驻", "派驻"), a.end):
            team = next((m for m in mentions[k + 1:] if m.name.endswith(_STATIONED_TEAMS)
                         and m.end - a.end <= 20 and not _CLAUSE_STOP.search(text, a.end, m.start)), None)
            if team is not None:
                written = text[a.start:team.end]
                swallowed = [m for m in mentions if a.end <= m.start and m.end <= team.end]
                for m in swallowed:
                    mentions.remove(m)
                joined = OrgMention(strip_mask(written), written, a.start, team.end, team.kind,
                                    {team.name}, a.masked or team.masked, parent=a.name,
                                    canonical=strip_mask(written))
                mentions.insert(k + 1, joined)
                body = next((m for m in mentions if a.end < m.start < team.end < m.end
                             and _BODY_END.fullmatch(text, team.end, m.end)), None)
                if body is not None:  # …驻西安特派办党委: the party body of the stationed team
                    written = text[a.start:body.end]
                    mentions[mentions.index(body)] = OrgMention(
                        strip_mask(written), written, a.start, body.end, body.kind, {body.name},
                        joined.masked, parent=joined.name, canonical=strip_mask(written))
        k += 1
    for k, m in enumerate(mentions):
        if m.start > 0 and text[m.start - 1] == "驻" and text[m.start - 2:m.start - 1] != "派" \
                and m.name.endswith(_STATIONED_TEAMS) \
                and not any(p.end == m.start - 1 for p in mentions):
            # 、驻广顺镇检察室, 驻村工作队: a team named by where it is stationed, its unit unnamed
            mentions[k] = _widened("驻" + m.name, text, m.start - 1, m, m.name, rules)


_CLAUSE_STOP = re.compile(r"[，,。；;：:、]")
_SERVICE_LINE = re.compile(r"12\d{3}")  # a public service line's number is its name (12345热线, 12315中心)
_MASKED_LEVEL_INSIDE = re.compile(r"(?<=.)某")


_PLACE_UNIT_LAST = frozenset(e[-1] for e in (*PLACE_UNIT_ENDS, *_CLASSES["village_head"], *ZONES))
_PLACE_UNIT_CHAR = re.compile("[" + re.escape("".join(sorted(_PLACE_UNIT_LAST))) + "]")
_AUTHOR_BEFORE = re.compile(r"(?:作者|笔者|发言人|讲话人|主讲人|撰稿人)$")
_BYLINE_BEFORE = re.compile(r"[（(【\[]\s*(?:通讯员|记者|作者|摄影|供稿|编辑)(?![系为])[\s:：]*[\u4e00-\u9fff]{0,3}$"
                            r"|(?:通讯员|记者|作者|摄影)[\s:：]+[\u4e00-\u9fff]{0,3}$")
_ROLE_MODIFIERS = frozenset(["副", "正", "常务副", "原", "前", "代", "时任"])
_DOCUMENT_AFTER = re.compile(r"(?:[（(][^）)]{0,8}[）)])?(?:工作)?(?:条例|规定|办法|准则|章程|规则|实施细则)")
_LOOK_BACK = 12  # how far before a name its cues are looked for (十四届, 团 + a place, 赴 …)
_VILLAGE_HEADS = _CLASSES["village_head"]
_MASKED_TOWN_HEADS = frozenset(["镇", "乡", "街道"])
_ZONES = frozenset(ZONES)
_VILLAGE_PART_TAGS = frozenset("n nr nz ns j ng nrt".split())
_VILLAGE_NAME_TAGS = frozenset(_CLASSES["village_part_tag"])
_VILLAGE_KINDS = frozenset(_CLASSES["village_kind"])
_KIND_OF_VILLAGE = tuple(kind + "村" for kind in _VILLAGE_KINDS)  # 贫困村党支部: any such village's
_VILLAGE_NAME_CHARS = 4
_BRAND_HEADS = tuple(_CLASSES["brand_head"])
_DEPARTMENT_HEADS = frozenset(_CLASSES["department_head"])
_DEPARTMENT_WORD_TAGS = frozenset(_CLASSES["department_word_tag"])
_CUT_WORD_TAGS = frozenset(["n", "ng", "nz", "j"])  # a lone noun character after a head: a word cut in two
# Before an office's name: its unit's one-character self-name (局/耕保/股) or a word that joins offices (由, 和, 及)
_BEFORE_AN_OFFICE = frozenset("局委厅院所部办站社馆行由和及")
_BRAND_CHARS = 4
_FIRM_BRAND_CHARS = 10
_FIRM_HEADS = ("公司", "事务所", "合作社")
_FIRM_TRADES = frozenset(_CLASSES["firm_trade"])
_STREET_HEADS = ("街道", "社区", "嘎查")
_TOWN_LEVELS = frozenset(["镇", "乡"])
_DIVISION_LEVELS = "省市县区州盟旗"  # the last character of a division's name (汕头市, 潮阳区)
_COUNTY_LEVELS = "县市区旗"  # … of a county-level one, the level a town stands under
_UNKNOWN_CHAR_TAGS = frozenset(["zg", "x", "ng", "g"])
_COMMON_LONE_CHARS = frozenset(_CLASSES["common_lone_char"])  # 论/zg of 论联合政府: a word, not a name's
# Before a town or village, a verb of going or being somewhere makes it a place (赴千岭乡, 位于张汪镇) …
_LOCATIVE_BEFORE = re.compile("(?:" + alternation(_CLASSES["locative"]) + ")$")
# … a partner cue or a list of units makes it a unit (与华阳镇签订…, 铜盂镇、海门镇等5个单位).
_PARTNER_BEFORE = re.compile("(?:" + alternation(_CLASSES["partner"]) + ")$")
_PARTNER_LAST = frozenset(w[-1] for w in _CLASSES["partner"])
_UNITS_AFTER = re.compile(r"^[^，。；]{0,30}?等\s*[\d一二三四五六七八九十]*\s*[个家]?单位")
_PLACE_AFTER = re.compile("^(?:" + alternation(_CLASSES["place_after"]) + ")")


def _place_units(toks, text: str, rules: OrgRules) -> list[OrgMention]:
    """Towns, streets, villages and communities that act as units in ``text``.

    A town is a place name of the gazetteer (places.txt, 华阳镇); a village or
    community is a short name before 村/社区 (后寨子村, 丽泽社区), after its
    town when one is named (书院镇丽泽社区). Such a name is a unit only where
    it acts: it opens its clause, follows a partner cue (与, 联合) or is listed
    among 单位 — never after a verb of going or being somewhere (赴千岭乡).
    """
    if _PLACE_UNIT_CHAR.search(text) is None:
        return []
    words, tags = _words_and_tags(toks)
    candidates = list(compress(range(len(words)), map(_PLACE_UNIT_LAST.__contains__, map(_LAST_CHAR, words))))
    if not candidates:
        return []
    ends = list(accumulate(map(len, words)))
    out, done = [], -1
    for i in candidates:
        if i <= done:
            continue  # the village of a town read with it
        if rules.places.get(words[i]) == "town" and tags[i] == "ns":
            found = _town_at(words, tags, ends, i, text)
        elif words[i] in _ZONES:
            k = i - 1 if i > 0 and (tags[i - 1] == "ns" or words[i - 1] in rules.places) else i
            found = (text[ends[k] - len(words[k]):ends[i]], ends[k] - len(words[k]), ends[i], i, "")
        elif words[i] in _MASKED_TOWN_HEADS and i > 0 and is_mask(words[i - 1]):
            k = i - 1
            while k > 0 and is_mask(words[k - 1]):
                k -= 1
            found = (words[i], ends[k] - len(words[k]), ends[i], i, "")  # xx镇: a masked town
        elif words[i] in _VILLAGE_HEADS and i > 0:
            found = _village_at(words, tags, ends, i, text, rules)
        else:
            continue
        if found is None:
            continue
        name, begin, end, last, town = found
        done = last
        if _acts_as_unit(text, begin, end):
            village = name[len(town):] if town and name != town else ""
            out.append(OrgMention(name, text[begin:end], begin, end, "基层单位", {village} - {""},
                                  masked=len(name) < end - begin, canonical=village or name,
                                  place=town if village else ""))
    return out


_TWO_COMMITTEES = re.compile(r"(村|社区|嘎查)([“\"]?)两委(?(2)[”\"])")


def _words_and_tags(toks) -> tuple:
    """The words and tags of a sentence's tokens, all of them (not a scan's partial list)."""
    if isinstance(toks, Tokens):
        return toks.words, toks.tags
    return [t.word for t in toks], [t.tag for t in toks]


def _two_committees(toks, text: str, rules: OrgRules) -> list[OrgMention]:
    """村“两委”: a village's party branch and villagers' committee, named as one body
    (石门村“两委”班子). The village's name is read as for the village alone."""
    words, tags = _words_and_tags(toks)
    ends = list(accumulate(map(len, words)))
    out = []
    for hit in _TWO_COMMITTEES.finditer(text):
        kind, end = hit.group(1), hit.end()
        begin = hit.start()
        i = next((k for k, e in enumerate(ends) if e == hit.end(1)), None)
        if i is not None and words[i] == kind and (village := _village_at(words, tags, ends, i, text, rules)):
            begin = village[1]
        village_name = text[begin:hit.end(1)]
        name = village_name + "“两委”"
        aliases = {village_name + "两委", kind + "“两委”", kind + "两委"} - {name}
        out.append(OrgMention(name, text[begin:end], begin, end, "基层单位", aliases, canonical=kind + "两委"))
    return out


def _town_at(words, tags, ends, i: int, text: str):
    """(name, start, end, last word, town) of the town at word ``i``, with the village after it if any."""
    start = ends[i] - len(words[i])
    j, chars = i + 1, 0
    while j < len(words) and tags[j] in _VILLAGE_PART_TAGS and words[j] not in _VILLAGE_HEADS \
            and chars + len(words[j]) <= 4 and not words[j].endswith(_VILLAGE_HEADS):
        chars += len(words[j])
        j += 1
    if j < len(words) and (words[j] in _VILLAGE_HEADS and chars >= 2
                           or words[j].endswith(_VILLAGE_HEADS) and len(words[j]) > 2 and chars == 0):
        return text[start:ends[j]], start, ends[j], j, words[i]  # 书院镇丽泽社区: the village of the town
    return words[i], start, ends[i], i, words[i]


def _village_at(words, tags, ends, i: int, text: str, rules: OrgRules):
    """(name, start, end, last word, town) of the village whose 村/社区 is word ``i``, or None."""
    k, chars = i, 0
    while k > 0 and tags[k - 1] in _VILLAGE_PART_TAGS and rules.places.get(words[k - 1]) != "town" \
            and chars + len(words[k - 1]) <= 4 and words[k - 1] not in rules.boundaries:
        k -= 1
        chars += len(words[k])
    if k > 0 and tags[k - 1] == "f" and len(words[k - 1]) == 1 and chars + 1 <= 4:
        k -= 1  # 后寨子村: a direction word starts some village names
        chars += 1
    if chars < 2:
        return None
    first = k - 1 if k > 0 and rules.places.get(words[k - 1]) == "town" else k
    begin = ends[first] - len(words[first])
    return text[begin:ends[i]], begin, ends[i], i, ""


def _acts_as_unit(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - _LOOK_BACK):start], text[end:end + _LOOK_BACK * 4]
    if _LOCATIVE_BEFORE.search(before) or _PLACE_AFTER.match(after):
        return False
    clause = text[:start]
    if clause.count("“") > clause.count("”"):
        return False  # inside a quoted brand: “优质服务社区行”
    if _PARTNER_BEFORE.search(before) or _UNITS_AFTER.match(after):
        return True
    return not clause_prefix(text, start) and bool(after) and after[0] not in "，,、。；"


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
    while lo > 0 and is_mask(words[lo - 1]):
        lo -= 1
    lo = max(0, lo - 2)
    starts = [ends[lo - 1] if lo else 0, *ends[lo:hi - 1]]
    built = list(map(make_token, zip(words[lo:hi], toks.tags[lo:hi], starts, ends[lo:hi])))
    return [None] * lo + built + [None] * (n - hi)


def _join_league_committees(mentions: list[OrgMention], text: str) -> None:
    """The formal name of a committee at a level (org_committees.txt): 共青团XX县委员会
    is 团县委, 政协某市委员会 is 市政协; 团 + a place + 市委 is 团桐城市委, the league
    committee of that city."""
    rules = load_org_rules()
    for k, b in enumerate(mentions):
        level = _LEAGUE_COMMITTEE.match(b.canonical)
        lead = _LEAGUE_PLACE.search(text, max(0, b.start - _LOOK_BACK), b.start) if level and not b.place else None
        if lead and rules.places.get(lead.group(1)):
            short = "团" + level.group(1) + "委"
            written = "团" + lead.group(1) + b.name
            mentions[k] = OrgMention(written, text[lead.start():b.end], lead.start(), b.end, "群团组织",
                                     {short, "团" + b.name, "共青团" + lead.group(1) + b.name}, b.masked,
                                     canonical=short, place=lead.group(1))
    for k, b in enumerate(mentions):
        level = _LEAGUE_COMMITTEE.match(b.canonical) if b is not None else None
        if not level:
            continue
        base = max(0, b.start - 2 * _LOOK_BACK)
        before = text[base:b.start].rstrip(MASK_CHARS + "某" + " ")
        org = next((o for o, _ in rules.committees if before.endswith(o)), None)
        if org is None or b.inner or any(m is not None and m.start == b.start and m.end > b.end for m in mentions):
            continue  # 中共XX市委组织部: the committee starts a longer name, which keeps its spelling
        at = base + len(before) - len(org)
        short = next(f for o, f in rules.committees if o == org).format(level.group(1))
        written = org + b.name
        spellings = {short, org + b.canonical, org + level.group(1) + "委员会"} | {org + x for x in b.aliases}
        for i, m in enumerate(mentions):
            if m is not None and m is not b and at <= m.start and m.end <= b.start:
                mentions[i] = None  # 共青团 or 政协 on its own: part of this name
        mentions[k] = OrgMention(written, text[at:b.end], at, b.end, rules.kind_of(short) or b.kind,
                                 spellings - {written}, b.masked, canonical=short, place=b.place)
    mentions[:] = [m for m in mentions if m is not None]


_ENDINGS: dict = {}
_ENDING_MATCHERS: dict = {}


def may_name_unit(text: str, rules: OrgRules) -> bool:
    """Can any word of ``text`` end a unit name? (Exact, and far cheaper than segmenting.)

    A head word ends in a suffix, a gazetteer name or a speaker role, so a
    sentence holding none of those strings holds no unit: 学习 has 学 but no
    大学, 部署 has 部. One regex of the shortest such strings (a string
    holding another one adds nothing), and :data:`PLACE_UNIT_PATTERN`, decide it.
    """
    return endings_pattern(rules).search(text) is not None or PLACE_UNIT_PATTERN.search(text) is not None


#: Masked towns (xx镇) and zones (开发区) can act as units with no suffix word in
#: the sentence; kept out of :func:`endings_pattern`, whose scan their common
#: first characters (开, 高) would slow.
_TOWN_MASKS = "xX×*某"  # a masked town: x镇, 某乡, *街道
PLACE_UNIT_PATTERN = re.compile(f"[{re.escape(_TOWN_MASKS)}](?:镇|乡|街道)|" + "|".join(map(re.escape, sorted(_ZONES))))
#: What every match of :data:`PLACE_UNIT_PATTERN` starts with (for ``finditer_from``).
PLACE_UNIT_FIRST = first_chars([*_TOWN_MASKS, *_ZONES])


def endings_pattern(rules: OrgRules) -> re.Pattern:
    pattern = _ENDINGS.get(id(rules))
    if pattern is None:
        pattern = _ENDINGS[id(rules)] = re.compile("|".join(map(re.escape, _ending_terms(rules))))
    return pattern


def endings_matcher(rules: OrgRules) -> Matcher:
    """The strings of :func:`endings_pattern` as a :class:`Matcher`, to scan a whole
    document in one pass (a regex alternation of some hundred strings tries
    them all at every character)."""
    matcher = _ENDING_MATCHERS.get(id(rules))
    if matcher is None:
        matcher = _ENDING_MATCHERS[id(rules)] = Matcher()
        for term in _ending_terms(rules):
            matcher.add_word(term, len(term))
        matcher.make_automaton()
    return matcher


def _ending_terms(rules: OrgRules) -> list[str]:
    """The shortest strings a head word holds (suffixes, gazetteer names, roles),
    longest first: a string holding another one adds nothing."""
    terms = {t for t in [sx for sx, _ in rules.suffixes] + list(rules.gazetteer) + [r for r, _ in rules.roles] if t}
    return sorted((t for t in terms if not any(u != t and u in t for u in terms)), key=len, reverse=True)


def _passable(t: Token, rules: OrgRules) -> bool:
    """May the leftward scan cross this word at all (before any anchor)?"""
    w = t.word
    if _SERVICE_LINE.fullmatch(w):
        return True
    if not _HAN.match(w) or w in rules.boundaries:
        return False
    if len(w) >= 3 and w.startswith(rules.predicate_starts):
        return False  # 认真学习, 积极响应: a predicate the segmenter called a noun
    if w.endswith(_ROLE_ENDS) and w not in rules.suffix_words:
        return False  # 党委书记/王/宏/军代表/医院: a person's title, then the person
    if w in rules.inner_words or _is_unknown_char(t):
        return True  # x: a rare character the dictionary lacks (金阊), a name's own
    if t.tag in _STOP_TAGS:
        return ((t.tag == "m" and w.startswith("第")) or w in ADMIN_LEVELS or _is_masked_level(w)
                or w in rules.suffix_words)
    return True


def _scan_left(toks: list[Token], i: int, rules: OrgRules, unit: str = "", nxt: tuple[str, str] = ("", "")):
    """Where the name ending at token ``i`` starts: (char offset, mask, place,
    place offset, anchored), or None when no name can end there.

    Two passes. First look left for a level word (市 县 区 省 …) within a
    short window: a name that starts there may hold a verb or an adverb
    (市知识产权保护中心, 市自然教育办公室) and a 和 (市工业和信息化局).
    Else take the run of nouns right before the suffix word. ``mask`` is
    ``"*"`` or ``"某"`` when a masked part stood before the name (dropped,
    SCHEMA §2); ``place`` a place name before the level word (潼南 in
    潼南区民政局), which the text's spelling keeps.
    """
    head = toks[i]
    known = _traits_cache(rules)
    j, anchored = i, (known.get((head.word, head.tag)) or _traits(head, rules))[3]
    if not anchored:
        j, anchored = _find_anchor(toks, i, rules)
    if not anchored and _is_department_head(head.word):
        k = _department_start(toks, i, nxt, rules)
        return None if k is None else _name_start(toks, k, False, rules)
    if not anchored:
        j, numbered = i, 0  # words of numbers read as part of the name: not counted among its nouns
        while j > 0:
            t = toks[j - 1]
            if is_mask(t.word):
                k = j - 1
                while k > 0 and is_mask(toks[k - 1].word):
                    k -= 1
                if k > 0 and _mask_inside(toks, k, j, rules):
                    j = k  # a mask inside a name: 兴业银行**分行, 国网**供电公司
                    continue
                break
            if t.word == "中" and j < i and len(toks[j].word) == 1 and toks[j].tag in ("j", "ns"):
                j -= 1  # 中俄, 中韩: a pair of countries
                break
            if j == i and t.word in _BRANCH_NUMBERS and head.word in _NUMBERED_BODIES:
                j -= 1  # 一支部, 退休二支部: branches named by number
                continue
            if t.word in ("与", "和") and j - 2 >= 0 and _joins_inside(toks, j - 1, i, rules):
                j -= 1  # 组织与人事处: one department
                continue
            ordinal = t.tag == "m" and t.word.startswith("第") and not t.word.endswith(("个", "次", "批"))
            if t.tag == "m" and (t.word in _BRANCH_NUMBERS or t.word.isdigit() and len(t.word) <= 2) \
                    and j < len(toks) and toks[j] is not None and toks[j].word in _NUMBERED_PARTS:
                j -= 1  # 五/监区, 二/车间, 3/工区: the numbered parts of a unit
                numbered += 1
                continue
            if t.word == "所" and t.tag == "c" and j == i and j - 2 >= 0 \
                    and (head.word in _NUMBERED_BODIES or head.word == "党委") \
                    and len(toks[j - 2].word) == 2 and _HAN.match(toks[j - 2].word) \
                    and toks[j - 2].tag not in _STOP_TAGS and toks[j - 2].tag not in ("v", "d", "vd"):
                j -= 1  # 植保/所/党支部: an institute by its short name, 所 read as a conjunction
                continue
            if t.word == "号" and j - 2 >= 0 and toks[j - 2].word.isdigit() and len(toks[j - 2].word) <= 3:
                j -= 2  # 13号线: a line, a building by its number
                numbered += 2
                continue
            if t.word == "级" and j - 2 >= 0 and _GRADE_YEAR.fullmatch(toks[j - 2].word):
                j -= 2  # 2022级研究生党支部: students of one year's intake
                numbered += 2
                continue
            passable, name_word, _, starts_name = known.get((t.word, t.tag)) or _traits(t, rules)
            if not passable or not (name_word or ordinal) or j - 1 < i - _MAX_NOUNS - numbered:
                break
            j -= 1
            if starts_name:
                break
        while j < i and toks[j].tag in _LOOSE_START_TAGS and not (toks[j].word in rules.inner_words
                                                                   and head.word in _NUMBERED_BODIES) \
                and not _opens_a_name(toks, j, rules):
            j += 1  # a name does not start with a verb or an adjective (优化地方政府)
        if 0 < j < i and toks[j - 1] is not None and toks[j - 1].tag in _LOOSE_START_TAGS \
                and _opens_a_name(toks, j - 1, rules):
            j -= 1
        if len(unit or head.word) == 1 and (len(head.word) == 1 or j == i):
            return None
    if not anchored and head.word.endswith(_BRAND_HEADS):
        j = _brand_start(toks, j, rules, firm=head.word.endswith(_FIRM_HEADS))
    return _name_start(toks, j, anchored, rules)


def _opens_a_name(toks: list[Token], j: int, rules: OrgRules) -> bool:
    """A lone character opening its clause before a name's own words is the name's first
    (敬/亭/水厂, 老/粮仓/社区党委, 红/石沟/管护站), not a verb: nothing before it to act.
    Before a level or a place the name starts there (听/镇政府)."""
    t, nxt = toks[j], toks[j + 1]
    if len(t.word) != 1 or t.word in rules.boundaries or not _HAN.match(t.word):
        return False
    if j > 0 and (toks[j - 1] is None or _HAN.match(toks[j - 1].word) and toks[j - 1].word not in rules.boundaries):
        return False
    return nxt is not None and nxt.word[0] not in ADMIN_LEVELS and not _is_place(nxt)


def _is_department_head(word: str) -> bool:
    return word in _DEPARTMENT_HEADS or (len(word) == 2 and word[0] in _BRANCH_NUMBERS
                                         and word[1] in _DEPARTMENT_HEADS)


def _department_start(toks: list[Token], i: int, nxt: tuple[str, str], rules: OrgRules) -> int | None:
    """Where an office of a unit starts when the segmenter cut its one-character head
    off (政策法规/处, 预算/处, 干部/一/科, 组织/二科), or None.

    A lone 处 or 科 is mostly no office (实处, 到处, 学科), so the name is short
    (two to four characters of nouns, a number before the head allowed) and
    stands where an office stands: opening its clause or the text, after its
    unit (市财政厅预算处, 局耕保股), after a partner cue (会同政策法规处), or in
    a list of offices (预算处、税政处). The head ends the name: a unit word
    after it makes a longer name (网络处党支部), a lone character a word the
    segmenter cut in two (助力/科/创/企业).
    """
    word, tag = nxt
    if (len(word) == 1 and tag in _CUT_WORD_TAGS) or (rules.kind_of(word) and word not in rules.reject):
        return None  # 网络处/党支部: a longer name; 助力/科/创/企业: a word cut in two
    j = i
    if len(toks[i].word) == 1 and j > 0 and toks[j - 1].word in _BRANCH_NUMBERS:
        j -= 1
    chars = 0
    while j > 0:
        t = toks[j - 1]
        if (t.tag not in _DEPARTMENT_WORD_TAGS or not _HAN.match(t.word) or t.word in rules.boundaries
                or _head_of(t, rules) is not None):
            break
        if chars + len(t.word) > _LONG_OFFICE_CHARS:
            return None
        chars += len(t.word)
        j -= 1
    if chars < 2:
        return None
    if chars > _OFFICE_CHARS:  # 经济责任审计/科: a longer name only where a name opens (after a mark), not a verb's
        return j if toks[j].tag != "v" and (j == 0 or not _HAN.match(toks[j - 1].word)) else None
    if j == 0:
        return j
    prev = toks[j - 1]
    if (not _HAN.match(prev.word) or _PARTNER_BEFORE.search(prev.word) or prev.word in _BEFORE_AN_OFFICE
            or _head_of(prev, rules) is not None):
        return j
    return None


def _brand_start(toks: list[Token], j: int, rules: OrgRules, firm: bool = False) -> int:
    """Where a firm's or institute's name starts when a brand the dictionary does not know stands
    between its place (or its parent institution) and its trade: 浙江/衡/正/律师事务所,
    中国科学院/南方/湿地/生态研究所. The brand is short, runs up to a place or a known
    institution, and holds no punctuation; otherwise the name starts where the scan stopped."""
    chars, k = 0, j
    limit = _FIRM_BRAND_CHARS if firm else _BRAND_CHARS
    while k > 0 and toks[k - 1] is not None:
        t = toks[k - 1]
        county = _is_county_short_name(t.word)
        if _is_place(t) and len(t.word) >= 2 or county or (t.tag in ("nt", "ntc") and t.word in rules.gazetteer):
            # 浙江 衡正律师事务所, 四川 嘉陵文化旅游投资集团有限公司, 修水(县) 农商行: the place is part of a firm's name
            return k - 1 if chars or _is_place(t) or county else j
        if firm and t.word in _FIRM_TRADES:
            pass  # 精密/制造/有限公司: a trade the segmenter calls a verb
        elif firm and len(t.word) == 1 and t.tag in ("v", "a") and _HAN.match(t.word):
            pass  # 川南/锂/能/科技有限公司: a brand's characters, cut and tagged at random
        elif firm and t.tag == "m" and len(t.word) == 2 and t.word[0] in _BRANCH_NUMBERS \
                and t.word[1] not in _MEASURE_CHARS and _HAN.match(t.word):
            pass  # 七里/窑/景区运营管理有限公司: a place's numeral in a brand, not a count
        elif not _HAN.match(t.word) or t.word in rules.boundaries or t.tag in ("p", "v", "vd", "r", "u", "uj", "m") \
                or t.tag == "f" and len(t.word) == 1:  # 北京/后/研究所: after Beijing, no brand
            return j if not firm or k == j else _firm_start(toks, k, j, rules)
        chars += len(t.word)
        if chars > limit:
            return j
        k -= 1
    return j if not firm or k == j else _firm_start(toks, k, j, rules)


def _is_county_short_name(word: str) -> bool:
    """A county or city named without its level (修水 of 修水县): before a firm's or a bank's brand
    a place, though alone it may be any word."""
    return len(word) >= 2 and _HAN.match(word) is not None and any(word + lv in _PLACES for lv in _COUNTY_LEVELS)


def _firm_start(toks: list[Token], k: int, j: int, rules: OrgRules) -> int:
    """Where a firm's brand, read from ``j`` left to ``k``, starts: at ``k`` when the word before
    it ends a phrase (punctuation, 走进, 在, 与, 参观), past any verbs it opens with; else the
    brand is not known to be whole and the name starts at ``j``."""
    before = toks[k - 1] if k > 0 else None
    if before is None or not _HAN.match(before.word) or before.tag in ("p", "c", "uj", "u", "ul", "m", "r") \
            or before.word in rules.boundaries or _LOCATIVE_BEFORE.search(before.word) \
            or _PARTNER_BEFORE.search(before.word):
        while k < j and toks[k].tag in ("v", "vd", "d", "a") and len(toks[k].word) > 1 \
                and toks[k].word not in _FIRM_TRADES:
            k += 1
        return k
    return j


def _village_name(toks: list[Token], j: int, rules: OrgRules) -> tuple[int, str] | None:
    """(first word, name) of a village's own name before its 村 at word ``j`` (石门/村, 深/河村), or None.

    The segmenter knows few village names, so their characters carry any tag
    but a function word's. The name runs left from 村 to a boundary: the
    text's start, punctuation, a function word or a verb (与, 和, 来到), or a
    town (官渡镇); a run that stops anywhere else is a longer phrase, not a
    name (记录在案/交由/村部), and a kind of village (贫困村) is no name.
    """
    first = toks[j]
    own = len(first.word) - 1 if first.word[-1] == "村" else 0
    k = j
    while k > 0:
        t = toks[k - 1]
        numeral = t.tag == "m" and _NUMERALS.fullmatch(t.word) is not None  # 三/滩/村, 五里/村: a numeral opens many
        if (t.tag not in _VILLAGE_NAME_TAGS and not numeral or not _HAN.match(t.word) or t.word in rules.boundaries
                or rules.places.get(t.word) == "town" or t.word[-1] in ADMIN_LEVELS):
            break
        if own + len(t.word) > _VILLAGE_NAME_CHARS:
            return None
        own += len(t.word)
        k -= 1
    k = _after_a_town(toks, k, own, rules)
    name = "".join(t.word for t in toks[k:j]) + (first.word[:-1] if first.word[-1] == "村" else "")
    if k == j or len(name) < 2 or any(name.endswith(w) or name.startswith(w) for w in _VILLAGE_KINDS):
        return None
    return k, name


def _after_a_town(toks: list[Token], k: int, own: int, rules: OrgRules) -> int:
    """Where a village's name starts when the scan stopped on a word it holds (前进/v 村,
    杨家/nrfg 河村): right after its town (某镇前进村), any words but function words are
    its name; elsewhere such a word ends the scan (帮助/村党支部)."""
    m = k
    while m > 0 and toks[m - 1] is not None and not _is_town(toks[m - 1], rules):
        t = toks[m - 1]
        own += len(t.word)
        if not _HAN.match(t.word) or t.tag in _FUNCTION_TAGS or t.word in rules.boundaries \
                or own > _VILLAGE_NAME_CHARS or _head_of(t, rules) is not None:
            return k
        m -= 1
    return m if m > 0 and toks[m - 1] is not None and m < k else k


def _is_town(t: Token, rules: OrgRules) -> bool:
    return t.word in _TOWN_LEVELS or rules.places.get(t.word) == "town" or (
        len(t.word) >= 3 and t.word[-1] in _TOWN_LEVELS and _is_place(t))


def _town_name(toks: list[Token], j: int, rules: OrgRules) -> tuple[int, tuple[str, ...]] | None:
    """(first word, place parts) of a town's own name before its lone 镇 or 乡 at word ``j`` (白鹭/湾/镇), or None.

    The gazetteer cannot hold every town, and the segmenter cuts an unknown
    one into pieces with any tags. The name is two or three characters of
    such pieces, and it must stand right after its county or city (县, 某市,
    **县): anywhere else the pieces may be the end of a phrase (全/镇, 在/镇)
    — except right after punctuation or at the start of a text or byline
    (，柏溪镇司法所), and for characters no dictionary word holds (浛/zg 洸/zg),
    which after a function word or a verb can only be a name. A kind of
    town (重点镇) is no name.
    """
    k, chars = j, 0
    while k > 0 and toks[k - 1] is not None:
        t = toks[k - 1]
        if t.tag not in _VILLAGE_NAME_TAGS or not _HAN.match(t.word) or t.word in rules.boundaries \
                or t.word in ADMIN_LEVELS or t.word[-1] in _DIVISION_LEVELS:
            break
        chars += len(t.word)
        if chars > 3:
            return None
        k -= 1
    if chars < 2:
        return None
    name = "".join(t.word for t in toks[k:j])
    unknown = all(t.tag in _UNKNOWN_CHAR_TAGS for t in toks[k:j])  # 浛/zg 洸/zg: characters no word holds
    a_kind = any(name.startswith(w) or name.endswith(w) for w in _VILLAGE_KINDS)  # 重点镇, 示范乡
    if k == 0 or toks[k - 1] is None:
        return (k, (name,)) if k == 0 and not a_kind else None  # 柏溪镇司法所 opening a text or a byline
    before = toks[k - 1].word
    if not a_kind and (not _HAN.match(before) or unknown and toks[k - 1].tag in ("p", "c", "v", "u", "uj")):
        return k, (name,)  # ，柏溪镇; 与/浛/洸/镇: after punctuation, or such characters after a function word
    if not a_kind and before in ("和", "及", "与") and k >= 2 and toks[k - 2] is not None \
            and _head_of(toks[k - 2], rules) is not None:
        return k, (name,)  # 县农业农村局和/宋家/沟/镇人民政府: a town listed after a unit
    if len(before) == 1 and before in _COUNTY_LEVELS or _is_masked_level(before):
        return k - 1, (before[-1], name)  # **县白鹭湾镇: the masked county's level stays, as in 县委
    if len(before) >= 2 and before[-1] in _COUNTY_LEVELS and _is_place(toks[k - 1]):
        return k, (name,)
    return None


def _name_start(toks: list[Token], j: int, anchored: bool, rules: OrgRules):
    """(char offset, mask, place, place offset, anchored) of a name whose first word is ``toks[j]``:
    a masked level (某县), a collective (全市), the places before a level word
    (汕头市潮阳区), or a national system before a place (国网某县, 民建市委)."""
    first = toks[j]
    start = place_start = first.start
    masked, place = "", ""
    k = j
    while k > 0 and toks[k - 1] is not None and is_mask(toks[k - 1].word):
        k -= 1
    if (_is_masked_level(first.word) or k < j) and k > 0 and toks[k - 1] is not None \
            and toks[k - 1].word in rules.systems and not rules.kind_of(toks[k - 1].word):
        # 国网某县供电公司: the brand names it; 国家税务总局XX市税务局 is 市税务局, the agency a unit of its own
        return toks[k - 1].start, "*", "", toks[k - 1].start, True
    if j > 0 and (first.word[0] in ADMIN_LEVELS or _is_place(first)):
        k = j  # 国家税务总局/常德市/鼎城区/税务局: the system may stand before the outer places
        while k > 0 and toks[k - 1] is not None and _is_place(toks[k - 1]) and toks[k - 1].word[-1] in _DIVISION_LEVELS:
            k -= 1
        if k > 0 and toks[k - 1] is not None and toks[k - 1].word in rules.systems:
            return toks[k - 1].start, "", "", toks[k - 1].start, True  # 民建市委, 国网岳阳供电公司
    if _is_masked_level(first.word):
        masked, start = "某", start + 1
    elif first.word in ("全市", "全县", "全区", "全省"):
        place, start = "全", start + 1
    elif (first.word[-1] == "村" and anchored or first.word in _STREET_HEADS) \
            and (village := _village_name(toks, j, rules)):
        k, name = village  # 石门/村/党支部, 深/河村/党支部, 枫林/坳/街道: the village's or street's name
        start = first.end - 1 if first.word[-1] == "村" else first.start
        outer, place_start = _outer_places(toks, k, toks[k].start)
        place = (*outer, name)
    elif anchored and (first.word in _TOWN_LEVELS or first.word[0] in _TOWN_LEVELS and rules.kind_of(first.word)) \
            and (town := _town_name(toks, j, rules)):
        k, parts = town  # 县/白鹭/湾/镇/人大代表联络站, 县/白鹭/湾/镇党委: a town the dictionary does not know
        outer, place_start = _outer_places(toks, k, toks[k].start)
        place = (*outer, *parts)
    elif anchored and len(first.word) == 2 and first.word[0] in "和与及同" and first.word[-1] in ADMIN_LEVELS \
            and j > 0 and toks[j - 1] is not None and _head_of(toks[j - 1], rules) is not None:
        start = place_start = first.end - 1  # 领导小组/和县/卫生健康局: a conjunction, not the county 和县
    elif len(first.word) == 2 and first.word[1] in _SELF_CHARS and first.word[0] in rules.boundaries \
            and first.word[0] not in _GLUED_NOT_BOUNDARY:
        start = place_start = first.end - 1  # 经院/党组, 同校/党委, 任所/党支部: a function word glued to a self-name
    elif anchored and _is_place(first) and len(first.word) > 1 and first.word[-1] in ADMIN_LEVELS:
        place, start = first.word[:-1], first.end - 1
        outer, place_start = _outer_places(toks, j, first.start)
        place = (*outer, place)
    elif j > 0:
        prev = toks[j - 1]
        if is_mask(prev.word):
            masked = "某" if prev.word.endswith("某") else "*"
        elif anchored and _is_place(prev) and _HAN.match(prev.word) and first.word in ADMIN_LEVELS:
            outer, place_start = _outer_places(toks, j - 1, prev.start)
            place = (*outer, prev.word)
        elif first.word[0] in ADMIN_LEVELS and len(prev.word) >= 2 and prev.word + first.word[0] in _PLACES \
                and prev.word not in rules.boundaries \
                and not (j >= 2 and toks[j - 2] is not None and toks[j - 2].word.endswith("团")):  # 团桐城市委
            # 通辽/市委党校: the segmenter gave the city's 市 to the unit; the place is the text's
            # (not 会同/县委: the segmenter split a joining word off such a place on purpose)
            outer, place_start = _outer_places(toks, j - 1, prev.start)
            place = (*outer, prev.word)
    return start, masked, place, place_start, anchored


def _outer_places(toks: list[Token], j: int, start: int) -> tuple[list[str], int]:
    """The places right before token ``j`` that contain it (汕头市 before 潮阳区), and where they start."""
    outer: list[str] = []
    while j > 0 and toks[j - 1] is not None and _is_place(toks[j - 1]) and len(toks[j - 1].word) >= 2 \
            and toks[j - 1].word[-1] in _DIVISION_LEVELS and toks[j - 1].word not in _NOT_PLACES:
        j -= 1
        outer.insert(0, toks[j].word)
        start = toks[j].start
    return outer, start


def _second_of_pair(name: str, rules: OrgRules) -> int:
    """Where the second unit of ``A和B``/``A与B`` starts when A is a unit of its own, else 0."""
    for k, c in enumerate(name):
        if c in "和与及" and 2 <= k < len(name) - 2:
            left = name[:k]
            if rules.kind_of(left) and rules.suffix_of(left) not in rules.weak and left not in rules.reject:
                return k + 1
    return 0


_BRANCH_NUMBERS = frozenset("一二三四五六七八九十")
_NUMERALS = re.compile("[一二三四五六七八九十百千两]+")
_GRADE_YEAR = re.compile(r"(?:19|20)?\d{2}")
_NUMBERED_PARTS = frozenset(_CLASSES["numbered_part"])
_NUMBERED_INSTITUTIONS = frozenset(_CLASSES["numbered_institution"])
_NUMBERED_BODIES = frozenset(_CLASSES["numbered_body"])
_JOINED_HEADS = tuple(_CLASSES["joined_head"])
_OFFICE_CHARS, _LONG_OFFICE_CHARS = 4, 6
_MEASURE_CHARS = frozenset(_CLASSES["count_char"])
_ROLE_ENDS = tuple(_CLASSES["person_title"])
_SELF_CHARS = frozenset("校院局所厅委部处站馆")  # a unit's one-character self-name (校机关党委)
_GLUED_NOT_BOUNDARY = frozenset("使")  # 使馆: an embassy, not 使 + 馆


def _joins_inside(toks: list[Token], k: int, i: int, rules: OrgRules) -> bool:
    """Does the 与/和 at ``k`` join two words of one name (组织与人事处, 观测与网络处),
    not two units (电气工程系党总支与党群党总支) nor a thing and a unit (种粮大户和农机合作社,
    滨江公园和城东小学)? Such names are offices, colleges and committees (``joined_head``);
    inside one, the word before it ends no unit, both sides are short nouns, and no unit
    ends between it and the head."""
    if not toks[i].word.endswith(_JOINED_HEADS):
        return False
    left = toks[k - 1]
    if _head_of(left, rules) is not None or not _HAN.match(left.word) or len(left.word) > 4:
        return False
    if left.tag not in ("n", "vn", "nz", "an") or left.word in rules.boundaries:
        return False
    if any(t is not None and t.word in _CLOSE_QUOTES for t in toks[max(0, k - 3):k - 1]):
        return False  # “学习强国”平台和干部网络学院: the thing a quote names, then a unit
    between = toks[k + 1:i]
    if between and (_is_bare_level(between[0]) or between[0].word[0] in ADMIN_LEVELS
                    or between[0].word in _SELF_CHARS):
        return False  # 和省市党委, 和校机关党委: the second unit starts at its level or its self-name
    return 0 < len(between) <= 2 and not any(_head_of(t, rules) is not None and t.word not in rules.suffix_words
                                             for t in between[:-1])


def _find_anchor(toks: list[Token], i: int, rules: OrgRules):
    """(index, True) of a level word starting the name ending at ``i``, else (i, False)."""
    j, n_chars, n_loose = i, len(toks[i].word), 0
    singles = len(toks[i].word) == 1  # 市/食/药/安/办: an abbreviation cut into characters
    known = _traits_cache(rules)
    while j > 0:
        t = toks[j - 1]
        w = t.word
        if w == "和" and j - 2 >= 0 and toks[j - 2].tag in _NAME_TAGS and n_loose == 0 \
                and _head_of(toks[j - 2], rules) is None:  # 县政府和共青团市委 are two units
            if any(_is_bare_level(toks[k]) or _level_like_head(toks[k], rules) for k in range(max(0, j - 5), j - 1)):
                j -= 1  # 市工业和信息化局
                continue
        passable, name_word, bare, starts_name = known.get((w, t.tag)) or _traits(t, rules)
        if w in _BRANCH_NUMBERS and j == i and toks[i].word in _NUMBERED_INSTITUTIONS:
            passable = name_word = True  # 市/二/医院: an institution known by its number
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
            or (_is_place(t) and len(w) >= 2 and w[-1] in ADMIN_LEVELS and w not in _NOT_PLACES))


def _is_place(t: Token) -> bool:
    """A place word: tagged so, or a division of places.txt the dictionary tags otherwise (卫东区/nt)."""
    return t.tag == "ns" or t.word in _PLACES


def _mask_inside(toks, k: int, j: int, rules: OrgRules) -> bool:
    """Is the mask run toks[k:j] inside one name (兴业银行**分行), not before one (**市委)?"""
    left, right = toks[k - 1], toks[j] if j < len(toks) else None
    if right is None or _is_bare_level(right) or _level_like_head(right, rules):
        return False
    if _head_of(left, rules) and not _level_like_head(left, rules):
        return True
    return left.tag in ("n", "nz", "j", "nt") and len(left.word) <= 3 and left.word not in rules.boundaries


def _is_name_word(t: Token, rules: OrgRules) -> bool:
    """A word that can stand inside a name: a noun, a unit word whatever its tag (分行, 委),
    or a verb names are made of (监督, 退休)."""
    return (t.tag in _NAME_TAGS or t.word in rules.suffix_words or t.word in rules.inner_words
            or _is_unknown_char(t) or _SERVICE_LINE.fullmatch(t.word) is not None)


def _is_unknown_char(t: Token) -> bool:
    """One character the segmenter could not place (北/湾/zg, 金/阊/x): a name's own, unless a common word."""
    return (t.tag in _UNKNOWN_CHAR_TAGS and len(t.word) == 1 and _HAN.match(t.word) is not None
            and t.word not in _COMMON_LONE_CHARS)


# A number naming a part of a unit, glued to it: 8路线路党支部, 三分队党支部, 309队.
_NUMBER_BEFORE = re.compile(r"(?:第)?(?:\d{1,4}|[一二三四五六七八九十]{1,3})分?$")
_NUMBER_END = frozenset("0123456789一二三四五六七八九十分")


def _number_names(mentions: list[OrgMention], text: str, rules: OrgRules) -> None:
    """A number right before a name is part of it when the segmenter read it as a number
    (8/路线/路/党支部, 三分/队/党支部): a count has its measure word between (3个党支部)."""
    for k, m in enumerate(mentions):
        if m.start == 0 or text[m.start - 1] not in _NUMBER_END or m.place or m.masked:
            continue
        number = _NUMBER_BEFORE.search(text, max(0, m.start - 8), m.start)
        if number is None or number.start() == number.end():
            continue
        before = text[number.start() - 1:number.start()] if number.start() else ""
        if before and (before.isdigit() or before in _BRANCH_NUMBERS or before in ADMIN_LEVELS):
            continue  # 市四医院: a numbered institution, its level before the number
        name = text[number.start():m.start] + m.name
        mentions[k] = _widened(name, text, number.start(), m, m.name, rules)


# A part of a unit named by its work or its place, between the unit and the part's own
# ending: 执勤二队, 接访, 红石沟. The tags a word of such a part may carry; a verb only alone
# and only before an ending of its own (接访/中心/党支部, 查验/科/党支部, 缉私/分局).
_PART_TAGS = frozenset(("n", "nz", "ns", "nr", "nrt", "vn", "a", "j", "zg", "ng", "b", "m"))
_PART_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+[队组科室所站区])$")
_GROUP_END = re.compile(r"(?:中心组|小组)$")
_MAX_PART = 4
_NOT_NAME_CHAR_TAGS = frozenset(("c", "p", "u", "uj", "ul", "uz", "ug", "r", "x", "m", "q", "f", "y", "e"))
# the scan of a part stopped inside a unit whose name joins two fields (化学与材料学院研究生党支部)
_JOINED = re.compile("[与和及]")


def _join_subunits(mentions: list[OrgMention], text: str, toks, rules: OrgRules) -> None:
    """A unit, a few words naming a part of it, and the part's ending: one name.

    石岬边检站执勤二队党支部: the scan from 党支部 stops at the number 二队 and
    finds only 党支部; 市信访局接访中心党支部 finds 中心党支部 (接访 is a
    verb). Read with the unit before it, the part is the whole name the text
    gives; the unit stays a name of its own. A verb or a list between the two
    (负责中心组, 下设机关党支部, 会同县委) is no part.
    """
    for b in list(mentions):
        a = next((m for m in mentions if m.start < b.start <= m.end - 2 < b.end - 2
                  and (text[b.start:m.end] in rules.suffix_words or _JOINED.search(text, m.start, b.start)
                       or _within_name(text[b.start:m.end], m.name, rules))), None)
        if a is not None and not _BODY_END.search(a.name):
            # 金河林业局有限公司/有限公司青松岭管护站党支部: the part's scan ran into the unit's ending
            mentions[mentions.index(b)] = _widened(a.name + text[a.end:b.end], text, a.start, b, text[a.end:b.end], rules)
            continue
        a = max((m for m in mentions if b.start - _MAX_PART <= m.end < b.start), default=None,
                key=lambda m: (m.end, -m.start))
        if a is None or b.place or b.name[0] in ADMIN_LEVELS \
                or _BODY_END.search(a.name) or _GROUP_END.search(b.name) or not _HAN.match(text[a.end:b.start]):
            continue
        part = list(_tokens_between(toks, a.end, b.end))
        gap = [t for t in part if t.end <= b.start]
        if not gap or gap[0].start != a.end or gap[-1].end != b.start or not _is_part(gap, part[len(gap):], rules):
            continue
        name = a.name + text[a.end:b.start] + b.name
        mentions[mentions.index(b)] = _widened(name, text, a.start, b, text[a.end:b.start] + b.name, rules)


# The words a name's first characters may be when the segmenter does not know the name
# (曼/nr 滚/v 海关, 款/m 场/q 人民法庭, 峒/g 中/f 海关): anything but a function word, and a
# longer word only a noun's or a place's.
_OPENING_FIRST_TAGS = frozenset(("n", "nr", "nrt", "ns", "nz", "j", "zg", "g", "ng", "x", "m", "d"))
_NOT_OPENING_CHARS = frozenset(_CLASSES["not_name_char"])
_OPENING_LONG_TAGS = frozenset(("n", "nr", "nrt", "ns", "nz", "j"))
_OPENING_ODD_TAGS = frozenset(("nr", "nrt", "ns", "nz", "g", "zg", "ng", "x", "v", "q", "m", "f", "d", "a"))
_OPENING_CHARS = 4
_BODIES = frozenset(_CLASSES["body"])  # 成败看/党支部: a bare body opens no name
# the stop tags but a number's, a measure word's and an unknown character's, which such a name's may carry
_FUNCTION_TAGS = _STOP_TAGS - {"m", "mq", "q", "x", "zg"}


def _widen_to_opening(mentions: list[OrgMention], text: str, toks, rules: OrgRules) -> None:
    """A name whose first characters the segmenter read as a verb, a number or a
    measure word (曼滚/海关党支部, 洪家关/烟叶工作站, 款场/人民法庭): the scan stopped
    inside it. When one to four characters stand between the name and where a
    name opens (a punctuation mark, a partner word, the end of the unit before
    it) and they read as an unknown name, not as words (带头, 各, 全体, 请), the
    name starts there; the part found stays a spelling."""
    ends = {p.end for p in mentions}
    for k, m in enumerate(mentions):
        if m.masked or m.collective or m.start == 0 or m.name[0] in ADMIN_LEVELS or m.name in _BODIES:
            continue
        opening = _opening_before(ends, text, m.start)
        if opening is None or opening == m.start:
            continue
        gap = list(_tokens_between(toks, opening, m.start))
        if not gap or gap[0].start != opening or gap[-1].end != m.start or not _reads_as_a_name(gap, rules):
            continue
        name = text[opening:m.start] + m.name
        if _is_unit_name(name, text, opening, m.end, False, False, rules):
            mentions[k] = _widened(name, text, opening, m, m.name, rules)


def _opening_before(unit_ends: set, text: str, start: int) -> int | None:
    """Where a name may open before ``start``, within a few characters: after a mark, a
    partner word (与, 会同) or a unit (one of ``unit_ends``); None when no such place is near."""
    for b in range(start, max(-1, start - _OPENING_CHARS - 1), -1):
        if b == 0:
            return b
        c = text[b - 1]
        if not "\u3400" <= c <= "\u9fff":
            return b if c not in _NUMBER_END and not c.isalnum() else None
        if b < start and (b in unit_ends or c in _PARTNER_LAST and _PARTNER_BEFORE.search(text, max(0, b - 2), b)):
            return b
    return None


def _reads_as_a_name(gap: list[Token], rules: OrgRules) -> bool:
    first = gap[0]
    if any(t.word in rules.boundaries or not _HAN.match(t.word) or t.word in _BRANCH_NUMBERS or t.word in rules.role_words
           or t.tag in _FUNCTION_TAGS or t.word.startswith(rules.predicate_starts) or _head_of(t, rules) is not None
           for t in gap):
        return False
    if len(first.word) == 1 and first.tag not in _OPENING_FIRST_TAGS and not (
            first.tag == "a" and len(gap) > 1 and _is_place(gap[1])):
        return False  # 请/派出所, 各/党支部; 黄/a 沙湾/ns: a place's first character
    if len(first.word) == 1 and first.word in _COMMON_LONE_CHARS \
            or any(len(t.word) == 1 and t.word in _NOT_OPENING_CHARS for t in gap):
        return False
    if any(len(t.word) > 1 and t.tag not in _OPENING_LONG_TAGS for t in gap):
        return False  # 带头, 深入: words of their own
    return any(t.tag in _OPENING_ODD_TAGS or _is_unknown_char(t) for t in gap) and not all(
        t.tag == "n" for t in gap)


def _within_name(tail: str, name: str, rules: OrgRules) -> bool:
    """Is ``tail``, where a part's scan started, the end of ``name`` past its first word
    (文化学院 of 历史文化学院): the scan cut the unit's name, the part belongs to it whole."""
    suffix = rules.suffix_of(name)
    return bool(suffix) and len(tail) > len(suffix) and tail.endswith(suffix) and len(name) - len(tail) >= 2


def _widened(name: str, text: str, start: int, m: OrgMention, short: str, rules: OrgRules) -> OrgMention:
    """``m`` read from ``start``, named ``name``, the part it had found (``short``) kept as a spelling."""
    wide = _mention(name, text, start, m.end, "", "", start, m.role, rules)
    wide.aliases.add(short)
    wide.joined = True
    return wide


def _tokens_between(toks, start: int, end: int):
    if isinstance(toks, Tokens):
        ends, words = toks.ends, toks.words
        for k in range(bisect.bisect_right(ends, start), len(ends)):
            if ends[k] - len(words[k]) >= end:
                break
            yield toks[k]
    else:
        yield from (t for t in toks if t is not None and t.end > start and t.start < end)


def _is_part(gap: list[Token], rest: list[Token], rules: OrgRules) -> bool:
    if any(t.word in rules.boundaries or t.word.startswith(rules.predicate_starts) for t in gap):
        return False
    if len(gap) == 2 and all(len(t.word) == 1 and t.tag not in _NOT_NAME_CHAR_TAGS for t in gap):
        return True  # 公安局/尚/d 重/a 派出所: two characters the segmenter does not know, a place's name
    if len(gap) == 1 and gap[0].tag == "v":
        return len(rest) >= 2 and _head_of(rest[0], rules) is not None
    return all((t.tag in _PART_TAGS or t.tag == "q" and len(gap) == 1 and len(t.word) == 1)
               and (t.tag != "m" or _PART_NUMBER.match(t.word)) for t in gap)


def _is_masked_level(word: str) -> bool:
    return len(word) == 2 and word[0] == "某" and word[1] in ADMIN_LEVELS


def _link_parents(mentions: list[OrgMention]) -> None:
    """A name that starts with another unit's name found in the same place is its body.

    A branch (分院, 分行, 分校 …) is not a body: the unit it branches from
    becomes one of its spellings (中日友好医院分院 ≡ 中日友好医院).
    """
    if len({m.start for m in mentions}) == len(mentions):
        return  # no two names start at one place
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
            if p is m or p.start != m.start or p.end >= m.end or m.joined:
                continue
            if not _BODY_START.match(m.surface[p.end - p.start:]):
                p.inner = True


def find_self_names(text: str, rules: OrgRules | None = None, taken: list[OrgMention] = ()) -> list[OrgMention]:
    """A unit naming itself by its kind (``集团召开推进会``, ``学校2023年…总结``): a
    word of ``org_self_names.txt`` opening a clause of ``text`` and followed by a
    verb or a year (``org_self_followers.txt``). ``taken`` are the mentions found
    already: a kind word inside one of them is no name of its own.

    >>> [(m.name, m.kind) for m in find_self_names("5月29日，集团召开主题教育推进会")]
    [('集团', '企业')]
    >>> find_self_names("推动学校教育高质量发展")
    []
    """
    rules = rules or load_org_rules()
    out: list[OrgMention] = []
    for hit in _self_name_pattern(rules).finditer(text):
        at, end = hit.span(1)
        if clause_prefix(text, at) or any(m.start <= at < m.end for m in [*taken, *out]):
            continue
        word = hit.group(1)
        out.append(OrgMention(word, word, at, end, rules.self_names[word], set(), canonical=word))
    return out


_SELF_NAME_PATTERNS: dict = {}


def _self_name_pattern(rules: OrgRules) -> re.Pattern:
    """A kind word followed by a follower (集团召开): one regex for the lexicon's pairs."""
    pattern = _SELF_NAME_PATTERNS.get(id(rules))
    if pattern is None:
        names = alternation(rules.self_names)
        followers = "|".join(map(re.escape, rules.self_followers))
        pattern = _SELF_NAME_PATTERNS[id(rules)] = re.compile(f"({names})(?={followers})")
    return pattern
