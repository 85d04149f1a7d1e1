"""What a figure is: a target or a result, the year it speaks of, the indicator it measures.

Why a pass of its own over what the metrics extractor found: the number
reader answers "which quantity is written here"; comparing plans with
results over the years needs three more things, which depend on where the
figure stands rather than on the number:

* ``kind`` — ``target`` (力争…不少于4次, 预期目标…5%左右), ``actual``
  (完成, 累计, a review section) or ``plain``: the cue words of its clause,
  then of the clauses before it, then of its paragraph's opening
  (``data/lexicon/figure_kind_cues.txt``), then the section
  (:mod:`kg.extract.sections`): a plan's figures are targets, a review's
  are results;
* ``period`` — the year it is about: a year its sentence names, else one
  its heading names (``一、2024年工作回顾``), else 去年/上年 (the year
  before the document's), else the document's year;
* ``indicator`` — a named quantity (国内生产总值增长, 城镇调查失业率) by the words
  before the number (``data/lexicon/figure_indicators.txt``), so one query
  lines up the same indicator across seventy years of reports.

A range written as two figures (``6%－6.5%``, ``6－6.5%``) becomes one
figure with ``low`` and ``high`` (``value`` is the low end): one target,
not two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import iter_lines, lexicon_path
from .base import Context, register
from .matcher import Matcher
from .sections import DONE, PLAN, span_at

__all__ = ["KINDS", "figure_kind", "find_indicator", "figure_period", "merge_ranges", "annotate_figures"]

KINDS = ("target", "actual", "plain")
_CUE_KINDS = ("target", "target-noun", "actual", "look-back", "none")
_CLAUSE = re.compile(r"[，,；;：:。！？!?]")
_RANGE_DASH = re.compile(r"^\s*[－—\-~～至到]{1,2}\s*$")
_RANGE_BEFORE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]?\s*[－—\-~～至到]{1,2}\s*$")
_LEAD_CONTINUES = ("比上年", "同比", "增长", "比去年")
_YEAR = re.compile(r"(?<![\d〇])((?:19|20)\d\d)\s*年(?!代)")
_YEAR_TARGET = re.compile(r"(?:到|至|—|－|-|～|~)\s*$")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_BEFORE_CHARS = 300  # how far back in its paragraph a figure's year is looked for
_PREVIOUS_YEAR = ("去年", "上年", "过去一年", "上一年")
_THIS_YEAR = ("今年", "本年", "全年")
_NEXT_YEAR = ("明年",)
_YEARISH = re.compile(r"(?:19|20)\d\d\s*年|" + "|".join(_PREVIOUS_YEAR + _NEXT_YEAR))


@dataclass(frozen=True)
class _Indicator:
    name: str
    unit: str
    pattern: re.Pattern


@lru_cache(maxsize=None)
def _kind_cues(directory: str | None = None) -> dict:
    """{"clause": automaton of target/actual/none words, "look-back": automaton of heading words}."""
    path = lexicon_path("figure_kind_cues", directory)
    automata = {"clause": Matcher(), "look-back": Matcher()}
    for n, line in iter_lines(path):
        parts = [p.strip() for p in re.split(r"\t+|\s*=>\s*", line)]
        if len(parts) != 2 or not all(parts):
            raise LexiconError(path, n, f"expected 'cue => kind', got {line!r}")
        if parts[1] not in _CUE_KINDS:
            raise LexiconError(path, n, f"unknown kind {parts[1]!r}; use one of {' '.join(_CUE_KINDS)}")
        automaton = automata["look-back" if parts[1] == "look-back" else "clause"]
        if parts[0] in automaton:
            raise LexiconError(path, n, f"{parts[0]!r} is listed twice")
        automaton.add_word(parts[0], (parts[0], parts[1]))
    for automaton in automata.values():
        if len(automaton):
            automaton.make_automaton()
    return automata


@lru_cache(maxsize=None)
def _indicators(directory: str | None = None) -> tuple[_Indicator, ...]:
    path = lexicon_path("figure_indicators", directory)
    out = []
    for n, line in iter_lines(path):
        parts = [p.strip() for p in line.split("=>", 2)]
        if len(parts) != 3 or not all(parts):
            raise LexiconError(path, n, f"expected 'indicator => measure word => pattern', got {line!r}")
        try:
            pattern = re.compile(parts[2])
        except re.error as err:
            raise LexiconError(path, n, f"bad pattern {parts[2]!r}: {err}") from err
        out.append(_Indicator(parts[0], parts[1], pattern))
    return tuple(out)


def _clause_kind(text: str, directory: str | None) -> str | None:
    hits = sorted((end, kind) for end, (_, kind) in _kind_cues(directory)["clause"].iter_long(text) if kind != "none")
    kinds = set()
    for n, (_, kind) in enumerate(hits):
        if kind == "target-noun":  # 实现…目标 is a target met
            kind = "actual" if any(k == "actual" for _, k in hits[:n]) else "target"
        kinds.add(kind)
    if "target" in kinds:
        return "target"
    return "actual" if "actual" in kinds else None


def figure_kind(sentence: str, at: int, *, section: str = "", opening: str = "", genre: str = "",
                directory: str | None = None) -> str:
    """``target``, ``actual`` or ``plain`` for the figure at ``sentence[at:]``.

    >>> figure_kind("全年安排专题学习不少于4次。", 11)
    'target'
    >>> s = "今年发展主要预期目标是：国内生产总值增长5%左右；"
    >>> figure_kind(s, s.index("5%"))
    'target'
    >>> figure_kind("开展专题研讨6场。", 6, section="成绩/做法"), figure_kind("参加人员120名。", 6)
    ('actual', 'plain')
    """
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence, 0, at))]
    for lo in reversed(bounds):
        hi = next((b for b in bounds if b > lo), at)
        kind = _clause_kind(sentence[lo:min(hi, at)], directory)
        if kind is not None:
            return kind
    if opening:
        kind = _clause_kind(opening, directory)
        if kind is not None:
            return kind
    if section == PLAN or genre == "计划":
        return "target"
    if section == DONE:
        return "actual"
    return "plain"


def find_indicator(sentence: str, at: int, unit: str, directory: str | None = None) -> str | None:
    """The named indicator the figure at ``sentence[at:]`` measures, or None.

    >>> s = "国内生产总值达到134.9万亿元、增长5%，增速居世界前列。"
    >>> find_indicator(s, s.index("5%"), "%")
    '国内生产总值增长'
    >>> s = "单位国内生产总值能耗降低3%左右。"
    >>> find_indicator(s, s.index("3%"), "%") is None
    True
    """
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence, 0, at))]
    lead = sentence[bounds[-1]:at]
    if lead.startswith(_LEAD_CONTINUES) and len(bounds) > 1:
        lead = sentence[bounds[-2]:bounds[-1] - 1] + lead  # …达到xx亿元，比上年增长8%: one lead
    lead = lead.rstrip("约近超过逾")
    for ind in _indicators(directory):
        if ind.unit not in ("*", unit):
            continue
        if ind.pattern.search(lead):
            return ind.name
    return None


def _years_in(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(text) if not _YEAR_TARGET.search(text[max(0, m.start() - 2):m.start()])]


def _year_said(text: str, doc_year: int | None, kind: str) -> tuple[bool, int | None]:
    """(said, year): whether ``text`` says which year it speaks of, and which.

    Its last clause naming a year decides; two years there (2005年与2000年相比)
    are a comparison over years: said, but no one year. Else 去年/上年 mean the
    year before the document's, 明年 (in a target) the year after."""
    if _YEARISH.search(text) is None:  # most sentences name no year: one search says so
        return False, None
    clauses = [c for c in _CLAUSE.split(text) if c]
    for clause in reversed(clauses):
        years = sorted(set(_years_in(clause)))
        if len(years) == 1:
            return True, years[0]
        if len(years) > 1:
            return True, None
    if doc_year is not None:
        if kind == "target" and any(w in text for w in _NEXT_YEAR):
            return True, doc_year + 1
        if any(w in text for w in _PREVIOUS_YEAR):
            return True, doc_year - 1
    return False, None


