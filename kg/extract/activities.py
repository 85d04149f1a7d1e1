"""Activities (活动/举措, SCHEMA §3): what a unit did, does or will do.

A trigger lexicon (data/lexicon/activity_triggers.txt) maps wording to the
closed category list; one Aho–Corasick pass over the document finds every
trigger. Each hit becomes an activity named as written (with the quoted
brand right before it: “缅怀先烈，致敬英雄”云交流活动), unless the sentence
only talks *about* the activity (调查研究是谋事之基). A quoted brand followed
by 活动 that no trigger names is a named activity of category 其他.

Status comes from context, which a single sentence rarely states:
``planned`` in plan documents and under 下一步/工作打算 headings or after 将/拟;
``urged`` when a speech (讲话, 党课) tells others 要/必须/务必 do it;
``done`` otherwise. The conducting unit is the reporting unit unless the
sentence opens with another organization; partners follow 联合/与/同/携手 or
precede 共建; materials are the studied titles named in the same sentence.
"""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table
from .base import Context, Sentence, evidence_item, register

__all__ = ["CATEGORIES", "extract_activities", "find_triggers", "section_of", "status_of"]

log = logging.getLogger(__name__)

CATEGORIES = (
    "集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育",
    "主题党日", "参观见学", "比赛评选", "联学共建", "为民服务", "组织生活", "线上学习", "读书分享", "其他",
)

_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[，、]"
    r"|[0-9]+[、.．](?!\d))"
)
_PLAN_SECTION = re.compile(r"下一步|下步|下阶段|工作打算|工作计划|学习计划|今后|明年|展望|打算|计划安排")
_PLAN_CUE = re.compile(r"^(?:下一步|下步|下阶段|接下来|今后|明年)|将要|拟于|拟在|计划于|计划在|(?<![即必])将(?=[\u4e00-\u9fff]{1,6}$)")
_URGE_CUE = re.compile(r"要|必须|务必|应当|需要|坚决|切实")
_STATEMENT_AFTER = re.compile(r"^(?:是|就是|乃|作为|为|的重要|的意义|之基|之道|之本|工作的)")
# 调研能力, 调研成果, 培训长效机制: the trigger word qualifies another noun.
_MODIFIER_AFTER = re.compile(r"^(?:的)?(?:能力|本领|水平|之风|成果|报告|机制|制度|长效|规模|领域|基地|案例)")
_PARTNER_CUE = re.compile(r"(?:联合|携手|会同|与|同|和)(?P<org>[^，,。；;]{2,20}?)(?:共同|一起|一道|联合|开展|举办|共建|联学)")
_BRAND = re.compile(r"[“\"「]([^“”\"「」\n]{2,30})[”\"」]$")
_NAMED_ACTIVITY = re.compile(r"[“\"「]([^“”\"「」\n]{2,30})[”\"」](?:主题)?(?:系列)?(?:实践|教育|学习|宣传|志愿|专项)?活动")
_NAME_SUFFIX = re.compile(r"^(?:活动|班|会|赛|课)")
_SPEECH_GENRES = ("讲话", "党课")
_CAMPAIGN_PERIOD = ("年", "月", "周", "日")


@lru_cache(maxsize=None)
def _automaton(directory: str | None = None):
    import ahocorasick

    path = lexicon_path("activity_triggers", directory)
    automaton = ahocorasick.Automaton()
    for trigger, category in read_table(path, 2):
        if category not in CATEGORIES:
            raise LexiconError(path, _line_of(path, trigger), f"unknown category {category!r} for {trigger!r}; use one of {' '.join(CATEGORIES)}")
        automaton.add_word(trigger, (trigger, category))
    automaton.make_automaton()
    return automaton


def _line_of(path, word: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if re.split(r"\t|=>", line)[0].strip() == word), 0)


def find_triggers(norm: str, directory: str | None = None):
    """Yield ``(start, end, trigger, category)`` for each trigger in ``norm``.

    >>> [(t, c) for _, _, t, c in find_triggers("开展专题党课和交流研讨")]
    [('专题党课', '党课'), ('交流研讨', '专题研讨')]
    """
    for end, (trigger, category) in _automaton(directory).iter_long(norm):
        yield end - len(trigger) + 1, end + 1, trigger, category


def section_of(sentences: list[Sentence], norm: str) -> list[str]:
    """The outline heading above each sentence (a heading is a line of its own).

    >>> from kg.extract.base import iter_sentences
    >>> t = "一、主要做法\\n集中学习。\\n二、下一步打算\\n加强学习。"
    >>> section_of(list(iter_sentences(t)), t)
    ['一、主要做法', '一、主要做法', '二、下一步打算', '二、下一步打算']
    """
    out, top, sub = [], "", ""
    for s in sentences:
        line_start = s.start == 0 or norm[s.start - 1] == "\n"
        line_end = s.end >= len(norm) or norm[s.end:s.end + 1] in ("\n", "")
        if line_start and line_end and len(s.norm) <= 40 and _HEADING.match(s.norm):
            if s.norm.startswith(("（", "(")) or s.norm[0].isdigit():
                sub = s.norm
            else:
                top, sub = s.norm, ""
        out.append(f"{top}{' / ' + sub if sub else ''}")
    return out


