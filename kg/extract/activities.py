"""Activities (活动/举措, SCHEMA §3): what a unit did, does or will do.

A trigger lexicon (data/lexicon/activity_triggers.txt) maps wording to the
closed category list; one Aho–Corasick pass over the document finds every
trigger. Each hit becomes an activity named as written (with the quoted
brand right before it: “缅怀先烈，致敬英雄”云交流活动). A quoted brand followed
by 活动 that no trigger names (“巾帼建功”活动, “美丽庭院”提档升级活动) is not
taken as an activity of kind 其他 on its own: on real reports such brands are
mostly campaign slogans, and the gold counts them 其他 in a third of the cases
(measured on web-tune and web-heldout alike). It still frames a weak trigger
inside it (“走遍基层”活动). 其他 comes from named kinds of activity (述职评议,
督导检查, 知识测试, 巡察 …).

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
The words of these rules (frame verbs, modals, statement and modifier cues,
speakers, name suffixes …) are data in data/lexicon/activity_cues.txt, one
``role<TAB>word`` a line; the regexes are assembled from them once.

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
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table
from .base import Context, evidence_item, finditer_from, first_chars, register
from .matcher import Matcher
from .materials import link_materials
from .status import StatusReader

__all__ = [
    "CATEGORIES", "extract_activities", "find_triggers", "find_patterns", "has_frame", "is_rhetoric",
]

log = logging.getLogger(__name__)

CATEGORIES = (
    "集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育",
    "主题党日", "参观见学", "比赛评选", "联学共建", "为民服务", "组织生活", "线上学习", "读书分享", "其他",
)
BLOCKER = "-"  # lexicon category of a phrase that contains a trigger but names no activity (破解难题)
_STRENGTHS = ("", "weak", "strong")

# Outline shapes (structure, not vocabulary): a heading line, a numbered point.
_POINT = re.compile(r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、])")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?]")
_QUOTED = re.compile(r"“[^“”]*”")
_QUOTE_OPEN = re.compile(r"[“\"「][^“”\"「」，,。；;]{0,8}$")  # inside a quote that opened just before
_NUMBER = r"(?:[0-9０-９.]+|[一二两三四五六七八九十百千万]+|[*＊Xx×]+)\s*[余多]?"  # PDF text may space it: 1100 余人次
_ROLES = (
    "not_cue", "frame_verb", "frame_end", "count_unit", "frame_after", "frame_next",
    "modal", "exhort_subject", "topic_after", "statement_after", "statement_before", "question",
    "shortfall", "not_shortfall", "negation", "negation_next", "personal_genre", "first_person",
    "modifier_head", "modifier_verb", "institution", "institution_category", "weak_modifier", "outcome_head",
    "aim_after", "brand_link", "medium",
    "speech_verb", "speaker", "own_speaker", "report_verb", "demand_verb", "demand_addressee", "not_demand_after",
    "leadership", "studied", "about", "text_noun", "regulation", "plan_noun", "name_suffix",
    "partner_cue", "partner_verb", "pairing",
)


def _alternation(words, exceptions=()) -> str:
    """A regex group matching any of ``words``, longest first, each guarded
    against the ``exceptions`` (not_cue compounds) that contain it:
    ``要`` with 主要, 要求 among the exceptions matches no 要 of 主要 or 要求.

    >>> re.findall(_alternation(["要"], ["主要", "要求"]), "主要要求要学")
    ['要']
    """
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        guards = []
        for compound in exceptions:
            k = compound.find(word)
            if compound == word or k < 0:
                continue
            head, tail = compound[:k + len(word)], compound[k + len(word):]
            # checked after the word matched: the compound would end at or after it
            guards.append(f"(?!(?<={re.escape(head)}){re.escape(tail)})" if tail else f"(?<!{re.escape(head)})")
        parts.append(re.escape(word) + "".join(guards))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class _Cues:
    """The regexes of the frame and rhetoric rules, built from activity_cues.txt."""

    frame_verb: re.Pattern
    frame_end: tuple[str, ...]
    frame_after: re.Pattern
    exhort: re.Pattern
    exhort_open: re.Pattern
    topic_after: re.Pattern
    statement_after: re.Pattern
    statement_before: re.Pattern
    copula: re.Pattern
    question: re.Pattern
    shortfall_after: re.Pattern
    negated_before: re.Pattern
    personal_genres: tuple[str, ...]
    first_person: re.Pattern
    modifier_after: re.Pattern
    institution_after: re.Pattern
    institution_categories: tuple[str, ...]
    weak_modifier_after: re.Pattern
    outcome_after: re.Pattern
    aim_after: re.Pattern
    brand_before: re.Pattern
    cited_quote: re.Pattern
    reported: re.Pattern
    reported_first: re.Pattern
    own_speakers: frozenset[str]
    leader: re.Pattern
    studied: re.Pattern
    about_before: re.Pattern
    about_after: re.Pattern
    regulation_after: re.Pattern
    plan_end: re.Pattern
    name_suffix: re.Pattern
    medium_after: re.Pattern
    named_activity: re.Pattern
    partner_cue: re.Pattern
    pairing: re.Pattern


@lru_cache(maxsize=None)
def _cues(directory: str | None = None) -> _Cues:
    path = lexicon_path("activity_cues", directory)
    words: dict[str, list[str]] = {role: [] for role in _ROLES}
    for role, word in read_table(path, 2):
        if role not in words:
            raise LexiconError(path, _line_of(path, role, word), f"unknown role {role!r}; use one of {' '.join(_ROLES)}")
        words[role].append(word)
    not_cue = words["not_cue"]

    def alt(role: str) -> str:
        return _alternation(words[role], not_cue)

    stop = "[^，,。；;：:！？]"
    return _Cues(
        frame_verb=re.compile(alt("frame_verb")),
        frame_end=tuple(words["frame_end"]),
        frame_after=re.compile(
            f"^{stop}{{0,6}}?(?:{_NUMBER}\\s*{alt('count_unit')}|{alt('frame_after')})|^{alt('frame_next')}"
        ),
        exhort=re.compile(alt("modal")),
        exhort_open=re.compile(
            f"^(?:[一二三四五六七八九十]+(?:是|[、.．])?)?{alt('exhort_subject')}?{alt('modal')}"
        ),
        topic_after=re.compile(f"^[一-龥]{{0,2}}?{alt('topic_after')}"),
        statement_after=re.compile(f"^{alt('statement_after')}"),
        statement_before=re.compile(f"{alt('statement_before')}$"),
        copula=re.compile(alt("statement_before")),
        question=re.compile(alt("question")),
        shortfall_after=re.compile(
            f"^[^，,。；;]{{0,4}}?{alt('shortfall')}(?!不?{alt('not_shortfall')})"
        ),
        negated_before=re.compile(f"(?:{alt('negation')}[^，,。；;、]{{0,4}}|{alt('negation_next')})$"),
        personal_genres=tuple(words["personal_genre"]),
        first_person=re.compile(alt("first_person")),
        modifier_after=re.compile(
            f"^(?:的)?(?!{alt('modifier_verb')})[\u4e00-\u9fff]{{0,2}}?{alt('modifier_head')}"
        ),
        institution_after=re.compile(
            f"^[”\"」]?(?:[、和及与][“\"「]?[^，,。；;、“”]{{1,12}}?[”\"」]?)*等[\u4e00-\u9fff]{{0,4}}?{alt('institution')}"
        ),
        institution_categories=tuple(words["institution_category"]),
        weak_modifier_after=re.compile(f"^{alt('weak_modifier')}"),
        outcome_after=re.compile(f"^{stop}{{0,10}}?的{stop}{{0,4}}?{alt('outcome_head')}"),
        aim_after=re.compile(f"^{alt('aim_after')}"),
        # a quoted brand right before a trigger, or with a brand_link between (“红铸于行”主题宣讲)
        brand_before=re.compile(f"[“\"「]([^“”\"「」\n]{{2,30}})[”\"」]{alt('brand_link')}?$"),
        cited_quote=re.compile(f"{alt('speech_verb')}[：:，,]?\\s*“[^“”]{{2,600}}”"),
        own_speakers=frozenset(words["own_speaker"]),
        reported=re.compile(
            f"(?P<speaker>{alt('speaker')}|{alt('own_speaker')})[^。；;，,]{{0,30}}?(?:{alt('report_verb')}"
            f"|{''.join(f'(?<!{re.escape(w)})' for w in words['not_demand_after'])}"
            f"{alt('demand_verb')}(?={alt('demand_addressee')}))[，,：:]?"
        ),
        reported_first=first_chars(words["speaker"] + words["own_speaker"]),
        leader=re.compile(alt("leadership")),
        studied=re.compile(alt("studied")),
        about_before=re.compile(f"{alt('about')}[^，,。；;：:]*$"),
        about_after=re.compile(f"^{stop}{{0,12}}?的{stop}{{0,4}}?{alt('text_noun')}"),
        regulation_after=re.compile(f"^[\u4e00-\u9fff]{{0,4}}?{alt('regulation')}"),
        plan_end=re.compile(f"{alt('plan_noun')}$"),
        name_suffix=re.compile(f"^{alt('name_suffix')}"),
        medium_after=re.compile(f"^[^“”\"「」，,。；;]{{0,8}}[”\"」]{alt('medium')}"),
        named_activity=re.compile(
            r"[“\"「]([^“”\"「」\n]{2,30})[”\"」](?:(?![的和与及等])[\u4e00-\u9fff]){0,6}?活动"
        ),
        partner_cue=re.compile(
            f"{alt('partner_cue')}(?P<org>[^，,。；;]{{2,20}}?){alt('partner_verb')}"
        ),
        pairing=re.compile(alt("pairing")),
    )


@lru_cache(maxsize=None)
def _automaton(directory: str | None = None):
    path = lexicon_path("activity_triggers", directory)
    automaton = Matcher()
    for trigger, field, strength in read_table(path, 3, min_columns=2):
        categories = tuple(field.split("+"))  # 集中学习研讨 names two kinds: 集中学习+专题研讨
        for category in categories:
            if category not in CATEGORIES and field != BLOCKER:
                raise LexiconError(
                    path, _line_of(path, trigger),
                    f"unknown category {category!r} for {trigger!r}; use one of {' '.join(CATEGORIES)} or {BLOCKER}"
                    " (two joined by +)",
                )
        if strength not in _STRENGTHS:
            raise LexiconError(path, _line_of(path, trigger), f"unknown strength {strength!r} for {trigger!r}; use weak or strong")
        automaton.add_word(trigger, (trigger, categories, strength == "weak"))
    automaton.make_automaton()
    return automaton


_GAP = "[^，,。；;：:！？!?\n]"  # what may stand between a pattern's lead and tail: no clause break
_LONGEST_HIT = 80  # no trigger, brand or pattern hit is longer: where to look back for overlaps
_GAP_SENTENCE = "[^。；;！？!?\n]"  # with a + after the gap: no sentence break


@lru_cache(maxsize=None)
def _patterns(directory: str | None = None):
    """The wording patterns of activity_patterns.txt: ``(leads, rows)``, an
    Aho–Corasick automaton of the lead words (word → row numbers) and the rows
    as ``(regex, category)``, each regex a lead word, at most ``gap``
    characters of the same clause (``gap+``: of the same sentence), a tail word.
    The automaton finds where a regex can start, so each is tried only there.
    """
    path = lexicon_path("activity_patterns", directory)
    not_cue = tuple(w for role, w in read_table(lexicon_path("activity_cues", directory), 2) if role == "not_cue")
    out, starts = [], {}
    for row in read_table(path, 4):
        category, leads, gap, tails = row
        if category not in CATEGORIES:
            raise LexiconError(path, _line_of(path, *row[:2]), f"unknown category {category!r}; use one of {' '.join(CATEGORIES)}")
        width = gap.removesuffix("+")
        if not width.isdigit() or int(width) > 30:
            raise LexiconError(
                path, _line_of(path, *row[:2]), f"gap {gap!r} is not a number of characters from 0 to 30 (with + or without)"
            )
        lead, tail = _alternation(leads.split(), not_cue), _alternation(tails.split(), not_cue)
        between = _GAP_SENTENCE if gap.endswith("+") else _GAP
        for word in leads.split():
            starts.setdefault(word, []).append(len(out))
        out.append((re.compile(f"{lead}{between}{{0,{int(width)}}}?{tail}"), category))
    leads = Matcher()
    for word, rows in starts.items():
        leads.add_word(word, (word, tuple(rows)))
    leads.make_automaton()
    return leads, tuple(out)


def find_patterns(norm: str, directory: str | None = None):
    """Yield ``(start, end, category)`` for each pattern hit, in the order of
    the table, leftmost first and not overlapping within one pattern.

    >>> list(find_patterns("组织党员干部认真学习党章"))
    [(0, 10, '集中学习')]
    """
    leads, rows = _patterns(directory)
    if not rows:
        return
    found: dict[int, list[int]] = {}
    for end, (word, numbers) in leads.iter(norm):
        for n in numbers:
            found.setdefault(n, []).append(end - len(word) + 1)
    for n in sorted(found):  # the rows with a lead in the text, in table order
        regex, category = rows[n]
        last = -1
        for start in sorted(set(found[n])):
            if start < last:
                continue
            m = regex.match(norm, start)
            if m:
                last = m.end()
                yield m.start(), m.end(), category


def _line_of(path, *fields: str) -> int:
    """The line of a table row that starts with ``fields`` (for an error message)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    want = list(fields)
    return next(
        (n for n, line in enumerate(lines, 1) if [f.strip() for f in re.split(r"\t+|=>", line)][:len(want)] == want), 0
    )


