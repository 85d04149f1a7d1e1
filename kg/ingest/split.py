"""Cut a cleaned file into documents at their title lines (SCHEMA §1).

A title is a short line with no sentence-final punctuation that names a
genre (汇报, 讲话, 发言 …) and stands at the start of the file or after a
blank line; salutations and outline headings never are. Blank lines only
count as evidence where they are rare: in a web copy where every paragraph
is followed by one, a title also needs a second sign — a title shape
(``在…会议上的讲话``), a closing formula just before it (``汇报完毕``), or a
salutation just after it (``同志们：``). The line shapes live in
``data/lexicon/title_rules.txt``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table
from .clean import Line
from .genre import detect_genre, find_genre_word

__all__ = ["Segment", "TitleRules", "load_title_rules", "split_lines", "is_title_shape", "derive_title",
           "MAX_TITLE_CHARS"]

log = logging.getLogger(__name__)

MAX_TITLE_CHARS = 90
_KINDS = ("outline", "salutation", "not_title", "closing", "strong", "genre_end")
_FINAL = "。；！？.;!?…，,、：:"
_INNER_STOP = re.compile(r"[。；;！!？?]")
_COMMAS = re.compile(r"[，,]")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff].*[\u4e00-\u9fff]")
_PREAMBLE_MAX_CHARS = 60
_OPENERS = "“‘《（(〈「『【"
_PAIRS = ("“”", "《》", "（）", "()", "「」", "【】")


def _balanced(s: str) -> bool:
    """A line cut inside quotes or brackets (a wrapped sentence) is no title."""
    return all(s.count(a) == s.count(b) for a, b in _PAIRS)


@dataclass(frozen=True)
class Segment:
    """Lines ``start``..``end`` (exclusive) of the cleaned file form one document."""

    start: int
    end: int
    title: str
    title_derived: bool


@dataclass(frozen=True)
class TitleRules:
    patterns: dict

    def test(self, kind: str, line: str) -> bool:
        return any(p.search(line) for p in self.patterns[kind])


def load_title_rules(path: str | Path | None = None) -> TitleRules:
    """Read ``KIND<TAB>PATTERN`` rules; a bad line fails with file:line.

    >>> rules = load_title_rules()
    >>> rules.test("outline", "（一）完善制度"), rules.test("salutation", "尊敬的各位领导，同志们：")
    (True, True)
    """
    return _load(str(path or lexicon_path("title_rules")))


@lru_cache(maxsize=8)
def _load(path: str) -> TitleRules:
    raw_lines = Path(path).read_text(encoding="utf-8").splitlines()
    patterns: dict[str, list] = {k: [] for k in _KINDS}
    for kind, pattern in read_table(path, 2):
        line_no = next((n for n, raw in enumerate(raw_lines, 1) if pattern in raw), 0)
        if kind not in patterns:
            raise LexiconError(path, line_no, f"unknown kind {kind!r}; one of {', '.join(_KINDS)}")
        try:
            patterns[kind].append(re.compile(pattern))
        except re.error as err:
            raise LexiconError(path, line_no, f"bad regular expression {pattern!r}: {err}") from err
    return TitleRules({k: tuple(v) for k, v in patterns.items()})


def is_title_shape(line: str, rules: TitleRules | None = None) -> bool:
    """Could this line be a title by its form alone (length, punctuation, kind)?

    >>> is_title_shape("市保密局关于第二批主题教育阶段性进展情况汇报")
    True
    >>> [is_title_shape(s) for s in ("同志们：", "一、主题教育开展情况", "第一，以学促干", "会议强调。")]
    [False, False, False, False]
    >>> is_title_shape("今年3月,区委组织部启动“墩苗计划”,首批选派35名年")  # a wrapped sentence
    False
    """
    rules = rules or load_title_rules()
    s = line.strip()
    if not (4 <= len(s) <= MAX_TITLE_CHARS) or s[-1] in _FINAL or _INNER_STOP.search(s):
        return False
    if len(_COMMAS.findall(s)) >= 2:
        return False  # 今年3月,区委组织部启动…,首批选派35名年: a sentence wrapped at a line's width
    if not _HAS_CJK.search(s) or s[-1] in _OPENERS or not _balanced(s):
        return False
    return not (rules.test("outline", s) or rules.test("salutation", s) or rules.test("not_title", s)
                or rules.test("closing", s))


def _breaks_informative(lines: list[Line]) -> bool:
    if len(lines) < 4:
        return True
    return sum(ln.after_break for ln in lines[1:]) / (len(lines) - 1) <= 0.5


def _title_lines(lines: list[Line], rules: TitleRules) -> list[int]:
    informative = _breaks_informative(lines)
    starts: list[int] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if i == n - 1:
            break  # a title needs a body after it
        s = ln.text
        if not is_title_shape(s, rules):
            continue
        if starts and starts[-1] == i - 1:
            continue  # the line after a title is its subtitle, not a new document
        genre = find_genre_word(s) is not None
        nxt = lines[i + 1].text
        salutation_next = rules.test("salutation", nxt)
        if i == 0:
            # no genre word: a title only above a salutation, body text, or a subtitle glued to it
            below = salutation_next or (len(nxt) > len(s) and (not is_title_shape(nxt, rules)
                                                                or not lines[1].after_break))
            if genre or (len(s) <= 50 and below):
                starts.append(i)
            continue
        closing_before = rules.test("closing", lines[i - 1].text)
        strong = rules.test("strong", s)
        shaped = strong or rules.test("genre_end", s)
        if genre:
            ok = (ln.after_break and (informative or strong or closing_before or salutation_next)) or \
                 (shaped and (closing_before or salutation_next))
        else:
            ok = ln.after_break and salutation_next and closing_before
        if ok:
            starts.append(i)
    return starts


def split_lines(lines: list[Line], *, rules: TitleRules | None = None,
                byline_at: int | None = None) -> list[Segment]:
    """Cut cleaned lines into document segments.

    >>> from kg.ingest.clean import clean_lines
    >>> text = "甲局学习情况汇报\\n今年集中学习12次。\\n\\n乙局在读书班上的交流发言\\n尊敬的各位领导：\\n我谈三点体会。"
    >>> [(s.start, s.end, s.title) for s in split_lines(clean_lines(text))]
    [(0, 2, '甲局学习情况汇报'), (2, 5, '乙局在读书班上的交流发言')]
    """
    if not lines:
        return []
    rules = rules or load_title_rules()
    starts = _title_lines(lines, rules)
    headline = _headline_under_site_header(lines, byline_at, rules, titled=bool(starts) and starts[0] == 0)
    under_site = None
    if headline is None:
        headline = under_site = _headline_under_site_name(lines, rules)
    if headline is not None:
        starts = [headline] + [s for s in starts if s > headline + 1]
    starts = [s for k, s in enumerate(starts) if k == 0 or not _issued_by(lines[starts[k - 1]:s], lines[s].text)]
    segments: list[Segment] = []
    if under_site is not None and starts and starts[0] == under_site:
        # the site's name stays in the page's text (it may name the unit); the headline is its title
        end = starts[1] if len(starts) > 1 else len(lines)
        segments.append(Segment(0, end, lines[under_site].text.strip(), False))
        starts = starts[1:]
    elif not starts or starts[0] != 0:
        head_end = starts[0] if starts else len(lines)
        head = lines[:head_end]
        head_chars = sum(len(ln.text) for ln in head)
        if starts and head_chars <= _PREAMBLE_MAX_CHARS and not any(_INNER_STOP.search(ln.text) for ln in head):
            log.debug("dropping preamble before the first title: %r", [ln.text for ln in head])
        else:
            segments.append(Segment(0, head_end, derive_title(head), True))
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        segments.append(Segment(start, end, lines[start].text.strip(), False))
    return segments


def _issued_by(before: list[Line], title: str) -> bool:
    """Is ``title`` the document a notice right before it issues (关于印发《X》的通知 … 现将《X》印发给你们)?
    Then it is the notice's attachment, not a document of its own."""
    name = title.strip()
    text = "\n".join(ln.text for ln in before)
    return "印发" in text and any(name and quoted.endswith(name) for quoted in _QUOTED.findall(text))


