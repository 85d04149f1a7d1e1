"""Plain-Chinese questions → a canned query and its parameters → a table and a one-line answer.

Rule-based, in the spirit of QASystemOnMedicalKG, with the rules as data:

1. *entity spotting*: an Aho–Corasick automaton over the graph's own
   vocabulary (unit names and aliases, slogans, activity categories,
   materials, genres, document titles) plus ``data/lexicon/question_synonyms.txt``
   (读书会 → 读书班, 调研 → 调查研究); longest match wins;
2. *intent*: the question with each entity replaced by its slot
   (``哪些单位开展了{category}？``) is matched against the patterns of
   ``data/lexicon/question_patterns.txt``, first match wins;
3. *answer*: the canned query runs on the engine; the query's summary
   template gives the one-line answer;
4. *fallback*: no pattern → a table of the questions it can answer, the
   closest ones first (rapidfuzz). Never an exception for a question, never
   an empty answer.

A question is at most :data:`MAX_QUESTION_CHARS` characters: the patterns
are regular expressions searched over the whole question, and a question of
10,000 characters took 30 s (100,000 never ended). Up to the limit every step
is linear; a longer one gets a message, not an analysis.

The vocabulary is read through the engine, so the same code asks Neo4j or
the embedded copy of the NetworkX graph.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
from rapidfuzz import fuzz, process

from ..errors import KGError, LexiconError
from ..lexicon import lexicon_path, read_table
from .base import Result
from .catalog import CannedQuery, bind_params, load_catalog, render_summary, run_canned

__all__ = ["Answer", "Intent", "Entity", "Asker", "ask", "read_patterns", "normalize_question", "SLOTS",
           "MAX_QUESTION_CHARS"]

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
SLOTS = ("unit", "unit2", "category", "slogan", "material", "genre", "year", "title")
_SLOT_RE = re.compile(r"\{(" + "|".join(SLOTS) + r")\}")
_GENRES = ("汇报", "讲话", "发言", "计划", "党课", "心得")
_ADMIN_PREFIX = re.compile(r"^(市|区|县|省|镇|乡|州|盟|旗)")
_MASK = re.compile(r"[*＊XxＸ×]{1,4}(?=[\u4e00-\u9fff])")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?")


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
class Intent:
    query: str
    pattern: re.Pattern
    example: str
    fixed: tuple[tuple[str, str], ...]
    slots: frozenset[str]
    line_no: int


@dataclass
class Answer:
    """What ``kg ask`` shows: the table, a one-line summary, and the query it ran."""

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


def read_patterns(path: str | Path | None = None, catalog: dict[str, CannedQuery] | None = None) -> list[Intent]:
    """Read the question patterns; a bad line fails with ``file:line``.

    >>> intents = read_patterns()
    >>> len(intents) >= 15, intents[0].query
    (True, 'metrics_by_unit')
    """
    path = Path(path) if path else lexicon_path("question_patterns")
    catalog = catalog if catalog is not None else load_catalog()
    rows = read_table(path, 4, min_columns=3)
    line_nos = [n for n, line in _numbered(path)]
    intents = []
    for (query, pattern, example, fixed), n in zip(rows, line_nos):
        if query not in catalog:
            raise LexiconError(path, n, f"unknown canned query {query!r}; see queries/*.cypher")
        for slot in _SLOT_RE.findall(pattern + example + fixed):
            if slot not in SLOTS:
                raise LexiconError(path, n, f"unknown slot {{{slot}}}")
        try:
            compiled = re.compile(_SLOT_RE.sub(lambda m: _marker(m.group(1)), pattern))
        except re.error as err:
            raise LexiconError(path, n, f"bad pattern {pattern!r}: {err}") from err
        pairs = []
        for item in filter(None, (p.strip() for p in fixed.split(","))):
            key, eq, value = item.partition("=")
            if not eq or not key.strip().isidentifier():
                raise LexiconError(path, n, f"bad fixed parameter {item!r}; write param=value or param={{slot}}")
            if key.strip() not in {p.name for p in catalog[query].params}:
                raise LexiconError(path, n, f"query {query!r} has no parameter {key.strip()!r}")
            pairs.append((key.strip(), value.strip()))
        intents.append(Intent(query, compiled, example, tuple(pairs), frozenset(_SLOT_RE.findall(pattern)), n))
    return intents


def _numbered(path: Path):
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = re.split(r"\s+#", raw.strip(), maxsplit=1)[0].strip()
        if line and not line.startswith("#"):
            yield n, line


def _marker(slot: str) -> str:
    return f"〈{slot}〉"


class Asker:
    """Answers questions over one engine; builds its vocabulary once from the engine's graph."""

    def __init__(self, engine, *, catalog: dict[str, CannedQuery] | None = None,
                 patterns: str | Path | None = None, synonyms: str | Path | None = None):
        self.engine = engine
        self.catalog = catalog if catalog is not None else load_catalog()
        self.intents = read_patterns(patterns, self.catalog)
        self.vocabulary: dict[str, list[str]] = {}
        self._automaton = ahocorasick.Automaton()
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
            short = _ADMIN_PREFIX.sub("", name)
            if short != name and len(short) >= 3:
                short_forms.setdefault(short, set()).add(name)
        for short, owners in short_forms.items():
            if len(owners) == 1:
                yield "unit", next(iter(owners)), short
        for kind, cypher in (
            ("category", "MATCH (t:ActivityType) RETURN t.name AS v ORDER BY v"),
            ("slogan", "MATCH (s:Slogan) RETURN s.canonical AS v ORDER BY size(s.doc_ids) DESC, v"),
            ("material", "MATCH (m:Material) RETURN m.name AS v ORDER BY size(m.doc_ids) DESC, v"),
            ("genre", "MATCH (d:Document) RETURN DISTINCT d.genre AS v ORDER BY v"),
        ):
            values = [v for (v,) in self._fetch(cypher) if v]
            self.vocabulary[kind] = values
            for v in values:
                yield kind, v, v
                if kind == "material" and v.strip("《》") != v:
                    yield kind, v, v.strip("《》")
        for g in _GENRES:
            yield "genre", g, g
        titles = self._fetch(
            "MATCH (d:Document) OPTIONAL MATCH (o:Organization)-[:AUTHORED]->(d) "
            "RETURN d.title AS title, o.name AS unit ORDER BY title")
        self.vocabulary["title"] = [t for t, _ in titles if t]
        for title, unit in titles:
            if title and unit and len(title) >= 6:
                yield "title", unit, title
        path = Path(synonyms) if synonyms else lexicon_path("question_synonyms")
        known = {v: k for k in ("category", "slogan", "genre") for v in self.vocabulary.get(k, ())}
        for g in _GENRES:
            known.setdefault(g, "genre")
        for surface, canonical in read_table(path, 2):
            kind = known.get(canonical)
            if kind is None and canonical in _CATEGORIES:
                kind = "category"
            if kind:
                yield kind, canonical, surface

    def spot_entities(self, question: str) -> list[Entity]:
        """Entities named in a (normalized) question, longest match first, left to right.

        Years are found by pattern (``2023年``), the rest by the automaton.
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
        for m in _YEAR.finditer(question):
            if not taken[m.start()]:  # inside an entity already found
                found.append(Entity("year", int(m.group(1)), m.group(0), m.start()))
        return sorted(found, key=lambda e: e.start)

    def _template(self, question: str, entities: list[Entity]) -> tuple[str, dict[str, Any]]:
        slots: dict[str, Any] = {}
        parts, pos = [], 0
        for e in entities:
            slot = e.kind
            if slot == "unit" and "unit" in slots:
                if slots["unit"] == e.value:
                    slot = "unit"
                else:
                    slot = "unit2"
            if slot in slots and slots[slot] != e.value:
                continue  # a third unit, a second slogan: left as text
            slots.setdefault(slot, e.value)
            parts.append(question[pos:e.start])
            parts.append(_marker(slot))
            pos = e.start + len(e.surface)
        parts.append(question[pos:])
        return "".join(parts), slots

    def match_intent(self, question: str) -> tuple[Intent, dict[str, Any], list[Entity]] | None:
        """The first intent whose pattern matches, with the parameters it gives."""
        question = normalize_question(question)
        entities = self.spot_entities(question)
        templated, slots = self._template(question, entities)
        for intent in self.intents:
            if not intent.slots <= slots.keys() or not intent.pattern.search(templated):
                continue
            query = self.catalog[intent.query]
            params: dict[str, Any] = {}
            for p in query.params:
                if p.name in slots and p.name in intent.slots:
                    params[p.name] = slots[p.name]
            for key, value in intent.fixed:
                m = _SLOT_RE.fullmatch(value)
                if m:
                    if m.group(1) in slots:
                        params[key] = slots[m.group(1)]
                else:
                    params[key] = value
            if any(p.required and p.name not in params for p in query.params):
                continue
            return intent, params, entities
        return None

    def examples(self, entities: list[Entity] | None = None) -> list[tuple[str, str]]:
        """One example question per intent, slots filled (with the question's own entities first)."""
        fill = {k: (v[0] if v else "") for k, v in self.vocabulary.items()}
        fill["unit2"] = self.vocabulary.get("unit", ["", ""])[1] if len(self.vocabulary.get("unit", [])) > 1 else ""
        fill["year"] = "2023"
        fill["genre"] = fill.get("genre") or "汇报"
        for e in entities or ():
            fill[e.kind] = str(e.value) if e.kind != "title" else e.surface
        out, seen = [], set()
        for intent in self.intents:
            if any(not fill.get(s) for s in _SLOT_RE.findall(intent.example)):
                continue
            text = _SLOT_RE.sub(lambda m: fill[m.group(1)], intent.example)
            if text not in seen:
                seen.add(text)
                out.append((text, self.catalog[intent.query].title))
        return out

    def suggest(self, question: str, entities: list[Entity] | None = None, n: int = 5) -> list[str]:
        """The example questions closest to ``question`` (rapidfuzz)."""
        choices = [text for text, _ in self.examples(entities)]
        if not choices:
            return []
        ranked = process.extract(normalize_question(question), choices, scorer=fuzz.WRatio, limit=n)
        return [text for text, _, _ in ranked]

    def ask(self, question: str, *, limit: int | None = None, timeout: float | None = None) -> Answer:
        """Answer one question; falls back to suggestions rather than failing."""
        text = (question or "").strip()
        if len(text) > MAX_QUESTION_CHARS:
            answer = self._fallback("", f"问题太长（{len(text):,} 字），请限制在 {MAX_QUESTION_CHARS} 字以内。")
            answer.question = text
            return answer
        matched = self.match_intent(text) if text else None
        if matched is None:
            return self._fallback(text, "没能理解这个问题。" if text else "请输入一个问题。")
        intent, params, entities = matched
        query = self.catalog[intent.query]
        try:
            result, bound = run_canned(query, self.engine, params, limit=limit, timeout=timeout)
        except KGError as err:
            log.info("ask: %s failed: %s", intent.query, err)
            return self._fallback(text, f"查询 {intent.query} 未能完成（{err}）。", entities)
        if result.rows:
            summary = render_summary(query.summary, result, bound, query.params)
        else:
            shown = "、".join(query.param(k).describe(v) for k, v in bound.items() if v not in ("", 0, None, []))
            summary = f"没有查到结果：{query.title}" + (f"（{shown}）" if shown else "") + "。"
        return Answer(text, summary, result, query.id, query.title, bound, query.cypher,
                      suggestions=self.suggest(text, entities, 3) if not result.rows else [], entities=entities)

    def _fallback(self, question: str, reason: str, entities: list[Entity] | None = None) -> Answer:
        if entities is None:
            entities = self.spot_entities(normalize_question(question)) if question else []
        suggestions = self.suggest(question, entities) if question else [t for t, _ in self.examples()[:5]]
        rows = [[text, title] for text, title in self.examples(entities)]
        order = {s: i for i, s in enumerate(suggestions)}
        rows.sort(key=lambda r: order.get(r[0], len(order)))
        summary = reason + (f"可以这样问：{suggestions[0]}" if suggestions else "可以问下表中的问题。")
        result = Result(["可以这样问", "对应查询"], rows, 0.0, engine="ask")
        return Answer(question, summary, result, fallback=True, suggestions=suggestions, entities=entities)


_CATEGORIES = frozenset(
    "集中学习 专题研讨 读书班 党课 宣讲 培训 调查研究 检视整改 警示教育 主题党日 参观见学 比赛评选 "
    "联学共建 为民服务 组织生活 线上学习 读书分享 其他".split()
)

_ASKERS: "weakref.WeakKeyDictionary[Any, Asker]" = weakref.WeakKeyDictionary()


def ask(question: str, engine, **kwargs) -> Answer:
    """Answer ``question`` over ``engine`` (its vocabulary is built once per engine).

    >>> import networkx as nx
    >>> from kg.query.ladybug_engine import get_ladybug_engine
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    >>> answer = ask("今天天气怎么样？", get_ladybug_engine(g))
    >>> answer.fallback, answer.summary.startswith("没能理解这个问题。可以这样问：")
    (True, True)
    """
    asker = _ASKERS.get(engine)
    if asker is None:
        asker = _ASKERS[engine] = Asker(engine)
    return asker.ask(question, **kwargs)