def find_triggers(norm: str, directory: str | None = None):
    """Yield ``(start, end, trigger, category)`` for each trigger in ``norm``.

    Blockers (category ``-``) are yielded too: the longer phrase wins.

    >>> [(t, c) for _, _, t, c in find_triggers("开展专题党课和交流研讨")]
    [('专题党课', '党课'), ('交流研讨', '专题研讨')]
    >>> [(t, c) for _, _, t, c in find_triggers("破解难题")]
    [('破解难题', '-')]
    >>> [(t, c) for _, _, t, c in find_triggers("集中学习研讨")]
    [('集中学习研讨', '集中学习'), ('集中学习研讨', '专题研讨')]
    """
    for end, (trigger, categories, _weak) in _automaton(directory).iter_long(norm):
        for category in categories:
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
    cues = _cues()
    clause_before = clause_before.replace(" ", "")  # PDF text may space out a verb: 利 用
    if clause_before.endswith(cues.frame_end):
        return True  # 边调研边整改, 已整改
    return bool(cues.frame_verb.search(clause_before) or cues.frame_after.match(after))


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
    cues = _cues()
    clause = _CLAUSE_SPLIT.split(before)[-1]
    if (not clause or cues.frame_verb.fullmatch(clause)) and cues.topic_after.match(after):
        return True  # 调研切忌…; 开展调查研究是…
    if cues.statement_before.search(clause) or cues.question.search(clause):
        return True
    return genre in cues.personal_genres and bool(cues.exhort.search(_QUOTED.sub("", before)))