def status_of(sentence: str, before: str, section: str, genre: str) -> str:
    """``planned``, ``urged`` or ``done`` for a trigger, from its context.

    ``before`` is the sentence text before the trigger.

    >>> status_of("下一步，将组织读书班。", "下一步，将组织", "", "汇报")
    'planned'
    >>> status_of("各级党组织要开展专题研讨。", "各级党组织要开展", "", "讲话")
    'urged'
    >>> status_of("开展集中学习12次。", "开展", "一、主要做法", "汇报")
    'done'
    """
    if genre == "计划" or _PLAN_SECTION.search(section) or _PLAN_CUE.search(before) or _PLAN_CUE.match(sentence):
        return "planned"
    if genre in _SPEECH_GENRES and _URGE_CUE.search(before):
        return "urged"
    return "done"


def _org_names(ctx: Context) -> list[str]:
    names = set()
    for o in ctx.found.get("organizations", []) or []:
        if isinstance(o, dict):
            names.add(o.get("name") or "")
            names.update(o.get("aliases") or [])
    names.discard("")
    return sorted(names, key=len, reverse=True)


def _reporting_org(ctx: Context) -> str | None:
    rep = ctx.found.get("reporting_org") or []
    if rep and isinstance(rep[0], dict):
        return rep[0].get("name")
    return ctx.reporting_org


def _material_names(ctx: Context) -> list[str]:
    names = []
    for m in ctx.found.get("materials", []) or []:
        name = m.get("name") if isinstance(m, dict) else m
        if name and name not in names:
            names.append(name)
    return names


def _conducting_org(clause: str, orgs: list[str], default: str | None) -> str | None:
    for name in orgs:
        if clause.startswith(name):
            return name
    return default


def _partners(sentence: str, orgs: list[str], conductor: str | None) -> list[str]:
    found = []
    for m in _PARTNER_CUE.finditer(sentence):
        span = m.group("org")
        for name in orgs:
            if name in span and name != conductor and name not in found:
                found.append(name)
    for m in re.finditer(r"共建|结对", sentence):
        head = sentence[max(0, m.start() - 20):m.start()]
        for name in orgs:
            if head.endswith(name) and name != conductor and name not in found:
                found.append(name)
    return found


def _name(norm: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a trigger to the activity's name: a quoted brand before, 活动/班 after."""
    m = _NAME_SUFFIX.match(norm[end:end + 2])
    if m:
        end += m.end()
    b = _BRAND.search(norm[max(0, start - 32):start])
    if b:
        start = start - (len(b.group(0)))
    return start, end


@register("activities")
def extract_activities(ctx: Context) -> list[dict]:
    """Activities of the document, one per (name, category, status, org)."""
    doc = ctx.doc
    norm = doc.norm
    sections = section_of(ctx.sentences, norm)
    starts = [s.start for s in ctx.sentences]
    orgs = _org_names(ctx)
    reporting = _reporting_org(ctx)
    materials = _material_names(ctx)
    hits = [(s, e, cat) for s, e, _, cat in find_triggers(norm)]
    for m in _NAMED_ACTIVITY.finditer(norm):
        if m.group(1).endswith(_CAMPAIGN_PERIOD):
            continue  # “工作落实年”活动 names a campaign period, not an activity
        if not any(s < m.end() and m.start() < e for s, e, _ in hits):
            hits.append((m.start(), m.end(), "其他"))
    hits.sort()
    items, seen = [], set()
    planned_line = -1
    for start, end, category in hits:
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= ctx.sentences[i].end:
            continue
        sent = ctx.sentences[i]
        if start - sent.start < 1 and end >= sent.end and len(sent.norm) <= 12:
            continue  # a bare heading or title line
        rel_s, rel_e = start - sent.start, end - sent.start
        if _STATEMENT_AFTER.match(sent.norm[rel_e:]) and rel_s <= 2 or _MODIFIER_AFTER.match(sent.norm[rel_e:]):
            continue
        before = sent.norm[:rel_s]
        line_start = norm.rfind("\n", 0, sent.start) + 1
        if re.match(r"^(?:下一步|下步|下阶段|接下来|今后)", norm[line_start:line_start + 4]):
            planned_line = line_start
        section = sections[i] + (" 下一步" if planned_line == line_start else "")
        status = status_of(sent.norm, before, section, doc.genre)
        clause = re.split(r"[，,；;：:]", before)[-1] if before else ""
        org = _conducting_org(sent.norm, orgs, None) or _conducting_org(clause, orgs, reporting)
        n_s, n_e = _name(norm, doc.text, start, end)
        name = doc.text[n_s:n_e]
        key = (name, category, status, org)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            evidence_item(
                sent,
                name=name,
                category=category,
                status=status,
                org=org,
                partners=_partners(sent.norm, orgs, org),
                materials=[m for m in materials if m in sent.text],
            )
        )
    return items
