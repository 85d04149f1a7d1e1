"""Activities (活动/举措, SCHEMA §3): what a unit did, does or will do.

A trigger lexicon (data/lexicon/activity_triggers.txt) maps wording to the
closed category list; one Aho–Corasick pass over the document finds every
trigger. Each hit becomes an activity named as written (with the quoted
brand right before it: “缅怀先烈，致敬英雄”云交流活动). A quoted brand followed
by 活动 that no trigger names is a named activity of category 其他.

A hit counts only inside an *activity frame*: the text must report, plan or
urge doing the thing, not merely talk about it. So a hit is dropped when it
stands in a cited speech (习近平总书记强调：“…”, 会议强调，要…), when the
central leadership is its agent (政治局进行集体学习), in a general statement
(调查研究是谋事之基) or rhetorical question (是不是干实事), when it qualifies
another noun (调研能力, 干实事的干部), and, in personal speeches (发言, 心得),
when the speaker exhorts (要…读原著) or it heads one of the speaker's points.
Weak triggers (marked ``weak`` in the lexicon: 调研, 办实事, 培训 …) also
need a frame of their own in their clause: an action verb before them
(开展/组织/通过…方式), a count after them (12次, 3场) or a 活动 brand.

Status (done, planned, urged) is read from the trigger's clause first, then
its sentence, paragraph, section and genre (kg/extract/status.py). The
conducting unit is the reporting unit unless the sentence opens with
another organization; partners follow 联合/与/同/携手 or precede 共建;
materials come from the same sentence (kg/extract/materials.py, link_materials).
"""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache

import ahocorasick

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table
from .base import Context, evidence_item, register
from .materials import link_materials
from .status import StatusReader

__all__ = [
    "CATEGORIES", "extract_activities", "find_triggers", "has_frame", "is_rhetoric",
]

log = logging.getLogger(__name__)

CATEGORIES = (
    "集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育",
    "主题党日", "参观见学", "比赛评选", "联学共建", "为民服务", "组织生活", "线上学习", "读书分享", "其他",
)
BLOCKER = "-"  # lexicon category of a phrase that contains a trigger but names no activity (破解难题)
_STRENGTHS = ("", "weak", "strong")

