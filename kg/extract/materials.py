"""Materials (SCHEMA §3, §6): the texts a unit studied, read or watched.

What counts: a book, speech or document the report says was studied —
《titles》 (`重点学习了《习近平谈治国理政》第四卷`), the Party's founding texts
named without 《》 (党章, 团章, 纪律处分条例), congress reports and plenum
documents (党的二十大报告, 二十届三中全会《决定》), and the leader's speeches
and instructions named by occasion (习近平总书记在…上的重要讲话(精神),
习近平总书记关于…的重要论述, …的重要指示批示精神, 给…的回信).

Why a clause rule: a 《title》 in a report is as often something the unit
made (制定了《…实施方案》), gave (作了题为《…》的报告), followed (根据《…》),
or was printed in (被《…》一书收录, 来源：《城南日报》) as something it
read. The nearest cue word before the title in its clause decides
(``data/lexicon/material_cues.txt``): a study verb (学习, 研读, 通读, 领学,
传达, 解读 …) makes it a material, a making/giving/following word does not.
With no verb before it (围绕《…》开展研讨, 对《条例》进行学习, 以《…》为
教材, 其中…为必读书目) the words after the title decide. Titles in one run
(《A》《B》和新修订的《C》, 党的二十大报告、党章) share the decision.

Decisions beyond SCHEMA, and why:

* **Films and videos watched** (观看警示教育片《…》, 观看电影《…》) are
  materials: in a 警示教育 or 主题党日 session the film is what was studied,
  and the STUDIED link answers "which warning films did units show".
* **Not materials**: the unit's own reports and plans (形成《…调研报告》),
  lecture titles (以《…》为题), periodicals and sites as sources (《…日报》,
  《求是》杂志 — the article in it is the material), a chapter named after
  its book (党章第二章《党员的义务》 is 党章), the 精神 of a meeting
  (二十大精神, 全会精神: no one text), and speeches named by no occasion
  (习近平总书记系列重要讲话, 最新重要讲话精神).
* **Names**: a volume stays with its title (《…》第四卷 → …（第四卷）, one
  item per volume for 第一卷和第二卷); short forms and unquoted names take
  the canonical title (``data/lexicon/material_names.txt``: 党章 →
  中国共产党章程); a short 《条例》 is the full title the document gave
  before (or with 以下简称); 精神 is dropped from a speech (the speech is
  the text).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_table
from .base import Context, evidence_item, register
from .matcher import Matcher

__all__ = ["extract_materials", "find_materials", "link_materials", "DocumentTitles"]

_BEFORE_ROLES = ("study", "watch", "reject", "neutral", "preposition")
_AFTER_ROLES = ("study_after", "reject_after")
_SPEECH_ROLES = ("speaker", "speech", "generic")
_ROLES = _BEFORE_ROLES + _AFTER_ROLES + _SPEECH_ROLES + ("periodical",)

_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_NUMERAL = "一二三四五六七八九十0-9"
_VOLUME = re.compile(rf"^\s*[（(]?(第[{_NUMERAL}]+(?:至[{_NUMERAL}]+)?卷|[上中下]册)[）)]?")
_MORE_VOLUME = re.compile(rf"^[、和及与]\s*(第[{_NUMERAL}]+卷|[上中下]册)")
_EDITION = re.compile(r"^[（(](\d{4}年版)[）)]")
_CHAPTER_BEFORE = re.compile(rf"第[{_NUMERAL}]+[章节条篇编部]$")
_CLAUSE_CHARS = "，。；：！？,;:!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_CHARS}]")
_LEAD_CHARS = 30
_AFTER_CHARS = 40
# Between two materials of one run: 、 和 及 与, and 新修订的 before a title.
_RUN_GLUE = re.compile(r"^[、，,和及与以并\s]*(?:新修订的|修订后的|最新修订的|新修订)?[、，,和及与以并\s]*$")
_LIST_GOES_ON = re.compile(r"^\s*(?:以及|及|和|与|并)")
_ALIAS_INTRO = re.compile(r"[（(]以下简称[《“\"]([^》”\"]{1,12})[》”\"][）)]")
# Congress reports and plenum documents.
_CONGRESS_NO = r"(?:二十|十[一二三四五六七八九]?)"
_CONGRESS = re.compile(rf"(?:党的)?({_CONGRESS_NO}大)报告")
_PLENUM = re.compile(
    rf"(?:党的)?({_CONGRESS_NO}届[一二三四五六七八九]中全会)(?:审议通过的|通过的)?《?(决定|公报|决议)》?"
)
_QUOTED = re.compile(r"“[^“”\n]*”")


@dataclass(frozen=True)
class _Vocab:
    before: object  # Matcher: study / watch / reject / neutral / preposition
    after: object  # study_after / reject_after
    names: object  # unquoted names -> canonical
    canonical: dict
    short: frozenset
    speech: re.Pattern
    speaker: re.Pattern
    generic: re.Pattern
    periodical: tuple


def _automaton(pairs):
    automaton = Matcher()
    for word, value in pairs:
        automaton.add_word(word, (word, value))
    if pairs:
        automaton.make_automaton()
    return automaton


@lru_cache(maxsize=None)
def _vocab(directory: str | None = None) -> _Vocab:
    path = lexicon_path("material_cues", directory)
    groups: dict[str, dict[str, str]] = {"before": {}, "after": {}, "speech": {}, "periodical": {}}
    for word, role in read_table(path, 2):
        if role not in _ROLES:
            raise LexiconError(path, _line_of(path, word), f"unknown role {role!r} for {word!r}; use one of {' '.join(_ROLES)}")
        group = ("before" if role in _BEFORE_ROLES else "after" if role in _AFTER_ROLES
                 else "speech" if role in _SPEECH_ROLES else "periodical")
        if groups[group].setdefault(word, role) != role:
            raise LexiconError(path, _line_of(path, word), f"{word!r} has two roles: {groups[group][word]} and {role}")
    names_path = lexicon_path("material_names", directory)
    canonical, short = {}, set()
    for phrase, canon in read_table(names_path, 2):
        if canon == "*":
            short.add(phrase)
        else:
            canonical[phrase] = canon
    speech = groups["speech"]
    speakers = sorted((w for w, r in speech.items() if r == "speaker"), key=len, reverse=True)
    kinds = sorted((w for w, r in speech.items() if r == "speech"), key=len, reverse=True)
    generic = sorted((w for w, r in speech.items() if r == "generic"), key=len, reverse=True)
    if not speakers or not kinds:
        raise LexiconError(path, 0, "needs at least one `speaker` and one `speech` word")
    alt = lambda words: "|".join(map(re.escape, words))  # noqa: E731
    return _Vocab(
        before=_automaton(list(groups["before"].items())),
        after=_automaton(list(groups["after"].items())),
        names=_automaton(list(canonical.items())),
        canonical=canonical,
        short=frozenset(short),
        # 习近平总书记 + an occasion (在…上的, 关于…的, 给…的) + the kind of text (+ 精神).
        speech=re.compile(rf"(?:{alt(speakers)})(?P<occasion>[^，。；：！？\n《》]{{0,40}}?)(?P<kind>{alt(kinds)})(?:精神)?"),
        speaker=re.compile(alt(speakers)),
        generic=re.compile(alt(generic)) if generic else re.compile(r"(?!)"),
        periodical=tuple(groups["periodical"]),
    )


def _line_of(path, word: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if re.split(r"\t|=>", line)[0].strip() == word), 0)


@dataclass
class DocumentTitles:
    """The full titles a document has named so far, to resolve its short forms (《条例》)."""

    full: list[str] = field(default_factory=list)
    introduced: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, text_after: str, short: frozenset) -> None:
        if name not in short and name not in self.introduced:
            self.full.append(name)
            m = _ALIAS_INTRO.match(text_after)
            if m:
                self.introduced[m.group(1)] = name

    def resolve(self, short_name: str) -> str | None:
        if short_name in self.introduced:
            return self.introduced[short_name]
        return next((t for t in reversed(self.full) if t.endswith(short_name) and t != short_name), None)


@dataclass
class _Candidate:
    start: int
    end: int
    names: list[str]
    title: bool  # a 《title》, whose words after it may decide


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _CLAUSE_CHARS) + 1


def _last_cue(automaton, text: str) -> str | None:
    # The nearest deciding word; a neutral one (刊发的, 学习计划) only hides what it holds.
    role = None
    for _, (_, r) in automaton.iter_long(text):
        if r != "neutral":
            role = r
    return role


def _decide(v: _Vocab, text: str, first: _Candidate, last: _Candidate) -> bool:
    """Whether a run of candidates (``first`` … ``last``) was studied."""
    clause_start = _clause_start(text, first.start)
    lead = _TITLE.sub("《》", text[max(clause_start, first.start - _LEAD_CHARS):first.start])  # 学习 inside a title is no verb
    role = _last_cue(v.before, lead)
    if role is None and clause_start > 0 and _LIST_GOES_ON.match(lead):
        # 学习…全会精神，以及习近平总书记在…上的重要讲话: the list began in the clause before.
        before = _clause_start(text, clause_start - 1)
        lead = _TITLE.sub("《》", text[max(before, first.start - _LEAD_CHARS):first.start])
        role = _last_cue(v.before, lead)
    if role in ("study", "watch"):
        return True
    if role == "reject":
        return False
    # 围绕《…》开展研讨, 以《…》为教材, 其中党的二十大报告和党章…为必读书目: the words after the run decide.
    m = _CLAUSE_END.search(text, last.end)
    after = _TITLE.sub("《》", text[last.end:min(m.start() if m else len(text), last.end + _AFTER_CHARS)])
    roles = [r for _, (_, r) in v.after.iter_long(after)]
    return "study_after" in roles and "reject_after" not in roles


def _rejected_after(v: _Vocab, text: str, end: int) -> bool:
    for stop, (word, role) in v.after.iter_long(text[end:end + 6]):
        return role == "reject_after" and stop + 1 == len(word)  # a cue right after the title
    return False


def _title_names(v: _Vocab, text: str, m: re.Match, titles: DocumentTitles | None) -> tuple[list[str], int]:
    """Names of the 《title》 at ``m`` (one per volume) and where it ends."""
    raw = m.group(1).strip()
    end = m.end()
    if titles is not None:
        titles.add(raw, text[end:end + 14], v.short)
    name = v.canonical.get(raw, raw)
    if raw in v.short or (titles is not None and raw in titles.introduced):
        name = titles.resolve(raw) if titles is not None else None
        if name is None:
            return [], end
    edition = _EDITION.match(text[end:])
    if edition:
        end += edition.end()
    vol = _VOLUME.match(text[end:])
    if not vol:
        return [name], end
    volumes = [vol.group(1)]
    end += vol.end()
    more = _MORE_VOLUME.match(text[end:])
    while more:
        volumes.append(more.group(1))
        end += more.end()
        more = _MORE_VOLUME.match(text[end:])
    return [f"{name}（{x}）" for x in volumes], end


def _speech_name(v: _Vocab, m: re.Match) -> str | None:
    occasion = m.group("occasion")
    if len(v.generic.sub("", occasion)) < 2:
        return None  # 习近平总书记系列重要讲话: no occasion, no one text
    if "精神" in occasion or v.speaker.search(occasion):
        return None  # 总书记新时代…思想、党的二十大精神和总书记重要讲话: a list, not an occasion
    return f"习近平总书记{occasion}{m.group('kind')}"


def _candidates(v: _Vocab, text: str, titles: DocumentTitles | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    # Each pattern only where its fixed part stands (a leading alternation keeps the regex engine from skipping ahead).
    for m in (_PLENUM.finditer(text) if "全会" in text else ()):
        name = f"党的{m.group(1)}{m.group(2)}"
        if titles is not None:
            titles.add(name, "", v.short)  # a later 《决定》 is this one
        found.append(_Candidate(m.start(), m.end(), [name], False))
        taken.append(m.span())
    for m in (_TITLE.finditer(text) if "《" in text else ()):
        if not free(*m.span()):
            continue
        if _CHAPTER_BEFORE.search(text, 0, m.start()):
            taken.append(m.span())  # 党章第二章《党员的义务》: a part of a text named before it
            continue
        names, end = _title_names(v, text, m, titles)
        taken.append((m.start(), end))
        names = [n for n in names if not n.endswith(v.periodical)]
        if names:
            found.append(_Candidate(m.start(), end, names, True))
    for m in (_CONGRESS.finditer(text) if "大报告" in text else ()):
        if free(*m.span()):
            found.append(_Candidate(m.start(), m.end(), [f"党的{m.group(1)}报告"], False))
            taken.append(m.span())
    if "书记" in text or "习近平" in text:
        for m in v.speech.finditer(text):
            name = _speech_name(v, m)
            if name and free(*m.span()):
                found.append(_Candidate(m.start(), m.end(), [name], False))
                taken.append(m.span())
    quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text else []
    for end, (phrase, canon) in v.names.iter_long(text):
        start = end - len(phrase) + 1
        if any(a < start < b for a, b in quoted):
            continue  # “学党章、守纪律”: a campaign's name
        if free(start, end + 1) and not _inside_word(text, start, end + 1):
            found.append(_Candidate(start, end + 1, [canon], False))
            taken.append((start, end + 1))
    found.sort(key=lambda c: c.start)
    return found


def _inside_word(text: str, start: int, end: int) -> bool:
    # 党章党规: a name is a word of its own, not the head of a longer term (党章学习 is fine).
    return text.startswith(("党规", "党纪", "意识", "精神", "宣传周", "日"), end)


def find_materials(text: str, titles: DocumentTitles | None = None, directory: str | None = None) -> list[tuple[str, int, int]]:
    """(name, start, end) of every studied text in ``text`` (one sentence).

    ``titles`` carries the document's full titles, for its short forms.

    >>> [m[0] for m in find_materials("小组成员诵读了《习近平谈治国理政》第四卷的内容")]
    ['习近平谈治国理政（第四卷）']
    >>> find_materials("制定了《关于青年理论学习小组学习的实施方案》")
    []
    >>> [m[0] for m in find_materials("认真学习了党的二十大报告、党章和习近平总书记在庆祝大会上的重要讲话精神")]
    ['党的二十大报告', '中国共产党章程', '习近平总书记在庆祝大会上的重要讲话']
    """
    v = _vocab(directory)
    runs: list[list[_Candidate]] = []
    for c in _candidates(v, text, titles):
        if runs and _RUN_GLUE.match(text[runs[-1][-1].end:c.start]):
            runs[-1].append(c)
        else:
            runs.append([c])
    out = []
    for run in runs:
        if _decide(v, text, run[0], run[-1]):
            out.extend((name, c.start, c.end) for c in run if not (c.title and _rejected_after(v, text, c.end))
                       for name in c.names)
    return out


_MARKS = ("《", "书记", "大报告", "全会")


def _sentences_to_read(ctx: Context, names) -> list:
    """The sentences that may name a material: one pass over the document, not one per sentence."""
    norm = ctx.doc.norm
    hits = [end for end, _ in names.iter(norm)]
    for mark in _MARKS:
        at = norm.find(mark)
        while at >= 0:
            hits.append(at)
            at = norm.find(mark, at + 1)
    if not hits:
        return []
    starts = [s.start for s in ctx.sentences]
    wanted = sorted({bisect.bisect_right(starts, h) - 1 for h in hits} - {-1})
    return [ctx.sentences[i] for i in wanted]


@register("materials")
def extract_materials(ctx: Context) -> list[dict]:
    """``[{name, surface, evidence, start, end}]``: one item per studied text and sentence.

    ``surface`` is the text as written (党章), ``name`` the canonical title.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="深入学习《习近平谈治国理政》（第四卷）。印发《学习方案》。")
    >>> [m["name"] for m in extract_materials(Context.from_document(doc))]
    ['习近平谈治国理政（第四卷）']
    """
    v = _vocab()
    titles = DocumentTitles()
    out, seen = [], set()
    for sent in _sentences_to_read(ctx, v.names):
        for name, start, end in find_materials(sent.norm, titles):
            key = (name, sent.index)
            if key not in seen:
                seen.add(key)
                out.append(evidence_item(sent, name=name, surface=sent.text[start:end]))
    return out


def link_materials(sentences, text: str, activities: list[tuple[int, int]], materials: list[dict]) -> list[list[str]]:
    """The materials each activity studied (the graph's STUDIED edges).

    ``sentences`` and ``text`` are the document's, ``activities``
    ``(sentence position, trigger offset)`` pairs, ``materials`` the items of
    :func:`extract_materials`. A material goes
    to the activities of its own clause; else to the nearest activity
    before it in its sentence (开展集中学习8次，重点学习了《…》), else the
    nearest after it (重点学习了《…》，做到读原著); a sentence that names a
    material and no activity (会议传达学习了…) gives it to the first activity
    of the sentence before, in the same paragraph (召开…学习会。会议传达学习了…).

    >>> from kg.extract.base import iter_sentences
    >>> text = "读书班期间，集中学习了《党章》，聆听专题党课2次。"
    >>> sents = list(iter_sentences(text))
    >>> mats = [{"name": "中国共产党章程", "surface": "《党章》", "start": 0, "end": len(text)}]
    >>> link_materials(sents, text, [(0, 0), (0, 6), (0, 17)], mats)
    [[], ['中国共产党章程'], []]
    """
    out: list[list[str]] = [[] for _ in activities]
    if not materials or not activities:
        return out
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for n, (i, _) in enumerate(activities):
        by_sentence.setdefault(i, []).append(n)
    for m in materials:
        name = m.get("name") if isinstance(m, dict) else m
        i = bisect.bisect_right(starts, m.get("start", 0)) - 1 if isinstance(m, dict) else -1
        if not name or i < 0:
            continue
        sent = sentences[i]
        at = sent.start + max(0, sent.text.find(m.get("surface") or name))
        chosen = _nearest(sent, at, [(n, activities[n][1]) for n in by_sentence.get(i, [])])
        if not chosen and i > 0 and by_sentence.get(i - 1) and "\n" not in text[sentences[i - 1].end:sent.start]:
            chosen = [by_sentence[i - 1][0]]
        for n in chosen:
            if name not in out[n]:
                out[n].append(name)
    return out


_CLAUSE_MARK = re.compile(r"[，,；;：:]")


def _nearest(sent, at: int, acts: list[tuple[int, int]]) -> list[int]:
    if not acts:
        return []
    norm, base = sent.norm, sent.start

    def same_clause(q: int) -> bool:
        lo, hi = sorted((at - base, q - base))
        return not _CLAUSE_MARK.search(norm, lo, hi)

    same = [n for n, q in acts if same_clause(q)]
    if same:
        return same
    before = [(q, n) for n, q in acts if q < at]
    if before:
        return [max(before)[1]]
    return [min((q, n) for n, q in acts)[1]]

