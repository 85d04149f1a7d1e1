"""Which part of a report each sentence belongs to: 成绩/做法, 问题/不足, 下一步/计划 or 其他.

Why: the questions analysts ask of work reports are about intent and
candour — what a unit planned, what it admits falls short — and the same
sentence means different things in different parts (``集中学习12次`` under
主要做法 is a result, under 下一步打算 a target). The part is read, in this
order:

1. **a cue opening the sentence** (``下一步，…``, ``存在的不足：…``) — it
   holds for the rest of the paragraph; a lead-in line ending with a colon
   (``对照要求，还存在以下不足：``) also holds for the enumerated lines
   under it (一是…, 二是…);
2. **the heading above** (``三、下一步工作打算``; ``一、2024年工作回顾``),
   the sub-heading before the top one; a heading naming problems and plans
   together (存在问题和下一步打算) is 问题/不足 until a plan cue opens a
   paragraph under it; a task heading (工作任务, 总体要求) is a plan only when
   it names the document's own year or a later one;
3. in a report, the **numbered headings before any problem or plan
   heading** (一、健全机制，压实学习责任) tell what was done;
4. in a plan (genre 计划), everything is 下一步/计划; elsewhere 其他.

The cue words are data: ``data/lexicon/section_cues.txt``. The extractor
``sections`` returns the document's parts as spans and writes ``section``
on every activity and figure the earlier extractors found.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import iter_lines, lexicon_path
from .base import Context, Sentence, register
from .matcher import Matcher
from .status import section_of

__all__ = ["SECTIONS", "DONE", "PROBLEM", "PLAN", "OTHER", "SectionReader", "classify_heading",
           "extract_sections", "sentence_at", "span_at"]

DONE, PROBLEM, PLAN, OTHER = "成绩/做法", "问题/不足", "下一步/计划", "其他"
SECTIONS = (DONE, PROBLEM, PLAN, OTHER)
_PLACES = ("heading", "year-heading", "opening")
_MIXED = "mixed"
_OPENING_CHARS = 20
_INLINE_HEADING = 20
_REPORT_GENRES = ("汇报", "发言")
_PLAN_GENRE = "计划"
_NUMBERED_TOP = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[，、部])")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，、是]|[（(][一二三四五六七八九十0-9]+[）)]"
                         r"|[0-9]+[、.．](?!\d)|首先|其次|再次|此外|最后)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_LEAD_IN_END = ("：", ":")


@dataclass(frozen=True)
class _Cues:
    automata: dict  # place -> Matcher of word -> (word, section)


@lru_cache(maxsize=None)
def _cues(directory: str | None = None) -> _Cues:
    path = lexicon_path("section_cues", directory)
    automata = {place: Matcher() for place in _PLACES}
    for n, line in iter_lines(path):
        parts = [p.strip() for p in re.split(r"\t+|\s*=>\s*", line)]
        if len(parts) != 3 or not all(parts):
            raise LexiconError(path, n, f"expected 'cue => section => where', got {line!r}")
        cue, section, place = parts
        if section not in (DONE, PROBLEM, PLAN):
            raise LexiconError(path, n, f"unknown section {section!r}; use one of {DONE} {PROBLEM} {PLAN}")
        if place not in _PLACES:
            raise LexiconError(path, n, f"unknown place {place!r}; use one of {' '.join(_PLACES)}")
        automata[place].add_word(cue, (cue, section))
    for automaton in automata.values():
        if len(automaton):
            automaton.make_automaton()
    return _Cues(automata)


def _found(text: str, place: str, directory: str | None = None) -> set[str]:
    automaton = _cues(directory).automata[place]
    if not len(automaton):
        return set()
    return {section for _, (_, section) in automaton.iter_long(text)}


@lru_cache(maxsize=4096)
def classify_heading(heading: str, doc_year: int | None = None, directory: str | None = None) -> str | None:
    """The part a heading (``top / sub``) opens: a section, ``"mixed"`` (problems,
    then plans), or None when its words say nothing.

    >>> classify_heading("三、下一步工作打算"), classify_heading("四、存在问题和下一步打算")
    ('下一步/计划', 'mixed')
    >>> classify_heading("一、主要做法 / （二）办好读书班"), classify_heading("一、健全机制")
    ('成绩/做法', None)
    >>> classify_heading("三、2025年政府工作任务", 2025), classify_heading("三、2023年政府工作任务", 2025)
    ('下一步/计划', None)
    """
    for part in reversed(heading.split(" / ")):
        found = _found(part, "heading", directory)
        if doc_year is not None and _found(part, "year-heading", directory):
            years = [int(y) for y in _YEAR.findall(part)]
            if years and max(years) >= doc_year:
                found.add(PLAN)
        if PROBLEM in found and PLAN in found:
            return _MIXED
        for section in (PLAN, PROBLEM, DONE):
            if section in found:
                return section
    return None


def _opening_section(text: str, directory: str | None = None) -> str | None:
    found = _found(text[:_OPENING_CHARS], "opening", directory)
    for section in (PLAN, PROBLEM, DONE):
        if section in found:
            return section
    return None


class SectionReader:
    """The section of every sentence of one document (see the module docstring).

    >>> from kg.extract.base import iter_sentences
    >>> t = "一、主要做法\\n集中学习12次。\\n二、存在问题和下一步打算\\n学习不够深入。下一步，将开展调研。"
    >>> r = SectionReader(list(iter_sentences(t)), t, "汇报")
    >>> r.sections
    ['成绩/做法', '成绩/做法', '问题/不足', '问题/不足', '下一步/计划']
    >>> r.headings[1]
    '一、主要做法'
    """

    def __init__(self, sentences: list[Sentence], norm: str, genre: str = "", year: int | None = None,
                 directory: str | None = None):
        self.sentences = sentences
        self.headings = section_of(sentences, norm) if sentences else []
        self.sections = self._read(norm, genre or "", year, directory)

    def _read(self, norm: str, genre: str, year: int | None, directory: str | None) -> list[str]:
        default = PLAN if genre == _PLAN_GENRE else OTHER
        out: list[str] = []
        seen_problem_or_plan = False
        carried: str | None = None  # a cue that holds to the end of its paragraph
        lead_in: str | None = None  # a colon lead-in's cue, held over the enumerated lines under it
        mixed_turned: dict[str, bool] = {}
        previous_heading = None
        previous_line = -2
        inline = ""  # 三、存在问题和下一步打算。 opening a paragraph heads the rest of it
        for i, s in enumerate(self.sentences):
            heading = self.headings[i]
            line = norm.rfind("\n", 0, s.start)
            is_heading = heading.endswith(s.norm) and heading != previous_heading
            if heading != previous_heading:
                carried, lead_in = None, None
            previous_heading = heading
            paragraph_first = line != previous_line
            previous_line = line
            if paragraph_first:
                carried = None
            if paragraph_first:
                inline = s.norm if (not is_heading and len(s.norm) <= _INLINE_HEADING
                                    and _NUMBERED_TOP.match(s.norm)) else ""
                is_heading = is_heading or bool(inline)
            if inline:
                heading = f"{heading} / {inline}" if heading else inline
                self.headings[i] = heading
            from_heading = classify_heading(heading, year, directory) if heading else None
            if from_heading is None and heading and genre in _REPORT_GENRES and not seen_problem_or_plan:
                top = heading.split(" / ")[0]
                if _NUMBERED_TOP.match(top) and classify_heading(top, year, directory) is None:
                    from_heading = DONE
            if from_heading in (PROBLEM, PLAN, _MIXED):
                seen_problem_or_plan = True
            opening = None if is_heading else _opening_section(s.norm, directory)
            if opening is not None:
                carried = opening
                if from_heading == _MIXED and opening == PLAN:
                    mixed_turned[heading] = True
                if s.norm.endswith(_LEAD_IN_END):
                    lead_in = opening
            elif paragraph_first and lead_in is not None and not _ENUMERATED.match(s.norm):
                lead_in = None
            if from_heading == _MIXED:
                from_heading = PLAN if mixed_turned.get(heading) else PROBLEM
            if carried is not None:
                section = carried
            elif lead_in is not None:
                section = lead_in
            else:
                section = from_heading or default
            out.append(section)
        return out


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the last one starting at or before it)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _spans(reader: SectionReader) -> list[dict]:
    spans: list[dict] = []
    for s, section, heading in zip(reader.sentences, reader.sections, reader.headings):
        if spans and spans[-1]["section"] == section and spans[-1]["heading"] == heading:
            spans[-1]["end"] = s.end
        else:
            spans.append({"section": section, "heading": heading, "start": s.start, "end": s.end})
    return spans


def span_at(spans: list[dict], offset: int, starts: list[int] | None = None) -> dict | None:
    """The span of ``extract_sections`` output that holds ``offset`` (None before the first);
    ``starts`` (the spans' starts) when the caller asks many times.

    >>> span_at([{"section": "其他", "heading": "", "start": 0, "end": 5},
    ...          {"section": "下一步/计划", "heading": "", "start": 6, "end": 9}], 7)["section"]
    '下一步/计划'
    """
    k = bisect.bisect_right(starts if starts is not None else [s["start"] for s in spans], offset) - 1
    return spans[k] if k >= 0 else None


@register("sections")
def extract_sections(ctx: Context) -> list[dict]:
    """The document's parts ``[{section, heading, start, end}]``; writes ``section``
    on each activity and figure found before (by the sentence of its evidence).

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", genre="汇报", text="开展集中学习12次。\\n下一步，将开展调研。")
    >>> ctx = Context.from_document(doc)
    >>> ctx.found["activities"] = [{"name": "调研", "start": 11}]
    >>> [s["section"] for s in extract_sections(ctx)], ctx.found["activities"][0]["section"]
    (['其他', '下一步/计划'], '下一步/计划')
    """
    reader = SectionReader(ctx.sentences, ctx.doc.norm or ctx.doc.text, ctx.doc.genre, ctx.doc.year)
    if not reader.sentences:
        return []
    starts = [s.start for s in reader.sentences]
    for field in ("activities", "metrics"):
        for item in ctx.found.get(field) or []:
            if isinstance(item, dict) and isinstance(item.get("start"), int):
                item["section"] = reader.sections[sentence_at(reader.sentences, starts, item["start"])]
    return _spans(reader)