_POINT = re.compile(r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、])")
# 要 as a modal, not inside 主要/重要/要求/纪要/要义 …
_EXHORT = re.compile(r"(?<![主重纪摘提纲概首紧显扼简只想将])要(?![求点义件素闻害务领职员地])|必须|务必|应当|应该|理应")
_QUOTED = re.compile(r"“[^“”]*”")
# A paragraph of a personal speech that opens 一要…/我们要…/必须… exhorts throughout.
_EXHORT_OPEN = re.compile(
    r"^(?:[一二三四五六七八九十]+(?:是|[、.．])?)?(?:我们|我|大家|各级|党员干部|干部)?(?:要(?![求点义])|必须|务必|应当|应该)"
)
# 调查研究不够, 缺乏调研: a shortcoming owned up to, not a thing done.
_DEFICIENT_AFTER = re.compile(
    r"^[^，,。；;]{0,4}?(?:不够|不到位|不深入|不经常|较少|欠缺|不力|不实)(?!不?(?:罢休|放过|松懈|放手|收兵|松劲))"
)
_NEGATED_BEFORE = re.compile(r"(?:(?:没有|缺乏|缺少|未能|不善于|不愿|很少)[^，,。；;、]{0,4}|不)$")
_STATEMENT_AFTER = re.compile(r"^(?:是|就是|乃|作为|为|的重要|的意义|之基|之道|之本|工作的)")
# 调查研究是…, 调研切忌…, 专题调研要…: the trigger is the topic the clause talks about.
_TOPIC_AFTER = re.compile(
    r"^(?:[一-龥]{0,2}?(?:是|就是|乃是|切忌|贵在|重在|必须|不能|不是|关键在|的关键"
    r"|(?<![主重纪摘提纲概首紧显扼简只想将])要(?![求点义件素闻害务领])))"
)
_STATEMENT_BEFORE = re.compile(r"(?:就是|即是|都是|也是|便是|(?<![一二三四五六七八九十次先])是|即|在于)$")
_QUESTION_BEFORE = re.compile(r"是不是|是否|能不能|能否|有没有|会不会")
# 调研能力, 培训长效机制, 帮扶帮教措施: the trigger qualifies another noun.
_MODIFIER_AFTER = re.compile(
    r"^(?:的)?(?!提升|提高|增强|强化|增长|锤炼|促进|推动|加强|锻炼|练就|发挥)"
    r"[\u4e00-\u9fff]{0,2}?(?:能力|本领|水平|之风|机制|制度|长效|规模|领域|基地|案例|措施|作用|意识|理念)"
)
# “第一议题”、主题党日等学习制度: a list of institutions, not occurrences.
_INSTITUTION_AFTER = re.compile(
    r"^[”\"」]?(?:[、和及与][“\"「]?[^，,。；;、“”]{1,12}?[”\"」]?)*等[\u4e00-\u9fff]{0,4}?(?:制度|机制)"
)
# 调研成果, 调研报告, 干实事的干部: a weak trigger qualifying a noun. (读书班成果,
# 党课报告 still tell that the class or lecture took place.)
_WEAK_MODIFIER_AFTER = re.compile(r"^(?:的(?![同时])|成果|报告)")
# Cited speech: a quotation right after a speech verb, or the rest of a sentence
# after a leader or meeting 强调/指出.
_CITED_QUOTE = re.compile(r"(?:强调|指出|要求|说|讲|提出|寄语|嘱托|指示|所言|讲话中)[：:，,]?\s*“[^“”]{2,600}”")
_REPORTED = re.compile(
    r"(?:习近平|总书记|党中央|中共中央|中央|国务院|会议|全会|讲话)[^。；;，,]{0,30}?"
    r"(?:强调|指出|说|(?<![的部署工作规定相关有关])要求(?=我们|全党|各级|党员|领导干部))[，,：:]?"
)
# The central leadership as the agent of the activity: 中央政治局…进行集体学习,
# 总书记四次考察调研. Not when it is only the thing studied (习近平…思想读书班).
_LEADER = re.compile(r"习近平总书记|习近平|总书记|中共中央政治局|中央政治局|政治局|党中央|中共中央|国务院")
_STUDIED = re.compile(r"思想|精神|论述|讲话|指示|批示|部署|决策|要求|理论|著作|文章|选读|摘编|纲要|关于|方案|提出的|《")
# 关于调查研究的重要论述, 《…调研…》: the trigger is the subject of a text.
_ABOUT_BEFORE = re.compile(r"关于[^，,。；;：:]*$")
_ABOUT_AFTER = re.compile(r"^[^，,。；;：:]{0,12}?的")
# What makes a weak trigger an activity: an action verb before it in its clause …
_FRAME_VERB = re.compile(
    r"开展|组织|举办|举行|召开|参加|参与|实施|推进|推动|落实|坚持|通过|采取|采用|利用|运用|依托|借助|进行|赴|前往|深入"
    r"|邀请|完成|抓好|做好|办好|用好|抓实|执行|安排|带头|牵头|常态化|接受|观看|收看|聆听|开设|设立|深化|加强|加大|强化"
    r"|持续|分批|讲授|作了|走进|到基层|到一线|建立|制定|形成|推行|试点|提供"
    r"|狠抓|紧抓|组成|组建|成立"
)
# … or after it: a count (12次, 3场, XX次), an 活动/等方式 that names it as one.
_FRAME_AFTER = re.compile(
    r"^[^，,。；;：:！？]{0,6}?(?:(?:[0-9０-９.]+|[一二两三四五六七八九十百千万]+|[*＊Xx×]+)[余多]?"
    r"(?:次|场|期|轮|批|堂|节|天|人次|户次|户|篇|项|个|人|名|家|所|条|份|件)"
    r"|活动|等(?:方式|形式|载体|活动|举措))|^(?:到位|完毕|过程中|期间|发现)"
)
_CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?]")
_PARTNER_CUE = re.compile(r"(?:联合|携手|会同|与|同|和)(?P<org>[^，,。；;]{2,20}?)(?:共同|一起|一道|联合|开展|举办|共建|联学)")
_BRAND = re.compile(r"[“\"「]([^“”\"「」\n]{2,30})[”\"」]$")
_NAMED_ACTIVITY = re.compile(r"[“\"「]([^“”\"「」\n]{2,30})[”\"」](?:(?![的和与及等])[\u4e00-\u9fff]){0,6}?活动")
# “台独”势力分裂活动: what a hostile actor does is no activity of a unit.
_HOSTILE = re.compile(r"分裂|破坏|非法|违法|犯罪|恐怖|渗透|颠覆|邪教|反动|间谍|走私|传销|赌博")
_NAME_SUFFIX = re.compile(r"^(?:活动|班|会|赛|课)")
_PERSONAL_GENRES = ("发言", "心得")
_CAMPAIGN_PERIOD = ("年", "月", "周", "日")