_QUOTED = re.compile(r"《([^《》]{2,80})》")
_SITE_HEADER_CHARS = 30
_HEADER_PUNCTUATION = re.compile(r"[，,。；;：:！!？?“”\"、—]")
# A site's name above a page: a unit's name or a site's, no more (青山县信访局, 某大学某学院, 某县门户网).
_UNIT_ENDINGS = ("委员会|办公室|党工委|党委|党组|支部|团委|妇联|工会|政府|街道|学校|大学|学院|医院|中心|公司|银行|集团|"
                 "局|委|办|厅|院|所|部|处|科|队|站")
_SITE_NAME = re.compile(rf"^[\u4e00-\u9fff*＊Xx×（）()]{{1,28}}(?:{_UNIT_ENDINGS}|馆|会|网|网站)$")


def _headline_under_site_header(lines: list[Line], byline_at: int | None, rules: TitleRules,
                                titled: bool = False) -> int | None:
    """The page's headline when the lines above it are only the site's name (a unit, a school),
    its menu already dropped: the last line before the page's first byline line (``byline_at``,
    a line number of the file), a line or three down. A first line the splitter took for a
    title (``titled``) yields only when it is a unit's or a site's name (县司法局召开读书班 stays).

    >>> from kg.ingest.clean import clean_lines
    >>> page = ("青山县信访局\\n首页 | 机构概况 | 政务公开 | 党建工作\\n接访中心党支部开展主题党日活动\\n"
    ...         "来源：接访中心  发布时间：2024-06-21\\n6月19日，党支部组织党员走访群众。")
    >>> lines = clean_lines(page)
    >>> lines[_headline_under_site_header(lines, 4, load_title_rules())].text
    '接访中心党支部开展主题党日活动'
    """
    if byline_at is None:
        return None
    above = [k for k, ln in enumerate(lines) if ln.line_no < byline_at]
    if not above or not 1 <= above[-1] <= 3:
        return None
    h = above[-1]
    head, headline = lines[:h], lines[h].text
    if len(headline) < 8 or headline.startswith(("—", "-", "－")) or not is_title_shape(headline, rules):
        return None
    # a first line the splitter took for a title must be a site's name; else any short line without punctuation
    if not all(_SITE_NAME.match(ln.text.strip()) or not titled and len(ln.text) <= _SITE_HEADER_CHARS
               and not _HEADER_PUNCTUATION.search(ln.text) for ln in head):
        return None
    return h


