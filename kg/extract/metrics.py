"""Metrics: reported quantities, a figure with its measure word (SCHEMA §4).

One regex pass per sentence finds ``[approx] number [余/多] measure-word
[以上/左右]``; the figure is parsed by :mod:`kg.extract.numbers`. Rules then
drop what reads like a number but is not a quantity: ordinals (第二批),
sessions and dates (十三届二次全会, 2023年), figures inside slogans (两个确立,
read from the slogans found before), idioms (一批, 一次深刻的洗礼, 千家万户),
reduplications (三三两两), counts of the speaker's own outline (以下五个方面,
共开展五项活动。一是…), figures that describe an exhibit or a studied text
(展出300余幅图片, 解读3编158条) and a web page's furniture (阅读次数, 预计阅读
时长6分钟). A sentence a page repeats word for word counts once. An
approximate numeral (一两次, 二三十人, 十几个) is its lower bound with
``approx`` set. A frequency (每两周开展一次专题学习) is 1 次 with the period
kept in the subject (每两周专题学习). The subject is the clause
around the figure with filler words trimmed: the words before it (集中学习12次
→ 集中学习) joined with the words after the measure word (共有**名青年同志参与
→ 青年同志参与), which is how analysts name the thing counted.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table, read_wordlist
from .base import Context, Sentence, evidence_item, finditer_from, register
from .matcher import Matcher
from .orgs.rules import ADMIN_LEVELS, load_org_rules
from .numbers import NUMBER_PATTERN, parse_chinese_numeral, parse_number
from .tokenize import cut_words

__all__ = ["extract_metrics", "find_metrics", "metric_pattern"]

log = logging.getLogger(__name__)

# Figures in 万/亿 with no measure word count people when people are named
# around them (6万学子点赞, 网民规模超过500多万).
_PERSON_NOUNS = ("学子", "群众", "网民", "人口", "居民", "党员", "师生", "干部", "职工", "观众", "用户", "游客",
                 "农民", "市民", "村民", "学生", "老人", "儿童", "妇女", "青年", "人次", "人")
_CN_NUM_CHARS = set("零〇一二两三四五六七八九十百千万亿")
# After the figure a quoted name belongs to the thing counted (12支“店小二”服务团队).
_RIGHT_BREAK = re.compile(r"[，,；;：:。！？!?（）()【】\[\]—\s]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?（）()“”\"‘’《》【】\[\]—\s]")
# The subject's clause before the figure keeps a quoted or titled name in it
# (签订《承诺书》1800余份, 举办“月讲堂”24期) and the spaces of web copies
# (组织专 题学习 22 次) are dropped, not taken for a break.
_LEFT_BREAK = re.compile(r"[，,；;：:。！？!?【】\[\]—\t\n]")
# After the figure, the last 、/和 before the next figure starts that figure's
# label (一等奖2件、二等奖5件); without a next figure it joins modifiers (8本必读、选读书目).
_NEXT_ITEM = re.compile(r"(.*?)(?:[、和及与][^、和及与]*)?$")
# A cut that kept the end of a quoted name but not its start drops that end (…志愿行”志愿服务活动).
_UNOPENED = re.compile(r"^[^“〝「『《\"]*[”〞」』》\"]")
# The lower end of a range right before the figure (3至5名, 2-3次, 两到三次).
_RANGE_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s?[-－~～至到]\s?$")
_RANGE_MARKS = frozenset("-－~～至到 ")
# The subject is at most _SUBJECT_CAP characters from the end of its clause:
# the clause is read no further back than this.
_LEFT_WINDOW = 60
_SPACES = re.compile(r"[ \u3000]+")
_SUBJECT_CAP = 12
_LIST_JOINERS = frozenset(("和", "及", "与"))
# A long clause is cut after its last action verb, not inside a word (到革命纪念馆开展主题党日活动 → 主题党日活动).
_LAST_VERB = re.compile(r".*(?:开展|组织|举办|召开|举行|进行|完成|形成|撰写|参加|参与|收集|受理|走访)")
# 一 before a measure word is the article (开展一次有意义的活动, 团结在一起) unless a
# period stands before it: 每 with a span of time (每两周, 每个月, 每季度; not 每
# with a verb: 每到一处), a span right before the figure (半年一次, 两周一次),
# or a length (为期一天) ...
_FREQUENCY = re.compile(
    r"(?:每[\d两二三四五六七八九十半]?个?(?:周|星期|月|季度?|年度?|天|日|学期|旬)[^，,；;。一]{0,6}"
    r"|[一两二三四五六半]个?(?:周|星期|月|季度?|年|学期|旬)[^，,；;。一来]{0,4}|为期|历时)$"
)
# ... or it is an installment (举办一期培训班, 开展一轮调研: a 期 or 轮 is counted;
# 一次 after a verb is the article).
# how far before 一 a frequency may start: 每 + the longest period (两个学期) + the six characters _FREQUENCY lets between
_FREQUENCY_REACH = 12
_INSTALLMENT = re.compile(r"(?:开展|举办|召开|组织|举行|开设|编印)了?$")
# "N个…：一是…", "N个…，一是…" and "…之一" count the speaker's own outline, not a fact.
_OUTLINE_AFTER = re.compile(r"[^，,。；;]{0,12}(?:[：:](?:一是|一要|一、|第一|首先|$)|[，,]\s*(?:一是|一要|第一|首先)|之一)")
# "共开展了五项活动。" followed by "一是…": the figure ends its sentence and the next one starts the outline.
_OUTLINE_END = re.compile(r"[^，,。；;：:]{0,12}[。；;]?$")
_OUTLINE_NEXT = re.compile(r"(?:一是|一要|第一|首先)")
# A measure word glued to the next character is part of another word (**部长).
_UNIT_WORDS = ("部长", "部门", "部署", "部分", "名单", "名称", "名义", "次要", "次序", "期间", "期待", "期望",
               "期盼", "人员", "人民", "人才", "人物", "人士", "家庭", "家乡", "条件", "条例", "件事", "份额",
               "项目", "处理", "处置", "种类", "类型", "起来", "支持", "支撑", "地区", "地方", "座谈", "台账",
               "对象", "对照", "组织", "组长", "队伍", "天下", "周年", "周边", "节点", "节约", "本领", "位置",
               "集中", "集体", "集团", "门户", "例会", "笔记", "块头", "支部", "部曲", "个字", "道路", "道德",
               "道理", "周岁", "周末", "名额", "场所", "期限", "期刊", "成员", "成为", "成立", "成果", "成效", "成绩",
               "成就", "成功", "成长", "成熟", "成本", "成交", "成型", "成品", "成风", "成才", "成事", "成家", "成年")
_ORDINAL_BEFORE = ("第", "前第", "届", "No", "NO", "#")
# A percentage written out in words (百分之九十五, 百分之98.5) is a % figure.
_PERCENT_WORDS = re.compile(r"百分之(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")
# 分 counts points (积分1.5万分) only after Arabic digits or a mask: 十分重要, 三分之一 are no counts.
_POINTS_REJECT = re.compile(r"分[之钟别析管享工类为成批期布步局院行校会队组中公]")
# Quotes in any pairing web copies use (“…”, “…〞, 「…」), short enough to be a name.
# Book titles (《…》) too. The look-ahead lets the engine skip to an opening mark.
_QUOTED = re.compile(r"(?=[“〝「『\"《])(?:[“〝「『\"][^“”〝〞「」『』\"\n]{1,20}[”〞」』\"]|《[^《》\n]{1,80}》)")
_CLAUSE = re.compile(r"[，,；;。：:]")
# A figure right after another part of a text (3编11章158条) counts the text's parts.
_TEXT_PART = re.compile(r"[\d一二三四五六七八九十][编章节]$")
_SESSION_AFTER = ("全会", "会议", "党代会", "代表大会", "全体会议", "届")
# A sentence this long said twice word for word is the page repeating itself,
# not a second fact (short ones, like table rows, may well repeat).
_REPEAT_MIN = 16
_TRAILING_FIGURE = re.compile(r"[\d*＊Xx×○□.%]+$")


class _Lexicons(NamedTuple):
    units: dict  # measure word -> tag
    approx: tuple  # (word, before|after)
    trim: tuple  # (word, lead|tail)
    idioms: list
    cues: object  # Aho-Corasick automaton: sentence words -> their tag (page, exhibit, text)
    exhibit_units: frozenset
    text_units: frozenset
    part_after: re.Pattern  # a part noun right after the measure word (4个部分)
    outline_after: re.Pattern  # an outline noun after a Chinese-numeral count (六个主要方面)
    duration: tuple  # words that make a `span` unit a length of time (连续3年)
    spans: frozenset  # the measure words tagged `span` (年)
    only: tuple  # words that make 一 a count (只有一名)
    formula_verbs: tuple  # verbs a Chinese-numeral formula follows (做到四个到位)
    counters: tuple  # a page's view counters (浏览次数：1234)


_UNIT_TAGS = ("thing", "amount", "span")
_CONTEXT_TAGS = (
    "page", "exhibit", "exhibit_unit", "text", "text_unit", "part", "outline", "duration", "only", "formula_verb",
    "counter",
)


def _line_of(path: Path, word: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if re.split(r"\t|=>", line)[0].strip() == word), 0)


@lru_cache(maxsize=None)
def _lexicons(directory: str | None = None) -> _Lexicons:
    path = lexicon_path("measure_words", directory)
    units = {}
    for e in read_wordlist(path):
        units[e.word] = e.tag or "amount"
        if units[e.word] not in _UNIT_TAGS:
            raise LexiconError(path, e.line_no, f"unknown tag {e.tag!r} for {e.word!r}; use one of {' '.join(_UNIT_TAGS)}")
    approx = tuple(map(tuple, read_table(lexicon_path("approx_words", directory), 2)))
    trim = tuple(map(tuple, read_table(lexicon_path("metric_subject_trim", directory), 2)))
    idioms = [e.word for e in read_wordlist(lexicon_path("metric_idioms", directory))]
    context: dict[str, list[str]] = {}
    path = lexicon_path("metric_context", directory)
    for word, tag in read_table(path, 2):
        if tag not in _CONTEXT_TAGS:
            raise LexiconError(path, _line_of(path, word),
                               f"unknown tag {tag!r} for {word!r}; use one of {' '.join(_CONTEXT_TAGS)}")
        context.setdefault(tag, []).append(word)
    cues = Matcher()
    for tag in ("page", "exhibit", "text"):
        for word in context.get(tag, ()):
            cues.add_word(word, tag)
    cues.make_automaton()

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    return _Lexicons(
        units, approx, trim, idioms, cues,
        exhibit_units=frozenset(context.get("exhibit_unit", ())),
        text_units=frozenset(context.get("text_unit", ())),
        part_after=re.compile(alt(context.get("part", ()))),
        outline_after=re.compile(rf"[\u4e00-\u9fff]{{0,2}}的?(?:{alt(context.get('outline', ()))})"),
        duration=tuple(context.get("duration", ())),
        spans=frozenset(w for w, tag in units.items() if tag == "span"),
        only=tuple(context.get("only", ())),
        formula_verbs=tuple(context.get("formula_verb", ())),
        counters=tuple(context.get("counter", ())),
    )


_FIGURE_START = re.compile(r"[\d零〇一二两三四五六七八九十百千*＊Xx×○□〔]")


def _figures(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)`` jumping from figure character to figure character."""
    return finditer_from(pattern, _FIGURE_START, text)


