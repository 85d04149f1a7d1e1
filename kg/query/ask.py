"""Plain-Chinese questions → slots → a canned query and its parameters → a table and an answer.

Why a small grammar and not a list of sentence patterns: analysts ask the
same thing in many word orders (``市妇联举办了几次读书班`` /
``市妇联读书班有多少次``), name several units or kinds of activity at once
(``比较市保密局和市外办``, ``既开展了读书班又开展了调研``) and add a year, a
partner or a status. A pattern list answers the first form it knows and
silently drops the rest. Here a question is read into **slots** first —

* units (one or several; a unit after 和/与 in a question about 共建 is the
  *partner*), activity categories (several, joined by *and* or *or*),
  slogans, materials, genres, a document title, an indicator (国内生产总值增长), a
  year or a range (``2021—2023年``, ``2021年以来``), the status
  (done / planned / urged), and
* the **asked-for thing** (``data/lexicon/question_cues.txt``): a comparison,
  a count, units, activities, documents, figures, problems, plans, plan
  versus report, a timeline, targets, shared passages, …

— and then answered from the slots (``data/lexicon/question_routes.txt``:
which query takes which slot), so word order does not matter. Every answer
says how it was understood (``理解为：…``) and, when a part of the question
could not be used by the query that answers it, says which part
(``未能使用：…``) instead of dropping it.

Entities are spotted with one Aho–Corasick automaton over the graph's own
vocabulary (unit names and aliases, categories, slogans, materials, genres,
titles, indicators) plus ``data/lexicon/question_synonyms.txt``; longest
match wins. The vocabulary is read through the engine, so the same code
asks Neo4j or the embedded copy of the NetworkX graph. A question that
fills no route gets a table of questions it can answer, the closest first
(rapidfuzz); a question never raises and never gives an empty screen.

A question is at most :data:`MAX_QUESTION_CHARS` characters: the patterns
are regular expressions searched over the whole question, and a question of
10,000 characters took 30 s (100,000 never ended). Up to the limit every step
is linear; a longer one gets a message, not an analysis.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from ..errors import KGError, LexiconError
from ..extract.matcher import Matcher
from ..lexicon import iter_lines, lexicon_path, read_table
from .base import Result
from .catalog import CannedQuery, load_catalog, render_summary, run_canned

__all__ = ["Answer", "Entity", "Parse", "Route", "Asker", "ask", "normalize_question", "read_cues", "read_routes",
           "ASKS", "SLOTS", "MAX_QUESTION_CHARS"]

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500

ASKS = ("compare", "count", "units", "activities", "documents", "figures", "problems", "plans", "plan_vs_report",
        "timeline", "targets", "duplicates", "partnerships", "materials", "slogan_reach", "slogan_pairs", "similar",
        "masked", "profile", "matrix")
SLOTS = ("units", "unit1", "categories", "join", "status", "year_from", "year_to", "partner", "slogans", "slogan1",
         "materials", "material1", "genres", "title_unit", "indicator", "plan_state")
_CUE_KINDS = ("ask", "status", "join", "partner", "relative-year", "plan-state", "negation", "unknown")
_PLAN_STATES = ("计划并完成", "计划未见完成", "完成但无计划")
_STATUSES = ("done", "planned", "urged")
# How an answer names what it understood, in the analyst's words.
ASK_NAMES = {
    "compare": "并排比较几个单位", "count": "计数", "units": "找出单位", "activities": "列出活动", "documents": "列出文档",
    "figures": "列出数据", "problems": "列出查摆的问题", "plans": "列出计划与目标", "plan_vs_report": "计划与落实对照",
    "timeline": "逐年变化", "targets": "指标的目标与实际", "duplicates": "找雷同文字（套话）", "partnerships": "联学共建关系",
    "materials": "学习材料", "slogan_reach": "提法热度", "slogan_pairs": "一起出现的提法", "similar": "相似单位",
    "masked": "脱敏数据", "profile": "单位概况", "matrix": "各单位活动类别分布",
}
_STATUS_NAMES = {"done": "已开展", "planned": "计划", "urged": "要求"}
_MARK = {"unit": "〈unit〉", "category": "〈category〉", "slogan": "〈slogan〉", "material": "〈material〉",
         "genre": "〈genre〉", "title": "〈title〉", "year": "〈year〉", "indicator": "〈indicator〉"}
_GENRES = ("汇报", "讲话", "发言", "计划", "党课", "心得")
_CATEGORIES = frozenset(
    "集中学习 专题研讨 读书班 党课 宣讲 培训 调查研究 检视整改 警示教育 主题党日 参观见学 比赛评选 "
    "联学共建 为民服务 组织生活 线上学习 读书分享 其他".split()
)
_PARTNERSHIP_CATEGORY = "联学共建"
# Queries that list or count items: several categories there mean the items of each (市保密局的读书班和专题研讨),
# never units that held all of them, so 和 between categories asks nothing they leave out
_ITEM_LISTS = frozenset({"count_activities", "find_activities", "plans_by_unit", "plan_vs_report"})
_ASKS_WHO = re.compile(r"谁|哪些|哪个|哪家|什么单位|几个单位|多少单位")
_ADMIN_PREFIX = re.compile(r"^(市|区|县|省|镇|乡|州|盟|旗)")
# A two-character short form is a unit only when it ends like an abbreviated body (妇联, 外办, 纪委),
# not like a common word (政府, 人大 stay whole)
_SHORT_ENDS = frozenset("联办委局院厅")
_MASK = re.compile(r"[*＊XxＸ×]{1,4}(?=[\u4e00-\u9fff])")
_Y = r"((?:19|20)\d{2})"
_YEAR_RANGE = re.compile(_Y + r"\s*年?\s*(?:到|至|－|-|—|~|～)\s*" + _Y + r"\s*年?")
_YEAR_FROM = re.compile(_Y + r"\s*年?\s*(?:以来|以后|之后|起|开始)")
_YEAR_TO = re.compile(_Y + r"\s*年?\s*(?:以前|之前|前)(?![一二三四五六七八九十0-9])")
_YEAR = re.compile(r"(?<!\d)" + _Y + r"\s*年?(?!\d)")


_VOLUME = re.compile(r"^(.+?)(第[一二三四五六七八九十\d]+[卷册辑])$")


def normalize_question(text: str) -> str:
    """Fold a question the way names are folded: full-width → half-width, masks and spaces dropped.

    >>> normalize_question(" XX市 税务局 报告了什么数据？ ")
    '市税务局报告了什么数据?'
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"\s+", "", text)
    return _MASK.sub("", text)