def _headline_under_site_name(lines: list[Line], rules: TitleRules) -> int | None:
    """Line 1 when line 0 is only a site's or an account's name (镇巴先锋网, 平安庆元, 某公司)
    and line 1 a headline: a subtitle (——在…上的交流发言) or the body follows it, or it
    names its genre. (A page whose byline stands under its headline is read by
    :func:`_headline_under_site_header`; this one has none there.) The site's line stays in
    the page's text.

    >>> from kg.ingest.clean import clean_lines
    >>> lines = clean_lines("镇巴先锋网\\n扎根泥土　做群众身边的技术员\\n——在全县读书班上的交流发言\\n我是农技站站长。")
    >>> lines[_headline_under_site_name(lines, load_title_rules())].text
    '扎根泥土　做群众身边的技术员'
    >>> _headline_under_site_name(clean_lines("市财政局学习情况汇报\\n——上半年\\n今年以来，我局坚持学习。"),
    ...                           load_title_rules()) is None
    True
    """
    if len(lines) < 3:
        return None
    site, headline, after = lines[0].text.strip(), lines[1].text.strip(), lines[2].text.strip()
    if find_genre_word(site) is not None or not (_SITE_NAME.match(site) or len(site) <= 8
                                                 and not _HEADER_PUNCTUATION.search(site)
                                                 and not any(c.isspace() for c in site)):
        return None  # 以学铸魂 砥砺前行: a title's first line, not a name
    if len(headline) < 8 or len(headline) <= len(site) or headline.startswith(("—", "-", "－", "在")) \
            or not is_title_shape(headline, rules):
        return None  # 在全市…上的讲话 under a title is its subtitle
    if after.startswith(("——", "—", "--")) or find_genre_word(headline) is not None:
        return 1
    return None


_ORG_AT_START = re.compile(
    r"^(?:[^，。；：:,]{0,6}?(?:，|,))?(?![我本该])([\u4e00-\u9fff*Ｘ×X]{1,14}?"
    rf"(?:{_UNIT_ENDINGS}|小组))"
    r"(?:青年理论学习小组|理论学习中心组|党组|党委|机关)?")
_PLAN_PHRASE = re.compile(r"现(?:制定|拟定|印发)(.{2,40}?(?:计划|方案|安排|要点))")
_SELF_UNIT = re.compile(r"我(局|委|办|院|厅|部|校|中心|街道|区|县|市)")
_GENRE_NOUN = {"汇报": "工作汇报", "讲话": "讲话", "发言": "交流发言", "计划": "学习计划",
               "党课": "党课讲稿", "心得": "心得体会", "其他": "材料"}


def derive_title(lines: list[Line]) -> str:
    """A title for a document whose first line is not one: unit + genre.

    >>> from kg.ingest.clean import clean_lines
    >>> derive_title(clean_lines("尊敬的各位领导：\\n市统计局青年理论学习小组坚持学习。\\n汇报完毕，谢谢大家！"))
    '市统计局青年理论学习小组工作汇报'
    >>> derive_title(clean_lines("为加强学习，结合实际，现制定县税务局2024年理论学习计划。\\n一、总体要求"))
    '县税务局2024年理论学习计划'
    """
    rules = load_title_rules()
    body = [ln.text for ln in lines if not rules.test("salutation", ln.text)]
    text = "\n".join(ln.text for ln in lines)
    head = "\n".join(body[:3])
    m = _PLAN_PHRASE.search(head)
    if m:
        return m.group(1)
    genre = detect_genre("", text)
    unit = ""
    for para in body[:2]:
        m = _ORG_AT_START.match(para)
        if m:
            unit = m.group(0)
            break
    if not unit:
        m = _SELF_UNIT.search(head)
        unit = m.group(1) if m else ""
    if unit:
        return unit + _GENRE_NOUN[genre]
    first = body[0] if body else lines[0].text if lines else ""  # one line: a title never spans two
    return re.split(r"[，。；：,;:]", first, 1)[0][:24] + "…"
