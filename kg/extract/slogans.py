"""Policy slogans (提法, SCHEMA §5): the slogan lexicon and general rules for formulas.

What reports echo is of two kinds, and each needs its own source:

* national formulas, listed once in the slogan lexicon
  (data/lexicon/slogans.txt) and matched with Aho–Corasick automata on the
  folded text, so a slogan is found where it stands unquoted (增强四个意识),
  in its spelling variants (10个明确 for 十个明确) and, for a multi-part
  formula, with its parts joined by 、 ， a space, nothing or a mix of these
  (学党章党规、学系列讲话，做合格党员). A report that takes a multi-part
  formula apart (its four parts as four headings, or 在“学思想”上……在“强党性”
  上……) echoes it too: when every part stands in the document, the formula
  is found;
* formulas particular to a locality or a system (五抓五提, 一转两联三报到)
  that no list can hold. They are found by rules over quoted phrases
  (:func:`classify_quoted`): a numbered formula (a numeral heading each part:
  三服务, 三高四新, 一讲二评三公示, 双报到), a multi-part formula in a
  formula's context (按照“…、…”的总要求), a short named programme
  (“强基工程”, “枫桥经验”).

Not output: metaphors (“方向盘”, metaphors.txt), a unit's own brand (“青出于
蓝”品牌), quoted ordinary words and sayings (slogan_reject.txt), dates
(“五四”, “三八”). The words that tell these apart are data
(slogan_contexts.txt).

One item per distinct canonical slogan per document, with the evidence of
its first occurrence. The spans of every occurrence are left in
``ctx.found["slogan_spans"]`` so the metrics extractor can reject figures
inside slogans (两个确立 is not "2 个").
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table, read_wordlist
from .base import Context, evidence_item, finditer_from, register
from .matcher import Matcher
from .numbers import parse_chinese_numeral
from .tokenize import cut_words

__all__ = ["extract_slogans", "canonical_slogan", "classify_quoted", "find_slogans", "is_numbered_formula",
           "QUOTED_PATTERN"]

log = logging.getLogger(__name__)

#: A quoted phrase in curly, straight or corner quotes (the inner text is group 1–4).
#: Other modules use it to skip quoted names; slogans read a few more quote styles.
QUOTED_PATTERN = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
# Web copies also close with 〞 (“…〞, 〝…〞) and quote with single curly quotes.
_SLOGAN_QUOTED = re.compile(
    r"[“〝]([^“”〝〞\n]{1,40})[”〞]|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』"
    r"|‘([^‘’“”\n]{1,20})’"
    # mangled on the way to the web page: '两个确保“ (the closing quote an opening one),
    # “三职一肩挑, (never closed; the phrase ends at the next separator)
    r"|['‘]([^'‘’“”\n]{2,20})“(?![^“”\n]{0,40}”)"
    r"|“([^“”〝〞\n，,、。；;：:]{2,12})(?=[，,、。；;])"
)
_UNCLOSED_GROUP = _SLOGAN_QUOTED.groups
_SLOGAN_QUOTED_FIRST = re.compile("[“〝\"「『‘']")  # what every quoted slogan starts with
_HEAD_END = re.compile(r"[，。；,;：:“”\"]")  # where the words right after a quoted phrase end
_QUOTES = re.compile(r"[“”\"'‘’「」『』〝〞]")
_SEPARATORS = re.compile(r"[，,、；;\s]+")
# What may stand between the parts of a multi-part slogan written out.
_PART_GAP = frozenset("、，,；; \u3000\n“”\"‘’")
_SENTENCE_END = re.compile(r"[。！？!?]")

# Numbered formulas. A part is headed by a numeral; 双 counts as one (双报到).
_HEAD = "两三四五六七八九十双"
_NUMERALS = "一二两三四五六七八九十百千万双"
# 三服务, 四个意识, 十三个方面成就, 三会一课, 五到四从四多
_NUMBERED = re.compile(rf"^[{_HEAD}][两三四五六七八九十]?[\u4e00-\u9fff]{{1,7}}$")
# 一转两联三报到, 一讲二评三公示, 一岗双责: led by 一, another numeral follows
# (一企一档 and 一刀切 alone are ordinary wording).
_ENUMERATION = re.compile(r"^[一二三四五六七八九十]{1,2}是")
_NUMBERED_ONE = re.compile(r"^一[\u4e00-\u9fff]{1,9}$")
# An N大X formula standing as a phrase of its own, unquoted: 、三大攻坚战、
# (not 党的二十大, 第四大航空港, 创造了两大奇迹 — a count inside a clause).
_STANDING_BIG = re.compile(
    r"(?<![第十\u4e00-\u9fff])[两三四五六七八九]大(?!以|期间|召开|报告|精神|代表|前|后)[\u4e00-\u9fff]{2,3}(?=[，、。；：“”的])"
)
_STANDING_BIG_FIRST = re.compile(r"[两三四五六七八九]大")
# Dates and congresses, not formulas: 五四, 三八, 七一, 九一八, 五四运动, 十九大, 二十届三中全会.
# A streak (十二连增) is a count too.
_DATE = re.compile(
    r"^[一二两三四五六七八九十〇零]{1,3}(?:运动|节|事变|纪念日)?$|^(?:十[一二三四五六七八九]|二十)(?:大|届.*)$"
    r"|^[一二两三四五六七八九十]+连"
)
_CN_DIGITS = "零一二三四五六七八九"
_ARABIC_HEAD = re.compile(r"^(\d{1,2})(?=个|项|大|条|种)")
_CN_HEAD = re.compile(rf"^([{_NUMERALS}]{{1,2}})(?=个|项|大|条|种)")
# After a multi-part phrase: a particle (的, 这一), then the words up to the next
# punctuation, where a formula word is looked for (总要求, 四点要求, 治水思路).
_AFTER_LEAD = re.compile(r"(?:的|之|这一|这个|等)?")
_AFTER_HEAD = re.compile(r"[\u4e00-\u9fff\d]{0,8}")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# The roles a word of slogan_contexts.txt can have.
_ROLES = ("brand_after", "formula_after", "formula_veto", "formula_before", "named_suffix")
# The longest name before a named suffix unless slogan_contexts.txt says otherwise.
_NAMED_DEFAULT = 3
# A multi-part slogan taken apart: all its parts within this many characters.
_APART_WINDOW = 1500
# A quoted phrase is read with this much text on each side.
_BEFORE, _AFTER = 6, 12


def _to_chinese(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def canonical_slogan(text: str) -> str:
    """The canonical form: no quotes, 、 between parts, a Chinese numeral.

    >>> canonical_slogan("“学思想，强党性，重实践，建新功”")
    '学思想、强党性、重实践、建新功'
    >>> canonical_slogan("10个明确"), canonical_slogan("14个坚持")
    ('十个明确', '十四个坚持')
    """
    text = _QUOTES.sub("", text).strip()
    text = _SEPARATORS.sub("、", text).strip("、")
    m = _ARABIC_HEAD.match(text)
    if m:
        text = _to_chinese(int(m.group(1))) + text[m.end():]
    return text


def _variants(canonical: str) -> set[str]:
    """Spellings of a one-part slogan: itself, and Arabic figures for its numeral."""
    out = {canonical}
    m = _CN_HEAD.match(canonical)
    if m:
        value = parse_chinese_numeral(m.group(1))
        if value is not None:
            out.add(f"{value}{canonical[m.end():]}")
    return {v for v in out if len(v) >= 2}


@dataclass(frozen=True)
class _Lexicons:
    whole: object  # automaton: spelling -> (spelling, canonical) for one-part slogans
    parts: object  # automaton: part -> (part, slogans it starts, (slogan, index) of slogans found apart)
    multipart: dict  # canonical -> its parts
    apart: frozenset  # multi-part slogans also found taken apart
    slogans: frozenset
    metaphors: frozenset
    reject: frozenset
    brand_after: tuple
    formula_after: tuple
    formula_veto: tuple
    formula_before: tuple
    # the same word lists as one pattern each, for speed
    brand_re: re.Pattern
    formula_after_re: re.Pattern
    formula_veto_re: re.Pattern
    formula_before_re: re.Pattern
    named_suffix: dict  # suffix -> the longest name before it


def _any_of(words, suffix: str = "") -> re.Pattern:
    """One pattern for a word list (longest first); one that never matches for none."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")" + suffix)