@lru_cache(maxsize=None)
def metric_pattern(directory: str | None = None) -> re.Pattern:
    """The one regex that finds candidate metrics (built from the lexicons).

    >>> m = metric_pattern().search("共形成调研报告50余篇")
    >>> m.group("num"), m.group("mid"), m.group("unit")
    ('50', '余', '篇')
    """
    lex = _lexicons(directory)
    after = sorted((w for w, t in lex.approx if t == "after"), key=len, reverse=True)

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def unit_alt(words):
        # 个月, 个小时: also with 多/余 after the 个 (2个多小时); find_metrics folds it back out.
        return "|".join(f"个(?:多|余)?{re.escape(w[1:])}" if w.startswith("个") and len(w) > 1 else re.escape(w)
                        for w in sorted(words, key=len, reverse=True))

    # Every match starts with a figure character (_FIGURE_START); scan with _figures().
    return re.compile(
        rf"(?={_FIGURE_START.pattern})(?P<num>{NUMBER_PATTERN})\s?(?P<mid>余|多)?(?P<big>[万亿](?!元))?\s?"
        rf"(?:(?P<unit>{unit_alt(lex.units)})|(?=(?P<who>{alt(_PERSON_NOUNS)}))|(?<=[万亿]))"
        rf"(?P<post>{alt(after)})?"
    )