@lru_cache(maxsize=None)
def _automaton(directory: str | None = None):
    path = lexicon_path("activity_triggers", directory)
    automaton = ahocorasick.Automaton()
    for trigger, category, strength in read_table(path, 3, min_columns=2):
        if category not in CATEGORIES and category != BLOCKER:
            raise LexiconError(
                path, _line_of(path, trigger),
                f"unknown category {category!r} for {trigger!r}; use one of {' '.join(CATEGORIES)} or {BLOCKER}",
            )
        if strength not in _STRENGTHS:
            raise LexiconError(path, _line_of(path, trigger), f"unknown strength {strength!r} for {trigger!r}; use weak or strong")
        automaton.add_word(trigger, (trigger, category, strength == "weak"))
    automaton.make_automaton()
    return automaton


def _line_of(path, word: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if re.split(r"\t|=>", line)[0].strip() == word), 0)


def find_triggers(norm: str, directory: str | None = None):
    """Yield ``(start, end, trigger, category)`` for each trigger in ``norm``.

    Blockers (category ``-``) are yielded too: the longer phrase wins.

    >>> [(t, c) for _, _, t, c in find_triggers("开展专题党课和交流研讨")]
    [('专题党课', '党课'), ('交流研讨', '专题研讨')]
    >>> [(t, c) for _, _, t, c in find_triggers("破解难题")]
    [('破解难题', '-')]
    """
    for end, (trigger, category, _weak) in _automaton(directory).iter_long(norm):
        yield end - len(trigger) + 1, end + 1, trigger, category


def has_frame(clause_before: str, after: str) -> bool:
    """Whether a weak trigger is framed as something done: a verb before it
    in its clause, or a count / 活动 / 等方式 right after it.

    >>> has_frame("深入基层开展", "，形成报告")
    True
    >>> has_frame("", "12次。")
    True
    >>> has_frame("对理论学习、", "、推动发展等工作作出部署")
    False
    """
    if clause_before.endswith(("边", "已", "已经", "彻底", "按期")):
        return True  # 边调研边整改, 已整改
    return bool(_FRAME_VERB.search(clause_before) or _FRAME_AFTER.match(after))


def is_rhetoric(before: str, after: str, genre: str) -> bool:
    """Whether a trigger is talked about rather than done: a statement about
    it, a rhetorical question, or a personal speech exhorting it.

    ``before``/``after`` are the sentence text around the trigger.

    >>> is_rhetoric("", "是谋事之基、成事之道。", "发言")
    True
    >>> is_rhetoric("实事求是，就是看是不是讲真话、", "、求实效。", "党课")
    True
    >>> is_rhetoric("要坚持学原文、", "、悟原理。", "发言")
    True
    >>> is_rhetoric("要坚持学原文、", "、悟原理。", "讲话")
    False
    >>> is_rhetoric("本月开展", "12次。", "汇报")
    False
    """
    clause = _CLAUSE_SPLIT.split(before)[-1]
    if not clause and _TOPIC_AFTER.match(after):
        return True
    if _STATEMENT_BEFORE.search(clause) or _QUESTION_BEFORE.search(clause):
        return True
    return genre in _PERSONAL_GENRES and bool(_EXHORT.search(_QUOTED.sub("", before)))


def _cited_spans(norm: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CITED_QUOTE.finditer(norm)]


def _in_spans(spans: list[tuple[int, int]], start: int) -> bool:
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start < spans[i][1]


def _led_by_leadership(before: str) -> bool:
    """The central leadership acts in the trigger's clause: it opens the clause
    or a verb phrase stands between it and the trigger (总书记四次考察调研), and
    nothing between says it is only what is studied (习近平…思想读书班).

    >>> _led_by_leadership("中共中央政治局就开辟新境界进行第六次")
    True
    >>> _led_by_leadership("系统学习总书记")
    False
    """
    clause = _CLAUSE_SPLIT.split(before)[-1]
    m = None
    for m in _LEADER.finditer(clause):
        pass
    if m is None:
        return False
    between = clause[m.end():]
    if _STUDIED.search(between):
        return False
    return bool(between) or re.fullmatch(r"(?:在|由|据)?", clause[:m.start()]) is not None


def _in_title(before: str) -> bool:
    return before.rfind("《") > before.rfind("》")


def _org_names(ctx: Context) -> list[str]:
    names = set()
    for o in ctx.found.get("organizations", []) or []:
        if isinstance(o, dict):
            names.add(o.get("name") or "")
            names.update(o.get("aliases") or [])
    names.discard("")
    return sorted(names, key=lambda n: (-len(n), n))  # longest first; ties by name, not by hash order


def _reporting_org(ctx: Context) -> str | None:
    rep = ctx.found.get("reporting_org") or []
    if rep and isinstance(rep[0], dict):
        return rep[0].get("name")
    return ctx.reporting_org


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