def figure_period(sentence: str, heading: str, doc_year: int | None, kind: str, before: list[str] = (),
                  look_back: bool = False) -> int | None:
    """The year a figure is about (see the module docstring): its sentence up to
    the figure, then the sentences before it in its paragraph (nearest first),
    then its heading; a figure under a heading that looks back (工作回顾) is
    about the year before the document's; else the document's year.

    >>> figure_period("国内生产总值增长5%。", "一、2024年工作回顾", 2025, "actual")
    2024
    >>> figure_period("去年国内生产总值增长3%。", "", 2023, "actual"), figure_period("增长5%左右。", "", 2023, "target")
    (2022, 2023)
    >>> figure_period("国内生产总值增长6.9%", "", 2018, "actual", ["刚刚过去的2017年，主要目标任务全面完成。"])
    2017
    >>> figure_period("2005年与2000年相比，国内生产总值增长57.3%", "", 2006, "actual") is None
    True
    """
    for text in (sentence, *before, heading):
        said, year = _year_said(text, doc_year, kind)
        if said:
            return year
    if doc_year is not None and look_back and kind != "target":
        return doc_year - 1
    return doc_year


def _locate(items: list[dict]) -> list[int]:
    """Where each figure's surface stands in its sentence (in order, so a repeated 2次 is found twice)."""
    taken: dict[tuple[int, str], int] = {}
    out = []
    for item in items:
        ev, surface = item.get("evidence") or "", item.get("surface") or ""
        key = (item.get("start", -1), surface)
        at = ev.find(surface, taken.get(key, 0)) if surface else -1
        if at < 0:
            at = ev.find(surface) if surface else -1
        taken[key] = at + max(1, len(surface))
        out.append(max(at, 0))
    return out