_WORDS: dict = {}


def _words(rows, tag: str) -> tuple[str, ...]:
    """The words of a lexicon table with ``tag``, longest first (cached per table object)."""
    key = (id(rows), tag)
    got = _WORDS.get(key)
    if got is None:
        got = _WORDS[key] = tuple(sorted((w for w, t in rows if t == tag), key=len, reverse=True))
    return got


def _trim(text: str, trim, *, where: str) -> str:
    words = _words(trim, where)
    if where == "lead":
        while text.startswith(words):  # one C call rules most clauses out
            w = next((w for w in words if text.startswith(w) and len(text) > len(w)), None)
            if w is None:
                break
            text = text[len(w):]
    else:
        keep = _words(trim, "keep")
        while text and text.endswith(words) and not text.endswith(keep):
            w = next(w for w in words if text.endswith(w))
            text = text[: -len(w)]
    return text


def _last_words(text: str, cap: int) -> str:
    """The whole words at the end of ``text`` that fit in ``cap`` characters.

    A subject cut at a fixed width reads 组理论学习中心组…; cut at a word
    boundary it reads 理论学习中心组….
    """
    out = ""
    for word in reversed(cut_words(text)):
        if out and len(out) + len(word) > cap:
            break
        out = word + out
    return out


def _subject(norm: str, start: int, end: int, trim, spans=()) -> str:
    """The thing counted: the clause before the figure joined with the words after it.

    ``spans`` are the measure words of lengths of time (年), which name a
    period in the clause rather than another figure.
    """
    left = _LEFT_BREAK.split(norm[max(0, start - _LEFT_WINDOW):start])[-1]
    paren = max(left.rfind("（"), left.rfind("("))
    if paren >= 0 and paren > max(left.rfind("）"), left.rfind(")")):
        left = left[paren + 1:]  # (含民办、四个办事处): the subject starts inside the open parenthesis
    if " " in left or "\u3000" in left:
        left = _SPACES.sub("", left)
    left = _TRAILING_FIGURE.sub("", left)
    last = None
    for fig in _figures(metric_pattern(), left) if _FIGURE_START.search(left) else ():
        # 每3个月开展1次, 一年开展一次: 3个月 and 一年 are the period, part of the subject
        if not (fig.start() and left[fig.start() - 1] == "每" or fig.group("unit") in spans):
            last = fig
    if last is not None:
        rest = left[last.end():]
        if rest.endswith(("、", "和", "及", "与")) and len(rest) >= 3:
            left = ""  # 3个党支部、52名党员: 党支部 is the first figure's thing, the second counts 党员
        elif len(rest.lstrip("、和及与")) >= 2:
            # 先进集体5个、优秀个人10名 → 优秀个人; 每月一次的集中学习、每季度一次 → 每季度;
            # 一等奖2件和优秀奖5件 → 优秀奖: a joiner right after the figure, as a word (与会代表 keeps its 与),
            # where one inside (传统安全与非传统安全两种) joins the things counted
            tail = rest.rsplit("、", 1)[-1]
            if tail.startswith(("和", "及", "与")) and cut_words(tail)[0] in _LIST_JOINERS:
                tail = tail[1:]
            left = tail if len(tail) >= 2 else rest.lstrip("、和及与")
    left = _trim(_trim(left, trim, where="tail"), trim, where="lead")
    if len(left) > _SUBJECT_CAP:
        verb = _LAST_VERB.search(left[:-1])
        left = left[verb.end():] if verb and len(left) - verb.end() <= _SUBJECT_CAP else _last_words(left, _SUBJECT_CAP)
        left = _trim(_UNOPENED.sub("", left), trim, where="lead")
    right = _RIGHT_BREAK.split(norm[end:end + 40], 1)[0]
    cut = next(_figures(metric_pattern(), right), None) if _FIGURE_START.search(right) else None
    if cut:
        # Up to the next figure, less that figure's own label: 图片、100多件实物 → 图片,
        # 村、居、社区和236家企业 → 村、居、社区, 2件、二等奖5件 → (nothing).
        right = _NEXT_ITEM.match(right[:cut.start()]).group(1)
    right = right.lstrip("的之")
    right = right[:_SUBJECT_CAP]
    if left in ("", "的"):
        if not right and "\t" in norm[:start]:
            return norm.split("\t", 1)[0].strip()  # a table row: its label counts
        return right
    return left + right