def _line_of(path, word: str) -> int:
    """The line of ``path`` that starts with ``word`` (for an error message)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().startswith(word):
            return n
    return 0


@lru_cache(maxsize=None)
def _lexicons(directory: str | None = None) -> _Lexicons:
    slogans = [e.word for e in read_wordlist(lexicon_path("slogans", directory))]
    whole, parts = Matcher(), Matcher()
    multipart: dict[str, tuple[str, ...]] = {}
    for canonical in slogans:
        pieces = tuple(p for p in canonical.split("、") if p)
        if len(pieces) > 1:
            multipart[canonical] = pieces
        else:
            for v in _variants(canonical):
                whole.add_word(v, (v, canonical))
    apart = frozenset(c for c, pieces in multipart.items() if all(_distinctive(p) for p in pieces))
    # Only first parts (where a written-out slogan starts) and the parts of the
    # slogans found taken apart are searched for; the rest is checked in place.
    firsts: dict[str, list[str]] = {}
    owners: dict[str, list[tuple[str, int]]] = {}
    for canonical, pieces in multipart.items():
        firsts.setdefault(pieces[0], []).append(canonical)
        if canonical in apart:
            for i, piece in enumerate(pieces):
                owners.setdefault(piece, []).append((canonical, i))
    for piece in firsts.keys() | owners.keys():
        parts.add_word(piece, (piece, tuple(firsts.get(piece, ())), tuple(owners.get(piece, ()))))
    whole.make_automaton()
    if multipart:
        parts.make_automaton()
    roles: dict[str, list[str]] = {}
    named: dict[str, int] = {}
    path = lexicon_path("slogan_contexts", directory)
    for word, role, longest in read_table(path, 3, min_columns=2):
        if role not in _ROLES:
            raise LexiconError(path, _line_of(path, word),
                               f"unknown role {role!r} for {word!r}; one of {', '.join(_ROLES)}")
        roles.setdefault(role, []).append(word)
        if role == "named_suffix":
            if longest and not longest.isdigit():
                raise LexiconError(path, _line_of(path, word), f"the longest name before {word!r} must be a number,"
                                   f" got {longest!r}")
            named[word] = int(longest or _NAMED_DEFAULT)
    return _Lexicons(
        whole=whole,
        parts=parts if multipart else None,
        multipart=multipart,
        apart=apart,
        slogans=frozenset(slogans),
        metaphors=frozenset(e.word for e in read_wordlist(lexicon_path("metaphors", directory))),
        reject=frozenset(e.word for e in read_wordlist(lexicon_path("slogan_reject", directory))),
        brand_after=tuple(roles.get("brand_after", ())),
        formula_after=tuple(roles.get("formula_after", ())),
        formula_veto=tuple(roles.get("formula_veto", ())),
        formula_before=tuple(roles.get("formula_before", ())),
        brand_re=_any_of(roles.get("brand_after", ())),
        formula_after_re=_any_of(roles.get("formula_after", ())),
        formula_veto_re=_any_of(roles.get("formula_veto", ())),
        formula_before_re=_any_of(roles.get("formula_before", ()), suffix="$"),
        named_suffix=named,
    )


def _distinctive(part: str) -> bool:
    """A part that says its slogan on its own: not a short or dictionary word.

    学思想 and 以学铸魂 are; 综合治理, 奉献, 稳中求进 also stand in ordinary
    sentences, so a slogan with such a part is found only written out.
    """
    return len(part) >= 3 and len(cut_words(part)) > 1


def is_numbered_formula(canonical: str) -> bool:
    """True for a numbered formula: its parts headed by numerals.

    >>> [is_numbered_formula(s) for s in ("三服务", "一转两联三报到", "双报到", "双随机、一公开")]
    [True, True, True, True]
    >>> [is_numbered_formula(s) for s in ("一企一档", "一把手", "五四", "十九大", "人民至上")]
    [False, False, False, False, False]
    """
    parts = canonical.split("、")
    if len(parts) > 1:
        # 双随机、一公开: every part numbered, one of them a formula on its own
        return all(_numbered_part(p) is not False for p in parts) and any(_numbered_part(p) for p in parts)
    return bool(_numbered_part(canonical)) and not _DATE.match(canonical)


def _numbered_part(text: str) -> bool | None:
    """True for a numbered formula, None for a part led by 一 alone (一公开), else False."""
    if len(text) > 10 or _ENUMERATION.match(text):
        return False  # 三是加强学习: the third point of a speech, not a formula
    if _NUMBERED.match(text):
        return True
    if _NUMBERED_ONE.match(text):
        # 一转两联三报到, 一四五十: another numeral follows the 一
        return True if any(c in _HEAD or c == "二" for c in text[1:]) else None
    return False


def _multipart(canonical: str) -> bool:
    """Two or more short parts of plain Chinese: 学思想、强党性."""
    parts = canonical.split("、")
    return len(parts) > 1 and len(canonical) <= 40 and all(2 <= len(p) <= 10 and _CJK.match(p) for p in parts)


def _formula_after(lex: _Lexicons, after: str) -> bool:
    """Followed by a formula word: “…、…”的总要求, “…、…”四点要求, “…、…”的治水思路."""
    head = _AFTER_HEAD.match(after, _AFTER_LEAD.match(after).end()).group()
    return bool(lex.formula_after_re.search(head)) and not lex.formula_veto_re.search(head)


def _formula_before(lex: _Lexicons, before: str) -> bool:
    """Preceded by a formula verb: 按照“…、…”, 弘扬“…、…”."""
    before = before.rstrip("了的")
    return bool(lex.formula_before_re.search(before))


def _named(lex: _Lexicons, canonical: str) -> bool:
    """A short name and a suffix: 枫桥经验, 强基工程, 北大荒精神 (not 党建提速工程)."""
    for suffix, longest in lex.named_suffix.items():
        name = canonical[:-len(suffix)]
        if canonical.endswith(suffix) and 2 <= len(name) <= longest and _CJK.match(name):
            return True
    return False


def classify_quoted(phrase: str, after: str = "", directory: str | None = None, before: str = "") -> str:
    """``slogan``, ``metaphor``, ``brand`` or ``other`` for a quoted phrase.

    ``before`` and ``after`` are the text right before the opening and after
    the closing quote: a brand is followed by 活动, 品牌, 工作法 …; a
    multi-part formula is followed by 总要求, 方针 … or preceded by 按照, 弘扬 ….

    >>> [classify_quoted(p) for p in ("两个确立", "三服务", "方向盘", "枫桥经验", "务实", "五四")]
    ['slogan', 'slogan', 'metaphor', 'slogan', 'other', 'other']
    >>> classify_quoted("青出于蓝", after="青年理论学习品牌"), classify_quoted("五抓五提", after="专项行动")
    ('brand', 'slogan')
    >>> classify_quoted("守初心、担使命", after="的总要求"), classify_quoted("痛点、难点", after="问题")
    ('slogan', 'other')
    """
    lex = _lexicons(directory)
    canonical = canonical_slogan(phrase)
    if canonical in lex.slogans:
        return "slogan"
    if phrase in lex.metaphors or canonical in lex.metaphors:
        return "metaphor"
    if canonical in lex.reject or _SENTENCE_END.search(phrase):
        return "other"
    if is_numbered_formula(canonical):
        return "slogan"
    multipart = _multipart(canonical)
    if multipart and _formula_after(lex, after):
        return "slogan"
    head = _HEAD_END.split(after, 1)[0][:10]
    if lex.brand_re.search(head):
        return "brand"
    if multipart and _formula_before(lex, before):
        return "slogan"
    if _named(lex, canonical):
        return "slogan"
    return "other"


def _lexicon_hits(lex: _Lexicons, norm: str) -> list[tuple[int, int, str]]:
    """Occurrences of lexicon slogans: one-part ones, multi-part ones written out."""
    hits = []
    for end_idx, (surface, canonical) in lex.whole.iter_long(norm):
        hits.append((end_idx - len(surface) + 1, end_idx + 1, canonical))
    if lex.parts is None:
        return hits
    seen_parts: dict[str, list[set[int]]] = {}
    for end_idx, (piece, firsts, owners) in lex.parts.iter(norm):
        start = end_idx - len(piece) + 1
        for canonical in firsts:
            end = _follow(norm, start, lex.multipart[canonical])
            if end is not None:
                hits.append((start, end, canonical))
        for canonical, i in owners:
            seen = seen_parts.get(canonical)
            if seen is None:
                seen = seen_parts[canonical] = [set() for _ in lex.multipart[canonical]]
            seen[i].add(start)
    written = {c for _, _, c in hits}
    for canonical, seen in seen_parts.items():
        if canonical not in written and all(seen):
            # Taken apart: every part stands in one stretch of the document.
            first = _apart_window(seen)
            if first is not None:
                start, i = first
                hits.append((start, start + len(lex.multipart[canonical][i]), canonical))
    return hits


def _apart_window(seen: list[set[int]]) -> tuple[int, int] | None:
    """The first part occurrence ``(start, part index)`` of the narrowest stretch
    holding every part, when that stretch is at most ``_APART_WINDOW`` long."""
    events = sorted((pos, i) for i, starts in enumerate(seen) for pos in starts)
    need, count, have = len(seen), [0] * len(seen), 0
    best, lo = None, 0
    for pos, i in events:
        count[i] += 1
        have += count[i] == 1
        while have == need:
            lo_pos, lo_i = events[lo]
            if best is None or pos - lo_pos < best[0]:
                best = (pos - lo_pos, lo_pos, lo_i)
            count[lo_i] -= 1
            have -= count[lo_i] == 0
            lo += 1
    if best is None or best[0] > _APART_WINDOW:
        return None
    return best[1], best[2]


def _follow(norm: str, start: int, pieces: tuple[str, ...]) -> int | None:
    """End of the written-out slogan whose first part starts at ``start``, if all parts follow."""
    pos = start + len(pieces[0])
    for piece in pieces[1:]:
        gap = 0
        while gap < 3 and pos + gap < len(norm) and norm[pos + gap] in _PART_GAP:
            gap += 1
        if not norm.startswith(piece, pos + gap):
            return None
        pos += gap + len(piece)
    return pos


def find_slogans(norm: str, directory: str | None = None):
    """Yield ``(start, end, canonical, quoted)`` for every slogan occurrence in ``norm``.

    >>> [(c, q) for _, _, c, q in find_slogans("增强四个意识，坚定“四个自信”，用好“方向盘”")]
    [('四个意识', False), ('四个自信', True)]
    """
    lex = _lexicons(directory)
    quoted = []
    for m in finditer_from(_SLOGAN_QUOTED, _SLOGAN_QUOTED_FIRST, norm):
        inner = next(g for g in m.groups() if g is not None)
        before, after = norm[max(0, m.start() - _BEFORE):m.start()], norm[m.end():m.end() + _AFTER]
        if m.lastindex == _UNCLOSED_GROUP:
            # “双报到平台, : the lost closing quote stood before the brand word
            cut = next((k for k in range(2, len(inner)) if lex.brand_re.match(inner, k)), None)
            if cut is not None:
                inner, after = inner[:cut], inner[cut:] + after
        if classify_quoted(inner, after, directory, before=before) == "slogan":
            canonical = canonical_slogan(inner)
            if canonical not in lex.slogans and any(p in lex.slogans for p in canonical.split("、")):
                continue  # “两个维护、四个意识”: two slogans, found by the lexicon
            quoted.append((m.start(), m.end(), canonical, True))
    hits = []
    candidates = _lexicon_hits(lex, norm) + [(m.start(), m.end(), m.group()) for m in
                                            finditer_from(_STANDING_BIG, _STANDING_BIG_FIRST, norm)]
    for start, end, canonical in sorted(candidates, key=lambda h: (h[0], h[0] - h[1])):
        if any(a <= start and end <= b for a, b, _, _ in quoted):
            continue
        if hits and start < hits[-1][1]:
            continue  # inside a longer slogan already taken
        hits.append((start, end, canonical, False))
    # A formula spelled out as its components (“五到四从四多”……“五到”即……)
    # is one formula; the components are not slogans of their own.
    found = {c for _, _, c, _ in quoted} | {c for _, _, c, _ in hits}
    quoted = [q for q in quoted if q[2] in lex.slogans or not any(q[2] in c and q[2] != c for c in found)]
    yield from sorted(quoted + hits)


@register("slogans")
def extract_slogans(ctx: Context) -> list[dict]:
    """One item per distinct canonical slogan, evidence from its first occurrence."""
    starts = [s.start for s in ctx.sentences]
    spans: dict[int, list[tuple[int, int]]] = {}
    items, seen = [], set()
    for start, end, canonical, quoted in find_slogans(ctx.doc.norm):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            continue
        sent = ctx.sentences[i]
        if start >= sent.end:
            continue
        spans.setdefault(sent.index, []).append((start - sent.start, min(end, sent.end) - sent.start))
        if canonical in seen:
            continue
        seen.add(canonical)
        items.append(evidence_item(sent, canonical=canonical, quoted=quoted, surface=ctx.doc.text[start:end]))
    ctx.found["slogan_spans"] = spans
    return items