def merge_ranges(items: list[dict]) -> list[dict]:
    """Two figures of one sentence written as a range (``6%－6.5%``) become one, with ``low``/``high``;
    a figure whose range start the number reader left out (``6－6.5%``) gains its ``low``.

    >>> ev = "国内生产总值增长6%－6.5%；"
    >>> a = {"value": 6, "unit": "%", "surface": "6%", "evidence": ev, "start": 0}
    >>> b = {"value": 6.5, "unit": "%", "surface": "6.5%", "evidence": ev, "start": 0}
    >>> [(m["value"], m["low"], m["high"], m["surface"]) for m in merge_ranges([a, b])]
    [(6, 6, 6.5, '6%－6.5%')]
    """
    at = _locate(items)
    out: list[dict] = []
    i = 0
    while i < len(items):
        item = items[i]
        ev = item.get("evidence") or ""
        nxt = items[i + 1] if i + 1 < len(items) else None
        if (nxt is not None and nxt.get("start") == item.get("start") and nxt.get("unit") == item.get("unit")
                and not item.get("masked") and not nxt.get("masked")
                and isinstance(item.get("value"), (int, float)) and isinstance(nxt.get("value"), (int, float))
                and item["value"] < nxt["value"]):
            gap = ev[at[i] + len(item.get("surface") or ""):at[i + 1]]
            if _RANGE_DASH.match(gap):
                merged = dict(item)
                merged.update(low=item["value"], high=nxt["value"],
                              surface=ev[at[i]:at[i + 1] + len(nxt.get("surface") or "")],
                              approx=bool(item.get("approx") or nxt.get("approx")))
                out.append(merged)
                i += 2
                continue
        m = _RANGE_BEFORE.search(ev, 0, at[i]) if at[i] else None
        if m and isinstance(item.get("value"), (int, float)) and float(m.group(1)) < item["value"]:
            item = dict(item, low=float(m.group(1)) if "." in m.group(1) else int(m.group(1)), high=item["value"],
                        surface=ev[m.start():at[i] + len(item.get("surface") or "")])
            item["value"] = item["low"]
        out.append(item)
        i += 1
    return out