class _Around:
    """What a sentence holds around its figures, worked out once and only when
    a figure passes the checks that need nothing but its neighbours."""

    __slots__ = ("norm", "lex", "given", "_blocked", "_cues")

    def __init__(self, norm: str, lex: _Lexicons, given):
        self.norm, self.lex, self.given = norm, lex, given
        self._blocked = self._cues = None

    @property
    def blocked(self) -> list[tuple[int, int]]:
        """Spans no figure may overlap: the slogans given, short quotes and book titles."""
        if self._blocked is None:
            self._blocked = list(self.given) + _quoted_spans(self.norm)
        return self._blocked

    @property
    def cues(self) -> frozenset[str]:
        """The context tags (page, exhibit, text) whose words the sentence holds."""
        if self._cues is None:
            self._cues = frozenset(tag for _, tag in self.lex.cues.iter(self.norm))
        return self._cues


@lru_cache(maxsize=1)
def _numeral_places() -> tuple[frozenset[str], tuple[int, ...]]:
    """Place names that start with a Chinese numeral, and their lengths, longest first."""
    names = frozenset(name for name in load_org_rules().places if name[0] in _CN_NUM_CHARS and len(name) >= 2)
    return names, tuple(sorted({len(name) for name in names}, reverse=True))


def _starts_place_name(norm: str, at: int) -> bool:
    """Does a place name start at ``at``, followed by its level (三门峡市, not 三门课程)?"""
    names, lengths = _numeral_places()
    for n in lengths:
        name = norm[at:at + n]
        if name in names:
            end = at + len(name)
            if name[-1] in ADMIN_LEVELS or norm[end:end + 1] in ADMIN_LEVELS:
                return True
    return False