@dataclass(frozen=True)
class Entity:
    kind: str
    value: Any
    surface: str
    start: int


@dataclass(frozen=True)
class Cue:
    kind: str
    value: str
    pattern: re.Pattern
    line_no: int


@dataclass(frozen=True)
class Route:
    ask: str
    needs: tuple[str, ...]
    query: str
    bindings: tuple[tuple[str, str], ...]
    line_no: int


@dataclass
class Parse:
    """A question read into slots (see the module docstring)."""

    question: str
    templated: str = ""
    entities: list[Entity] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    partner: str = ""
    categories: list[str] = field(default_factory=list)
    join: str = ""
    slogans: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)
    title_unit: str = ""
    indicator: str = ""
    year_from: int = 0
    year_to: int = 0
    status: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)
    relative_years: list[str] = field(default_factory=list)
    plan_state: list[str] = field(default_factory=list)
    negations: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def slot(self, name: str):
        """The value of a route slot (``unit1`` is the first unit, …); empty when unfilled."""
        if name == "unit1":
            return self.units[0] if self.units else ""
        if name == "slogan1":
            return self.slogans[0] if self.slogans else ""
        if name == "material1":
            return self.materials[0] if self.materials else ""
        if name == "join":
            return self.join if len(self.categories) > 1 or len(self.slogans) > 1 else ""
        return getattr(self, name)

    def describe(self, ask: str | None) -> str:
        """``理解为：…`` in Chinese: the asked-for thing and every slot filled."""
        parts = [ASK_NAMES.get(ask, "没有识别出要问什么")] if ask else ["没有识别出要问什么"]
        if self.units:
            parts.append("单位＝" + "、".join(self.units))
        if self.partner:
            parts.append("合作单位＝" + self.partner)
        if self.categories:
            joined = "、".join(self.categories)
            if len(self.categories) > 1:
                joined += "（同时开展）" if self.join == "all" else "（任一）"
            parts.append("活动类别＝" + joined)
        if self.slogans:
            joined = "、".join(self.slogans)
            if len(self.slogans) > 1 and len(self.categories) <= 1:
                joined += "（同时提到）" if self.join == "all" else "（任一）"
            parts.append("提法＝" + joined)
        if self.materials:
            parts.append("学习材料＝" + "、".join(self.materials))
        if self.genres:
            parts.append("体裁＝" + "、".join(self.genres))
        if self.title_unit:
            parts.append("文档＝" + next((e.surface for e in self.entities if e.kind == "title"), self.title_unit))
        if self.indicator:
            parts.append("指标＝" + self.indicator)
        if self.year_from or self.year_to:
            parts.append("年份＝" + _years_text(self.year_from, self.year_to))
        if self.status:
            parts.append("状态＝" + "、".join(_STATUS_NAMES.get(s, s) for s in self.status))
        if self.plan_state:
            parts.append("对照结果＝" + "、".join(self.plan_state))
        return "理解为：" + "；".join(parts)