def _lead_in_above(norm: str, line_start: int) -> str:
    """The line above a paragraph when it ends with a colon (今年发展的主要预期目标是：): it heads the lines below."""
    if line_start < 2:
        return ""
    above_start = norm.rfind("\n", 0, line_start - 1) + 1
    above = norm[above_start:line_start - 1].strip()
    return above if above.endswith(("：", ":")) and len(above) <= 60 else ""


def _looks_back(heading: str, directory: str | None) -> bool:
    automaton = _kind_cues(directory)["look-back"]
    return bool(heading) and len(automaton) > 0 and any(True for _ in automaton.iter(heading))


def annotate_figures(items: list[dict], spans: list[dict], *, doc_year: int | None, genre: str,
                     norm: str, directory: str | None = None) -> list[dict]:
    """``items`` (the metrics extractor's figures) with ranges merged and ``kind``,
    ``period`` and ``indicator`` written on each (see the module docstring)."""
    items = merge_ranges(items)
    at = _locate(items)
    befores: dict[tuple[int, int], list[str]] = {}
    starts = [s["start"] for s in spans]
    for item, pos in zip(items, at):
        ev = item.get("evidence") or ""
        start = item.get("start") if isinstance(item.get("start"), int) else 0
        span = span_at(spans, start, starts) if spans else None
        section = item.get("section") or (span["section"] if span else "")
        heading = span["heading"] if span else ""
        line_start = norm.rfind("\n", 0, start) + 1
        before = befores.get((line_start, start))
        if before is None:  # the sentences before it in its paragraph, nearest first (a few are enough)
            before = befores[(line_start, start)] = [
                b for b in _SENTENCE_END.split(norm[max(line_start, start - _BEFORE_CHARS):start]) if b.strip()][::-1]
        opening = _CLAUSE.split(norm[line_start:start], 1)[0] if line_start < start else ""
        lead_in = _lead_in_above(norm, line_start)
        kind = figure_kind(ev, pos, section=section, opening=lead_in + opening, genre=genre, directory=directory)
        item["kind"] = kind
        item["period"] = figure_period(ev[:pos], heading, doc_year, kind, before, _looks_back(heading, directory))
        indicator = find_indicator(ev, pos, item.get("unit") or "", directory) if not item.get("masked") else None
        if indicator:
            item["indicator"] = indicator
        else:
            item.pop("indicator", None)
    return items


@register("figure_kinds")
def extract_figure_kinds(ctx: Context) -> list[dict]:
    """Rewrite ``ctx.found["metrics"]`` with kinds, periods and indicators (ranges merged);
    returns the figures that carry an indicator.

    >>> from kg.document import Document
    >>> text = "今年发展主要预期目标是：国内生产总值增长5%左右。"
    >>> ctx = Context.from_document(Document(doc_id="d", title="", text=text, year=2024))
    >>> ctx.found["metrics"] = [{"value": 5, "unit": "%", "surface": "5%左右", "evidence": text, "start": 0}]
    >>> [(m["indicator"], m["kind"], m["period"]) for m in extract_figure_kinds(ctx)]
    [('国内生产总值增长', 'target', 2024)]
    """
    metrics = ctx.found.get("metrics") or []
    if not metrics:
        return []
    annotated = annotate_figures(list(metrics), ctx.found.get("sections") or [], doc_year=ctx.doc.year,
                                 genre=ctx.doc.genre, norm=ctx.doc.norm or ctx.doc.text)
    metrics[:] = annotated
    return [m for m in annotated if m.get("indicator")]