def _rejected(norm: str, m: re.Match, parsed, lex: _Lexicons, around: _Around, following: str | None,
              ranged: bool = False) -> str | None:
    """Why the candidate is not a metric, or ``None`` when it is one.

    The checks on the figure's neighbours come first; those that need the
    whole sentence (its quotes, its context words) last.
    """
    s, e = m.start("num"), max(m.end("unit"), m.end("big"), m.end("num"))
    num, unit = m.group("num"), m.group("unit") or ""
    value = parsed.value
    before = norm[max(0, s - 3):s]
    after = norm[e:e + 6]
    if norm[e - 1:e + 1] in _UNIT_WORDS:
        return "measure word is part of a word"
    if num[0] in _CN_NUM_CHARS and _starts_place_name(norm, s):
        return "part of a place name"  # 三门峡市, 六盘水市, 十堰市
    if unit == "成" and (len(num) > 1 or num in "0０"):
        return "not tenths"  # 九成, 8成以上; 二十成员单位 is a count of members
    if unit == "分" and (num[0] in _CN_NUM_CHARS or _POINTS_REJECT.match(norm, e - 1) or before.endswith(("时", "点"))):
        return "not points"  # 十分重要, 三分之一, 9时30分
    if s and norm[s - 1] == "每":
        return "a period, not a count"
    if s and norm[s - 1] in "数几" and num[0] in _CN_NUM_CHARS:
        return "indefinite (数十, 几百)"
    if _OUTLINE_AFTER.match(norm, e) or following and _OUTLINE_END.match(norm, e) and _OUTLINE_NEXT.match(following):
        return "outline count"
    if s and not ranged and norm[s - 1] in ".．-":
        return "part of a code"  # v1.2, 0551-6222 (a Latin letter before is a label or a mask: X村12名)
    if before.endswith(_ORDINAL_BEFORE) or unit in ("名", "位") and before.endswith("前"):
        return "ordinal"  # 第二批; 排名前10位, 前三名: a rank
    if after.startswith(_SESSION_AFTER):
        return "session"
    if unit in lex.spans and not norm.endswith(lex.duration, 0, s):
        return "a date, not a length of time"
    if lex.part_after.match(norm, e):
        return "a part of an exhibit, a text or a talk"
    if _is_counter(norm, s, lex.counters):
        return "a web page's furniture"
    if num[0] in _CN_NUM_CHARS:
        if s and norm[s - 1] in _CN_NUM_CHARS or after[:1] in _CN_NUM_CHARS:
            return "idiom"
        if unit == "方面" or lex.outline_after.match(norm, e):
            return "outline count"
        if norm.endswith(lex.formula_verbs, 0, s):
            return "a formula to live up to"
        window = norm[max(0, s - 2):e + 4]
        if any(w in window for w in lex.idioms):
            return "idiom"
        if value == 0 or value == 1 and not (parsed.approx or m.group("mid") or _counts_one(norm, s, e, unit, lex)):
            return "idiom"
    if unit in ("个", "方面") and (after.startswith("方面") or unit == "方面") and s and norm[s - 1] in "”\"":
        return "outline count"
    if any(a < e and s < b for a, b in around.blocked):
        return "inside a slogan, a quoted name or a title"
    cues = around.cues
    if "page" in cues:
        return "a web page's furniture"
    if "exhibit" in cues and unit in lex.exhibit_units:
        return "describes an exhibit"
    if unit in lex.text_units and ("text" in cues or _TEXT_PART.search(before) or _titled_clause(norm, s)):
        return "describes a studied text"
    return None