def _years_text(year_from: int, year_to: int) -> str:
    if year_from and year_from == year_to:
        return f"{year_from}年"
    if year_from and year_to:
        return f"{year_from}—{year_to}年"
    return f"{year_from}年以来" if year_from else f"{year_to}年及以前"


@dataclass
class Answer:
    """What ``kg ask`` shows: how the question was understood, the table, a one-line
    summary, what could not be used, and the query it ran."""

    question: str
    summary: str
    result: Result
    query_id: str | None = None
    title: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    cypher: str = ""
    fallback: bool = False
    suggestions: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    understood: str = ""
    unused: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole answer as prose: 理解为, 未能使用 (if any), then the summary."""
        lines = [self.understood] if self.understood else []
        if self.unused:
            lines.append("未能使用：" + "；".join(self.unused))
        lines.append(self.summary)
        return "\n".join(lines)


# -- the data files ------------------------------------------------------------------------------

def _split(line: str, n: int) -> list[str]:
    return [p.strip() for p in line.split("=>", n - 1)]


def read_cues(path: str | Path | None = None) -> list[Cue]:
    """Read the question cues; a bad line fails with ``file:line``.

    >>> cues = read_cues()
    >>> {c.kind for c in cues} == {"ask", "status", "join", "partner", "relative-year", "plan-state", "negation",
    ...                            "unknown"}
    True
    """
    path = Path(path) if path else lexicon_path("question_cues")
    out = []
    for n, line in iter_lines(path):
        parts = _split(line, 3)
        if len(parts) != 3 or not all(parts):
            raise LexiconError(path, n, f"expected 'kind => value => pattern', got {line!r}")
        kind, value, pattern = parts
        if kind not in _CUE_KINDS:
            raise LexiconError(path, n, f"unknown kind {kind!r}; use one of {' '.join(_CUE_KINDS)}")
        if kind == "ask" and value not in ASKS:
            raise LexiconError(path, n, f"unknown ask {value!r}; use one of {' '.join(ASKS)}")
        if kind == "status" and value not in _STATUSES:
            raise LexiconError(path, n, f"unknown status {value!r}; use done, planned or urged")
        if kind == "join" and value not in ("all", "any"):
            raise LexiconError(path, n, f"unknown join {value!r}; use all or any")
        if kind == "partner" and value not in ("before", "words"):
            raise LexiconError(path, n, f"unknown partner cue {value!r}; use before or words")
        if kind == "plan-state" and value not in _PLAN_STATES:
            raise LexiconError(path, n, f"unknown plan state {value!r}; use one of {' '.join(_PLAN_STATES)}")
        try:
            compiled = re.compile(pattern)
        except re.error as err:
            raise LexiconError(path, n, f"bad pattern {pattern!r}: {err}") from err
        if kind == "unknown" and "obj" not in compiled.groupindex:
            raise LexiconError(path, n, f"an unknown-object pattern needs a group (?P<obj>…): {pattern!r}")
        out.append(Cue(kind, value, compiled, n))
    return out


def read_routes(path: str | Path | None = None, catalog: dict[str, CannedQuery] | None = None) -> list[Route]:
    """Read the question routes; a bad line fails with ``file:line``.

    >>> routes = read_routes()
    >>> routes[0].ask, routes[0].query, routes[0].needs
    ('compare', 'compare_units', ('units>=2',))
    """
    path = Path(path) if path else lexicon_path("question_routes")
    catalog = catalog if catalog is not None else load_catalog()
    out = []
    for n, line in iter_lines(path):
        parts = _split(line, 3)
        if len(parts) < 2 or not all(parts[:2]):
            raise LexiconError(path, n, f"expected 'ask [needs] => query => param=slot, …', got {line!r}")
        head, query = parts[0].split(), parts[1]
        bindings_text = parts[2] if len(parts) > 2 else ""
        ask_name, needs = head[0], tuple(head[1:])
        if ask_name not in ASKS:
            raise LexiconError(path, n, f"unknown ask {ask_name!r}; use one of {' '.join(ASKS)}")
        for need in needs:
            if need.split(">=")[0] not in SLOTS:
                raise LexiconError(path, n, f"unknown slot {need!r} in needs; slots: {' '.join(SLOTS)}")
        if query not in catalog:
            raise LexiconError(path, n, f"unknown canned query {query!r}; see queries/*.cypher")
        names = {p.name for p in catalog[query].params}
        bindings = []
        for item in filter(None, (b.strip() for b in bindings_text.split(","))):
            key, eq, value = item.partition("=")
            key, value = key.strip(), value.strip()
            if not eq or not key.isidentifier() or not value:
                raise LexiconError(path, n, f"bad binding {item!r}; write param=slot or param=value")
            if key not in names:
                raise LexiconError(path, n, f"query {query!r} has no parameter {key!r}")
            bindings.append((key, value))
        out.append(Route(ask_name, needs, query, tuple(bindings), n))
    return out


def _indicator_names() -> list[str]:
    path = lexicon_path("figure_indicators")
    return [line.split("=>", 1)[0].strip() for _, line in iter_lines(path)]


# -- the asker -------------------------------------------------------------------------------------

class Asker:
    """Answers questions over one engine; builds its vocabulary once from the engine's graph."""

    def __init__(self, engine, *, catalog: dict[str, CannedQuery] | None = None,
                 cues: str | Path | None = None, routes: str | Path | None = None,
                 synonyms: str | Path | None = None):
        self.engine = engine
        self.catalog = catalog if catalog is not None else load_catalog()
        self.cues = read_cues(cues)
        self.routes = read_routes(routes, self.catalog)
        self.vocabulary: dict[str, list[str]] = {}
        self._automaton = Matcher(long_texts=False)
        terms: dict[str, tuple[str, Any]] = {}
        for kind, value, surface in self._vocabulary_items(synonyms):
            key = normalize_question(surface)
            if len(key) >= 2 and key not in terms:
                terms[key] = (kind, value)
        for key, (kind, value) in terms.items():
            self._automaton.add_word(key, (len(key), kind, value))
        if terms:
            self._automaton.make_automaton()
        self._n_terms = len(terms)

    def _fetch(self, cypher: str) -> list[tuple]:
        # The vocabulary queries are the program's own: read as columns, without the guard's parse
        # (six parses were most of a first question's second).
        columns = self.engine.run_columns(cypher)
        return list(zip(*columns.values()))

    def _vocabulary_items(self, synonyms):
        # Reporting units first, then the most mentioned: example questions
        # should name units that have answers, not 党中央.
        units = [row[:2] for row in self._fetch(
            "MATCH (o:Organization) OPTIONAL MATCH (o)-[a:AUTHORED]->(:Document) "
            "RETURN o.name AS name, o.aliases AS aliases, count(a) AS n, size(o.doc_ids) AS m "
            "ORDER BY n DESC, m DESC, name")]
        names = [n for n, _ in units if n]
        self.vocabulary["unit"] = names
        short_forms: dict[str, set[str]] = {}
        for name, aliases in units:
            if not name:
                continue
            yield "unit", name, name
            for alias in aliases or ():
                yield "unit", name, alias
            for spelling in (name, *(aliases or ())):  # 市外办 → 外办, 市保密局 → 保密局
                short = _ADMIN_PREFIX.sub("", spelling)
                if short != spelling and (len(short) >= 3 or (len(short) == 2 and short[-1] in _SHORT_ENDS)):
                    short_forms.setdefault(short, set()).add(name)
        for short, owners in short_forms.items():
            if len(owners) == 1:
                yield "unit", next(iter(owners)), short
        for kind, cypher in (
            ("category", "MATCH (t:ActivityType) RETURN t.name AS v ORDER BY v"),
            ("slogan", "MATCH (s:Slogan) RETURN s.canonical AS v ORDER BY size(s.doc_ids) DESC, v"),
            ("material", "MATCH (m:Material) RETURN m.name AS v ORDER BY size(m.doc_ids) DESC, v"),
            ("genre", "MATCH (d:Document) RETURN DISTINCT d.genre AS v ORDER BY v"),
            ("indicator", "MATCH (m:Metric) WHERE m.indicator IS NOT NULL RETURN DISTINCT m.indicator AS v ORDER BY v"),
        ):
            values = [v for (v,) in self._fetch(cypher) if v]
            self.vocabulary[kind] = values
            if kind == "category":  # a category no report of this graph names is still one: 0 rows, said so;
                # 其他 (other) is the catch-all, not a word an analyst asks for (其他单位)
                values = [v for v in values if v != "其他"] + sorted(_CATEGORIES - set(values) - {"其他"})
            for v in values:
                if kind == "genre" and v == "计划":
                    continue
                yield kind, v, v
                if kind == "material":  # with or without 《》, a volume after the title's 》 or inside it
                    plain = v.replace("《", "").replace("》", "")
                    volume = _VOLUME.match(plain)
                    titled = f"《{volume.group(1)}》{volume.group(2)}" if volume else plain
                    for surface in sorted({plain, titled} - {v}):
                        yield kind, v, surface
        for g in _GENRES:
            if g != "计划":  # 计划 alone asks for plans (明年计划做什么); 学习计划 / 工作计划 name the genre
                yield "genre", g, g
        titles = self._fetch(
            "MATCH (d:Document) OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d) "
            "RETURN d.title AS title, o.name AS unit ORDER BY title")
        self.vocabulary["title"] = [t for t, _ in titles if t]
        for title, unit in titles:
            if title and unit and len(title) >= 6:
                yield "title", unit, title
        path = Path(synonyms) if synonyms else lexicon_path("question_synonyms")
        known = {v: k for k in ("category", "slogan", "genre", "indicator") for v in self.vocabulary.get(k, ())}
        for g in _GENRES:
            known.setdefault(g, "genre")
        for name in _indicator_names():
            known.setdefault(name, "indicator")
        for surface, canonical in read_table(path, 2):
            kind = known.get(canonical)
            if kind is None and canonical in _CATEGORIES:
                kind = "category"
            if kind:
                yield kind, canonical, surface

    # -- reading a question ------------------------------------------------------------------------
    def spot_entities(self, question: str) -> list[Entity]:
        """Entities named in a (normalized) question, longest match first, left to right.

        Years and year ranges are found by pattern (``2023年``, ``2021—2023年``,
        ``2021年以来``), the rest by the automaton.
        """
        found: list[Entity] = []
        taken = [False] * len(question)
        if self._n_terms:
            hits = sorted(((end - length + 1, length, kind, value) for end, (length, kind, value)
                           in self._automaton.iter(question)), key=lambda h: (-h[1], h[0]))
            for start, length, kind, value in hits:
                if any(taken[start:start + length]):
                    continue
                taken[start:start + length] = [True] * length
                found.append(Entity(kind, value, question[start:start + length], start))
        for pattern, make in ((_YEAR_RANGE, lambda m: (int(m.group(1)), int(m.group(2)))),
                              (_YEAR_FROM, lambda m: (int(m.group(1)), 0)),
                              (_YEAR_TO, lambda m: (0, int(m.group(1)))),
                              (_YEAR, lambda m: (int(m.group(1)), int(m.group(1))))):
            for m in pattern.finditer(question):
                if any(taken[m.start():m.end()]):
                    continue
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                found.append(Entity("year", make(m), m.group(0), m.start()))
        return sorted(found, key=lambda e: e.start)

    def parse(self, question: str) -> Parse:
        """Read a question into slots (see the module docstring).

        The asked-for things are every ask cue found, in the cue file's order.
        """
        q = normalize_question(question)
        p = Parse(question=q)
        p.entities = self.spot_entities(q)
        parts, pos = [], 0
        for e in p.entities:
            parts.append(q[pos:e.start])
            parts.append(_MARK[e.kind])
            pos = e.start + len(e.surface)
        parts.append(q[pos:])
        p.templated = "".join(parts)
        cues = {kind: [c for c in self.cues if c.kind == kind] for kind in _CUE_KINDS}
        before = [re.compile(f"(?:{c.pattern.pattern})$") for c in cues["partner"] if c.value == "before"]
        partnerish = (any(c.pattern.search(p.templated) for c in cues["partner"] if c.value == "words")
                      or any(e.kind == "category" and e.value == _PARTNERSHIP_CATEGORY for e in p.entities))
        comparing = any(c.value == "compare" and c.pattern.search(p.templated) for c in cues["ask"])
        for e in p.entities:
            if e.kind == "unit":
                prefix = q[:e.start]
                # 市妇联和市委党校共建…, 谁和兴业银行开展了党建共建: a unit after 和/与 is the partner
                is_partner = (not p.partner and partnerish and not comparing
                              and (bool(p.units) or _ASKS_WHO.search(prefix) is not None
                                   or any(pat.fullmatch(prefix) for pat in before))
                              and any(pat.search(prefix) for pat in before))
                if is_partner:
                    p.partner = e.value
                elif e.value not in p.units:
                    p.units.append(e.value)
            elif e.kind == "category" and e.value not in p.categories:
                p.categories.append(e.value)
            elif e.kind == "slogan" and e.value not in p.slogans:
                p.slogans.append(e.value)
            elif e.kind == "material" and e.value not in p.materials:
                p.materials.append(e.value)
            elif e.kind == "genre" and e.value not in p.genres:
                p.genres.append(e.value)
            elif e.kind == "title" and not p.title_unit:
                p.title_unit = e.value
            elif e.kind == "indicator" and not p.indicator:
                p.indicator = e.value
            elif e.kind == "year":
                lo, hi = e.value
                p.year_from = min(x for x in (p.year_from, lo) if x) if lo else p.year_from
                p.year_to = max(p.year_to, hi) if hi else p.year_to
        for kind, several in (("category", p.categories), ("slogan", p.slogans)):
            if len(several) > 1:  # categories first; else slogans (提到第一议题和两个确立的文档)
                first = p.templated.find(_MARK[kind])
                last = p.templated.rfind(_MARK[kind])
                between = p.templated[max(0, first - 2):last]
                p.join = "any" if any(c.pattern.search(between) for c in cues["join"] if c.value == "any") else "all"
                break
        for c in cues["status"]:
            if c.value not in p.status and c.pattern.search(p.templated):
                p.status.append(c.value)
        p.status = [s for s in _STATUSES if s in p.status]
        for c in cues["ask"]:
            if c.value not in p.asks and c.pattern.search(p.templated):
                p.asks.append(c.value)
        for c in cues["relative-year"]:
            if c.pattern.search(p.templated) and c.value not in p.relative_years:
                p.relative_years.append(c.value)
        for c in cues["plan-state"]:
            if c.value not in p.plan_state and c.pattern.search(p.templated):
                p.plan_state.append(c.value)
        p.plan_state = [s for s in _PLAN_STATES if s in p.plan_state]
        if p.plan_state and "plan_vs_report" not in p.asks:
            p.asks.insert(0, "plan_vs_report")  # 已完成的计划, 计划外开展的活动: an outcome of plans
        if not (p.categories or p.slogans or p.materials):  # 学习了二十大报告, a name the graph lacks
            for c in cues["unknown"]:
                m = c.pattern.search(p.templated)
                if m and m.group("obj") not in p.unknown:
                    p.unknown.append(m.group("obj"))
        if not p.plan_state:  # 没有完成 of a plan is its state; elsewhere a negation no query can answer
            for c in cues["negation"]:
                m = c.pattern.search(p.templated)
                if m and m.group(0) not in p.negations:
                    p.negations.append(m.group(0))
        return p

    def _defaults(self, p: Parse) -> list[str]:
        """What a question asks when no cue says so, from what it names."""
        out = []
        if p.categories == [_PARTNERSHIP_CATEGORY] and not p.partner:
            out.append("partnerships")  # 联学共建 on its own: the network of partners
        if len(p.units) >= 2:
            out.append("compare")
        if p.units and (p.categories or p.partner):
            out.append("activities")
        if p.categories or p.partner:
            out.append("units")
        if p.slogans:
            out.append("units")
        if p.indicator:
            out.append("targets")
        if p.materials:
            out.append("materials")
        if p.units:
            out.append("profile")
        if p.title_unit or p.genres or p.year_from or p.year_to:
            out.append("documents")
        return out

    def _needs_met(self, route: Route, p: Parse) -> bool:
        for need in route.needs:
            name, _, least = need.partition(">=")
            value = p.slot(name)
            if least:
                if not isinstance(value, list) or len(value) < int(least):
                    return False
            elif value in ("", 0, None, []):
                return False
        return True

    def choose(self, p: Parse) -> tuple[str, Route] | None:
        """The ask and route that answer a parse: the first cue-found ask with a route
        it can fill, else a default ask from what it names."""
        for ask_name in [*p.asks, *self._defaults(p)]:
            for route in self.routes:
                if route.ask == ask_name and self._needs_met(route, p):
                    return ask_name, route
        return None

    def bind(self, p: Parse, ask_name: str, route: Route) -> tuple[dict[str, Any], list[str]]:
        """The route's parameters from the slots (typed as the query declares them),
        and the parts of the question no parameter took, in Chinese."""
        query = self.catalog[route.query]
        params: dict[str, Any] = {}
        used: set[str] = set()
        leftover: dict[str, list] = {}
        for key, slot in route.bindings:
            param = query.param(key)
            if slot not in SLOTS:
                params[key] = slot
                continue
            value = p.slot(slot)
            if value in ("", 0, None, []):
                continue
            base = {"unit1": "units", "slogan1": "slogans", "material1": "materials"}.get(slot, slot)
            used.add(base)
            if param.type == "list":
                params[key] = list(value) if isinstance(value, list) else [value]
            elif isinstance(value, list):
                params[key] = value[0]
                if len(value) > 1:
                    leftover[base] = value[1:]
            else:
                params[key] = value
            if slot in ("unit1", "slogan1", "material1"):
                whole = getattr(p, base)
                if len(whole) > 1:
                    leftover[base] = whole[1:]
        implied = {"plans": {"status"}, "plan_vs_report": {"status"}}
        used |= implied.get(ask_name, set())
        if ask_name == "partnerships" and p.categories == [_PARTNERSHIP_CATEGORY]:
            used.add("categories")  # 联学共建 is what the partnership network shows
        if "categories" in used and len(p.categories) > 1 and "join" not in {s for _, s in route.bindings}:
            if route.query not in _ITEM_LISTS and p.join == "all":
                leftover.setdefault("join", ["同时开展"])
        unused = []
        title = query.title
        for slot, label, value in (
            ("units", "单位", p.units), ("partner", "合作单位", p.partner), ("categories", "活动类别", p.categories),
            ("slogans", "提法", p.slogans), ("materials", "学习材料", p.materials), ("genres", "体裁", p.genres),
            ("indicator", "指标", p.indicator), ("status", "状态", [_STATUS_NAMES[s] for s in p.status]),
            ("plan_state", "对照结果", p.plan_state),
        ):
            if not value:
                continue
            shown = "、".join(value) if isinstance(value, list) else str(value)
            if slot == "genres" and p.title_unit:
                continue
            if slot == "units" and p.title_unit and "title_unit" in {s for _, s in route.bindings}:
                continue
            if slot not in used:
                unused.append(f"{label}“{shown}”（“{title}”不按{label}筛选）")
            elif slot in leftover and slot != "join":
                rest = "、".join(map(str, leftover[slot]))
                unused.append(f"{label}“{rest}”（“{title}”一次只看一个{label}）")
        if "join" in leftover:
            unused.append(f"“同时开展”（“{title}”列出的是开展了其中任一类的）")
        if (p.year_from or p.year_to) and "year_from" not in used and "year_to" not in used:
            unused.append(f"年份“{_years_text(p.year_from, p.year_to)}”（“{title}”不按年份筛选）")
        for word in p.relative_years:
            if word == "明年" and ask_name in ("plans", "plan_vs_report"):
                continue
            unused.append(f"“{word}”（图谱不知道它指哪一年，请写明年份，如 2023年）")
        for word in p.unknown:
            unused.append(f"“{word}”（图谱里没有这个名称，未按它筛选）")
        for word in p.negations:
            unused.append(f"“{word}”（“{title}”只列出报告里有的，列不出没有的）")
        if "compare" in p.asks and ask_name != "compare":
            unused.append("“比较”（需要两个或以上单位）")
        return params, unused

    # -- answering -----------------------------------------------------------------------------------
    def examples(self, entities: list[Entity] | None = None) -> list[tuple[str, str]]:
        """Example questions, filled with the graph's own names (the question's own entities first)."""
        fill = {k: (v[0] if v else "") for k, v in self.vocabulary.items()}
        units = self.vocabulary.get("unit", [])
        fill["unit2"] = units[1] if len(units) > 1 else ""
        fill["year"] = "2023"
        for e in entities or ():
            if e.kind in ("unit", "category", "slogan", "material", "genre", "indicator"):
                fill[e.kind] = str(e.value)
        out, seen = [], set()
        for template, route_query in _EXAMPLES:
            if route_query not in self.catalog:
                continue
            slots = re.findall(r"\{(\w+)\}", template)
            if any(not fill.get(s) for s in slots):
                continue
            text = template.format(**{s: fill[s] for s in slots})
            if text not in seen:
                seen.add(text)
                out.append((text, self.catalog[route_query].title))
        return out

    def suggest(self, question: str, entities: list[Entity] | None = None, n: int = 5) -> list[str]:
        """The example questions closest to ``question`` (rapidfuzz)."""
        choices = [text for text, _ in self.examples(entities)]
        if not choices:
            return []
        ranked = process.extract(normalize_question(question), choices, scorer=fuzz.WRatio, limit=n)
        return [text for text, _, _ in ranked]

    def match(self, question: str) -> tuple[Parse, str, Route, dict[str, Any], list[str]] | None:
        """(parse, ask, route, parameters, unused parts) for a question, or None when no route fits."""
        p = self.parse(question)
        chosen = self.choose(p)
        if chosen is None:
            return None
        ask_name, route = chosen
        params, unused = self.bind(p, ask_name, route)
        return p, ask_name, route, params, unused

    def ask(self, question: str, *, limit: int | None = None, timeout: float | None = None) -> Answer:
        """Answer one question; falls back to suggestions rather than failing."""
        text = (question or "").strip()
        if len(text) > MAX_QUESTION_CHARS:
            answer = self._fallback("", f"问题太长（{len(text):,} 字），请限制在 {MAX_QUESTION_CHARS} 字以内。")
            answer.question = text
            return answer
        if not text:
            return self._fallback(text, "请输入一个问题。")
        matched = self.match(text)
        if matched is None:
            p = self.parse(text)
            return self._fallback(text, "没能理解这个问题。", p)
        p, ask_name, route, params, unused = matched
        query = self.catalog[route.query]
        understood = p.describe(ask_name) + f"。→ 查询“{query.title}”"
        try:
            result, bound = run_canned(query, self.engine, params, limit=limit, timeout=timeout)
        except KGError as err:
            log.info("ask: %s failed: %s", route.query, err)
            return self._fallback(text, f"查询 {route.query} 未能完成（{err}）。", p)
        if result.rows:
            summary = render_summary(query.summary, result, bound, query.params)
            if ask_name == "compare":
                summary += _compare_note(result)
        else:
            shown = "、".join(query.param(k).describe(v) for k, v in bound.items() if v not in ("", 0, None, []))
            summary = f"没有查到结果：{query.title}" + (f"（{shown}）" if shown else "") + "。"
        return Answer(text, summary, result, query.id, query.title, bound, query.cypher,
                      suggestions=self.suggest(text, p.entities, 3) if not result.rows else [], entities=p.entities,
                      understood=understood, unused=unused)

    def _fallback(self, question: str, reason: str, p: Parse | None = None) -> Answer:
        entities = p.entities if p is not None else []
        suggestions = self.suggest(question, entities) if question else [t for t, _ in self.examples()[:5]]
        rows = [[text, title] for text, title in self.examples(entities)]
        order = {s: i for i, s in enumerate(suggestions)}
        rows.sort(key=lambda r: order.get(r[0], len(order)))
        summary = reason + (f"可以这样问：{suggestions[0]}" if suggestions else "可以问下表中的问题。")
        result = Result(["可以这样问", "对应查询"], rows, 0.0, engine="ask")
        understood = p.describe(None) if p is not None else "理解为：（空问题）"
        return Answer(question, summary, result, fallback=True, suggestions=suggestions, entities=entities,
                      understood=understood)


