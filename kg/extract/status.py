"""Activity status (SCHEMA §3): ``done``, ``planned`` or ``urged``, read from the clause.

Why the clause and not the paragraph or the genre: one sentence of a
speech reviews (`先后召开…，举办为期5天的读书班，全局126名党员干部全部参加`)
and the next urges (`各党支部要…开展调研`); one sentence of a report plans
(`下一步，计划开展读书班1期，组织专题党课4次`) after a paragraph of things
done. So the words around the trigger decide first, and the wider context
only when they are silent:

1. **The trigger's clause, then the clauses before it in its sentence,
   nearest first.** In a clause a plan or modal word (将, 拟, 计划,
   下一步; 要, 必须, 务必, 应当; 要求各…, 强调：) outranks a past marker
   (已, 先后, 累计, 以来, 开展了), so 将陆续开展 is planned and 要完成整改 urged;
   a clause without either passes the question to the clause before it,
   which is how 将 and 要 carry over a list (`将与市图书馆联合举办…，组织
   青年教师开展志愿服务`). 将 that means 把 (`将学习成果转化为…`) says
   nothing about time. 了 right after the trigger (集中学习了《…》) is done;
   a plan or modal word after it in its clause speaks of it as the
   subject (读书班将于下月举办).
2. **The paragraph's opening clause** (下一步，…; 今年以来，…) and **the
   section heading** above the sentence (下一步工作打算, 主要做法, 工作要求;
   a heading that names problems and plans together decides nothing).
   A line that opens with a plan word and ends with a colon
   (`下一步，我们将重点抓好以下工作：`) heads the lines below it; a short
   numbered sentence that opens a paragraph (`三、存在问题和下一步打算。…`)
   heads the rest of the paragraph.
3. **The genre**: in a plan (计划) what is not marked done is planned.
4. **A past marker later in the sentence**, before any plan or modal
   word (`通过调研，问题找得更准了`), or **a figure or a date in the
   clause** (12次, 为期5天, 4月22日) unless a quota word stands in it
   (不少于, 至少): done.
5. In a speech, **the other sentences of the paragraph**, nearest first:
   a paragraph of 一要…、各单位要… urges throughout, one that reviews
   (…得到了…) reports throughout.
6. Otherwise ``done``.

A modal (要 …) is ``urged`` in a speech (讲话, 党课), or when the sentence
names whom it addresses (各级, 各支部, 全体) or who speaks (强调：); it is
``planned`` in a plan or a 下一步 part; in a news page (genre 其他) it is
someone's demand being reported, so ``urged``; elsewhere (a report's
我们要…, 不但…还要…) it decides nothing and the next step is asked. The cue words
are data: ``data/lexicon/status_cues.txt``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table, read_wordlist
from .base import Sentence, finditer_from
from .matcher import Matcher

__all__ = ["STATUSES", "Cue", "StatusReader", "find_cues", "heading_status", "section_of", "status_of"]

STATUSES = ("done", "planned", "urged")
_ROLES = ("done", "planned", "modal", "urged", "target", "addressee", "disposal", "problem", "no")
_WHERE = ("clause", "after", "heading")
_SPEECH_GENRES = ("讲话", "党课")
_PLAN_GENRE = "计划"
_NEWS_GENRE = "其他"  # web news and unclassified pages: a modal there is someone's demand being reported
_STRONG = ("planned", "modal", "urged")

_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[，、]"
    r"|[0-9]+[、.．](?!\d))"
)
_CLAUSE_SEP = re.compile(r"[，,；;：:]")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")
_SHORT_HEADING = 20  # an unnumbered heading line is at most this long
_LEAD_IN_END = ("：", ":")
_QUOTED = re.compile(r'“[^“”\n]*”|"[^"\n]*"')  # a quoted name or slogan (“党要管党”) holds no cue of the text
_DATE = re.compile(r"[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}[日号]|[上中下]旬|份)")


@dataclass(frozen=True)
class Cue:
    """A status cue found in a text: offsets, its role and the word."""

    start: int
    end: int
    role: str
    word: str


@dataclass(frozen=True)
class _Lexicon:
    clause: object  # Matcher
    heading: object
    after: tuple[tuple[str, str], ...]  # (word, role), longest first
    figure: re.Pattern


@lru_cache(maxsize=None)
def _lexicon(directory: str | None = None) -> _Lexicon:
    path = lexicon_path("status_cues", directory)
    automata = {"clause": Matcher(), "heading": Matcher()}
    after = []
    seen: dict[tuple[str, str], str] = {}
    for cue, role, where in read_table(path, 3, min_columns=2):
        where = where or "clause"
        if role not in _ROLES:
            raise LexiconError(path, _line_of(path, cue), f"unknown role {role!r} for {cue!r}; use one of {' '.join(_ROLES)}")
        if where not in _WHERE:
            raise LexiconError(path, _line_of(path, cue), f"unknown place {where!r} for {cue!r}; use one of {' '.join(_WHERE)}")
        if seen.setdefault((cue, where), role) != role:
            raise LexiconError(path, _line_of(path, cue), f"{cue!r} has two roles in {where}: {seen[(cue, where)]} and {role}")
        if where == "after":
            after.append((cue, role))
        else:
            automata[where].add_word(cue, (cue, role))
    for automaton in automata.values():
        automaton.make_automaton()
    after.sort(key=lambda x: -len(x[0]))
    return _Lexicon(automata["clause"], automata["heading"], tuple(after), _figure_pattern(directory))


def _line_of(path, word: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if re.split(r"\t|=>", line)[0].strip() == word), 0)


# A figure of _figure_pattern: Arabic digits, a Chinese numeral, or a mask; _FIGURE_FIRST is what it starts with.
_DIGITS, _NUMERALS, _MASKS = "0-9０-９", "两二三四五六七八九十百千万", "*＊XxＸ×"
_FIGURE_FIRST = re.compile(f"[{_DIGITS}{_NUMERALS}{re.escape(_MASKS)}]")


def _figure_pattern(directory: str | None) -> re.Pattern:
    # A count that reports things done: 12次, 3场, 为期5天, XX篇. A bare 一 is
    # left out (一次深刻的洗礼, 组织一次主题党日活动 say nothing about time).
    units = sorted({e.word for e in read_wordlist(lexicon_path("measure_words", directory))}, key=len, reverse=True)
    number = rf"(?:[{_DIGITS}]+(?:\.[0-9]+)?|[{_NUMERALS}][一{_NUMERALS}]*|[{re.escape(_MASKS)}]+)"
    return re.compile(rf"(?<!第){number}[余多]?(?:{'|'.join(map(re.escape, units))})")


def find_cues(text: str, where: str = "clause", directory: str | None = None) -> list[Cue]:
    """The status cues in ``text``, longest match first; blockers (role ``no``) hide
    what they hold, and a quoted name or slogan holds none.

    >>> [(c.word, c.role) for c in find_cues("局党组将继续开展读书班")]
    [('将', 'planned')]
    >>> [(c.word, c.role) for c in find_cues("按照重要讲话的要求，先后开展了")]
    [('先后', 'done'), ('了', 'done')]
    """
    lex = _lexicon(directory)
    automaton = lex.heading if where == "heading" else lex.clause
    quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text or '"' in text else []
    out = []
    for end, (word, role) in automaton.iter_long(text):
        start = end - len(word) + 1
        if role != "no" and not any(q0 < start < q1 for q0, q1 in quoted):
            out.append(Cue(start, end + 1, role, word))
    return out


@lru_cache(maxsize=4096)
def heading_status(section: str, directory: str | None = None) -> str | None:
    """What a section heading says of the sentences under it (``modal`` for 工作要求).

    The most specific part decides (``top / sub``: the sub-heading first).
    A heading naming problems and plans together says nothing.

    >>> heading_status("三、下一步工作打算")
    'planned'
    >>> heading_status("四、存在问题和下一步打算") is None
    True
    >>> heading_status("一、主要做法 / （二）办好读书班")
    'done'
    """
    for part in reversed(section.split(" / ")):
        roles = {c.role for c in find_cues(part, "heading", directory)}
        if "planned" in roles and "problem" in roles:
            return None
        for role in ("planned", "modal", "done", "problem"):
            if role in roles:
                return "done" if role == "problem" else role
    return None


@lru_cache(maxsize=4096)
def _clause_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _CLAUSE_SEP.finditer(text)))


def _is_disposal(c: Cue, cues: Sequence[Cue], clause_end: int) -> bool:
    # 将 as 把 (将学习成果转化为…) says nothing about time.
    return c.word == "将" and any(d.role == "disposal" and d.start >= c.end and d.end <= clause_end for d in cues)


def _strong(cues: Sequence[Cue], lo: int, hi: int, clause_end: int, decides=None) -> Cue | None:
    """The deciding cue in ``[lo, hi)``: the nearest plan, modal or urging
    word (``decides(cue)`` may pass over one), else the nearest past marker."""
    done = None
    for c in reversed(cues):
        if c.start < lo or c.end > hi:
            continue
        if c.role in _STRONG:
            if _is_disposal(c, cues, clause_end) or (decides is not None and not decides(c)):
                continue
            return c
        if c.role == "done" and done is None:
            done = c
    return done


@lru_cache(maxsize=4096)
def _opening_cue(opening: str, directory: str | None) -> Cue | None:
    if not opening:
        return None
    return _strong(find_cues(opening, "clause", directory), 0, len(opening), len(opening))


def _modal_status(cues: Sequence[Cue], c: Cue, genre: str, plan_context: bool) -> str | None:
    """What a modal or urging cue means here; None for a modal that decides
    nothing (我们要…, 不但…还要… in a report outside any plan)."""
    if c.role == "planned":
        return "planned"
    if c.role == "urged":
        return "planned" if genre == _PLAN_GENRE else "urged"
    if genre in _SPEECH_GENRES:
        return "urged"
    if genre == _PLAN_GENRE or plan_context:
        return "planned"
    if genre == _NEWS_GENRE or any(x.role in ("addressee", "urged") and x.start < c.start for x in cues):
        return "urged"
    return None


def _sentence_status(cues: Sequence[Cue], sentence: str, lo: int, hi: int, genre: str, plan_context: bool) -> str | None:
    """The status a whole sentence states (its nearest deciding cue from the end)."""
    cue = _strong(cues, lo, hi, hi, lambda c: _modal_status(cues, c, genre, plan_context) is not None)
    if cue is None:
        return None
    return "done" if cue.role == "done" else _modal_status(cues, cue, genre, plan_context)


def status_of(
    sentence: str, start: int, end: int, *, genre: str = "", section: str = "", opening: str = "",
    paragraph: Iterable[str | None] = (), cues: Sequence[Cue] | None = None, directory: str | None = None,
) -> str:
    """``done``, ``planned`` or ``urged`` for the trigger at ``sentence[start:end]``.

    ``section`` is the heading above the sentence (see :func:`section_of`),
    ``opening`` the opening clause of its paragraph when the sentence is
    not the paragraph's first, ``paragraph`` (lazily) the status each other
    sentence of the paragraph states, nearest first (or None), asked for
    last and only in a speech, ``cues`` the sentence's cues if already found.

    >>> s = "主题教育开展以来，局党委按照总要求，举办为期5天的读书班，全局126名党员干部全部参加。"
    >>> status_of(s, s.index("读书班"), s.index("读书班") + 3, genre="讲话")
    'done'
    >>> s = "下一步，计划开展读书班1期，组织专题党课4次。"
    >>> status_of(s, s.index("专题党课"), s.index("专题党课") + 4, genre="汇报")
    'planned'
    >>> s = "各级党组织要开展专题研讨。"
    >>> status_of(s, 6, 10, genre="讲话"), status_of(s, 6, 10, genre="汇报"), status_of(s, 6, 10, genre="计划")
    ('urged', 'urged', 'planned')
    >>> status_of("组织读书班。", 2, 5, genre="汇报", section="三、下一步工作打算")
    'planned'
    """
    lex_cues = find_cues(sentence, "clause", directory) if cues is None else cues
    starts = _clause_starts(sentence)
    k = bisect.bisect_right(starts, start) - 1
    heading = heading_status(section, directory) if section else None
    open_cue = _opening_cue(opening, directory)
    plan_context = heading == "planned" or (open_cue is not None and open_cue.role == "planned")
    decides = lambda c: _modal_status(lex_cues, c, genre, plan_context) is not None  # noqa: E731
    for c in range(k, -1, -1):
        lo = starts[c]
        clause_end = starts[c + 1] if c + 1 < len(starts) else len(sentence)  # with its separator (强调：)
        cue = _strong(lex_cues, lo, start if c == k else clause_end, clause_end, decides)
        if cue is not None:
            return "done" if cue.role == "done" else _modal_status(lex_cues, cue, genre, plan_context)
        if c == k:
            if any(sentence.startswith(w, end) for w, role in _lexicon(directory).after if role == "done"):
                return "done"
            # The trigger as the subject of its clause: 读书班将于下月举办, 专题党课要…
            cue = next((x for x in lex_cues if end <= x.start and x.end <= clause_end and x.role in ("planned", "modal")
                        and decides(x) and not _is_disposal(x, lex_cues, clause_end)), None)
            if cue is not None:
                return _modal_status(lex_cues, cue, genre, plan_context)
    if open_cue is not None and open_cue.role in ("planned", "done"):
        return open_cue.role
    if heading in ("planned", "done"):
        return heading
    if heading == "modal":
        return "urged" if genre in _SPEECH_GENRES else "planned"
    if genre == _PLAN_GENRE:
        return "planned"
    if _reported_after(lex_cues, end):
        return "done"
    if _counts_done(sentence, starts, k, lex_cues, directory):
        return "done"
    if genre in _SPEECH_GENRES:
        for said in paragraph:
            if said is not None:
                return said
    return "done"


def _reported_after(cues: Sequence[Cue], end: int) -> bool:
    """A past marker later in the sentence (…，达到了预期目的; …，全体党员全部参加了),
    before any plan or modal word."""
    for c in cues:
        if c.start < end:
            continue
        if c.role in _STRONG:
            return False
        if c.role == "done":
            return True
    return False


def _counts_done(sentence: str, starts: Sequence[int], k: int, cues: Sequence[Cue], directory: str | None) -> bool:
    lo = starts[k]
    hi = starts[k + 1] if k + 1 < len(starts) else len(sentence)
    clause = sentence[lo:hi]
    if any(c.role == "target" and lo <= c.start < hi for c in cues):
        return False
    figure = next(finditer_from(_lexicon(directory).figure, _FIGURE_FIRST, clause), None)
    return figure is not None or _DATE.search(clause) is not None


def _is_numbered_heading(s: Sentence, norm: str) -> bool:
    return len(s.norm) <= 40 and _HEADING.match(s.norm) is not None


def _is_plain_heading(s: Sentence) -> bool:
    # 存在的问题, 下一步工作打算: a short line without sentence punctuation that names a section.
    return len(s.norm) <= _SHORT_HEADING and not _SENTENCE_PUNCT.search(s.norm) and bool(find_cues(s.norm, "heading"))


def _whole_line(s: Sentence, norm: str) -> bool:
    return (s.start == 0 or norm[s.start - 1] == "\n") and (s.end >= len(norm) or norm[s.end] == "\n")


def _is_lead_in(s: Sentence, norm: str) -> bool:
    # 下一步，我们将重点抓好以下工作： heads the lines that follow it.
    if not (s.norm.endswith(_LEAD_IN_END) and _whole_line(s, norm)):
        return False
    opening = s.norm[:_clause_starts(s.norm)[1] if len(_clause_starts(s.norm)) > 1 else len(s.norm)]
    cue = _opening_cue(opening, None)
    return cue is not None and cue.role == "planned"


def section_of(sentences: list[Sentence], norm: str) -> list[str]:
    """The outline heading above each sentence (a heading is a line of its own).

    Numbered headings (一、 （一） 1.) nest as ``top / sub``; a short unnumbered
    line that names a section (下一步工作打算) is a top heading; a line that
    opens with a plan word and ends with a colon heads the lines below it.

    >>> from kg.extract.base import iter_sentences
    >>> t = "一、主要做法\\n集中学习。\\n二、下一步打算\\n加强学习。"
    >>> section_of(list(iter_sentences(t)), t)
    ['一、主要做法', '一、主要做法', '二、下一步打算', '二、下一步打算']
    >>> t = "开展研讨。\\n下一步，我们将抓好以下工作：\\n一是办好读书班。"
    >>> section_of(list(iter_sentences(t)), t)[-1]
    '下一步，我们将抓好以下工作：'
    """
    out, top, sub, current = [], "", "", ""
    for s in sentences:
        if len(s.norm) <= 40 and _whole_line(s, norm) and (_is_numbered_heading(s, norm) or _is_plain_heading(s)):
            if s.norm.startswith(("（", "(")) or s.norm[0].isdigit():
                sub = s.norm
            else:
                top, sub = s.norm, ""
            current = f"{top}{' / ' + sub if sub else ''}"
            out.append(current)
            continue
        out.append(current)
        if s.norm[-1] in _LEAD_IN_END and _is_lead_in(s, norm):
            sub = s.norm
            current = f"{top}{' / ' + sub if top else sub}"
    return out


class StatusReader:
    """The status of each activity of one document.

    Holds what the sentences of the document share: their sections, the
    opening clause of each paragraph, and each sentence's cues (found once).
    """

    def __init__(self, sentences: list[Sentence], norm: str, genre: str):
        self.sentences = sentences
        self.norm = norm
        self.genre = genre or ""
        self.sections = section_of(sentences, norm)
        self._starts = [s.start for s in sentences]
        self._cues: dict[int, list[Cue]] = {}
        self._context: dict[int, tuple[str, str, list[Cue]]] = {}

    def _first_of_paragraph(self, i: int) -> int:
        line_start = self.norm.rfind("\n", 0, self.sentences[i].start) + 1
        return bisect.bisect_left(self._starts, line_start)

    def _inline_heading(self, first: int) -> str:
        """``三、存在问题和下一步打算。`` opening a paragraph heads the rest of it."""
        text = self.sentences[first].norm
        return text if len(text) <= _SHORT_HEADING and _HEADING.match(text) else ""

    def section(self, i: int) -> str:
        """The heading above sentence ``i``, with the numbered sentence that opens its paragraph, if any."""
        first = self._first_of_paragraph(i)
        inline = self._inline_heading(first) if first < i else ""
        return f"{self.sections[i]} / {inline}" if inline and self.sections[i] else inline or self.sections[i]

    def opening(self, i: int) -> str:
        """The opening clause of sentence ``i``'s paragraph; "" when ``i`` opens it or it opens with a heading."""
        first = self._first_of_paragraph(i)
        if first >= i or self._inline_heading(first):
            return ""
        text = self.sentences[first].norm
        m = _CLAUSE_SEP.search(text)
        return text[:m.start()] if m else text

    def _cues_of(self, i: int) -> list[Cue]:
        cues = self._cues.get(i)
        if cues is None:
            cues = self._cues[i] = find_cues(self.sentences[i].norm)
        return cues

    def _paragraph(self, i: int) -> Iterator[str | None]:
        """What the other sentences of sentence ``i``'s paragraph state, nearest first, those before first."""
        norm, sent = self.norm, self.sentences[i]
        first = self._first_of_paragraph(i)
        line_end = norm.find("\n", sent.end)
        last = bisect.bisect_left(self._starts, len(norm) if line_end < 0 else line_end)
        for j in [*range(i - 1, first - 1, -1), *range(i + 1, last)]:
            other = self.sentences[j].norm
            yield _sentence_status(self._cues_of(j), other, 0, len(other), self.genre, False)

    def status(self, i: int, start: int, end: int) -> str:
        """Status of the trigger at ``start:end`` of sentence ``i`` (offsets in the sentence)."""
        context = self._context.get(i)
        if context is None:
            context = self._context[i] = (self.section(i), self.opening(i), self._cues_of(i))
        section, opening, cues = context
        return status_of(self.sentences[i].norm, start, end, genre=self.genre, section=section,
                         opening=opening, paragraph=self._paragraph(i), cues=cues)