def _hits(norm: str) -> list[tuple[int, int, str, bool]]:
    """Trigger hits ``(start, end, category, weak)`` plus named 其他 activities."""
    automaton = _automaton()
    hits, blocked = [], []
    for end, (trigger, category, weak) in automaton.iter_long(norm):
        start = end - len(trigger) + 1
        if category == BLOCKER:
            blocked.append((start, end + 1))
        else:
            hits.append((start, end + 1, category, weak))
    for m in _NAMED_ACTIVITY.finditer(norm):
        if m.group(1).endswith(_CAMPAIGN_PERIOD) or _HOSTILE.search(m.group(0)):
            continue  # “工作落实年”活动 names a campaign period; 分裂活动 a hostile act
        if not any(s < m.end() and m.start() < e for s, e, _, _ in hits):
            hits.append((m.start(), m.end(), "其他", False))
    if blocked:
        hits = [h for h in hits if not any(s <= h[0] and h[1] <= e for s, e in blocked)]
    hits.sort()
    return hits


def _in_named_activity(norm: str, start: int, end: int) -> bool:
    """A trigger inside a quoted brand that is called an 活动 (“走遍基层”活动)."""
    q = norm.rfind("“", max(0, start - 30), start)
    if q < 0 or "”" in norm[q:start]:
        return False
    m = _NAMED_ACTIVITY.match(norm, q)
    return bool(m) and m.end() >= end


@register("activities")
def extract_activities(ctx: Context) -> list[dict]:
    """Activities of the document, one per (name, category, status, org)."""
    doc = ctx.doc
    norm = doc.norm
    genre = doc.genre
    statuses = StatusReader(ctx.sentences, norm, genre)
    starts = [s.start for s in ctx.sentences]
    orgs = _org_names(ctx)
    reporting = _reporting_org(ctx)
    cited = _cited_spans(norm)
    items, seen, positions = [], set(), []
    for start, end, category, weak in _hits(norm):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= ctx.sentences[i].end:
            continue
        sent = ctx.sentences[i]
        if start - sent.start < 1 and end >= sent.end and len(sent.norm) <= 12:
            continue  # a bare heading or title line
        rel_s, rel_e = start - sent.start, end - sent.start
        before, after = sent.norm[:rel_s], sent.norm[rel_e:]
        is_title = i == 0 and bool(doc.title) and sent.norm.strip() == doc.title.strip()
        line_start = norm.rfind("\n", 0, sent.start) + 1
        exhorting = genre in _PERSONAL_GENRES and bool(_EXHORT_OPEN.match(norm, line_start))
        if not is_title and _why_not(norm, start, end, category, weak, before, after, sent, genre, cited, exhorting):
            continue
        state = ("planned" if genre == "计划" else "done") if is_title else statuses.status(i, rel_s, rel_e)
        clause = _CLAUSE_SPLIT.split(before)[-1] if before else ""
        org = _conducting_org(sent.norm, orgs, None) or _conducting_org(clause, orgs, reporting)
        n_s, n_e = _name(norm, doc.text, start, end)
        name = doc.text[n_s:n_e]
        key = (name, category, state, org)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            evidence_item(
                sent,
                name=name,
                category=category,
                status=state,
                org=org,
                partners=_partners(sent.norm, orgs, org),
            )
        )
        positions.append((i, start))
    for item, studied in zip(items, link_materials(ctx.sentences, norm, positions, ctx.found.get("materials") or [])):
        item["materials"] = studied
    return items


def _why_not(norm, start, end, category, weak, before, after, sent, genre, cited, exhorting=False) -> str | None:
    """Why a hit is not an activity (None when it is); see the module docstring."""
    named = category == "其他"
    if _in_spans(cited, start):
        return "cited quotation"
    if _REPORTED.search(before):
        return "reported speech"
    if _led_by_leadership(before):
        return "central leadership acts"
    if _in_title(before) or (
        _ABOUT_BEFORE.search(before) and _ABOUT_AFTER.match(after) and not _NAME_SUFFIX.match(after)
    ):
        return "subject of a text"
    if not named and _STATEMENT_AFTER.match(after) and len(before) <= 2:
        return "statement"
    if not named and (_MODIFIER_AFTER.match(after) or _INSTITUTION_AFTER.match(after)):
        return "modifier"
    if _DEFICIENT_AFTER.match(after) or _NEGATED_BEFORE.search(before):
        return "shortcoming"
    if is_rhetoric(before, after, genre):
        return "rhetoric"
    if genre in _PERSONAL_GENRES and _POINT.match(sent.norm):
        return "speaker's point"
    if genre in _PERSONAL_GENRES and exhorting:
        return "exhorting paragraph"
    if weak:
        if _WEAK_MODIFIER_AFTER.match(after):
            return "weak modifier"
        clause = _CLAUSE_SPLIT.split(before)[-1]
        if not (has_frame(clause, after) or _in_named_activity(norm, start, end)):
            return "weak without frame"
    return None