def _compare_note(result: Result) -> str:
    """Side by side in words: each unit's activities, and the categories only one of them has."""
    cols = result.columns
    if not {"unit", "activities", "categories"} <= set(cols):
        return ""
    rows = [dict(zip(cols, r)) for r in result.rows]
    each = "；".join(f"{r['unit']} {r['activities']} 项活动" + (f"（已开展 {r['done']}、计划 {r['planned_n']}）"
                     if "done" in r else "") for r in rows)
    only = []
    for r in rows:
        others = {c for o in rows if o is not r for c in (o["categories"] or [])}
        mine = sorted(set(r["categories"] or []) - others)
        if mine:
            only.append(f"只有{r['unit']}开展了{'、'.join(mine)}")
    return "。" + each + ("。" + "；".join(only) if only else "")


# Example questions for suggestions, each with the query it lands on (slots filled from the graph).
_EXAMPLES = (
    ("哪些单位开展了{category}？", "find_units"),
    ("{unit}开展了哪些活动？", "find_activities"),
    ("{unit}举办了几次{category}？", "count_activities"),
    ("比较{unit}和{unit2}", "compare_units"),
    ("哪些文档提到了“{slogan}”？", "find_documents"),
    ("哪些单位提到“{slogan}”？", "units_by_slogan"),
    ("{year}年报告了哪些数字？", "find_figures"),
    ("哪些单位报告了问题？", "problems_by_unit"),
    ("{unit}下一步打算做什么？", "plans_by_unit"),
    ("{unit}的计划落实了吗？", "plan_vs_report"),
    ("{unit}这几年的变化", "unit_over_years"),
    ("“{slogan}”的时间线", "slogan_timeline"),
    ("国内生产总值增长目标和实际", "indicator_by_year"),
    ("哪些单位的报告有雷同的句子？", "shared_passages"),
    ("{unit}和哪些单位联学共建？", "partnerships"),
    ("{unit}学习了哪些材料？", "materials_studied"),
    ("最常见的提法有哪些？", "slogan_reach"),
    ("哪些提法经常一起出现？", "slogan_cooccurrence"),
    ("和{unit}相似的单位有哪些？", "similar_units"),
    ("哪些单位有脱敏数据？", "masked_figures"),
    ("{unit}的概况", "unit_profile"),
    ("各单位开展活动的分布", "unit_activity_matrix"),
)

_ASKERS: "weakref.WeakKeyDictionary[Any, Asker]" = weakref.WeakKeyDictionary()


def ask(question: str, engine, **kwargs) -> Answer:
    """Answer ``question`` over ``engine`` (its vocabulary is built once per engine).

    >>> import networkx as nx
    >>> from kg.query.ladybug_engine import get_ladybug_engine
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    >>> answer = ask("今天天气怎么样？", get_ladybug_engine(g))
    >>> answer.fallback, answer.summary.startswith("没能理解这个问题。可以这样问："), answer.understood
    (True, True, '理解为：没有识别出要问什么')
    """
    asker = _ASKERS.get(engine)
    if asker is None:
        asker = _ASKERS[engine] = Asker(engine)
    return asker.ask(question, **kwargs)