def _titled_clause(norm: str, s: int) -> bool:
    """Whether a book title opens in the clause before ``s`` (《条例》中的8类行为)."""
    i = norm.rfind("《", 0, s)
    return i >= 0 and _CLAUSE.search(norm, i, s) is None


def _is_counter(norm: str, s: int, counters: tuple) -> bool:
    """A page's view counter stands before the figure, a colon or spaces between
    (浏览次数：1234次, 阅读 236 次); 阅读12本书 and 点击量超过15万次 are prose."""
    if not s or norm[s - 1] not in " ：:\u3000":
        return False
    label = norm[max(0, s - 12):s].rstrip(" ：:\u3000")
    return label.endswith(counters)


def _counts_one(norm: str, s: int, e: int, unit: str, lex: _Lexicons) -> bool:
    """Whether 一 before a measure word is a count: a frequency (每月一次, 半年一次),
    a span (为期一天), an installment (举办一期) or 只有一名; elsewhere it is the
    article (开展一次有意义的活动, 团结在一起)."""
    before = norm[max(0, s - _FREQUENCY_REACH):s]
    return bool(
        _FREQUENCY.search(before)
        or unit in ("期", "轮") and _INSTALLMENT.search(before)
        or norm.endswith(lex.only, 0, s)
    )


def find_metrics(sentence: Sentence, blocked=(), directory: str | None = None,
                 following: str | None = "", mentioned: dict | None = None) -> list[dict]:
    """The metrics stated in one sentence, as SCHEMA §4 items with evidence.

    ``blocked`` holds (start, end) spans, relative to the sentence, that
    figures must not overlap (slogans). ``following`` is the start of the
    next sentence of the paragraph: a count that ends its sentence before an
    outline (共开展了五项活动。一是…) counts the speaker's points. ``None``
    leaves that to the caller: such counts carry ``"_ends": True``.
    ``mentioned`` (kept by the caller across a document's sentences) holds
    the things counted so far: the same figure of the same thing said again
    in another clause (4个巡察组 … 4个巡察组向40家单位反馈) is one fact.

    >>> from kg.extract.base import iter_sentences
    >>> s = next(iter_sentences("共有**名青年同志参与，集中学习12次。"))
    >>> [(m["value"], m["unit"], m["masked"], m["subject"]) for m in find_metrics(s)]
    [(None, '名', True, '青年同志参与'), (12, '次', False, '集中学习')]
    """
    norm = sentence.norm
    pattern = metric_pattern(directory)
    candidates = list(_figures(pattern, norm))
    if not candidates and "百分之" not in norm:
        return []
    lex = _lexicons(directory)
    before_words = _words(lex.approx, "before")
    around = _Around(norm, lex, blocked)
    items = []
    for m in candidates:
        num, unit = m.group("num"), m.group("unit")
        mid = m.group("mid")
        if unit is None:
            if not (m.group("big") or num[-1] in "万亿") or num[0] in _CN_NUM_CHARS:
                continue
            clause = _CLAUSE_BREAK.split(norm[:m.start()])[-1]
            if not (m.group("who") or any(w in clause for w in _PERSON_NOUNS)):
                continue
            unit = "人"
        elif num[-1] in "万亿" and num[-1] + unit in lex.units and not any(c in "万亿" for c in num[:-1]):
            num, unit = num[:-1], num[-1] + unit  # 8179.62万元 is 8179.62 万元, 5万吨 5 万吨; 三亿五千万元 stays in 元
        elif m.group("big") and m.group("big") + unit in lex.units:
            unit = m.group("big") + unit  # X万吨: a masked figure in 万吨
        elif len(unit) > 2 and unit[0] == "个" and unit[1] in "多余":
            mid, unit = unit[1], "个" + unit[2:]  # 2个多小时
        big = "" if unit.startswith(("万", "亿")) else (m.group("big") or "")  # 万 already in the unit
        parsed = parse_number(num + big)
        if parsed is None:
            continue
        low = None
        if m.start() and norm[m.start() - 1] in _RANGE_MARKS:
            low = _RANGE_BEFORE.search(norm, max(0, m.start() - 12), m.start())
        if low is not None:
            lower = parse_number(low.group(1))
            if lower is None or lower.masked or norm.endswith(_ORDINAL_BEFORE, 0, low.start()):
                continue  # 第1至3批
            parsed = lower._replace(approx=True)  # 3至5名, 2-3次: a range is its lower bound, approximate
        why = _rejected(norm, m, parsed, lex, around, following, ranged=low is not None)
        if why:
            log.debug("not a metric (%s): %s", why, m.group())
            continue
        if mentioned is not None and _repeated(norm, m, parsed, unit, lex, mentioned, sentence.index):
            log.debug("not a metric (said before): %s", m.group())
            continue
        start = low.start() if low is not None else m.start()
        ends = following is None and _OUTLINE_END.match(norm, max(m.end("unit"), m.end("big"), m.end("num")))
        pre = next((w for w in before_words if norm.endswith(w, 0, start)), "")
        approx = bool(pre or mid or m.group("post") or parsed.approx)
        start -= len(pre)
        items.append(
            evidence_item(
                sentence,
                value=parsed.value,
                unit=unit.replace("％", "%"),
                approx=approx,
                masked=parsed.masked,
                subject=_subject(norm, start, m.end(), lex.trim, lex.spans),
                surface=sentence.text[start:m.end()],
            )
        )
        if ends:
            items[-1]["_ends"] = True
    if "百分之" in norm:
        found = [(sentence.text.find(it["surface"]), it) for it in items]
        found += [(it.pop("_at"), it) for it in _find_percent_words(sentence, around.blocked, directory)]
        items = [it for _, it in sorted(found, key=lambda p: p[0])]
    return items