def _cited_spans(norm: str) -> list[tuple[int, int]]:
    return [m.span() for m in _cues().cited_quote.finditer(norm)]


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
    cues = _cues()
    clause = _CLAUSE_SPLIT.split(before)[-1]
    m = None
    for m in cues.leader.finditer(clause):
        pass
    if m is None:
        return False
    between = clause[m.end():]
    if cues.studied.search(between):
        return False
    return bool(between) or re.fullmatch(r"(?:在|由|据)?", clause[:m.start()]) is not None


def _reported_speech(before: str) -> bool:
    """Someone else's words stand before the trigger in its sentence: a leader
    or a higher meeting 强调/指出 (全省组织工作会议强调，要…). The unit's own
    meeting (会议强调，要…, the speaker alone opening its clause) is the unit
    urging it, which counts.

    >>> _reported_speech("全省组织工作会议强调，要分类抓好专业化")
    True
    >>> _reported_speech("会议强调，要牵头深入开展")
    False
    """
    cues = _cues()
    for m in finditer_from(cues.reported, cues.reported_first, before):
        speaker = m.group("speaker")
        at = m.start("speaker")
        if speaker in cues.own_speakers and (at == 0 or _CLAUSE_SPLIT.match(before, at - 1)):
            continue
        return True
    return False


