"""Problems a report admits (存在的问题, 不足, 差距), each its own item with its sentence.

Why items and not a flag on the document: analysts compare what units
admit — 学习不够深入, 成果转化不充分 — across units and years, and a
problem is often the root of next year's plan. A problem is

* a sentence of a 问题/不足 part (:mod:`kg.extract.sections`), other than
  the heading and a lead-in line (``对照要求，还存在以下不足：``), or
* a sentence elsewhere that admits one in so many words
  (``…还存在学习不够系统的问题``; the words are data:
  ``data/lexicon/problem_cues.txt``).

Its ``text`` is the sentence without the enumerator (一是, （一）) and the
final stop; ``org`` is the reporting unit (the unit that admits it).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import lexicon_path, read_wordlist
from .base import Context, register
from .sections import PROBLEM, span_at

__all__ = ["extract_problems", "problem_text", "admits_problem"]

_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，、是]|[（(][一二三四五六七八九十0-9]+[）)]"
                         r"|[一二三四五六七八九十]+[、.．]|[0-9]+[、.．](?!\d)|首先|其次|再次|最后)[，、：:]?")
_END = "。；;！!？?"
_LEAD_IN_END = ("：", ":")
_MIN_CHARS = 6
_LABEL_CHARS = 12
_LABEL_ENDS = ("方面", "问题", "不足", "差距")
_ADMIT = re.compile(r"存在|仍有|还有|仍然|依然|依旧")
_CLAUSE = re.compile(r"[，,；;：:]")
_TAGS = ("after", "alone", "not")


@lru_cache(maxsize=None)
def _admit_words(directory: str | None = None) -> dict:
    """The cue words by tag, and one regex that finds a sentence worth a closer look."""
    path = lexicon_path("problem_cues", directory)
    out: dict[str, list[str]] = {tag: [] for tag in _TAGS}
    for e in read_wordlist(path):
        if e.tag not in _TAGS:
            raise LexiconError(path, e.line_no, f"tag of {e.word!r} must be one of {' '.join(_TAGS)}")
        out[e.tag].append(e.word)
    words = {tag: tuple(ws) for tag, ws in out.items()}
    alone = sorted(words["alone"], key=len, reverse=True)
    words["alone_re"] = re.compile("|".join(map(re.escape, alone))) if alone else re.compile(r"(?!)")
    # most sentences hold neither an admitting verb nor a phrase that admits alone: one search skips them
    words["any_re"] = re.compile(_ADMIT.pattern + ("|" + words["alone_re"].pattern if alone else ""))
    return words


def problem_text(sentence: str) -> str:
    """The sentence as a problem: no enumerator, no final stop.

    >>> problem_text("一是理论学习不够系统深入；")
    '理论学习不够系统深入'
    """
    return _ENUMERATOR.sub("", sentence.strip()).rstrip(_END).strip()


def admits_problem(sentence: str, directory: str | None = None) -> bool:
    """Does a sentence outside a problems part admit a shortcoming in so many words?

    >>> admits_problem("但也还存在学习不够系统的问题。"), admits_problem("针对问题开展整改。")
    (True, False)
    """
    words = _admit_words(directory)
    if words["any_re"].search(sentence) is None:
        return False
    for m in _ADMIT.finditer(sentence):
        clause_start = max((c.end() for c in _CLAUSE.finditer(sentence, 0, m.start())), default=0)
        if any(w in sentence[clause_start:m.start()] for w in words["not"]):
            continue
        rest = sentence[m.end():]
        if any(w in rest for w in words["after"]):
            return True
    return words["alone_re"].search(sentence) is not None and not any(w in sentence[:8] for w in words["not"])


@register("problems")
def extract_problems(ctx: Context) -> list[dict]:
    """``[{text, org, section, evidence, start, end}]``: the problems the document admits.

    >>> from kg.document import Document
    >>> t = "三、存在的问题\\n一是学习不够深入；二是调研不够扎实。\\n下一步，加强学习。"
    >>> ctx = Context.from_document(Document(doc_id="d", title="", genre="汇报", text=t))
    >>> from kg.extract.sections import extract_sections
    >>> ctx.found["sections"] = extract_sections(ctx)
    >>> [p["text"] for p in extract_problems(ctx)]
    ['学习不够深入', '调研不够扎实']
    """
    spans = ctx.found.get("sections") or []
    reporting = ctx.found.get("reporting_org") or []
    org = reporting[0]["name"] if reporting else None
    out = []
    starts = [s["start"] for s in spans]
    for s in ctx.sentences:
        span = span_at(spans, s.start, starts) if spans else None
        in_part = span is not None and span["section"] == PROBLEM
        heading = span["heading"] if span else ""
        if heading and heading.split(" / ")[-1] == s.norm:
            continue  # the heading itself
        if in_part:
            if s.norm.endswith(_LEAD_IN_END):
                continue
        elif not admits_problem(s.norm):
            continue
        text = problem_text(s.text)
        if len(text) < _MIN_CHARS or (len(text) <= _LABEL_CHARS and text.endswith(_LABEL_ENDS)):
            continue  # too short to say anything, or a label over the problems (在理论武装方面)
        out.append({"text": text, "org": org, "section": PROBLEM, "evidence": s.text, "start": s.start, "end": s.end})
    return out