def _repeated(norm: str, m: re.Match, parsed, unit: str, lex: _Lexicons, mentioned: dict, index: int) -> bool:
    """Whether this figure of a thing (五位党员, 4个巡察组) was said before in another clause.

    Only a stated figure above one of a unit whose thing follows it counts as
    a repeat: two masked figures may differ, 1名小组成员 … 1名小组成员 are
    usually two people, and 12次 after two activities are two facts.
    """
    noun = norm[m.end():m.end() + 2]
    if parsed.masked or parsed.value == 1 or lex.units.get(unit) != "thing" or len(noun) < 2 \
            or not all("\u4e00" <= c <= "\u9fff" for c in noun):
        return False
    key = (parsed.value, unit, noun)
    where = (index, len(_CLAUSE.findall(norm, 0, m.start())))
    before = mentioned.setdefault(key, where)
    return before != where


def _quoted_spans(norm: str) -> list[tuple[int, int]]:
    """Spans a figure inside is a name, not a count: short quotes (“两项待遇〞) and book titles."""
    return [q.span() for q in _QUOTED.finditer(norm)]


def _find_percent_words(sentence: Sentence, blocked, directory: str | None = None) -> list[dict]:
    """百分之九十八 → 98 %: reports spell percentages out as often as they write 98%."""
    lex = _lexicons(directory)
    trim = lex.trim
    before_words, after_words = _words(lex.approx, "before"), _words(lex.approx, "after")
    norm = sentence.norm
    out = []
    for m in _PERCENT_WORDS.finditer(norm):
        if any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        num = m.group("num")
        whole, _, frac = num.partition("点")
        parsed = parse_number(whole)
        if parsed is None or parsed.value is None:
            continue
        value = parsed.value  # 百分之八九十: an approximate numeral, its lower bound
        if frac:
            value = round(value + float("0." + "".join(str(parse_chinese_numeral(c)) for c in frac)), 6)
        pre = next((w for w in before_words if norm.endswith(w, 0, m.start())), "")
        post = next((w for w in after_words if norm.startswith(w, m.end())), "")
        start, end = m.start() - len(pre), m.end() + len(post)
        item = evidence_item(sentence, value=value, unit="%", approx=bool(pre or post or parsed.approx), masked=False,
                             subject=_subject(norm, start, end, trim, lex.spans), surface=sentence.text[start:end])
        item["_at"] = start
        out.append(item)
    return out