def _in_title(before: str, after: str) -> bool:
    """The trigger is inside a 《title》 of a text, and the title is not a plan
    for the activity (《…读书班方案》, 《关于开展…调研的通知》 plan one).

    >>> _in_title("学习《习近平关于", "论述摘编》")
    True
    >>> _in_title("印发《关于举办", "的通知》")
    False
    >>> _in_title("学习《条例", "，结合实际")  # 《 never closed: no title
    False
    """
    opened = before.rfind("《")
    if opened <= before.rfind("》"):
        return False
    closed = after.find("》", 0, 60)
    if closed < 0 or "《" in after[:closed]:
        return False
    return not _cues().plan_end.search(after, 0, closed)




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
    cues = _cues()
    found = []
    for m in cues.partner_cue.finditer(sentence):
        span = m.group("org")
        for name in orgs:
            if name in span and name != conductor and name not in found:
                found.append(name)
    for m in cues.pairing.finditer(sentence):
        head = sentence[max(0, m.start() - 20):m.start()]
        for name in orgs:
            if head.endswith(name) and name != conductor and name not in found:
                found.append(name)
    return found


def _name(norm: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a trigger to the activity's name: a quoted brand before, 活动/班 after."""
    m = _cues().name_suffix.match(norm[end:end + 2])
    if m:
        end += m.end()
    b = _cues().brand_before.search(norm[max(0, start - 36):start])
    if b:
        start = start - (len(b.group(0)))
    return start, end


def _hits(norm: str) -> list[tuple[int, int, str, bool]]:
    """Trigger and pattern hits ``(start, end, category, weak)``, sorted."""
    hits, blocked = [], []
    # iter_long yields no overlapping matches: a blocker (category -) takes its span,
    # so no trigger inside it is ever yielded; pattern hits over it are dropped below.
    for end, (trigger, categories, weak) in _automaton().iter_long(norm):
        start = end - len(trigger) + 1
        if categories == (BLOCKER,):
            blocked.append((start, end + 1))
        else:
            hits.extend((start, end + 1, category, weak) for category in categories)
    hits.sort()
    for s, e, category in find_patterns(norm):  # in table order: an earlier pattern's hit wins
        b = bisect.bisect_left(blocked, (e,)) - 1
        if b >= 0 and blocked[b][1] > s:
            continue  # 联合开展执法: joint enforcement is no joint study
        first = bisect.bisect_left(hits, (s - _LONGEST_HIT,))
        inside = [h for h in hits[first:bisect.bisect_left(hits, (e,))] if s < h[1]]
        # A trigger inside names the activity better (组织开展专题培训学习 is 培训), and a
        # strong one of the same category already counts; the last weak one of the
        # same category is framed by the pattern and is its one activity (到纪念馆参观:
        # 参观 counts as strong, 纪念馆 goes).
        if any(h[2] != category or not h[3] for h in inside):
            continue
        if inside:
            last = inside[-1]
            hits = [h for h in hits if h not in inside]
            bisect.insort(hits, (last[0], last[1], last[2], False))
        else:
            bisect.insort(hits, (s, e, category, False))
    hits.sort()
    return hits


def _in_named_activity(norm: str, start: int, end: int) -> bool:
    """A trigger inside a quoted brand that is called an 活动 (“走遍基层”活动)."""
    q = norm.rfind("“", max(0, start - 30), start)
    if q < 0 or "”" in norm[q:start]:
        return False
    m = _cues().named_activity.match(norm, q)
    return bool(m) and m.end() >= end


@register("activities")
def extract_activities(ctx: Context) -> list[dict]:
    """Activities of the document, one per (name, category, status, org)."""
    doc = ctx.doc
    norm = doc.norm
    genre = doc.genre
    starts = [s.start for s in ctx.sentences]
    orgs = _org_names(ctx)
    reporting = _reporting_org(ctx)
    cited = _cited_spans(norm)
    if genre in _cues().personal_genres and not _cues().first_person.search(norm):
        genre = ""  # a 发言 told in the third person is a news report of it: no personal rules
    personal = genre in _cues().personal_genres
    statuses = StatusReader(ctx.sentences, norm, genre)
    items, seen, in_sentence, positions = [], set(), {}, []
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
        exhorting = personal and bool(_cues().exhort_open.match(norm, line_start))
        if not is_title and _why_not(norm, start, end, category, weak, before, after, sent, genre, cited, exhorting):
            continue
        status = ("planned" if genre == "计划" else "done") if is_title else statuses.status(i, rel_s, rel_e)
        clause = _CLAUSE_SPLIT.split(before)[-1] if before else ""
        org = _conducting_org(sent.norm, orgs, None) or _conducting_org(clause, orgs, reporting)
        n_s, n_e = _name(norm, doc.text, start, end)
        name = doc.text[n_s:n_e]
        key = (name, category, status, org)
        if key in seen:
            continue
        # One activity per kind in a sentence, named by its longest phrase: 读原著、学原文
        # is one reading, 依托“学习强国”开展线上学习 one online study.
        same = in_sentence.get((sent.start, category, status, org))
        if same is not None:
            if len(name) > len(items[same]["name"]):
                items[same]["name"] = name
            continue
        seen.add(key)
        in_sentence[(sent.start, category, status, org)] = len(items)
        items.append(
            evidence_item(
                sent,
                name=name,
                category=category,
                status=status,
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
    cues = _cues()
    personal = genre in cues.personal_genres
    if _in_spans(cited, start):
        return "cited quotation"
    if _reported_speech(before):
        return "reported speech"
    if _led_by_leadership(before):
        return "central leadership acts"
    if _in_title(before, after) or cues.regulation_after.match(after) or (
        cues.about_before.search(before) and cues.about_after.match(after) and not cues.name_suffix.match(after)
    ):
        return "subject of a text"
    if category != "线上学习" and cues.medium_after.match(after) and _QUOTE_OPEN.search(before):
        return "name of a medium"  # “住建讲堂”公众号
    if cues.statement_after.match(after) and len(before) <= 2:
        return "statement"
    if cues.copula.search(norm, start, end):
        return "statement"  # a pattern's span: 本次会议的目的就是深入学习
    if category not in cues.institution_categories and (
        cues.modifier_after.match(after) or cues.institution_after.match(after)
    ):
        return "modifier"
    if cues.shortfall_after.match(after) or cues.negated_before.search(before):
        return "shortcoming"
    if is_rhetoric(before, after, genre):
        return "rhetoric"
    if personal and _POINT.match(sent.norm):
        return "speaker's point"
    if personal and exhorting:
        return "exhorting paragraph"
    if weak:
        if cues.weak_modifier_after.match(after):
            return "weak modifier"
        if cues.outcome_after.match(after) or cues.aim_after.match(after):
            return "outcome"
        clause = _CLAUSE_SPLIT.split(before)[-1]
        if not (has_frame(clause, after) or _in_named_activity(norm, start, end)):
            return "weak without frame"
    return None
