"""Policy slogans (提法, SCHEMA §5): quoted formulas and the slogan lexicon.

Two sources, one pass each over the document:

* the slogan lexicon (data/lexicon/slogans.txt), matched with an
  Aho–Corasick automaton on the folded text, so a slogan is found where it
  stands unquoted (增强四个意识) and in its spelling variants (parts joined by
  ，or nothing, 10个明确 for 十个明确);
* quoted phrases, each classified by :func:`classify_quoted` as ``slogan``
  (a lexicon entry, a numbered formula like “三服务” or “三高四新”, an
  “…经验”), ``metaphor`` (“方向盘”), ``brand`` (a unit's own activity name,
  “青出于蓝”活动) or ``other`` (an ordinary word in quotes). Only slogans are
  output; the rest is rhetoric the graph should not echo.

One item per distinct canonical slogan per document, with the evidence of
its first occurrence. The spans of every occurrence are left in
``ctx.found["slogan_spans"]`` so the metrics extractor can reject figures
inside slogans (两个确立 is not "2 个").
"""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache

import ahocorasick

from ..lexicon import lexicon_path, read_wordlist
from .base import Context, evidence_item, register
from .numbers import parse_chinese_numeral

__all__ = ["extract_slogans", "canonical_slogan", "classify_quoted", "find_slogans", "QUOTED_PATTERN"]

log = logging.getLogger(__name__)

#: A quoted phrase in curly, straight or corner quotes (the inner text is group 1–4).
QUOTED_PATTERN = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
_SEPARATORS = re.compile(r"[，,、；;\s]+")
_CN_NUMERAL = "两三四五六七八九十"
_NUMBERED = re.compile(rf"^[{_CN_NUMERAL}][{_CN_NUMERAL}]?[\u4e00-\u9fff]{{1,6}}$")
_ARABIC_HEAD = re.compile(r"^(\d{1,2})(?=个|项|大|条|种)")
_SENTENCE_END = re.compile(r"[。！？!?]")
_BRAND_AFTER = ("活动", "行动", "品牌", "工作法", "模式", "平台", "项目", "讲堂", "课堂", "宣讲团", "系列",
                "工作室", "志愿服务队", "服务队", "专栏", "栏目", "小组", "之家", "驿站", "大赛", "比赛", "竞赛")
_CN_DIGITS = "零一二三四五六七八九"


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
    text = re.sub(r"[“”\"'‘’「」『』]", "", text).strip()
    text = _SEPARATORS.sub("、", text).strip("、")
    m = _ARABIC_HEAD.match(text)
    if m:
        text = _to_chinese(int(m.group(1))) + text[m.end():]
    return text


def _variants(canonical: str) -> set[str]:
    parts = canonical.split("、")
    out = {canonical, "，".join(parts), "".join(parts), ",".join(parts)}
    m = re.match(rf"^([{_CN_NUMERAL}]{{1,2}})(?=个|项|大|条|种)", canonical)
    if m:
        value = parse_chinese_numeral(m.group(1))
        if value is not None:
            out.add(f"{value}{canonical[m.end():]}")
    return {v for v in out if len(v) >= 2}


@lru_cache(maxsize=None)
def _lexicons(directory: str | None = None):
    slogans = [e.word for e in read_wordlist(lexicon_path("slogans", directory))]
    automaton = ahocorasick.Automaton()
    for canonical in slogans:
        for v in _variants(canonical):
            automaton.add_word(v, (v, canonical))
    automaton.make_automaton()
    metaphors = frozenset(e.word for e in read_wordlist(lexicon_path("metaphors", directory)))
    reject = frozenset(e.word for e in read_wordlist(lexicon_path("slogan_reject", directory)))
    return automaton, frozenset(slogans), metaphors, reject


def classify_quoted(phrase: str, after: str = "", directory: str | None = None) -> str:
    """``slogan``, ``metaphor``, ``brand`` or ``other`` for a quoted phrase.

    ``after`` is the text right after the closing quote (a brand is often
    followed by 活动, 品牌, 工作法 …).

    >>> [classify_quoted(p) for p in ("两个确立", "三服务", "方向盘", "枫桥经验", "务实")]
    ['slogan', 'slogan', 'metaphor', 'slogan', 'other']
    >>> classify_quoted("青出于蓝", after="青年理论学习品牌")
    'brand'
    """
    _, slogans, metaphors, reject = _lexicons(directory)
    canonical = canonical_slogan(phrase)
    if canonical in slogans:
        return "slogan"
    if phrase in metaphors or canonical in metaphors:
        return "metaphor"
    if canonical in reject or _SENTENCE_END.search(phrase):
        return "other"
    head = re.split(r"[，。；,;：:“”\"]", after, 1)[0][:10]
    if any(w in head for w in _BRAND_AFTER):
        return "brand"
    if _NUMBERED.match(canonical) or canonical.endswith("经验") and 4 <= len(canonical) <= 8:
        return "slogan"
    return "other"


def find_slogans(norm: str, directory: str | None = None):
    """Yield ``(start, end, canonical, quoted)`` for every slogan occurrence in ``norm``.

    >>> [(c, q) for _, _, c, q in find_slogans("增强四个意识，坚定“四个自信”，用好“方向盘”")]
    [('四个意识', False), ('四个自信', True)]
    """
    automaton, _, _, _ = _lexicons(directory)
    quoted_spans = []
    for m in QUOTED_PATTERN.finditer(norm):
        inner = next(g for g in m.groups() if g is not None)
        if classify_quoted(inner, norm[m.end():m.end() + 12], directory) == "slogan":
            quoted_spans.append((m.start(), m.end(), canonical_slogan(inner), True))
    hits = []
    for end_idx, (surface, canonical) in automaton.iter_long(norm):
        start = end_idx - len(surface) + 1
        if any(a <= start and end_idx < b for a, b, _, _ in quoted_spans):
            continue
        hits.append((start, end_idx + 1, canonical, False))
    yield from sorted(quoted_spans + hits)


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
        spans.setdefault(sent.index, []).append((start - sent.start, end - sent.start))
        if canonical in seen:
            continue
        seen.add(canonical)
        items.append(evidence_item(sent, canonical=canonical, quoted=quoted, surface=ctx.doc.text[start:end]))
    ctx.found["slogan_spans"] = spans
    return items