def _slogan_spans(ctx: Context) -> dict[int, list[tuple[int, int]]]:
    """Per sentence index, the spans of slogans (relative to the sentence)."""
    spans = ctx.found.get("slogan_spans")
    if isinstance(spans, dict):
        return spans
    surfaces = {s.get("surface") for s in ctx.found.get("slogans", []) if s.get("surface")}
    out: dict[int, list[tuple[int, int]]] = {}
    for sent in ctx.sentences:
        for surface in surfaces:
            i = sent.norm.find(surface)
            while i >= 0:
                out.setdefault(sent.index, []).append((i, i + len(surface)))
                i = sent.norm.find(surface, i + 1)
    return out


@register("metrics")
def extract_metrics(ctx: Context) -> list[dict]:
    """Every metric of the document, in text order (SCHEMA §4)."""
    spans = _slogan_spans(ctx)
    items = []
    said = set()
    mentioned: dict = {}
    sentences = ctx.sentences
    for i, sent in enumerate(sentences):
        found = find_metrics(sent, spans.get(sent.index, ()), following=None, mentioned=mentioned)
        if not found:
            continue
        if len(sent.norm) >= _REPEAT_MIN:
            if sent.norm in said:
                continue  # a page that repeats itself counts every fact once
            said.add(sent.norm)
        if any("_ends" in it for it in found):
            nxt = _following(ctx, i)
            found = [it for it in found if not (it.pop("_ends", False) and _OUTLINE_NEXT.match(nxt))]
        items.extend(found)
    return items


def _following(ctx: Context, i: int) -> str:
    """The start of the sentence after sentence ``i`` when it is in the same paragraph, else ``""``."""
    sentences = ctx.sentences
    if i + 1 < len(sentences) and "\n" not in ctx.doc.norm[sentences[i].end:sentences[i + 1].start]:
        return sentences[i + 1].norm[:4]
    return ""
